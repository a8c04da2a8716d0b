//! The Matching screen driven through the window: find matches for a need, read the breakdown,
//! accept one (a deal appears), reject another (it leaves the list).

mod common;

use common::{click, harness, seed_client, temp_db, type_into};
use egui_kittest::kittest::Queryable as _;
use techbroker::domain::{
    AchievementDraft, AchievementId, ClientId, ClientKind, DealStage, NeedDraft, Stage,
    TransferMode, TransferModes,
};
use techbroker::i18n::{ZH, fill};
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

/// The Matching screen on the need titled `need`, reached as a broker does: the need list,
/// the need's page, 查找匹配.
fn matches_for(h: &mut common::H, need: &str) {
    click(h, ZH.nav_needs);
    click(h, need);
    click(h, ZH.find_matches);
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
    matches_for(&mut h, "退役动力电池回收技术需求");
    assert_eq!(h.state().screen(), Screen::Matching);

    // The pilot-stage achievement ranks first: the need asks for 中试.
    let top = h.get_by_label("退役动力电池自动化拆解回收技术");
    let second = h.get_by_label("动力电池回收新原理探索");
    assert!(top.rect().top() < second.rect().top());
    top.click();
    h.run();
    h.get_by_label_contains(ZH.breakdown);
    h.get_by_label(ZH.part_maturity);
    h.get_by_label(ZH.matched_terms);
    assert!(h.get_all_by_label_contains("动力电池").count() >= 3);

    click(&mut h, ZH.accept);
    let store = h.state().store().unwrap();
    let deals = store.deal_ids().unwrap();
    assert_eq!(deals.len(), 1);
    h.get_by_label(&fill(ZH.accepted_deal, &[("id", &deals[0])]));
    let deal = store.get_deal(deals[0]).unwrap().unwrap();
    assert_eq!(deal.stage, DealStage::Introduced);
    assert_eq!(deal.achievements, vec![pilot]);
    assert_eq!(deal.buyer, enterprise);

    click(&mut h, "动力电池回收新原理探索");
    click(&mut h, ZH.reject);
    type_into(&mut h, ZH.reject_note, "实验室阶段，企业要中试成果");
    click(&mut h, ZH.confirm_reject);
    h.get_by_label(ZH.rejected_done);
    assert!(h.query_by_label("动力电池回收新原理探索").is_none());
    let decisions = h.state().store().unwrap().decisions().unwrap();
    assert!(decisions.rejected.iter().any(|(_, a)| *a == lab));

    click(&mut h, ZH.show_rejected);
    h.get_by_label(&format!("动力电池回收新原理探索（{}）", ZH.rejected_mark));
}

#[test]
fn find_enterprises_for_an_achievement() {
    let (_dir, path) = temp_db();
    seed(&path);
    let mut h = harness(&path);
    click(&mut h, ZH.nav_achievements);
    click(&mut h, "退役动力电池自动化拆解回收技术");
    click(&mut h, ZH.find_matches);
    h.get_by_label("济南某回收公司");
    h.get_by_label("退役动力电池回收技术需求");
}

#[test]
fn shortlist_then_export_the_shortlist_as_csv() {
    let (dir, path) = temp_db();
    seed(&path);
    let csv = dir.path().join("候选清单.csv");
    let mut h = common::harness_with_picker(&path, Some(csv.clone()));
    matches_for(&mut h, "退役动力电池回收技术需求");
    click(&mut h, ZH.export_shortlist);
    h.get_by_label(ZH.shortlist_empty);
    assert!(!csv.exists());

    click(&mut h, "退役动力电池自动化拆解回收技术");
    click(&mut h, ZH.shortlist);
    h.get_by_label(ZH.shortlisted);
    click(&mut h, ZH.export_shortlist);
    h.get_by_label_contains(&fill(ZH.exported, &[("path", &csv.display())]));
    let bytes = std::fs::read(&csv).unwrap();
    assert!(bytes.starts_with(b"\xEF\xBB\xBF"));
    let text = String::from_utf8(bytes[3..].to_vec()).unwrap();
    assert!(text.starts_with(&[ZH.a_title, ZH.a_owner].join(",")));
    assert!(text.contains("退役动力电池自动化拆解回收技术,山东大学"));
}

