//! The two passes of an import over the same rows: `scan` checks every row and counts what
//! would happen, touching nothing; `commit` writes the rows in one transaction with the choices
//! the user made after seeing the scan.

use std::collections::BTreeMap;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::Sender;

use rustc_hash::FxHashMap;

use super::cells::guess_client_kind;
use super::convert::{
    self, Candidate, CellError, CellWarning, DealBase, DealCandidate, OwnerRef, RowProblem, Warning,
};
use super::error::ImportError;
use super::fields::{ImportKind, Target};
use super::layout::{SkipReason, skip_reason};
use super::mapping::Mapping;
use crate::domain::maturation::CarrierDraft;
use crate::domain::rights::RightsDraft;
use crate::domain::{
    AchievementDraft, AchievementId, ClientDraft, ClientId, ClientKind, DealId, NeedDraft, NeedId,
    Problem,
};
use crate::io::read::CellIssue;
use crate::store::{DealImport, ImportIndex, ImportWriter, Store, StoreError, title_key};

/// One row of the source: cells of a sheet, or a record of TechBroker's JSON.
#[derive(Debug, Clone)]
pub struct SourceRow {
    /// As the user finds it: the line or sheet row, or the record's position in a JSON file.
    pub number: usize,
    pub raw: RawRow,
    /// What reading found wrong with some cells, by column.
    pub issues: Vec<(usize, CellIssue)>,
}

impl SourceRow {
    pub fn cells(number: usize, cells: Vec<String>) -> SourceRow {
        SourceRow {
            number,
            raw: RawRow::Cells(cells),
            issues: Vec::new(),
        }
    }
}

/// A source row as the checks take it: left out as no record (a total, a footer), or read by
/// the mapping into a record with its warnings, or into every reason it is refused. Reading
/// needs nothing from the database, so it runs ahead of the checks on a thread of its own.
#[derive(Debug)]
pub struct ReadRow {
    pub number: usize,
    pub raw: RawRow,
    pub read: Result<convert::Converted, SkipReason>,
    keys: RowKeys,
}

impl ReadRow {
    pub fn new(row: SourceRow, mapping: Option<&Mapping>) -> ReadRow {
        let read = match skipped(&row.raw, mapping) {
            Some(reason) => Err(reason),
            None => Ok(read_row(mapping, &row.raw, &row.issues)),
        };
        let keys = match &read {
            Ok(Ok((candidate, _))) => RowKeys::of(candidate),
            _ => RowKeys::default(),
        };
        ReadRow {
            number: row.number,
            raw: row.raw,
            read,
            keys,
        }
    }
}

/// A record's names as duplicates are found by, made on the reading thread: on the thread that
/// checks and writes, they were 4% of its time.
#[derive(Debug, Default)]
struct RowKeys {
    /// Of each organisation the record belongs to, as `owners_of` lists them.
    owners: Vec<String>,
    /// Of the record's name or title.
    title: String,
}

impl RowKeys {
    fn of(c: &Candidate) -> RowKeys {
        let title = match c {
            Candidate::Client { draft, .. } => &draft.name,
            Candidate::Achievement { data, .. } => &data.title,
            Candidate::Need { data, .. } => &data.title,
            Candidate::Deal(d) => &d.terms.title,
        };
        RowKeys {
            owners: owners_of(c)
                .iter()
                .map(|(owner, _, _)| title_key(&owner.name))
                .collect(),
            title: title_key(title),
        }
    }
}

/// What is left of a row once it is checked or written.
pub(super) struct Spent {
    _raw: RawRow,
    _candidate: Option<Candidate>,
}

/// Hands what is left of the rows back to the thread that read them, to be freed there: freed
/// on the thread that writes, the rows of another thread were 5% of its time, and an import's
/// writing is its critical path.
pub(super) struct GiveBack {
    sender: Option<Sender<Vec<Spent>>>,
    spent: Vec<Spent>,
}

/// Rows handed back at a time.
const GIVE_BACK_ROWS: usize = 256;

