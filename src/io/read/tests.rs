use std::path::PathBuf;

use tempfile::TempDir;

use super::*;

fn write(dir: &TempDir, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.path().join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

/// A ZIP archive of the given parts, stored as they are.
fn zip_of(parts: &[(&str, &[u8])]) -> Vec<u8> {
    use std::io::Write as _;
    let mut w = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    for (name, bytes) in parts {
        w.start_file(*name, options).unwrap();
        w.write_all(bytes).unwrap();
    }
    w.finish().unwrap().into_inner()
}

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

/// Every remaining row as (number, cells).
fn rows(reader: &mut TableReader) -> Vec<(usize, Vec<String>)> {
    std::iter::from_fn(|| reader.next_row())
        .map(|row| {
            let row = row.unwrap();
            (row.number, row.cells)
        })
        .collect()
}

/// The first row, which is the header in these files.
fn headers(reader: &mut TableReader) -> Vec<String> {
    reader.next_row().unwrap().unwrap().cells
}

fn cells(texts: &[&str]) -> Vec<String> {
    texts.iter().map(|t| t.to_string()).collect()
}

const ACHIEVEMENTS: &str =
    "成果名称,完成单位,意向价格\n锂电池回收技术,山东大学,150000\n海参育苗, 中国海洋大学 ,面议\n";

fn assert_achievements(reader: &mut TableReader) {
    assert_eq!(
        headers(reader),
        cells(&["成果名称", "完成单位", "意向价格"])
    );
    assert_eq!(
        rows(reader),
        vec![
            (2, cells(&["锂电池回收技术", "山东大学", "150000"])),
            (3, cells(&["海参育苗", "中国海洋大学", "面议"])),
        ]
    );
}

#[test]
fn utf8_with_a_bom() {
    let dir = tempfile::tempdir().unwrap();
    let bytes = [b"\xEF\xBB\xBF".as_slice(), ACHIEVEMENTS.as_bytes()].concat();
    let path = write(&dir, "a.csv", &bytes);
    let mut reader = TableReader::open(&path, None).unwrap();
    assert_eq!(reader.encoding(), Some("UTF-8"));
    assert_eq!(reader.delimiter(), Some(b','));
    // The BOM must not end up in the first header.
    assert_achievements(&mut reader);
    assert_eq!(reader.progress(), (bytes.len() as u64, bytes.len() as u64));
}

#[test]
fn utf8_without_a_bom() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(&dir, "a.csv", ACHIEVEMENTS.as_bytes());
    assert_eq!(sheet_names(&path).unwrap(), Vec::<String>::new());
    let mut reader = TableReader::open(&path, None).unwrap();
    assert_eq!(reader.encoding(), Some("UTF-8"));
    assert_achievements(&mut reader);
}

#[test]
fn gbk_from_chinese_excel() {
    let dir = tempfile::tempdir().unwrap();
    let (gbk, _, unmappable) = encoding_rs::GBK.encode(ACHIEVEMENTS);
    assert!(!unmappable);
    let path = write(&dir, "a.csv", &gbk);
    let mut reader = TableReader::open(&path, None).unwrap();
    assert_eq!(reader.encoding(), Some("GB18030"));
    assert_achievements(&mut reader);
}

#[test]
fn utf16le_unicode_text_from_excel() {
    let dir = tempfile::tempdir().unwrap();
    let text = ACHIEVEMENTS.replace(',', "\t").replace('\n', "\r\n");
    let mut bytes = vec![0xFF, 0xFE];
    bytes.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
    let path = write(&dir, "a.txt", &bytes);
    assert_eq!(detect_kind(&path).unwrap(), FileKind::Csv);
    let mut reader = TableReader::open(&path, None).unwrap();
    assert_eq!(reader.encoding(), Some("UTF-16LE"));
    assert_eq!(reader.delimiter(), Some(b'\t'));
    assert_achievements(&mut reader);
}

