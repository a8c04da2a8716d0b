//! The import screen driven as a broker would: choose a file, fix a mapping, read the errors,
//! import the valid rows, save the refused ones; and exporting a list in every format.

mod common;

use std::path::{Path, PathBuf};
use std::sync::Arc;

use common::{click, seed_client, temp_db};
use egui::accesskit::Role;
use egui_kittest::kittest::Queryable as _;
use techbroker::domain::ClientKind;
use techbroker::i18n::{ZH, fill};
use techbroker::io::import::Warning;
use techbroker::store::{Scope, Store};

const CSV: &str = "\u{feff}成果名称,归属方,技术领域,成熟度,意向价格（万元）\n\
锂电池回收技术,山东大学,新能源,6,50\n\
秸秆还田装备,山东大学,农业,7,面议\n\
坏的一行,山东大学,农业,12,30\n";

fn write_csv(dir: &Path) -> PathBuf {
    let path = dir.join("成果清单.csv");
    std::fs::write(&path, CSV).unwrap();
    path
}

fn titles(db: &Path) -> Vec<String> {
    let store = Store::open(db).unwrap();
    let mut t: Vec<String> = store
        .achievement_rows(Scope::All)
        .unwrap()
        .into_iter()
        .map(|(r, _)| r.title)
        .collect();
    t.sort();
    t
}

/// The check's count of rows.
fn rows_summary(rows: usize, valid: usize, invalid: usize) -> String {
    fill(
        ZH.im_rows_summary,
        &[("rows", &rows), ("valid", &valid), ("invalid", &invalid)],
    )
}

/// What an import that updated, skipped and warned of nothing says it did.
fn summary(inserted: usize, owners: usize, rejected: usize) -> String {
    fill(
        ZH.im_done,
        &[
            ("inserted", &inserted),
            ("updated", &0),
            ("skipped", &0),
            ("owners", &owners),
            ("rejected", &rejected),
            ("warned", &0),
            ("left", &0),
        ],
    )
}

/// How every "required fields have no column" message begins, whichever fields it names.
fn missing_required() -> String {
    fill(ZH.im_missing_required, &[("fields", &"")])
}

#[test]
fn import_a_csv_after_fixing_a_mapping_and_get_the_bad_rows_back() {
    let (dir, db) = temp_db();
    seed_client(&db, "山东大学", ClientKind::University);
    let csv = write_csv(dir.path());
    let mut h = common::harness_with_picker(&db, Some(csv.clone()));
    click(&mut h, ZH.nav_achievements);
    click(&mut h, ZH.import_button);
    h.get_by_label(&fill(ZH.im_file, &[("name", &"成果清单.csv")]));
    h.get_by_label(&fill(
        ZH.im_csv_format,
        &[("encoding", &"UTF-8"), ("delimiter", &",")],
    ));
    // "归属方" is not a name the import knows: the owner is missing until the user maps it.
    h.get_by_label(&fill(ZH.im_missing_required, &[("fields", &ZH.a_owner)]));
    h.get_by_role_and_label(Role::ComboBox, "归属方").click();
    h.run();
    click(&mut h, &format!("{} *", ZH.a_owner));
    assert!(h.query_by_label_contains(&missing_required()).is_none());
    click(&mut h, ZH.im_check);
    h.get_by_label(&rows_summary(3, 2, 1));
    h.get_by_label(&format!("成熟度：{}", ZH.p_trl_out_of_range));
    // The preview shows the rows as stored: 50 in a 万元 column is 50 万元.
    h.get_by_label("50.00");
    assert!(titles(&db).is_empty(), "checking writes nothing");
    click(&mut h, &fill(ZH.im_import_valid, &[("n", &2), ("m", &1)]));
    // The summary shows on the screen and in the status line.
    assert_eq!(h.get_all_by_label(&summary(2, 0, 1)).count(), 2);
    assert_eq!(titles(&db), vec!["秸秆还田装备", "锂电池回收技术"]);
    // The refused row comes back as a CSV with its cells and the reason.
    click(&mut h, ZH.im_save_rejected);
    let back = std::fs::read_to_string(&csv).unwrap();
    let back = back.trim_start_matches('\u{feff}');
    assert!(
        back.starts_with(&format!(
            "{},成果名称,归属方,技术领域,成熟度,意向价格（万元）,{}",
            ZH.im_col_row, ZH.im_col_reason
        )),
        "{back}"
    );
    assert!(
        back.contains("4,坏的一行,山东大学,农业,12,30,成熟度："),
        "{back}"
    );
    // The list shows the new records.
    click(&mut h, ZH.im_close);
    // The kind choice repeats the navigation's names: go through the navigation button.
    h.get_by_role_and_label(Role::Button, ZH.nav_achievements)
        .click();
    h.run();
    h.get_by_label("锂电池回收技术");
}

