//! Record ids, one type per table, so a need's id cannot be passed where a deal's is wanted.
//! The SQLite conversions live in `store::ids` (no SQL here). Code that handles records of
//! any one kind by a plain number (the import planner) turns an id into its `i64` with `into`.

use std::fmt;
use std::num::ParseIntError;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

macro_rules! ids {
    ($($(#[$doc:meta])* $name:ident;)*) => {$(
        $(#[$doc])*
        #[derive(
            Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
        )]
        #[serde(transparent)]
        pub struct $name(pub i64);

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                self.0.fmt(f)
            }
        }

        impl From<$name> for i64 {
            fn from(id: $name) -> i64 {
                id.0
            }
        }

        /// The command line takes ids as plain numbers.
        impl FromStr for $name {
            type Err = ParseIntError;

            fn from_str(s: &str) -> Result<Self, Self::Err> {
                s.parse().map($name)
            }
        }
    )*};
}

// The store's `ids!` invocation implements ToSql/FromSql for exactly this list; keep them in step.
ids! {
    ClientId;
    ContactId;
    InteractionId;
    AchievementId;
    NeedId;
    DealId;
    SynonymId;
    /// A planned instalment of a deal.
    InstalmentId;
    /// A payment received on a deal.
    ReceiptId;
    /// A pilot or proof-of-concept project.
    ProjectId;
    /// A document attached to a deal, an achievement or a client.
    DocumentId;
}