#[test]
fn weights_are_changed_and_saved_in_the_database() {
    let (_dir, path) = temp_db();
    seed(&path);
    let mut h = harness(&path);
    click(&mut h, ZH.nav_matching);
    click(&mut h, ZH.weights);
    let field = h.get_by_label(ZH.part_field);
    field.click();
    h.run();
    // Replace the value by typing into the focused drag value.
    h.get_by_label(ZH.part_field).type_text("0");
    h.key_press(egui::Key::Enter);
    h.run();
    click(&mut h, ZH.save_weights);
    h.get_by_label(ZH.weights_saved);
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
    click(&mut h, ZH.nav_needs);
    click(&mut h, "锂电回收技术需求");
    click(&mut h, ZH.find_matches);
    assert!(above(
        &h,
        "退役电池梯次回收技术",
        "废旧锂离子电池湿法冶金技术"
    ));

    click(&mut h, &format!("{}（0）", ZH.thesaurus));
    type_into(&mut h, ZH.synonym_term, "锂电");
    type_into(&mut h, ZH.synonym_other, "锂离子电池");
    click(&mut h, ZH.synonym_add);
    h.get_by_label(&fill(
        ZH.synonym_added,
        &[("term", &"锂电"), ("other", &"锂离子电池")],
    ));
    h.get_by_label("锂电 ≈ 锂离子电池");
    let stored = h.state().store().unwrap().thesaurus().unwrap();
    assert_eq!(stored.len(), 1);
    assert!(above(
        &h,
        "废旧锂离子电池湿法冶金技术",
        "退役电池梯次回收技术"
    ));

    click(&mut h, "废旧锂离子电池湿法冶金技术");
    h.get_by_label(ZH.associations_used);
    h.get_by_label(&format!("锂电 → 锂离子电池（{}）", ZH.assoc_thesaurus));

    // Removing the pair puts the ranking back.
    click(&mut h, ZH.synonym_remove);
    h.get_by_label(&fill(
        ZH.synonym_removed,
        &[("term", &"锂电"), ("other", &"锂离子电池")],
    ));
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
    click(&mut h, ZH.nav_matching);
    click(&mut h, &format!("{}（0）", ZH.thesaurus));
    type_into(&mut h, ZH.synonym_term, "锂电");
    type_into(&mut h, ZH.synonym_other, " 锂电 ");
    click(&mut h, ZH.synonym_add);
    h.get_by_label(ZH.p_same_term);
    assert!(h.state().store().unwrap().thesaurus().unwrap().is_empty());
    h.get_by_label(&format!("{}（0）", ZH.thesaurus));
}

#[test]
fn the_selection_follows_the_candidate_when_rejected_ones_are_shown() {
    let (_dir, path) = temp_db();
    let (_pilot, lab, _) = seed(&path);
    let mut h = harness(&path);
    matches_for(&mut h, "退役动力电池回收技术需求");
    // The pilot achievement ranks first; the broker rejects it.
    click(&mut h, "退役动力电池自动化拆解回收技术");
    click(&mut h, ZH.reject);
    click(&mut h, ZH.confirm_reject);
    // Only the lab achievement is listed; select it, then show the rejected one as well.
    click(&mut h, "动力电池回收新原理探索");
    click(&mut h, ZH.show_rejected);
    let rejected = format!("退役动力电池自动化拆解回收技术（{}）", ZH.rejected_mark);
    // The rows are selectable buttons; the breakdown repeats the title as a label.
    let row = |h: &common::H, label: &str| {
        h.get_by_role_and_label(egui::accesskit::Role::Button, label)
            .rect()
            .top()
    };
    let above = row(&h, &rejected);
    let selected = row(&h, "动力电池回收新原理探索");
    assert!(above < selected, "the rejected one ranks above");
    click(&mut h, ZH.accept);
    let store = h.state().store().unwrap();
    let deals = store.deal_ids().unwrap();
    assert_eq!(deals.len(), 1);
    let deal = store.get_deal(deals[0]).unwrap().unwrap();
    assert_eq!(
        deal.achievements,
        vec![lab],
        "the deal is for the candidate selected"
    );
}

