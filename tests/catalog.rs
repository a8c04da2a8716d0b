//! Achievements and needs in the store, and the in-memory catalogues with their search index
//! kept in step with every write.

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::mpsc::Receiver;

use techbroker::catalog::{Catalogs, Loadable};
use techbroker::domain::{
    AchievementDraft, AchievementField, AchievementStatus, ClientDraft, ClientKind, IpItemDraft,
    IpKind, IpStatus, Money, NeedDraft, NeedField, Price, Problem, Stage, TransferMode,
};
use techbroker::domain::{AchievementId, ClientId};
use techbroker::store::{SaveError, Scope, Store, TrashItem};
use techbroker::work::Job;

fn temp_db() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("catalog.sqlite");
    (dir, path)
}

fn client(store: &mut Store, name: &str, kind: ClientKind) -> ClientId {
    store
        .save_client(
            None,
            &ClientDraft {
                name: name.into(),
                kind,
                ..ClientDraft::default()
            },
        )
        .unwrap()
}

fn achievement(owner: ClientId, title: &str, abstract_text: &str) -> AchievementDraft {
    AchievementDraft {
        title: title.into(),
        owner: Some(owner),
        field: "新材料".into(),
        keywords: "石墨烯、散热".into(),
        abstract_text: abstract_text.into(),
        trl: "6".into(),
        stage: Stage::Pilot,
        ..AchievementDraft::default()
    }
}

/// Polls until the worker's catalogues are in; `woken` hears each of its progress reports and
/// its end.
fn land(catalogs: &mut Catalogs, store: &Store, woken: &Receiver<()>) {
    while catalogs.is_loading() {
        woken.recv().unwrap();
        catalogs.poll(store).unwrap();
    }
}

fn search_achievements(catalogs: &Catalogs, query: &str) -> Vec<AchievementId> {
    let Loadable::Ready(c) = &catalogs.achievements else {
        panic!("not loaded");
    };
    c.search(query).iter().map(|h| h.id).collect()
}

#[test]
fn achievement_crud_with_ip_rows() {
    let (_dir, path) = temp_db();
    let mut store = Store::open(&path).unwrap();
    let owner = client(&mut store, "山东大学", ClientKind::University);
    let mut draft = achievement(owner, "高导热石墨烯复合散热材料", "用于电子器件散热");
    draft.ip_items = vec![
        IpItemDraft {
            kind: IpKind::InventionPatent,
            number: "ZL202110123456.7".into(),
            status: IpStatus::Granted,
            expiry: "2041-06-30".into(),
        },
        IpItemDraft {
            kind: IpKind::SoftwareCopyright,
            number: "2023SR0123456".into(),
            status: IpStatus::Applied,
            expiry: String::new(),
        },
    ];
    draft
        .transfer_modes
        .set(TransferMode::UseFirstPayLater, true);
    draft.negotiable = false;
    draft.price = "85万".into();
    let id = store.save_achievement(None, &draft).unwrap();

    let a = store.get_achievement(id).unwrap().unwrap();
    assert_eq!(a.owner_name, "山东大学");
    assert_eq!(a.data.ip_items.len(), 2);
    assert_eq!(a.data.ip_items[0].number, "ZL202110123456.7");
    assert_eq!(a.data.ip_items[1].kind, IpKind::SoftwareCopyright);
    assert_eq!(a.data.price, Price::Amount(Money::from_yuan(850_000)));
    assert!(
        a.data
            .transfer_modes
            .contains(TransferMode::UseFirstPayLater)
    );

    // Editing replaces the IP rows.
    draft.ip_items.remove(0);
    draft.status = AchievementStatus::Negotiating;
    store.save_achievement(Some(id), &draft).unwrap();
    let a = store.get_achievement(id).unwrap().unwrap();
    assert_eq!(a.data.ip_items.len(), 1);
    assert_eq!(a.data.status, AchievementStatus::Negotiating);

    store.delete_achievement(id).unwrap();
    assert!(store.achievement_rows(Scope::All).unwrap().is_empty());
    let trash = store.list_trash().unwrap();
    assert_eq!(trash[0].item, TrashItem::Achievement(id));
    store.restore(TrashItem::Achievement(id)).unwrap();
    assert_eq!(store.achievement_rows(Scope::All).unwrap().len(), 1);
}

fn ip(number: &str) -> IpItemDraft {
    IpItemDraft {
        kind: IpKind::InventionPatent,
        number: number.into(),
        status: IpStatus::Granted,
        expiry: String::new(),
    }
}

