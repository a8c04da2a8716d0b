//! The shared store on PostgreSQL: its schema (records as JSON by their id across the team, the
//! audit, conflicts), who sees what (row-level security, checked on the server), members as
//! PostgreSQL roles, and one push or pull of a sync round.

use postgres::error::SqlState;
use postgres::{Client, Transaction};
use serde_json::{Map, Value};

use super::local::{Pending, Pulled};
use std::collections::HashMap;

use crate::domain::team::{
    ConflictKind, DELETED_AT, FieldConflict, Role, edited_since, is_live, is_soft_delete,
    merge_fields,
};

/// The version of the server's schema this build writes; a server of a newer one is refused.
pub const SERVER_SCHEMA_VERSION: i64 = 1;

/// Why the server could not be used. Shown to the user in their language (see the i18n keys
/// `team_err_*`); `detail` is the driver's report, for the log.
#[derive(Debug, thiserror::Error)]
pub enum ServerError {
    #[error("the server cannot be reached: {0}")]
    Unreachable(String),
    #[error("wrong user name or password")]
    WrongPassword,
    #[error("the server is not a TechBroker team store")]
    NotTechBroker,
    #[error("the server's store is of a newer version ({server}) than this program's ({ours})")]
    NewerSchema { server: i64, ours: i64 },
    #[error("{0} is not a member of this team")]
    NotMember(String),
    #[error("the server already holds a TechBroker team store")]
    AlreadyInitialised,
    #[error("the user name {0:?} cannot be used (letters, digits, _ . - only)")]
    BadName(String),
    #[error("{0} is already a member")]
    AlreadyMember(String),
    #[error("not allowed: {0}")]
    NotAllowed(String),
    #[error("the connection string is not valid: {0}")]
    BadUrl(String),
    #[error("server error: {0}")]
    Other(String),
}

impl From<postgres::Error> for ServerError {
    fn from(e: postgres::Error) -> Self {
        classify(&e)
    }
}

fn classify(e: &postgres::Error) -> ServerError {
    if let Some(code) = e.code() {
        if *code == SqlState::INVALID_PASSWORD
            || *code == SqlState::INVALID_AUTHORIZATION_SPECIFICATION
        {
            return ServerError::WrongPassword;
        }
        if *code == SqlState::UNDEFINED_TABLE || *code == SqlState::INVALID_SCHEMA_NAME {
            return ServerError::NotTechBroker;
        }
        if *code == SqlState::INSUFFICIENT_PRIVILEGE {
            return ServerError::NotAllowed(
                e.as_db_error()
                    .map(|d| d.message().to_string())
                    .unwrap_or_default(),
            );
        }
        return ServerError::Other(
            e.as_db_error()
                .map(|d| d.message().to_string())
                .unwrap_or_else(|| e.to_string()),
        );
    }
    if e.is_closed() || std::error::Error::source(e).is_some() {
        return ServerError::Unreachable(e.to_string());
    }
    ServerError::Other(e.to_string())
}

/// A connection as one member.
pub struct Server {
    client: Client,
}

/// Connects to `url` as `user`. The password goes to the server only through the protocol's
/// authentication, never into a statement or a file.
pub fn connect(url: &str, user: &str, password: &str) -> Result<Server, ServerError> {
    let mut config: postgres::Config = url
        .parse()
        .map_err(|e: postgres::Error| ServerError::BadUrl(e.to_string()))?;
    config
        .user(user)
        .password(password)
        .application_name("techbroker")
        .connect_timeout(std::time::Duration::from_secs(15));
    let tls = super::tls::connector().map_err(|e| ServerError::Other(e.to_string()))?;
    let client = config.connect(tls)?;
    Ok(Server { client })
}

/// A user name as a quoted identifier: checked first, so it can never end a statement.
fn role_ident(name: &str) -> Result<String, ServerError> {
    let ok = !name.is_empty()
        && name.len() <= 63
        && name
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '_' | '.' | '-'));
    if !ok {
        return Err(ServerError::BadName(name.to_string()));
    }
    Ok(format!("\"{name}\""))
}

