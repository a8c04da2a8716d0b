//! An INSERT that binds its text where it lies. rusqlite has SQLite copy every text it binds
//! (`SQLITE_TRANSIENT`): for the 100,000 rows of an import, an allocation, a copy and a free
//! for each of a row's texts, and the binding was 14% of the writing thread's instructions.
//! Bound with `SQLITE_STATIC`, SQLite reads the text in place while the row is built; the
//! bindings are cleared before [`BorrowedInsert::insert`] returns, while the text is still
//! borrowed, so SQLite never holds a pointer past it.

use std::ffi::{CStr, c_int};
use std::marker::PhantomData;
use std::ptr::NonNull;

use rusqlite::{Connection, ffi};

/// A value bound to a parameter.
#[derive(Debug, Clone, Copy)]
pub(super) enum Bound<'a> {
    Text(&'a str),
    Int(i64),
    Null,
}

impl<'a> From<&'a str> for Bound<'a> {
    fn from(text: &'a str) -> Self {
        Bound::Text(text)
    }
}

impl From<i64> for Bound<'_> {
    fn from(n: i64) -> Self {
        Bound::Int(n)
    }
}

impl<'a, T: Into<Bound<'a>>> From<Option<T>> for Bound<'a> {
    fn from(value: Option<T>) -> Self {
        value.map_or(Bound::Null, Into::into)
    }
}

/// One prepared INSERT on a connection, finalized when dropped.
pub(super) struct BorrowedInsert<'c> {
    stmt: NonNull<ffi::sqlite3_stmt>,
    db: *mut ffi::sqlite3,
    _conn: PhantomData<&'c Connection>,
}

impl<'c> BorrowedInsert<'c> {
    pub(super) fn prepare(conn: &'c Connection, sql: &str) -> rusqlite::Result<Self> {
        // SAFETY: the handle is the open connection's, which outlives the statement
        // (`'c`); the SQL is passed with its length, so it needs no terminating NUL.
        unsafe {
            let db = conn.handle();
            let mut stmt = std::ptr::null_mut();
            let len = c_int::try_from(sql.len()).map_err(|_| rusqlite::Error::InvalidQuery)?;
            let rc = ffi::sqlite3_prepare_v3(
                db,
                sql.as_ptr().cast(),
                len,
                ffi::SQLITE_PREPARE_PERSISTENT,
                &mut stmt,
                std::ptr::null_mut(),
            );
            check(db, rc)?;
            let stmt = NonNull::new(stmt).ok_or(rusqlite::Error::InvalidQuery)?;
            Ok(BorrowedInsert {
                stmt,
                db,
                _conn: PhantomData,
            })
        }
    }

    /// Runs the INSERT with `values` for its parameters ?1, ?2, ... and gives the new row's id.
    pub(super) fn insert(&mut self, values: &[Bound<'_>]) -> rusqlite::Result<i64> {
        let stmt = self.stmt.as_ptr();
        // SAFETY: the statement is live until dropped. Every text bound stays borrowed until
        // the bindings are cleared below, and SQLite reads it only during the step.
        unsafe {
            let bound = self
                .bind(values)
                .and_then(|()| match ffi::sqlite3_step(stmt) {
                    ffi::SQLITE_DONE => Ok(()),
                    ffi::SQLITE_ROW => Err(rusqlite::Error::ExecuteReturnedResults),
                    rc => check(self.db, rc),
                });
            // A failed step's error is in its reset too; the step's is the one kept.
            ffi::sqlite3_reset(stmt);
            ffi::sqlite3_clear_bindings(stmt);
            bound?;
            Ok(ffi::sqlite3_last_insert_rowid(self.db))
        }
    }

    /// # Safety
    /// The texts in `values` must stay valid until the bindings are cleared.
    unsafe fn bind(&self, values: &[Bound<'_>]) -> rusqlite::Result<()> {
        let stmt = self.stmt.as_ptr();
        // SAFETY: the statement is live; a parameter index outside it is refused by SQLite.
        unsafe {
            let expected = ffi::sqlite3_bind_parameter_count(stmt);
            if usize::try_from(expected).ok() != Some(values.len()) {
                return Err(rusqlite::Error::InvalidParameterCount(
                    values.len(),
                    usize::try_from(expected).unwrap_or(0),
                ));
            }
            for (i, value) in values.iter().enumerate() {
                let at = c_int::try_from(i + 1).map_err(|_| rusqlite::Error::InvalidQuery)?;
                let rc = match *value {
                    Bound::Text(text) => ffi::sqlite3_bind_text64(
                        stmt,
                        at,
                        text.as_ptr().cast(),
                        text.len() as ffi::sqlite3_uint64,
                        ffi::SQLITE_STATIC(),
                        ffi::SQLITE_UTF8 as std::ffi::c_uchar,
                    ),
                    Bound::Int(n) => ffi::sqlite3_bind_int64(stmt, at, n),
                    Bound::Null => ffi::sqlite3_bind_null(stmt, at),
                };
                check(self.db, rc)?;
            }
            Ok(())
        }
    }
}

impl Drop for BorrowedInsert<'_> {
    fn drop(&mut self) {
        // SAFETY: the statement was prepared here and is finalized once.
        unsafe {
            ffi::sqlite3_finalize(self.stmt.as_ptr());
        }
    }
}

/// SQLite's result code as rusqlite's error, with the connection's message.
fn check(db: *mut ffi::sqlite3, rc: c_int) -> rusqlite::Result<()> {
    if rc == ffi::SQLITE_OK {
        return Ok(());
    }
    // SAFETY: the handle is a live connection's; its message is a NUL-terminated string it
    // owns, copied here before anything else runs on the connection.
    let message = unsafe {
        let text = ffi::sqlite3_errmsg(db);
        (!text.is_null()).then(|| CStr::from_ptr(text).to_string_lossy().into_owned())
    };
    Err(rusqlite::Error::SqliteFailure(ffi::Error::new(rc), message))
}

#[cfg(test)]
mod tests {
    use super::{BorrowedInsert, Bound};
    use rusqlite::{Connection, ErrorCode};