impl GiveBack {
    /// Rows given to `sender`; with None, dropped where they are.
    pub(super) fn new(sender: Option<Sender<Vec<Spent>>>) -> GiveBack {
        GiveBack {
            sender,
            spent: Vec::new(),
        }
    }

    fn give(&mut self, raw: RawRow, candidate: Option<Candidate>) {
        let Some(sender) = &self.sender else {
            return;
        };
        self.spent.push(Spent {
            _raw: raw,
            _candidate: candidate,
        });
        if self.spent.len() >= GIVE_BACK_ROWS {
            // The reading thread has ended: the rest is freed here.
            let _ = sender.send(std::mem::take(&mut self.spent));
        }
    }
}

#[derive(Debug, Clone)]
pub enum RawRow {
    Cells(Vec<String>),
    Record(Box<Candidate>),
}

/// What to do with a row that is already stored, or appeared earlier in the file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum DuplicatePolicy {
    #[default]
    Skip,
    /// Overwrite the stored record with what the row says (columns not in the file are kept).
    Update,
    KeepBoth,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ImportOptions {
    /// Import the valid rows and hand the others back; otherwise any invalid row stops it all.
    pub skip_invalid: bool,
    pub duplicates: DuplicatePolicy,
    /// Create the organisations rows name that are not clients yet.
    pub create_owners: bool,
}

/// A row that was not imported, with the cells it had and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RowError {
    pub number: usize,
    pub cells: Vec<String>,
    pub errors: Vec<CellError>,
}

/// A row imported with values stored otherwise than written, and how.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RowWarnings {
    pub number: usize,
    pub warnings: Vec<CellWarning>,
}

/// A row under the header that is not a record (a total, a footer, a note).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SkippedRow {
    pub number: usize,
    pub reason: SkipReason,
}

/// What an import would do: the outcome of `scan`.
#[derive(Debug, Clone, Default)]
pub struct ScanReport {
    pub rows: usize,
    /// Rows that can be stored (rows naming an unknown owner included).
    pub valid: usize,
    pub errors: Vec<RowError>,
    /// Organisations named by valid rows that are not clients: name → rows.
    pub unknown_owners: BTreeMap<String, usize>,
    /// Valid rows naming at least one of them.
    pub unknown_owner_rows: usize,
    pub duplicates_in_db: usize,
    pub duplicates_in_file: usize,
    /// The first valid rows, as they will be stored.
    pub preview: Vec<Candidate>,
    /// Valid rows with values stored otherwise than written.
    pub warnings: Vec<RowWarnings>,
    /// Rows left out as totals, footers or notes: not records, not errors.
    pub skipped: Vec<SkippedRow>,
}

pub const PREVIEW_ROWS: usize = 20;

impl ScanReport {
    /// Rows that would be refused with these options.
    pub fn rejected(&self, create_owners: bool) -> usize {
        let unknown = if create_owners {
            0
        } else {
            self.unknown_owner_rows
        };
        self.errors.len() + unknown
    }
}

/// What an import did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ImportSummary {
    pub inserted: usize,
    pub updated: usize,
    pub skipped_duplicates: usize,
    pub owners_created: usize,
    pub contacts_added: usize,
    pub rejected: Vec<RowError>,
    pub warnings: Vec<RowWarnings>,
    pub skipped: Vec<SkippedRow>,
}

/// The organisation a record belongs to: stored already, or created by this import.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
enum OwnerKey {
    Stored(ClientId),
    New(String),
}

/// What identifies "the same record".
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
enum Key {
    ClientName(String),
    CreditCode(String),
    Record(OwnerKey, String),
    Deal(OwnerKey, OwnerKey, String),
}

/// Where a row's record already exists. An import holds records of one kind, so the ids here
/// are plain numbers, typed again where the writer is called.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Existing {
    Nowhere,
    Stored(i64),
    /// Earlier in the file; for `commit`, the id that row got (None if it was not stored).
    InFile(Option<i64>),
}