#[test]
fn semicolon_and_tab_separated() {
    let dir = tempfile::tempdir().unwrap();
    for (name, delimiter) in [("semi.csv", b';'), ("tabs.tsv", b'\t')] {
        // Commas inside the cells must not be taken for the delimiter.
        let text = "名称,简称;单位\n锂电池, 回收;山东大学\n海参;中国海洋大学\n"
            .replace(';', &char::from(delimiter).to_string());
        let path = write(&dir, name, text.as_bytes());
        let mut reader = TableReader::open(&path, None).unwrap();
        assert_eq!(reader.delimiter(), Some(delimiter), "{name}");
        assert_eq!(headers(&mut reader), cells(&["名称,简称", "单位"]));
        assert_eq!(rows(&mut reader)[0].1, cells(&["锂电池, 回收", "山东大学"]));
    }
}

#[test]
fn quoted_fields_with_line_breaks_and_commas() {
    let dir = tempfile::tempdir().unwrap();
    let text = "成果名称,摘要\n锂电池,\"第一行,\n第二行\n第三行\"\n海参,\"育苗, 养殖\"\n";
    let path = write(&dir, "a.csv", text.as_bytes());
    let mut reader = TableReader::open(&path, None).unwrap();
    headers(&mut reader);
    assert_eq!(
        rows(&mut reader),
        vec![
            (2, cells(&["锂电池", "第一行,\n第二行\n第三行"])),
            // The record above spans lines 2 to 4.
            (5, cells(&["海参", "育苗, 养殖"])),
        ]
    );
}

#[test]
fn blank_lines_and_empty_records_are_skipped_but_counted() {
    let dir = tempfile::tempdir().unwrap();
    let text = "\n  \n名称,单位\n,\n\n锂电池,\"山东\n大学\"\n\n\n ,  \n\n海参,中国海洋大学";
    // Windows, Unix and old Mac line ends give the same line numbers.
    for (name, line_end) in [("lf.csv", "\n"), ("crlf.csv", "\r\n"), ("cr.csv", "\r")] {
        let path = write(&dir, name, text.replace('\n', line_end).as_bytes());
        let mut reader = TableReader::open(&path, None).unwrap();
        assert_eq!(headers(&mut reader), cells(&["名称", "单位"]), "{name}");
        assert_eq!(
            rows(&mut reader),
            vec![
                (6, cells(&["锂电池", "山东\n大学"])),
                (12, cells(&["海参", "中国海洋大学"])),
            ],
            "{name}"
        );
    }
}

#[test]
fn an_unclosed_quote_is_reported_where_it_opens() {
    let dir = tempfile::tempdir().unwrap();
    let text = "名称,摘要\n锂电池,\"没有结束的引号\n海参,育苗\n";
    let path = write(&dir, "a.csv", text.as_bytes());
    let mut reader = TableReader::open(&path, None).unwrap();
    headers(&mut reader);
    match reader.next_row() {
        Some(Err(ReadError::Csv { line, message })) => {
            assert_eq!(line, 2);
            assert!(message.contains("never closed"), "{message}");
        }
        other => panic!("expected a CSV error, got {other:?}"),
    }
}

#[test]
fn stray_quotes_far_apart_are_reported_then_reading_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    let mut text = String::from("名称,摘要\n锂电池,\"引号从这里开始\n");
    for i in 0..csv_table::MAX_RECORD_LINES {
        text.push_str(&format!("成果{i},摘要{i}\n"));
    }
    text.push_str("到这里才结束\",x\n海参,育苗\n");
    let path = write(&dir, "a.csv", text.as_bytes());
    let mut reader = TableReader::open(&path, None).unwrap();
    headers(&mut reader);
    match reader.next_row() {
        Some(Err(ReadError::Csv { line, message })) => {
            assert_eq!(line, 2);
            assert!(message.contains("lines"), "{message}");
        }
        other => panic!("expected a CSV error, got {other:?}"),
    }
    let last_line = 4 + csv_table::MAX_RECORD_LINES as usize;
    assert_eq!(
        rows(&mut reader),
        vec![(last_line, cells(&["海参", "育苗"]))]
    );
}

