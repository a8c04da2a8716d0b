use super::*;
use crate::domain::{
    AchievementId, AchievementStatus, ClientId, Money, NeedId, NeedMode, NeedStatus, Price, Stage,
    TransferMode, TransferModes,
};

/// An achievement and its title, which the index reads as text.
fn ach(
    id: i64,
    title: &str,
    trl: u8,
    price: Price,
    status: AchievementStatus,
) -> (AchievementDoc, String) {
    (
        AchievementDoc {
            id: AchievementId(id),
            owner: ClientId(100 + id),
            field: "新能源".into(),
            keywords: vec!["电池".into()],
            trl,
            price,
            modes: [TransferMode::Assignment].into_iter().collect(),
            status,
            province: "山东省".into(),
            city: "济南市".into(),
        },
        title.to_string(),
    )
}

fn need(min_stage: Option<Stage>, budget: Price) -> NeedDoc {
    NeedDoc {
        id: NeedId(1),
        title: "动力电池回收".into(),
        enterprise: ClientId(9),
        enterprise_name: "某回收公司".into(),
        field: "新能源".into(),
        keywords: vec!["电池回收".into()],
        budget,
        mode: NeedMode::Buy,
        min_stage,
        min_trl: None,
        status: NeedStatus::Open,
        province: "山东省".into(),
        city: "济南市".into(),
    }
}

/// The top 10 for `n` (with [`NEED_TEXT`]) by the default weights and no decisions.
fn for_need(ix: &MatchIndex, n: &NeedDoc) -> Vec<Candidate> {
    ix.achievements_for_need(
        n,
        NEED_TEXT,
        &Weights::default(),
        &Decisions::default(),
        10,
        false,
    )
}

/// The top 10 for `n` with `text` by text relevance alone.
fn by_text(ix: &MatchIndex, n: &NeedDoc, text: NeedText<'_>) -> Vec<Candidate> {
    ix.achievements_for_need(
        n,
        text,
        &Weights::text_only(),
        &Decisions::default(),
        10,
        false,
    )
}

/// The text of [`need`].
const NEED_TEXT: NeedText = NeedText {
    description: "退役动力电池拆解回收镍钴锰",
    indicators: "",
};

fn index(docs: Vec<(AchievementDoc, String)>) -> MatchIndex {
    let mut ix = MatchIndex::default();
    for (d, title) in docs {
        ix.upsert_achievement(
            d,
            AchievementText {
                title: &title,
                keywords: "电池",
                abstract_text: "",
                indicators: "",
            },
        );
    }
    ix
}

fn ids(c: &[Candidate]) -> Vec<i64> {
    c.iter().map(|c| c.achievement.0).collect()
}

const AVAILABLE: AchievementStatus = AchievementStatus::Available;

#[test]
fn a_maturity_gap_costs_and_excluded_statuses_never_appear() {
    let ix = index(vec![
        ach(1, "退役动力电池回收技术", 2, Price::Negotiable, AVAILABLE),
        ach(2, "退役动力电池回收技术", 7, Price::Negotiable, AVAILABLE),
        ach(
            3,
            "退役动力电池回收技术",
            8,
            Price::Negotiable,
            AchievementStatus::Transferred,
        ),
        ach(
            4,
            "退役动力电池回收技术",
            8,
            Price::Negotiable,
            AchievementStatus::Withdrawn,
        ),
    ]);
    let n = need(Some(Stage::Pilot), Price::Negotiable);
    let out = for_need(&ix, &n);
    assert_eq!(ids(&out), vec![2, 1]);
    assert!(
        out[0].breakdown.contribution(Part::Maturity)
            > out[1].breakdown.contribution(Part::Maturity)
    );
    assert_eq!(out[1].breakdown.values.get(Part::Maturity), 0.0);
}

#[test]
fn over_budget_costs_and_negotiable_is_neutral() {
    let wan = |w: i64| Price::Amount(Money::from_yuan(w * 10_000));
    let ix = index(vec![
        ach(1, "退役动力电池回收技术", 7, wan(500), AVAILABLE),
        ach(2, "退役动力电池回收技术", 7, wan(80), AVAILABLE),
        ach(3, "退役动力电池回收技术", 7, Price::Negotiable, AVAILABLE),
    ]);
    let out = ix.achievements_for_need(
        &need(None, wan(100)),
        NEED_TEXT,
        &Weights::default(),
        &Decisions::default(),
        10,
        false,
    );
    assert_eq!(ids(&out), vec![2, 3, 1]);
    assert_eq!(out[1].breakdown.values.get(Part::Price), 0.5);
    assert_eq!(out[2].breakdown.values.get(Part::Price), 0.0);
}

