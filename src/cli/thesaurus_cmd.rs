//! `techbroker thesaurus`: the broker's pairs of terms that mean the same thing to matching.

use std::io::Write;

use crate::domain::{SynonymDraft, SynonymId};
use crate::i18n::{Tr, fill};
use crate::store::{SaveError, Store};

/// What to do with the thesaurus.
pub enum Action {
    List,
    Add(String, String),
    Remove(SynonymId),
}

pub fn run(store: &mut Store, action: Action, tr: &Tr, out: &mut dyn Write) -> anyhow::Result<()> {
    match action {
        Action::List => {
            let pairs = store.thesaurus()?;
            if pairs.is_empty() {
                writeln!(out, "{}", tr.cli_synonym_none)?;
            }
            for s in pairs {
                writeln!(out, "{}\t{} ≈ {}", s.id, s.term, s.other)?;
            }
        }
        Action::Add(term, other) => {
            let draft = SynonymDraft { term, other };
            match store.add_synonym(&draft) {
                Ok(id) => writeln!(
                    out,
                    "{}",
                    fill(
                        tr.cli_synonym_added,
                        &[
                            ("term", &draft.term.trim()),
                            ("other", &draft.other.trim()),
                            ("id", &id)
                        ]
                    )
                )?,
                Err(SaveError::Invalid(e)) => {
                    let problems: Vec<String> =
                        e.errors.iter().map(|(_, p)| tr.problem(*p)).collect();
                    anyhow::bail!(
                        "{}",
                        fill(
                            tr.cli_synonym_invalid,
                            &[("problems", &problems.join("；"))]
                        )
                    );
                }
                Err(SaveError::Store(e)) => return Err(e.into()),
            }
        }
        Action::Remove(id) => {
            store.remove_synonym(id)?;
            writeln!(out, "{}", fill(tr.cli_synonym_removed, &[("id", &id)]))?;
        }
    }
    Ok(())
}
