//! `techbroker gen`: fills a database with the demo generator's data.

use std::io::Write;
use std::time::Instant;

use crate::demo::{Sizes, populate};
use crate::i18n::{Lang, fill};
use crate::store::Store;

pub fn run(store: &mut Store, seed: u64, sizes: Sizes, out: &mut dyn Write) -> anyhow::Result<()> {
    let started = Instant::now();
    let counts = populate(store, seed, sizes, &mut |done, total| {
        eprint!("\r{done}/{total}");
    })?;
    eprintln!();
    let seconds = format!("{:.1}", started.elapsed().as_secs_f64());
    let text = fill(
        Lang::from_env().tr().cli_generated,
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