const SCHEMA: &str = r#"
CREATE SCHEMA techbroker;
CREATE TABLE techbroker.meta (key text PRIMARY KEY, value text NOT NULL);
CREATE TABLE techbroker.members (
    name       text PRIMARY KEY,
    role       text NOT NULL CHECK (role IN ('broker', 'manager', 'admin')),
    created_at timestamptz NOT NULL DEFAULT now()
);
CREATE SEQUENCE techbroker.feed_seq;
CREATE TABLE techbroker.records (
    uid        text PRIMARY KEY,
    tbl        text NOT NULL,
    owner      text NOT NULL DEFAULT session_user,
    private    boolean NOT NULL,
    data       jsonb NOT NULL,
    version    bigint NOT NULL DEFAULT 1,
    deleted    boolean NOT NULL DEFAULT false,
    seq        bigint NOT NULL,
    updated_at timestamptz NOT NULL DEFAULT now(),
    updated_by text NOT NULL DEFAULT session_user
);
CREATE INDEX records_seq ON techbroker.records (seq);
CREATE TABLE techbroker.audit (
    id      bigserial PRIMARY KEY,
    uid     text NOT NULL,
    tbl     text NOT NULL,
    op      text NOT NULL,
    owner   text NOT NULL,
    private boolean NOT NULL,
    by      text NOT NULL,
    at      timestamptz NOT NULL,
    changed jsonb NOT NULL
);
CREATE INDEX audit_uid ON techbroker.audit (uid);
CREATE TABLE techbroker.conflicts (
    id           bigserial PRIMARY KEY,
    uid          text NOT NULL,
    tbl          text NOT NULL,
    kind         text NOT NULL,
    field        text NOT NULL DEFAULT '',
    base         jsonb,
    kept         jsonb,
    theirs       jsonb,
    by           text NOT NULL DEFAULT session_user,
    record_owner text NOT NULL,
    private      boolean NOT NULL,
    at           timestamptz NOT NULL DEFAULT now(),
    resolved_at  timestamptz,
    resolved_by  text,
    seq          bigint NOT NULL
);
CREATE TABLE techbroker.pushes (id text PRIMARY KEY, by text NOT NULL DEFAULT session_user, at timestamptz NOT NULL DEFAULT now());

CREATE FUNCTION techbroker.sees_all() RETURNS boolean LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path = techbroker, pg_temp AS
$$ SELECT EXISTS (SELECT 1 FROM techbroker.members WHERE name = session_user AND role IN ('manager', 'admin')) $$;

CREATE FUNCTION techbroker.audit_record() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = techbroker, pg_temp AS
$$
DECLARE
    changed jsonb := '{}'::jsonb;
    k text;
    op text;
BEGIN
    IF TG_OP = 'INSERT' THEN
        op := 'insert';
        changed := NEW.data;
    ELSE
        IF NEW.data = OLD.data AND NEW.deleted = OLD.deleted THEN
            RETURN NEW;
        END IF;
        FOR k IN SELECT jsonb_object_keys(NEW.data) UNION SELECT jsonb_object_keys(OLD.data) LOOP
            IF NEW.data -> k IS DISTINCT FROM OLD.data -> k THEN
                changed := changed || jsonb_build_object(k, jsonb_build_array(OLD.data -> k, NEW.data -> k));
            END IF;
        END LOOP;
        op := CASE WHEN NEW.deleted AND NOT OLD.deleted THEN 'delete'
                   WHEN (OLD.data ->> 'deleted_at') IS NULL AND (NEW.data ->> 'deleted_at') IS NOT NULL THEN 'trash'
                   WHEN (OLD.data ->> 'deleted_at') IS NOT NULL AND (NEW.data ->> 'deleted_at') IS NULL THEN 'restore'
                   ELSE 'update' END;
    END IF;
    INSERT INTO techbroker.audit (uid, tbl, op, owner, private, by, at, changed)
        VALUES (NEW.uid, NEW.tbl, op, NEW.owner, NEW.private, session_user, now(), changed);
    RETURN NEW;