/// Finds owners and duplicates for rows in file order.
struct Resolver<'a> {
    index: &'a ImportIndex,
    /// Keys of the rows seen so far, with the id each row's record got (commit only).
    seen: FxHashMap<Key, Option<i64>>,
    /// Owners created by this import.
    created: FxHashMap<String, ClientId>,
}

impl<'a> Resolver<'a> {
    fn new(index: &'a ImportIndex) -> Self {
        Resolver {
            index,
            seen: FxHashMap::default(),
            created: FxHashMap::default(),
        }
    }

    /// The owner of a record, or why it cannot have it.
    /// `name` is the owner's name as keys are made.
    fn owner(
        &self,
        owner: &OwnerRef,
        name: &str,
        needs_enterprise: bool,
    ) -> Result<OwnerKey, RowProblem> {
        if let Some(&(id, kind)) = self.index.clients.get(name) {
            if needs_enterprise && kind != ClientKind::Enterprise {
                return Err(RowProblem::NotAnEnterprise(owner.name.clone()));
            }
            return Ok(OwnerKey::Stored(id));
        }
        if let Some(&id) = self.created.get(name) {
            return Ok(OwnerKey::Stored(id));
        }
        Err(RowProblem::UnknownOwner(owner.name.trim().to_string()))
    }

    /// The keys a candidate is found by, with the stored record that has one of them. `title`
    /// is its name or title as keys are made.
    fn keys(&self, c: &Candidate, owners: &[OwnerKey], title: String) -> (Vec<Key>, Option<i64>) {
        let owner = owners.first();
        match c {
            Candidate::Client { draft, .. } => {
                let mut keys = Vec::new();
                let mut stored = None;
                if !draft.credit_code.is_empty() {
                    stored = self
                        .index
                        .credit_codes
                        .get(&draft.credit_code)
                        .map(|&id| id.into());
                    keys.push(Key::CreditCode(draft.credit_code.clone()));
                }
                stored =
                    stored.or_else(|| self.index.clients.get(&title).map(|&(id, _)| id.into()));
                keys.push(Key::ClientName(title));
                (keys, stored)
            }
            Candidate::Achievement { .. } => record_keys(title, &self.index.achievements, owner),
            Candidate::Need { .. } => record_keys(title, &self.index.needs, owner),
            Candidate::Deal(_) => match owners {
                [seller, buyer] => {
                    let t = title;
                    let stored = match (seller, buyer) {
                        (OwnerKey::Stored(s), OwnerKey::Stored(b)) => self
                            .index
                            .deals
                            .get(&(*s, *b, t.clone()))
                            .map(|&id| id.into()),
                        _ => None,
                    };
                    (vec![Key::Deal(seller.clone(), buyer.clone(), t)], stored)
                }
                _ => (Vec::new(), None),
            },
        }
    }

    fn existing(&self, keys: &[Key], stored: Option<i64>) -> Existing {
        if let Some(id) = keys.iter().find_map(|k| self.seen.get(k)) {
            return Existing::InFile(*id);
        }
        match stored {
            Some(id) => Existing::Stored(id),
            None => Existing::Nowhere,
        }
    }

    fn remember(&mut self, keys: Vec<Key>, id: Option<i64>) {
        for k in keys {
            self.seen.entry(k).or_insert(id);
        }
    }
}

/// An achievement or need is the same record as another with the same owner and title.
fn record_keys<T: Copy + Into<i64>>(
    t: String,
    stored: &FxHashMap<(ClientId, String), T>,
    owner: Option<&OwnerKey>,
) -> (Vec<Key>, Option<i64>) {
    let Some(owner) = owner else {
        return (Vec::new(), None);
    };
    let found = match owner {
        OwnerKey::Stored(id) => stored.get(&(*id, t.clone())).map(|&id| id.into()),
        OwnerKey::New(_) => None,
    };
    (vec![Key::Record(owner.clone(), t)], found)
}

