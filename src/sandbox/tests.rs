use std::path::Path;

use chrono::NaiveDate;
use sha2::{Digest, Sha256};

use super::{build, building_path, prepare};
use crate::domain::payments::{PayLaterForm, Receipt, Trial, TrialEnd};
use crate::domain::training::Task;
use crate::domain::{
    ClientDraft, ClientKind, DealDraft, DealStage, Decision, InteractionDraft, InteractionKind,
    Money,
};
use crate::matching::{Breakdown, PartValues, Weights};
use crate::store::{DecisionInput, Registration, Store};

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 28).unwrap()
}

fn file_hash(path: &Path) -> Vec<u8> {
    Sha256::digest(std::fs::read(path).unwrap()).to_vec()
}

fn built() -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("sandbox.sqlite");
    build(&path, today(), &mut |_, _| {}).unwrap();
    (dir, path)
}

/// What the class sees of the sandbox, without the times the store stamps at insert.
fn content(store: &Store) -> (usize, usize, Vec<u8>) {
    let mut hash = Sha256::new();
    let deals = store.deal_rows(today()).unwrap();
    for d in &deals {
        hash.update(format!("{d:?}"));
        hash.update(format!("{:?}", store.payment_plan(d.id).unwrap()));
        hash.update(format!("{:?}", store.deal_history(d.id).unwrap()));
        hash.update(format!("{:?}", store.list_deal_interactions(d.id).unwrap()));
    }
    let clients = store.list_clients().unwrap();
    for c in &clients {
        hash.update(format!("{c:?}"));
    }
    hash.update(format!("{:?}", store.follow_ups_due(today()).unwrap()));
    hash.update(store.decision_count().unwrap().to_le_bytes());
    (clients.len(), deals.len(), hash.finalize().to_vec())
}

fn visit(kind: InteractionKind) -> InteractionDraft {
    InteractionDraft {
        kind,
        summary: "走访企业，了解需求".into(),
        ..InteractionDraft::new(today())
    }
}

fn decision(store: &Store, decision: Decision) -> DecisionInput {
    let need = store.baseline().unwrap().unwrap().open_need.unwrap();
    let n = store.get_need(need).unwrap().unwrap();
    let mut achievement = None;
    store
        .each_match_achievement(crate::store::Scope::All, &mut |doc, _| {
            if achievement.is_none() && doc.field == n.data.field {
                achievement = Some(doc.id);
            }
        })
        .unwrap();
    DecisionInput {
        need: Some(need),
        achievement: achievement.unwrap(),
        enterprise: n.data.enterprise,
        decision,
        note: String::new(),
        breakdown: Breakdown::new(PartValues::default(), &Weights::default()),
    }
}

fn done(store: &Store) -> Vec<Task> {
    let baseline = store.baseline().unwrap().unwrap();
    let progress = store.training_progress(&baseline).unwrap();
    Task::ALL
        .into_iter()
        .filter(|t| progress.done_at(*t).is_some())
        .collect()
}

#[test]
fn the_sandbox_holds_the_classroom_set_with_an_agenda_for_today() {
    let (_dir, path) = built();
    let store = Store::open(&path).unwrap();
    let (clients, deals, _) = content(&store);
    // The classroom's 300 clients and the three carriers of the maturation exercise.
    assert_eq!((clients, deals), (303, 120));
    assert_eq!(store.carriers().unwrap().len(), 3);
    let projects = store.projects().unwrap();
    assert_eq!(projects.len(), 2);
    assert_eq!(
        projects
            .iter()
            .filter(|p| p.project.outcome.is_some())
            .count(),
        1
    );
    assert!(
        store
            .follow_ups_due(today())
            .unwrap()
            .iter()
            .any(|f| f.due == today())
    );
    assert!(!store.agenda_deals().unwrap().is_empty());
    assert!(Store::is_sandbox_file(&path));
    assert!(!building_path(&path).exists());
    assert!(done(&store).is_empty(), "the generated data ticks nothing");
}

