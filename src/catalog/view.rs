//! What a list shows: the rows passing its filter, in its sort order, search hits first.

use std::cmp::Ordering;

use super::{Catalog, Record};
use crate::domain::{Money, Price};

/// The positions of all rows sorted by `cmp`; ties keep id order so the list never jumps.
pub fn sorted_positions<R: Record>(
    catalog: &Catalog<R>,
    cmp: impl Fn(&R, &R) -> Ordering,
) -> Vec<u32> {
    let rows = catalog.rows();
    let mut order: Vec<u32> = (0..rows.len() as u32).collect();
    order.sort_unstable_by(|&a, &b| {
        let (ra, rb) = (&rows[a as usize], &rows[b as usize]);
        cmp(ra, rb).then(ra.id().cmp(&rb.id()))
    });
    order
}

/// The positions of all rows sorted by a text, ties in id order. Sorting 100,000 Chinese titles
/// by full comparisons chases two pointers per comparison; sorting first by the first 8 bytes
/// as an integer, then comparing in full only among equal prefixes, is several times faster.
pub fn sorted_positions_by_text<R: Record>(
    catalog: &Catalog<R>,
    text: impl Fn(&R) -> &str,
    descending: bool,
) -> Vec<u32> {
    let rows = catalog.rows();
    let mut keyed: Vec<(u64, u32)> = rows
        .iter()
        .enumerate()
        .map(|(i, r)| (prefix_key(text(r)), i as u32))
        .collect();
    keyed.sort_unstable_by(|a, b| {
        let o = a.0.cmp(&b.0);
        if descending { o.reverse() } else { o }
    });
    let full = |a: &u32, b: &u32| {
        let (ra, rb) = (&rows[*a as usize], &rows[*b as usize]);
        let o = text(ra).cmp(text(rb));
        let o = if descending { o.reverse() } else { o };
        o.then(ra.id().cmp(&rb.id()))
    };
    let mut order: Vec<u32> = Vec::with_capacity(keyed.len());
    for group in keyed.chunk_by(|a, b| a.0 == b.0) {
        let start = order.len();
        order.extend(group.iter().map(|k| k.1));
        order[start..].sort_unstable_by(full);
    }
    order
}

/// The first 8 bytes of `text` as a big-endian integer (zero-padded): ordered as the bytes are.
fn prefix_key(text: &str) -> u64 {
    let mut bytes = [0u8; 8];
    for (b, t) in bytes.iter_mut().zip(text.bytes()) {
        *b = t;
    }
    u64::from_be_bytes(bytes)
}

/// Filters `order` (positions sorted as the list wants) by `keep`. With a query, only rows
/// matching it are kept, those with more query terms in their title first, each group in list
/// order.
pub fn select<R: Record>(
    catalog: &Catalog<R>,
    order: &[u32],
    query: &str,
    keep: impl Fn(&R) -> bool,
) -> Vec<u32> {
    let rows = catalog.rows();
    if query.trim().is_empty() {
        return order
            .iter()
            .copied()
            .filter(|&p| rows.get(p as usize).is_some_and(&keep))
            .collect();
    }
    // rank[p] = 0 for no hit, else 1 + the number of terms in the title.
    let mut rank = vec![0u8; rows.len()];
    let mut top = 0u8;
    for hit in catalog.search(query) {
        if let Some(p) = catalog.position(hit.id) {
            rank[p] = hit.title_terms.saturating_add(1);
            top = top.max(rank[p]);
        }
    }
    let mut buckets: Vec<Vec<u32>> = vec![Vec::new(); usize::from(top) + 1];
    for &p in order {
        let r = rank[p as usize];
        if r > 0 && rows.get(p as usize).is_some_and(&keep) {
            buckets[usize::from(r)].push(p);
        }
    }
    buckets.into_iter().rev().flatten().collect()
}

/// A price or budget range filter in yuan; negotiable (面议) prices pass only when asked for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct PriceRange {
    pub min: Option<Money>,
    pub max: Option<Money>,
    pub include_negotiable: bool,
}

impl PriceRange {
    pub fn is_open(&self) -> bool {
        self.min.is_none() && self.max.is_none()
    }

    pub fn accepts(&self, price: Price) -> bool {
        match price {
            Price::Negotiable => self.include_negotiable || self.is_open(),
            Price::Amount(m) => {
                self.min.is_none_or(|min| m >= min) && self.max.is_none_or(|max| m <= max)
            }
        }
    }
}

/// Orders prices with negotiable ones after every amount.
pub fn cmp_price(a: Price, b: Price) -> Ordering {
    match (a, b) {
        (Price::Amount(x), Price::Amount(y)) => x.cmp(&y),
        (Price::Amount(_), Price::Negotiable) => Ordering::Less,
        (Price::Negotiable, Price::Amount(_)) => Ordering::Greater,
        (Price::Negotiable, Price::Negotiable) => Ordering::Equal,
    }
}

