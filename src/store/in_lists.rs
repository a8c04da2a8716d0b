//! CHECK constraints without `IN (…)` lists. SQLite checks `stage IN ('lab', 'pilot', …)` by
//! building a scratch b-tree of the list on every run of a statement, so every row an import
//! writes built two to four of them: half its instructions (callgrind, 10,000 achievements).
//! The same constraint as `(stage = 'lab' OR stage = 'pilot' …)` is a few comparisons.
//!
//! The tables' stored definitions are rewritten in place, the way SQLite documents for changing
//! a CHECK constraint (lang_altertable.html, "other kinds of table schema changes"): the new
//! expression accepts exactly the values the old one did, so every stored row still satisfies it.

use rusqlite::Transaction;
use rusqlite_migration::HookResult;

/// The migration's hook: every table definition with an `IN` list, written with `OR`s.
pub(super) fn rewrite_tables(tx: &Transaction<'_>) -> HookResult {
    let tables: Vec<(String, String)> = {
        let mut stmt = tx.prepare(
            "SELECT name, sql FROM sqlite_schema WHERE type = 'table' AND sql LIKE '% IN (%'",
        )?;
        stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<Result<_, _>>()?
    };
    let changed: Vec<(String, String)> = tables
        .into_iter()
        .filter_map(|(name, sql)| {
            let new = without_in_lists(&sql);
            (new != sql).then_some((name, new))
        })
        .collect();
    if changed.is_empty() {
        return Ok(());
    }
    let version: i64 = tx.pragma_query_value(None, "schema_version", |r| r.get(0))?;
    tx.pragma_update(None, "writable_schema", "ON")?;
    for (name, sql) in &changed {
        tx.execute(
            "UPDATE sqlite_schema SET sql = ?2 WHERE type = 'table' AND name = ?1",
            [name, sql],
        )?;
    }
    // Other connections see a new schema version and read the definitions again.
    tx.pragma_update(None, "schema_version", version + 1)?;
    tx.pragma_update(None, "writable_schema", "OFF")?;
    Ok(())
}

