//! SQLite conversions for the record ids of `domain::id`, so `params![id]` and
//! `row.get::<_, ClientId>(0)` take and give the typed id.

use rusqlite::types::{FromSql, FromSqlResult, ToSql, ToSqlOutput, ValueRef};

use crate::domain::id::{
    AchievementId, ClientId, ContactId, DealId, DocumentId, InstalmentId, InteractionId, NeedId,
    ProjectId, ReceiptId, SynonymId,
};

macro_rules! sql_ids {
    ($($name:ident),* $(,)?) => {$(
        impl ToSql for $name {
            fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
                self.0.to_sql()
            }
        }

        impl FromSql for $name {
            fn column_result(value: ValueRef<'_>) -> FromSqlResult<Self> {
                i64::column_result(value).map($name)
            }
        }
    )*};
}

sql_ids!(
    ClientId,
    ContactId,
    InteractionId,
    AchievementId,
    NeedId,
    DealId,
    SynonymId,
    InstalmentId,
    ReceiptId,
    ProjectId,
    DocumentId,
);

#[cfg(test)]
mod tests {
    use rusqlite::{Connection, params};

    use super::*;

    #[test]
    fn an_id_goes_into_sqlite_and_comes_back_typed() {
        let conn = Connection::open_in_memory().unwrap();
        conn.execute(
            "CREATE TABLE t (id INTEGER PRIMARY KEY, deal_id INTEGER)",
            [],
        )
        .unwrap();
        conn.execute(
            "INSERT INTO t (id, deal_id) VALUES (?1, ?2)",
            params![NeedId(7), DealId(42)],
        )
        .unwrap();
        let (need, deal): (NeedId, DealId) = conn
            .query_row(
                "SELECT id, deal_id FROM t WHERE id = ?1",
                [NeedId(7)],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .unwrap();
        assert_eq!((need, deal), (NeedId(7), DealId(42)));
        let none: Option<DealId> = conn.query_row("SELECT NULL", [], |r| r.get(0)).unwrap();
        assert_eq!(none, None);
    }
}