#[test]
fn accepting_a_pair_twice_opens_its_deal_instead_of_making_another() {
    let (_dir, path) = temp_db();
    seed(&path);
    let mut h = harness(&path);
    matches_for(&mut h, "退役动力电池回收技术需求");
    click(&mut h, "退役动力电池自动化拆解回收技术");
    click(&mut h, ZH.accept);
    assert_eq!(h.state().screen(), Screen::Matching);
    click(&mut h, ZH.accept);
    let deals = h.state().store().unwrap().deal_ids().unwrap();
    assert_eq!(deals.len(), 1, "one deal for one pair");
    assert_eq!(
        h.state().screen(),
        Screen::Deal(deals[0]),
        "the second Accept opens it"
    );
    h.get_by_label(&ZH.accepted_existing.replace("{id}", &deals[0].to_string()));
}

#[test]
fn a_shortlisted_candidate_is_marked_listed_and_can_leave_the_shortlist() {
    let (_dir, path) = temp_db();
    seed(&path);
    let mut h = harness(&path);
    matches_for(&mut h, "退役动力电池回收技术需求");
    h.get_by_label(&fill(ZH.shortlist_title, &[("n", &0)]));
    click(&mut h, "退役动力电池自动化拆解回收技术");
    click(&mut h, ZH.shortlist);
    let marked = format!("退役动力电池自动化拆解回收技术（{}）", ZH.shortlisted_mark);
    h.get_by_label(&marked);
    h.get_by_label(&fill(ZH.shortlist_title, &[("n", &1)]));
    assert!(
        h.query_by_label(ZH.shortlist).is_none(),
        "the button says what it does now"
    );
    // Off the shortlist from the detail's button (the list has one of its own too).
    assert_eq!(h.get_all_by_label(ZH.unshortlist).count(), 2);
    h.get_all_by_label(ZH.unshortlist).next().unwrap().click();
    h.run();
    h.get_by_label(&fill(ZH.shortlist_title, &[("n", &0)]));
    assert!(h.query_by_label(&marked).is_none());
    h.get_by_label(ZH.shortlist);
    let store = h.state().store().unwrap();
    let need = store.decisions().unwrap();
    assert!(
        need.on_needs.is_empty(),
        "a withdrawn shortlisting counts for nothing"
    );
}

#[test]
fn a_rejection_shows_its_reason_and_can_be_undone() {
    let (_dir, path) = temp_db();
    let (_, lab, _) = seed(&path);
    let mut h = harness(&path);
    matches_for(&mut h, "退役动力电池回收技术需求");
    click(&mut h, "动力电池回收新原理探索");
    click(&mut h, ZH.reject);
    type_into(&mut h, ZH.reject_note, "企业要中试成果");
    click(&mut h, ZH.confirm_reject);
    click(&mut h, ZH.show_rejected);
    click(
        &mut h,
        &format!("动力电池回收新原理探索（{}）", ZH.rejected_mark),
    );
    let why = format!("{}：企业要中试成果", ZH.rr_too_early);
    h.get_by_label(&fill(ZH.rejected_because, &[("why", &why)]));
    click(&mut h, ZH.undo_reject);
    click(&mut h, ZH.show_rejected);
    h.get_by_role_and_label(egui::accesskit::Role::Button, "动力电池回收新原理探索");
    let decisions = h.state().store().unwrap().decisions().unwrap();
    assert!(
        !decisions.rejected.iter().any(|(_, a)| *a == lab),
        "no longer rejected"
    );
}

