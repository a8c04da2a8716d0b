//! The Matching screen driven through the window: find matches for a need, read the breakdown,
//! accept one (a deal appears), reject another (it leaves the list).

mod common;

use common::{click, harness, seed_client, temp_db, type_into};
use egui_kittest::kittest::Queryable as _;
use techbroker::domain::{
    AchievementDraft, AchievementId, ClientId, ClientKind, DealStage, NeedDraft, Stage,
    TransferMode, TransferModes,
};
use techbroker::store::Store;
use techbroker::ui::Screen;

fn achievement(owner: ClientId, title: &str, trl: &str, stage: Stage) -> AchievementDraft {
    let modes: TransferModes = [TransferMode::Assignment].into_iter().collect();
    AchievementDraft {
        title: title.into(),
        owner: Some(owner),
        field: "新能源".into(),
        keywords: "动力电池、回收".into(),
        abstract_text: "针对退役动力电池拆解回收难题，开发了自动化拆解与镍钴锰回收工艺。".into(),
        trl: trl.into(),
        stage,
        transfer_modes: modes,
        ..AchievementDraft::default()
    }
}

fn seed(path: &std::path::Path) -> (AchievementId, AchievementId, ClientId) {
    let university = seed_client(path, "山东大学", ClientKind::University);
    let enterprise = seed_client(path, "济南某回收公司", ClientKind::Enterprise);
    let mut store = Store::open(path).unwrap();
    let pilot = store
        .save_achievement(
            None,
            &achievement(
                university,
                "退役动力电池自动化拆解回收技术",
                "7",
                Stage::Pilot,
            ),
        )
        .unwrap();
    let lab = store
        .save_achievement(
            None,
            &achievement(university, "动力电池回收新原理探索", "2", Stage::Lab),
        )
        .unwrap();
    store
        .save_need(
            None,
            &NeedDraft {
                enterprise: Some(enterprise),
                title: "退役动力电池回收技术需求".into(),
                field: "新能源".into(),
                keywords: "动力电池、回收".into(),
                description: "我公司回收退役动力电池，希望引进自动化拆解和有价金属回收技术。"
                    .into(),
                min_stage: Some(Stage::Pilot),
                ..NeedDraft::default()
            },
        )
        .unwrap();
    (pilot, lab, enterprise)
}

#[test]
fn find_matches_for_a_need_accept_one_and_reject_another() {
    let (_dir, path) = temp_db();
    let (pilot, lab, enterprise) = seed(&path);
    let mut h = harness(&path);
    click(&mut h, "技术需求");
    click(&mut h, "退役动力电池回收技术需求");
    click(&mut h, "查找匹配");
    assert_eq!(h.state().screen(), Screen::Matching);

    // The pilot-stage achievement ranks first: the need asks for 中试.
    let top = h.get_by_label("退役动力电池自动化拆解回收技术");
    let second = h.get_by_label("动力电池回收新原理探索");
    assert!(top.rect().top() < second.rect().top());
    top.click();
    h.run();
    h.get_by_label_contains("得分构成");
    h.get_by_label("成熟度");
    h.get_by_label("共同词语");
    assert!(h.get_all_by_label_contains("动力电池").count() >= 3);

    click(&mut h, "接受（建立交易）");
    h.get_by_label_contains("已建立交易");
    let store = h.state().store().unwrap();
    let deals = store.deal_ids().unwrap();
    assert_eq!(deals.len(), 1);
    let deal = store.get_deal(deals[0]).unwrap().unwrap();
    assert_eq!(deal.stage, DealStage::Introduced);
    assert_eq!(deal.achievements, vec![pilot]);
    assert_eq!(deal.buyer, enterprise);

    click(&mut h, "动力电池回收新原理探索");
    click(&mut h, "拒绝…");
    type_into(&mut h, "说明", "实验室阶段，企业要中试成果");
    click(&mut h, "确认拒绝");
    h.get_by_label("已拒绝，该候选已移出列表");
    assert!(h.query_by_label("动力电池回收新原理探索").is_none());
    let decisions = h.state().store().unwrap().decisions().unwrap();
    assert!(decisions.rejected.iter().any(|(_, a)| *a == lab));

    click(&mut h, "显示已拒绝的");
    h.get_by_label("动力电池回收新原理探索（已拒绝）");
}

#[test]
fn find_enterprises_for_an_achievement() {
    let (_dir, path) = temp_db();
    seed(&path);
    let mut h = harness(&path);
    click(&mut h, "科技成果");
    click(&mut h, "退役动力电池自动化拆解回收技术");
    click(&mut h, "查找匹配");
    h.get_by_label("济南某回收公司");
    h.get_by_label("退役动力电池回收技术需求");
}

#[test]
fn shortlist_then_export_the_shortlist_as_csv() {
    let (dir, path) = temp_db();
    seed(&path);
    let csv = dir.path().join("候选清单.csv");
    let mut h = common::harness_with_picker(&path, Some(csv.clone()));
    click(&mut h, "技术需求");
    click(&mut h, "退役动力电池回收技术需求");
    click(&mut h, "查找匹配");
    click(&mut h, "导出候选清单 CSV…");
    h.get_by_label("候选清单为空：先把候选加入清单。");
    assert!(!csv.exists());

    click(&mut h, "退役动力电池自动化拆解回收技术");
    click(&mut h, "加入候选清单");
    h.get_by_label("已加入候选清单");
    click(&mut h, "导出候选清单 CSV…");
    h.get_by_label_contains("已导出到");
    let bytes = std::fs::read(&csv).unwrap();
    assert!(bytes.starts_with(b"\xEF\xBB\xBF"));
    let text = String::from_utf8(bytes[3..].to_vec()).unwrap();
    assert!(text.starts_with("成果名称,完成单位"));
    assert!(text.contains("退役动力电池自动化拆解回收技术,山东大学"));
}

