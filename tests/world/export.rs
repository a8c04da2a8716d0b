//! The adapter: the one place that knows TechBroker's export formats. It runs `techbroker export`
//! (JSON for clients, achievements and needs; CSV for deals, which have no JSON export, joined with
//! the deal report's list for what the deal list leaves out) and turns what it reads into the plain
//! records of `records.rs`.
//!
//! When an export changes, change this file, never the expectations. Shapes it does not know are a
//! panic that says so, not a silent default.

use std::path::Path;
use std::process::Command;

use calamine::{Data, Reader as _, Xlsx, open_workbook};
use chrono::NaiveDate;
use serde_json::Value;

use super::records::{
    Achievement, Client, ClientKind, Contact, ContractType, Deal, DealStage, Mode, Money, Need,
    Stage, Stored,
};

/// The report covers the deals signed in a period; this one holds every date a ledger can carry.
const REPORT_FROM: &str = "1900-01-01";
const REPORT_TO: &str = "2099-12-31";

/// Reads back everything `db` holds. Exports run in English so the deal list's headers are known,
/// though Chinese headers are read too.
pub fn read_back(bin: &Path, db: &Path, dir: &Path) -> Stored {
    let mut stored = Stored::default();
    for kind in ["clients", "achievements", "needs"] {
        let out = dir.join(format!("readback-{kind}.json"));
        export(bin, db, &["--kind", kind, "--format", "json"], &out);
        let text = std::fs::read_to_string(&out).expect("the JSON export is UTF-8");
        let json: Value = serde_json::from_str(&text).expect("the JSON export parses");
        let records = json
            .get("records")
            .and_then(Value::as_array)
            .cloned()
            .unwrap_or_else(|| panic!("adapter: no `records` array in the {kind} JSON export"));
        stored
            .text
            .push_str(&serde_json::to_string(&records).expect("JSON re-serialises"));
        stored.text.push('\n');
        match kind {
            "clients" => stored.clients = records.iter().map(client).collect(),
            "achievements" => stored.achievements = records.iter().map(achievement).collect(),
            _ => stored.needs = records.iter().map(need).collect(),
        }
    }
    let deals_csv = dir.join("readback-deals.csv");
    export(bin, db, &["--kind", "deals", "--format", "csv"], &deals_csv);
    let bytes = std::fs::read(&deals_csv).expect("the deal export was written");
    let text = String::from_utf8(bytes).expect("the deal export is UTF-8");
    stored.text.push_str(&text);
    stored.deals = deals_from_csv(&text);
    if !stored.deals.is_empty() {
        let report = dir.join("readback-report.xlsx");
        run(
            bin,
            db,
            &[
                "report",
                "--from",
                REPORT_FROM,
                "--to",
                REPORT_TO,
                "--format",
                "xlsx",
                "--out",
            ],
            &report,
        );
        join_report(&mut stored.deals, &report);
    }
    stored
}

fn export(bin: &Path, db: &Path, args: &[&str], out: &Path) {
    let mut all = vec!["export"];
    all.extend_from_slice(args);
    all.push("--out");
    run(bin, db, &all, out);
}

fn run(bin: &Path, db: &Path, args: &[&str], out: &Path) {
    let output = Command::new(bin)
        .args(args)
        .arg(out)
        .arg("--db")
        .arg(db)
        .env("LANG", "en_US.UTF-8")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("LANGUAGE")
        .output()
        .expect("the binary runs");
    assert!(
        output.status.success(),
        "adapter: `techbroker {}` failed: {}{}",
        args.join(" "),
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
}

// --- JSON records -------------------------------------------------------------------------------

/// The record's own object: the export nests it as `{"client": {"client": {...}, ...}}`.
fn inner<'a>(record: &'a Value, key: &str) -> &'a Value {
    let outer = record.get(key).unwrap_or(record);
    outer.get(key).unwrap_or(outer)
}

fn text(v: &Value, key: &str) -> String {
    match v.get(key) {
        None | Some(Value::Null) => String::new(),
        Some(Value::String(s)) => s.clone(),
        Some(other) => other.to_string(),
    }
}

