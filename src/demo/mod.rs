//! A deterministic generator of realistic Chinese demo data (placeholder: being written).
