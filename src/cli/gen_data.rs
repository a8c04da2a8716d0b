//! `techbroker gen`: fills a database with the demo generator's data.

use std::io::Write;
use std::time::Instant;

use crate::demo::{self, Sizes};
use crate::i18n::{Lang, fill};
use crate::store::Store;

/// Rows per transaction: large enough to be fast, small enough to show progress.
const BATCH: usize = 10_000;

/// Generates the data and inserts it: clients first, then achievements and needs with their
/// owners' generated positions turned into database ids.
pub fn populate(store: &mut Store, seed: u64, sizes: Sizes, out: &mut dyn Write) -> anyhow::Result<()> {
    let started = Instant::now();
    let mut data = demo::generate(seed, sizes);
    let mut client_ids = Vec::with_capacity(data.clients.len());
    for chunk in data.clients.chunks(BATCH) {
        client_ids.extend(store.insert_clients(chunk)?);
    }
    let id_of = |index: i64| -> anyhow::Result<i64> {
        usize::try_from(index)
            .ok()
            .and_then(|i| client_ids.get(i).copied())
            .ok_or_else(|| anyhow::anyhow!("generated record refers to client {index}"))
    };
    for a in &mut data.achievements {
        a.owner = id_of(a.owner)?;
    }
    for n in &mut data.needs {
        n.enterprise = id_of(n.enterprise)?;
    }
    let total = data.achievements.len() + data.needs.len();
    let mut done = 0;
    for chunk in data.achievements.chunks(BATCH) {
        store.insert_achievements(chunk)?;
        done += chunk.len();
        eprint!("\r{done}/{total}");
    }
    for chunk in data.needs.chunks(BATCH) {
        store.insert_needs(chunk)?;
        done += chunk.len();
        eprint!("\r{done}/{total}");
    }
    eprintln!();
    let tr = Lang::from_env().tr();
    writeln!(
        out,
        "{}",
        fill(
            tr.cli_generated,
            &[
                ("clients", &client_ids.len()),
                ("achievements", &data.achievements.len()),
                ("needs", &data.needs.len()),
                ("seconds", &format_args!("{:.1}", started.elapsed().as_secs_f64())),
            ]
        )
    )?;
    Ok(())
}