/// The organisations a record belongs to: whether each must be an enterprise, and the field
/// that names it.
fn owners_of(c: &Candidate) -> Vec<(&OwnerRef, bool, Target)> {
    match c {
        Candidate::Client { .. } => Vec::new(),
        Candidate::Achievement { owner, .. } => vec![(owner, false, Target::Owner)],
        Candidate::Need { enterprise, .. } => vec![(enterprise, true, Target::Enterprise)],
        Candidate::Deal(d) => vec![
            (&d.seller, false, Target::Seller),
            (&d.buyer, false, Target::Buyer),
        ],
    }
}

/// Reads the row's cells in place: only a JSON record, already built, is copied.
fn to_candidate(mapping: Option<&Mapping>, raw: &RawRow) -> convert::Converted {
    match (raw, mapping) {
        (RawRow::Record(c), _) => convert::check_record(c.as_ref().clone()),
        (RawRow::Cells(cells), Some(m)) => convert::new_record(m, cells),
        (RawRow::Cells(_), None) => Err(Vec::new()),
    }
}

/// A total, footer or note row under the header, which is left out.
fn skipped(raw: &RawRow, mapping: Option<&Mapping>) -> Option<SkipReason> {
    match raw {
        RawRow::Cells(cells) => skip_reason(cells, mapping.map_or(&[], |m| &m.headers)),
        RawRow::Record(_) => None,
    }
}

/// What reading found in the row's imported columns: cells no encoding reads refuse the row;
/// cells in another encoding, or with NUL bytes removed, are warnings.
fn read_issues(
    issues: &[(usize, CellIssue)],
    mapping: Option<&Mapping>,
) -> (Vec<CellError>, Vec<CellWarning>) {
    let mut errors = Vec::new();
    let mut warnings = Vec::new();
    for &(col, issue) in issues {
        let Some(target) = mapping.and_then(|m| m.columns.get(col).copied().flatten()) else {
            continue;
        };
        match issue {
            CellIssue::Undecodable => errors.push(CellError {
                target: Some(target),
                problem: RowProblem::Undecodable,
            }),
            CellIssue::OtherEncoding(name) => warnings.push(CellWarning {
                target: Some(target),
                warning: Warning::OtherEncoding(name),
            }),
            CellIssue::NulRemoved => warnings.push(CellWarning {
                target: Some(target),
                warning: Warning::NulRemoved,
            }),
        }
    }
    (errors, warnings)
}

/// A row's record with the warnings of its reading, or every reason it is refused.
fn read_row(
    mapping: Option<&Mapping>,
    raw: &RawRow,
    issues: &[(usize, CellIssue)],
) -> convert::Converted {
    let (mut errors, mut warnings) = read_issues(issues, mapping);
    match to_candidate(mapping, raw) {
        Ok((c, w)) if errors.is_empty() => {
            warnings.extend(w);
            Ok((c, warnings))
        }
        Ok(_) => Err(errors),
        Err(e) => {
            errors.extend(e);
            Err(errors)
        }
    }
}

fn note_warnings(out: &mut Vec<RowWarnings>, number: usize, warnings: Vec<CellWarning>) {
    if !warnings.is_empty() {
        out.push(RowWarnings { number, warnings });
    }
}

fn cells_of(raw: &RawRow) -> Vec<String> {
    match raw {
        RawRow::Cells(cells) => cells.clone(),
        RawRow::Record(_) => Vec::new(),
    }
}

fn owner_error(problem: RowProblem, target: Target) -> CellError {
    CellError {
        target: Some(target),
        problem,
    }
}

fn check_cancel(cancel: &AtomicBool) -> Result<(), ImportError> {
    if cancel.load(Ordering::Relaxed) {
        Err(ImportError::Cancelled)
    } else {
        Ok(())
    }
}