#[test]
fn an_empty_file_is_empty() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(&dir, "a.csv", b"");
    assert!(matches!(detect_kind(&path), Err(ReadError::Empty)));
    assert!(matches!(
        TableReader::open(&path, None),
        Err(ReadError::Empty)
    ));
}

#[test]
fn only_whitespace_and_empty_lines_has_no_rows() {
    let dir = tempfile::tempdir().unwrap();
    let text = "\u{feff}\r\n   \n\t\n,,\n\u{3000}\r\n";
    let path = write(&dir, "a.csv", text.as_bytes());
    let mut reader = TableReader::open(&path, None).unwrap();
    assert!(reader.next_row().is_none());
}

#[test]
fn a_header_only_file_has_headers_and_no_rows() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(&dir, "a.csv", " 名称 , 单位 \n".as_bytes());
    let mut reader = TableReader::open(&path, None).unwrap();
    assert_eq!(headers(&mut reader), cells(&["名称", "单位"]));
    assert!(reader.next_row().is_none());
}

const PNG_START: &[u8] = &[
    0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52,
    0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x06, 0x00, 0x00, 0x00, 0x1F, 0x15, 0xC4,
    0x89,
];

#[test]
fn a_png_renamed_csv_is_not_text() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(&dir, "photo.csv", PNG_START);
    assert!(matches!(detect_kind(&path), Err(ReadError::NotText)));
    assert!(matches!(
        TableReader::open(&path, None),
        Err(ReadError::NotText)
    ));
}

#[test]
fn a_zip_that_is_not_a_workbook_is_told_as_an_archive() {
    let path = fixture("not_a_workbook.zip");
    assert!(matches!(
        detect_kind(&path),
        Err(ReadError::OtherDocument(Document::Zip))
    ));
    assert!(matches!(
        TableReader::open(&path, None),
        Err(ReadError::OtherDocument(Document::Zip))
    ));
    assert!(matches!(
        sheet_names(&path),
        Err(ReadError::OtherDocument(Document::Zip))
    ));
}

#[test]
fn word_pdf_and_presentation_files_are_told_by_their_content() {
    let dir = tempfile::tempdir().unwrap();
    let docx = write(
        &dir,
        "a.xlsx",
        &zip_of(&[("word/document.xml", b"<w:document/>")]),
    );
    assert!(matches!(
        detect_kind(&docx),
        Err(ReadError::OtherDocument(Document::Word))
    ));
    let pptx = write(
        &dir,
        "b.xlsx",
        &zip_of(&[("ppt/presentation.xml", b"<p/>")]),
    );
    assert!(matches!(
        detect_kind(&pptx),
        Err(ReadError::OtherDocument(Document::Presentation))
    ));
    let pdf = write(&dir, "c.xls", b"%PDF-1.4\n\x8f\x8f\x8f");
    assert!(matches!(
        detect_kind(&pdf),
        Err(ReadError::OtherDocument(Document::Pdf))
    ));
    let book = write(
        &dir,
        "d.xlsx",
        &zip_of(&[("xl/workbook.xml", b"<workbook/>")]),
    );
    assert_eq!(detect_kind(&book).unwrap(), FileKind::Xlsx);
}

#[test]
fn binary_named_like_a_workbook_is_a_workbook_error() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(&dir, "broken.xlsx", PNG_START);
    assert_eq!(detect_kind(&path).unwrap(), FileKind::Xlsx);
    assert!(matches!(
        TableReader::open(&path, None),
        Err(ReadError::Workbook(_))
    ));
}

#[test]
fn a_missing_file_is_an_io_error_with_its_path() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("missing.csv");
    match TableReader::open(&path, None) {
        Err(ReadError::Io { path: p, .. }) => assert_eq!(p, path),
        Err(other) => panic!("expected Io, got {other}"),
        Ok(_) => panic!("a missing file opened"),
    }
}