#[test]
fn import_nothing_leaves_the_database_alone() {
    let (dir, db) = temp_db();
    seed_client(&db, "山东大学", ClientKind::University);
    let csv = dir.path().join("ok.csv");
    std::fs::write(
        &csv,
        "成果名称,完成单位,技术领域,成熟度\n氢能储运,山东大学,新能源,5\n",
    )
    .unwrap();
    let mut h = common::harness_with_picker(&db, Some(csv));
    click(&mut h, ZH.nav_achievements);
    click(&mut h, ZH.import_button);
    click(&mut h, ZH.im_check);
    h.get_by_label(&rows_summary(1, 1, 0));
    click(&mut h, ZH.im_import_nothing);
    assert!(titles(&db).is_empty());
    h.get_by_label(ZH.im_choose_file);
}

#[test]
fn an_unknown_owner_can_be_created_during_the_import() {
    let (dir, db) = temp_db();
    let csv = dir.path().join("owners.csv");
    std::fs::write(
        &csv,
        "成果名称,完成单位,技术领域,成熟度\n氢能储运,青岛科技大学,新能源,5\n",
    )
    .unwrap();
    let mut h = common::harness_with_picker(&db, Some(csv));
    click(&mut h, ZH.nav_achievements);
    click(&mut h, ZH.import_button);
    click(&mut h, ZH.im_check);
    h.get_by_label(&fill(
        ZH.im_unknown_owners,
        &[("n", &1), ("names", &"青岛科技大学")],
    ));
    assert!(
        h.query_by_label_contains(&fill(ZH.im_import_all, &[("n", &1)]))
            .is_none()
    );
    click(&mut h, ZH.im_create_owners);
    click(&mut h, &fill(ZH.im_import_all, &[("n", &1)]));
    assert!(h.get_all_by_label(&summary(1, 1, 0)).next().is_some());
    let store = Store::open(&db).unwrap();
    let client = store
        .list_clients()
        .unwrap()
        .into_iter()
        .find(|c| c.name == "青岛科技大学")
        .unwrap();
    assert_eq!(client.kind, ClientKind::University);
}

