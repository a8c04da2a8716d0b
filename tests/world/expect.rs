//! What a broker expects after an import, as assertions on an `Outcome`. Every failure prints the
//! import's exit, its output and what was stored, so the case's name and this say what went wrong.

use std::collections::BTreeSet;
use std::fmt::Debug;
use std::ops::RangeInclusive;

use chrono::NaiveDate;

use super::records::{
    Achievement, Client, ClientKind, ContractType, Deal, DealStage, Mode, Money, Need, Stage,
    Stored,
};
use super::{Kind, Outcome};

/// 万元 to fen.
pub fn wan(x: f64) -> i64 {
    (x * 1_000_000.0).round() as i64
}

/// 亿元 to fen.
pub fn yi(x: f64) -> i64 {
    (x * 10_000_000_000.0).round() as i64
}

/// 元 to fen.
pub fn yuan(x: f64) -> i64 {
    (x * 100.0).round() as i64
}

pub fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("a valid date")
}

/// A price or budget as the file states it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Price {
    /// This amount (fen).
    Exact(i64),
    /// 面议, 电议, 协商…
    Negotiable,
    /// "50-100万": both bounds (fen).
    Between(i64, i64),
    /// "100万以内", "不超过200万": an upper bound, no lower one (or zero).
    UpTo(i64),
    /// "500万以上": a lower bound, no upper one.
    AtLeast(i64),
    /// "200万左右": this amount, or a bounded range around it.
    Around(i64),
}

impl Price {
    pub fn matches(self, m: &Money) -> bool {
        if self == Price::Negotiable {
            return m.negotiable;
        }
        if m.negotiable {
            return false;
        }
        match self {
            Price::Exact(v) => m.lo == Some(v) && m.hi == Some(v),
            Price::Between(lo, hi) => m.lo == Some(lo) && m.hi == Some(hi),
            Price::UpTo(hi) => matches!(m.lo, None | Some(0)) && m.hi == Some(hi),
            Price::AtLeast(lo) => m.lo == Some(lo) && m.hi.is_none(),
            Price::Around(v) => matches!((m.lo, m.hi), (Some(lo), Some(hi)) if lo <= v && v <= hi),
            Price::Negotiable => unreachable!("handled above"),
        }
    }
}

fn is_row_number(text: &str, row: usize) -> bool {
    let needle = row.to_string();
    let bytes = text.as_bytes();
    text.match_indices(&needle).any(|(at, _)| {
        let before = at.checked_sub(1).map(|i| bytes[i]);
        let after = bytes.get(at + needle.len()).copied();
        !before.is_some_and(|b| b.is_ascii_digit()) && !after.is_some_and(|b| b.is_ascii_digit())
    })
}

impl Outcome {
    pub fn context(&self) -> String {
        format!(
            "--- import {} --kind {:?} {}\n--- exit code {:?}, signal {:?}, peak RSS {:?} KB\n\
             --- stdout:\n{}\n--- stderr:\n{}\n--- stored: {}",
            self.file_name,
            self.kind,
            self.args.join(" "),
            self.code,
            self.signal,
            self.peak_rss_kb,
            self.stdout.trim_end(),
            self.stderr.trim_end(),
            self.stored.summary()
        )
    }

    #[track_caller]
    pub fn fail(&self, what: impl AsRef<str>) -> ! {
        panic!("{}\n{}", what.as_ref(), self.context())
    }

    #[track_caller]
    fn check(&self, ok: bool, what: impl FnOnce() -> String) {
        if !ok {
            self.fail(what());
        }
    }

    /// Whatever the file, the program ends by itself: no signal, no panic.
    #[track_caller]
    pub fn no_crash(&self) -> &Self {
        self.check(self.signal.is_none(), || {
            format!("the import was killed by signal {:?}", self.signal)
        });
        self.check(
            self.code != Some(101) && !self.stderr.contains("panicked at"),
            || "the import panicked".to_owned(),
        );
        self
    }

    /// Exit 0.
    #[track_caller]
    pub fn succeeded(&self) -> &Self {
        self.no_crash();
        self.check(self.code == Some(0), || {
            "the import did not succeed".to_owned()
        });
        self
    }

