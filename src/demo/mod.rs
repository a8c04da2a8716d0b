//! A deterministic generator of realistic Chinese demo data: the clients, achievements and needs
//! of a Shandong technology market, for benchmarks and the classroom sandbox.
//!
//! Pure: no database, no files. The same seed and sizes always give the same data, on every
//! platform (ChaCha8 and integer sampling only). Owners of achievements and enterprises of needs
//! are indexes into `clients`; whoever stores the data maps them to database ids.

mod achievements;
mod clients;
mod credit;
mod deals;
mod fill;
mod geo;
mod ip;
mod needs;
mod orgs;
mod people;
mod random;
mod text;
mod vocab;

#[cfg(test)]
mod tests;

#[cfg(test)]
mod deals_tests;

pub use deals::{DealData, DemoDeal, DemoDecision, DemoInteraction, generate_deals};
pub use fill::{Classroom, Counts, populate, populate_classroom};
pub use needs::NeedTopic;

use rand::SeedableRng;

use crate::domain::{AchievementData, ClientDraft, NeedData};
use random::DemoRng;

/// How many records to make.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sizes {
    pub clients: usize,
    pub achievements: usize,
    pub needs: usize,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DemoData {
    pub clients: Vec<ClientDraft>,
    /// `owner` of each holds an INDEX into `clients` (0-based, as i64), not a database id.
    pub achievements: Vec<AchievementData>,
    /// `enterprise` of each holds an INDEX into `clients` (0-based, as i64).
    pub needs: Vec<NeedData>,
    /// What each need was written about, in the same order.
    pub topics: Vec<NeedTopic>,
}

/// Makes `sizes` records from `seed`. Clients are 10% universities, 5% institutes, 5% others
/// and 80% enterprises; with no clients there is nobody to own achievements or needs, and both
/// lists come back empty.
pub fn generate(seed: u64, sizes: Sizes) -> DemoData {
    // One stream per list: asking for more achievements leaves the clients and needs of a seed
    // as they were.
    let stream = |n| {
        let mut rng = DemoRng::seed_from_u64(seed);
        rng.set_stream(n);
        rng
    };
    let clients = clients::generate(&mut stream(0), sizes.clients);
    let achievements = achievements::generate(&mut stream(1), &clients, sizes.achievements);
    let (needs, topics) = needs::generate(&mut stream(2), &clients, sizes.needs)
        .into_iter()
        .unzip();
    DemoData {
        clients: clients.into_iter().map(|c| c.draft).collect(),
        achievements,
        needs,
        topics,
    }
}
