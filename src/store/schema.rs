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

const V2: &str = "
CREATE TABLE fields (
    name     TEXT PRIMARY KEY,
    position INTEGER NOT NULL
);
INSERT INTO fields (name, position) VALUES
    ('新一代信息技术', 1), ('高端装备制造', 2), ('新材料', 3), ('生物', 4), ('新能源汽车', 5),
    ('新能源', 6), ('节能环保', 7), ('数字创意', 8), ('相关服务', 9), ('现代农业', 10),
    ('海洋', 11), ('医养健康', 12);

CREATE TABLE achievements (
    id              INTEGER PRIMARY KEY,
    title           TEXT NOT NULL,
    owner_id        INTEGER NOT NULL REFERENCES clients (id),
    inventors       TEXT NOT NULL DEFAULT '',
    field           TEXT NOT NULL,
    keywords        TEXT NOT NULL DEFAULT '',
    abstract        TEXT NOT NULL DEFAULT '',
    indicators      TEXT NOT NULL DEFAULT '',
    trl             INTEGER NOT NULL CHECK (trl BETWEEN 1 AND 9),
    stage           TEXT NOT NULL CHECK (stage IN ('lab', 'small_trial', 'pilot', 'industrial')),
    transfer_modes  INTEGER NOT NULL DEFAULT 0,
    price_fen       INTEGER CHECK (price_fen IS NULL OR (price_fen >= 0 AND price_fen < 1000000000000)),
    registration_no TEXT NOT NULL DEFAULT '',
    status          TEXT NOT NULL CHECK (status IN ('available', 'negotiating', 'transferred', 'withdrawn')),
    source          TEXT NOT NULL DEFAULT '',
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL,
    deleted_at      TEXT
);
CREATE INDEX achievements_owner ON achievements (owner_id);

CREATE TABLE ip_items (
    id             INTEGER PRIMARY KEY,
    achievement_id INTEGER NOT NULL REFERENCES achievements (id),
    position       INTEGER NOT NULL,
    kind           TEXT NOT NULL CHECK (kind IN ('invention_patent', 'utility_model', 'software_copyright', 'plant_variety', 'know_how')),
    number         TEXT NOT NULL,
    status         TEXT NOT NULL CHECK (status IN ('applied', 'granted', 'lapsed')),
    expiry         TEXT
);
CREATE INDEX ip_items_achievement ON ip_items (achievement_id, position);

CREATE TABLE needs (
    id             INTEGER PRIMARY KEY,
    enterprise_id  INTEGER NOT NULL REFERENCES clients (id),
    title          TEXT NOT NULL,
    description    TEXT NOT NULL DEFAULT '',
    indicators     TEXT NOT NULL DEFAULT '',
    field          TEXT NOT NULL,
    keywords       TEXT NOT NULL DEFAULT '',
    budget_fen     INTEGER CHECK (budget_fen IS NULL OR (budget_fen >= 0 AND budget_fen < 1000000000000)),
    preferred_mode TEXT NOT NULL CHECK (preferred_mode IN ('buy', 'licence', 'co_develop', 'consult')),
    min_stage      TEXT CHECK (min_stage IS NULL OR min_stage IN ('lab', 'small_trial', 'pilot', 'industrial')),
    min_trl        INTEGER CHECK (min_trl IS NULL OR min_trl BETWEEN 1 AND 9),
    deadline       TEXT,
    confidential   INTEGER NOT NULL DEFAULT 0,
    status         TEXT NOT NULL CHECK (status IN ('open', 'matched', 'solved', 'closed')),
    created_at     TEXT NOT NULL,
    updated_at     TEXT NOT NULL,
    deleted_at     TEXT
);
CREATE INDEX needs_enterprise ON needs (enterprise_id);
";

const V3: &str = "
CREATE TABLE settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