#[test]
fn a_binary_file_named_csv_is_refused_with_a_message() {
    let (dir, db) = temp_db();
    let fake = dir.path().join("photo.csv");
    std::fs::write(&fake, b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01").unwrap();
    let mut h = common::harness_with_picker(&db, Some(fake));
    click(&mut h, ZH.nav_clients);
    click(&mut h, ZH.import_button);
    h.get_by_label(ZH.im_err_not_text);
    assert!(h.query_by_label(ZH.im_check).is_none());
}

#[derive(Debug)]
struct Dropped(PathBuf);

impl egui::DroppedFile for Dropped {
    fn path(&self) -> &Path {
        &self.0
    }
    fn bytes(&self) -> Result<Vec<u8>, String> {
        std::fs::read(&self.0).map_err(|e| e.to_string())
    }
}

#[test]
fn a_file_dropped_on_the_window_opens_the_import() {
    let (dir, db) = temp_db();
    let csv = write_csv(dir.path());
    let mut h = common::harness(&db);
    h.input_mut().dropped_files.push(Arc::new(Dropped(csv)));
    h.run();
    h.get_by_label(&fill(ZH.im_file, &[("name", &"成果清单.csv")]));
    h.get_by_role_and_label(Role::ComboBox, "成果名称");
}

#[test]
fn export_a_filtered_list_as_excel_and_json() {
    let (dir, db) = temp_db();
    seed_client(&db, "山东大学", ClientKind::University);
    seed_client(&db, "潍柴动力", ClientKind::Enterprise);
    let out = dir.path().join("clients.out");
    let mut h = common::harness_with_picker(&db, Some(out.clone()));
    click(&mut h, ZH.nav_clients);
    common::type_into(&mut h, ZH.search, "潍柴");
    click(&mut h, ZH.export_menu);
    click(&mut h, ZH.export_as_xlsx);
    h.get_by_label_contains(&fill(ZH.exported, &[("path", &out.display())]));
    let mut book: calamine::Xlsx<_> = calamine::open_workbook(&out).unwrap();
    let range = calamine::Reader::worksheet_range_at(&mut book, 0)
        .unwrap()
        .unwrap();
    let names: Vec<String> = range.rows().skip(1).map(|r| r[0].to_string()).collect();
    assert_eq!(names, vec!["潍柴动力"]);
    click(&mut h, ZH.export_menu);
    click(&mut h, ZH.export_as_json);
    let json = std::fs::read_to_string(&out).unwrap();
    assert!(
        json.contains("潍柴动力") && !json.contains("山东大学"),
        "{json}"
    );
}

#[test]
fn an_import_in_the_training_sandbox_stays_in_the_sandbox() {
    let (dir, broker) = temp_db();
    let csv = dir.path().join("clients.csv");
    std::fs::write(&csv, "客户名称,类型\n练习导入公司,企业\n").unwrap();
    seed_client(&broker, "山东大学", ClientKind::University);
    let before = std::fs::read(&broker).unwrap();
    let mut h = common::harness_with(&broker, &broker, Some(csv));
    click(&mut h, ZH.menu_file);
    click(&mut h, ZH.menu_sandbox_start);
    assert!(h.state().in_sandbox());
    h.get_by_role_and_label(Role::Button, ZH.nav_clients)
        .click();
    h.run();
    click(&mut h, ZH.import_button);
    click(&mut h, ZH.im_check);
    click(&mut h, &fill(ZH.im_import_all, &[("n", &1)]));
    assert!(h.state().in_sandbox(), "still training after the import");
    let store = h.state().store().unwrap();
    assert_eq!(store.path(), dir.path().join("sandbox.sqlite"));
    assert!(
        store
            .list_clients()
            .unwrap()
            .iter()
            .any(|c| c.name == "练习导入公司")
    );
    assert!(
        std::fs::read(&broker).unwrap() == before,
        "the broker's file is untouched"
    );
}

#[test]
fn the_sheet_with_the_table_is_chosen_and_another_can_be() {
    let (dir, db) = temp_db();
    seed_client(&db, "潍柴动力", ClientKind::Enterprise);
    let book_path = dir.path().join("needs.xlsx");
    let mut book = rust_xlsxwriter::Workbook::new();
    let notes = book.add_worksheet().set_name("说明").unwrap();
    notes.write_string(0, 0, "本表由平台导出").unwrap();
    let sheet = book.add_worksheet().set_name("需求").unwrap();
    for (c, h) in ["需求名称", "企业名称", "技术领域"].iter().enumerate() {
        sheet.write_string(0, c as u16, *h).unwrap();
    }
    for (c, v) in ["发动机余热回收", "潍柴动力", "节能环保"]
        .iter()
        .enumerate()
    {
        sheet.write_string(1, c as u16, *v).unwrap();
    }
    book.save(&book_path).unwrap();
    let mut h = common::harness_with_picker(&db, Some(book_path));
    click(&mut h, ZH.nav_needs);
    click(&mut h, ZH.import_button);
    // The first sheet holds a note, not the list: the sheet with the table is read, and named.
    h.get_by_label(&fill(ZH.im_sheet_chosen, &[("name", &"需求")]));
    assert!(h.query_by_label_contains(&missing_required()).is_none());
    // The note sheet can still be chosen: nothing in it maps to the required fields.
    h.get_by_role_and_label(Role::ComboBox, ZH.im_sheet).click();
    h.run();
    click(&mut h, "说明");
    h.get_by_label_contains(&missing_required());
    h.get_by_role_and_label(Role::ComboBox, ZH.im_sheet).click();
    h.run();
    click(&mut h, "需求");
    assert!(h.query_by_label_contains(&missing_required()).is_none());
    click(&mut h, ZH.im_check);
    click(&mut h, &fill(ZH.im_import_all, &[("n", &1)]));
    let store = Store::open(&db).unwrap();
    let needs = store.need_rows(Scope::All).unwrap();
    assert_eq!(needs[0].0.title, "发动机余热回收");
}

/// As the app runs it: checking and importing happen on worker threads, and the import is
/// taken even when the user has moved to another screen meanwhile.
#[test]
fn check_and_import_run_on_workers() {
    use techbroker::ui::{StartOptions, TechBrokerApp};
    let (dir, db) = temp_db();
    seed_client(&db, "山东大学", ClientKind::University);
    let csv = write_csv(dir.path());
    let opened = db.clone();
    let mut h = egui_kittest::Harness::builder()
        .with_size([1280.0, 860.0])
        .build_eframe(move |cc| {
            TechBrokerApp::new(
                cc,
                StartOptions {
                    db: Some(opened.clone()),
                    sandbox_db: opened.with_file_name("sandbox.sqlite"),
                    default_db: opened,
                    picker: Box::new(common::FixedPicker(Some(csv))),
                    load_in_background: true,
                    demo: false,
                },
            )
        });
    // Until the workers' results show: the test runner's own timeout stops a hang.
    let wait_for = |h: &mut egui_kittest::Harness<'_, TechBrokerApp>, label: &str| {
        while h.query_all_by_label_contains(label).next().is_none() {
            std::thread::yield_now();
            h.step();
        }
    };
    wait_for(&mut h, ZH.kpi_achievements);
    // Workers wake the window at any time, so the harness steps frames instead of waiting for
    // it to settle.
    let tap = |h: &mut egui_kittest::Harness<'_, TechBrokerApp>, label: &str| {
        h.get_by_label(label).click();
        h.step();
        h.step();
    };
    tap(&mut h, ZH.menu_file);
    tap(&mut h, ZH.menu_import);
    tap(&mut h, ZH.im_choose_file);
    // The headers are read on a worker too.
    wait_for(&mut h, "归属方");
    h.get_by_role_and_label(Role::ComboBox, "归属方").click();
    h.step();
    h.step();
    tap(&mut h, &format!("{} *", ZH.a_owner));
    tap(&mut h, ZH.im_check);
    wait_for(&mut h, &rows_summary(3, 2, 1));
    tap(&mut h, &fill(ZH.im_import_valid, &[("n", &2), ("m", &1)]));
    h.get_by_role_and_label(Role::Button, ZH.nav_clients)
        .click();
    h.step();
    wait_for(&mut h, &summary(2, 0, 1));
    assert_eq!(titles(&db), vec!["秸秆还田装备", "锂电池回收技术"]);
}