/// The row's number, cells and reading when it holds a record; a row that does not (a total, a
/// footer) goes to `skipped`.
fn record(
    row: Result<ReadRow, ImportError>,
    cancel: &AtomicBool,
    skipped: &mut Vec<SkippedRow>,
) -> Result<Option<(usize, RawRow, convert::Converted, RowKeys)>, ImportError> {
    check_cancel(cancel)?;
    let ReadRow {
        number,
        raw,
        read,
        keys,
    } = row?;
    match read {
        Ok(read) => Ok(Some((number, raw, read, keys))),
        Err(reason) => {
            skipped.push(SkippedRow { number, reason });
            Ok(None)
        }
    }
}

/// Checks every row against the rules and the database, and counts what an import would do.
pub fn scan(
    rows: impl Iterator<Item = Result<ReadRow, ImportError>>,
    index: &ImportIndex,
    cancel: &AtomicBool,
) -> Result<ScanReport, ImportError> {
    scan_giving_back(rows, index, cancel, GiveBack::new(None))
}

/// [`scan`], handing the rows back once checked.
pub(super) fn scan_giving_back(
    rows: impl Iterator<Item = Result<ReadRow, ImportError>>,
    index: &ImportIndex,
    cancel: &AtomicBool,
    mut give_back: GiveBack,
) -> Result<ScanReport, ImportError> {
    let mut report = ScanReport::default();
    let mut resolver = Resolver::new(index);
    for row in rows {
        let Some((number, raw, read, row_keys)) = record(row, cancel, &mut report.skipped)? else {
            continue;
        };
        report.rows += 1;
        let (candidate, warnings) = match read {
            Ok(c) => c,
            Err(errors) => {
                report.errors.push(RowError {
                    number,
                    cells: cells_of(&raw),
                    errors,
                });
                continue;
            }
        };
        let mut owners = Vec::new();
        let mut unknown = false;
        let mut refused = None;
        let owner_keys = owners_of(&candidate).into_iter().zip(&row_keys.owners);
        for ((owner, enterprise, target), key) in owner_keys {
            match resolver.owner(owner, key, enterprise) {
                Ok(key) => owners.push(key),
                Err(RowProblem::UnknownOwner(name)) => {
                    *report.unknown_owners.entry(name).or_default() += 1;
                    unknown = true;
                    owners.push(OwnerKey::New(key.clone()));
                }
                Err(problem) => {
                    refused = Some(owner_error(problem, target));
                    break;
                }
            }
        }
        if let Some(error) = refused {
            report.errors.push(RowError {
                number,
                cells: cells_of(&raw),
                errors: vec![error],
            });
            continue;
        }
        report.unknown_owner_rows += usize::from(unknown);
        let (keys, stored) = resolver.keys(&candidate, &owners, row_keys.title);
        match resolver.existing(&keys, stored) {
            Existing::Nowhere => {}
            Existing::Stored(_) => report.duplicates_in_db += 1,
            Existing::InFile(_) => report.duplicates_in_file += 1,
        }
        resolver.remember(keys, None);
        report.valid += 1;
        note_warnings(&mut report.warnings, number, warnings);
        if report.preview.len() < PREVIEW_ROWS {
            report.preview.push(candidate);
            give_back.give(raw, None);
        } else {
            give_back.give(raw, Some(candidate));
        }
    }
    Ok(report)
}

/// Stores the rows in one transaction. Any error, an invalid row when `skip_invalid` is off,
/// or a cancel rolls everything back.
pub fn commit(
    store: &mut Store,
    rows: impl Iterator<Item = Result<ReadRow, ImportError>>,
    mapping: Option<&Mapping>,
    options: &ImportOptions,
    cancel: &AtomicBool,
) -> Result<ImportSummary, ImportError> {
    commit_giving_back(store, rows, mapping, options, cancel, GiveBack::new(None))
}