CREATE TABLE deals (
    id          INTEGER PRIMARY KEY,
    title       TEXT NOT NULL,
    need_id     INTEGER REFERENCES needs (id),
    seller_id   INTEGER NOT NULL REFERENCES clients (id),
    buyer_id    INTEGER NOT NULL REFERENCES clients (id),
    stage       TEXT NOT NULL CHECK (stage IN ('lead', 'introduced', 'negotiating', 'signed', 'registered', 'executing', 'closed_won', 'lost')),
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    deleted_at  TEXT
);
CREATE TABLE deal_achievements (
    deal_id        INTEGER NOT NULL REFERENCES deals (id),
    achievement_id INTEGER NOT NULL REFERENCES achievements (id),
    PRIMARY KEY (deal_id, achievement_id)
);
CREATE TABLE deal_stage_history (
    id         INTEGER PRIMARY KEY,
    deal_id    INTEGER NOT NULL REFERENCES deals (id),
    stage      TEXT NOT NULL,
    changed_at TEXT NOT NULL
);
CREATE INDEX deal_stage_history_deal ON deal_stage_history (deal_id);

CREATE TABLE match_decisions (
    id             INTEGER PRIMARY KEY,
    need_id        INTEGER REFERENCES needs (id),
    achievement_id INTEGER NOT NULL REFERENCES achievements (id),
    enterprise_id  INTEGER NOT NULL REFERENCES clients (id),
    decision       TEXT NOT NULL CHECK (decision IN ('proposed', 'accepted', 'rejected')),
    reason         TEXT CHECK (reason IS NULL OR reason IN ('too_early', 'benefit_unclear', 'route_unclear', 'price_gap', 'description_unclear', 'not_our_field', 'other')),
    note           TEXT NOT NULL DEFAULT '',
    score          REAL NOT NULL,
    breakdown      TEXT NOT NULL,
    deal_id        INTEGER REFERENCES deals (id),
    decided_at     TEXT NOT NULL
);
CREATE INDEX match_decisions_need ON match_decisions (need_id, achievement_id);
CREATE INDEX match_decisions_enterprise ON match_decisions (enterprise_id);
";

const V4: &str = "
ALTER TABLE deals ADD COLUMN broker TEXT NOT NULL DEFAULT '';
ALTER TABLE deals ADD COLUMN contract_type TEXT NOT NULL DEFAULT 'transfer'
    CHECK (contract_type IN ('development', 'transfer', 'licence', 'consulting', 'service'));
ALTER TABLE deals ADD COLUMN expected_fen INTEGER CHECK (expected_fen IS NULL OR expected_fen >= 0);
ALTER TABLE deals ADD COLUMN contract_fen INTEGER CHECK (contract_fen IS NULL OR contract_fen >= 0);
ALTER TABLE deals ADD COLUMN technology_fen INTEGER CHECK (technology_fen IS NULL OR technology_fen >= 0);
ALTER TABLE deals ADD COLUMN commission_bp INTEGER NOT NULL DEFAULT 0 CHECK (commission_bp BETWEEN 0 AND 10000);
ALTER TABLE deals ADD COLUMN commission_fen INTEGER CHECK (commission_fen IS NULL OR commission_fen >= 0);
ALTER TABLE deals ADD COLUMN signed_on TEXT;
ALTER TABLE deals ADD COLUMN notes TEXT NOT NULL DEFAULT '';
ALTER TABLE deals ADD COLUMN lost_reason TEXT NOT NULL DEFAULT '';
ALTER TABLE deals ADD COLUMN registration_due TEXT;
ALTER TABLE deals ADD COLUMN registration_submitted TEXT;
ALTER TABLE deals ADD COLUMN certificate_no TEXT NOT NULL DEFAULT '';
ALTER TABLE deals ADD COLUMN registered_contract_fen INTEGER;
ALTER TABLE deals ADD COLUMN registered_technology_fen INTEGER;
ALTER TABLE deals ADD COLUMN transfer_mode TEXT;
ALTER TABLE deals ADD COLUMN trial_start TEXT;
ALTER TABLE deals ADD COLUMN trial_end TEXT;
ALTER TABLE deals ADD COLUMN pay_later_form TEXT;
ALTER TABLE interactions ADD COLUMN deal_id INTEGER REFERENCES deals (id);
CREATE INDEX interactions_deal ON interactions (deal_id) WHERE deal_id IS NOT NULL;
ALTER TABLE deals ADD COLUMN trial_until_revenue INTEGER NOT NULL DEFAULT 0;

