//! Any table as a CSV file that Excel opens correctly: UTF-8 with a byte-order mark, and no cell
//! that a spreadsheet could run as a formula, the header's included.

use std::io::Write;
use std::path::Path;

use anyhow::Context;

use super::safe_cell;
use super::safe_file::write_file;

/// Writes `header` and `rows` to `path` (see [`write_file`]). Every cell is passed through
/// [`safe_cell`].
pub fn write_csv(path: &Path, header: &[&str], rows: &[Vec<String>]) -> anyhow::Result<()> {
    write_file(path, |file| {
        file.write_all(b"\xEF\xBB\xBF")
            .with_context(|| format!("cannot write {}", path.display()))?;
        let mut w = csv::Writer::from_writer(std::io::BufWriter::new(file));
        w.write_record(header.iter().map(|h| safe_cell(h).into_owned()))?;
        for row in rows {
            w.write_record(row.iter().map(|cell| safe_cell(cell).into_owned()))?;
        }
        w.flush()
            .with_context(|| format!("cannot write {}", path.display()))?;
        Ok(())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_a_bom_a_header_and_safe_cells() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("list.csv");
        let rows = vec![vec![
            "=恶意公式".to_string(),
            "山东大学".to_string(),
            "6".to_string(),
            "电池, 回收".to_string(),
        ]];
        write_csv(&path, &["成果名称", "=完成单位", "TRL", "关键词"], &rows).unwrap();
        let bytes = std::fs::read(&path).unwrap();
        assert!(bytes.starts_with(b"\xEF\xBB\xBF"));
        let text = String::from_utf8(bytes[3..].to_vec()).unwrap();
        let mut lines = text.lines();
        assert_eq!(lines.next(), Some("成果名称,'=完成单位,TRL,关键词"));
        assert_eq!(lines.next(), Some("'=恶意公式,山东大学,6,\"电池, 回收\""));
    }

    #[test]
    fn an_unwritable_path_is_an_error() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("no/such/folder/list.csv");
        assert!(write_csv(&path, &["a"], &[]).is_err());
    }
}