END
$$;
CREATE TRIGGER records_audit AFTER INSERT OR UPDATE ON techbroker.records
    FOR EACH ROW EXECUTE FUNCTION techbroker.audit_record();

ALTER TABLE techbroker.records ENABLE ROW LEVEL SECURITY;
ALTER TABLE techbroker.audit ENABLE ROW LEVEL SECURITY;
ALTER TABLE techbroker.conflicts ENABLE ROW LEVEL SECURITY;
CREATE POLICY records_seen ON techbroker.records
    USING (NOT private OR owner = session_user OR techbroker.sees_all())
    WITH CHECK (NOT private OR owner = session_user OR techbroker.sees_all());
CREATE POLICY audit_seen ON techbroker.audit FOR SELECT
    USING (NOT private OR owner = session_user OR techbroker.sees_all());
CREATE POLICY conflicts_seen ON techbroker.conflicts
    USING (by = session_user OR record_owner = session_user OR techbroker.sees_all());

-- Others' deals in outline: parties and stage, never terms or commission. A view runs with its
-- owner's rights, so it reads past the row-level security of the records under it.
CREATE VIEW techbroker.deal_board AS
    SELECT uid, owner, data ->> 'title' AS title, data ->> 'stage' AS stage,
           data ->> 'seller_id' AS seller_uid, data ->> 'buyer_id' AS buyer_uid, deleted, seq
    FROM techbroker.records WHERE tbl = 'deals';
"#;

/// Grants a member needs: read the shared store, write records and conflicts; never the audit.
fn grants(role: &str) -> String {
    format!(
        "GRANT USAGE ON SCHEMA techbroker TO {role};
         GRANT SELECT ON techbroker.meta, techbroker.members, techbroker.deal_board, techbroker.audit TO {role};
         GRANT SELECT, INSERT, UPDATE ON techbroker.records, techbroker.conflicts TO {role};
         GRANT SELECT, INSERT ON techbroker.pushes TO {role};
         GRANT USAGE ON SEQUENCE techbroker.feed_seq, techbroker.conflicts_id_seq TO {role};"
    )
}

/// Creates the team store on an empty database, `admin` (the user connected) its first admin.
pub fn init(server: &mut Server, admin: &str) -> Result<(), ServerError> {
    let exists: bool = server
        .client
        .query_one(
            "SELECT EXISTS (SELECT 1 FROM pg_namespace WHERE nspname = 'techbroker')",
            &[],
        )?
        .get(0);
    if exists {
        return Err(ServerError::AlreadyInitialised);
    }
    let mut tx = server.client.transaction()?;
    tx.batch_execute(SCHEMA)?;
    tx.execute(
        "INSERT INTO techbroker.meta (key, value) VALUES ('app', 'techbroker'), ('schema_version', $1)",
        &[&SERVER_SCHEMA_VERSION.to_string()],
    )?;
    tx.execute(
        "INSERT INTO techbroker.members (name, role) VALUES ($1, 'admin')",
        &[&admin],
    )?;
    tx.commit()?;
    Ok(())
}

/// Adds a member: a PostgreSQL login role with the password's SCRAM verifier (the password itself
/// never reaches the server), the grants, and the member's role in the team.
pub fn invite(
    server: &mut Server,
    user: &str,
    role: Role,
    password: &str,
) -> Result<(), ServerError> {
    let ident = role_ident(user)?;
    let me = check(server)?;
    if me.1 != Role::Admin {
        return Err(ServerError::NotAllowed("only an admin adds members".into()));
    }
    let known: bool = server
        .client
        .query_one(
            "SELECT EXISTS (SELECT 1 FROM techbroker.members WHERE name = $1)",
            &[&user],
        )?
        .get(0);
    if known {
        return Err(ServerError::AlreadyMember(user.to_string()));
    }
    let verifier = postgres_protocol::password::scram_sha_256(password.as_bytes());
    let role_exists: bool = server
        .client
        .query_one(
            "SELECT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = $1)",
            &[&user],
        )?
        .get(0);
    let mut tx = server.client.transaction()?;
    let literal = verifier.replace('\'', "''");
    if role_exists {
        tx.batch_execute(&format!("ALTER ROLE {ident} LOGIN PASSWORD '{literal}'"))?;
    } else {
        tx.batch_execute(&format!("CREATE ROLE {ident} LOGIN PASSWORD '{literal}'"))?;
    }
    tx.batch_execute(&grants(&ident))?;
    if role != Role::Broker {
        tx.batch_execute(&format!("GRANT SELECT ON techbroker.pushes TO {ident}"))?;
    }
    tx.execute(
        "INSERT INTO techbroker.members (name, role) VALUES ($1, $2)",
        &[&user, &role.code()],
    )?;
    tx.commit()?;
    Ok(())
}