    /// Exit non-zero and nothing stored at all.
    #[track_caller]
    pub fn refused(&self) -> &Self {
        self.no_crash();
        self.check(self.code.is_some_and(|c| c != 0), || {
            "the import should have been refused (non-zero exit)".to_owned()
        });
        self.check(self.stored.is_empty(), || {
            "a refused import must store nothing".to_owned()
        });
        self
    }

    pub fn count(&self, kind: Kind) -> usize {
        let s: &Stored = &self.stored;
        match kind {
            Kind::Clients => s.clients.len(),
            Kind::Achievements => s.achievements.len(),
            Kind::Needs => s.needs.len(),
            Kind::Deals => s.deals.len(),
        }
    }

    /// Exactly `n` records of the kind imported.
    #[track_caller]
    pub fn stored(&self, n: usize) -> &Self {
        let got = self.count(self.kind);
        self.check(got == n, || {
            format!("expected {n} {:?} stored, found {got}", self.kind)
        });
        self
    }

    #[track_caller]
    pub fn stored_kind(&self, kind: Kind, n: usize) -> &Self {
        let got = self.count(kind);
        self.check(got == n, || {
            format!("expected {n} {kind:?} stored, found {got}")
        });
        self
    }

    /// The import's messages (stderr, then stdout) mention one of `words`.
    #[track_caller]
    pub fn says_any(&self, words: &[&str]) -> &Self {
        let all = format!("{}\n{}", self.stderr, self.stdout);
        self.check(words.iter().any(|w| all.contains(w)), || {
            format!("the messages should mention one of {words:?}")
        });
        self
    }

    /// The messages name spreadsheet row `row` (the number the user sees at the left of Excel, or
    /// the line of a CSV file).
    #[track_caller]
    pub fn names_row(&self, row: usize) -> &Self {
        let all = format!("{}\n{}", self.stderr, self.stdout);
        self.check(is_row_number(&all, row), || {
            format!("the messages should name row {row}")
        });
        self
    }

    /// None of `texts` is anywhere in what was stored (a total row's label, an IP address…).
    #[track_caller]
    pub fn nowhere(&self, texts: &[&str]) -> &Self {
        for t in texts {
            self.check(!self.stored.text.contains(t), || {
                format!("{t:?} should not be stored anywhere")
            });
        }
        self
    }

    /// No record's title (or client's name) contains one of `words`: totals and footers are not
    /// records.
    #[track_caller]
    pub fn no_title_contains(&self, words: &[&str]) -> &Self {
        let s = &self.stored;
        let titles = s
            .achievements
            .iter()
            .map(|a| &a.title)
            .chain(s.needs.iter().map(|n| &n.title))
            .chain(s.deals.iter().map(|d| &d.title))
            .chain(s.clients.iter().map(|c| &c.name));
        for t in titles {
            for w in words {
                self.check(!t.contains(w), || {
                    format!("{t:?} is a footer or total, not a record")
                });
            }
        }
        self
    }

    /// No text stored contains U+FFFD (a byte sequence decoded with the wrong encoding).
    #[track_caller]
    pub fn no_replacement_characters(&self) -> &Self {
        self.check(!self.stored.text.contains('\u{FFFD}'), || {
            "text was stored with U+FFFD in it (decoded with the wrong encoding)".to_owned()
        });
        self
    }

    #[track_caller]
    pub fn achievement(&self, title: &str) -> Rec<'_, Achievement> {
        match self.stored.achievements.iter().find(|a| a.title == title) {
            Some(rec) => Rec { out: self, rec },
            None => self.fail(format!("no achievement titled {title:?}")),
        }
    }

    #[track_caller]
    pub fn need(&self, title: &str) -> Rec<'_, Need> {
        match self.stored.needs.iter().find(|n| n.title == title) {
            Some(rec) => Rec { out: self, rec },
            None => self.fail(format!("no need titled {title:?}")),
        }
    }

    #[track_caller]
    pub fn client(&self, name: &str) -> Rec<'_, Client> {
        match self.stored.clients.iter().find(|c| c.name == name) {
            Some(rec) => Rec { out: self, rec },
            None => self.fail(format!("no client named {name:?}")),
        }
    }

    #[track_caller]
    pub fn deal(&self, title: &str) -> Rec<'_, Deal> {
        match self.stored.deals.iter().find(|d| d.title == title) {
            Some(rec) => Rec { out: self, rec },
            None => self.fail(format!("no deal titled {title:?}")),
        }
    }
}

