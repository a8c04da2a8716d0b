//! The schema, one migration per version. A migration is never removed or edited once released:
//! a new version is a new entry at the end.

use rusqlite_migration::{M, Migrations};

/// Marks a file as a TechBroker database ("TBRK"), so a foreign SQLite file is never migrated.
pub const APPLICATION_ID: i32 = 0x5442_524B;

const V1: &str = "
PRAGMA application_id = 1413632587;

CREATE TABLE clients (
    id          INTEGER PRIMARY KEY,
    name        TEXT NOT NULL,
    kind        TEXT NOT NULL CHECK (kind IN ('enterprise', 'university', 'institute', 'other')),
    credit_code TEXT NOT NULL DEFAULT '',
    province    TEXT NOT NULL DEFAULT '',
    city        TEXT NOT NULL DEFAULT '',
    district    TEXT NOT NULL DEFAULT '',
    industry    TEXT NOT NULL DEFAULT '',
    size        TEXT NOT NULL DEFAULT '',
    address     TEXT NOT NULL DEFAULT '',
    website     TEXT NOT NULL DEFAULT '',
    notes       TEXT NOT NULL DEFAULT '',
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    deleted_at  TEXT
);
CREATE UNIQUE INDEX clients_live_name ON clients (name COLLATE NOCASE) WHERE deleted_at IS NULL;

CREATE TABLE contacts (
    id          INTEGER PRIMARY KEY,
    client_id   INTEGER NOT NULL REFERENCES clients (id),
    name        TEXT NOT NULL,
    title       TEXT NOT NULL DEFAULT '',
    phone       TEXT NOT NULL DEFAULT '',
    email       TEXT NOT NULL DEFAULT '',
    wechat      TEXT NOT NULL DEFAULT '',
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    deleted_at  TEXT
);
CREATE INDEX contacts_client ON contacts (client_id);

CREATE TABLE interactions (
    id          INTEGER PRIMARY KEY,
    client_id   INTEGER NOT NULL REFERENCES clients (id),
    date        TEXT NOT NULL,
    kind        TEXT NOT NULL CHECK (kind IN ('visit', 'call', 'meeting', 'email', 'wechat', 'event')),
    summary     TEXT NOT NULL,
    next_step   TEXT NOT NULL DEFAULT '',
    next_due    TEXT,
    done_at     TEXT,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    deleted_at  TEXT
);
CREATE INDEX interactions_client ON interactions (client_id);
CREATE INDEX interactions_open_due ON interactions (next_due) WHERE done_at IS NULL AND next_step <> '';
";

/// All versions, oldest first. `user_version` holds how many of them a database has.
pub fn migrations() -> Migrations<'static> {
    Migrations::new(vec![M::up(V1).comment("clients, contacts, interactions")])
}

/// The schema version this build writes.
pub fn latest_version() -> i64 {
    1
}

#[cfg(test)]
mod tests {
    #[test]
    fn migrations_are_valid_and_latest_matches() {
        let m = super::migrations();
        assert!(m.validate().is_ok());
        let mut conn = rusqlite::Connection::open_in_memory().unwrap();
        m.to_latest(&mut conn).unwrap();
        let v: i64 = conn
            .pragma_query_value(None, "user_version", |r| r.get(0))
            .unwrap();
        assert_eq!(v, super::latest_version());
        let id: i32 = conn
            .pragma_query_value(None, "application_id", |r| r.get(0))
            .unwrap();
        assert_eq!(id, super::APPLICATION_ID);
    }
}