#[cfg(test)]
mod tests {
    use chrono::{TimeZone, Utc};

    use super::*;
    use crate::catalog::{AchievementFilter, AchievementSort, AchievementSortKey};
    use crate::domain::{
        AchievementId, AchievementRow, AchievementStatus, ClientId, ClientKind, Stage,
        TransferModes,
    };

    fn row(id: i64, title: &str, trl: u8, price: Price) -> (AchievementRow, String) {
        (
            AchievementRow {
                id: AchievementId(id),
                title: title.into(),
                owner: ClientId(1),
                owner_name: "山东大学".into(),
                owner_kind: ClientKind::University,
                field: "新能源".into(),
                trl,
                stage: Stage::typical_for_trl(trl),
                transfer_modes: TransferModes::default(),
                price,
                status: AchievementStatus::Available,
                updated_at: Utc.timestamp_opt(1_700_000_000 + id, 0).unwrap(),
            },
            format!("正文{id}"),
        )
    }

    fn catalog() -> Catalog<AchievementRow> {
        Catalog::build(vec![
            row(1, "储能系统热管理", 3, Price::Negotiable),
            row(
                2,
                "锂电池储能电站",
                7,
                Price::Amount(Money::from_yuan(500_000)),
            ),
            (
                row(
                    3,
                    "光伏组件清洗机器人",
                    8,
                    Price::Amount(Money::from_yuan(80_000)),
                )
                .0,
                "适用于锂电池储能场站".into(),
            ),
        ])
    }

    fn ids(c: &Catalog<AchievementRow>, positions: &[u32]) -> Vec<i64> {
        positions
            .iter()
            .map(|&p| c.rows()[p as usize].id.0)
            .collect()
    }

    #[test]
    fn title_hits_come_before_body_hits_then_list_order() {
        let c = catalog();
        let sort = AchievementSort::default();
        let order = sorted_positions(&c, |a, b| sort.compare(a, b));
        assert_eq!(ids(&c, &order), vec![3, 2, 1], "newest first");
        assert_eq!(
            ids(&c, &select(&c, &order, "储能", |_| true)),
            vec![2, 1, 3]
        );
        assert_eq!(ids(&c, &select(&c, &order, "锂电池", |_| true)), vec![2, 3]);
    }

    #[test]
    fn filters_apply_to_search_results_and_to_the_whole_list() {
        let c = catalog();
        let sort = AchievementSort {
            key: AchievementSortKey::Trl,
            descending: false,
        };
        let order = sorted_positions(&c, |a, b| sort.compare(a, b));
        let mature = AchievementFilter {
            trl_min: 7,
            ..AchievementFilter::default()
        };
        assert_eq!(
            ids(&c, &select(&c, &order, "", |r| mature.accepts(r))),
            vec![2, 3]
        );
        assert_eq!(
            ids(&c, &select(&c, &order, "储能", |r| mature.accepts(r))),
            vec![2, 3]
        );
    }

    #[test]
    fn text_sort_matches_a_full_sort_both_ways() {
        let mut items = Vec::new();
        for (i, title) in [
            "一种电池",
            "一种电池材料",
            "一种电机",
            "b",
            "a",
            "一种电池",
            "",
            "一",
        ]
        .iter()
        .enumerate()
        {
            items.push(row(i as i64 + 1, title, 5, Price::Negotiable));
        }
        let c = Catalog::build(items);
        for descending in [false, true] {
            let fast = sorted_positions_by_text(&c, |r| r.title.as_str(), descending);
            let slow = sorted_positions(&c, |a, b| {
                let o = a.title.cmp(&b.title);
                if descending { o.reverse() } else { o }
            });
            assert_eq!(fast, slow, "descending: {descending}");
        }
    }

    #[test]
    fn price_ranges_and_negotiable_prices() {
        let open = PriceRange::default();
        assert!(open.accepts(Price::Negotiable));
        let upto = PriceRange {
            max: Some(Money::from_yuan(100_000)),
            ..PriceRange::default()
        };
        assert!(upto.accepts(Price::Amount(Money::from_yuan(80_000))));
        assert!(!upto.accepts(Price::Amount(Money::from_yuan(500_000))));
        assert!(!upto.accepts(Price::Negotiable));
        let with_negotiable = PriceRange {
            include_negotiable: true,
            ..upto
        };
        assert!(with_negotiable.accepts(Price::Negotiable));
        assert_eq!(
            cmp_price(Price::Negotiable, Price::Amount(Money(1))),
            Ordering::Greater
        );
    }

    #[test]
    fn removing_a_row_keeps_positions_consistent() {
        let mut c = catalog();
        c.remove(AchievementId(1));
        assert_eq!(c.len(), 2);
        let three = AchievementId(3);
        assert_eq!(c.get(three).map(|r| r.id), Some(three));
        assert_eq!(c.position(three).map(|p| c.rows()[p].id), Some(three));
        assert!(c.search("热管理").is_empty());
    }
}
