//! A web page's table, as many platforms export a list: HTML saved with an .xls or .xlsx name.
//! The page's charset is honoured (gb2312 and GBK included); the table with the most rows is
//! read, with cells spanning rows or columns filling every cell they cover, as a spreadsheet
//! shows a merged cell.

use std::path::Path;

use encoding_rs::{Encoding, GB18030, UTF_8};
use scraper::{ElementRef, Html, Node, Selector};

use super::{ReadError, Row};

/// A larger page is refused rather than parsed: its tree would take several times its size.
pub(super) const MAX_HTML: u64 = 24 * 1024 * 1024;
/// A span beyond this is a page's layout, not a merged cell.
const MAX_SPAN: usize = 1000;

/// Whether the start of a text file is a web page.
pub(super) fn looks_like_html(text: &str) -> bool {
    let start: String = text
        .trim_start_matches('\u{feff}')
        .trim_start()
        .chars()
        .take(4096)
        .collect::<String>()
        .to_ascii_lowercase();
    start.starts_with('<')
        && ["<html", "<table", "<!doctype html", "<body", "<meta"]
            .iter()
            .any(|tag| start.contains(tag))
}

/// The rows of the page's largest table.
pub(super) fn read_html(path: &Path) -> Result<Vec<Row>, ReadError> {
    let size = std::fs::metadata(path)
        .map_err(|e| ReadError::io(path, e))?
        .len();
    if size > MAX_HTML {
        return Err(ReadError::TooLarge {
            rows: 0,
            columns: 0,
        });
    }
    let bytes = std::fs::read(path).map_err(|e| ReadError::io(path, e))?;
    let text = decode(&bytes);
    let page = Html::parse_document(&text);
    let tables = Selector::parse("table").map_err(|e| ReadError::Workbook(e.to_string()))?;
    let table = page
        .select(&tables)
        .map(|t| (own_rows(t).len(), t))
        .filter(|(n, _)| *n > 0)
        .max_by_key(|(n, _)| *n)
        .map(|(_, t)| t)
        .ok_or(ReadError::WebPage)?;
    Ok(grid(table))
}

/// The page's text: by its byte-order mark, the charset its head declares, or else UTF-8 when
/// valid and GB18030 (what Chinese platforms write) when not.
fn decode(bytes: &[u8]) -> String {
    if let Some((encoding, bom)) = Encoding::for_bom(bytes) {
        return encoding
            .decode_without_bom_handling(&bytes[bom..])
            .0
            .into_owned();
    }
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(4096)]).to_ascii_lowercase();
    let declared = head.find("charset").and_then(|at| {
        let rest = head[at + "charset".len()..].trim_start_matches([' ', '=', '"', '\'']);
        let label: String = rest
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_'))
            .collect();
        Encoding::for_label(label.as_bytes())
    });
    let encoding = declared.unwrap_or(if std::str::from_utf8(bytes).is_ok() {
        UTF_8
    } else {
        GB18030
    });
    // gb2312 and GBK pages often hold characters only GB18030 has: read them as its superset.
    let encoding = if encoding == encoding_rs::GBK {
        GB18030
    } else {
        encoding
    };
    encoding.decode_without_bom_handling(bytes).0.into_owned()
}