CREATE TABLE instalments (
    id         INTEGER PRIMARY KEY,
    deal_id    INTEGER NOT NULL REFERENCES deals (id),
    due        TEXT NOT NULL,
    amount_fen INTEGER NOT NULL CHECK (amount_fen >= 0),
    trigger    TEXT NOT NULL DEFAULT ''
);
CREATE INDEX instalments_deal ON instalments (deal_id, due);

CREATE TABLE receipts (
    id          INTEGER PRIMARY KEY,
    deal_id     INTEGER NOT NULL REFERENCES deals (id),
    received_on TEXT NOT NULL,
    amount_fen  INTEGER NOT NULL CHECK (amount_fen > 0),
    note        TEXT NOT NULL DEFAULT '',
    created_at  TEXT NOT NULL
);
CREATE INDEX receipts_deal ON receipts (deal_id);
";

// The dashboard's counts on every change, kept off the full rows of 100,000 achievements: offered
// achievements and open needs are counted in these indexes, less those of the few deleted
// organisations; decisions are read without their score breakdowns.
const V5: &str = "
CREATE INDEX achievements_status ON achievements (status, owner_id) WHERE deleted_at IS NULL;
CREATE INDEX needs_status ON needs (status, enterprise_id) WHERE deleted_at IS NULL;
CREATE INDEX clients_deleted ON clients (id) WHERE deleted_at IS NOT NULL;
CREATE INDEX match_decisions_decision
    ON match_decisions (decision, deal_id, need_id, achievement_id, enterprise_id);
";

// Imports (issue 11): a need's budget given as a range, cap or floor is kept as written with its
// bounds; budget_fen stays the amount compared (the upper bound, or the floor).
const V6_BUDGET_RANGE: &str = "
ALTER TABLE needs ADD COLUMN budget_text TEXT NOT NULL DEFAULT '';
ALTER TABLE needs ADD COLUMN budget_min_fen INTEGER CHECK (budget_min_fen IS NULL OR budget_min_fen >= 0);
ALTER TABLE needs ADD COLUMN budget_max_fen INTEGER CHECK (budget_max_fen IS NULL OR budget_max_fen >= 0);
";

// Imports (issue 11): a registration ledger's contract number and the registry's subtype of the
// contract type (技术开发（委托）).
const V7_CONTRACT_NUMBER: &str = "
ALTER TABLE deals ADD COLUMN contract_no TEXT NOT NULL DEFAULT '';
ALTER TABLE deals ADD COLUMN contract_subtype TEXT NOT NULL DEFAULT '';
";

// Matching's thesaurus: pairs of terms the broker says mean the same thing (issue 13).
const V8_THESAURUS: &str = "
CREATE TABLE match_thesaurus (
    id         INTEGER PRIMARY KEY,
    term       TEXT NOT NULL CHECK (length(trim(term)) > 0),
    other      TEXT NOT NULL CHECK (length(trim(other)) > 0),
    created_at TEXT NOT NULL,
    deleted_at TEXT
);
";

/// All versions, oldest first. `user_version` holds how many of them a database has.
/// One live client per credit code. Codes already shared (imported twice before this version)
/// stay on the oldest client; the others keep theirs in their notes, so nothing is lost.
const V9_UNIQUE_CREDIT_CODE: &str = "
UPDATE clients
SET notes = CASE WHEN notes = '' THEN '' ELSE notes || char(10) END
        || '统一社会信用代码 / credit code: ' || credit_code,
    credit_code = ''
WHERE deleted_at IS NULL AND credit_code <> '' AND EXISTS (
    SELECT 1 FROM clients o
    WHERE o.deleted_at IS NULL AND o.credit_code = clients.credit_code AND o.id < clients.id
);
CREATE UNIQUE INDEX clients_live_credit_code ON clients (credit_code)
    WHERE deleted_at IS NULL AND credit_code <> '';
";

/// Instalments and receipts go to the trash like every other record, instead of being deleted.
const V10_TRASHED_PAYMENTS: &str = "
ALTER TABLE instalments ADD COLUMN deleted_at TEXT;
ALTER TABLE receipts ADD COLUMN deleted_at TEXT;
";

