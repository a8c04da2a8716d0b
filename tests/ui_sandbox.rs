//! The training sandbox driven through the window: start it from the File menu, see the banner,
//! do four exercises and see them ticked, export the progress, reset, and leave.

mod common;

use common::{FixedPicker, click, harness_with, seed_client, start_with, temp_db, type_into};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use sha2::{Digest, Sha256};
use techbroker::catalog::{load_matching, rank};
use techbroker::domain::training::Task;
use techbroker::domain::{ClientKind, DealStage};
use techbroker::i18n::{EN, Tr, ZH, fill};
use techbroker::matching::Subject;
use techbroker::ui::{Command, Screen, StartOptions, TechBrokerApp};

/// The panel's count of exercises done, as `tr` words it.
fn done_count(tr: &Tr, done: usize) -> String {
    fill(
        tr.sandbox_done_count,
        &[("done", &done), ("total", &Task::ALL.len())],
    )
}

/// `techbroker --demo` on `broker`, the sandbox beside it in `dir`.
fn demo(dir: &std::path::Path, broker: &std::path::Path, load_in_background: bool) -> StartOptions {
    StartOptions {
        db: Some(broker.to_path_buf()),
        default_db: broker.to_path_buf(),
        sandbox_db: dir.join("sandbox.sqlite"),
        picker: Box::new(FixedPicker(None)),
        load_in_background,
        demo: true,
    }
}

fn hash(path: &std::path::Path) -> Vec<u8> {
    Sha256::digest(std::fs::read(path).unwrap()).to_vec()
}

fn open_path(h: &Harness<'_, TechBrokerApp>) -> std::path::PathBuf {
    h.state().store().unwrap().path().to_path_buf()
}

/// The title of the top-ranked achievement for the sandbox's exercise need.
fn best_candidate(h: &Harness<'_, TechBrokerApp>) -> String {
    let store = h.state().store().unwrap();
    let need = store.baseline().unwrap().unwrap().open_need.unwrap();
    let index = load_matching(&store.reader().unwrap()).unwrap();
    let weights = store.match_weights().unwrap();
    let decisions = store.decisions().unwrap();
    let top = rank(
        store,
        &index,
        Subject::Need(need),
        &weights,
        &decisions,
        1,
        false,
    )
    .unwrap();
    let achievement = store.get_achievement(top[0].achievement).unwrap().unwrap();
    achievement.data.title
}

#[test]
fn start_practise_reset_and_leave_the_sandbox() {
    let (dir, broker) = temp_db();
    seed_client(&broker, "济南某装备公司", ClientKind::Enterprise);
    let before = hash(&broker);
    let progress_file = dir.path().join("progress.json");
    let mut h = harness_with(&broker, &broker, Some(progress_file.clone()));
    assert!(h.query_by_label(ZH.sandbox_banner).is_none());

    click(&mut h, ZH.menu_file);
    click(&mut h, ZH.menu_sandbox_start);
    let sandbox = dir.path().join("sandbox.sqlite");
    assert_eq!(open_path(&h), sandbox);
    assert!(h.state().in_sandbox());
    h.get_by_label(ZH.sandbox_banner);
    h.get_by_label(&done_count(&ZH, 0));
    // The banner stays on every screen.
    click(&mut h, ZH.nav_deals);
    h.get_by_label(ZH.sandbox_banner);

    // Exercise 1: a visit logged on an enterprise's page.
    let store = h.state().store().unwrap();
    let enterprise = store
        .list_clients()
        .unwrap()
        .into_iter()
        .find(|c| c.kind == ClientKind::Enterprise)
        .unwrap();
    click(&mut h, ZH.nav_clients);
    type_into(&mut h, ZH.search, &enterprise.name);
    click(&mut h, &enterprise.name);
    type_into(&mut h, ZH.i_summary, "走访企业，了解技术需求");
    click(&mut h, ZH.add_interaction);
    h.get_by_label(&done_count(&ZH, 1));

    // Exercise 6: a payment recorded on a signed deal's page.
    let store = h.state().store().unwrap();
    let deal = store
        .deal_rows(chrono::Local::now().date_naive())
        .unwrap()
        .into_iter()
        .find(|d| d.stage == DealStage::Executing)
        .unwrap();
    h.state_mut()
        .apply(Command::Navigate(Screen::Deal(deal.id)));
    h.run();
    type_into(
        &mut h,
        ZH.rc_date,
        &chrono::Local::now().date_naive().to_string(),
    );
    type_into(&mut h, ZH.rc_amount, "10000");
    click(&mut h, ZH.record_payment);
    h.get_by_label(&done_count(&ZH, 2));

    // Exercises 2 and 3: the panel opens Matching on the exercise's need; the best
    // candidate is shortlisted, then accepted.
    click(&mut h, ZH.sandbox_open_matching);
    assert!(matches!(h.state().screen(), Screen::Matching));
    let best = best_candidate(&h);
    h.get_all_by_label(&best).next().unwrap().click();
    h.run();
    click(&mut h, ZH.shortlist);
    h.get_by_label(&done_count(&ZH, 3));
    click(&mut h, ZH.accept);
    h.get_by_label(&done_count(&ZH, 4));

    type_into(&mut h, ZH.sandbox_trainee, "王同学");
    click(&mut h, ZH.sandbox_export);
    let json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&progress_file).unwrap()).unwrap();
    assert_eq!(json["trainee"], "王同学");
    let done: Vec<&str> = json["completed"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["task"].as_str().unwrap())
        .collect();
    assert_eq!(
        done,
        [
            "visit_enterprise",
            "shortlist_for_need",
            "accept_for_need",
            "record_payment"
        ]
    );

    // Reset asks first; cancelling keeps the work.
    click(&mut h, ZH.menu_sandbox_reset);
    click(&mut h, ZH.cancel);
    h.get_by_label(&done_count(&ZH, 4));
    click(&mut h, ZH.menu_sandbox_reset);
    click(&mut h, ZH.sandbox_reset_confirm);
    h.get_by_label(&done_count(&ZH, 0));
    h.get_by_label(ZH.sandbox_reset_done);
    assert_eq!(open_path(&h), sandbox);
    assert_eq!(
        h.get_by_label(ZH.sandbox_trainee).value().as_deref(),
        Some("王同学")
    );

    click(&mut h, ZH.menu_sandbox_leave);
    assert_eq!(open_path(&h), broker);
    assert!(h.query_by_label(ZH.sandbox_banner).is_none());
    assert!(!h.state().in_sandbox());
    // The sandbox is not offered among the recent files.
    assert!(!h.state().settings().recent.contains(&sandbox));
    drop(h);
    assert_eq!(hash(&broker), before, "the broker's file is unchanged");
}

