//! Files in and out. Pure over plain data and paths: no egui, no SQL.

pub mod csv_out;
pub mod import;
pub mod read;
pub mod safe_file;
pub mod tables;
pub mod xlsx_out;

/// Text that a spreadsheet would run as a formula (=, +, -, @, tab, carriage return at the
/// start) gets a leading apostrophe, so an exported cell can never execute.
pub fn safe_cell(text: &str) -> std::borrow::Cow<'_, str> {
    match text.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{text}").into(),
        _ => text.into(),
    }
}

/// A cell as it was before [`safe_cell`]: the apostrophe in front of what a spreadsheet would
/// run comes off when a CSV file is imported.
pub fn unprotected_cell(text: &str) -> &str {
    match text.strip_prefix('\'') {
        Some(rest) if rest.starts_with(['=', '+', '-', '@', '\t', '\r']) => rest,
        _ => text,
    }
}

#[cfg(test)]
mod tests {
    use super::{safe_cell, unprotected_cell};

    #[test]
    fn the_apostrophe_comes_off_again() {
        for text in ["=SUM(A1)", "+86 138", "-5", "@x", "锂电池", "'quoted", ""] {
            assert_eq!(unprotected_cell(&safe_cell(text)), text);
        }
    }

    #[test]
    fn formulas_are_neutralised() {
        assert_eq!(safe_cell("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
        assert_eq!(safe_cell("+86 138"), "'+86 138");
        assert_eq!(safe_cell("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(safe_cell("锂电池"), "锂电池");
        assert_eq!(safe_cell(""), "");
    }
}