#[test]
fn a_saved_mapping_is_used_for_the_next_file_of_the_same_layout() {
    let (dir, db) = temp_db();
    seed_client(&db, "山东大学", ClientKind::University);
    let csv = write_csv(dir.path());
    let mut h = common::harness_with_picker(&db, Some(csv));
    click(&mut h, ZH.nav_achievements);
    click(&mut h, ZH.import_button);
    h.get_by_role_and_label(Role::ComboBox, "归属方").click();
    h.run();
    click(&mut h, &format!("{} *", ZH.a_owner));
    click(&mut h, ZH.im_save_mapping);
    assert!(h.get_all_by_label(ZH.im_mapping_saved).next().is_some());
    // The same headers again: the owner column is mapped without asking.
    click(&mut h, ZH.im_choose_file);
    h.get_by_label(ZH.im_saved_mapping_applied);
    assert!(h.query_by_label_contains(&missing_required()).is_none());
}

#[test]
fn deals_import_from_the_deal_list() {
    let (dir, db) = temp_db();
    seed_client(&db, "山东大学", ClientKind::University);
    seed_client(&db, "潍柴动力", ClientKind::Enterprise);
    let csv = dir.path().join("deals.csv");
    std::fs::write(
        &csv,
        "项目名称,卖方,买方,阶段,合同金额（万元）,签约日期\n\
         余热回收技术转让,山东大学,潍柴动力,签约,120,2026-03-15\n\
         缺日期的签约,山东大学,潍柴动力,签约,30,\n",
    )
    .unwrap();
    let mut h = common::harness_with_picker(&db, Some(csv));
    h.get_by_role_and_label(Role::Button, ZH.nav_deals).click();
    h.run();
    click(&mut h, ZH.import_button);
    click(&mut h, ZH.im_check);
    h.get_by_label(&rows_summary(2, 1, 1));
    h.get_by_label(&format!("签约日期：{}", ZH.p_required));
    click(&mut h, &fill(ZH.im_import_valid, &[("n", &1), ("m", &1)]));
    let store = Store::open(&db).unwrap();
    let today = chrono::Local::now().date_naive();
    let deals = store.deal_rows(today).unwrap();
    assert_eq!(deals.len(), 1);
    assert_eq!(deals[0].title, "余热回收技术转让");
    assert_eq!(deals[0].stage, techbroker::domain::DealStage::Signed);
}

