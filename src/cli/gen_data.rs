//! `techbroker gen`: fills a database with the demo generator's data.

use std::io::Write;
use std::time::Instant;

use crate::demo::{Sizes, populate};
use crate::i18n::{Lang, fill};
use crate::store::{Store, StoreError};

pub fn run(store: &mut Store, seed: u64, sizes: Sizes, out: &mut dyn Write) -> anyhow::Result<()> {
    let started = Instant::now();
    let tr = Lang::from_env().tr();
    let counts = populate(store, seed, sizes, &mut |done, total| {
        eprint!("\r{done}/{total}");
    })
    .map_err(|e| match e {
        StoreError::NotEmpty(n) => anyhow::anyhow!("{}", fill(tr.gen_not_empty, &[("n", &n)])),
        e => e.into(),
    })?;
    eprintln!();
    let seconds = format!("{:.1}", started.elapsed().as_secs_f64());
    let text = fill(
        tr.cli_generated,
        &[
            ("clients", &counts.clients),
            ("achievements", &counts.achievements),
            ("needs", &counts.needs),
            ("seconds", &seconds),
        ],
    );
    writeln!(out, "{text}")?;
    Ok(())
}