#[test]
fn rows_carry_their_owner_and_only_their_own_ip_numbers_in_every_scope() {
    let (_dir, path) = temp_db();
    let mut store = Store::open(&path).unwrap();
    let kept = client(&mut store, "山东大学", ClientKind::University);
    let gone = client(&mut store, "某研究所", ClientKind::Institute);
    let save = |store: &mut Store, owner, title: &str, numbers: &[&str]| {
        let mut draft = achievement(owner, title, "摘要");
        draft.ip_items = numbers.iter().map(|n| ip(n)).collect();
        store.save_achievement(None, &draft).unwrap()
    };
    let first = save(&mut store, kept, "第一项", &["ZL1"]);
    let deleted = save(&mut store, kept, "已删除", &["ZL2", "ZL3"]);
    let orphan = save(&mut store, gone, "所属单位已删除", &["ZL4"]);
    let none = save(&mut store, kept, "无知识产权", &[]);
    let last = save(&mut store, kept, "最后一项", &["ZL5", "ZL6"]);
    store.delete_achievement(deleted).unwrap();
    store.delete_client(gone).unwrap();

    let read = |scope| -> Vec<(AchievementId, String, String)> {
        store
            .achievement_rows(scope)
            .unwrap()
            .into_iter()
            .map(|(row, body)| (row.id, row.owner_name.to_string(), body))
            .collect()
    };
    // Keywords, abstract, indicators and IP numbers, a line each.
    let body = |numbers: &str| format!("石墨烯、散热\n摘要\n\n{numbers}");
    let all = vec![
        (first, "山东大学".to_string(), body("ZL1")),
        (none, "山东大学".to_string(), body("")),
        (last, "山东大学".to_string(), body("ZL5 ZL6")),
    ];
    assert_eq!(read(Scope::All), all);
    assert_eq!(read(Scope::Client(kept)), all);
    assert_eq!(read(Scope::One(last)), all[2..].to_vec());
    assert!(read(Scope::One(deleted)).is_empty());
    assert!(read(Scope::One(orphan)).is_empty());
    assert!(read(Scope::Client(gone)).is_empty());

    let mut docs = Vec::new();
    store
        .each_match_achievement(Scope::All, &mut |doc, text| {
            docs.push((doc.id, doc.owner, text.title.to_string()))
        })
        .unwrap();
    assert_eq!(
        docs,
        vec![
            (first, kept, "第一项".to_string()),
            (none, kept, "无知识产权".to_string()),
            (last, kept, "最后一项".to_string()),
        ]
    );
}

#[test]
fn need_rows_and_documents_skip_deleted_enterprises_and_name_the_live_one() {
    let (_dir, path) = temp_db();
    let mut store = Store::open(&path).unwrap();
    let kept = client(&mut store, "海尔集团", ClientKind::Enterprise);
    let gone = client(&mut store, "某公司", ClientKind::Enterprise);
    let need = |enterprise, title: &str| NeedDraft {
        title: title.into(),
        enterprise: Some(enterprise),
        field: "新材料".into(),
        description: "需求描述".into(),
        ..NeedDraft::default()
    };
    let live = store.save_need(None, &need(kept, "散热材料")).unwrap();
    let orphan = store.save_need(None, &need(gone, "防腐涂层")).unwrap();
    store.delete_client(gone).unwrap();
    let rows = store.need_rows(Scope::All).unwrap();
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0].0.id, live);
    assert_eq!(&*rows[0].0.enterprise_name, "海尔集团");
    assert!(store.need_rows(Scope::One(orphan)).unwrap().is_empty());
    assert_eq!(store.need_rows(Scope::Client(kept)).unwrap().len(), 1);
    let mut docs = Vec::new();
    store
        .each_match_need(Scope::All, &mut |doc, text| {
            docs.push((
                doc.id,
                doc.enterprise_name.to_string(),
                text.description.to_string(),
            ))
        })
        .unwrap();
    assert_eq!(
        docs,
        vec![(live, "海尔集团".to_string(), "需求描述".to_string())]
    );
}

#[test]
fn an_achievement_needs_a_live_owner() {
    let (_dir, path) = temp_db();
    let mut store = Store::open(&path).unwrap();
    let owner = client(&mut store, "某研究所", ClientKind::Institute);
    store.delete_client(owner).unwrap();
    let result = store.save_achievement(None, &achievement(owner, "某技术", ""));
    assert!(matches!(result, Err(SaveError::Invalid(e))
        if e.get(AchievementField::Owner) == Some(Problem::UnknownClient)));
}