#[test]
fn each_task_ticks_when_the_data_shows_it_done() {
    let (_dir, path) = built();
    let mut store = Store::open(&path).unwrap();
    let mut expected = Vec::new();
    let mut check = |store: &Store, task: Task| {
        expected.push(task);
        expected.sort_by_key(|t| Task::ALL.iter().position(|a| a == t));
        assert_eq!(done(store), expected, "after {task:?}");
    };

    // A call is not a visit; a visit at a university is not one at an enterprise.
    let clients = store.list_clients().unwrap();
    let enterprise = clients
        .iter()
        .find(|c| c.kind == ClientKind::Enterprise)
        .unwrap()
        .id;
    let university = clients
        .iter()
        .find(|c| c.kind == ClientKind::University)
        .unwrap()
        .id;
    store
        .add_interaction(enterprise, &visit(InteractionKind::Call))
        .unwrap();
    store
        .add_interaction(university, &visit(InteractionKind::Visit))
        .unwrap();
    assert!(done(&store).is_empty());
    store
        .add_interaction(enterprise, &visit(InteractionKind::Visit))
        .unwrap();
    check(&store, Task::VisitEnterprise);

    store
        .record_decision(&decision(&store, Decision::Proposed))
        .unwrap();
    check(&store, Task::ShortlistForNeed);
    let deal = store
        .record_decision(&decision(&store, Decision::Accepted))
        .unwrap()
        .unwrap();
    check(&store, Task::AcceptForNeed);

    // Signing needs the terms first; negotiating is not signing.
    store.move_deal(deal, DealStage::Negotiating, "").unwrap();
    assert!(store.move_deal(deal, DealStage::Signed, "").is_err());
    let terms = DealDraft {
        title: "练习交易".into(),
        contract: "50万".into(),
        signed_on: today().to_string(),
        ..DealDraft::default()
    };
    store.save_deal_terms(deal, &terms).unwrap();
    assert_eq!(done(&store).len(), 3);
    store.move_deal(deal, DealStage::Signed, "").unwrap();
    check(&store, Task::SignNeedDeal);

    store
        .set_trial(
            deal,
            &Trial {
                start: Some(today()),
                end: Some(TrialEnd::On(today() + chrono::Days::new(365))),
                form: Some(PayLaterForm::Deferred { days_after: 90 }),
            },
        )
        .unwrap();
    check(&store, Task::PayLaterPlan);

    store
        .add_receipt(
            deal,
            &Receipt {
                date: today(),
                amount: Money::from_yuan(100_000),
                note: String::new(),
            },
        )
        .unwrap();
    check(&store, Task::RecordPayment);

    store
        .record_registration(
            deal,
            &Registration {
                submitted: today(),
                certificate_no: "2026370100000001".into(),
                contract: Some(Money::from_yuan(500_000)),
                technology: None,
            },
        )
        .unwrap();
    check(&store, Task::RegisterContract);

    assert!(store.note_report_exported().unwrap());
    check(&store, Task::ExportReport);

    let carrier = store.carriers().unwrap()[0].organisation;
    let achievement = store.get_deal(deal).unwrap().unwrap().achievements[0];
    store
        .create_project(&crate::domain::maturation::ProjectDraft {
            title: "学员的中试项目".into(),
            achievement: Some(achievement),
            carrier: Some(carrier),
            start: today().to_string(),
            planned_end: "2027-06-30".into(),
            ..Default::default()
        })
        .unwrap();
    check(&store, Task::SendForMaturation);

    store
        .save_rights(
            achievement,
            &crate::domain::rights::RightsDraft {
                shares: ["70".into(), "20".into(), "10".into()],
                ..Default::default()
            },
        )
        .unwrap();
    check(&store, Task::RecordRights);
}

#[test]
fn reset_restores_the_initial_data_after_changes() {
    let (_dir, path) = built();
    let before = content(&Store::open(&path).unwrap());
    {
        let mut store = Store::open(&path).unwrap();
        let deal = store.deal_ids().unwrap()[0];
        store.move_deal(deal, DealStage::Lost, "练习").unwrap();
        let client = store.list_clients().unwrap()[0].id;
        store
            .add_interaction(client, &visit(InteractionKind::Visit))
            .unwrap();
        store.delete_client(client).unwrap();
        store.note_report_exported().unwrap();
        assert_ne!(content(&store), before);
        assert!(!done(&store).is_empty());
    }
    build(&path, today(), &mut |_, _| {}).unwrap();
    let store = Store::open(&path).unwrap();
    assert_eq!(content(&store), before);
    assert!(done(&store).is_empty());
}

