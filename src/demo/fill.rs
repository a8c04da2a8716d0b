//! Storing generated data: clients first, then achievements and needs with their owners'
//! positions turned into database ids. Used by `techbroker gen`, the benchmarks and the sandbox.

use chrono::NaiveDate;

use super::deals::generate_deals;
use super::{DemoData, Sizes, generate};
use crate::domain::{AchievementId, ClientId, DealId, NeedId};
use crate::store::{Bulk, DemoIds, Store, StoreError};

/// Rows per transaction: large enough to be fast, small enough to report progress.
const BATCH: usize = 10_000;

/// How many records were stored.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Counts {
    pub clients: usize,
    pub achievements: usize,
    pub needs: usize,
}

/// Generates `sizes` records from `seed` and inserts them, one transaction per batch, calling
/// `progress(done, total)` after each batch. Meant for a new or empty database: generated
/// client names that already exist there make the insert fail (and that batch roll back).
pub fn populate(
    store: &mut Store,
    seed: u64,
    sizes: Sizes,
    progress: &mut dyn FnMut(usize, usize),
) -> Result<Counts, StoreError> {
    let data = generate(seed, sizes);
    let total = data.clients.len() + data.achievements.len() + data.needs.len();
    let stored = store.fill_empty(|bulk| insert(bulk, data, total, progress))?;
    Ok(stored.counts)
}

/// What a classroom data set holds once stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Classroom {
    pub counts: Counts,
    pub deals: Vec<DealId>,
    /// The open need the guided exercises work on, when the data has one.
    pub open_need: Option<NeedId>,
    /// The achievements written to answer it.
    pub answers: Vec<AchievementId>,
}

/// Like [`populate`], then `deals` deals dated around `today` with their payments, logs and
/// decisions (one more transaction). The same seed, sizes and day give the same database.
pub fn populate_classroom(
    store: &mut Store,
    seed: u64,
    sizes: Sizes,
    deals: usize,
    today: NaiveDate,
    progress: &mut dyn FnMut(usize, usize),
) -> Result<Classroom, StoreError> {
    let mut data = generate(seed, sizes);
    let deal_data = generate_deals(seed, &mut data, deals, today);
    let records = data.clients.len() + data.achievements.len() + data.needs.len();
    let total = records + deal_data.deals.len();
    let stored = store.fill_empty(|bulk| insert(bulk, data, total, progress))?;
    let ids = DemoIds {
        clients: &stored.clients,
        achievements: &stored.achievements,
        needs: &stored.needs,
    };
    let deal_ids = store.insert_demo_deals(&deal_data, &ids)?;
    progress(total, total);
    Ok(Classroom {
        counts: stored.counts,
        deals: deal_ids,
        open_need: deal_data
            .open_need
            .and_then(|i| stored.needs.get(i).copied()),
        answers: deal_data
            .answers
            .iter()
            .filter_map(|&i| stored.achievements.get(i).copied())
            .collect(),
    })
}

struct Stored {
    counts: Counts,
    clients: Vec<ClientId>,
    achievements: Vec<AchievementId>,
    needs: Vec<NeedId>,
}

fn insert(
    store: &Bulk<'_>,
    mut data: DemoData,
    total: usize,
    progress: &mut dyn FnMut(usize, usize),
) -> Result<Stored, StoreError> {
    let mut done = 0;
    let mut client_ids = Vec::with_capacity(data.clients.len());
    for chunk in data.clients.chunks(BATCH) {
        client_ids.extend(store.insert_clients(chunk)?);
        done += chunk.len();
        progress(done, total);
    }
    // Generated indexes always point into the generated clients.
    let id_of = |index: ClientId| client_ids.get(index.0 as usize).copied().unwrap_or(index);
    for a in &mut data.achievements {
        a.owner = id_of(a.owner);
    }
    for n in &mut data.needs {
        n.enterprise = id_of(n.enterprise);
    }
    let mut achievement_ids = Vec::with_capacity(data.achievements.len());
    for chunk in data.achievements.chunks(BATCH) {
        achievement_ids.extend(store.insert_achievements(chunk)?);
        done += chunk.len();
        progress(done, total);
    }
    let mut need_ids = Vec::with_capacity(data.needs.len());
    for chunk in data.needs.chunks(BATCH) {
        need_ids.extend(store.insert_needs(chunk)?);
        done += chunk.len();
        progress(done, total);
    }
    Ok(Stored {
        counts: Counts {
            clients: client_ids.len(),
            achievements: achievement_ids.len(),
            needs: need_ids.len(),
        },
        clients: client_ids,
        achievements: achievement_ids,
        needs: need_ids,
    })
}