#[test]
fn equal_scores_are_ordered_by_id_every_time() {
    let ix = index(
        (1..=6)
            .rev()
            .map(|i| ach(i, "动力电池回收", 7, Price::Negotiable, AVAILABLE))
            .collect(),
    );
    let n = need(None, Price::Negotiable);
    let first = ids(&for_need(&ix, &n));
    assert_eq!(first, vec![1, 2, 3, 4, 5, 6]);
    for _ in 0..3 {
        let again = ids(&for_need(&ix, &n));
        assert_eq!(again, first);
    }
}

#[test]
fn rejected_pairs_leave_the_ranking_and_similar_ones_cost() {
    let ix = index(vec![
        ach(1, "退役动力电池回收技术", 7, Price::Negotiable, AVAILABLE),
        ach(2, "动力电池梯次利用技术", 7, Price::Negotiable, AVAILABLE),
    ]);
    let mut decisions = Decisions::default();
    decisions.rejected.insert((NeedId(1), AchievementId(1)));
    decisions
        .rejected_by
        .insert(ClientId(9), vec![AchievementId(1)]);
    let n = need(None, Price::Negotiable);
    let out = ix.achievements_for_need(&n, NEED_TEXT, &Weights::default(), &decisions, 10, false);
    assert_eq!(ids(&out), vec![2]);
    // Neutral is 0.5; one similar rejection halves it.
    assert_eq!(out[0].breakdown.values.get(Part::History), 0.25);
    let shown = ix.achievements_for_need(&n, NEED_TEXT, &Weights::default(), &decisions, 10, true);
    assert!(
        shown
            .iter()
            .any(|c| c.achievement == AchievementId(1) && c.rejected)
    );
}

#[test]
fn enterprises_are_found_through_needs_and_through_their_industry() {
    let mut ix = index(vec![ach(
        1,
        "退役动力电池回收技术",
        7,
        Price::Negotiable,
        AVAILABLE,
    )]);
    ix.upsert_need(need(None, Price::Negotiable), NEED_TEXT);
    ix.upsert_enterprise(EnterpriseDoc {
        id: ClientId(9),
        name: "某回收公司".into(),
        industry: "新能源".into(),
        province: "山东省".into(),
        city: "济南市".into(),
    });
    ix.upsert_enterprise(EnterpriseDoc {
        id: ClientId(10),
        name: "某储能公司".into(),
        industry: "新能源".into(),
        province: "山东省".into(),
        city: "青岛市".into(),
    });
    ix.upsert_enterprise(EnterpriseDoc {
        id: ClientId(11),
        name: "某食品公司".into(),
        industry: "现代农业".into(),
        province: "山东省".into(),
        city: "青岛市".into(),
    });
    let text = AchievementText {
        title: "退役动力电池回收技术",
        keywords: "电池",
        abstract_text: "",
        indicators: "",
    };
    let out = ix.enterprises_for_achievement(
        AchievementId(1),
        text,
        &Weights::default(),
        &Decisions::default(),
        10,
        false,
    );
    let found: Vec<i64> = out.iter().map(|c| c.enterprise.0).collect();
    assert_eq!(found, vec![9, 10]);
    assert_eq!(out[0].need, Some(NeedId(1)));
    assert_eq!(out[1].need, None);

    let mut texts = NeedTexts::default();
    texts.insert(
        NeedId(1),
        NEED_TEXT.description.into(),
        NEED_TEXT.indicators.into(),
    );
    let mine = ix.achievements_for_enterprise(
        ClientId(9),
        &texts,
        &Weights::default(),
        &Decisions::default(),
        10,
        false,
    );
    assert_eq!(ids(&mine), vec![1]);
}

#[test]
fn edits_and_removals_are_seen_at_once() {
    let mut ix = index(vec![ach(
        1,
        "退役动力电池回收技术",
        7,
        Price::Negotiable,
        AVAILABLE,
    )]);
    let n = need(None, Price::Negotiable);
    ix.remove_achievement(AchievementId(1));
    assert!(for_need(&ix, &n).is_empty());
    let (d, _) = ach(1, "电池回收新工艺", 7, Price::Negotiable, AVAILABLE);
    ix.upsert_achievement(
        d,
        AchievementText {
            title: "电池回收新工艺",
            keywords: "",
            abstract_text: "",
            indicators: "",
        },
    );
    assert_eq!(ids(&for_need(&ix, &n)), vec![1]);
}

#[test]
fn text_only_weights_ignore_structure() {
    let ix = index(vec![
        ach(1, "退役动力电池回收技术", 2, Price::Negotiable, AVAILABLE),
        ach(2, "电池", 9, Price::Negotiable, AVAILABLE),
    ]);
    let out = ix.achievements_for_need(
        &need(Some(Stage::Industrial), Price::Negotiable),
        NEED_TEXT,
        &Weights::text_only(),
        &Decisions::default(),
        10,
        false,
    );
    assert_eq!(ids(&out), vec![1, 2]);
    assert!((out[0].breakdown.score - 100.0).abs() < 1e-3);
}

