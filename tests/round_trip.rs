//! Every export imports back into the same records: every list, as CSV, Excel and (for the
//! records it holds) JSON, written in the Chinese and in the English UI, imported into an empty
//! database with the command line.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::Arc;

use techbroker::domain::{
    AchievementDraft, ClientDraft, ClientKind, NeedDraft, NeedStatus, Stage, TransferMode,
};
use techbroker::store::{Scope, Store};

fn techbroker(lang: &str, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_techbroker"))
        .args(args)
        .env("LANG", lang)
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .output()
        .expect("run techbroker")
}

fn ok(out: Output) -> String {
    assert!(
        out.status.success(),
        "stdout: {}\nstderr: {}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// A database with generated records and the values that are easy to get wrong: amounts to
/// the fen, a formula-like title, more than five keywords, a budget range, a confidential
/// need, and deals at every kind of stage with subtypes and contract numbers.
fn source(dir: &Path) -> PathBuf {
    let db = dir.join("source.sqlite");
    let d = db.display().to_string();
    ok(techbroker(
        "zh_CN.UTF-8",
        &[
            "gen",
            "--db",
            &d,
            "--clients",
            "40",
            "--achievements",
            "60",
            "--needs",
            "30",
        ],
    ));
    let mut store = Store::open(&db).unwrap();
    let sdu = store
        .save_client(
            None,
            &ClientDraft {
                name: "=山东大学(测试)".into(),
                kind: ClientKind::University,
                province: "山东省".into(),
                city: "济南市".into(),
                district: "历下区".into(),
                industry: "教育".into(),
                ..ClientDraft::default()
            },
        )
        .unwrap();
    let firm = store
        .save_client(
            None,
            &ClientDraft {
                name: "潍柴动力测试有限公司".into(),
                kind: ClientKind::Enterprise,
                province: "山东省".into(),
                city: "潍坊市".into(),
                ..ClientDraft::default()
            },
        )
        .unwrap();
    let mut modes = techbroker::domain::TransferModes::default();
    modes.set(TransferMode::LicenceExclusive, true);
    store
        .save_achievement(
            None,
            &AchievementDraft {
                title: "=SUM(A1) 锂电池回收".into(),
                owner: Some(sdu),
                field: "新能源".into(),
                trl: "7".into(),
                stage: Stage::Pilot,
                negotiable: false,
                price: "1234567.89".into(),
                transfer_modes: modes,
                ..AchievementDraft::default()
            },
        )
        .unwrap();
    // The form asks for five keywords at most; an import keeps more.
    let kw = dir.join("kw.csv");
    std::fs::write(
        &kw,
        "成果名称,完成单位,技术领域,TRL,关键词,意向价格\n\
         海水淡化膜,=山东大学(测试),节能环保,5,膜、淡化、海水、反渗透、节能、环保,0.01\n",
    )
    .unwrap();
    ok(techbroker(
        "zh_CN.UTF-8",
        &[
            "import",
            &kw.display().to_string(),
            "--kind",
            "achievements",
            "--db",
            &d,
        ],
    ));
    for (title, budget, confidential) in [
        ("发动机余热回收", "50-100万", true),
        ("-尾气净化", "500万以上", false),
        ("智能温室", "88.5", false),
    ] {
        store
            .save_need(
                None,
                &NeedDraft {
                    enterprise: Some(firm),
                    title: title.into(),
                    field: "节能环保".into(),
                    negotiable: false,
                    budget: budget.into(),
                    deadline: "2027-06-30".into(),
                    confidential,
                    status: NeedStatus::Matched,
                    ..NeedDraft::default()
                },
            )
            .unwrap();
    }
    drop(store);
    let ledger = dir.join("ledger.csv");
    std::fs::write(
        &ledger,
        "合同编号,项目名称,卖方,买方,阶段,合同类型,预计金额（万元）,合同金额（万元）,技术交易额（万元）,签订日期,登记日期,经纪人,终止原因\n\
         2026370102000011,余热回收技术开发,=山东大学(测试),潍柴动力测试有限公司,,技术开发（委托）,,120.123456,100,2026-03-01,2026-03-20,张三,\n\
         ,专利许可洽谈,=山东大学(测试),潍柴动力测试有限公司,洽谈,技术许可（专利实施许可）,80,,,,,李四,\n\
         ,技术服务终止,=山东大学(测试),潍柴动力测试有限公司,终止,技术服务,5,,,,,李四,预算取消\n\
         2026370102000014,新材料转让,=山东大学(测试),潍柴动力测试有限公司,签约,技术转让,,30,30,2026-05-06,,王五,\n",
    )
    .unwrap();
    ok(techbroker(
        "zh_CN.UTF-8",
        &[
            "import",
            &ledger.display().to_string(),
            "--kind",
            "deals",
            "--db",
            &d,
        ],
    ));
    db
}

type ClientKey = (String, ClientKind, Arc<str>, Arc<str>, Arc<str>, Arc<str>);

fn clients(db: &Path) -> Vec<ClientKey> {
    let store = Store::open(db).unwrap();
    let mut out: Vec<ClientKey> = store
        .list_clients()
        .unwrap()
        .into_iter()
        .map(|c| (c.name, c.kind, c.province, c.city, c.district, c.industry))
        .collect();
    out.sort();
    out
}

fn achievements(db: &Path) -> Vec<String> {
    let store = Store::open(db).unwrap();
    let keywords = store.achievement_keywords().unwrap();
    let mut out: Vec<String> = store
        .achievement_rows(Scope::All)
        .unwrap()
        .into_iter()
        .map(|(r, _)| {
            format!(
                "{}|{}|{}|{}|{}|{:?}|{:?}|{:?}",
                r.title, r.owner_name, r.field, keywords[&r.id], r.trl, r.stage, r.price, r.status
            )
        })
        .collect();
    out.sort();
    out
}

fn needs(db: &Path) -> Vec<String> {
    let store = Store::open(db).unwrap();
    let keywords = store.need_keywords().unwrap();
    let mut out: Vec<String> = store
        .need_rows(Scope::All)
        .unwrap()
        .into_iter()
        .map(|(r, _)| {
            format!(
                "{}|{}|{}|{}|{:?}|{}|{:?}|{:?}|{}",
                r.title,
                r.enterprise_name,
                r.field,
                keywords[&r.id],
                r.budget,
                r.budget_text,
                r.deadline,
                r.status,
                r.confidential
            )
        })
        .collect();
    out.sort();
    out
}

fn deals(db: &Path) -> Vec<String> {
    let store = Store::open(db).unwrap();
    let today = chrono::NaiveDate::from_ymd_opt(2026, 6, 1).unwrap();
    let mut out: Vec<String> = store
        .deal_rows(today)
        .unwrap()
        .into_iter()
        .map(|d| {
            format!(
                "{}|{}|{}|{:?}|{:?}|{}|{}|{:?}|{:?}|{:?}|{:?}|{:?}|{:?}|{}|{}",
                d.title,
                d.seller_name,
                d.buyer_name,
                d.stage,
                d.contract_type,
                d.contract_subtype,
                d.broker,
                d.expected,
                d.contract,
                d.technology,
                d.signed_on,
                d.registration_submitted,
                d.registration_due,
                d.contract_no,
                d.lost_reason
            )
        })
        .collect();
    out.sort();
    out
}

fn export(lang: &str, db: &Path, kind: &str, format: &str, out: &Path) {
    ok(techbroker(
        lang,
        &[
            "export",
            "--kind",
            kind,
            "--format",
            format,
            "--out",
            &out.display().to_string(),
            "--db",
            &db.display().to_string(),
        ],
    ));
}

fn import(lang: &str, db: &Path, kind: &str, file: &Path) -> String {
    ok(techbroker(
        lang,
        &[
            "import",
            &file.display().to_string(),
            "--kind",
            kind,
            "--duplicates",
            "keep",
            "--create-owners",
            "--db",
            &db.display().to_string(),
        ],
    ))
}

#[test]
fn every_list_in_every_format_and_language_imports_back_into_the_same_records() {
    let dir = tempfile::tempdir().unwrap();
    let from = source(dir.path());
    assert_eq!(deals(&from).len(), 4);
    for lang in ["zh_CN.UTF-8", "en_US.UTF-8"] {
        for format in ["csv", "xlsx", "json"] {
            let to = dir.path().join(format!("{}-{format}.sqlite", &lang[..2]));
            let file = |kind: &str| dir.path().join(format!("{}-{kind}.{format}", &lang[..2]));
            let kinds: &[&str] = if format == "json" {
                &["clients", "achievements", "needs"]
            } else {
                &["clients", "achievements", "needs", "deals"]
            };
            for kind in kinds {
                export(lang, &from, kind, format, &file(kind));
                let printed = import(lang, &to, kind, &file(kind));
                assert!(
                    !printed.contains("\t"),
                    "{lang} {format} {kind}: rows refused or noted: {printed}"
                );
            }
            let what = format!("{lang} {format}");
            assert_eq!(clients(&to), clients(&from), "{what}: clients");
            assert_eq!(
                achievements(&to),
                achievements(&from),
                "{what}: achievements"
            );
            assert_eq!(needs(&to), needs(&from), "{what}: needs");
            if format != "json" {
                assert_eq!(deals(&to), deals(&from), "{what}: deals");
            }
        }
    }
}

/// A database with two carriers (one with a cost to the fen, one with no cost) and a
/// service achievement whose rights grant the researchers ownership with a distribution rule.
fn carriers_and_rights(dir: &Path) -> PathBuf {
    use techbroker::domain::ContactDraft;
    use techbroker::domain::maturation::{CarrierDraft, CarrierKind};
    use techbroker::domain::rights::{ArrangementKind, RightsDraft};
    let db = dir.join("carriers.sqlite");
    let mut store = Store::open(&db).unwrap();
    let mut carrier = |name: &str, draft: CarrierDraft| {
        let id = store
            .save_client(
                None,
                &ClientDraft {
                    name: name.into(),
                    kind: ClientKind::Other,
                    province: "山东省".into(),
                    city: "潍坊市".into(),
                    ..ClientDraft::default()
                },
            )
            .unwrap();
        store
            .save_contact(
                id,
                None,
                &ContactDraft {
                    name: "赵工".into(),
                    phone: "0536-7777999".into(),
                    ..ContactDraft::default()
                },
            )
            .unwrap();
        store
            .save_carrier(id, &draft.validate_imported().unwrap())
            .unwrap();
    };
    carrier(
        "潍坊动力装备中试基地",
        CarrierDraft {
            kind: CarrierKind::PilotBase,
            fields: "高端装备、新能源汽车".into(),
            capabilities: "台架试验，工艺放大".into(),
            equipment: "发动机台架 12 台".into(),
            capacity: "年中试 20 项".into(),
            typical_cost: "123456.78".into(),
        },
    );
    carrier(
        "烟台概念验证中心",
        CarrierDraft {
            kind: CarrierKind::ProofOfConcept,
            fields: "生物医药".into(),
            ..CarrierDraft::default()
        },
    );
    let sdu = store
        .save_client(
            None,
            &ClientDraft {
                name: "山东大学".into(),
                kind: ClientKind::University,
                ..ClientDraft::default()
            },
        )
        .unwrap();
    let achievement = store
        .save_achievement(
            None,
            &AchievementDraft {
                title: "余热回收技术".into(),
                owner: Some(sdu),
                field: "节能环保".into(),
                trl: "6".into(),
                stage: Stage::Pilot,
                ..AchievementDraft::default()
            },
        )
        .unwrap();
    store
        .save_rights(
            achievement,
            &RightsDraft {
                kind: ArrangementKind::Ownership,
                ownership_share: "70".into(),
                approved_on: "2025-03-01".into(),
                approval_no: "鲁大科字〔2025〕12号".into(),
                separately_managed: true,
                shares: ["70".into(), "20".into(), "10".into()],
                ..RightsDraft::default()
            },
        )
        .unwrap();
    db
}

fn carriers_of(db: &Path) -> Vec<String> {
    let store = Store::open(db).unwrap();
    store
        .carriers_with_contacts()
        .unwrap()
        .into_iter()
        .map(|(c, contact)| {
            let contact = contact.map(|p| (p.name, p.phone));
            format!(
                "{} {} {:?} {:?} {} {} {} {} {:?} {:?}",
                c.name,
                c.region,
                c.kind,
                c.fields,
                c.capabilities,
                c.equipment,
                c.capacity,
                c.typical_cost.map_or(-1, |m| m.fen()),
                contact,
                store.get_client(c.organisation).unwrap().map(|o| o.kind),
            )
        })
        .collect()
}

fn rights_of(db: &Path) -> Vec<String> {
    let store = Store::open(db).unwrap();
    store
        .achievement_rows(Scope::All)
        .unwrap()
        .into_iter()
        .map(|(a, _)| format!("{} {:?}", a.title, store.achievement_rights(a.id).unwrap()))
        .collect()
}

#[test]
fn carriers_export_and_import_back_with_their_profiles_and_rights_travel_in_json() {
    let dir = tempfile::tempdir().unwrap();
    let from = carriers_and_rights(dir.path());
    assert_eq!(carriers_of(&from).len(), 2);
    for lang in ["zh_CN.UTF-8", "en_US.UTF-8"] {
        for format in ["csv", "xlsx", "json"] {
            let what = format!("{lang} {format}");
            let to = dir
                .path()
                .join(format!("carriers-{}-{format}.sqlite", &lang[..2]));
            let file = dir.path().join(format!("carriers-{}.{format}", &lang[..2]));
            export(lang, &from, "carriers", format, &file);
            let printed = import(lang, &to, "carriers", &file);
            assert!(!printed.contains("\t"), "{what}: rows refused: {printed}");
            let (expected, got) = (carriers_of(&from), carriers_of(&to));
            if format == "json" {
                assert_eq!(got, expected, "{what}");
            } else {
                // A table holds a carrier's first contact and no organisation kind: the kind
                // of an organisation created from it is told by its name.
                let cut = |rows: Vec<String>| -> Vec<String> {
                    rows.iter()
                        .map(|r| r.rsplit_once(' ').unwrap().0.to_string())
                        .collect()
                };
                assert_eq!(cut(got), cut(expected), "{what}");
            }
        }
    }
    // An achievements JSON carries the rights; its owner comes first from a clients JSON.
    let to = dir.path().join("rights.sqlite");
    for kind in ["clients", "achievements"] {
        let file = dir.path().join(format!("rights-{kind}.json"));
        export("zh_CN.UTF-8", &from, kind, "json", &file);
        import("zh_CN.UTF-8", &to, kind, &file);
    }
    assert_eq!(rights_of(&to), rights_of(&from));
    assert!(
        rights_of(&to)[0].contains("鲁大科字"),
        "{:?}",
        rights_of(&to)
    );
    assert_eq!(carriers_of(&to), carriers_of(&from));
}