/// The rows of `table` itself, not of tables nested in its cells.
fn own_rows(table: ElementRef<'_>) -> Vec<ElementRef<'_>> {
    let mut rows = Vec::new();
    for child in table.children().filter_map(ElementRef::wrap) {
        match child.value().name() {
            "tr" => rows.push(child),
            "thead" | "tbody" | "tfoot" => {
                rows.extend(
                    child
                        .children()
                        .filter_map(ElementRef::wrap)
                        .filter(|e| e.value().name() == "tr"),
                );
            }
            _ => {}
        }
    }
    rows
}

fn span(cell: ElementRef<'_>, name: &str) -> usize {
    cell.value()
        .attr(name)
        .and_then(|v| v.trim().parse::<usize>().ok())
        .unwrap_or(1)
        .clamp(1, MAX_SPAN)
}

/// The table laid out as a grid, spans filled.
fn grid(table: ElementRef<'_>) -> Vec<Row> {
    let mut rows: Vec<Vec<String>> = Vec::new();
    // Cells carried down from a row span above: (column, rows left, text).
    let mut carried: Vec<(usize, usize, String)> = Vec::new();
    for tr in own_rows(table) {
        let mut cells: Vec<String> = Vec::new();
        let place = |cells: &mut Vec<String>, col: usize, text: &str| {
            if cells.len() <= col {
                cells.resize(col + 1, String::new());
            }
            cells[col] = text.to_string();
        };
        for (col, _, text) in &carried {
            place(&mut cells, *col, text);
        }
        let mut col = 0;
        for cell in tr
            .children()
            .filter_map(ElementRef::wrap)
            .filter(|e| matches!(e.value().name(), "td" | "th"))
        {
            while cells.get(col).is_some_and(|c| !c.is_empty())
                || carried.iter().any(|(c, ..)| *c == col)
            {
                col += 1;
            }
            let text = cell_text(cell);
            let (across, down) = (span(cell, "colspan"), span(cell, "rowspan"));
            for c in col..col + across {
                place(&mut cells, c, &text);
                if down > 1 {
                    carried.push((c, down, text.clone()));
                }
            }
            col += across;
        }
        // A span started on this row counts this row as its first.
        for entry in &mut carried {
            entry.1 -= 1;
        }
        carried.retain(|(_, left, _)| *left > 0);
        rows.push(cells);
    }
    rows.into_iter()
        .enumerate()
        .filter(|(_, cells)| cells.iter().any(|c| !c.is_empty()))
        .map(|(i, cells)| Row {
            number: i + 1,
            cells,
            issues: Vec::new(),
        })
        .collect()
}

/// A cell's text as shown: line breaks where the page breaks lines, spaces collapsed.
fn cell_text(cell: ElementRef<'_>) -> String {
    let mut out = String::new();
    for node in cell.descendants() {
        match node.value() {
            Node::Text(text) => out.push_str(text),
            Node::Element(e) if matches!(e.name(), "br" | "p" | "div") => out.push('\n'),
            _ => {}
        }
    }
    out.lines()
        .map(|line| line.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|line| !line.is_empty())
        .collect::<Vec<_>>()
        .join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table(html: &str) -> Vec<Vec<String>> {
        let page = Html::parse_document(html);
        let selector = Selector::parse("table").unwrap();
        let t = page.select(&selector).next().unwrap();
        grid(t).into_iter().map(|r| r.cells).collect()
    }

    #[test]
    fn spans_fill_the_cells_they_cover() {
        let rows = table(
            "<table><tr><th>单位</th><th colspan=2>联系人</th></tr>\
             <tr><td rowspan=2>山东大学</td><td>张</td><td>0531</td></tr>\
             <tr><td>王</td><td>0532</td></tr></table>",
        );
        assert_eq!(rows[0], vec!["单位", "联系人", "联系人"]);
        assert_eq!(rows[1], vec!["山东大学", "张", "0531"]);
        assert_eq!(rows[2], vec!["山东大学", "王", "0532"]);
    }

    #[test]
    fn line_breaks_and_entities_are_read_as_shown() {
        let rows =
            table("<table><tr><td>技术成熟度<br>(TRL)&nbsp;*</td><td> a  b </td></tr></table>");
        assert_eq!(rows[0], vec!["技术成熟度\n(TRL) *", "a b"]);
    }

    #[test]
    fn a_declared_gbk_charset_is_honoured() {
        let page = "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\"></head><body>山东大学</body></html>";
        let (bytes, _, _) = encoding_rs::GBK.encode(page);
        assert!(decode(&bytes).contains("山东大学"));
        assert!(looks_like_html(page));
        assert!(!looks_like_html("名称,单位\n<b>,x"));
    }
}