#[test]
fn transfer_modes_are_read() {
    let mut modes = TransferModes::default();
    modes.set(TransferMode::LicenceOrdinary, true);
    assert_eq!(parts::mode_fit(modes, NeedMode::Licence), 1.0);
}

#[test]
fn shared_terms_leave_out_single_letters_and_unknown_terms() {
    let ix = index(vec![ach(
        1,
        "退役动力电池回收技术",
        7,
        Price::Negotiable,
        AVAILABLE,
    )]);
    let terms = ix.shared_terms("退役动力电池回收 m 量子", "退役动力电池回收 m 量子");
    assert_eq!(terms, vec!["退役动力电池回收"]);
}

#[test]
fn a_decision_on_a_similar_need_moves_the_candidate() {
    let mut ix = index(vec![
        ach(1, "退役动力电池回收技术", 7, Price::Negotiable, AVAILABLE),
        ach(2, "退役动力电池回收工艺", 7, Price::Negotiable, AVAILABLE),
    ]);
    let first = need(None, Price::Negotiable);
    let second = NeedDoc {
        id: NeedId(2),
        enterprise: ClientId(10),
        ..need(None, Price::Negotiable)
    };
    ix.upsert_need(first.clone(), NEED_TEXT);
    ix.upsert_need(second.clone(), NEED_TEXT);
    let before = for_need(&ix, &second);
    assert_eq!(ids(&before), vec![1, 2]);
    let decisions = Decisions {
        on_needs: vec![
            (first.id, AchievementId(2), 1.0),
            (first.id, AchievementId(1), -1.0),
        ],
        ..Decisions::default()
    };
    let with_decisions = |ix: &MatchIndex| {
        ix.achievements_for_need(
            &second,
            NEED_TEXT,
            &Weights::default(),
            &decisions,
            10,
            false,
        )
    };
    let after = with_decisions(&ix);
    assert_eq!(ids(&after), vec![2, 1]);
    assert!(after[0].breakdown.values.get(Part::History) > 0.5);
    assert!(after[1].breakdown.values.get(Part::History) < 0.5);
    ix.set_tuning(Tuning {
        learning: false,
        ..Tuning::default()
    });
    let off = with_decisions(&ix);
    assert_eq!(ids(&off), vec![1, 2]);
}

#[test]
fn a_thesaurus_pair_finds_a_listing_in_other_words_and_says_so() {
    let mut ix = MatchIndex::default();
    for (id, title) in [(1, "可编程逻辑控制器应用方案"), (2, "控制系统节能改造方案")]
    {
        let (doc, _) = ach(id, title, 7, Price::Negotiable, AVAILABLE);
        ix.upsert_achievement(
            doc,
            AchievementText {
                title,
                keywords: "",
                abstract_text: "",
                indicators: "",
            },
        );
    }
    ix.shrink();
    let n = NeedDoc {
        title: "PLC控制系统改造".into(),
        keywords: Vec::new(),
        ..need(None, Price::Negotiable)
    };
    let text = NeedText::default();
    let plain = by_text(&ix, &n, text);
    assert_eq!(plain[0].achievement, AchievementId(2));
    ix.set_thesaurus(vec![("PLC".into(), "可编程逻辑控制器".into())]);
    let out = by_text(&ix, &n, text);
    assert_eq!(out[0].achievement, AchievementId(1));
    assert_eq!(
        out[0].associations,
        vec![Association {
            need_term: "plc".into(),
            term: "可编程逻辑控制器".into(),
            source: Source::Thesaurus,
        }]
    );
    assert!(out.iter().skip(1).all(|c| c.associations.is_empty()));
}

#[test]
fn abbreviations_written_in_the_catalogue_become_associations() {
    let mut ix = MatchIndex::default();
    let texts = [
        (1, "车间物流改造", "采用自动导引车（AGV）完成物料转运"),
        (2, "仓储货架", "高位货架与叉车"),
    ];
    for (id, title, abstract_text) in texts {
        let (doc, _) = ach(id, title, 7, Price::Negotiable, AVAILABLE);
        ix.upsert_achievement(
            doc,
            AchievementText {
                title,
                keywords: "",
                abstract_text,
                indicators: "",
            },
        );
    }
    ix.shrink();
    assert_eq!(ix.association_count(), 1);
    let n = NeedDoc {
        title: "AGV".into(),
        keywords: Vec::new(),
        ..need(None, Price::Negotiable)
    };
    let text = NeedText {
        description: "需要自动导引车",
        indicators: "",
    };
    let out = by_text(&ix, &n, text);
    assert_eq!(out[0].achievement, AchievementId(1));
    assert_eq!(out[0].associations[0].source, Source::Abbreviation);
}