#[test]
fn needs_belong_to_enterprises_only() {
    let (_dir, path) = temp_db();
    let mut store = Store::open(&path).unwrap();
    let university = client(&mut store, "青岛大学", ClientKind::University);
    let enterprise = client(&mut store, "潍坊某装备公司", ClientKind::Enterprise);
    let mut draft = NeedDraft {
        enterprise: Some(university),
        title: "高温合金叶片精密铸造".into(),
        field: "高端装备制造".into(),
        confidential: true,
        deadline: "2027年3月31日".into(),
        ..NeedDraft::default()
    };
    assert!(
        matches!(store.save_need(None, &draft), Err(SaveError::Invalid(e))
        if e.get(NeedField::Enterprise) == Some(Problem::UnknownClient))
    );
    draft.enterprise = Some(enterprise);
    let id = store.save_need(None, &draft).unwrap();
    let need = store.get_need(id).unwrap().unwrap();
    assert!(need.data.confidential);
    assert_eq!(need.enterprise_name, "潍坊某装备公司");
    assert_eq!(
        need.data.deadline.map(|d| d.to_string()).as_deref(),
        Some("2027-03-31")
    );
    let rows = store.need_rows(Scope::Client(enterprise)).unwrap();
    assert_eq!(rows.len(), 1);
    assert!(rows[0].0.confidential);
    store.delete_need(id).unwrap();
    let trash = store.list_trash().unwrap();
    assert_eq!(trash[0].item, TrashItem::Need(id));
    assert!(trash[0].confidential, "the trash marks it confidential too");
}

#[test]
fn search_finds_one_two_and_longer_chinese_queries_latin_and_numbers() {
    let (_dir, path) = temp_db();
    let mut store = Store::open(&path).unwrap();
    let owner = client(&mut store, "齐鲁工业大学", ClientKind::University);
    let motor = store
        .save_achievement(
            None,
            &achievement(
                owner,
                "高效永磁同步电机控制技术",
                "采用FOC矢量控制，效率提高5%",
            ),
        )
        .unwrap();
    let mut battery_draft = achievement(owner, "锂离子电池正极材料再生利用", "回收镍钴锰");
    battery_draft.ip_items.push(IpItemDraft {
        number: "ZL201910654321.X".into(),
        ..IpItemDraft::default()
    });
    let battery = store.save_achievement(None, &battery_draft).unwrap();
    let catalogs = Catalogs::load_now(&store).unwrap();

    assert_eq!(search_achievements(&catalogs, "锂"), vec![battery]);
    assert_eq!(search_achievements(&catalogs, "电机"), vec![motor]);
    assert_eq!(search_achievements(&catalogs, "电池"), vec![battery]);
    assert_eq!(search_achievements(&catalogs, "正极材料"), vec![battery]);
    assert_eq!(search_achievements(&catalogs, "foc"), vec![motor]);
    assert_eq!(search_achievements(&catalogs, "FOC 电机"), vec![motor]);
    assert_eq!(
        search_achievements(&catalogs, "201910654321"),
        vec![battery]
    );
    assert_eq!(search_achievements(&catalogs, "齐鲁").len(), 2);
    assert!(search_achievements(&catalogs, "量子通信").is_empty());
}

#[test]
fn the_index_stays_in_step_with_insert_edit_delete_and_restore() {
    let (_dir, path) = temp_db();
    let mut store = Store::open(&path).unwrap();
    let owner = client(&mut store, "山东科技大学", ClientKind::University);
    let mut catalogs = Catalogs::load_now(&store).unwrap();
    assert!(search_achievements(&catalogs, "煤矿").is_empty());

    let id = store
        .save_achievement(None, &achievement(owner, "煤矿井下智能巡检机器人", ""))
        .unwrap();
    catalogs.achievement_changed(&store, id).unwrap();
    assert_eq!(search_achievements(&catalogs, "巡检"), vec![id]);

    store
        .save_achievement(Some(id), &achievement(owner, "隧道智能巡检机器人", ""))
        .unwrap();
    catalogs.achievement_changed(&store, id).unwrap();
    assert!(search_achievements(&catalogs, "煤矿").is_empty());
    assert_eq!(search_achievements(&catalogs, "隧道"), vec![id]);

    store.delete_achievement(id).unwrap();
    catalogs.achievement_changed(&store, id).unwrap();
    assert!(search_achievements(&catalogs, "隧道").is_empty());

    store.restore(TrashItem::Achievement(id)).unwrap();
    catalogs.achievement_changed(&store, id).unwrap();
    assert_eq!(search_achievements(&catalogs, "隧道"), vec![id]);

    // Renaming the owner is searchable at once; deleting it hides its achievements.
    store
        .save_client(
            Some(owner),
            &ClientDraft {
                name: "山东科大".into(),
                kind: ClientKind::University,
                ..ClientDraft::default()
            },
        )
        .unwrap();
    catalogs.client_changed(&store, owner).unwrap();
    assert_eq!(search_achievements(&catalogs, "科大"), vec![id]);
    store.delete_client(owner).unwrap();
    catalogs.client_changed(&store, owner).unwrap();
    assert!(search_achievements(&catalogs, "隧道").is_empty());
}