/// A workbook like a broker's own: the table starts at B3, with a date, a date and time, a whole
/// number, a decimal, text, an empty row in the middle, and a second sheet.
fn make_xlsx(path: &Path) {
    use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};
    let mut workbook = Workbook::new();
    let date = Format::new().set_num_format("yyyy-mm-dd");
    let datetime = Format::new().set_num_format("yyyy-mm-dd hh:mm:ss");
    let sheet = workbook.add_worksheet().set_name("成果").unwrap();
    for (col, header) in [" 成果名称", "登记日期", "意向价格", "TRL"]
        .iter()
        .enumerate()
    {
        sheet.write_string(2, col as u16 + 1, *header).unwrap();
    }
    sheet.write_string(3, 1, "锂电池回收技术 ").unwrap();
    let day = ExcelDateTime::from_ymd(2024, 3, 15).unwrap();
    sheet.write_datetime_with_format(3, 2, &day, &date).unwrap();
    sheet.write_number(3, 3, 150000).unwrap();
    sheet.write_number(3, 4, 6).unwrap();
    // Row 5 (index 4) stays empty.
    sheet.write_string(5, 1, "海参育苗").unwrap();
    let moment = ExcelDateTime::from_ymd(2023, 12, 1)
        .unwrap()
        .and_hms(9, 30, 0)
        .unwrap();
    sheet
        .write_datetime_with_format(5, 2, &moment, &datetime)
        .unwrap();
    sheet.write_number(5, 3, 2.5).unwrap();
    let needs = workbook.add_worksheet().set_name("需求").unwrap();
    needs.write_string(0, 0, "需求名称").unwrap();
    needs.write_string(1, 0, "电池回收").unwrap();
    workbook.save(path).unwrap();
}

#[test]
fn an_xlsx_sheet_reads_as_excel_shows_it() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("成果.xlsx");
    make_xlsx(&path);
    assert_eq!(detect_kind(&path).unwrap(), FileKind::Xlsx);
    assert_eq!(sheet_names(&path).unwrap(), cells(&["成果", "需求"]));
    let mut reader = TableReader::open(&path, None).unwrap();
    assert_eq!(reader.encoding(), None);
    assert_eq!(reader.delimiter(), None);
    // Columns are counted from A: the table starts in column B.
    assert_eq!(
        headers(&mut reader),
        cells(&["", "成果名称", "登记日期", "意向价格", "TRL"])
    );
    assert_eq!(
        rows(&mut reader),
        vec![
            (
                4,
                cells(&["", "锂电池回收技术", "2024-03-15", "150000", "6"])
            ),
            (6, cells(&["", "海参育苗", "2023-12-01 09:30:00", "2.5"])),
        ]
    );
    assert_eq!(reader.progress(), (6, 6));
}

#[test]
fn a_second_sheet_opens_by_name() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("book.xlsx");
    make_xlsx(&path);
    let mut reader = TableReader::open(&path, Some("需求")).unwrap();
    assert_eq!(headers(&mut reader), cells(&["需求名称"]));
    assert_eq!(rows(&mut reader), vec![(2, cells(&["电池回收"]))]);
}

#[test]
fn a_missing_sheet_is_named_in_the_error() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("book.xlsx");
    make_xlsx(&path);
    match TableReader::open(&path, Some("Sheet1")) {
        Err(ReadError::NoSuchSheet(name)) => assert_eq!(name, "Sheet1"),
        Err(other) => panic!("expected NoSuchSheet, got {other}"),
        Ok(_) => panic!("a missing sheet opened"),
    }
    let csv = write(&dir, "a.csv", ACHIEVEMENTS.as_bytes());
    assert!(matches!(
        TableReader::open(&csv, Some("成果")),
        Err(ReadError::NoSuchSheet(_))
    ));
}

#[test]
fn a_workbook_whose_sheet_has_no_cells_is_empty() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("empty.xlsx");
    let mut workbook = rust_xlsxwriter::Workbook::new();
    workbook.add_worksheet().set_name("空表").unwrap();
    workbook.save(&path).unwrap();
    assert_eq!(sheet_names(&path).unwrap(), cells(&["空表"]));
    let mut reader = TableReader::open(&path, None).unwrap();
    assert!(reader.next_row().is_none());
}