#[test]
fn weights_are_changed_and_saved_in_the_database() {
    let (_dir, path) = temp_db();
    seed(&path);
    let mut h = harness(&path);
    click(&mut h, "成果匹配");
    click(&mut h, "权重设置");
    let field = h.get_by_label("领域");
    field.click();
    h.run();
    // Replace the value by typing into the focused drag value.
    h.get_by_label("领域").type_text("0");
    h.key_press(egui::Key::Enter);
    h.run();
    click(&mut h, "保存权重");
    h.get_by_label("权重已保存");
    let saved = h.state().store().unwrap().match_weights().unwrap();
    let defaults = techbroker::matching::Weights::default();
    assert_ne!(saved.field, defaults.field, "the field weight was changed");
    assert_eq!(saved.text, defaults.text, "the others were not");
}

/// A need that says 锂电 and two recycling achievements: one that shares its words, one that
/// says 锂离子电池 and shares only 回收 until the broker tells the thesaurus they are the same.
fn seed_synonyms(path: &std::path::Path) {
    let university = seed_client(path, "中南大学", ClientKind::University);
    let enterprise = seed_client(path, "长沙某材料公司", ClientKind::Enterprise);
    let mut store = Store::open(path).unwrap();
    for (title, keywords, abstract_text) in [
        (
            "退役电池梯次回收技术",
            "回收、梯次利用",
            "退役电池检测分选后梯次利用，余料回收。",
        ),
        (
            "废旧锂离子电池湿法冶金技术",
            "锂离子电池、湿法冶金",
            "废旧锂离子电池经放电、破碎、浸出，镍钴锂回收率高于98%。",
        ),
    ] {
        store
            .save_achievement(
                None,
                &AchievementDraft {
                    keywords: keywords.into(),
                    abstract_text: abstract_text.into(),
                    ..achievement(university, title, "7", Stage::Pilot)
                },
            )
            .unwrap();
    }
    store
        .save_need(
            None,
            &NeedDraft {
                enterprise: Some(enterprise),
                title: "锂电回收技术需求".into(),
                field: "新能源".into(),
                keywords: "锂电、回收".into(),
                description: "我公司希望引进锂电回收技术。".into(),
                ..NeedDraft::default()
            },
        )
        .unwrap();
}

/// Whether the row labelled `a` is drawn above the one labelled `b` (the table comes first; a
/// selected candidate's title shows again in the detail below it).
fn above(h: &egui_kittest::Harness<'_, techbroker::ui::TechBrokerApp>, a: &str, b: &str) -> bool {
    let top = |label: &str| {
        h.get_all_by_label(label)
            .map(|n| n.rect().top())
            .reduce(f32::min)
            .unwrap_or_else(|| panic!("{label} is not shown"))
    };
    top(a) < top(b)
}

#[test]
fn a_pair_added_in_the_thesaurus_reranks_at_once_and_shows_in_the_breakdown() {
    let (_dir, path) = temp_db();
    seed_synonyms(&path);
    let mut h = harness(&path);
    click(&mut h, "技术需求");
    click(&mut h, "锂电回收技术需求");
    click(&mut h, "查找匹配");
    assert!(above(
        &h,
        "退役电池梯次回收技术",
        "废旧锂离子电池湿法冶金技术"
    ));

    click(&mut h, "同义词表（0）");
    type_into(&mut h, "词语", "锂电");
    type_into(&mut h, "同义词", "锂离子电池");
    click(&mut h, "添加");
    h.get_by_label("已添加同义词：锂电 ≈ 锂离子电池");
    h.get_by_label("锂电 ≈ 锂离子电池");
    let stored = h.state().store().unwrap().thesaurus().unwrap();
    assert_eq!(stored.len(), 1);
    assert!(above(
        &h,
        "废旧锂离子电池湿法冶金技术",
        "退役电池梯次回收技术"
    ));

    click(&mut h, "废旧锂离子电池湿法冶金技术");
    h.get_by_label("用到的关联词");
    h.get_by_label("锂电 → 锂离子电池（同义词表）");

    // Removing the pair puts the ranking back.
    click(&mut h, "删除");
    h.get_by_label("已删除同义词：锂电 ≈ 锂离子电池");
    assert!(h.state().store().unwrap().thesaurus().unwrap().is_empty());
    assert!(above(
        &h,
        "退役电池梯次回收技术",
        "废旧锂离子电池湿法冶金技术"
    ));
}

#[test]
fn a_pair_of_the_same_term_is_refused_with_a_reason_and_stores_nothing() {
    let (_dir, path) = temp_db();
    seed_synonyms(&path);
    let mut h = harness(&path);
    click(&mut h, "成果匹配");
    click(&mut h, "同义词表（0）");
    type_into(&mut h, "词语", "锂电");
    type_into(&mut h, "同义词", " 锂电 ");
    click(&mut h, "添加");
    h.get_by_label("两个词相同");
    assert!(h.state().store().unwrap().thesaurus().unwrap().is_empty());
    h.get_by_label("同义词表（0）");
}