/// `sql` with every `column IN (literal, …)` written as `(column = literal OR …)`. Anything else
/// (a `NOT IN`, a list that is not all plain literals) is left as written.
pub(super) fn without_in_lists(sql: &str) -> String {
    let mut out = String::with_capacity(sql.len() + 256);
    let mut rest = sql;
    while let Some(at) = rest.find(" IN (") {
        let (before, after) = rest.split_at(at);
        let list_start = at + " IN (".len();
        let rewritten = column_before(before)
            .zip(literal_list(&rest[list_start..]))
            .map(|(column, (items, len))| {
                let head = &before[..before.len() - column.len()];
                let alternatives: Vec<String> =
                    items.iter().map(|v| format!("{column} = {v}")).collect();
                (head, format!("({})", alternatives.join(" OR ")), len)
            });
        match rewritten {
            Some((head, expr, len)) => {
                out.push_str(head);
                out.push_str(&expr);
                rest = &rest[list_start + len + 1..];
            }
            None => {
                out.push_str(before);
                out.push_str(" IN (");
                rest = &after[" IN (".len()..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// The column name `before` ends with, unless it is a `NOT` (of `NOT IN`).
fn column_before(before: &str) -> Option<&str> {
    let start = before
        .rfind(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
        .map_or(0, |i| i + 1);
    let column = &before[start..];
    let is_name = column
        .chars()
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic() || c == '_');
    (is_name && !column.eq_ignore_ascii_case("not")).then_some(column)
}

/// The literals of a list that starts `text`, up to its `)`, and the length read before it.
fn literal_list(text: &str) -> Option<(Vec<&str>, usize)> {
    let end = text.find(')')?;
    let items: Vec<&str> = text[..end].split(',').map(str::trim).collect();
    let literal = |v: &&str| {
        let quoted = v.len() >= 2
            && v.starts_with('\'')
            && v.ends_with('\'')
            && !v[1..v.len() - 1].contains('\'');
        let number = !v.is_empty() && v.chars().all(|c| c.is_ascii_digit());
        quoted || number
    };
    items.iter().all(literal).then_some((items, end))
}

#[cfg(test)]
mod tests {
    use super::without_in_lists;
    use crate::store::schema::{latest_version, migrations};
    use rusqlite::Connection;

    fn tables_with_lists(conn: &Connection) -> Vec<String> {
        let mut stmt = conn
            .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND sql LIKE '% IN (%'")
            .unwrap();
        stmt.query_map([], |r| r.get(0))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap()
    }

    fn insert_achievement(conn: &Connection, stage: &str) -> rusqlite::Result<usize> {
        conn.execute(
            "INSERT INTO achievements (title, owner_id, field, trl, stage, status, created_at,
                updated_at) VALUES ('电池', 1, 'energy', 4, ?1, 'available', 't', 't')",
            [stage],
        )
    }

    #[test]
    fn a_version_15_file_migrates_once_keeping_its_rows_and_its_checks() {
        let mut conn = Connection::open_in_memory().unwrap();
        let m = migrations();
        m.to_version(&mut conn, 15).unwrap();
        assert!(tables_with_lists(&conn).len() > 10);
        conn.execute_batch(
            "INSERT INTO clients (name, kind, created_at, updated_at)
                VALUES ('某大学', 'university', 't', 't');",
        )
        .unwrap();
        insert_achievement(&conn, "pilot").unwrap();
        m.to_latest(&mut conn).unwrap();
        m.to_latest(&mut conn).unwrap();
        let version: i64 = conn
            .pragma_query_value(None, "user_version", |r| r.get(0))
            .unwrap();
        assert_eq!(version, latest_version());
        assert_eq!(tables_with_lists(&conn), Vec::<String>::new());
        let check: String = conn
            .pragma_query_value(None, "integrity_check", |r| r.get(0))
            .unwrap();
        assert_eq!(check, "ok");
        let stage: String = conn
            .query_row("SELECT stage FROM achievements", [], |r| r.get(0))
            .unwrap();
        assert_eq!(stage, "pilot");
        insert_achievement(&conn, "industrial").unwrap();
        let refused = insert_achievement(&conn, "mass_production").unwrap_err();
        assert!(refused.to_string().contains("CHECK"), "{refused}");
        let bad_kind = conn.execute(
            "INSERT INTO clients (name, kind, created_at, updated_at)
                VALUES ('某公司', 'company', 't', 't')",
            [],
        );
        assert!(bad_kind.is_err());
    }

    #[test]
    fn a_second_connection_sees_the_rewritten_definitions() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("two.sqlite");
        let mut first = Connection::open(&path).unwrap();
        migrations().to_version(&mut first, 15).unwrap();
        let second = Connection::open(&path).unwrap();
        assert!(!tables_with_lists(&second).is_empty());
        migrations().to_latest(&mut first).unwrap();
        assert_eq!(tables_with_lists(&second), Vec::<String>::new());
        let check: String = second
            .pragma_query_value(None, "integrity_check", |r| r.get(0))
            .unwrap();
        assert_eq!(check, "ok");
    }

    #[test]
    fn lists_become_alternatives_and_the_rest_is_kept() {
        assert_eq!(
            without_in_lists("stage TEXT NOT NULL CHECK (stage IN ('lab', 'pilot')),"),
            "stage TEXT NOT NULL CHECK ((stage = 'lab' OR stage = 'pilot')),"
        );
        assert_eq!(
            without_in_lists("CHECK (reason IS NULL OR reason IN ('a', 'b', 'c'))"),
            "CHECK (reason IS NULL OR (reason = 'a' OR reason = 'b' OR reason = 'c'))"
        );
        assert_eq!(
            without_in_lists("x INTEGER CHECK (x IN (0, 1))"),
            "x INTEGER CHECK ((x = 0 OR x = 1))"
        );
        for kept in [
            "WHERE stage NOT IN ('lost', 'won')",
            "CHECK (kind IN (SELECT kind FROM kinds))",
            "CHECK (name IN ('it''s', 'b'))",
            "no list here",
        ] {
            assert_eq!(without_in_lists(kept), kept);
        }
    }
}
