use rustc_hash::FxHashSet;

use super::geo::CITIES;
use super::ip::patent_check_digit;
use super::orgs::{INSTITUTES, UNIVERSITIES};
use super::random::DemoRng;
use super::text::{
    ABSTRACT_EXTRAS, APPROACHES, BACKGROUNDS, EARLY_OUTLOOKS, NOVELTIES, PROVEN_OUTLOOKS, Slots,
    render,
};
use super::vocab::VOCABS;
use super::{Sizes, generate, needs};
use crate::domain::catalog::MAX_KEYWORDS;
use crate::domain::credit_code;
use crate::domain::{
    AchievementDraft, ClientId, ClientKind, DEFAULT_FIELDS, IpKind, IpStatus, NeedDraft, Stage,
};

fn sizes(clients: usize, achievements: usize, needs: usize) -> Sizes {
    Sizes {
        clients,
        achievements,
        needs,
    }
}

fn has_chinese(s: &str) -> bool {
    s.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
}

#[test]
fn the_same_seed_gives_the_same_data() {
    assert_eq!(
        generate(7, sizes(300, 500, 100)),
        generate(7, sizes(300, 500, 100))
    );
}

#[test]
fn different_seeds_give_different_data() {
    let a = generate(1, sizes(50, 50, 50));
    let b = generate(2, sizes(50, 50, 50));
    assert_ne!(a.clients, b.clients);
    assert_ne!(a.achievements, b.achievements);
    assert_ne!(a.needs, b.needs);
}

#[test]
fn more_achievements_leave_the_clients_and_needs_of_a_seed_alone() {
    let small = generate(3, sizes(100, 10, 20));
    let large = generate(3, sizes(100, 200, 20));
    assert_eq!(small.clients, large.clients);
    assert_eq!(small.needs, large.needs);
    assert_eq!(small.achievements[..], large.achievements[..10]);
}

#[test]
fn sizes_are_respected() {
    for (c, a, n) in [(300, 2000, 300), (1, 5, 5), (7, 0, 3), (0, 0, 0)] {
        let d = generate(11, sizes(c, a, n));
        assert_eq!(
            (d.clients.len(), d.achievements.len(), d.needs.len()),
            (c, a, n)
        );
    }
}

#[test]
fn without_clients_nobody_owns_achievements_or_needs() {
    let d = generate(5, sizes(0, 10, 10));
    assert!(d.achievements.is_empty() && d.needs.is_empty());
}

#[test]
fn twenty_thousand_clients_validate_with_unique_names() {
    let d = generate(42, sizes(20_000, 0, 0));
    let mut names = FxHashSet::default();
    for c in &d.clients {
        assert_eq!(c.validate().as_ref(), Ok(c), "{c:?}");
        assert!(names.insert(c.name.as_str()), "duplicate name {}", c.name);
        assert_eq!(c.province, "山东省");
        let city = CITIES.iter().find(|city| city.name == c.city);
        let city = city.unwrap_or_else(|| panic!("unknown city {}", c.city));
        assert!(
            city.districts.iter().any(|(d, _)| *d == c.district),
            "{} is not in {}",
            c.district,
            c.city
        );
        assert!(!c.address.is_empty() && !c.industry.is_empty());
        assert!(has_chinese(&c.name));
        let sized = ["大型", "中型", "小型", "微型"].contains(&c.size.as_str());
        assert_eq!(sized, c.kind == ClientKind::Enterprise);
    }
    assert!(!d.clients.iter().any(|c| c.name.ends_with("（2）")));
}

#[test]
fn clients_come_in_the_planned_shares() {
    let d = generate(9, sizes(2000, 0, 0));
    let count = |k| d.clients.iter().filter(|c| c.kind == k).count();
    assert_eq!(count(ClientKind::University), 200);
    assert_eq!(count(ClientKind::Institute), 100);
    assert_eq!(count(ClientKind::Other), 100);
    assert_eq!(count(ClientKind::Enterprise), 1600);
}

#[test]
fn real_universities_and_institutes_come_first() {
    let d = generate(9, sizes(300, 0, 0));
    let first = |k| {
        d.clients
            .iter()
            .find(|c| c.kind == k)
            .map(|c| c.name.as_str())
    };
    assert_eq!(first(ClientKind::University), Some("山东大学"));
    assert_eq!(
        first(ClientKind::Institute),
        Some("中国科学院青岛生物能源与过程研究所")
    );
    let universities: Vec<&str> = d
        .clients
        .iter()
        .filter(|c| c.kind == ClientKind::University)
        .map(|c| c.name.as_str())
        .collect();
    assert_eq!(universities.len(), 30);
    assert!(
        universities
            .iter()
            .all(|u| UNIVERSITIES.iter().any(|k| k.name == *u))
    );
}

#[test]
fn real_institutions_sit_in_real_districts() {
    for k in UNIVERSITIES.iter().chain(&INSTITUTES) {
        assert!(
            k.city.districts.iter().any(|(d, _)| *d == k.district),
            "{} in {}",
            k.name,
            k.district
        );
    }
}