/// A shortlisting or a rejection can be taken back ('withdrawn'). SQLite cannot change a CHECK,
/// so the table is rebuilt with every row and index it had.
const V11_WITHDRAWN_DECISIONS: &str = "
CREATE TABLE match_decisions_v11 (
    id             INTEGER PRIMARY KEY,
    need_id        INTEGER REFERENCES needs (id),
    achievement_id INTEGER NOT NULL REFERENCES achievements (id),
    enterprise_id  INTEGER NOT NULL REFERENCES clients (id),
    decision       TEXT NOT NULL CHECK (decision IN ('proposed', 'accepted', 'rejected', 'withdrawn')),
    reason         TEXT CHECK (reason IS NULL OR reason IN ('too_early', 'benefit_unclear', 'route_unclear', 'price_gap', 'description_unclear', 'not_our_field', 'other')),
    note           TEXT NOT NULL DEFAULT '',
    score          REAL NOT NULL,
    breakdown      TEXT NOT NULL,
    deal_id        INTEGER REFERENCES deals (id),
    decided_at     TEXT NOT NULL
);
INSERT INTO match_decisions_v11 (id, need_id, achievement_id, enterprise_id, decision, reason,
    note, score, breakdown, deal_id, decided_at)
SELECT id, need_id, achievement_id, enterprise_id, decision, reason, note, score, breakdown,
    deal_id, decided_at FROM match_decisions;
DROP TABLE match_decisions;
ALTER TABLE match_decisions_v11 RENAME TO match_decisions;
CREATE INDEX match_decisions_need ON match_decisions (need_id, achievement_id);
CREATE INDEX match_decisions_enterprise ON match_decisions (enterprise_id);
CREATE INDEX match_decisions_decision
    ON match_decisions (decision, deal_id, need_id, achievement_id, enterprise_id);
";

/// The rights of a service achievement (issue 18): who holds it, the approval, 单列管理, and the
/// income-distribution rule, whose three shares are all there (summing to 100 %) or all absent.
const V12_RIGHTS: &str = "
CREATE TABLE achievement_rights (
    achievement_id     INTEGER PRIMARY KEY REFERENCES achievements (id),
    arrangement        TEXT NOT NULL CHECK (arrangement IN ('institution', 'ownership', 'use_right')),
    ownership_bp       INTEGER CHECK (ownership_bp IS NULL OR ownership_bp BETWEEN 0 AND 10000),
    term_years         INTEGER CHECK (term_years IS NULL OR term_years BETWEEN 1 AND 99),
    approved_on        TEXT,
    approval_no        TEXT NOT NULL DEFAULT '',
    separately_managed INTEGER NOT NULL DEFAULT 0 CHECK (separately_managed IN (0, 1)),
    researchers_bp     INTEGER CHECK (researchers_bp IS NULL OR researchers_bp BETWEEN 0 AND 10000),
    institution_bp     INTEGER CHECK (institution_bp IS NULL OR institution_bp BETWEEN 0 AND 10000),
    office_bp          INTEGER CHECK (office_bp IS NULL OR office_bp BETWEEN 0 AND 10000),
    updated_at         TEXT NOT NULL,
    CHECK ((arrangement = 'ownership') = (ownership_bp IS NOT NULL)),
    CHECK ((arrangement = 'use_right') = (term_years IS NOT NULL)),
    CHECK ((researchers_bp IS NULL AND institution_bp IS NULL AND office_bp IS NULL)
        OR researchers_bp + institution_bp + office_bp = 10000)
);
";

