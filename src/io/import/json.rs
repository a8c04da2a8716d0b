//! TechBroker's own JSON: every field of every record, with owners by name and kind, so an
//! export imported into another (even empty) database gives the same records back.

use std::collections::HashMap;
use std::path::Path;

use anyhow::Context;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::convert::{Candidate, OwnerRef};
use super::error::ImportError;
use super::fields::ImportKind;
use super::plan::{RawRow, SourceRow};
use crate::domain::maturation::CarrierDraft;
use crate::domain::rights::RightsDraft;
use crate::domain::{
    AchievementData, AchievementId, ClientDraft, ClientId, ContactDraft, NeedData, NeedId,
};
use crate::store::{Store, StoreError};

const FORMAT: &str = "techbroker";
const VERSION: u32 = 1;

#[derive(Debug, Serialize, Deserialize)]
struct JsonFile {
    format: String,
    version: u32,
    kind: ImportKind,
    exported_at: DateTime<Utc>,
    records: Vec<JsonRecord>,
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
enum JsonRecord {
    Client {
        client: ClientDraft,
        contacts: Vec<ContactDraft>,
        /// A pilot base's or a proof-of-concept centre's profile; absent in files of
        /// TechBroker before carriers.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        carrier: Option<CarrierDraft>,
    },
    Achievement {
        owner: OwnerRef,
        achievement: AchievementData,
        /// A service achievement's rights and income shares; absent in older files.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        rights: Option<RightsDraft>,
    },
    Need {
        enterprise: OwnerRef,
        need: NeedData,
    },
}

impl From<JsonRecord> for Candidate {
    fn from(r: JsonRecord) -> Self {
        match r {
            JsonRecord::Client {
                client,
                contacts,
                carrier,
            } => Candidate::Client {
                draft: client,
                contacts,
                carrier,
            },
            JsonRecord::Achievement {
                owner,
                achievement,
                rights,
            } => Candidate::Achievement {
                data: achievement,
                owner,
                rights,
            },
            JsonRecord::Need { enterprise, need } => Candidate::Need {
                data: need,
                enterprise,
            },
        }
    }
}

/// The records of a TechBroker JSON export of `kind`, numbered from 1.
pub fn read_json(path: &Path, kind: ImportKind) -> Result<Vec<SourceRow>, ImportError> {
    let bytes =
        std::fs::read(path).map_err(|e| ImportError::Json(format!("{}: {e}", path.display())))?;
    let text = std::str::from_utf8(&bytes)
        .map_err(|_| ImportError::Json("not UTF-8".into()))?
        .trim_start_matches('\u{feff}');
    let file: JsonFile =
        serde_json::from_str(text).map_err(|e| ImportError::Json(e.to_string()))?;
    if file.format != FORMAT || file.version > VERSION {
        return Err(ImportError::Json(format!(
            "format {} version {}",
            file.format, file.version
        )));
    }
    // A carriers export is a clients file whose records have carrier profiles.
    let readable =
        file.kind == kind || (kind == ImportKind::Carriers && file.kind == ImportKind::Clients);
    if !readable {
        return Err(ImportError::Json(format!("holds {}", file.kind.code())));
    }
    let rows = file
        .records
        .into_iter()
        .enumerate()
        .map(|(i, r)| SourceRow {
            number: i + 1,
            raw: RawRow::Record(Box::new(r.into())),
            issues: Vec::new(),
        })
        .collect();
    Ok(rows)
}

/// The records a JSON export holds, in order: one kind per file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum JsonIds {
    Clients(Vec<ClientId>),
    Achievements(Vec<AchievementId>),
    Needs(Vec<NeedId>),
}

impl JsonIds {
    fn kind(&self) -> ImportKind {
        match self {
            JsonIds::Clients(_) => ImportKind::Clients,
            JsonIds::Achievements(_) => ImportKind::Achievements,
            JsonIds::Needs(_) => ImportKind::Needs,
        }
    }
}

/// Writes records `ids`, in that order, with everything stored about them.
pub fn write_json(store: &Store, ids: &JsonIds, path: &Path) -> anyhow::Result<usize> {
    let records = collect(store, ids).context("cannot read the records")?;
    let file = JsonFile {
        format: FORMAT.into(),
        version: VERSION,
        kind: ids.kind(),
        exported_at: Utc::now(),
        records,
    };
    crate::io::safe_file::write_file(path, |out| {
        let mut out = std::io::BufWriter::new(out);
        serde_json::to_writer_pretty(&mut out, &file)
            .with_context(|| format!("cannot write {}", path.display()))?;
        std::io::Write::flush(&mut out).with_context(|| format!("cannot write {}", path.display()))
    })?;
    Ok(file.records.len())
}

fn collect(store: &Store, ids: &JsonIds) -> Result<Vec<JsonRecord>, StoreError> {
    let mut owners: HashMap<ClientId, OwnerRef> = HashMap::new();
    let mut owner = |id: ClientId, name: &str| -> Result<OwnerRef, StoreError> {
        if let Some(o) = owners.get(&id) {
            return Ok(o.clone());
        }
        let o = OwnerRef {
            name: name.to_string(),
            kind: store.get_client(id)?.map(|c| c.kind),
        };
        owners.insert(id, o.clone());
        Ok(o)
    };
    let mut records = Vec::new();
    match ids {
        JsonIds::Clients(ids) => {
            for &id in ids {
                if let Some(c) = store.get_client(id)? {
                    let contacts = store.list_contacts(id)?;
                    records.push(JsonRecord::Client {
                        client: ClientDraft::from(&c),
                        contacts: contacts.iter().map(ContactDraft::from).collect(),
                        carrier: store.carrier(id)?.as_ref().map(CarrierDraft::from_carrier),
                    });
                }
            }
        }
        JsonIds::Achievements(ids) => {
            for &id in ids {
                if let Some(a) = store.get_achievement(id)? {
                    records.push(JsonRecord::Achievement {
                        owner: owner(a.data.owner, &a.owner_name)?,
                        achievement: a.data,
                        rights: store
                            .achievement_rights(id)?
                            .as_ref()
                            .map(RightsDraft::from),
                    });
                }
            }
        }
        JsonIds::Needs(ids) => {
            for &id in ids {
                if let Some(n) = store.get_need(id)? {
                    records.push(JsonRecord::Need {
                        enterprise: owner(n.data.enterprise, &n.enterprise_name)?,
                        need: n.data,
                    });
                }
            }
        }
    }
    Ok(records)
}