    fn table() -> Connection {
        let conn = Connection::open_in_memory().unwrap();
        conn.execute_batch(
            "CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT NOT NULL, n INTEGER,
                CHECK (n IS NULL OR n > 0))",
        )
        .unwrap();
        conn
    }

    #[test]
    fn rows_are_inserted_with_their_texts_numbers_and_nulls_and_their_ids() {
        let conn = table();
        let mut insert =
            BorrowedInsert::prepare(&conn, "INSERT INTO t (name, n) VALUES (?1, ?2)").unwrap();
        for (i, name) in ["锂电池回收", "", "BMS 热管理"].iter().enumerate() {
            // Each text is a fresh string, dropped once inserted: what is stored is a copy.
            let owned = name.to_string();
            let n = (i != 1).then_some(i as i64 + 1);
            let id = insert.insert(&[owned.as_str().into(), n.into()]).unwrap();
            assert_eq!(id, i as i64 + 1);
        }
        drop(insert);
        let rows: Vec<(String, Option<i64>)> = conn
            .prepare("SELECT name, n FROM t ORDER BY id")
            .unwrap()
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap();
        assert_eq!(
            rows,
            [
                ("锂电池回收".to_string(), Some(1)),
                (String::new(), None),
                ("BMS 热管理".to_string(), Some(3)),
            ]
        );
    }

    #[test]
    fn a_refused_row_is_an_error_with_sqlites_message_and_the_next_row_goes_in() {
        let conn = table();
        let mut insert =
            BorrowedInsert::prepare(&conn, "INSERT INTO t (name, n) VALUES (?1, ?2)").unwrap();
        let refused = insert.insert(&[Bound::Null, Bound::Int(1)]).unwrap_err();
        assert_eq!(
            refused.sqlite_error_code(),
            Some(ErrorCode::ConstraintViolation)
        );
        assert!(refused.to_string().contains("NOT NULL"), "{refused}");
        let refused = insert.insert(&["x".into(), Bound::Int(-1)]).unwrap_err();
        assert!(refused.to_string().contains("CHECK"), "{refused}");
        assert!(matches!(
            insert.insert(&["x".into()]),
            Err(rusqlite::Error::InvalidParameterCount(1, 2))
        ));
        assert_eq!(insert.insert(&["y".into(), Bound::Int(2)]).unwrap(), 1);
    }

    #[test]
    fn sql_sqlite_cannot_prepare_is_an_error() {
        let conn = table();
        let refused = BorrowedInsert::prepare(&conn, "INSERT INTO nowhere VALUES (?1)")
            .err()
            .unwrap();
        assert!(refused.to_string().contains("nowhere"), "{refused}");
    }
}