/// [`commit`], handing the rows back once written.
pub(super) fn commit_giving_back(
    store: &mut Store,
    rows: impl Iterator<Item = Result<ReadRow, ImportError>>,
    mapping: Option<&Mapping>,
    options: &ImportOptions,
    cancel: &AtomicBool,
    mut give_back: GiveBack,
) -> Result<ImportSummary, ImportError> {
    store.import_with(|w| {
        // Read under the write lock: a check against an index read before it would let two
        // imports of one file both find nothing and both insert.
        let index = w.index()?;
        let mut summary = ImportSummary::default();
        let mut resolver = Resolver::new(&index);
        for row in rows {
            let Some((number, raw, read, keys)) = record(row, cancel, &mut summary.skipped)? else {
                continue;
            };
            let mut written = None;
            let outcome = commit_row(
                w,
                &mut resolver,
                (mapping, options),
                (&raw, read, keys),
                &mut written,
                &mut summary,
            );
            match outcome {
                Ok(warnings) => {
                    note_warnings(&mut summary.warnings, number, warnings);
                    give_back.give(raw, written);
                }
                Err(failure) => {
                    let errors = match failure {
                        RowFailure::Invalid(errors) => errors,
                        RowFailure::Store(e) => return Err(e.into()),
                    };
                    let rejected = RowError {
                        number,
                        cells: cells_of(&raw),
                        errors,
                    };
                    if !options.skip_invalid {
                        return Err(ImportError::Invalid(Box::new(rejected)));
                    }
                    summary.rejected.push(rejected);
                }
            }
        }
        Ok(summary)
    })
}

/// Stores one row, or says why it cannot be; the warnings of what was stored. A record inserted
/// is left in `written`.
fn commit_row(
    w: &ImportWriter<'_>,
    resolver: &mut Resolver<'_>,
    (mapping, options): (Option<&Mapping>, &ImportOptions),
    (raw, read, row_keys): (&RawRow, convert::Converted, RowKeys),
    written: &mut Option<Candidate>,
    summary: &mut ImportSummary,
) -> Result<Vec<CellWarning>, RowFailure> {
    let (mut candidate, warnings) = read?;
    let mut owners = Vec::new();
    let owner_keys = owners_of(&candidate).into_iter().zip(&row_keys.owners);
    for ((owner, enterprise, target), name_key) in owner_keys {
        let key = match resolver.owner(owner, name_key, enterprise) {
            Ok(key) => key,
            Err(RowProblem::UnknownOwner(name)) if options.create_owners => {
                let draft = ClientDraft {
                    name: name.clone(),
                    kind: if enterprise {
                        ClientKind::Enterprise
                    } else {
                        owner.kind.unwrap_or_else(|| guess_client_kind(&name))
                    },
                    ..ClientDraft::default()
                };
                let id = w.insert_client(&draft)?;
                resolver.created.insert(name_key.clone(), id);
                summary.owners_created += 1;
                OwnerKey::Stored(id)
            }
            Err(problem) => return Err(vec![owner_error(problem, target)].into()),
        };
        owners.push(key);
    }
    let owner_ids: Vec<ClientId> = owners
        .iter()
        .map(|o| match o {
            OwnerKey::Stored(id) => *id,
            OwnerKey::New(_) => ClientId(0),
        })
        .collect();
    let (keys, stored) = resolver.keys(&candidate, &owners, row_keys.title);
    let target = match (resolver.existing(&keys, stored), options.duplicates) {
        (Existing::Nowhere, _) | (_, DuplicatePolicy::KeepBoth) => None,
        (Existing::InFile(None), _) | (_, DuplicatePolicy::Skip) => {
            summary.skipped_duplicates += 1;
            return Ok(Vec::new());
        }
        (Existing::Stored(id) | Existing::InFile(Some(id)), DuplicatePolicy::Update) => Some(id),
    };
    let (id, warnings) = match target {
        Some(id) => {
            let warnings = update(
                w,
                id,
                &owner_ids,
                resolver.index,
                mapping,
                raw,
                (candidate, warnings),
                summary,
            )?;
            summary.updated += 1;
            (id, warnings)
        }
        None => {
            let id = insert(w, &owner_ids, resolver.index, &mut candidate, summary)?;
            *written = Some(candidate);
            summary.inserted += 1;
            (id, warnings)
        }
    };
    resolver.remember(keys, Some(id));
    Ok(warnings)
}

