//! The harness of the carrier-list imports (issue 18), shared by tests/import_world_carriers.rs and
//! tests/import_world_carriers_fresh.rs: running the binary as a user would, reading a stored
//! record, what a broker expects of a row, checking and reporting, and the fixture writers.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use rust_xlsxwriter::{Format, FormatAlign, Worksheet};
use serde_json::Value;

// --- Running the binary as a user would -----------------------------------------------------------

pub struct Desk {
    pub dir: tempfile::TempDir,
}

impl Desk {
    pub fn new() -> Desk {
        Desk {
            dir: tempfile::tempdir().expect("a temp dir"),
        }
    }

    pub fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    pub fn run(&self, args: &[&str]) -> Output {
        let home = self.dir.path();
        Command::new(env!("CARGO_BIN_EXE_techbroker"))
            .args(args)
            .env("LANG", "zh_CN.UTF-8")
            .env("HOME", home)
            .env("XDG_CONFIG_HOME", home.join("config"))
            .env("XDG_DATA_HOME", home.join("data"))
            .current_dir(home)
            .output()
            .expect("techbroker runs")
    }

    /// A new empty database, named after the file it will take.
    pub fn empty_db(&self, name: &str) -> PathBuf {
        let db = self.path(&format!("{name}.sqlite"));
        let out = self.run(&[
            "gen",
            "--clients",
            "0",
            "--achievements",
            "0",
            "--needs",
            "0",
            "--db",
            path_str(&db),
        ]);
        assert!(
            out.status.success(),
            "gen makes an empty database: {}",
            text(&out)
        );
        db
    }

    pub fn write(&self, name: &str, bytes: &[u8]) -> PathBuf {
        let p = self.path(name);
        std::fs::write(&p, bytes).expect("the fixture is written");
        p
    }

    pub fn import(&self, file: &Path, db: &Path, skip_invalid: bool) -> Output {
        let mut args = vec![
            "--db",
            path_str(db),
            "import",
            path_str(file),
            "--kind",
            "carriers",
        ];
        if skip_invalid {
            args.push("--skip-invalid");
        }
        self.run(&args)
    }

    /// The stored clients, as the export's `records`.
    pub fn clients(&self, db: &Path) -> Vec<Value> {
        let out_file = self.path(&format!(
            "{}.export.json",
            db.file_name().expect("a db file name").to_string_lossy()
        ));
        let out = self.run(&[
            "--db",
            path_str(db),
            "export",
            "--kind",
            "clients",
            "--format",
            "json",
            "--out",
            path_str(&out_file),
        ]);
        assert!(out.status.success(), "export runs: {}", text(&out));
        let json: Value =
            serde_json::from_slice(&std::fs::read(&out_file).expect("the export file"))
                .expect("the export is JSON");
        json.get("records")
            .and_then(Value::as_array)
            .expect("the export has a records array")
            .clone()
    }
}

pub fn path_str(p: &Path) -> &str {
    p.to_str().expect("a UTF-8 temp path")
}

pub fn text(out: &Output) -> String {
    format!(
        "status {:?}\nstdout: {}\nstderr: {}",
        out.status.code(),
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    )
}

// --- Reading a stored record ----------------------------------------------------------------------

/// The record's parts: the client, its contacts and its carrier profile. The export nests them
/// as `{"client": {"client": {...}, "contacts": [...], "carrier": {...}}}`; a flat
/// `{"client": {...}, "contacts": [...], "carrier": {...}}` is read too.
pub struct Stored<'a> {
    pub whole: &'a Value,
    pub client: &'a Value,
    pub contacts: Vec<&'a Value>,
    pub carrier: Option<&'a Value>,
}