fn keywords(v: &Value) -> Vec<String> {
    match v.get("keywords") {
        Some(Value::Array(items)) => items
            .iter()
            .map(|k| {
                k.as_str()
                    .map(str::to_owned)
                    .unwrap_or_else(|| k.to_string())
            })
            .collect(),
        Some(Value::String(s)) => s
            .split(['、', ',', '，', ';', '；'])
            .map(str::trim)
            .filter(|k| !k.is_empty())
            .map(str::to_owned)
            .collect(),
        None | Some(Value::Null) => Vec::new(),
        Some(other) => panic!("adapter: unknown keywords shape {other}"),
    }
}

fn client_kind(v: Option<&Value>) -> Option<ClientKind> {
    let s = v?.as_str()?;
    Some(match squash(s).as_str() {
        "enterprise" | "企业" => ClientKind::Enterprise,
        "university" | "高校" => ClientKind::University,
        "institute" | "researchinstitute" | "科研院所" => ClientKind::Institute,
        "other" | "其他" => ClientKind::Other,
        other => panic!("adapter: unknown client kind {other:?}"),
    })
}

fn client(record: &Value) -> Client {
    let c = inner(record, "client");
    let contacts = record
        .get("client")
        .and_then(|o| o.get("contacts"))
        .or_else(|| record.get("contacts"))
        .and_then(Value::as_array)
        .map(|list| {
            list.iter()
                .map(|p| Contact {
                    name: text(p, "name"),
                    phone: text(p, "phone"),
                    email: text(p, "email"),
                })
                .collect()
        })
        .unwrap_or_default();
    Client {
        name: text(c, "name"),
        kind: client_kind(c.get("kind")),
        credit_code: text(c, "credit_code"),
        province: text(c, "province"),
        city: text(c, "city"),
        district: text(c, "district"),
        industry: text(c, "industry"),
        contacts,
    }
}

fn stage(v: Option<&Value>) -> Option<Stage> {
    let s = v?.as_str()?;
    Some(match squash(s).as_str() {
        "lab" | "laboratory" | "实验室" => Stage::Lab,
        "smalltrial" | "小试" => Stage::SmallTrial,
        "pilot" | "中试" => Stage::Pilot,
        "industrial" | "industrialisation" | "industrialization" | "产业化" => Stage::Industrial,
        other => panic!("adapter: unknown maturity stage {other:?}"),
    })
}

/// Transfer modes: the export writes a bit set (1 assignment; 2, 4, 8 exclusive, sole and ordinary
/// licence; 16 equity; 32 co-development; 64 use first, pay later) or, perhaps later, names.
fn modes(v: Option<&Value>) -> Vec<Mode> {
    let mut out = Vec::new();
    match v {
        None | Some(Value::Null) => {}
        Some(Value::Number(n)) => {
            let bits = n.as_u64().expect("transfer modes are a bit set");
            let table = [
                (1, Mode::Assignment),
                (2 | 4 | 8, Mode::Licence),
                (16, Mode::Equity),
                (32, Mode::CoDevelop),
                (64, Mode::UseFirstPayLater),
            ];
            for (mask, mode) in table {
                if bits & mask != 0 {
                    out.push(mode);
                }
            }
        }
        Some(Value::Array(items)) => {
            for item in items {
                let name = squash(item.as_str().unwrap_or_default());
                out.push(match name.as_str() {
                    "assignment" | "转让" => Mode::Assignment,
                    n if n.contains("licen") || n.contains("许可") => Mode::Licence,
                    "equity" | "作价投资" => Mode::Equity,
                    "codevelop" | "codevelopment" | "合作开发" => Mode::CoDevelop,
                    "usefirstpaylater" | "先使用后付费" => Mode::UseFirstPayLater,
                    other => panic!("adapter: unknown transfer mode {other:?}"),
                });
            }
        }
        Some(other) => panic!("adapter: unknown transfer modes shape {other}"),
    }
    out.sort();
    out.dedup();
    out
}

fn fen(v: &Value) -> Option<i64> {
    match v {
        Value::Null => None,
        Value::Number(n) => Some(
            n.as_i64()
                .unwrap_or_else(|| panic!("adapter: money {n} is not whole fen")),
        ),
        other => panic!("adapter: unknown amount {other}"),
    }
}

/// A need's budget: a range, cap or floor is `budget_range` (`written`, `min`, `max` in fen,
/// either bound null), beside `budget`, the amount compared; else `budget` alone.
fn budget(n: &Value) -> Money {
    match n.get("budget_range") {
        None | Some(Value::Null) => money(n.get("budget")),
        Some(range) => Money {
            negotiable: false,
            lo: range.get("min").and_then(fen),
            hi: range.get("max").and_then(fen),
        },
    }
}