#[test]
fn the_history_part_says_which_rejections_it_reacts_to() {
    let (_dir, path) = temp_db();
    seed(&path);
    let mut h = harness(&path);
    matches_for(&mut h, "退役动力电池回收技术需求");
    click(&mut h, "动力电池回收新原理探索");
    click(&mut h, ZH.reject);
    click(&mut h, ZH.confirm_reject);
    // The other candidate shares the field and keywords: its history part fell, and says why.
    click(&mut h, "退役动力电池自动化拆解回收技术");
    let note = fill(
        ZH.history_reacts_to,
        &[("n", &1), ("why", &ZH.rr_too_early)],
    );
    h.get_by_label(&note);
}

#[test]
fn a_confidential_need_is_marked_on_the_matching_screen_too() {
    let (_dir, path) = temp_db();
    let (_, _, enterprise) = seed(&path);
    {
        let mut store = Store::open(&path).unwrap();
        let need = NeedDraft {
            enterprise: Some(enterprise),
            title: "保密的电池回收需求".into(),
            field: "新能源".into(),
            keywords: "动力电池、回收".into(),
            confidential: true,
            ..NeedDraft::default()
        };
        store.save_need(None, &need).unwrap();
    }
    let mut h = harness(&path);
    click(&mut h, ZH.nav_needs);
    let marked = format!("{}保密的电池回收需求", ZH.confidential_mark);
    click(&mut h, &marked);
    click(&mut h, ZH.find_matches);
    h.get_by_label(&format!("{marked} · 济南某回收公司"));
}

#[test]
fn shared_terms_are_whole_words_and_the_texts_wrap_in_a_small_window() {
    let (_dir, path) = temp_db();
    let university = seed_client(&path, "哈尔滨工业大学", ClientKind::University);
    let enterprise = seed_client(&path, "济南某激光装备公司", ClientKind::Enterprise);
    let mut store = Store::open(&path).unwrap();
    let texts = [
        (
            "激光加热装配技术",
            "激光加热装置在装配环境下平均无故障时长超过五千小时，适用于精密零件的热装配。",
        ),
        (
            "秸秆生物质颗粒燃料",
            "以农作物秸秆为原料压制颗粒燃料，热值稳定。",
        ),
        (
            "水产养殖尾水处理",
            "池塘养殖尾水经生态沟渠和人工湿地净化后循环利用。",
        ),
        (
            "中药材种植技术",
            "丹参规范化种植与采收加工，提高有效成分含量。",
        ),
    ];
    for (title, abstract_text) in texts {
        let draft = AchievementDraft {
            abstract_text: abstract_text.into(),
            keywords: String::new(),
            ..achievement(university, title, "7", Stage::Pilot)
        };
        store.save_achievement(None, &draft).unwrap();
    }
    store
        .save_need(
            None,
            &NeedDraft {
                enterprise: Some(enterprise),
                title: "激光加工设备可靠性提升".into(),
                field: "新能源".into(),
                description:
                    "希望提高激光加工设备的装配环节质量，使平均无故障时间达到五千小时以上，\
                    并在车间现场完成验证、培训操作人员和编写维护规程。"
                        .into(),
                ..NeedDraft::default()
            },
        )
        .unwrap();
    drop(store);
    let mut h = common::harness_small(&path);
    matches_for(&mut h, "激光加工设备可靠性提升");
    click(&mut h, "激光加热装配技术");
    h.get_by_label(ZH.matched_terms);
    // The list under 共有词语, not the two texts (which have punctuation).
    let terms = h
        .get_all_by_label_contains("平均无故障")
        .filter_map(|n| n.value())
        .find(|l| !l.contains('，'))
        .unwrap_or_default();
    for fragment in ["激光加", "装配环", "平均无故障时", "时间"] {
        assert!(
            !terms.split(ZH.dash_list_separator).any(|t| t == fragment),
            "{fragment} shown in {terms}"
        );
    }
    assert!(
        terms.split(ZH.dash_list_separator).any(|t| t == "激光"),
        "{terms}"
    );
    // The need's text wraps inside the window instead of running past its edge.
    let need_text = h.get_by_label_contains("培训操作人员");
    assert!(need_text.rect().right() <= 1024.0, "{:?}", need_text.rect());
}
