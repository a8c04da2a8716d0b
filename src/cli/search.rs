//! `techbroker search`: the list screens' search, printed.

use std::io::Write;

use serde_json::json;

use super::SearchKind;
use crate::catalog::{AchievementSort, Catalog, NeedSort, select};
use crate::domain::client_list::{self, ClientFilter, ClientSort};
use crate::store::Store;

/// One printed result: the id (of whichever kind was searched), then four texts named by
/// [`keys`].
struct Line {
    id: i64,
    cells: [String; 4],
}

fn keys(kind: SearchKind) -> [&'static str; 4] {
    match kind {
        SearchKind::Achievements => ["title", "owner", "field", "stage"],
        SearchKind::Needs => ["title", "enterprise", "field", "min_stage"],
        SearchKind::Clients => ["name", "kind", "region", "industry"],
    }
}

pub fn run(
    store: &Store,
    kind: SearchKind,
    query: &str,
    limit: usize,
    json: bool,
    out: &mut dyn Write,
) -> anyhow::Result<()> {
    let lines = match kind {
        SearchKind::Achievements => {
            let reader = store.reader()?;
            let (expected, _) = reader.catalogue_sizes()?;
            let catalog =
                Catalog::from_each(expected, |f| reader.each_achievement_row(f), &mut |_| {})?;
            let sort = AchievementSort::default();
            let order = sort.order(&catalog);
            select(&catalog, &order, query, |_| true)
                .into_iter()
                .take(limit)
                .filter_map(|p| catalog.rows().get(p as usize))
                .map(|r| Line {
                    id: r.id.into(),
                    cells: [
                        r.title.clone(),
                        r.owner_name.to_string(),
                        r.field.to_string(),
                        r.stage.code().to_string(),
                    ],
                })
                .collect::<Vec<_>>()
        }
        SearchKind::Needs => {
            let reader = store.reader()?;
            let (_, expected) = reader.catalogue_sizes()?;
            let catalog = Catalog::from_each(expected, |f| reader.each_need_row(f), &mut |_| {})?;
            let sort = NeedSort::default();
            let order = sort.order(&catalog);
            // Marked as in every list of the window.
            let tr = crate::i18n::Lang::from_env().tr();
            select(&catalog, &order, query, |_| true)
                .into_iter()
                .take(limit)
                .filter_map(|p| catalog.rows().get(p as usize))
                .map(|r| Line {
                    id: r.id.into(),
                    cells: [
                        tr.need_title(&r.title, r.confidential),
                        r.enterprise_name.to_string(),
                        r.field.to_string(),
                        r.min_stage
                            .map(|s| s.code().to_string())
                            .unwrap_or_default(),
                    ],
                })
                .collect()
        }
        SearchKind::Clients => {
            let rows = store.list_clients()?;
            let filter = ClientFilter {
                name: query.to_string(),
                ..ClientFilter::default()
            };
            client_list::select(&rows, &filter, ClientSort::default())
                .into_iter()
                .take(limit)
                .filter_map(|i| rows.get(i))
                .map(|r| Line {
                    id: r.id.into(),
                    cells: [
                        r.name.clone(),
                        r.kind.code().to_string(),
                        r.region(),
                        r.industry.to_string(),
                    ],
                })
                .collect()
        }
    };
    if json {
        let names = keys(kind);
        let items: Vec<serde_json::Value> = lines
            .iter()
            .map(|l| {
                let mut item = serde_json::Map::new();
                item.insert("id".into(), json!(l.id));
                for (name, cell) in names.iter().zip(&l.cells) {
                    item.insert((*name).into(), json!(cell));
                }
                serde_json::Value::Object(item)
            })
            .collect();
        writeln!(out, "{}", serde_json::to_string_pretty(&items)?)?;
    } else {
        for l in &lines {
            writeln!(out, "{}\t{}", l.id, l.cells.join("\t"))?;
        }
    }
    Ok(())
}
