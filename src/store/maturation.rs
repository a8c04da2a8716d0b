//! Carriers' profiles, maturation projects with their milestones, and what a finished project
//! did to its achievement's maturity.

use chrono::{DateTime, NaiveDate, Utc};
use rusqlite::{OptionalExtension, Row, Transaction, params};

use super::contacts::require_live_client;
use super::{Area, SaveError, Store, StoreError, now};
use crate::domain::agenda::AgendaMilestone;
use crate::domain::catalog::Stage;
use crate::domain::id::ProjectId;
use crate::domain::maturation::{
    Carrier, CarrierProfile, Milestone, Outcome, Project, ProjectDraft, ProjectField,
    maturity_after,
};
use crate::domain::{AchievementId, ClientId, Contact, Money, NeedId};

/// A project as listed, with the names it refers to.
#[derive(Debug, Clone, PartialEq)]
pub struct ProjectRow {
    pub id: ProjectId,
    pub project: Project,
    pub achievement_title: String,
    pub carrier_name: String,
    pub enterprise_name: Option<String>,
}

/// What ending a project changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Ended {
    /// The achievement's new TRL and stage, when the project moved them up.
    pub maturity: Option<(u8, Stage)>,
    /// The need waiting for the result, offered the match again when the project succeeded.
    pub waiting_need: Option<NeedId>,
}

/// A maturity change of an achievement, from a project or by hand.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MaturityChange {
    pub before: (u8, Stage),
    pub after: (u8, Stage),
    pub project: Option<ProjectId>,
    pub at: DateTime<Utc>,
}

const CARRIER_COLUMNS: &str = "c.id, c.name, c.province, c.city, c.district, k.kind, k.fields,
    k.capabilities, k.equipment, k.capacity, k.typical_cost_fen";

fn carrier_from(r: &Row<'_>) -> rusqlite::Result<Carrier> {
    let province: String = r.get(2)?;
    let city: String = r.get(3)?;
    let district: String = r.get(4)?;
    let fields: String = r.get(6)?;
    Ok(Carrier {
        organisation: r.get(0)?,
        name: r.get(1)?,
        region: crate::domain::client::join_region(&province, &city, &district),
        kind: r.get(5)?,
        fields: fields
            .split('、')
            .filter(|f| !f.is_empty())
            .map(str::to_string)
            .collect(),
        capabilities: r.get(7)?,
        equipment: r.get(8)?,
        capacity: r.get(9)?,
        typical_cost: r.get::<_, Option<i64>>(10)?.map(Money),
    })
}

/// Gives a live organisation its carrier profile, or replaces it, inside `tx`.
pub(super) fn upsert_carrier(
    tx: &Transaction<'_>,
    organisation: ClientId,
    profile: &CarrierProfile,
    at: DateTime<Utc>,
) -> Result<(), StoreError> {
    tx.execute(
        "INSERT INTO carriers (client_id, kind, fields, capabilities, equipment, capacity,
            typical_cost_fen, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
         ON CONFLICT (client_id) DO UPDATE SET kind = ?2, fields = ?3,
            capabilities = ?4, equipment = ?5, capacity = ?6, typical_cost_fen = ?7,
            updated_at = ?8",
        params![
            organisation,
            profile.kind,
            profile.fields.join("、"),
            profile.capabilities,
            profile.equipment,
            profile.capacity,
            profile.typical_cost.map(Money::fen),
            at
        ],
    )?;
    Ok(())
}

/// The carrier profile of a live organisation, if it has one.
pub(super) fn carrier_in(
    conn: &rusqlite::Connection,
    organisation: ClientId,
) -> Result<Option<Carrier>, StoreError> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {CARRIER_COLUMNS} FROM carriers k JOIN clients c ON c.id = k.client_id
         WHERE k.client_id = ?1 AND c.deleted_at IS NULL"
    ))?;
    Ok(stmt.query_row([organisation], carrier_from).optional()?)
}

impl Store {
    /// Gives an organisation its carrier profile, or replaces it.
    pub fn save_carrier(
        &mut self,
        organisation: ClientId,
        profile: &CarrierProfile,
    ) -> Result<(), StoreError> {
        self.write(Area::Clients, |tx| {
            require_live_client(tx, organisation)?;
            upsert_carrier(tx, organisation, profile, now())
        })
    }

    /// The carrier profile of an organisation, if it has one.
    pub fn carrier(&self, organisation: ClientId) -> Result<Option<Carrier>, StoreError> {
        carrier_in(&self.conn, organisation)
    }