/// Why a row was not stored: its own problems (the row is rejected) or the database's (the
/// whole import stops).
enum RowFailure {
    Invalid(Vec<CellError>),
    Store(StoreError),
}

impl From<Vec<CellError>> for RowFailure {
    fn from(errors: Vec<CellError>) -> Self {
        RowFailure::Invalid(errors)
    }
}

impl From<StoreError> for RowFailure {
    fn from(e: StoreError) -> Self {
        RowFailure::Store(e)
    }
}

fn duplicate_name() -> RowFailure {
    RowFailure::Invalid(vec![CellError {
        target: Some(Target::Name),
        problem: RowProblem::Field(Problem::DuplicateName),
    }])
}

fn duplicate_credit_code() -> RowFailure {
    RowFailure::Invalid(vec![CellError {
        target: Some(Target::CreditCode),
        problem: RowProblem::Field(Problem::DuplicateCreditCode),
    }])
}

fn insert(
    w: &ImportWriter<'_>,
    owners: &[ClientId],
    index: &ImportIndex,
    candidate: &mut Candidate,
    summary: &mut ImportSummary,
) -> Result<i64, RowFailure> {
    let owner = owners.first().copied().unwrap_or(ClientId(0));
    match candidate {
        Candidate::Client {
            draft,
            contacts,
            carrier,
        } => {
            if w.name_taken(&draft.name, None)? {
                return Err(duplicate_name());
            }
            if w.credit_code_taken(&draft.credit_code, None)? {
                return Err(duplicate_credit_code());
            }
            let id = w.insert_client(draft)?;
            for c in contacts.iter() {
                summary.contacts_added += usize::from(w.add_contact(id, c)?);
            }
            save_carrier(w, id, carrier.as_ref())?;
            Ok(id.into())
        }
        Candidate::Achievement { data, rights, .. } => {
            data.owner = owner;
            let id = w.insert_achievement(data)?;
            save_rights(w, id, rights.as_ref())?;
            Ok(id.into())
        }
        Candidate::Need { data, .. } => {
            data.enterprise = owner;
            Ok(w.insert_need(data)?.into())
        }
        Candidate::Deal(d) => Ok(w.insert_deal(&deal_import(d, owners, index))?.into()),
    }
}

/// A deal row with its organisations' ids, and its achievement when the seller has one of
/// that title.
fn deal_import<'a>(
    d: &'a DealCandidate,
    owners: &[ClientId],
    index: &ImportIndex,
) -> DealImport<'a> {
    let seller = owners.first().copied().unwrap_or(ClientId(0));
    let achievement = (!d.achievement.is_empty())
        .then(|| {
            index
                .achievements
                .get(&(seller, title_key(&d.achievement)))
                .copied()
        })
        .flatten();
    DealImport {
        seller,
        buyer: owners.get(1).copied().unwrap_or(ClientId(0)),
        achievement,
        stage: d.stage,
        lost_reason: &d.lost_reason,
        terms: &d.terms,
        contract_no: &d.contract_no,
        contract_subtype: &d.contract_subtype,
        registered_on: d.registered_on,
        certificate_no: &d.certificate_no,
    }
}

/// Stores the carrier profile a row gives its organisation. It was checked when the row was
/// read; a failing check here is the row's problem all the same.
fn save_carrier(
    w: &ImportWriter<'_>,
    id: ClientId,
    carrier: Option<&CarrierDraft>,
) -> Result<(), RowFailure> {
    let Some(draft) = carrier else {
        return Ok(());
    };
    match draft.validate_imported() {
        Ok(profile) => Ok(w.save_carrier(id, &profile)?),
        Err(e) => {
            let mut errors = Vec::new();
            convert::field_errors(&mut errors, e, convert::carrier_target);
            Err(errors.into())
        }
    }
}

