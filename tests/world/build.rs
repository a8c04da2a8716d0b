//! Builders for the files of the trade, written at test time the way other programs write them:
//! CSV as Excel and WPS save it (UTF-8 with or without a BOM, GBK), workbooks with merged cells,
//! several sheets, wrapped header cells and typed cells, web pages that are an HTML table named
//! .xls, and hand-made containers (a ZIP with a hand-written sheet, an encrypted workbook's OLE
//! file) where no writer makes what the world sends.

use std::io::{Cursor, Write as _};

use rust_xlsxwriter::{ExcelDateTime, Format, FormatAlign, Workbook, Worksheet};

// --- CSV ------------------------------------------------------------------------------------------

/// CSV text from rows of cells, quoted where needed, with LF line ends (as web tools write it).
pub fn csv<R: AsRef<[S]>, S: AsRef<str>>(rows: &[R]) -> String {
    let mut w = csv::WriterBuilder::new()
        .flexible(true)
        .terminator(csv::Terminator::Any(b'\n'))
        .from_writer(Vec::new());
    for row in rows {
        w.write_record(row.as_ref().iter().map(|c| c.as_ref()))
            .expect("a CSV row");
    }
    String::from_utf8(w.into_inner().expect("CSV flushes")).expect("UTF-8")
}

/// Line ends as Excel saves them.
pub fn crlf(text: &str) -> String {
    text.replace("\r\n", "\n").replace('\n', "\r\n")
}

/// UTF-8 with the byte-order mark Excel writes for "CSV UTF-8".
pub fn with_bom(text: &str) -> Vec<u8> {
    let mut out = vec![0xEF, 0xBB, 0xBF];
    out.extend_from_slice(text.as_bytes());
    out
}

/// GBK, as Chinese Excel and WPS save "CSV (逗号分隔)" and as many web platforms serve pages.
pub fn gbk(text: &str) -> Vec<u8> {
    let (bytes, _, unmappable) = encoding_rs::GBK.encode(text);
    assert!(
        !unmappable,
        "fixture text has a character GBK cannot hold: {text}"
    );
    bytes.into_owned()
}

// --- Workbooks ------------------------------------------------------------------------------------

/// One cell of a workbook as written: text, a number, a date cell, or nothing.
#[derive(Debug, Clone, PartialEq)]
pub enum C {
    T(String),
    N(f64),
    D(u16, u8, u8),
    E,
}

impl From<&str> for C {
    fn from(s: &str) -> C {
        if s.is_empty() {
            C::E
        } else {
            C::T(s.to_owned())
        }
    }
}

impl From<String> for C {
    fn from(s: String) -> C {
        C::from(s.as_str())
    }
}

impl From<&String> for C {
    fn from(s: &String) -> C {
        C::from(s.as_str())
    }
}

impl From<f64> for C {
    fn from(n: f64) -> C {
        C::N(n)
    }
}

impl From<i32> for C {
    fn from(n: i32) -> C {
        C::N(f64::from(n))
    }
}

impl From<i64> for C {
    fn from(n: i64) -> C {
        C::N(n as f64)
    }
}

/// A date cell (a serial number with a date format), as Excel stores a typed-in date.
pub fn date(y: u16, m: u8, d: u8) -> C {
    C::D(y, m, d)
}

/// A row of cells of mixed kinds: `row!["序号", 1, 120.5, date(2026, 3, 1), ""]`.
macro_rules! row {
    ($($cell:expr),* $(,)?) => {
        vec![$($crate::world::build::C::from($cell)),*]
    };
}
pub(crate) use row;

/// A workbook built sheet by sheet.
pub struct Xlsx {
    book: Workbook,
}

impl Default for Xlsx {
    fn default() -> Self {
        Self::new()
    }
}

impl Xlsx {
    pub fn new() -> Xlsx {
        Xlsx {
            book: Workbook::new(),
        }
    }

    pub fn sheet(mut self, name: &str, fill: impl FnOnce(&mut Sheet<'_>)) -> Xlsx {
        let ws = self.book.add_worksheet();
        ws.set_name(name).expect("a valid sheet name");
        let mut sheet = Sheet {
            ws,
            next: 0,
            wrap: Format::new().set_text_wrap(),
            merged: Format::new()
                .set_text_wrap()
                .set_align(FormatAlign::Center)
                .set_align(FormatAlign::VerticalCenter),
            date: Format::new().set_num_format("yyyy-mm-dd"),
        };
        fill(&mut sheet);
        self
    }

    pub fn bytes(mut self) -> Vec<u8> {
        self.book.save_to_buffer().expect("the workbook saves")
    }
}

/// A sheet being written; rows go down from the top, one `row` call each.
pub struct Sheet<'a> {
    ws: &'a mut Worksheet,
    next: u32,
    wrap: Format,
    merged: Format,
    date: Format,
}