#[test]
fn loading_in_the_background_applies_changes_made_meanwhile() {
    let (_dir, path) = temp_db();
    let mut store = Store::open(&path).unwrap();
    let owner = client(&mut store, "烟台大学", ClientKind::University);
    store
        .save_achievement(None, &achievement(owner, "海参育苗技术", ""))
        .unwrap();
    let (tx, rx) = std::sync::mpsc::channel();
    let wake = move || {
        let _ = tx.send(());
    };
    let job = Job::start(
        true,
        Arc::new(wake),
        Catalogs::load(store.reader().unwrap()),
    );
    let mut catalogs = Catalogs::loading(job);
    // A write while the worker may still be loading: it must show once the load is in.
    let later = store
        .save_achievement(None, &achievement(owner, "海带养殖技术", ""))
        .unwrap();
    catalogs.achievement_changed(&store, later).unwrap();
    land(&mut catalogs, &store, &rx);
    assert_eq!(search_achievements(&catalogs, "海带"), vec![later]);
    assert_eq!(search_achievements(&catalogs, "海").len(), 2);
}

#[test]
fn the_match_index_follows_new_enterprises_and_edited_achievements() {
    let (_dir, path) = temp_db();
    let mut store = Store::open(&path).unwrap();
    let owner = client(&mut store, "青岛科技大学", ClientKind::University);
    let mut catalogs = Catalogs::load_now(&store).unwrap();
    let enterprise = store
        .save_client(
            None,
            &ClientDraft {
                name: "青岛某橡胶公司".into(),
                kind: ClientKind::Enterprise,
                industry: "新材料".into(),
                ..ClientDraft::default()
            },
        )
        .unwrap();
    catalogs.client_changed(&store, enterprise).unwrap();
    let id = store
        .save_achievement(None, &achievement(owner, "低滚阻轮胎胎面胶配方", ""))
        .unwrap();
    catalogs.achievement_changed(&store, id).unwrap();
    let Loadable::Ready(index) = &catalogs.matching else {
        panic!("not loaded");
    };
    assert!(index.enterprise(enterprise).is_some());
    assert!(index.has_achievement(id));
    store.delete_achievement(id).unwrap();
    catalogs.achievement_changed(&store, id).unwrap();
    let Loadable::Ready(index) = &catalogs.matching else {
        panic!("not loaded");
    };
    assert!(!index.has_achievement(id));
}

#[test]
fn a_reload_on_a_worker_keeps_the_old_catalogue_shown_until_the_new_one_arrives() {
    let (_dir, path) = temp_db();
    let mut store = Store::open(&path).unwrap();
    let sdu = client(&mut store, "山东大学", ClientKind::University);
    store
        .save_achievement(None, &achievement(sdu, "石墨烯散热膜", "导热"))
        .unwrap();
    let mut catalogs = Catalogs::load_now(&store).unwrap();
    let Loadable::Ready(before) = &catalogs.achievements else {
        panic!("loaded");
    };
    let old_revision = before.revision();

    // Another connection writes; the window reads everything again on a worker.
    let mut other = Store::open(&path).unwrap();
    other
        .save_achievement(None, &achievement(sdu, "固态电池电解质", "锂电"))
        .unwrap();
    let (tx, rx) = std::sync::mpsc::channel();
    let wake = move || {
        let _ = tx.send(());
    };
    let job = Job::start(
        true,
        Arc::new(wake),
        Catalogs::load(store.reader().unwrap()),
    );
    catalogs.reload(job, &store).unwrap();
    assert_eq!(
        search_achievements(&catalogs, "石墨烯").len(),
        1,
        "the old catalogue is still shown while the worker reads"
    );
    land(&mut catalogs, &store, &rx);
    assert_eq!(search_achievements(&catalogs, "电解质").len(), 1);
    let Loadable::Ready(after) = &catalogs.achievements else {
        panic!("reloaded");
    };
    assert!(
        after.revision() > old_revision,
        "views of the old recompute"
    );
}