/// Price or budget. Known: `"Negotiable"` and `{"Amount": fen}`. The ranges and caps the importer
/// is asked for are read under the names they are likely to get; anything else panics.
fn money(v: Option<&Value>) -> Money {
    let Some(v) = v else {
        return Money::default();
    };
    match v {
        Value::Null => Money::default(),
        Value::String(s) if squash(s) == "negotiable" || s == "面议" => Money::negotiable(),
        Value::String(s) if squash(s) == "none" || squash(s) == "unset" => Money::default(),
        Value::Object(map) if map.len() == 1 => {
            let (key, inner) = map.iter().next().expect("one entry");
            let key = squash(key);
            let bound = |keys: &[&str]| keys.iter().find_map(|k| inner.get(*k)).and_then(fen);
            match key.as_str() {
                "amount" | "exact" | "fixed" | "about" | "around" | "approx" | "approximately" => {
                    fen(inner).map(Money::amount).unwrap_or_default()
                }
                "upto" | "atmost" | "max" | "cap" | "below" | "within" => Money {
                    negotiable: false,
                    lo: None,
                    hi: fen(inner),
                },
                "atleast" | "min" | "from" | "above" | "over" => Money {
                    negotiable: false,
                    lo: fen(inner),
                    hi: None,
                },
                "range" | "between" => match inner {
                    Value::Array(pair) if pair.len() == 2 => Money {
                        negotiable: false,
                        lo: fen(&pair[0]),
                        hi: fen(&pair[1]),
                    },
                    Value::Object(_) => Money {
                        negotiable: false,
                        lo: bound(&["lo", "min", "from", "low", "start"]),
                        hi: bound(&["hi", "max", "to", "high", "end"]),
                    },
                    other => panic!("adapter: unknown money range {other}"),
                },
                _ => panic!("adapter: unknown money shape {v}; teach tests/world/export.rs"),
            }
        }
        other => panic!("adapter: unknown money shape {other}; teach tests/world/export.rs"),
    }
}

fn achievement(record: &Value) -> Achievement {
    let a = inner(record, "achievement");
    let owner = record.get("achievement").and_then(|o| o.get("owner"));
    Achievement {
        title: text(a, "title"),
        owner: owner.map(|o| text(o, "name")).unwrap_or_default(),
        owner_kind: client_kind(owner.and_then(|o| o.get("kind"))),
        inventors: text(a, "inventors"),
        field: text(a, "field"),
        keywords: keywords(a),
        abstract_text: text(a, "abstract_text"),
        trl: a.get("trl").and_then(Value::as_u64).map(|t| t as u8),
        stage: stage(a.get("stage")),
        price: money(a.get("price")),
        modes: modes(a.get("transfer_modes")),
        registration_no: text(a, "registration_no"),
        status: text(a, "status"),
    }
}

fn need(record: &Value) -> Need {
    let n = inner(record, "need");
    let enterprise = record.get("need").and_then(|o| o.get("enterprise"));
    let deadline = match n.get("deadline") {
        None | Some(Value::Null) => None,
        Some(Value::String(s)) => Some(
            NaiveDate::parse_from_str(s, "%Y-%m-%d")
                .unwrap_or_else(|_| panic!("adapter: deadline {s:?} is not a date")),
        ),
        Some(other) => panic!("adapter: unknown deadline shape {other}"),
    };
    Need {
        title: text(n, "title"),
        enterprise: enterprise.map(|e| text(e, "name")).unwrap_or_default(),
        description: text(n, "description"),
        field: text(n, "field"),
        keywords: keywords(n),
        budget: budget(n),
        deadline,
        confidential: n
            .get("confidential")
            .and_then(Value::as_bool)
            .unwrap_or(false),
        status: text(n, "status"),
    }
}

// --- The deal list (CSV) and the deal report (XLSX) ----------------------------------------------

/// Lower case without spaces, underscores, hyphens or dots: how header and enum names compare.
fn squash(s: &str) -> String {
    s.chars()
        .filter(|c| !c.is_whitespace() && !matches!(c, '_' | '-' | '.'))
        .flat_map(char::to_lowercase)
        .collect()
}