/// Checks the server is a TechBroker team store this build can use and the user a member:
/// returns the user's name and role.
pub fn check(server: &mut Server) -> Result<(String, Role), ServerError> {
    let rows = server
        .client
        .query("SELECT key, value FROM techbroker.meta", &[])
        .map_err(|e| match classify(&e) {
            ServerError::NotAllowed(_) => ServerError::NotTechBroker,
            other => other,
        })?;
    let get = |k: &str| {
        rows.iter()
            .find(|r| r.get::<_, String>(0) == k)
            .map(|r| r.get::<_, String>(1))
    };
    if get("app").as_deref() != Some("techbroker") {
        return Err(ServerError::NotTechBroker);
    }
    let version: i64 = get("schema_version")
        .and_then(|v| v.parse().ok())
        .unwrap_or(i64::MAX);
    if version > SERVER_SCHEMA_VERSION {
        return Err(ServerError::NewerSchema {
            server: version,
            ours: SERVER_SCHEMA_VERSION,
        });
    }
    let row = server.client.query_opt(
        "SELECT session_user::text, role FROM techbroker.members WHERE name = session_user",
        &[],
    )?;
    let user: String = server
        .client
        .query_one("SELECT session_user::text", &[])?
        .get(0);
    match row {
        Some(r) => Ok((
            r.get(0),
            Role::from_code(&r.get::<_, String>(1)).unwrap_or(Role::Broker),
        )),
        None => Err(ServerError::NotMember(user)),
    }
}

/// What a push did on the server.
#[derive(Debug, Default)]
pub struct Pushed {
    pub records: usize,
    pub conflicts: usize,
    /// The server had this push already (it was cut off after the server committed).
    pub already: bool,
}

/// Sends the outbox in one transaction: each record merged field by field with the server's,
/// conflicts listed; all of it or nothing. Records go in chunks of a thousand, each chunk read,
/// inserted and updated with one statement apiece.
pub fn push(
    server: &mut Server,
    push_id: &str,
    pending: &[Pending],
) -> Result<Pushed, ServerError> {
    let mut tx = server.client.transaction()?;
    // One push at a time: the feed's numbers then follow the order of commits, so a pull never
    // skips a record committed late with a lower number.
    tx.execute("SELECT pg_advisory_xact_lock(7340611)", &[])?;
    let done: bool = tx
        .query_one(
            "SELECT EXISTS (SELECT 1 FROM techbroker.pushes WHERE id = $1)",
            &[&push_id],
        )?
        .get(0);
    if done {
        return Ok(Pushed {
            already: true,
            ..Pushed::default()
        });
    }
    let mut pushed = Pushed::default();
    for chunk in pending.chunks(1000) {
        pushed.conflicts += push_chunk(&mut tx, chunk)?;
        pushed.records += chunk.len();
    }
    tx.execute(
        "INSERT INTO techbroker.pushes (id) VALUES ($1)",
        &[&push_id],
    )?;
    tx.commit()?;
    Ok(pushed)
}

struct OnServer {
    data: Map<String, Value>,
    deleted: bool,
    owner: String,
}

/// What a change does to the server's record.
enum Write {
    /// The record is new there.
    Insert(Map<String, Value>),
    /// The record as merged; `changed` when it differs from what the server had.
    Update {
        data: Map<String, Value>,
        deleted: bool,
        changed: bool,
    },
    /// Nothing (a record made and deleted here, or deleted on both sides).
    Nothing,
}

