//! The rows an import handed back, as a CSV the user can fix and import again: the file's own
//! columns plus one saying why.

use std::path::Path;

use super::mapping::Mapping;
use super::plan::RowError;
use crate::i18n::Tr;
use crate::io::csv_out::write_csv;

pub fn write_rejected(
    path: &Path,
    mapping: Option<&Mapping>,
    rows: &[RowError],
    tr: &Tr,
) -> anyhow::Result<()> {
    let headers: Vec<&str> = mapping
        .map(|m| m.headers.iter().map(String::as_str).collect())
        .unwrap_or_default();
    let mut header = vec![tr.im_col_row];
    header.extend(headers.iter().copied());
    header.push(tr.im_col_reason);
    let lines: Vec<Vec<String>> = rows
        .iter()
        .map(|r| {
            let mut line = vec![r.number.to_string()];
            line.extend((0..headers.len()).map(|i| r.cells.get(i).cloned().unwrap_or_default()));
            line.push(tr.cell_errors(&r.errors, mapping));
            line
        })
        .collect();
    write_csv(path, &header, &lines)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Problem;
    use crate::i18n::ZH;
    use crate::io::import::{CellError, ImportKind, RowProblem, Target};

    #[test]
    fn rejected_rows_keep_their_cells_and_say_why() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("rejected.csv");
        let m = Mapping::auto(
            ImportKind::Achievements,
            vec!["成果名称".into(), "成熟度".into()],
        );
        let rows = [RowError {
            number: 7,
            cells: vec!["=坏行".into(), "12".into()],
            errors: vec![CellError {
                target: Some(Target::Trl),
                problem: RowProblem::Field(Problem::TrlOutOfRange),
            }],
        }];
        write_rejected(&path, Some(&m), &rows, &ZH).unwrap();
        let text = std::fs::read_to_string(&path).unwrap();
        let mut lines = text.trim_start_matches('\u{feff}').lines();
        assert_eq!(lines.next(), Some("行号,成果名称,成熟度,原因"));
        let line = lines.next().unwrap();
        assert!(line.starts_with("7,'=坏行,12,成熟度："), "{line}");
    }
}