fn column(headers: &[String], names: &[&str]) -> Option<usize> {
    let wanted: Vec<String> = names.iter().map(|n| squash(n)).collect();
    headers.iter().position(|h| wanted.contains(&squash(h)))
}

fn deal_stage(s: &str) -> Option<DealStage> {
    let s = squash(s);
    if s.is_empty() {
        return None;
    }
    Some(match s.as_str() {
        "lead" | "意向" => DealStage::Lead,
        "introduced" | "对接" => DealStage::Introduced,
        "negotiating" | "洽谈" => DealStage::Negotiating,
        "signed" | "签约" => DealStage::Signed,
        "registered" | "登记" => DealStage::Registered,
        "executing" | "executing&collecting" | "履约" | "履约/回款" | "回款" => {
            DealStage::Executing
        }
        "closedwon" | "closed" | "won" | "完成" => DealStage::ClosedWon,
        "lost" | "终止" => DealStage::Lost,
        other => panic!("adapter: unknown deal stage {other:?}"),
    })
}

/// "Transfer", "技术转让", "技术转让（专利权）" or "Transfer (patent)": the main type and the subtype.
fn contract_type(s: &str) -> (Option<ContractType>, Option<String>) {
    let s = s.trim();
    if s.is_empty() {
        return (None, None);
    }
    let (main, sub) = match s.find(['（', '(']) {
        Some(i) => {
            let sub = s[i..]
                .trim_start_matches(['（', '('])
                .trim_end_matches(['）', ')'])
                .trim();
            (s[..i].trim(), (!sub.is_empty()).then(|| sub.to_owned()))
        }
        None => (s, None),
    };
    let kind = match squash(main).as_str() {
        "development" | "技术开发" => ContractType::Development,
        "transfer" | "技术转让" => ContractType::Transfer,
        "licence" | "license" | "技术许可" => ContractType::Licence,
        "consulting" | "技术咨询" => ContractType::Consulting,
        "service" | "技术服务" => ContractType::Service,
        other => panic!("adapter: unknown contract type {other:?}"),
    };
    (Some(kind), sub)
}

/// "120.00" in 万元 to fen, exactly.
fn wan_to_fen(s: &str) -> Option<i64> {
    let s = s.trim().replace(',', "");
    if s.is_empty() || s.parse::<f64>().is_err() {
        return None;
    }
    let (int, frac) = s.split_once('.').unwrap_or((&s, ""));
    let negative = int.starts_with('-');
    let int: i64 = int.trim_start_matches('-').parse().unwrap_or(0);
    let mut frac = frac.to_owned();
    assert!(frac.len() <= 6, "adapter: {s} 万元 is finer than a fen");
    while frac.len() < 6 {
        frac.push('0');
    }
    let fen = int * 1_000_000 + frac.parse::<i64>().unwrap_or(0);
    Some(if negative { -fen } else { fen })
}

fn date(s: &str) -> Option<NaiveDate> {
    let s = s.trim();
    if s.is_empty() {
        return None;
    }
    Some(
        NaiveDate::parse_from_str(s, "%Y-%m-%d")
            .unwrap_or_else(|_| panic!("adapter: {s:?} is not a date")),
    )
}

/// The CSV export puts an apostrophe before a cell a spreadsheet would run as a formula.
fn unprotect(cell: &str) -> String {
    match cell.strip_prefix('\'') {
        Some(rest) if rest.starts_with(['=', '+', '-', '@', '\t', '\r']) => rest.to_owned(),
        _ => cell.to_owned(),
    }
}

