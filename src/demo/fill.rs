//! Storing generated data: clients first, then achievements and needs with their owners'
//! positions turned into database ids. Used by `techbroker gen`, the benchmarks and the sandbox.

use super::{Sizes, generate};
use crate::store::{Store, StoreError};

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
    let mut data = generate(seed, sizes);
    let total = data.clients.len() + data.achievements.len() + data.needs.len();
    let mut done = 0;
    let mut client_ids = Vec::with_capacity(data.clients.len());
    for chunk in data.clients.chunks(BATCH) {
        client_ids.extend(store.insert_clients(chunk)?);
        done += chunk.len();
        progress(done, total);
    }
    // Generated indexes always point into the generated clients.
    let id_of = |index: i64| client_ids.get(index as usize).copied().unwrap_or(index);
    for a in &mut data.achievements {
        a.owner = id_of(a.owner);
    }
    for n in &mut data.needs {
        n.enterprise = id_of(n.enterprise);
    }
    for chunk in data.achievements.chunks(BATCH) {
        store.insert_achievements(chunk)?;
        done += chunk.len();
        progress(done, total);
    }
    for chunk in data.needs.chunks(BATCH) {
        store.insert_needs(chunk)?;
        done += chunk.len();
        progress(done, total);
    }
    Ok(Counts {
        clients: client_ids.len(),
        achievements: data.achievements.len(),
        needs: data.needs.len(),
    })
}
