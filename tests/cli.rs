//! The command line, run as a user would: `techbroker gen` and `techbroker search`.

use std::path::Path;
use std::process::{Command, Output};

fn techbroker(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_techbroker"))
        .args(args)
        .env("LANG", "en_US.UTF-8")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .output()
        .expect("run techbroker")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn generated_db(dir: &Path) -> String {
    let db = dir.join("gen.sqlite").display().to_string();
    let out = techbroker(&[
        "gen",
        "--db",
        &db,
        "--clients",
        "60",
        "--achievements",
        "300",
        "--needs",
        "40",
        "--seed",
        "7",
    ]);
    assert!(out.status.success(), "gen failed: {}", stderr(&out));
    assert!(stdout(&out).contains("Generated 60 clients, 300 achievements and 40 needs"));
    db
}

#[test]
fn gen_then_search_achievements_as_json() {
    let dir = tempfile::tempdir().unwrap();
    let db = generated_db(dir.path());
    let out = techbroker(&[
        "search",
        "--kind",
        "achievements",
        "技术",
        "--db",
        &db,
        "--limit",
        "5",
        "--json",
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let items: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    let items = items.as_array().unwrap();
    assert!(!items.is_empty() && items.len() <= 5);
    for item in items {
        assert!(item["id"].as_i64().is_some());
        assert!(!item["title"].as_str().unwrap().is_empty());
        assert!(!item["owner"].as_str().unwrap().is_empty());
    }
}

#[test]
fn search_needs_and_clients_print_lines() {
    let dir = tempfile::tempdir().unwrap();
    let db = generated_db(dir.path());
    let out = techbroker(&["search", "--kind", "clients", "公司", "--db", &db]);
    assert!(out.status.success());
    let text = stdout(&out);
    assert!(text.lines().count() > 0);
    assert!(
        text.lines()
            .all(|l| l.split('\t').count() == 5 && l.contains("公司"))
    );

    let out = techbroker(&[
        "search", "--kind", "needs", "需求", "--db", &db, "--limit", "3",
    ]);
    assert!(out.status.success());
    assert!(stdout(&out).lines().count() <= 3);
}

#[test]
fn no_match_is_an_empty_result_and_success() {
    let dir = tempfile::tempdir().unwrap();
    let db = generated_db(dir.path());
    let out = techbroker(&["search", "--kind", "achievements", "zzqqxx", "--db", &db]);
    assert!(out.status.success());
    assert_eq!(stdout(&out), "");
    let out = techbroker(&["search", "--kind", "needs", "zzqqxx", "--db", &db, "--json"]);
    assert!(out.status.success());
    assert_eq!(stdout(&out).trim(), "[]");
}

#[test]
fn a_missing_database_is_an_error_and_is_not_created() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("typo.sqlite");
    let out = techbroker(&[
        "search",
        "--kind",
        "achievements",
        "电池",
        "--db",
        &missing.display().to_string(),
    ]);
    assert!(!out.status.success());
    assert!(stderr(&out).contains("There is no database file at"));
    assert!(!missing.exists());
}

#[test]
fn a_foreign_file_is_an_error_and_left_unchanged() {
    let dir = tempfile::tempdir().unwrap();
    let foreign = dir.path().join("notes.txt");
    std::fs::write(&foreign, "not a database").unwrap();
    let out = techbroker(&[
        "search",
        "--kind",
        "clients",
        "x",
        "--db",
        &foreign.display().to_string(),
    ]);
    assert!(!out.status.success());
    assert!(stderr(&out).contains("This is not a database file."));
    assert_eq!(std::fs::read_to_string(&foreign).unwrap(), "not a database");
}

#[test]
fn subcommands_need_a_database() {
    let out = techbroker(&["search", "--kind", "clients", "x"]);
    assert!(!out.status.success());
    assert!(stderr(&out).contains("--db PATH"));
}

#[test]
fn match_prints_ranked_candidates_with_breakdown_and_terms() {
    let dir = tempfile::tempdir().unwrap();
    let db = generated_db(dir.path());
    let out = techbroker(&["match", "--need", "1", "--db", &db, "--top", "5", "--json"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let items: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    let items = items.as_array().unwrap();
    assert!(!items.is_empty() && items.len() <= 5);
    let scores: Vec<f64> = items.iter().map(|i| i["score"].as_f64().unwrap()).collect();
    assert!(
        scores.windows(2).all(|w| w[0] >= w[1]),
        "best first: {scores:?}"
    );
    for item in items {
        assert!(item["id"].as_i64().is_some());
        assert!(!item["title"].as_str().unwrap().is_empty());
        let parts = item["parts"].as_object().unwrap();
        for part in [
            "text", "field", "maturity", "price", "mode", "region", "history",
        ] {
            assert!(parts.contains_key(part), "missing part {part}");
        }
        let sum: f64 = parts.values().map(|v| v.as_f64().unwrap()).sum();
        assert!((sum - item["score"].as_f64().unwrap()).abs() < 0.5);
        assert!(item["terms"].is_array());
    }

    let out = techbroker(&["match", "--achievement", "1", "--db", &db, "--top", "3"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).lines().count() <= 3);

    let out = techbroker(&["match", "--db", &db]);
    assert!(!out.status.success(), "a subject is required");
}

#[test]
fn a_confidential_need_is_marked_in_search_as_in_the_window() {
    use techbroker::domain::{ClientDraft, ClientKind, NeedDraft};
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("c.sqlite");
    {
        let mut store = techbroker::store::Store::open(&path).unwrap();
        let enterprise = store
            .save_client(
                None,
                &ClientDraft {
                    name: "青岛某储能公司".into(),
                    kind: ClientKind::Enterprise,
                    ..ClientDraft::default()
                },
            )
            .unwrap();
        for (title, confidential) in [("储能系统热管理", true), ("储能电站运维", false)]
        {
            let need = NeedDraft {
                enterprise: Some(enterprise),
                title: title.into(),
                field: "新能源".into(),
                confidential,
                ..NeedDraft::default()
            };
            store.save_need(None, &need).unwrap();
        }
    }
    let db = path.display().to_string();
    let out = techbroker(&["search", "--kind", "needs", "储能", "--db", &db]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    let mark = techbroker::i18n::EN.confidential_mark;
    assert!(text.contains(&format!("{mark}储能系统热管理")), "{text}");
    assert!(!text.contains(&format!("{mark}储能电站运维")), "{text}");
}
