//! Which tables travel to the shared store, in the order a record's references are written before
//! it, with the columns that refer to other records (they travel as the referenced record's id
//! across the team, never as a local integer).

/// A table that syncs.
#[derive(Debug)]
pub struct Synced {
    pub name: &'static str,
    /// Columns holding another record's local id, with that record's table.
    pub refs: &'static [(&'static str, &'static str)],
    /// A broker's own work: others see a deal only in outline and nothing of the rest.
    pub private: bool,
    /// The column naming the deal the row belongs to, for rows private to a deal's broker.
    pub deal_ref: Option<&'static str>,
}

const fn shared(name: &'static str, refs: &'static [(&'static str, &'static str)]) -> Synced {
    Synced {
        name,
        refs,
        private: false,
        deal_ref: None,
    }
}

const fn private(
    name: &'static str,
    refs: &'static [(&'static str, &'static str)],
    deal_ref: Option<&'static str>,
) -> Synced {
    Synced {
        name,
        refs,
        private: true,
        deal_ref,
    }
}

/// Every synced table, referenced tables first.
pub const SYNCED: &[Synced] = &[
    shared("clients", &[]),
    shared("contacts", &[("client_id", "clients")]),
    shared("achievements", &[("owner_id", "clients")]),
    shared("ip_items", &[("achievement_id", "achievements")]),
    shared("needs", &[("enterprise_id", "clients")]),
    shared("match_thesaurus", &[]),
    shared("achievement_rights", &[("achievement_id", "achievements")]),
    shared("carriers", &[("client_id", "clients")]),
    private(
        "deals",
        &[
            ("need_id", "needs"),
            ("seller_id", "clients"),
            ("buyer_id", "clients"),
        ],
        None,
    ),
    private(
        "deal_achievements",
        &[("deal_id", "deals"), ("achievement_id", "achievements")],
        Some("deal_id"),
    ),
    private(
        "deal_stage_history",
        &[("deal_id", "deals")],
        Some("deal_id"),
    ),
    private("instalments", &[("deal_id", "deals")], Some("deal_id")),
    private("receipts", &[("deal_id", "deals")], Some("deal_id")),
    private(
        "interactions",
        &[("client_id", "clients"), ("deal_id", "deals")],
        Some("deal_id"),
    ),
    private(
        "match_decisions",
        &[
            ("need_id", "needs"),
            ("achievement_id", "achievements"),
            ("enterprise_id", "clients"),
            ("deal_id", "deals"),
        ],
        Some("deal_id"),
    ),
    shared(
        "maturation_projects",
        &[
            ("achievement_id", "achievements"),
            ("carrier_id", "clients"),
            ("enterprise_id", "clients"),
            ("need_id", "needs"),
        ],
    ),
    shared(
        "project_milestones",
        &[("project_id", "maturation_projects")],
    ),
    shared(
        "maturity_history",
        &[
            ("achievement_id", "achievements"),
            ("project_id", "maturation_projects"),
        ],
    ),
    // A document's owner is a kind and an id (see documents_owner_table); a deal's documents are
    // the deal broker's.
    private("documents", &[], None),
];

/// Tables that stay on the laptop: settings, the fixed list of fields, and sync's own records.
pub const LOCAL_ONLY: &[&str] = &[
    "settings",
    "fields",
    "team_membership",
    "sync_map",
    "sync_outbox",
    "team_conflicts",
    "team_deals",
    "team_audit",
    "team_inbox",
];

pub fn synced(name: &str) -> Option<&'static Synced> {
    SYNCED.iter().find(|t| t.name == name)
}

/// The table a document's owner is in, by its kind.
pub fn documents_owner_table(kind: &str) -> Option<&'static str> {
    match kind {
        "deal" => Some("deals"),
        "achievement" => Some("achievements"),
        "client" => Some("clients"),
        _ => None,
    }
}

/// Whether a document is private: a deal's are its broker's, others are the catalogue's.
pub fn document_is_private(kind: &str) -> bool {
    kind == "deal"
}