/// Stores the rights a record gives its achievement, checked as [`save_carrier`] checks.
fn save_rights(
    w: &ImportWriter<'_>,
    id: AchievementId,
    rights: Option<&RightsDraft>,
) -> Result<(), RowFailure> {
    let Some(draft) = rights else {
        return Ok(());
    };
    match draft.validate() {
        Ok(r) => Ok(w.save_rights(id, &r)?),
        Err(e) => Err(convert::rights_errors(e).into()),
    }
}

/// Overwrites record `id` with the row. A mapped row is laid over the stored record, so the
/// columns the file does not have keep their values. Returns the warnings of the merged row.
#[allow(clippy::too_many_arguments)]
fn update(
    w: &ImportWriter<'_>,
    id: i64,
    owners: &[ClientId],
    index: &ImportIndex,
    mapping: Option<&Mapping>,
    raw: &RawRow,
    (candidate, warnings): (Candidate, Vec<CellWarning>),
    summary: &mut ImportSummary,
) -> Result<Vec<CellWarning>, RowFailure> {
    let owner = owners.first().copied().unwrap_or(ClientId(0));
    let (merged, warnings) = match (raw, mapping) {
        (RawRow::Cells(cells), Some(m)) => match &candidate {
            Candidate::Client { .. } if m.kind == ImportKind::Carriers => {
                let base = w.client(ClientId(id))?.unwrap_or_default();
                let carrier = w.carrier(ClientId(id))?;
                convert::carrier(
                    m,
                    cells,
                    base,
                    carrier.as_ref().map(CarrierDraft::from_carrier),
                )?
            }
            Candidate::Client { .. } => {
                let base = w.client(ClientId(id))?.unwrap_or_default();
                convert::client(m, cells, base)?
            }
            Candidate::Achievement { owner: o, .. } => {
                let base = w.achievement(AchievementId(id))?;
                let draft = base
                    .as_ref()
                    .map(AchievementDraft::from)
                    .unwrap_or_default();
                convert::achievement(m, cells, draft, &o.name)?
            }
            Candidate::Need { enterprise, .. } => {
                let base = w.need(NeedId(id))?;
                let draft = base.as_ref().map(NeedDraft::from).unwrap_or_default();
                convert::need(m, cells, draft, &enterprise.name)?
            }
            Candidate::Deal(_) => {
                let base = w
                    .deal(DealId(id))?
                    .map(|d| DealBase {
                        terms: d.terms,
                        stage: Some(d.stage),
                        lost_reason: d.lost_reason,
                        contract_no: d.contract_no,
                        contract_subtype: d.contract_subtype,
                        registered_on: d.registered_on,
                        certificate_no: d.certificate_no,
                    })
                    .unwrap_or_default();
                convert::deal(m, cells, base)?
            }
        },
        _ => (candidate, warnings),
    };
    match merged {
        Candidate::Client {
            draft,
            contacts,
            carrier,
        } => {
            let id = ClientId(id);
            if w.name_taken(&draft.name, Some(id))? {
                return Err(duplicate_name());
            }
            if w.credit_code_taken(&draft.credit_code, Some(id))? {
                return Err(duplicate_credit_code());
            }
            w.update_client(id, &draft)?;
            for c in &contacts {
                summary.contacts_added += usize::from(w.add_contact(id, c)?);
            }
            save_carrier(w, id, carrier.as_ref())?;
        }
        Candidate::Achievement {
            mut data, rights, ..
        } => {
            data.owner = owner;
            let id = AchievementId(id);
            w.update_achievement(id, &data)?;
            save_rights(w, id, rights.as_ref())?;
        }
        Candidate::Need { mut data, .. } => {
            data.enterprise = owner;
            w.update_need(NeedId(id), &data)?;
        }
        Candidate::Deal(d) => w.update_deal(DealId(id), &deal_import(&d, owners, index))?,
    }
    Ok(warnings)
}