#[test]
fn the_sandbox_never_writes_to_the_brokers_database() {
    let dir = tempfile::tempdir().unwrap();
    let broker = dir.path().join("techbroker.sqlite");
    {
        let mut store = Store::open(&broker).unwrap();
        let draft = ClientDraft {
            name: "济南某装备公司".into(),
            kind: ClientKind::Enterprise,
            ..ClientDraft::default()
        };
        store.save_client(None, &draft).unwrap();
        // Outside a sandbox a report export leaves no mark.
        assert!(!store.note_report_exported().unwrap());
    }
    let before = file_hash(&broker);
    let sandbox = dir.path().join("sandbox.sqlite");
    build(&sandbox, today(), &mut |_, _| {}).unwrap();
    {
        let mut store = Store::open(&sandbox).unwrap();
        let client = store.list_clients().unwrap()[0].id;
        store
            .add_interaction(client, &visit(InteractionKind::Visit))
            .unwrap();
    }
    build(&sandbox, today(), &mut |_, _| {}).unwrap();
    // Building over the broker's file is refused, and leaves it as it was.
    assert!(prepare(&broker, today(), &mut |_, _| {}).is_err());
    assert!(build(&broker, today(), &mut |_, _| {}).is_err());
    assert!(!Store::is_sandbox_file(&broker));
    assert_eq!(file_hash(&broker), before);
}

#[test]
fn a_failed_build_leaves_the_old_sandbox() {
    let (dir, path) = built();
    let before = file_hash(&path);
    // A folder where the new file would be built makes the build fail.
    std::fs::create_dir(building_path(&path)).unwrap();
    std::fs::write(building_path(&path).join("x"), "x").unwrap();
    assert!(build(&path, today(), &mut |_, _| {}).is_err());
    assert_eq!(file_hash(&path), before);
    assert!(Store::is_sandbox_file(&path));
    drop(dir);
}

#[test]
fn progress_is_exported_with_the_trainee_and_the_times() {
    let (dir, path) = built();
    let mut store = Store::open(&path).unwrap();
    let client = store.list_clients().unwrap()[0].id;
    store
        .add_interaction(client, &visit(InteractionKind::Visit))
        .unwrap();
    store.note_report_exported().unwrap();
    let progress = store
        .training_progress(&store.baseline().unwrap().unwrap())
        .unwrap();
    let out = dir.path().join("progress.json");
    let at = chrono::Utc::now();
    super::progress::write_progress(
        &out,
        " 王同学 ",
        &progress,
        &|t| t.code().to_uppercase(),
        at,
    )
    .unwrap();
    let json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&out).unwrap()).unwrap();
    assert_eq!(json["trainee"], "王同学");
    assert_eq!(json["tasks"], Task::ALL.len());
    let completed = json["completed"].as_array().unwrap();
    let codes: Vec<&str> = completed
        .iter()
        .map(|c| c["task"].as_str().unwrap())
        .collect();
    assert_eq!(codes.len(), progress.count());
    assert!(codes.contains(&"export_report"));
    assert_eq!(completed.last().unwrap()["title"], "EXPORT_REPORT");
    assert!(completed.iter().all(|c| c["done_at"].is_string()));
}

#[test]
fn the_exercise_need_finds_the_achievements_written_for_it_first() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("classroom.sqlite")).unwrap();
    let classroom = crate::demo::populate_classroom(
        &mut store,
        super::SEED,
        super::SIZES,
        super::DEALS,
        today(),
        &mut |_, _| {},
    )
    .unwrap();
    let need = classroom.open_need.unwrap();
    assert_eq!(classroom.answers.len(), 2);
    let index = crate::catalog::load_matching(&store.reader().unwrap()).unwrap();
    let top = crate::catalog::rank(
        &store,
        &index,
        crate::matching::Subject::Need(need),
        &store.match_weights().unwrap(),
        &store.decisions().unwrap(),
        3,
        false,
    )
    .unwrap();
    let titles: Vec<String> = top
        .iter()
        .map(|c| {
            let a = store.get_achievement(c.achievement).unwrap().unwrap();
            format!("{} {:.0}", a.data.title, c.breakdown.score)
        })
        .collect();
    println!(
        "{}: {titles:?}",
        store.get_need(need).unwrap().unwrap().data.title
    );
    assert!(
        classroom.answers.contains(&top[0].achievement),
        "the first candidate is not an answer: {titles:?}"
    );
    assert!(
        top.iter()
            .filter(|c| classroom.answers.contains(&c.achievement))
            .count()
            == 2,
        "both answers in the top three: {titles:?}"
    );
}