#[test]
fn demo_starts_in_the_sandbox_in_english_too() {
    let (dir, broker) = temp_db();
    let mut h = start_with(demo(dir.path(), &broker, false));
    h.run();
    assert!(h.state().in_sandbox());
    assert!(!broker.exists(), "the broker's database is not even opened");
    click(&mut h, "English");
    h.get_by_label(EN.sandbox_banner);
    h.get_by_label(&done_count(&EN, 0));
    h.get_by_label_contains(EN.task_visit);
    click(&mut h, EN.menu_sandbox_leave);
    assert_eq!(open_path(&h), broker);
}

#[test]
fn the_window_builds_the_sandbox_on_a_worker_showing_progress() {
    let (dir, broker) = temp_db();
    let mut h = start_with(demo(dir.path(), &broker, true));
    // Building takes a good part of a second; the first frame comes long before.
    h.step();
    h.get_by_label(ZH.sandbox_building);
    // Until the worker has built it: the test runner's own timeout stops a hang.
    while !h.state().in_sandbox() {
        std::thread::yield_now();
        h.step();
    }
    h.step();
    h.get_by_label(ZH.sandbox_banner);
    assert!(h.query_by_label(ZH.sandbox_building).is_none());
}

#[test]
fn the_sandbox_resumes_where_the_class_left_it_and_only_reset_rebuilds_it() {
    let (dir, broker) = temp_db();
    let options = || demo(dir.path(), &broker, false);
    let has_client = |h: &Harness<'_, TechBrokerApp>| {
        let clients = h.state().store().unwrap().list_clients().unwrap();
        clients.iter().any(|c| c.name == "学员新建的客户")
    };
    {
        let mut h = start_with(options());
        h.run();
        click(&mut h, ZH.nav_clients);
        click(&mut h, ZH.new_client);
        type_into(&mut h, ZH.f_name, "学员新建的客户");
        click(&mut h, ZH.save);
        assert!(has_client(&h));
    }
    // The next day's `--demo`: yesterday's work is there.
    let mut h = start_with(options());
    h.run();
    assert!(h.state().in_sandbox());
    assert!(has_client(&h), "the sandbox was not rebuilt");
    h.get_by_label(ZH.sandbox_resumed);
    // Leaving (the banner's button) and starting it from the menu resumes it too.
    click(&mut h, ZH.menu_sandbox_leave);
    assert!(!h.state().in_sandbox());
    click(&mut h, ZH.menu_file);
    click(&mut h, ZH.menu_sandbox_start);
    assert!(has_client(&h));
    // The banner's reset.
    click(&mut h, ZH.menu_sandbox_reset);
    click(&mut h, ZH.sandbox_reset_confirm);
    assert!(h.state().in_sandbox());
    assert!(!has_client(&h), "Reset rebuilds it");
}