impl<'a> Stored<'a> {
    pub fn of(record: &'a Value) -> Stored<'a> {
        let outer = record.get("client").expect("a record has a client");
        let bundle = if outer.get("client").is_some_and(Value::is_object) {
            outer
        } else {
            record
        };
        Stored {
            whole: record,
            client: bundle.get("client").expect("the client part"),
            contacts: bundle
                .get("contacts")
                .and_then(Value::as_array)
                .map(|a| a.iter().collect())
                .unwrap_or_default(),
            carrier: bundle.get("carrier").filter(|c| !c.is_null()),
        }
    }

    pub fn client_str(&self, key: &str) -> String {
        str_of(self.client.get(key))
    }

    pub fn carrier_str(&self, key: &str) -> String {
        str_of(self.carrier.and_then(|c| c.get(key)))
    }

    pub fn name(&self) -> String {
        self.client_str("name")
    }

    pub fn summary(&self) -> String {
        let contacts: Vec<String> = self
            .contacts
            .iter()
            .map(|c| {
                format!(
                    "{}/{}/{}/{}",
                    str_of(c.get("name")),
                    str_of(c.get("title")),
                    str_of(c.get("phone")),
                    str_of(c.get("email"))
                )
            })
            .collect();
        format!(
            "«{}» client kind {} region {}|{}|{} carrier {} fields «{}» cost {:?} capacity «{}» \
             equipment «{}» capabilities «{}» contacts {:?} notes «{}»",
            self.name(),
            self.client_str("kind"),
            self.client_str("province"),
            self.client_str("city"),
            self.client_str("district"),
            self.carrier_str("kind"),
            self.carrier_str("fields"),
            self.carrier.and_then(|c| c.get("typical_cost")),
            self.carrier_str("capacity"),
            self.carrier_str("equipment"),
            self.carrier_str("capabilities"),
            contacts,
            self.client_str("notes"),
        )
    }
}

pub fn str_of(v: Option<&Value>) -> String {
    match v {
        Some(Value::String(s)) => s.clone(),
        Some(Value::Null) | None => String::new(),
        Some(other) => other.to_string(),
    }
}

/// A yuan amount as the export writes it ("500000", "500000.00", a number, or nothing) in fen.
/// Thousands separators are passed over (the export has been seen to write "500,000.00").
pub fn fen_of(v: Option<&Value>) -> Result<Option<i64>, String> {
    let s = match v {
        None | Some(Value::Null) => return Ok(None),
        Some(Value::Number(n)) => n.to_string(),
        Some(Value::String(s)) => s.trim().replace(',', ""),
        Some(other) => return Err(format!("typical_cost is {other}")),
    };
    if s.is_empty() {
        return Ok(None);
    }
    let (int, frac) = match s.split_once('.') {
        Some((i, f)) => (i, f),
        None => (s.as_str(), ""),
    };
    if frac.len() > 2 || !frac.chars().all(|c| c.is_ascii_digit()) {
        return Err(format!("typical_cost «{s}» is not yuan with 2 decimals"));
    }
    let int: i64 = int
        .parse()
        .map_err(|_| format!("typical_cost «{s}» is not a number"))?;
    let frac: i64 = format!("{frac:0<2}")
        .parse()
        .map_err(|_| format!("typical_cost «{s}» has bad decimals"))?;
    Ok(Some(int * 100 + frac))
}

pub fn digits(s: &str) -> String {
    s.chars().filter(char::is_ascii_digit).collect()
}

/// "济南市" and "济南", "山东省" and "山东" name the same place.
pub fn place(s: &str) -> String {
    let s = s.trim();
    s.strip_suffix('市')
        .or_else(|| s.strip_suffix('省'))
        .unwrap_or(s)
        .to_owned()
}

// --- What a broker expects of a row ---------------------------------------------------------------

#[derive(Clone)]
pub struct Want {
    pub row: u32,
    pub name: &'static str,
    pub kind: &'static str,
    pub fields: &'static [&'static str],
    pub cost_fen: Option<i64>,
    pub contact: Option<(&'static str, &'static str)>,
    pub province: Option<&'static str>,
    pub city: Option<&'static str>,
    pub district: Option<&'static str>,
    pub email: Option<&'static str>,
    /// The contact's title (职务), where the file gives one.
    pub title: Option<&'static str>,
    pub capacity: Option<&'static str>,
    pub equipment: Option<&'static str>,
    pub capabilities: Option<&'static str>,
    /// Text the file holds that must be kept somewhere in the record (the host unit, notes).
    pub kept: &'static [&'static str],
}

pub fn want(
    name: &'static str,
    kind: &'static str,
    fields: &'static [&'static str],
    cost_fen: Option<i64>,
    contact: Option<(&'static str, &'static str)>,
) -> Want {
    Want {
        row: 0,
        name,
        kind,
        fields,
        cost_fen,
        contact,
        province: None,
        city: None,
        district: None,
        email: None,
        title: None,
        capacity: None,
        equipment: None,
        capabilities: None,
        kept: &[],
    }
}

impl Want {
    pub fn province(mut self, p: &'static str) -> Want {
        self.province = Some(p);
        self
    }
    pub fn city(mut self, c: &'static str) -> Want {
        self.city = Some(c);
        self
    }
    pub fn district(mut self, d: &'static str) -> Want {
        self.district = Some(d);
        self
    }
    pub fn email(mut self, e: &'static str) -> Want {
        self.email = Some(e);
        self
    }
    pub fn capacity(mut self, c: &'static str) -> Want {
        self.capacity = Some(c);
        self
    }
    pub fn equipment(mut self, e: &'static str) -> Want {
        self.equipment = Some(e);
        self
    }
    pub fn capabilities(mut self, c: &'static str) -> Want {
        self.capabilities = Some(c);
        self
    }
    pub fn title(mut self, t: &'static str) -> Want {
        self.title = Some(t);
        self
    }