/// One stored record, with the outcome for context when a check fails.
pub struct Rec<'a, T> {
    pub out: &'a Outcome,
    pub rec: &'a T,
}

impl<T: Debug> Rec<'_, T> {
    #[track_caller]
    fn check(&self, ok: bool, what: impl FnOnce() -> String) -> &Self {
        if !ok {
            self.out.fail(format!("{}\n  in {:?}", what(), self.rec));
        }
        self
    }

    #[track_caller]
    fn eq<V: PartialEq + Debug>(&self, label: &str, got: V, want: V) -> &Self {
        self.check(got == want, || {
            format!("{label}: expected {want:?}, found {got:?}")
        })
    }
}

fn digits(s: &str) -> String {
    s.chars()
        .filter_map(|c| match c {
            '0'..='9' => Some(c),
            '０'..='９' => char::from_u32(c as u32 - 0xFEE0),
            _ => None,
        })
        .collect()
}

fn check_trl(got: Option<u8>, want: &RangeInclusive<u8>) -> bool {
    got.is_some_and(|t| want.contains(&t))
}

impl Rec<'_, Achievement> {
    #[track_caller]
    pub fn owner(&self, name: &str) -> &Self {
        self.eq("owner", self.rec.owner.as_str(), name)
    }
    #[track_caller]
    pub fn owner_kind(&self, kind: ClientKind) -> &Self {
        self.eq("owner kind", self.rec.owner_kind, Some(kind))
    }
    #[track_caller]
    pub fn field(&self, field: &str) -> &Self {
        self.eq("field", self.rec.field.as_str(), field)
    }
    #[track_caller]
    pub fn field_given(&self) -> &Self {
        self.check(!self.rec.field.trim().is_empty(), || {
            "the field is empty".to_owned()
        })
    }
    #[track_caller]
    pub fn trl(&self, want: RangeInclusive<u8>) -> &Self {
        self.check(check_trl(self.rec.trl, &want), || {
            format!("TRL: expected {want:?}, found {:?}", self.rec.trl)
        })
    }
    #[track_caller]
    pub fn stage(&self, allowed: &[Stage]) -> &Self {
        self.check(self.rec.stage.is_some_and(|s| allowed.contains(&s)), || {
            format!(
                "stage: expected one of {allowed:?}, found {:?}",
                self.rec.stage
            )
        })
    }
    #[track_caller]
    pub fn price(&self, want: Price) -> &Self {
        self.check(want.matches(&self.rec.price), || {
            format!("price: expected {want:?}, found {:?}", self.rec.price)
        })
    }
    #[track_caller]
    pub fn keywords(&self, n: usize) -> &Self {
        self.eq("keyword count", self.rec.keywords.len(), n)
    }
    #[track_caller]
    pub fn keyword_list(&self, want: &[&str]) -> &Self {
        let got: Vec<&str> = self.rec.keywords.iter().map(String::as_str).collect();
        self.eq("keywords", got, want.to_vec())
    }
    #[track_caller]
    pub fn modes(&self, want: &[Mode]) -> &Self {
        let got: BTreeSet<Mode> = self.rec.modes.iter().copied().collect();
        let want: BTreeSet<Mode> = want.iter().copied().collect();
        self.eq("transfer modes", got, want)
    }
    #[track_caller]
    pub fn abstract_contains(&self, text: &str) -> &Self {
        self.check(self.rec.abstract_text.contains(text), || {
            format!("the abstract should contain {text:?}")
        })
    }
    #[track_caller]
    pub fn registration_no(&self, no: &str) -> &Self {
        self.eq("registration number", self.rec.registration_no.as_str(), no)
    }
    #[track_caller]
    pub fn inventors_include(&self, name: &str) -> &Self {
        self.check(self.rec.inventors.contains(name), || {
            format!("inventors should include {name:?}")
        })
    }
}