impl Sheet<'_> {
    /// The 0-based index of the row the next `row` call writes (its Excel number is one more).
    pub fn next_row(&self) -> u32 {
        self.next
    }

    pub fn at(&mut self, row: u32, col: u16, cell: &C) {
        let ws = &mut *self.ws;
        match cell {
            C::E => {}
            C::T(s) if s.contains('\n') => {
                ws.write_string_with_format(row, col, s, &self.wrap)
                    .expect("a cell");
            }
            C::T(s) => {
                ws.write_string(row, col, s).expect("a cell");
            }
            C::N(n) => {
                ws.write_number(row, col, *n).expect("a cell");
            }
            C::D(y, m, d) => {
                let when = ExcelDateTime::from_ymd(*y, *m, *d).expect("a valid date");
                ws.write_datetime_with_format(row, col, &when, &self.date)
                    .expect("a cell");
            }
        }
    }

    pub fn row(&mut self, cells: Vec<C>) -> &mut Self {
        let r = self.next;
        for (col, cell) in cells.iter().enumerate() {
            self.at(r, col as u16, cell);
        }
        self.next += 1;
        self
    }

    /// Continue at 0-based row `row` (after header cells placed with `at` and `merge`).
    pub fn move_to(&mut self, row: u32) -> &mut Self {
        self.next = row;
        self
    }

    pub fn blank(&mut self) -> &mut Self {
        self.next += 1;
        self
    }

    /// A title merged across the first `width` columns of the next row.
    pub fn title(&mut self, text: &str, width: u16) -> &mut Self {
        let r = self.next;
        self.merge(r, 0, r, width - 1, text);
        self.next += 1;
        self
    }

    /// Merges a block (0-based, inclusive) and writes `text` in it, as Excel's 合并后居中 does.
    pub fn merge(
        &mut self,
        first_row: u32,
        first_col: u16,
        last_row: u32,
        last_col: u16,
        text: &str,
    ) {
        self.ws
            .merge_range(first_row, first_col, last_row, last_col, text, &self.merged)
            .expect("a merge range");
    }
}

// --- Web pages saved as .xls ----------------------------------------------------------------------

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('\n', "<br>")
}

/// The rows as `<tr>` lines: the first row in `<th>` cells if `header_th`, every cell escaped.
pub fn html_rows<R: AsRef<[S]>, S: AsRef<str>>(rows: &[R], header_th: bool) -> String {
    let mut out = String::new();
    for (i, row) in rows.iter().enumerate() {
        let tag = if i == 0 && header_th { "th" } else { "td" };
        out.push_str("<tr>");
        for cell in row.as_ref() {
            out.push_str(&format!("<{tag}>{}</{tag}>", escape(cell.as_ref())));
        }
        out.push_str("</tr>\r\n");
    }
    out
}

/// The page many platforms send as "导出Excel": Excel's HTML dialect with a charset in a meta tag.
pub fn excel_html_page(charset: &str, table_rows: &str) -> String {
    format!(
        "<html xmlns:o=\"urn:schemas-microsoft-com:office:office\" \
         xmlns:x=\"urn:schemas-microsoft-com:office:excel\" \
         xmlns=\"http://www.w3.org/TR/REC-html40\">\r\n<head>\r\n\
         <meta http-equiv=\"Content-Type\" content=\"text/html; charset={charset}\">\r\n\
         <style>td {{ mso-number-format:\"\\@\"; }} br {{ mso-data-placement:same-cell; }}</style>\r\n\
         </head>\r\n<body>\r\n<table border=\"1\" cellspacing=\"0\">\r\n{table_rows}</table>\r\n</body>\r\n</html>\r\n"
    )
}

// --- Hand-made containers -------------------------------------------------------------------------

/// A ZIP of the given parts, deflated as Excel writes them.
pub fn zip(parts: &[(&str, &[u8])]) -> Vec<u8> {
    let mut w = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    for (name, bytes) in parts {
        w.start_file(*name, options).expect("a ZIP entry");
        w.write_all(bytes).expect("ZIP entry bytes");
    }
    w.finish().expect("the ZIP closes").into_inner()
}