    pub fn kept(mut self, k: &'static [&'static str]) -> Want {
        self.kept = k;
        self
    }
}

/// 万元 in fen.
pub const fn wan(n: i64) -> i64 {
    n * 1_000_000
}

/// Yuan in fen.
pub const fn yuan(n: i64) -> i64 {
    n * 100
}

/// Checks every expected row against the stored records, and that nothing else was stored (no
/// footer, no nameless row, no duplicate); failures are collected with the file and row named.
pub fn check(file: &str, records: &[Value], wants: &[Want], failures: &mut Vec<String>) {
    let stored: Vec<Stored> = records.iter().map(Stored::of).collect();
    let all: Vec<String> = stored.iter().map(Stored::summary).collect();
    println!("{file}: {} stored", stored.len());
    for s in &all {
        println!("  {s}");
    }
    for w in wants {
        let at = format!("{file} row {} «{}»", w.row, w.name);
        let found: Vec<&Stored> = stored
            .iter()
            .filter(|s| s.name().trim() == w.name)
            .collect();
        let Some(s) = found.first() else {
            failures.push(format!(
                "{at}: expected a carrier by this name, none stored (stored: {:?})",
                stored.iter().map(Stored::name).collect::<Vec<_>>()
            ));
            continue;
        };
        if found.len() > 1 {
            failures.push(format!("{at}: stored {} times, expected once", found.len()));
        }
        if s.name() != w.name {
            failures.push(format!("{at}: name stored as «{}» (spaces kept)", s.name()));
        }
        if s.carrier.is_none() {
            failures.push(format!(
                "{at}: stored as a client without a carrier profile: {}",
                s.summary()
            ));
            continue;
        }
        let kind = s.carrier_str("kind");
        if kind != w.kind {
            failures.push(format!(
                "{at}: carrier kind expected {} , stored {kind}",
                w.kind
            ));
        }
        let fields_text = s.carrier_str("fields");
        let fields: Vec<&str> = fields_text
            .split('、')
            .map(str::trim)
            .filter(|f| !f.is_empty())
            .collect();
        if fields != w.fields {
            failures.push(format!(
                "{at}: fields expected {:?}, stored «{fields_text}»",
                w.fields
            ));
        }
        match fen_of(s.carrier.and_then(|c| c.get("typical_cost"))) {
            Ok(fen) if fen == w.cost_fen => {}
            Ok(fen) => failures.push(format!(
                "{at}: typical cost expected {} , stored {} (raw {:?})",
                show_fen(w.cost_fen),
                show_fen(fen),
                s.carrier.and_then(|c| c.get("typical_cost"))
            )),
            Err(e) => failures.push(format!("{at}: {e}")),
        }
        if let Some((name, phone)) = w.contact {
            match s
                .contacts
                .iter()
                .find(|c| str_of(c.get("name")).trim() == name)
            {
                None => failures.push(format!(
                    "{at}: contact {name} expected, contacts stored: {:?}",
                    s.contacts
                        .iter()
                        .map(|c| format!("{}/{}", str_of(c.get("name")), str_of(c.get("phone"))))
                        .collect::<Vec<_>>()
                )),
                Some(c) => {
                    let stored_phone = str_of(c.get("phone"));
                    if digits(&stored_phone) != digits(phone) || stored_phone.is_empty() {
                        failures.push(format!(
                            "{at}: contact {name}'s phone expected {phone}, stored «{stored_phone}»"
                        ));
                    }
                    if let Some(title) = w.title {
                        let stored_title = str_of(c.get("title"));
                        if stored_title.trim() != title {
                            failures.push(format!(
                                "{at}: contact {name}'s title expected {title}, stored «{stored_title}»"
                            ));
                        }
                    }
                    if let Some(email) = w.email {
                        let stored_email = str_of(c.get("email"));
                        if stored_email.trim() != email {
                            failures.push(format!(
                                "{at}: contact {name}'s email expected {email}, stored «{stored_email}»"
                            ));
                        }
                    }
                }
            }
        }
        for (what, key, expected) in [
            ("province", "province", w.province),
            ("city", "city", w.city),
            ("district", "district", w.district),
        ] {
            if let Some(e) = expected {
                let got = s.client_str(key);
                if place(&got) != place(e) {
                    failures.push(format!("{at}: {what} expected {e}, stored «{got}»"));
                }
            }
        }
        for (what, key, expected) in [
            ("capacity", "capacity", w.capacity),
            ("equipment", "equipment", w.equipment),
            ("capabilities", "capabilities", w.capabilities),
        ] {
            if let Some(e) = expected {
                let got = s.carrier_str(key);
                if !got.contains(e) {
                    failures.push(format!(
                        "{at}: {what} expected to hold «{e}», stored «{got}»"
                    ));
                }
            }
        }
        let whole = s.whole.to_string();
        for k in w.kept {
            if !whole.contains(k) {
                failures.push(format!(
                    "{at}: «{k}» from the row is kept nowhere in the record: {}",
                    s.summary()
                ));
            }
        }
    }
    for s in &stored {
        if !wants.iter().any(|w| s.name().trim() == w.name) {
            failures.push(format!(
                "{file}: a record no row should make was stored: {}",
                s.summary()
            ));
        }
    }
}