impl Rec<'_, Need> {
    #[track_caller]
    pub fn enterprise(&self, name: &str) -> &Self {
        self.eq("enterprise", self.rec.enterprise.as_str(), name)
    }
    #[track_caller]
    pub fn field(&self, field: &str) -> &Self {
        self.eq("field", self.rec.field.as_str(), field)
    }
    #[track_caller]
    pub fn budget(&self, want: Price) -> &Self {
        self.check(want.matches(&self.rec.budget), || {
            format!("budget: expected {want:?}, found {:?}", self.rec.budget)
        })
    }
    #[track_caller]
    pub fn deadline(&self, y: i32, m: u32, d: u32) -> &Self {
        self.eq("deadline", self.rec.deadline, Some(ymd(y, m, d)))
    }
    #[track_caller]
    pub fn no_deadline(&self) -> &Self {
        self.eq("deadline", self.rec.deadline, None)
    }
    #[track_caller]
    pub fn keywords(&self, n: usize) -> &Self {
        self.eq("keyword count", self.rec.keywords.len(), n)
    }
    #[track_caller]
    pub fn confidential(&self, yes: bool) -> &Self {
        self.eq("confidential", self.rec.confidential, yes)
    }
    #[track_caller]
    pub fn description_contains(&self, text: &str) -> &Self {
        self.check(self.rec.description.contains(text), || {
            format!("the description should contain {text:?}")
        })
    }
}

impl Rec<'_, Client> {
    #[track_caller]
    pub fn kind(&self, kind: ClientKind) -> &Self {
        self.eq("kind", self.rec.kind, Some(kind))
    }
    /// The code normalised (spaces out, full-width to ASCII, upper case) or kept as written.
    #[track_caller]
    pub fn credit_code(&self, code: &str) -> &Self {
        let normal: String = self
            .rec
            .credit_code
            .chars()
            .filter(|c| !c.is_whitespace())
            .map(|c| match c {
                '！'..='～' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
                other => other,
            })
            .flat_map(char::to_uppercase)
            .collect();
        self.eq("credit code (normalised)", normal.as_str(), code)
    }
    #[track_caller]
    pub fn region(&self, province: &str, city: &str, district: &str) -> &Self {
        let got = (
            self.rec.province.as_str(),
            self.rec.city.as_str(),
            self.rec.district.as_str(),
        );
        self.eq("region", got, (province, city, district))
    }
    #[track_caller]
    pub fn industry(&self, industry: &str) -> &Self {
        self.eq("industry", self.rec.industry.as_str(), industry)
    }
    #[track_caller]
    pub fn contact(&self, name: &str) -> &Self {
        self.check(self.rec.contacts.iter().any(|c| c.name == name), || {
            format!("a contact named {name:?}")
        })
    }
    /// Every number is kept (as written or normalised): their digits are in the contacts' phones.
    #[track_caller]
    pub fn phones_keep(&self, numbers: &[&str]) -> &Self {
        let all: String = self
            .rec
            .contacts
            .iter()
            .map(|c| digits(&c.phone) + "|")
            .collect();
        for n in numbers {
            self.check(all.contains(&digits(n)), || {
                format!("the phone number {n:?} was lost")
            });
        }
        self
    }
    /// One contact's phone is exactly `phone` (a number cell must not come back as "1.38E+10").
    #[track_caller]
    pub fn phone(&self, phone: &str) -> &Self {
        self.check(self.rec.contacts.iter().any(|c| c.phone == phone), || {
            format!("a contact with phone {phone:?}")
        })
    }
    #[track_caller]
    pub fn email(&self, email: &str) -> &Self {
        self.check(self.rec.contacts.iter().any(|c| c.email == email), || {
            format!("a contact with e-mail {email:?}")
        })
    }
}

