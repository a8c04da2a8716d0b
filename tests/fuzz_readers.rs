//! A fuzz target over the readers: CSV text of every shape (quotes, delimiters, encodings, NUL
//! bytes, lines of every length), XLSX archives with cells anywhere and bytes damaged, and web
//! pages. Whatever the input, reading it and checking it as an import either works or says why:
//! nothing panics or aborts. Bounded by a number of cases, so it runs in CI with `cargo test`.

use std::io::Write as _;
use std::path::Path;
use std::sync::atomic::AtomicBool;

use proptest::prelude::*;
use techbroker::io::import::source::{inspect, scan_file};
use techbroker::io::import::{ImportKind, Mapping, TableChoice};
use techbroker::io::read::TableReader;
use techbroker::store::ImportIndex;

/// Reads every row, then inspects and checks the file as an import of each kind.
fn read_and_check(path: &Path) {
    if let Ok(mut reader) = TableReader::open(path, None) {
        let mut n = 0;
        while let Some(row) = reader.next_row() {
            let _ = row;
            n += 1;
            assert!(n < 1_000_000, "a reader that never ends");
        }
        let _ = reader.progress();
    }
    let index = ImportIndex::default();
    for kind in ImportKind::ALL {
        let choice = TableChoice::default();
        let Ok(info) = inspect(path, kind, &choice) else {
            continue;
        };
        let mapping = (!info.is_json()).then(|| Mapping::auto(kind, info.headers.clone()));
        let choice = TableChoice {
            sheet: info.sheet.clone(),
            header_row: Some(info.header_row).filter(|_| !info.is_json()),
        };
        let _ = scan_file(
            path,
            kind,
            &choice,
            mapping.as_ref(),
            &index,
            &AtomicBool::new(false),
            &mut |_, _| {},
        );
    }
}

/// Pieces CSV files are made of, put together at random.
fn csv_piece() -> impl Strategy<Value = Vec<u8>> {
    prop_oneof![
        Just(b",".to_vec()),
        Just(b";".to_vec()),
        Just(b"\t".to_vec()),
        Just(b"|".to_vec()),
        Just(b"\"".to_vec()),
        Just(b"\n".to_vec()),
        Just(b"\r\n".to_vec()),
        Just(b"\r".to_vec()),
        Just(b"\0".to_vec()),
        Just(b"\xEF\xBB\xBF".to_vec()),
        Just(
            "成果名称,完成单位,技术领域,成熟度,意向价格（万元）\n"
                .as_bytes()
                .to_vec()
        ),
        Just("合计,,,,\n填表人：张三\n".as_bytes().to_vec()),
        Just(
            "中试阶段,50-100万,2027年6月,面议,1.2亿,'=SUM(A1)"
                .as_bytes()
                .to_vec()
        ),
        Just(encoding_rs::GBK.encode("山东大学,锂电池\n").0.into_owned()),
        Just(vec![0xFF, 0xFE]),
        Just(vec![0x80, 0x81, 0xFE]),
        "[a-z0-9 ]{0,12}".prop_map(String::into_bytes),
        "\\PC{0,6}".prop_map(String::into_bytes),
        proptest::collection::vec(any::<u8>(), 0..16),
    ]
}

fn csv_bytes() -> impl Strategy<Value = Vec<u8>> {
    proptest::collection::vec(csv_piece(), 0..60).prop_map(|pieces| pieces.concat())
}