/// The rows of one statement, column by column, as PostgreSQL's arrays.
#[derive(Default)]
struct Columns<'a> {
    uid: Vec<&'a str>,
    table: Vec<&'a str>,
    owner: Vec<Option<String>>,
    /// An insert's private mark, an update's deleted mark.
    flag: Vec<bool>,
    data: Vec<Value>,
    bump: Vec<i64>,
}

fn push_chunk(tx: &mut Transaction<'_>, chunk: &[Pending]) -> Result<usize, ServerError> {
    let uids: Vec<&str> = chunk.iter().map(|p| p.uid.as_str()).collect();
    let mut current: HashMap<String, OnServer> = HashMap::new();
    for r in tx.query(
        "SELECT uid, data, deleted, owner FROM techbroker.records WHERE uid = ANY($1) FOR UPDATE",
        &[&uids],
    )? {
        current.insert(
            r.get(0),
            OnServer {
                data: as_map(r.get::<_, Value>(1)),
                deleted: r.get(2),
                owner: r.get(3),
            },
        );
    }
    let deals: Vec<&str> = chunk.iter().filter_map(|p| p.deal_uid.as_deref()).collect();
    let mut deal_owner: HashMap<String, String> = HashMap::new();
    for r in tx.query(
        "SELECT uid, owner FROM techbroker.records WHERE uid = ANY($1)",
        &[&deals],
    )? {
        deal_owner.insert(r.get(0), r.get(1));
    }

    let mut inserts = Columns::default();
    let mut updates = Columns::default();
    let mut conflicts = 0;
    for p in chunk {
        let on_server = current.get(&p.uid);
        let (write, found) = decide(p, on_server);
        match write {
            Write::Insert(data) => {
                inserts.uid.push(&p.uid);
                inserts.table.push(p.table.name);
                inserts
                    .owner
                    .push(p.deal_uid.as_ref().and_then(|d| deal_owner.get(d)).cloned());
                inserts.flag.push(private_of(p));
                inserts.data.push(Value::Object(data));
            }
            Write::Update {
                data,
                deleted,
                changed,
            } => {
                updates.uid.push(&p.uid);
                updates.data.push(Value::Object(data));
                updates.flag.push(deleted);
                updates.bump.push(i64::from(changed));
            }
            Write::Nothing => {}
        }
        let owner = on_server.map(|c| c.owner.as_str()).unwrap_or_default();
        for (kind, c) in &found {
            tx.execute(
                "INSERT INTO techbroker.conflicts (uid, tbl, kind, field, base, kept, theirs, record_owner, private, seq)
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, nextval('techbroker.feed_seq'))",
                &[&p.uid, &p.table.name, &kind.code(), &c.field, &c.base, &c.kept, &c.theirs, &owner, &private_of(p)],
            )?;
        }
        conflicts += found.len();
    }
    if !inserts.uid.is_empty() {
        // Numbered in the outbox's order, so a record comes down after the records it refers to.
        tx.execute(
            "INSERT INTO techbroker.records (uid, tbl, owner, private, data, seq)
             SELECT u, t, coalesce(o, session_user), p, d, nextval('techbroker.feed_seq')
             FROM unnest($1::text[], $2::text[], $3::text[], $4::bool[], $5::jsonb[])
                 WITH ORDINALITY AS x(u, t, o, p, d, n)
             ORDER BY n",
            &[
                &inserts.uid,
                &inserts.table,
                &inserts.owner,
                &inserts.flag,
                &inserts.data,
            ],
        )?;
    }
    if !updates.uid.is_empty() {
        // Numbered again even when nothing changed, so the laptop that lost a conflict pulls the
        // server's value back.
        tx.execute(
            "UPDATE techbroker.records r SET data = x.d, deleted = x.del, version = r.version + x.bump,
                 seq = nextval('techbroker.feed_seq'), updated_at = now(), updated_by = session_user
             FROM unnest($1::text[], $2::jsonb[], $3::bool[], $4::int8[]) AS x(u, d, del, bump)
             WHERE r.uid = x.u",
            &[&updates.uid, &updates.data, &updates.flag, &updates.bump],
        )?;
    }
    Ok(conflicts)
}