#[test]
fn an_xls_workbook_from_xlwt() {
    let path = fixture("achievements.xls");
    assert_eq!(detect_kind(&path).unwrap(), FileKind::Xls);
    assert_eq!(sheet_names(&path).unwrap(), cells(&["成果"]));
    let mut reader = TableReader::open(&path, None).unwrap();
    assert_eq!(
        headers(&mut reader),
        cells(&["成果名称", "登记日期", "意向价格"])
    );
    assert_eq!(
        rows(&mut reader),
        vec![
            (2, cells(&["锂电池回收技术", "2024-03-15", "150000"])),
            (3, cells(&["海参育苗", "2023-12-01", "2.5"])),
        ]
    );
}

#[test]
fn kinds_by_content_then_extension() {
    let dir = tempfile::tempdir().unwrap();
    let kind = |name: &str, bytes: &[u8]| detect_kind(&write(&dir, name, bytes)).unwrap();
    assert_eq!(kind("a.csv", ACHIEVEMENTS.as_bytes()), FileKind::Csv);
    assert_eq!(kind("a.txt", b"a\tb\n"), FileKind::Csv);
    assert_eq!(kind("a.json", b"[{\"id\": 1}]"), FileKind::Json);
    // By content: a BOM and whitespace before the bracket, and a misleading extension.
    assert_eq!(
        kind("export.csv", b"\xEF\xBB\xBF \n{\"clients\": []}"),
        FileKind::Json
    );
    // By extension: JSON text that does not start with a bracket.
    assert_eq!(kind("a.json", b"null"), FileKind::Json);
    // A workbook by content whatever its name.
    let xls = std::fs::read(fixture("achievements.xls")).unwrap();
    assert_eq!(kind("renamed.csv", &xls), FileKind::Xls);
    let xlsx = dir.path().join("real.xlsx");
    make_xlsx(&xlsx);
    assert_eq!(
        kind("renamed.dat", &std::fs::read(&xlsx).unwrap()),
        FileKind::Xlsx
    );
    // A workbook that is really text (some platforms export CSV as .xls) is CSV.
    assert_eq!(kind("fake.xls", ACHIEVEMENTS.as_bytes()), FileKind::Csv);
}

#[test]
fn json_is_not_opened_as_a_table() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(&dir, "a.json", b"{\"achievements\": []}");
    assert!(matches!(
        TableReader::open(&path, None),
        Err(ReadError::IsJson)
    ));
    assert_eq!(sheet_names(&path).unwrap(), Vec::<String>::new());
}

#[test]
fn a_renamed_workbook_still_reads() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("export.dat");
    make_xlsx(&path);
    let mut reader = TableReader::open(&path, None).unwrap();
    assert_eq!(headers(&mut reader)[1], "成果名称");
}

#[test]
fn the_reader_can_move_to_a_worker_thread() {
    fn send<T: Send>() {}
    send::<TableReader>();
}

/// A large GBK file read in full crosses many decoder buffers; progress reaches the file size.
#[test]
fn a_large_gbk_file_streams_to_the_end() {
    let dir = tempfile::tempdir().unwrap();
    let mut text = String::from("编号,成果名称,摘要\n");
    for i in 0..5_000 {
        text.push_str(&format!("{i},锂电池回收技术{i},\"摘要,第{i}行\n续行\"\n"));
    }
    let (gbk, _, _) = encoding_rs::GBK.encode(&text);
    let path = write(&dir, "big.csv", &gbk);
    let mut reader = TableReader::open(&path, None).unwrap();
    headers(&mut reader);
    let all = rows(&mut reader);
    assert_eq!(all.len(), 5_000);
    let (number, last) = all.last().unwrap();
    assert_eq!(*number, 2 + 2 * 4_999);
    assert_eq!(last[1], "锂电池回收技术4999");
    assert_eq!(last[2], "摘要,第4999行\n续行");
    assert_eq!(reader.progress(), (gbk.len() as u64, gbk.len() as u64));
}