/// Carriers that mature achievements, their projects with milestones, and the maturity an
/// achievement gained from one.
const V13_MATURATION: &str = "
CREATE TABLE carriers (
    client_id        INTEGER PRIMARY KEY REFERENCES clients (id),
    kind             TEXT NOT NULL CHECK (kind IN ('pilot_base', 'proof_of_concept', 'training_base', 'transfer_service')),
    fields           TEXT NOT NULL DEFAULT '',
    capabilities     TEXT NOT NULL DEFAULT '',
    equipment        TEXT NOT NULL DEFAULT '',
    capacity         TEXT NOT NULL DEFAULT '',
    typical_cost_fen INTEGER CHECK (typical_cost_fen IS NULL OR (typical_cost_fen >= 0 AND typical_cost_fen < 1000000000000)),
    updated_at       TEXT NOT NULL
);
CREATE TABLE maturation_projects (
    id             INTEGER PRIMARY KEY,
    kind           TEXT NOT NULL CHECK (kind IN ('pilot', 'proof_of_concept')),
    title          TEXT NOT NULL,
    achievement_id INTEGER NOT NULL REFERENCES achievements (id),
    carrier_id     INTEGER NOT NULL REFERENCES clients (id),
    enterprise_id  INTEGER REFERENCES clients (id),
    need_id        INTEGER REFERENCES needs (id),
    start_on       TEXT NOT NULL,
    planned_end    TEXT NOT NULL,
    cost_fen       INTEGER CHECK (cost_fen IS NULL OR (cost_fen >= 0 AND cost_fen < 1000000000000)),
    payer          TEXT NOT NULL CHECK (payer IN ('enterprise', 'carrier', 'government_fund', 'shared')),
    outcome        TEXT CHECK (outcome IS NULL OR outcome IN ('to_production', 'more_maturation', 'stopped')),
    ended_on       TEXT,
    created_at     TEXT NOT NULL,
    updated_at     TEXT NOT NULL,
    deleted_at     TEXT
);
CREATE INDEX maturation_projects_achievement ON maturation_projects (achievement_id);
CREATE TABLE project_milestones (
    id         INTEGER PRIMARY KEY,
    project_id INTEGER NOT NULL REFERENCES maturation_projects (id),
    position   INTEGER NOT NULL,
    title      TEXT NOT NULL,
    due        TEXT NOT NULL,
    done       INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX project_milestones_project ON project_milestones (project_id, position);
CREATE TABLE maturity_history (
    id             INTEGER PRIMARY KEY,
    achievement_id INTEGER NOT NULL REFERENCES achievements (id),
    trl_before     INTEGER NOT NULL,
    stage_before   TEXT NOT NULL,
    trl            INTEGER NOT NULL,
    stage          TEXT NOT NULL,
    project_id     INTEGER REFERENCES maturation_projects (id),
    changed_at     TEXT NOT NULL
);
CREATE INDEX maturity_history_achievement ON maturity_history (achievement_id);
";

/// Documents attached to a deal, an achievement or a client (issue 18). The file itself is in
/// `<db>.files/`, named by its SHA-256; the owner is a kind and an id, as a document may belong to
/// any of three tables.
const V14_DOCUMENTS: &str = "
CREATE TABLE documents (
    id          INTEGER PRIMARY KEY,
    owner_kind  TEXT NOT NULL CHECK (owner_kind IN ('deal', 'achievement', 'client')),
    owner_id    INTEGER NOT NULL,
    kind        TEXT NOT NULL CHECK (kind IN ('contract', 'registration', 'patent', 'evaluation', 'pilot_report', 'other')),
    name        TEXT NOT NULL,
    bytes       INTEGER NOT NULL CHECK (bytes >= 0),
    sha256      TEXT NOT NULL CHECK (length(sha256) = 64),
    added_at    TEXT NOT NULL,
    deleted_at  TEXT
);
CREATE INDEX documents_owner ON documents (owner_kind, owner_id);
CREATE INDEX documents_sha256 ON documents (sha256);
";

/// Team membership (issue 19): the shared store this file syncs with, the outbox of changes the
/// triggers record in the same transaction as each write, the ids that are unique across
/// laptops, and what came down from the server (others' deals in outline, conflicts, the audit).
const V15_TEAM: &str = "
CREATE TABLE team_membership (
    id          INTEGER PRIMARY KEY CHECK (id = 1),
    server      TEXT NOT NULL,
    user        TEXT NOT NULL,
    role        TEXT NOT NULL CHECK (role IN ('broker', 'manager', 'admin')),
    joined_at   TEXT NOT NULL,
    last_sync   TEXT,
    pulled_seq  INTEGER NOT NULL DEFAULT 0,
    board_seq   INTEGER NOT NULL DEFAULT 0,
    audit_seq   INTEGER NOT NULL DEFAULT 0,
    conflict_seq INTEGER NOT NULL DEFAULT 0,
    push_id     TEXT,
    push_through INTEGER,
    applying    INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE sync_map (
    tbl     TEXT NOT NULL,
    row_id  INTEGER NOT NULL,
    uid     TEXT NOT NULL UNIQUE,
    version INTEGER NOT NULL DEFAULT 0,
    owner   TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (tbl, row_id)
);
CREATE TABLE sync_outbox (
    id     INTEGER PRIMARY KEY,
    tbl    TEXT NOT NULL,
    row_id INTEGER NOT NULL,
    op     TEXT NOT NULL CHECK (op IN ('I', 'U', 'D')),
    old    TEXT
);
CREATE INDEX sync_outbox_row ON sync_outbox (tbl, row_id);
CREATE TABLE team_conflicts (
    id           INTEGER PRIMARY KEY,
    server_id    INTEGER UNIQUE,
    tbl          TEXT NOT NULL,
    uid          TEXT NOT NULL,
    kind         TEXT NOT NULL CHECK (kind IN ('field', 'delete_vs_edit', 'edit_of_deleted', 'waiting')),
    field        TEXT NOT NULL DEFAULT '',
    base         TEXT,
    kept         TEXT,
    theirs       TEXT,
    by           TEXT NOT NULL,
    record_owner TEXT NOT NULL DEFAULT '',
    at           TEXT NOT NULL,
    resolved_at  TEXT,
    resolved_by  TEXT NOT NULL DEFAULT '',
    sent         INTEGER NOT NULL DEFAULT 1
);
CREATE TABLE team_deals (
    uid        TEXT PRIMARY KEY,
    owner      TEXT NOT NULL,
    title      TEXT NOT NULL,
    stage      TEXT NOT NULL,
    seller_uid TEXT,
    buyer_uid  TEXT,
    deleted    INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE team_audit (
    id      INTEGER PRIMARY KEY,
    uid     TEXT NOT NULL,
    tbl     TEXT NOT NULL,
    op      TEXT NOT NULL,
    by      TEXT NOT NULL,
    at      TEXT NOT NULL,
    changed TEXT NOT NULL
);
CREATE INDEX team_audit_uid ON team_audit (uid, id);
CREATE TABLE team_inbox (
    uid     TEXT PRIMARY KEY,
    tbl     TEXT NOT NULL,
    owner   TEXT NOT NULL,
    version INTEGER NOT NULL,
    deleted INTEGER NOT NULL,
    data    TEXT NOT NULL,
    reason  TEXT NOT NULL
);
";

pub fn migrations() -> Migrations<'static> {
    Migrations::new(vec![
        M::up(V1).comment("clients, contacts, interactions"),
        M::up(V2).comment("fields, achievements with IP items, needs"),
        M::up(V3).comment("settings, deals, match decisions"),
        M::up(V4).comment("deal terms, registration, payment plans"),
        M::up(V5).comment("indexes for the dashboard's counts"),
        M::up(V6_BUDGET_RANGE).comment("need budgets as ranges, kept as written"),
        M::up(V7_CONTRACT_NUMBER).comment("deals' contract numbers and contract subtypes"),
        M::up(V8_THESAURUS).comment("matching thesaurus"),
        M::up(V9_UNIQUE_CREDIT_CODE).comment("one live client per credit code"),
        M::up(V10_TRASHED_PAYMENTS).comment("instalments and receipts in the trash"),
        M::up(V11_WITHDRAWN_DECISIONS).comment("decisions that can be taken back"),
        M::up(V12_RIGHTS).comment("rights of service achievements and income shares"),
        M::up(V13_MATURATION).comment("carriers, maturation projects, maturity history"),
        M::up(V14_DOCUMENTS).comment("documents of deals, achievements and clients"),
        M::up(V15_TEAM).comment("team membership, outbox, sync ids, what came from the server"),
        M::up_with_hook("", super::in_lists::rewrite_tables)
            .comment("CHECK constraints as comparisons, not IN lists"),
    ])
}

/// The schema version this build writes.
pub fn latest_version() -> i64 {
    16
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