/// What a change made here does to the server's record as it is now, and the conflicts found.
fn decide(p: &Pending, current: Option<&OnServer>) -> (Write, Vec<(ConflictKind, FieldConflict)>) {
    let empty = Map::new();
    let base = p.base.as_ref().unwrap_or(&empty);
    let Some(current) = current else {
        // New to the server: the record as it is now goes up.
        return match &p.now {
            Some(now) => (Write::Insert(now.clone()), Vec::new()),
            None => (Write::Nothing, Vec::new()),
        };
    };
    let mut conflicts = Vec::new();
    let mut data = current.data.clone();
    let mut deleted = current.deleted;
    match &p.now {
        None if current.deleted => {}
        None => {
            if edited_since(base, &current.data) {
                conflicts.push((
                    ConflictKind::DeleteVsEdit,
                    FieldConflict {
                        field: String::new(),
                        base: Value::Object(base.clone()),
                        kept: Value::Object(current.data.clone()),
                        theirs: Value::Null,
                    },
                ));
            } else {
                deleted = true;
            }
        }
        Some(now) => {
            let gone = current.deleted || (!is_live(&current.data) && is_live(base));
            let mut mine = now.clone();
            if gone && is_live(now) && edited_since(base, now) {
                conflicts.push((
                    ConflictKind::EditOfDeleted,
                    FieldConflict {
                        field: String::new(),
                        base: Value::Object(base.clone()),
                        kept: Value::Object(current.data.clone()),
                        theirs: Value::Object(changed_fields(base, now)),
                    },
                ));
                mine = Map::new();
            } else if is_soft_delete(base, now) && edited_since(base, &current.data) {
                conflicts.push((
                    ConflictKind::DeleteVsEdit,
                    FieldConflict {
                        field: DELETED_AT.into(),
                        base: Value::Object(base.clone()),
                        kept: Value::Object(current.data.clone()),
                        theirs: now.get(DELETED_AT).cloned().unwrap_or(Value::Null),
                    },
                ));
                mine.remove(DELETED_AT);
            }
            let merge = merge_fields(base, &current.data, &mine);
            data.extend(merge.apply);
            conflicts.extend(
                merge
                    .conflicts
                    .into_iter()
                    .map(|c| (ConflictKind::Field, c)),
            );
        }
    }
    let changed = data != current.data || deleted != current.deleted;
    (
        Write::Update {
            data,
            deleted,
            changed,
        },
        conflicts,
    )
}

fn changed_fields(base: &Map<String, Value>, now: &Map<String, Value>) -> Map<String, Value> {
    now.iter()
        .filter(|(k, v)| base.get(*k).unwrap_or(&Value::Null) != *v)
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect()
}

fn private_of(p: &Pending) -> bool {
    if p.table.name == "documents" {
        return p.deal_uid.is_some();
    }
    p.table.private
}

fn as_map(value: Value) -> Map<String, Value> {
    match value {
        Value::Object(m) => m,
        _ => Map::new(),
    }
}

/// Records numbered after `after`, as many as `limit`, in the order they were numbered.
pub fn pull(
    server: &mut Server,
    after: i64,
    limit: i64,
) -> Result<Vec<(i64, Pulled)>, ServerError> {
    let rows = server.client.query(
        "SELECT seq, uid, tbl, owner, version, deleted, data FROM techbroker.records
         WHERE seq > $1 ORDER BY seq LIMIT $2",
        &[&after, &limit],
    )?;
    Ok(rows
        .into_iter()
        .map(|r| {
            (
                r.get(0),
                Pulled {
                    uid: r.get(1),
                    table: r.get(2),
                    owner: r.get(3),
                    version: r.get(4),
                    deleted: r.get(5),
                    data: as_map(r.get(6)),
                },
            )
        })
        .collect())
}