fn deals_from_csv(text: &str) -> Vec<Deal> {
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .from_reader(text.trim_start_matches('\u{feff}').as_bytes());
    let headers: Vec<String> = reader
        .headers()
        .expect("the deal export has a header")
        .iter()
        .map(str::to_owned)
        .collect();
    let col = |names: &[&str]| column(&headers, names);
    let title = col(&["Title", "项目名称"]).expect("adapter: the deal list has a title column");
    let seller = col(&["Seller", "卖方"]);
    let buyer = col(&["Buyer", "买方"]);
    let stage = col(&["Stage", "阶段"]);
    let kind = col(&["Contract type", "合同类型"]);
    let subtype = col(&[
        "Contract subtype",
        "Subtype",
        "合同子类",
        "子类型",
        "合同子类型",
    ]);
    let number = col(&[
        "Contract no",
        "Contract number",
        "Contract no.",
        "合同编号",
        "合同号",
    ]);
    let amount = col(&[
        "10k yuan",
        "万元",
        "Contract amount (10k yuan)",
        "合同金额（万元）",
    ]);
    let tech = col(&[
        "Technology-transaction amount (10k yuan)",
        "技术交易额（万元）",
    ]);
    let signed = col(&["Signing date", "签订日期", "Signed"]);
    let registered = col(&["Registration date", "登记日期", "Registered on"]);
    let field = col(&["Field", "领域"]);
    reader
        .records()
        .map(|row| {
            let row = row.expect("the deal export is CSV");
            let cell = |i: Option<usize>| {
                i.and_then(|i| row.get(i))
                    .map(unprotect)
                    .unwrap_or_default()
            };
            let (contract_type, sub_from_type) = contract_type(&cell(kind));
            let sub = cell(subtype);
            Deal {
                title: cell(Some(title)),
                seller: cell(seller),
                buyer: cell(buyer),
                stage: deal_stage(&cell(stage)),
                contract_type,
                contract_subtype: if sub.is_empty() {
                    sub_from_type
                } else {
                    Some(sub)
                },
                contract_no: number.map(|i| cell(Some(i))).filter(|s| !s.is_empty()),
                contract_amount: wan_to_fen(&cell(amount)),
                tech_amount: wan_to_fen(&cell(tech)),
                signed_on: date(&cell(signed)),
                registered_on: date(&cell(registered)),
                field: cell(field),
            }
        })
        .collect()
}

fn cell_text(d: &Data) -> String {
    match d {
        Data::Empty => String::new(),
        Data::String(s) => s.clone(),
        Data::Float(f) => f.to_string(),
        Data::Int(i) => i.to_string(),
        other => other.to_string(),
    }
}

fn cell_date(d: &Data) -> Option<NaiveDate> {
    match d {
        Data::DateTime(dt) => {
            let base = NaiveDate::from_ymd_opt(1899, 12, 30).expect("a date");
            base.checked_add_days(chrono::Days::new(dt.as_f64().floor() as u64))
        }
        Data::DateTimeIso(s) | Data::String(s) => date(s.get(..10).unwrap_or(s)),
        _ => None,
    }
}

fn cell_fen(d: &Data) -> Option<i64> {
    match d {
        Data::Float(f) => Some((f * 1_000_000.0).round() as i64),
        Data::Int(i) => Some(i * 1_000_000),
        Data::String(s) => wan_to_fen(s),
        _ => None,
    }
}

/// The report's deal list gives the signing date and the technology-transaction amount of the deals
/// signed (a deal before 签约 is not in it).
fn join_report(deals: &mut [Deal], path: &Path) {
    let mut book: Xlsx<_> = open_workbook(path).expect("the report is a workbook");
    for name in book.sheet_names() {
        let range = book.worksheet_range(&name).expect("a report sheet reads");
        let mut rows = range.rows();
        let Some(header) = rows.next() else { continue };
        let headers: Vec<String> = header.iter().map(cell_text).collect();
        let col = |names: &[&str]| column(&headers, names);
        let (Some(title), Some(signed)) = (
            col(&["Title", "项目名称"]),
            col(&["Signing date", "签订日期"]),
        ) else {
            continue;
        };
        let seller = col(&["Seller", "卖方"]);
        let tech = col(&[
            "Technology-transaction amount (10k yuan)",
            "技术交易额（万元）",
        ]);
        let amount = col(&["Contract amount (10k yuan)", "合同金额（万元）"]);
        for row in rows {
            let get = |i: Option<usize>| i.and_then(|i| row.get(i)).unwrap_or(&Data::Empty);
            let t = cell_text(get(Some(title)));
            let s = cell_text(get(seller));
            for deal in deals
                .iter_mut()
                .filter(|d| d.title == t && (seller.is_none() || d.seller == s))
            {
                deal.signed_on = deal.signed_on.or_else(|| cell_date(get(Some(signed))));
                deal.tech_amount = deal.tech_amount.or_else(|| cell_fen(get(tech)));
                deal.contract_amount = deal.contract_amount.or_else(|| cell_fen(get(amount)));
            }
        }
    }
}