    /// Every live carrier, by name.
    pub fn carriers(&self) -> Result<Vec<Carrier>, StoreError> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {CARRIER_COLUMNS} FROM carriers k JOIN clients c ON c.id = k.client_id
             WHERE c.deleted_at IS NULL ORDER BY c.name"
        ))?;
        let rows = stmt.query_map([], carrier_from)?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Every live carrier, by name, with its first contact: the carriers export.
    pub fn carriers_with_contacts(&self) -> Result<Vec<(Carrier, Option<Contact>)>, StoreError> {
        self.carriers()?
            .into_iter()
            .map(|c| {
                let first = self.list_contacts(c.organisation)?.into_iter().next();
                Ok((c, first))
            })
            .collect()
    }

    /// Starts a project from a checked draft; the carrier must have a carrier profile.
    pub fn create_project(
        &mut self,
        draft: &ProjectDraft,
    ) -> Result<ProjectId, SaveError<ProjectField>> {
        let p = draft.validate().map_err(SaveError::Invalid)?;
        Ok(self.write(Area::Catalog, |tx| {
            require_carrier(tx, p.carrier)?;
            let t = now();
            tx.execute(
                "INSERT INTO maturation_projects (kind, title, achievement_id, carrier_id,
                    enterprise_id, need_id, start_on, planned_end, cost_fen, payer, created_at,
                    updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?11)",
                params![
                    p.kind,
                    p.title,
                    p.achievement,
                    p.carrier,
                    p.enterprise,
                    p.need,
                    p.start,
                    p.planned_end,
                    p.cost.map(Money::fen),
                    p.payer,
                    t
                ],
            )?;
            let id = ProjectId(tx.last_insert_rowid());
            write_milestones(tx, id, &p.milestones)?;
            Ok(id)
        })?)
    }

    /// Replaces a running project's terms and milestones.
    pub fn update_project(
        &mut self,
        id: ProjectId,
        draft: &ProjectDraft,
    ) -> Result<(), SaveError<ProjectField>> {
        let p = draft.validate().map_err(SaveError::Invalid)?;
        self.write(Area::Catalog, |tx| {
            require_carrier(tx, p.carrier)?;
            let n = tx.execute(
                "UPDATE maturation_projects SET kind = ?2, title = ?3, achievement_id = ?4,
                    carrier_id = ?5, enterprise_id = ?6, need_id = ?7, start_on = ?8,
                    planned_end = ?9, cost_fen = ?10, payer = ?11, updated_at = ?12
                 WHERE id = ?1 AND deleted_at IS NULL",
                params![
                    id,
                    p.kind,
                    p.title,
                    p.achievement,
                    p.carrier,
                    p.enterprise,
                    p.need,
                    p.start,
                    p.planned_end,
                    p.cost.map(Money::fen),
                    p.payer,
                    now()
                ],
            )?;
            if n == 0 {
                return Err(StoreError::NotFound);
            }
            tx.execute("DELETE FROM project_milestones WHERE project_id = ?1", [id])?;
            write_milestones(tx, id, &p.milestones)
        })?;
        Ok(())
    }

    /// Ends a project with `outcome` on `on`. One that went to production moves its
    /// achievement's TRL and stage up to what it proved (recorded in the maturity history),
    /// all in one transaction.
    pub fn end_project(
        &mut self,
        id: ProjectId,
        outcome: Outcome,
        on: NaiveDate,
    ) -> Result<Ended, StoreError> {
        self.write(Area::Catalog, |tx| {
            let (kind, achievement, need, ended): (
                _,
                AchievementId,
                Option<NeedId>,
                Option<Outcome>,
            ) = tx
                .query_row(
                    "SELECT kind, achievement_id, need_id, outcome FROM maturation_projects
                     WHERE id = ?1 AND deleted_at IS NULL",
                    [id],
                    |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
                )
                .optional()?
                .ok_or(StoreError::NotFound)?;
            if ended.is_some() {
                return Ok(Ended {
                    maturity: None,
                    waiting_need: None,
                });
            }
            let t = now();
            tx.execute(
                "UPDATE maturation_projects SET outcome = ?2, ended_on = ?3, updated_at = ?4
                 WHERE id = ?1",
                params![id, outcome, on, t],
            )?;
            let (trl, stage): (u8, Stage) = tx.query_row(
                "SELECT trl, stage FROM achievements WHERE id = ?1",
                [achievement],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )?;
            let maturity = maturity_after(kind, outcome, trl, stage);
            if let Some((new_trl, new_stage)) = maturity {
                tx.execute(
                    "UPDATE achievements SET trl = ?2, stage = ?3, updated_at = ?4 WHERE id = ?1",
                    params![achievement, new_trl, new_stage, t],
                )?;
                tx.execute(
                    "INSERT INTO maturity_history (achievement_id, trl_before, stage_before, trl,
                        stage, project_id, changed_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                    params![achievement, trl, stage, new_trl, new_stage, id, t],
                )?;
            }
            Ok(Ended {
                maturity,
                waiting_need: if outcome == Outcome::ToProduction {
                    need
                } else {
                    None
                },
            })
        })
    }

    pub fn project(&self, id: ProjectId) -> Result<Option<ProjectRow>, StoreError> {
        Ok(self.project_rows("p.id = ?1", [id])?.into_iter().next())
    }

    /// Every live project, running ones first, then by planned end.
    pub fn projects(&self) -> Result<Vec<ProjectRow>, StoreError> {
        self.project_rows("1 = 1", [])
    }

    /// The projects of an achievement.
    pub fn projects_of(&self, achievement: AchievementId) -> Result<Vec<ProjectRow>, StoreError> {
        self.project_rows("p.achievement_id = ?1", [achievement])
    }

    fn project_rows<P: rusqlite::Params>(
        &self,
        condition: &str,
        params: P,
    ) -> Result<Vec<ProjectRow>, StoreError> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT p.id, p.kind, p.title, p.achievement_id, p.carrier_id, p.enterprise_id,
                p.need_id, p.start_on, p.planned_end, p.cost_fen, p.payer, p.outcome, p.ended_on,
                a.title, c.name, e.name
             FROM maturation_projects p
             JOIN achievements a ON a.id = p.achievement_id
             JOIN clients c ON c.id = p.carrier_id
             LEFT JOIN clients e ON e.id = p.enterprise_id
             WHERE p.deleted_at IS NULL AND {condition}
             ORDER BY p.outcome IS NOT NULL, p.planned_end, p.id"
        ))?;
        let mut rows: Vec<ProjectRow> = stmt
            .query_map(params, |r| {
                Ok(ProjectRow {
                    id: r.get(0)?,
                    project: Project {
                        kind: r.get(1)?,
                        title: r.get(2)?,
                        achievement: r.get(3)?,
                        carrier: r.get(4)?,
                        enterprise: r.get(5)?,
                        need: r.get(6)?,
                        start: r.get(7)?,
                        planned_end: r.get(8)?,
                        cost: r.get::<_, Option<i64>>(9)?.map(Money),
                        payer: r.get(10)?,
                        milestones: Vec::new(),
                        outcome: r.get(11)?,
                        ended_on: r.get(12)?,
                    },
                    achievement_title: r.get(13)?,
                    carrier_name: r.get(14)?,
                    enterprise_name: r.get(15)?,
                })
            })?
            .collect::<Result<_, _>>()?;
        // One query for every project's milestones, not one per project.
        let position: rustc_hash::FxHashMap<ProjectId, usize> =
            rows.iter().enumerate().map(|(i, r)| (r.id, i)).collect();
        let mut stmt = self.conn.prepare_cached(
            "SELECT project_id, title, due, done FROM project_milestones
             ORDER BY project_id, position",
        )?;
        let milestones = stmt.query_map([], |r| {
            Ok((
                r.get::<_, ProjectId>(0)?,
                Milestone {
                    title: r.get(1)?,
                    due: r.get(2)?,
                    done: r.get(3)?,
                },
            ))
        })?;
        for m in milestones {
            let (project, milestone) = m?;
            if let Some(&i) = position.get(&project) {
                rows[i].project.milestones.push(milestone);
            }
        }
        Ok(rows)
    }

    /// An achievement's maturity changes, oldest first.
    pub fn maturity_history(
        &self,
        achievement: AchievementId,
    ) -> Result<Vec<MaturityChange>, StoreError> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT trl_before, stage_before, trl, stage, project_id, changed_at
             FROM maturity_history WHERE achievement_id = ?1 ORDER BY id",
        )?;
        let rows = stmt.query_map([achievement], |r| {
            Ok(MaturityChange {
                before: (r.get(0)?, r.get(1)?),
                after: (r.get(2)?, r.get(3)?),
                project: r.get(4)?,
                at: r.get(5)?,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }
}

fn require_carrier(tx: &Transaction<'_>, organisation: ClientId) -> Result<(), StoreError> {
    require_live_client(tx, organisation)?;
    let known: bool = tx.query_row(
        "SELECT EXISTS (SELECT 1 FROM carriers WHERE client_id = ?1)",
        [organisation],
        |r| r.get(0),
    )?;
    if known {
        Ok(())
    } else {
        Err(StoreError::NotFound)
    }
}

fn write_milestones(
    tx: &Transaction<'_>,
    project: ProjectId,
    milestones: &[Milestone],
) -> Result<(), StoreError> {
    let mut insert = tx.prepare_cached(
        "INSERT INTO project_milestones (project_id, position, title, due, done)
         VALUES (?1, ?2, ?3, ?4, ?5)",
    )?;
    for (i, m) in milestones.iter().enumerate() {
        insert.execute(params![project, i as i64, m.title, m.due, m.done])?;
    }
    Ok(())
}

impl Store {
    /// The milestones not yet done of the running projects, for the agenda.
    pub fn agenda_milestones(&self) -> Result<Vec<AgendaMilestone>, StoreError> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT p.id, p.title, m.title, m.due FROM project_milestones m
             JOIN maturation_projects p ON p.id = m.project_id
             WHERE m.done = 0 AND p.outcome IS NULL AND p.deleted_at IS NULL
             ORDER BY m.due, m.id",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok(AgendaMilestone {
                project: r.get(0)?,
                project_title: r.get(1)?,
                milestone: r.get(2)?,
                due: r.get(3)?,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }
}