/// A deal in outline, as every member sees it.
#[derive(Debug, Clone)]
pub struct BoardDeal {
    pub seq: i64,
    pub uid: String,
    pub owner: String,
    pub title: String,
    pub stage: String,
    pub seller_uid: Option<String>,
    pub buyer_uid: Option<String>,
    pub deleted: bool,
}

pub fn board(server: &mut Server, after: i64) -> Result<Vec<BoardDeal>, ServerError> {
    let rows = server.client.query(
        "SELECT seq, uid, owner, coalesce(title, ''), coalesce(stage, ''), seller_uid, buyer_uid, deleted
         FROM techbroker.deal_board WHERE seq > $1 ORDER BY seq",
        &[&after],
    )?;
    Ok(rows
        .into_iter()
        .map(|r| BoardDeal {
            seq: r.get(0),
            uid: r.get(1),
            owner: r.get(2),
            title: r.get(3),
            stage: r.get(4),
            seller_uid: r.get(5),
            buyer_uid: r.get(6),
            deleted: r.get(7),
        })
        .collect())
}

/// One change of the audit.
#[derive(Debug, Clone)]
pub struct AuditRow {
    pub id: i64,
    pub uid: String,
    pub table: String,
    pub op: String,
    pub by: String,
    pub at: String,
    pub changed: Value,
}

pub fn audit(server: &mut Server, after: i64, limit: i64) -> Result<Vec<AuditRow>, ServerError> {
    let rows = server.client.query(
        "SELECT id, uid, tbl, op, by, to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"'), changed
         FROM techbroker.audit WHERE id > $1 ORDER BY id LIMIT $2",
        &[&after, &limit],
    )?;
    Ok(rows
        .into_iter()
        .map(|r| AuditRow {
            id: r.get(0),
            uid: r.get(1),
            table: r.get(2),
            op: r.get(3),
            by: r.get(4),
            at: r.get(5),
            changed: r.get(6),
        })
        .collect())
}

/// A conflict as the server lists it.
#[derive(Debug, Clone)]
pub struct ConflictRow {
    pub seq: i64,
    pub id: i64,
    pub uid: String,
    pub table: String,
    pub kind: String,
    pub field: String,
    pub base: Option<Value>,
    pub kept: Option<Value>,
    pub theirs: Option<Value>,
    pub by: String,
    pub record_owner: String,
    pub at: String,
    pub resolved_at: Option<String>,
    pub resolved_by: Option<String>,
}

pub fn conflicts(server: &mut Server, after: i64) -> Result<Vec<ConflictRow>, ServerError> {
    let rows = server.client.query(
        "SELECT seq, id, uid, tbl, kind, field, base, kept, theirs, by, record_owner,
                to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"'),
                to_char(resolved_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"'), resolved_by
         FROM techbroker.conflicts WHERE seq > $1 ORDER BY seq",
        &[&after],
    )?;
    Ok(rows
        .into_iter()
        .map(|r| ConflictRow {
            seq: r.get(0),
            id: r.get(1),
            uid: r.get(2),
            table: r.get(3),
            kind: r.get(4),
            field: r.get(5),
            base: r.get(6),
            kept: r.get(7),
            theirs: r.get(8),
            by: r.get(9),
            record_owner: r.get(10),
            at: r.get(11),
            resolved_at: r.get(12),
            resolved_by: r.get(13),
        })
        .collect())
}

/// Marks conflicts settled on this laptop as settled on the server.
pub fn resolve(server: &mut Server, ids: &[i64]) -> Result<(), ServerError> {
    if ids.is_empty() {
        return Ok(());
    }
    let mut tx = server.client.transaction()?;
    tx.execute("SELECT pg_advisory_xact_lock(7340611)", &[])?;
    tx.execute(
        "UPDATE techbroker.conflicts SET resolved_at = now(), resolved_by = session_user,
             seq = nextval('techbroker.feed_seq')
         WHERE id = ANY($1) AND resolved_at IS NULL",
        &[&ids],
    )?;
    tx.commit()?;
    Ok(())
}