#[test]
fn credit_codes_are_valid_unique_and_from_shandong() {
    let d = generate(4, sizes(5000, 0, 0));
    let codes: Vec<&str> = d
        .clients
        .iter()
        .map(|c| c.credit_code.as_str())
        .filter(|c| !c.is_empty())
        .collect();
    let share = codes.len() * 100 / d.clients.len();
    assert!((65..=75).contains(&share), "{share}% have codes");
    let unique: FxHashSet<&str> = codes.iter().copied().collect();
    assert_eq!(unique.len(), codes.len());
    for (code, c) in d.clients.iter().map(|c| (c.credit_code.as_str(), c)) {
        if code.is_empty() {
            continue;
        }
        assert!(credit_code::is_valid(code), "{code}");
        assert_eq!(&code[2..4], "37", "{code}");
        let prefix = &code[..2];
        match c.kind {
            ClientKind::Enterprise => assert_eq!(prefix, "91"),
            ClientKind::University | ClientKind::Institute => assert_eq!(prefix, "12"),
            ClientKind::Other => assert!(["91", "12", "11"].contains(&prefix)),
        }
    }
}

#[test]
fn achievements_and_needs_round_trip_through_their_forms() {
    let d = generate(21, sizes(500, 3000, 1000));
    for a in &d.achievements {
        assert_eq!(
            AchievementDraft::from(a).validate().as_ref(),
            Ok(a),
            "{a:?}"
        );
        assert!((1..=MAX_KEYWORDS).contains(&a.keywords.len()));
        assert!(a.ip_items.len() <= 3);
        assert!((1..=3).contains(&a.transfer_modes.iter().count()));
    }
    for n in &d.needs {
        assert_eq!(NeedDraft::from(n).validate().as_ref(), Ok(n), "{n:?}");
        assert!((1..=MAX_KEYWORDS).contains(&n.keywords.len()));
    }
}

#[test]
fn owners_and_enterprises_are_valid_indexes() {
    let d = generate(8, sizes(300, 2000, 300));
    let kind = |i: ClientId| d.clients[usize::try_from(i.0).unwrap()].kind;
    let mut research = 0;
    for a in &d.achievements {
        assert!((0..d.clients.len() as i64).contains(&a.owner.0));
        assert_ne!(kind(a.owner), ClientKind::Other);
        if kind(a.owner) != ClientKind::Enterprise {
            research += 1;
        }
    }
    let share = research * 100 / d.achievements.len();
    assert!((75..=85).contains(&share), "{share}% from research");
    for n in &d.needs {
        assert!((0..d.clients.len() as i64).contains(&n.enterprise.0));
        assert_eq!(kind(n.enterprise), ClientKind::Enterprise);
    }
}

#[test]
fn every_field_appears_among_two_thousand_achievements() {
    let d = generate(13, sizes(300, 2000, 300));
    for field in DEFAULT_FIELDS {
        assert!(d.achievements.iter().any(|a| a.field == field), "{field}");
        assert!(d.needs.iter().any(|n| n.field == field), "{field} need");
    }
}

#[test]
fn texts_are_chinese_and_abstracts_the_right_length() {
    let d = generate(17, sizes(300, 3000, 500));
    for a in &d.achievements {
        for text in [&a.title, &a.abstract_text, &a.inventors, &a.indicators] {
            assert!(has_chinese(text), "{text}");
        }
        let len = a.abstract_text.chars().count();
        assert!((120..=260).contains(&len), "{len}: {}", a.abstract_text);
        assert!(!a.abstract_text.contains('{'), "{}", a.abstract_text);
        let inventors = a.inventors.split('、').count();
        assert!((2..=4).contains(&inventors), "{}", a.inventors);
    }
    for n in &d.needs {
        assert!(has_chinese(&n.title) && has_chinese(&n.description));
        let len = n.description.chars().count();
        assert!((70..=180).contains(&len), "{len}: {}", n.description);
    }
}

#[test]
fn stage_follows_trl() {
    let d = generate(19, sizes(300, 2000, 300));
    for a in &d.achievements {
        assert!((1..=9).contains(&a.trl));
        assert_eq!(a.stage, Stage::typical_for_trl(a.trl));
    }
    for n in &d.needs {
        if let (Some(stage), Some(trl)) = (n.min_stage, n.min_trl) {
            assert_eq!(stage, Stage::typical_for_trl(trl));
        }
    }
}

