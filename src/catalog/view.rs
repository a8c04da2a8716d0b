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
