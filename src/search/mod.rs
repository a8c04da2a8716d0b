//! Substring search over Chinese and Latin text without spaces between words.
//!
//! An in-memory n-gram index: every record's text is kept normalised (lower case, full-width
//! folded) in a compact byte code learnt from the catalogue's commonest characters, with a posting
//! list per pair of adjacent characters. A one-character query joins the lists of the pairs it is
//! part of; a longer one intersects the lists of its pairs, rarest first, and checks the survivors
//! for the whole substring. Posting lists are delta-encoded varints. Why not SQLite FTS5: see the
//! README ("Search").

mod code;
mod index;
mod postings;
mod text;
pub mod varint;

pub use index::{Doc, Hit, IndexStats, SearchIndex};
pub use text::normalize;