/// A generated achievement list of 100,000 rows, about 30 MB as UTF-8, written with `encode`.
fn write_big_csv(path: &Path, encode: impl Fn(&str) -> Vec<u8>) {
    use std::io::Write;
    let mut out = std::io::BufWriter::new(std::fs::File::create(path).unwrap());
    let header = "成果名称,完成单位,所属领域,关键词,摘要,主要技术指标,意向价格,登记号\n";
    out.write_all(&encode(header)).unwrap();
    let abstract_text = "本成果涉及一种高效锂离子电池正极材料回收工艺，通过低温焙烧与选择性浸出，\
        实现镍钴锰的高值回收，回收率达到百分之九十八以上，能耗较传统工艺降低三成";
    for i in 0..100_000 {
        let line = format!(
            "锂电池回收技术{i},山东大学,新能源,\"电池, 回收, 正极\",\"{abstract_text}\n第二段{i}\",回收率98%,{},DJ2024{i:06}\n",
            10_000 + i
        );
        out.write_all(&encode(&line)).unwrap();
    }
}

/// The process's peak resident memory in MiB since the last reset (Linux only, else 0).
fn peak_rss_mib() -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let kib = status
        .lines()
        .find_map(|line| line.strip_prefix("VmHWM:"))
        .and_then(|rest| {
            rest.trim()
                .trim_end_matches("kB")
                .trim()
                .parse::<u64>()
                .ok()
        });
    kib.unwrap_or(0) / 1024
}

fn time_reading(path: &Path) {
    let size = std::fs::metadata(path).unwrap().len();
    // Resets the peak so it measures the reading alone, not making the file.
    let _ = std::fs::write("/proc/self/clear_refs", "5");
    let before = peak_rss_mib();
    let start = std::time::Instant::now();
    let mut reader = TableReader::open(path, None).unwrap();
    let mut count = 0usize;
    while let Some(row) = reader.next_row() {
        assert_eq!(row.unwrap().cells.len(), 8);
        count += 1;
    }
    let elapsed = start.elapsed();
    assert_eq!(count, 100_000);
    println!(
        "{}: {count} rows, {:.1} MB, read in {:.0} ms, peak memory {before} -> {} MiB",
        reader.encoding().unwrap_or("workbook"),
        size as f64 / 1e6,
        elapsed.as_secs_f64() * 1e3,
        peak_rss_mib()
    );
}

/// Times reading a generated 100,000-row CSV of about 30 MB, as UTF-8 and as GBK: `cargo test
/// --release --lib io::read::tests::timing -- --ignored --nocapture`.
#[test]
#[ignore]
fn timing_100k_csv_rows() {
    let dir = tempfile::tempdir().unwrap();
    let utf8 = dir.path().join("utf8.csv");
    write_big_csv(&utf8, |line| line.as_bytes().to_vec());
    time_reading(&utf8);
    let gbk = dir.path().join("gbk.csv");
    write_big_csv(&gbk, |line| encoding_rs::GBK.encode(line).0.into_owned());
    time_reading(&gbk);
}

/// The same list as an XLSX workbook, which calamine loads whole: its time and, through the
/// process's peak memory, its cost.
#[test]
#[ignore]
fn timing_100k_xlsx_rows() {
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("list.csv");
    write_big_csv(&csv, |line| line.as_bytes().to_vec());
    let xlsx = dir.path().join("list.xlsx");
    {
        let mut workbook = rust_xlsxwriter::Workbook::new();
        let sheet = workbook.add_worksheet();
        let mut reader = TableReader::open(&csv, None).unwrap();
        for (col, header) in headers(&mut reader).iter().enumerate() {
            sheet.write_string(0, col as u16, header).unwrap();
        }
        let mut row = 1;
        while let Some(cells) = reader.next_row() {
            for (col, cell) in cells.unwrap().cells.iter().enumerate() {
                sheet.write_string(row, col as u16, cell).unwrap();
            }
            row += 1;
        }
        workbook.save(&xlsx).unwrap();
    }
    time_reading(&xlsx);
}