#[test]
fn ip_numbers_follow_the_office_formats() {
    let d = generate(23, sizes(300, 2000, 0));
    let items: Vec<_> = d.achievements.iter().flat_map(|a| &a.ip_items).collect();
    for kind in IpKind::ALL {
        assert!(items.iter().any(|ip| ip.kind == kind), "{kind:?} missing");
    }
    for ip in items {
        match ip.kind {
            IpKind::InventionPatent | IpKind::UtilityModel => {
                let bare = ip.number.trim_start_matches("ZL");
                assert_eq!(ip.number.starts_with("ZL"), ip.status != IpStatus::Applied);
                let (digits, check) = bare.split_once('.').unwrap();
                assert_eq!(digits.len(), 12, "{}", ip.number);
                let type_digit = if ip.kind == IpKind::InventionPatent {
                    '1'
                } else {
                    '2'
                };
                assert_eq!(digits.chars().nth(4), Some(type_digit));
                assert_eq!(check, patent_check_digit(digits).to_string());
                let filed: i32 = digits[..4].parse().unwrap();
                let term = if ip.kind == IpKind::InventionPatent {
                    20
                } else {
                    10
                };
                match ip.expiry {
                    Some(e) => assert_eq!(chrono::Datelike::year(&e), filed + term),
                    None => assert_eq!(ip.status, IpStatus::Applied),
                }
            }
            IpKind::SoftwareCopyright => assert_eq!(&ip.number[4..6], "SR"),
            IpKind::PlantVariety => assert!(ip.number.starts_with("CNA")),
            IpKind::KnowHow => assert!(ip.number.starts_with("技术秘密-")),
        }
    }
}

#[test]
fn the_patent_check_digit_matches_a_published_number() {
    // ZL202110123456.7 is the example in the achievement form.
    assert_eq!(patent_check_digit("202110123456"), '7');
}

#[test]
fn titles_are_mostly_unique() {
    let d = generate(29, sizes(2000, 20_000, 0));
    let titles: FxHashSet<&str> = d.achievements.iter().map(|a| a.title.as_str()).collect();
    let repeats = d.achievements.len() - titles.len();
    assert!(
        repeats * 100 <= d.achievements.len(),
        "{repeats} repeated titles"
    );
}

#[test]
fn prices_and_budgets_stay_in_their_ranges() {
    let d = generate(31, sizes(300, 3000, 1000));
    for a in &d.achievements {
        if let Some(m) = a.price.amount() {
            assert!((5_000_000..=2_000_000_000).contains(&m.fen()), "{m:?}");
            assert_eq!(m.fen() % 100_000, 0);
        }
    }
    for n in &d.needs {
        if let Some(m) = n.budget.amount() {
            assert!((10_000_000..=500_000_000).contains(&m.fen()), "{m:?}");
        }
        if let Some(deadline) = n.deadline {
            assert!((2026..=2028).contains(&chrono::Datelike::year(&deadline)));
        }
    }
    let negotiable = d
        .achievements
        .iter()
        .filter(|a| a.price.amount().is_none())
        .count();
    assert!((25..=35).contains(&(negotiable * 100 / d.achievements.len())));
}

#[test]
fn vocabularies_line_up_with_the_default_fields() {
    let fields: Vec<&str> = VOCABS.iter().map(|v| v.field).collect();
    assert_eq!(fields, DEFAULT_FIELDS);
    for v in VOCABS {
        assert!(
            !v.latin.is_empty() && !v.firm_words.is_empty(),
            "{}",
            v.field
        );
        for family in &v.families {
            for list in [
                family.qualities,
                family.objects,
                family.methods,
                family.scenes,
                family.titles,
                family.keywords,
                family.problems,
                family.processes,
            ] {
                assert!(!list.is_empty(), "{}", v.field);
            }
            // Keywords are stored joined by 、 and split again on these.
            for keyword in family.keywords.iter().chain(family.methods) {
                assert!(
                    !keyword
                        .contains(|c: char| matches!(c, ',' | '，' | '、' | ';' | '；')
                            || c.is_whitespace()),
                    "{keyword}"
                );
            }
            for i in &family.indicators {
                assert!(i.low <= i.high, "{}", i.label);
            }
            // "节能型节能电机" reads as a typo: no two characters of a quality recur in an object.
            for q in family.qualities {
                let chars: Vec<char> = q.chars().collect();
                for o in family.objects {
                    for pair in chars.windows(2) {
                        assert!(!o.contains(&String::from_iter(pair)), "{q}{o}");
                    }
                }
            }
        }
    }
}

#[test]
fn templates_use_only_known_slots() {
    use rand::SeedableRng;
    let mut rng = DemoRng::seed_from_u64(1);
    let mut templates: Vec<&str> = Vec::new();
    for list in [
        &BACKGROUNDS[..],
        &APPROACHES,
        &NOVELTIES,
        &EARLY_OUTLOOKS,
        &PROVEN_OUTLOOKS,
        &ABSTRACT_EXTRAS,
    ] {
        templates.extend(list);
    }
    for list in [
        &needs::TITLES[..],
        &needs::OPENINGS,
        &needs::TROUBLES,
        &needs::WISHES,
        &needs::NEED_EXTRAS,
    ] {
        templates.extend(list);
    }
    for v in VOCABS {
        for family in &v.families {
            templates.extend(family.titles);
            let slots = Slots::pick(&mut rng, v, family);
            for t in &templates {
                let mut out = String::new();
                render(&mut out, t, &slots);
                assert!(!out.contains(['{', '}']), "{t} → {out}");
            }
        }
    }
}