pub fn show_fen(f: Option<i64>) -> String {
    match f {
        None => "none".to_owned(),
        Some(f) => format!("{f} fen ({}.{:02} yuan)", f / 100, f % 100),
    }
}

pub fn report(test: &str, failures: &[String]) {
    assert!(
        failures.is_empty(),
        "{test}: {} expectation(s) failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

// --- Writing files --------------------------------------------------------------------------------

/// One cell as written: text, a number (Excel's typed cell), or nothing.
#[derive(Clone)]
pub enum Cell {
    T(&'static str),
    N(f64),
    E,
}

pub use Cell::{E, N, T};

impl Cell {
    pub fn csv_text(&self) -> String {
        match self {
            T(s) => (*s).to_owned(),
            N(n) => n.to_string(),
            E => String::new(),
        }
    }
}

/// A data row and what a broker expects of it (none: the row must not become a carrier).
pub type Row = (Vec<Cell>, Option<Want>);

/// The expectations with their row numbers as the spreadsheet shows them (the first data row is
/// `first`).
pub fn numbered(rows: &[Row], first: u32) -> Vec<Want> {
    rows.iter()
        .enumerate()
        .filter_map(|(i, (_, w))| {
            w.clone().map(|mut w| {
                w.row = first + i as u32;
                w
            })
        })
        .collect()
}

pub fn csv_text(lines: &[Vec<String>], crlf: bool) -> String {
    let mut w = csv::WriterBuilder::new()
        .flexible(true)
        .terminator(if crlf {
            csv::Terminator::CRLF
        } else {
            csv::Terminator::Any(b'\n')
        })
        .from_writer(Vec::new());
    for line in lines {
        w.write_record(line).expect("a CSV row");
    }
    String::from_utf8(w.into_inner().expect("CSV flushes")).expect("UTF-8")
}

pub fn strings(cells: &[&str]) -> Vec<String> {
    cells.iter().map(|c| (*c).to_owned()).collect()
}

pub fn gbk(text: &str) -> Vec<u8> {
    let (bytes, _, unmappable) = encoding_rs::GBK.encode(text);
    assert!(!unmappable, "fixture text GBK cannot hold: {text}");
    bytes.into_owned()
}

pub fn with_bom(text: &str) -> Vec<u8> {
    let mut out = vec![0xEF, 0xBB, 0xBF];
    out.extend_from_slice(text.as_bytes());
    out
}

pub fn put(ws: &mut Worksheet, row: u32, col: u16, cell: &Cell) {
    match cell {
        T(s) => {
            ws.write_string(row, col, *s).expect("a cell");
        }
        N(n) => {
            ws.write_number(row, col, *n).expect("a cell");
        }
        E => {}
    }
}

pub fn put_row(ws: &mut Worksheet, row: u32, cells: &[Cell]) {
    for (col, cell) in cells.iter().enumerate() {
        put(ws, row, col as u16, cell);
    }
}

pub fn put_header(ws: &mut Worksheet, row: u32, headers: &[&str]) {
    let bold = Format::new().set_bold().set_text_wrap();
    for (col, h) in headers.iter().enumerate() {
        ws.write_string_with_format(row, col as u16, *h, &bold)
            .expect("a header cell");
    }
}

pub fn merged_title(ws: &mut Worksheet, row: u32, width: u16, text: &str) {
    let f = Format::new()
        .set_bold()
        .set_font_size(16)
        .set_align(FormatAlign::Center)
        .set_align(FormatAlign::VerticalCenter);
    ws.merge_range(row, 0, row, width - 1, text, &f)
        .expect("a merged title");
}

/// Imports one fixture into a fresh database and checks it; the import's output goes into the
/// failure messages when it did not succeed.
pub fn import_and_check(
    desk: &Desk,
    file_name: &str,
    bytes: &[u8],
    wants: &[Want],
    skip_invalid: bool,
    failures: &mut Vec<String>,
) {
    let file = desk.write(file_name, bytes);
    let db = desk.empty_db(file_name);
    let out = desk.import(&file, &db, skip_invalid);
    println!("{file_name}: import said\n{}", text(&out));
    if !out.status.success() {
        failures.push(format!(
            "{file_name}: the import failed (skip_invalid {skip_invalid}): {}",
            text(&out)
        ));
    }
    let records = desk.clients(&db);
    check(file_name, &records, wants, failures);
}