#[test]
fn in_a_narrow_window_the_exercises_wait_to_be_asked_for() {
    let (dir, broker) = temp_db();
    let options = demo(dir.path(), &broker, false);
    let mut h = Harness::builder()
        .with_size([1024.0, 700.0])
        .build_eframe(move |cc| TechBrokerApp::new(cc, options));
    h.run();
    assert!(h.state().in_sandbox());
    // The screen keeps its width; the banner's button says what it does, not greyed out.
    assert!(h.query_by_label(ZH.sandbox_tasks).is_none());
    click(&mut h, ZH.sandbox_tasks_show);
    h.get_by_label(ZH.sandbox_tasks);
    h.get_by_label(&done_count(&ZH, 0));
    click(&mut h, ZH.sandbox_tasks_hide);
    assert!(h.query_by_label(ZH.sandbox_tasks).is_none());
}

#[test]
fn the_sandbox_has_carriers_and_projects_and_ticks_the_maturation_and_rights_exercises() {
    use egui::accesskit::Role;
    let (dir, broker) = temp_db();
    let mut h = start_with(demo(dir.path(), &broker, false));
    h.run();
    click(&mut h, ZH.nav_projects);
    let store = h.state().store().unwrap();
    let projects = store.projects().unwrap();
    assert_eq!(projects.len(), 2);
    let seeded = projects[0].achievement_title.clone();
    h.get_by_label(&projects[0].project.title);
    h.get_by_label(&done_count(&ZH, 0));

    // Exercise 9: a project of the trainee's own, at the pilot base.
    click(&mut h, ZH.pj_new);
    type_into(&mut h, ZH.pj_name, "学员的中试项目");
    type_into(&mut h, ZH.pj_achievement, &seeded);
    h.get_all_by_label(&seeded).last().unwrap().click();
    h.run();
    h.get_by_label_contains("山东省高端装备中试基地（").click();
    h.run();
    type_into(&mut h, ZH.pj_start, "2026-12-01");
    type_into(&mut h, ZH.pj_planned_end, "2027-06-30");
    click(&mut h, ZH.save);
    h.get_by_label("学员的中试项目");
    h.get_by_label(&done_count(&ZH, 1));

    // Exercise 10: the rights of a university's achievement, with the income shares.
    let store = h.state().store().unwrap();
    let achievement = store
        .achievement_rows(techbroker::store::Scope::All)
        .unwrap()
        .into_iter()
        .map(|(row, _)| row)
        .find(|a| {
            a.owner_kind == ClientKind::University
                && store.achievement_rights(a.id).unwrap().is_none()
        })
        .unwrap()
        .id;
    h.state_mut()
        .apply(Command::Navigate(Screen::Achievement(achievement)));
    h.run();
    click(&mut h, ZH.arrangement_ownership);
    type_into(&mut h, ZH.rights_ownership_share, "70");
    type_into(&mut h, ZH.share_researchers, "70");
    type_into(&mut h, ZH.share_institution, "20");
    type_into(&mut h, ZH.share_office, "10");
    h.get_by_role_and_label(Role::Button, ZH.rights_save)
        .click();
    h.run();
    h.get_by_label(&done_count(&ZH, 2));
}

#[test]
fn a_table_laid_out_wide_fits_again_when_the_exercise_panel_opens() {
    use egui::accesskit::Role;
    let (dir, broker) = temp_db();
    let mut h = start_with(demo(dir.path(), &broker, false));
    h.run();
    // Laid out without the panel first, then the panel takes its room.
    if h.query_by_label(ZH.sandbox_tasks_hide).is_some() {
        click(&mut h, ZH.sandbox_tasks_hide);
    }
    click(&mut h, ZH.nav_deals);
    h.get_by_role_and_label(Role::Button, ZH.view_table).click();
    h.run();
    click(&mut h, ZH.sandbox_tasks_show);
    let panel = h
        .get_by_role_and_label(Role::Label, ZH.sandbox_tasks)
        .rect();
    let status = h.get_by_label(ZH.col_status).rect();
    assert!(
        status.right() <= panel.left(),
        "the status column ends at {} under the panel from {}",
        status.right(),
        panel.left()
    );
}