#[test]
fn a_ranking_queries_with_the_need_texts_read_from_the_store() {
    use techbroker::catalog::{load_matching, pair_texts, rank};
    use techbroker::matching::{Decisions, Part, Subject, SubjectTexts, Weights};
    let (_dir, path) = temp_db();
    let mut store = Store::open(&path).unwrap();
    let owner = client(&mut store, "山东农业大学", ClientKind::University);
    let enterprise = client(&mut store, "某能源公司", ClientKind::Enterprise);
    let fuel = AchievementDraft {
        keywords: String::new(),
        field: "新能源".into(),
        ..achievement(
            owner,
            "秸秆生物质颗粒燃料",
            "以农作物秸秆为原料压制颗粒燃料",
        )
    };
    let fuel = store.save_achievement(None, &fuel).unwrap();
    let other = AchievementDraft {
        keywords: String::new(),
        field: "新能源".into(),
        ..achievement(owner, "中药材种植技术", "丹参规范化种植与采收加工")
    };
    store.save_achievement(None, &other).unwrap();
    // The title says nothing of the straw: only the description does.
    let need = store
        .save_need(
            None,
            &NeedDraft {
                title: "引进项目甲".into(),
                enterprise: Some(enterprise),
                field: "新能源".into(),
                description: "希望引进秸秆颗粒燃料的成型技术".into(),
                indicators: "热值不低于四千大卡".into(),
                ..NeedDraft::default()
            },
        )
        .unwrap();

    let texts = store
        .need_texts(&[need, techbroker::domain::NeedId(999)])
        .unwrap();
    assert_eq!(
        texts.get(need).description,
        "希望引进秸秆颗粒燃料的成型技术"
    );
    assert_eq!(texts.get(need).indicators, "热值不低于四千大卡");
    assert_eq!(texts.get(techbroker::domain::NeedId(999)).description, "");

    let index = load_matching(&store.reader().unwrap()).unwrap();
    assert_eq!(index.query_needs(Subject::Need(need)), vec![need]);
    assert_eq!(
        index.query_needs(Subject::Enterprise(enterprise)),
        vec![need]
    );
    assert!(index.query_needs(Subject::Achievement(fuel)).is_empty());
    let (weights, decisions) = (Weights::default(), Decisions::default());
    for subject in [Subject::Need(need), Subject::Enterprise(enterprise)] {
        let ranked = rank(&store, &index, subject, &weights, &decisions, 10, false).unwrap();
        assert_eq!(ranked[0].achievement, fuel, "{subject:?}");
        assert!(ranked[0].breakdown.values.get(Part::Text) > 0.0);
        let pair = pair_texts(&store, &index, &ranked[0]).unwrap();
        let (title, need_text) = pair.need.unwrap();
        assert_eq!(title, "引进项目甲");
        assert!(need_text.contains("秸秆颗粒燃料的成型技术") && need_text.contains("四千大卡"));
        let (a, achievement_text) = pair.achievement.unwrap();
        assert_eq!(a.id, fuel);
        assert!(achievement_text.contains("以农作物秸秆为原料"));
        // Without the texts the index does not keep, the title alone finds nothing.
        let blind = index.rank(
            subject,
            SubjectTexts::default(),
            &weights,
            &decisions,
            10,
            false,
        );
        assert!(
            blind
                .iter()
                .all(|c| c.breakdown.values.get(Part::Text) == 0.0),
            "{subject:?}"
        );
    }

    // Bytes that are not text, as a foreign tool may leave them, read as no text: the ranking
    // still answers instead of failing.
    rusqlite::Connection::open(&path)
        .unwrap()
        .execute(
            "UPDATE needs SET description = X'FF00FE' WHERE id = ?1",
            [need],
        )
        .unwrap();
    assert_eq!(store.need_texts(&[need]).unwrap().get(need).description, "");
    let ranked = rank(
        &store,
        &index,
        Subject::Need(need),
        &weights,
        &decisions,
        10,
        false,
    );
    assert!(ranked.is_ok());
}
