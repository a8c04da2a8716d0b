//! Helpers over the seeded generator. Only integer sampling is used: floating-point `ln`/`exp`
//! may differ in the last bit between platforms, and a classroom of laptops must all get the
//! same data from the same seed.

use rand::Rng;
use rand::seq::IndexedRandom;
use rand_chacha::ChaCha8Rng;

use crate::domain::Money;

pub(super) type DemoRng = ChaCha8Rng;

/// True `pct` times in a hundred.
pub(super) fn chance(rng: &mut DemoRng, pct: u32) -> bool {
    rng.random_range(0..100) < pct
}

/// A whole number from `low` to `high`, both included.
pub(super) fn between(rng: &mut DemoRng, low: u32, high: u32) -> u32 {
    rng.random_range(low..=high.max(low))
}

/// An item of a fixed array; an empty array does not compile.
pub(super) fn one<'a, T, const N: usize>(rng: &mut DemoRng, items: &'a [T; N]) -> &'a T {
    const { assert!(N > 0) };
    &items[rng.random_range(0..N)]
}

/// A word of a vocabulary list. The vocabulary tests keep every list non-empty; an empty one
/// would only give an empty word.
pub(super) fn word(rng: &mut DemoRng, items: &[&'static str]) -> &'static str {
    items.choose(rng).copied().unwrap_or_default()
}

/// A word of `items` other than `not`, when a few draws find one.
pub(super) fn other_word(rng: &mut DemoRng, items: &[&'static str], not: &str) -> &'static str {
    let mut w = word(rng, items);
    for _ in 0..4 {
        if w != not {
            break;
        }
        w = word(rng, items);
    }
    w
}

/// An item of a fixed array, each as likely as its weight.
pub(super) fn weighted<'a, T, const N: usize>(
    rng: &mut DemoRng,
    items: &'a [T; N],
    weight: impl Fn(&T) -> u32,
) -> &'a T {
    const { assert!(N > 0) };
    let total: u32 = items.iter().map(&weight).sum();
    let mut r = rng.random_range(0..total.max(1));
    for item in items {
        let w = weight(item);
        if r < w {
            return item;
        }
        r -= w;
    }
    &items[N - 1]
}

/// A value of a `(value, weight)` table.
pub(super) fn pick<T: Copy, const N: usize>(rng: &mut DemoRng, table: &[(T, u32); N]) -> T {
    weighted(rng, table, |&(_, w)| w).0
}

/// An item of `items`, the ones near the front more often: the big universities own more.
pub(super) fn front_heavy<'a, T>(rng: &mut DemoRng, items: &'a [T]) -> Option<&'a T> {
    if items.is_empty() {
        return None;
    }
    let a = rng.random_range(0..items.len());
    let b = rng.random_range(0..items.len());
    items.get(a.min(b))
}

/// An amount spread evenly over orders of magnitude. `bands` are `((low, high), weight)` in
/// `unit` yuan, with weights proportional to ln(high / low): log-uniform across bands, uniform
/// within one, no floating point.
pub(super) fn amount<const N: usize>(
    rng: &mut DemoRng,
    bands: &[((u32, u32), u32); N],
    unit: i64,
) -> Money {
    let (low, high) = pick(rng, bands);
    Money::from_yuan(i64::from(between(rng, low, high)) * unit)
}