/// A provincial template: a title and a note above the header, a total under the rows. The
/// header is found; another row can be chosen; the review lists the notes and the rows left out.
#[test]
fn the_header_row_can_be_picked_and_notes_are_listed_in_the_review() {
    let (dir, db) = temp_db();
    seed_client(&db, "山东大学", ClientKind::University);
    let csv = dir.path().join("汇总表.csv");
    std::fs::write(
        &csv,
        "2026年度山东省科技成果汇总表,,,,\n\
         填报说明：价格单位为万元,,,,\n\
         序号,成果名称,完成单位,技术领域,技术成熟度\n\
         1,锂电池回收技术,山东大学,新能源,中试阶段\n\
         2,秸秆还田装备,山东大学,现代农业,6\n\
         合计,2项,,,\n",
    )
    .unwrap();
    let mut h = common::harness_with_picker(&db, Some(csv));
    click(&mut h, ZH.nav_achievements);
    click(&mut h, ZH.import_button);
    let header_row = |h: &egui_kittest::Harness<'_, techbroker::ui::TechBrokerApp>| {
        use egui_kittest::kittest::NodeT as _;
        h.get_by_role_and_label(Role::ComboBox, ZH.im_header_row)
            .accesskit_node()
            .value()
            .unwrap_or_default()
    };
    // Found below the title and the note: the columns are mapped.
    assert!(
        header_row(&h).starts_with(&fill(
            ZH.im_row_n,
            &[("n", &3), ("cells", &"序号 | 成果名称")]
        )),
        "{}",
        header_row(&h)
    );
    assert!(h.query_by_label_contains(&missing_required()).is_none());
    // The title row as the header maps nothing; back to row 3, everything is mapped again.
    h.get_by_role_and_label(Role::ComboBox, ZH.im_header_row)
        .click();
    h.run();
    click(
        &mut h,
        &fill(
            ZH.im_row_n,
            &[("n", &1), ("cells", &"2026年度山东省科技成果汇总表")],
        ),
    );
    assert!(header_row(&h).starts_with(&fill(ZH.im_row_n, &[("n", &1), ("cells", &"")])));
    h.get_by_label_contains(&missing_required());
    h.get_by_role_and_label(Role::ComboBox, ZH.im_header_row)
        .click();
    h.run();
    click(
        &mut h,
        &fill(
            ZH.im_row_n,
            &[
                ("n", &3),
                (
                    "cells",
                    &"序号 | 成果名称 | 完成单位 | 技术领域 | 技术成熟度",
                ),
            ],
        ),
    );
    assert!(h.query_by_label_contains(&missing_required()).is_none());
    click(&mut h, ZH.im_check);
    h.get_by_label(&rows_summary(2, 2, 0));
    h.get_by_label(&fill(ZH.im_warnings_summary, &[("n", &1)]));
    h.get_by_label(&fill(
        ZH.im_skipped_summary,
        &[("n", &1), ("rows", &format!("6 {}", ZH.im_skip_total))],
    ));
    h.get_by_label(ZH.im_warnings);
    h.get_by_label(&format!(
        "技术成熟度：{}",
        ZH.warning(&Warning::TrlFromWords("中试阶段".into(), 6))
    ));
    click(&mut h, &fill(ZH.im_import_all, &[("n", &2)]));
    assert_eq!(titles(&db), vec!["秸秆还田装备", "锂电池回收技术"]);
    let store = Store::open(&db).unwrap();
    let rows = store.achievement_rows(Scope::All).unwrap();
    let lithium = rows
        .iter()
        .find(|(r, _)| r.title == "锂电池回收技术")
        .unwrap();
    assert_eq!(lithium.0.trl, 6);
}

#[test]
fn columns_left_out_are_listed_on_the_mapping_and_in_the_review() {
    let (dir, db) = temp_db();
    let csv = dir.path().join("问卷.csv");
    std::fs::write(
        &csv,
        "提交答卷时间,来自IP,1、需求名称,2、贵单位名称,3、联系电话\n\
         2026/3/1 10:00:00,1.2.3.4,滚珠丝杠磨削,济南鲁信精密机械有限公司,0531-1234567\n",
    )
    .unwrap();
    let mut h = common::harness_with_picker(&db, Some(csv));
    click(&mut h, ZH.nav_needs);
    click(&mut h, ZH.import_button);
    assert!(h.query_by_label_contains(&missing_required()).is_none());
    h.get_by_label(&fill(ZH.im_no_column, &[("field", &ZH.a_field)]));
    h.get_by_label(&fill(
        ZH.im_not_imported,
        &[(
            "columns",
            &["提交答卷时间", "来自IP", "3、联系电话"].join(ZH.im_list_sep),
        )],
    ));
    click(&mut h, ZH.im_check);
    h.get_by_label(&fill(
        ZH.im_not_imported,
        &[(
            "columns",
            &["提交答卷时间", "来自IP", "3、联系电话"].join(ZH.im_list_sep),
        )],
    ));
    h.get_by_label(&fill(ZH.im_no_column, &[("field", &ZH.a_field)]));
}