/// An XLSX archive whose one sheet holds `cells` at the positions given, with the dimension
/// it declares; then `damage` flips bytes of the archive.
fn xlsx_bytes(dimension: &str, cells: &[(u32, u32, String)], damage: &[(usize, u8)]) -> Vec<u8> {
    let mut data = String::new();
    for (row, col, text) in cells {
        let name = column_name(*col);
        let escaped = text.replace('&', "&amp;").replace('<', "&lt;");
        data.push_str(&format!(
            r#"<row r="{r}"><c r="{name}{r}" t="inlineStr"><is><t>{escaped}</t></is></c></row>"#,
            r = row + 1
        ));
    }
    let sheet = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><dimension ref="{dimension}"/><sheetData>{data}</sheetData><mergeCells count="1"><mergeCell ref="A1:C2"/></mergeCells></worksheet>"#
    );
    let mut out = std::io::Cursor::new(Vec::new());
    {
        let mut zip = zip::ZipWriter::new(&mut out);
        let stored = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Stored);
        for (name, body) in [
            ("[Content_Types].xml", r#"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>"#.to_string()),
            ("_rels/.rels", r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#.to_string()),
            ("xl/workbook.xml", r#"<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>"#.to_string()),
            ("xl/_rels/workbook.xml.rels", r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>"#.to_string()),
            ("xl/worksheets/sheet1.xml", sheet),
        ] {
            zip.start_file(name, stored).unwrap();
            zip.write_all(body.as_bytes()).unwrap();
        }
        zip.finish().unwrap();
    }
    let mut bytes = out.into_inner();
    for &(at, value) in damage {
        if !bytes.is_empty() {
            let i = at % bytes.len();
            bytes[i] = value;
        }
    }
    bytes
}

fn column_name(mut col: u32) -> String {
    let mut name = Vec::new();
    loop {
        name.push(b'A' + (col % 26) as u8);
        if col < 26 {
            break;
        }
        col = col / 26 - 1;
    }
    name.reverse();
    String::from_utf8(name).unwrap_or_default()
}

fn cell() -> impl Strategy<Value = (u32, u32, String)> {
    (
        prop_oneof![0u32..40, Just(299_999), Just(1_048_575), any::<u32>()],
        prop_oneof![0u32..12, Just(702), Just(16_383), 0u32..20_000],
        prop_oneof![
            Just("成果名称".to_string()),
            Just("完成单位".to_string()),
            Just("合计".to_string()),
            "\\PC{0,10}",
        ],
    )
}

fn dimension() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("A1".to_string()),
        Just("A1:E20".to_string()),
        Just("A1:XFD1048576".to_string()),
        Just("ZZZ9:A1".to_string()),
        "[A-Z]{1,3}[0-9]{1,7}(:[A-Z]{1,3}[0-9]{1,7})?",
        "\\PC{0,8}",
    ]
}

fn write(dir: &tempfile::TempDir, name: &str, bytes: &[u8]) -> std::path::PathBuf {
    let path = dir.path().join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]

    #[test]
    fn any_csv_is_read_or_refused_without_a_panic(bytes in csv_bytes(), name in prop_oneof![
        Just("a.csv"), Just("a.xls"), Just("a.txt"), Just("a.json")
    ]) {
        let dir = tempfile::tempdir().unwrap();
        read_and_check(&write(&dir, name, &bytes));
    }

    #[test]
    fn any_xlsx_is_read_or_refused_without_a_panic(
        dimension in dimension(),
        cells in proptest::collection::vec(cell(), 0..12),
        damage in proptest::collection::vec((any::<usize>(), any::<u8>()), 0..3),
    ) {
        let dir = tempfile::tempdir().unwrap();
        let bytes = xlsx_bytes(&dimension, &cells, &damage);
        read_and_check(&write(&dir, "a.xlsx", &bytes));
    }

    #[test]
    fn any_web_page_is_read_or_refused_without_a_panic(
        cells in proptest::collection::vec(("\\PC{0,8}", 0usize..4, 0usize..4), 0..20),
        charset in prop_oneof![Just("utf-8"), Just("gb2312"), Just("gbk"), Just("nonsense")],
    ) {
        let mut page = format!("<html><head><meta charset=\"{charset}\"></head><body><table>");
        for (i, (text, colspan, rowspan)) in cells.iter().enumerate() {
            if i % 4 == 0 {
                page.push_str("<tr>");
            }
            page.push_str(&format!("<td colspan={colspan} rowspan={rowspan}>{text}</td>"));
        }
        page.push_str("</table></body></html>");
        let dir = tempfile::tempdir().unwrap();
        read_and_check(&write(&dir, "a.xls", page.as_bytes()));
    }
}
