use chrono::NaiveDate;
use rusqlite::{OptionalExtension, ToSql, params};

use super::contacts::require_live_client;
use super::{Area, SaveError, Store, StoreError, now};
use crate::domain::follow_up::FollowUpDraft;
use crate::domain::{
    ClientId, DealId, FollowUp, Interaction, InteractionDraft, InteractionField, InteractionId,
};

impl Store {
    /// A client's timeline, newest first.
    pub fn list_interactions(&self, client: ClientId) -> Result<Vec<Interaction>, StoreError> {
        self.interactions_where("client_id", client)
    }

    /// The live interactions whose `column` (a fixed column name) is `id`, newest first.
    fn interactions_where(
        &self,
        column: &str,
        id: impl ToSql,
    ) -> Result<Vec<Interaction>, StoreError> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT id, client_id, date, kind, summary, next_step, next_due, done_at
             FROM interactions WHERE {column} = ?1 AND deleted_at IS NULL
             ORDER BY date DESC, id DESC"
        ))?;
        let rows = stmt.query_map([id], |r| {
            Ok(Interaction {
                id: r.get(0)?,
                client_id: r.get(1)?,
                date: r.get(2)?,
                kind: r.get(3)?,
                summary: r.get(4)?,
                next_step: r.get(5)?,
                next_due: r.get(6)?,
                done_at: r.get(7)?,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    pub fn add_interaction(
        &mut self,
        client: ClientId,
        draft: &InteractionDraft,
    ) -> Result<InteractionId, SaveError<InteractionField>> {
        let d = draft.validate().map_err(SaveError::Invalid)?;
        Ok(self.write(Area::Clients, |tx| {
            require_live_client(tx, client)?;
            tx.execute(
                "INSERT INTO interactions (client_id, date, kind, summary, next_step, next_due,
                    created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7)",
                params![
                    client,
                    d.date,
                    d.kind,
                    d.summary,
                    d.next_step,
                    d.next_due,
                    now()
                ],
            )?;
            Ok(InteractionId(tx.last_insert_rowid()))
        })?)
    }

    /// Logs an interaction on a deal: it is kept with the deal's buyer (so its next step shows
    /// in Follow-ups and the agenda) and tagged with the deal.
    pub fn add_deal_interaction(
        &mut self,
        deal: DealId,
        draft: &InteractionDraft,
    ) -> Result<InteractionId, SaveError<InteractionField>> {
        let d = draft.validate().map_err(SaveError::Invalid)?;
        Ok(self.write(Area::Clients, |tx| {
            let buyer: ClientId = tx
                .query_row(
                    "SELECT buyer_id FROM deals WHERE id = ?1 AND deleted_at IS NULL",
                    [deal],
                    |r| r.get(0),
                )
                .optional()?
                .ok_or(StoreError::NotFound)?;
            tx.execute(
                "INSERT INTO interactions (client_id, deal_id, date, kind, summary, next_step,
                    next_due, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?8)",
                params![
                    buyer,
                    deal,
                    d.date,
                    d.kind,
                    d.summary,
                    d.next_step,
                    d.next_due,
                    now()
                ],
            )?;
            Ok(InteractionId(tx.last_insert_rowid()))
        })?)
    }

    /// The interactions logged on a deal, newest first.
    pub fn list_deal_interactions(&self, deal: DealId) -> Result<Vec<Interaction>, StoreError> {
        self.interactions_where("deal_id", deal)
    }

    /// Open next steps due on or before `today` at live clients, oldest due first.
    pub fn follow_ups_due(&self, today: NaiveDate) -> Result<Vec<FollowUp>, StoreError> {
        self.follow_ups_until(Some(today))
    }

    /// Every open next step at live clients, whenever it is due, oldest due first.
    pub fn follow_ups_open(&self) -> Result<Vec<FollowUp>, StoreError> {
        self.follow_ups_until(None)
    }

    fn follow_ups_until(&self, until: Option<NaiveDate>) -> Result<Vec<FollowUp>, StoreError> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT i.id, i.client_id, c.name, i.kind, i.date, i.summary, i.next_step, i.next_due
             FROM interactions i JOIN clients c ON c.id = i.client_id
             WHERE i.done_at IS NULL AND i.next_step <> '' AND i.next_due IS NOT NULL
               AND (?1 IS NULL OR i.next_due <= ?1)
               AND i.deleted_at IS NULL AND c.deleted_at IS NULL
             ORDER BY i.next_due, i.id",
        )?;
        let rows = stmt.query_map([until], |r| {
            Ok(FollowUp {
                interaction_id: r.get(0)?,
                client_id: r.get(1)?,
                client_name: r.get(2)?,
                kind: r.get(3)?,
                date: r.get(4)?,
                summary: r.get(5)?,
                next_step: r.get(6)?,
                due: r.get(7)?,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Changes an open next step's text and due date, checked against the day it was logged.
    pub fn edit_follow_up(
        &mut self,
        id: InteractionId,
        draft: &FollowUpDraft,
    ) -> Result<(), SaveError<InteractionField>> {
        self.rewrite_follow_up(id, |_| draft.clone())
    }

    /// Gives an open next step another due date, its text kept.
    pub fn move_follow_up(
        &mut self,
        id: InteractionId,
        due: NaiveDate,
    ) -> Result<(), SaveError<InteractionField>> {
        self.rewrite_follow_up(id, |next_step| FollowUpDraft { next_step, due })
    }

    /// Writes the draft `make` builds from the step's current text, if it passes its checks.
    fn rewrite_follow_up(
        &mut self,
        id: InteractionId,
        make: impl FnOnce(String) -> FollowUpDraft,
    ) -> Result<(), SaveError<InteractionField>> {
        let saved = self.write(Area::Clients, |tx| {
            let (logged, next_step): (NaiveDate, String) = tx
                .query_row(
                    "SELECT date, next_step FROM interactions
                     WHERE id = ?1 AND next_step <> '' AND done_at IS NULL AND deleted_at IS NULL",
                    [id],
                    |r| Ok((r.get(0)?, r.get(1)?)),
                )
                .optional()?
                .ok_or(StoreError::NotFound)?;
            let d = match make(next_step).validate(logged) {
                Ok(d) => d,
                Err(errors) => return Ok(Err(errors)),
            };
            tx.execute(
                "UPDATE interactions SET next_step = ?2, next_due = ?3, updated_at = ?4
                 WHERE id = ?1",
                params![id, d.next_step, d.due, now()],
            )?;
            Ok(Ok(()))
        })?;
        saved.map_err(SaveError::Invalid)
    }

    /// Moves an interaction (with its next step) to the trash.
    pub fn delete_interaction(&mut self, id: InteractionId) -> Result<(), StoreError> {
        self.write(Area::Clients, |tx| {
            match tx.execute(
                "UPDATE interactions SET deleted_at = ?2 WHERE id = ?1 AND deleted_at IS NULL",
                params![id, now()],
            )? {
                0 => Err(StoreError::NotFound),
                _ => Ok(()),
            }
        })
    }

    /// Brings an interaction back from the trash, unless its client is in the trash itself.
    pub fn restore_interaction(&mut self, id: InteractionId) -> Result<(), StoreError> {
        self.write(Area::Clients, |tx| {
            match tx.execute(
                "UPDATE interactions SET deleted_at = NULL
                 WHERE id = ?1 AND deleted_at IS NOT NULL
                   AND client_id IN (SELECT id FROM clients WHERE deleted_at IS NULL)",
                [id],
            )? {
                0 => Err(StoreError::NotFound),
                _ => Ok(()),
            }
        })
    }

    /// Marks a next step as done, so it leaves the follow-ups.
    pub fn complete_follow_up(&mut self, id: InteractionId) -> Result<(), StoreError> {
        self.write(Area::Clients, |tx| {
            let n = tx.execute(
                "UPDATE interactions SET done_at = ?2, updated_at = ?2
                 WHERE id = ?1 AND done_at IS NULL AND deleted_at IS NULL",
                params![id, now()],
            )?;
            if n == 0 {
                return Err(StoreError::NotFound);
            }
            Ok(())
        })
    }
}