impl Rec<'_, Deal> {
    #[track_caller]
    pub fn seller(&self, name: &str) -> &Self {
        self.eq("seller", self.rec.seller.as_str(), name)
    }
    #[track_caller]
    pub fn buyer(&self, name: &str) -> &Self {
        self.eq("buyer", self.rec.buyer.as_str(), name)
    }
    #[track_caller]
    pub fn stage(&self, allowed: &[DealStage]) -> &Self {
        self.check(self.rec.stage.is_some_and(|s| allowed.contains(&s)), || {
            format!(
                "stage: expected one of {allowed:?}, found {:?}",
                self.rec.stage
            )
        })
    }
    #[track_caller]
    pub fn contract_type(&self, kind: ContractType) -> &Self {
        self.eq("contract type", self.rec.contract_type, Some(kind))
    }
    #[track_caller]
    pub fn subtype(&self, sub: &str) -> &Self {
        self.eq(
            "contract subtype",
            self.rec.contract_subtype.as_deref(),
            Some(sub),
        )
    }
    #[track_caller]
    pub fn contract_no(&self, no: &str) -> &Self {
        self.eq("contract number", self.rec.contract_no.as_deref(), Some(no))
    }
    #[track_caller]
    pub fn amount(&self, fen: i64) -> &Self {
        self.eq("contract amount", self.rec.contract_amount, Some(fen))
    }
    #[track_caller]
    pub fn tech_amount(&self, fen: i64) -> &Self {
        self.eq(
            "technology-transaction amount",
            self.rec.tech_amount,
            Some(fen),
        )
    }
    #[track_caller]
    pub fn signed(&self, y: i32, m: u32, d: u32) -> &Self {
        self.eq("signing date", self.rec.signed_on, Some(ymd(y, m, d)))
    }
}

// --- Round trips ----------------------------------------------------------------------------------

/// Compares two lists of records on what `view` picks, in any order; prints the first difference.
#[track_caller]
pub fn same_records<T, V: Ord + Debug>(
    what: &str,
    before: &[T],
    after: &Outcome,
    got: &[T],
    view: impl Fn(&T) -> V,
) {
    let mut a: Vec<V> = before.iter().map(&view).collect();
    let mut b: Vec<V> = got.iter().map(&view).collect();
    a.sort();
    b.sort();
    if a.len() != b.len() {
        after.fail(format!(
            "{what}: {} before the round trip, {} after",
            a.len(),
            b.len()
        ));
    }
    if let Some((x, y)) = a.iter().zip(&b).find(|(x, y)| x != y) {
        after.fail(format!(
            "{what} changed in the round trip:\n  before {x:?}\n  after  {y:?}"
        ));
    }
}

/// What the achievement list (CSV and Excel) carries.
pub fn achievement_listed(a: &Achievement) -> impl Ord + Debug + use<> {
    (
        a.title.clone(),
        a.owner.clone(),
        a.field.clone(),
        a.keywords.clone(),
        a.trl,
        a.stage,
        (a.price.negotiable, a.price.lo, a.price.hi),
        a.status.clone(),
    )
}

/// The whole achievement (the JSON export carries it all).
pub fn achievement_whole(a: &Achievement) -> impl Ord + Debug + use<> {
    (
        achievement_listed(a),
        a.owner_kind,
        a.inventors.clone(),
        a.abstract_text.clone(),
        a.modes.clone(),
        a.registration_no.clone(),
    )
}

/// What the need list carries.
pub fn need_listed(n: &Need) -> impl Ord + Debug + use<> {
    (
        n.title.clone(),
        n.enterprise.clone(),
        n.field.clone(),
        n.keywords.clone(),
        (n.budget.negotiable, n.budget.lo, n.budget.hi),
        n.deadline,
        n.status.clone(),
        n.confidential,
    )
}

pub fn need_whole(n: &Need) -> impl Ord + Debug + use<> {
    (need_listed(n), n.description.clone())
}

/// What the client list carries.
pub fn client_listed(c: &Client) -> impl Ord + Debug + use<> {
    (
        c.name.clone(),
        c.kind,
        c.province.clone(),
        c.city.clone(),
        c.district.clone(),
        c.industry.clone(),
    )
}

pub fn client_whole(c: &Client) -> impl Ord + Debug + use<> {
    let mut contacts = c.contacts.clone();
    contacts.sort();
    (client_listed(c), c.credit_code.clone(), contacts)
}

/// What the deal list carries, with the report's signing date and amounts.
pub fn deal_listed(d: &Deal) -> impl Ord + Debug + use<> {
    (
        d.title.clone(),
        d.seller.clone(),
        d.buyer.clone(),
        d.stage,
        d.contract_type,
        d.contract_amount,
        d.tech_amount,
        d.signed_on,
        d.field.clone(),
    )
}