/// The smallest XLSX a reader accepts, around one hand-written sheet XML.
pub fn minimal_xlsx(sheet_xml: &str) -> Vec<u8> {
    let content_types = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>"#;
    let rels = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#;
    let workbook = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>"#;
    let workbook_rels = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>"#;
    zip(&[
        ("[Content_Types].xml", content_types.as_bytes()),
        ("_rels/.rels", rels.as_bytes()),
        ("xl/workbook.xml", workbook.as_bytes()),
        ("xl/_rels/workbook.xml.rels", workbook_rels.as_bytes()),
        ("xl/worksheets/sheet1.xml", sheet_xml.as_bytes()),
    ])
}

/// An inline-string cell for a hand-written sheet.
pub fn inline_cell(reference: &str, text: &str) -> String {
    format!(r#"<c r="{reference}" t="inlineStr"><is><t>{text}</t></is></c>"#)
}

/// A sheet XML with the given dimension and rows (each `(row number, cells XML)`).
pub fn sheet_xml(dimension: &str, rows: &[(u32, String)]) -> String {
    let mut data = String::new();
    for (r, cells) in rows {
        data.push_str(&format!(r#"<row r="{r}">{cells}</row>"#));
    }
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><dimension ref="{dimension}"/><sheetData>{data}</sheetData></worksheet>"#
    )
}

const SECTOR: usize = 512;
const FREE: u32 = 0xFFFF_FFFF;
const END_OF_CHAIN: u32 = 0xFFFF_FFFE;
const FAT_SECTOR: u32 = 0xFFFF_FFFD;
const NO_STREAM: u32 = 0xFFFF_FFFF;

fn dir_entry(
    name: &str,
    kind: u8,
    red: bool,
    right: u32,
    child: u32,
    start: u32,
    size: u32,
) -> Vec<u8> {
    let mut e = vec![0u8; 128];
    let utf16: Vec<u16> = name.encode_utf16().collect();
    for (i, u) in utf16.iter().enumerate() {
        e[i * 2..i * 2 + 2].copy_from_slice(&u.to_le_bytes());
    }
    if !name.is_empty() {
        let len = ((utf16.len() + 1) * 2) as u16;
        e[64..66].copy_from_slice(&len.to_le_bytes());
    }
    e[66] = kind;
    e[67] = if red { 0 } else { 1 };
    e[68..72].copy_from_slice(&NO_STREAM.to_le_bytes());
    e[72..76].copy_from_slice(&right.to_le_bytes());
    e[76..80].copy_from_slice(&child.to_le_bytes());
    e[116..120].copy_from_slice(&start.to_le_bytes());
    e[120..124].copy_from_slice(&size.to_le_bytes());
    e
}

/// What Excel writes for a workbook saved with a password to open (文件加密): not a ZIP but an OLE
/// compound file holding `EncryptionInfo` (agile encryption, an XML descriptor) and
/// `EncryptedPackage` (the encrypted ZIP). The streams are large enough (≥ 4096 bytes) to sit in
/// ordinary sectors, which keeps the container simple; the ciphertext is random bytes.
pub fn password_protected_xlsx() -> Vec<u8> {
    let mut info = Vec::new();
    info.extend_from_slice(&4u16.to_le_bytes());
    info.extend_from_slice(&4u16.to_le_bytes());
    info.extend_from_slice(&0x40u32.to_le_bytes());
    info.extend_from_slice(
        br#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<encryption xmlns="http://schemas.microsoft.com/office/2006/encryption" xmlns:p="http://schemas.microsoft.com/office/2006/keyEncryptor/password"><keyData saltSize="16" blockSize="16" keyBits="256" hashSize="64" cipherAlgorithm="AES" cipherChaining="ChainingModeCBC" hashAlgorithm="SHA512" saltValue="c2FsdHNhbHRzYWx0c2FsdA=="/><keyEncryptors><keyEncryptor uri="http://schemas.microsoft.com/office/2006/keyEncryptor/password"><p:encryptedKey spinCount="100000" saltSize="16" blockSize="16" keyBits="256" hashSize="64" cipherAlgorithm="AES" cipherChaining="ChainingModeCBC" hashAlgorithm="SHA512" saltValue="c2FsdHNhbHRzYWx0c2FsdA=="/></keyEncryptor></keyEncryptors></encryption>"#,
    );
    info.resize(4096, b' ');
    let mut package = Vec::with_capacity(8192);
    package.extend_from_slice(&6000u64.to_le_bytes());
    let mut x: u32 = 0x1234_5678;
    while package.len() < 8192 {
        x ^= x << 13;
        x ^= x >> 17;
        x ^= x << 5;
        package.push((x >> 24) as u8);
    }

    // Sector 0: the FAT; 1: the directory; 2..=9: EncryptionInfo; 10..=25: EncryptedPackage.
    let info_start = 2u32;
    let info_sectors = (info.len() / SECTOR) as u32;
    let package_start = info_start + info_sectors;
    let package_sectors = (package.len() / SECTOR) as u32;
    let mut fat = vec![FREE; SECTOR / 4];
    fat[0] = FAT_SECTOR;
    fat[1] = END_OF_CHAIN;
    for (start, count) in [(info_start, info_sectors), (package_start, package_sectors)] {
        for s in start..start + count {
            fat[s as usize] = if s + 1 == start + count {
                END_OF_CHAIN
            } else {
                s + 1
            };
        }
    }

    let mut header = vec![0u8; SECTOR];
    header[0..8].copy_from_slice(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]);
    header[24..26].copy_from_slice(&0x003Eu16.to_le_bytes());
    header[26..28].copy_from_slice(&0x0003u16.to_le_bytes());
    header[28..30].copy_from_slice(&0xFFFEu16.to_le_bytes());
    header[30..32].copy_from_slice(&9u16.to_le_bytes());
    header[32..34].copy_from_slice(&6u16.to_le_bytes());
    header[44..48].copy_from_slice(&1u32.to_le_bytes()); // FAT sectors
    header[48..52].copy_from_slice(&1u32.to_le_bytes()); // first directory sector
    header[56..60].copy_from_slice(&4096u32.to_le_bytes()); // mini stream cut-off
    header[60..64].copy_from_slice(&END_OF_CHAIN.to_le_bytes()); // no mini FAT
    header[68..72].copy_from_slice(&END_OF_CHAIN.to_le_bytes()); // no DIFAT sectors
    header[76..80].copy_from_slice(&0u32.to_le_bytes()); // DIFAT[0]: the FAT is sector 0
    for i in 1..109 {
        header[76 + i * 4..80 + i * 4].copy_from_slice(&FREE.to_le_bytes());
    }

    // Siblings are ordered by name length first: EncryptionInfo (14) before EncryptedPackage (16).
    let mut directory = Vec::with_capacity(SECTOR);
    directory.extend(dir_entry(
        "Root Entry",
        5,
        false,
        NO_STREAM,
        1,
        END_OF_CHAIN,
        0,
    ));
    directory.extend(dir_entry(
        "EncryptionInfo",
        2,
        false,
        2,
        NO_STREAM,
        info_start,
        info.len() as u32,
    ));
    directory.extend(dir_entry(
        "EncryptedPackage",
        2,
        true,
        NO_STREAM,
        NO_STREAM,
        package_start,
        package.len() as u32,
    ));
    directory.extend(dir_entry("", 0, false, NO_STREAM, NO_STREAM, 0, 0));

    let mut file = header;
    for entry in fat {
        file.extend_from_slice(&entry.to_le_bytes());
    }
    file.extend(directory);
    file.extend(info);
    file.extend(package);
    file
}

// --- Values ---------------------------------------------------------------------------------------

/// A unified social credit code (统一社会信用代码) with its check character (GB 32100-2015).
pub fn credit_code(first17: &str) -> String {
    const CHARS: &str = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    const WEIGHTS: [usize; 17] = [
        1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28,
    ];
    assert_eq!(
        first17.chars().count(),
        17,
        "17 characters before the check"
    );
    let sum: usize = first17
        .chars()
        .zip(WEIGHTS)
        .map(|(c, w)| CHARS.find(c).expect("a credit-code character") * w)
        .sum();
    let check = (31 - sum % 31) % 31;
    format!("{first17}{}", &CHARS[check..check + 1])
}

/// Full-width forms of ASCII digits, letters and punctuation (what a Chinese IME types in 全角).
pub fn full_width(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '!'..='~' => char::from_u32(c as u32 + 0xFEE0).expect("a full-width form"),
            ' ' => '\u{3000}',
            other => other,
        })
        .collect()
}
