//! Documents attached to a deal, an achievement or a client: what kind of paper each is, what
//! it belongs to, and the stored copy's name (its SHA-256), so one file attached twice is kept
//! once.

use std::fmt::Write as _;

use chrono::{DateTime, Utc};

use super::{AchievementId, ClientId, DealId};
use crate::domain::id::DocumentId;

/// What a document is, in the words of a technology-transfer file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum DocumentKind {
    /// 合同
    Contract,
    /// 登记证明
    Registration,
    /// 专利证书
    Patent,
    /// 评估报告
    Evaluation,
    /// 中试报告
    PilotReport,
    /// 其他
    #[default]
    Other,
}

impl DocumentKind {
    pub const ALL: [DocumentKind; 6] = [
        DocumentKind::Contract,
        DocumentKind::Registration,
        DocumentKind::Patent,
        DocumentKind::Evaluation,
        DocumentKind::PilotReport,
        DocumentKind::Other,
    ];

    pub fn code(self) -> &'static str {
        match self {
            DocumentKind::Contract => "contract",
            DocumentKind::Registration => "registration",
            DocumentKind::Patent => "patent",
            DocumentKind::Evaluation => "evaluation",
            DocumentKind::PilotReport => "pilot_report",
            DocumentKind::Other => "other",
        }
    }

    pub fn from_code(code: &str) -> Option<DocumentKind> {
        DocumentKind::ALL.into_iter().find(|k| k.code() == code)
    }
}

/// The record a document is attached to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Owner {
    Deal(DealId),
    Achievement(AchievementId),
    Client(ClientId),
}

impl From<DealId> for Owner {
    fn from(id: DealId) -> Owner {
        Owner::Deal(id)
    }
}

impl From<AchievementId> for Owner {
    fn from(id: AchievementId) -> Owner {
        Owner::Achievement(id)
    }
}

impl From<ClientId> for Owner {
    fn from(id: ClientId) -> Owner {
        Owner::Client(id)
    }
}

impl Owner {
    /// The stored code of the owner's kind.
    pub fn code(self) -> &'static str {
        match self {
            Owner::Deal(_) => "deal",
            Owner::Achievement(_) => "achievement",
            Owner::Client(_) => "client",
        }
    }

    pub fn id(self) -> i64 {
        match self {
            Owner::Deal(id) => id.0,
            Owner::Achievement(id) => id.0,
            Owner::Client(id) => id.0,
        }
    }

    pub fn from_parts(code: &str, id: i64) -> Option<Owner> {
        match code {
            "deal" => Some(Owner::Deal(DealId(id))),
            "achievement" => Some(Owner::Achievement(AchievementId(id))),
            "client" => Some(Owner::Client(ClientId(id))),
            _ => None,
        }
    }
}

/// A SHA-256 digest of a file's bytes, the name of its stored copy.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Sha256(String);

impl Sha256 {
    /// A finished digest's bytes, as lowercase hex.
    pub fn from_digest(digest: &[u8]) -> Sha256 {
        let mut hex = String::with_capacity(digest.len() * 2);
        for b in digest {
            // Writing to a String cannot fail.
            let _ = write!(hex, "{b:02x}");
        }
        Sha256(hex)
    }

    /// A stored hash, accepted only as 64 lowercase hex digits: it names a file, so nothing
    /// else (no `..`, no slash) may pass.
    pub fn parse(hex: &str) -> Option<Sha256> {
        let ok = hex.len() == 64 && hex.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'));
        ok.then(|| Sha256(hex.to_owned()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// One attached document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Document {
    pub id: DocumentId,
    pub owner: Owner,
    pub kind: DocumentKind,
    /// The file's name when it was attached, shown in the list.
    pub name: String,
    pub bytes: u64,
    pub sha256: Sha256,
    pub added_at: DateTime<Utc>,
}

/// The name shown for a file: its last path component, or a placeholder for a path without
/// one (a root), so no document is listed without a name.
pub fn display_name(path: &std::path::Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .filter(|n| !n.is_empty())
        .unwrap_or_else(|| "file".to_owned())
}

/// A size as the list shows it: bytes, KB or MB with one decimal.
pub fn format_size(bytes: u64) -> String {
    const KB: u64 = 1024;
    const MB: u64 = 1024 * 1024;
    match bytes {
        b if b < KB => format!("{b} B"),
        b if b < MB => format!("{:.1} KB", b as f64 / KB as f64),
        b => format!("{:.1} MB", b as f64 / MB as f64),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_round_trip_through_their_codes() {
        for k in DocumentKind::ALL {
            assert_eq!(DocumentKind::from_code(k.code()), Some(k));
        }
        assert_eq!(DocumentKind::from_code("invoice"), None);
    }

    #[test]
    fn owners_round_trip_through_their_parts() {
        for o in [
            Owner::Deal(DealId(3)),
            Owner::Achievement(AchievementId(4)),
            Owner::Client(ClientId(5)),
        ] {
            assert_eq!(Owner::from_parts(o.code(), o.id()), Some(o));
        }
        assert_eq!(Owner::from_parts("need", 1), None);
    }

    #[test]
    fn a_hash_is_lowercase_hex_and_nothing_else_passes() {
        let h = Sha256::from_digest(&[0xab; 32]);
        assert_eq!(h.as_str().len(), 64);
        assert_eq!(Sha256::parse(h.as_str()), Some(h));
        assert_eq!(Sha256::parse("../etc/passwd"), None);
        assert_eq!(Sha256::parse(&"A".repeat(64)), None);
        assert_eq!(Sha256::parse(&"a".repeat(63)), None);
    }

    #[test]
    fn sizes_read_as_people_write_them() {
        assert_eq!(format_size(0), "0 B");
        assert_eq!(format_size(1023), "1023 B");
        assert_eq!(format_size(1536), "1.5 KB");
        assert_eq!(format_size(3 * 1024 * 1024), "3.0 MB");
    }

    #[test]
    fn a_name_is_the_last_component() {
        assert_eq!(
            display_name(std::path::Path::new("/tmp/合同.pdf")),
            "合同.pdf"
        );
        assert_eq!(display_name(std::path::Path::new("/")), "file");
    }
}
