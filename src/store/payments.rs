//! Corrections to the payments received on a deal.

use rusqlite::params;

use super::{Area, Store, StoreError};
use crate::domain::ReceiptId;
use crate::domain::payments::Receipt;

impl Store {
    /// Corrects a live receipt's date, amount and note, in one transaction.
    pub fn update_receipt(&mut self, id: ReceiptId, receipt: &Receipt) -> Result<(), StoreError> {
        self.write(Area::Catalog, |tx| {
            match tx.execute(
                "UPDATE receipts SET received_on = ?2, amount_fen = ?3, note = ?4
                 WHERE id = ?1 AND deleted_at IS NULL",
                params![id, receipt.date, receipt.amount.fen(), receipt.note.trim()],
            )? {
                0 => Err(StoreError::NotFound),
                _ => Ok(()),
            }
        })
    }
}
