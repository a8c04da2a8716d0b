//! Loading both catalogues on a worker thread when a database opens, and keeping them in step
//! with every write afterwards.

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc::{Receiver, TryRecvError, channel};

use super::Catalog;
use crate::domain::{AchievementId, AchievementRow, ClientId, NeedId, NeedRow};
use crate::matching::MatchIndex;
use crate::store::{Reader, Scope, Store, StoreError};

/// A catalogue being loaded, loaded, or failed to load (with the reason).
pub enum Loadable<T> {
    Loading,
    Ready(T),
    Failed(String),
}

impl<T> Loadable<T> {
    pub fn ready(&self) -> Option<&T> {
        match self {
            Loadable::Ready(t) => Some(t),
            _ => None,
        }
    }
}

/// What changed while the catalogues were loading, to apply once they arrive.
#[derive(Debug, Clone, Copy)]
enum Change {
    Achievement(AchievementId),
    Need(NeedId),
    Client(ClientId),
    Thesaurus,
}

struct Loaded {
    achievements: Result<Catalog<AchievementRow>, String>,
    needs: Result<Catalog<NeedRow>, String>,
    matching: Result<MatchIndex, String>,
}

/// Rows read and indexed so far, out of how many (0 while still reading).
#[derive(Default)]
struct Progress {
    done: AtomicUsize,
    total: AtomicUsize,
}

pub struct Catalogs {
    pub achievements: Loadable<Catalog<AchievementRow>>,
    pub needs: Loadable<Catalog<NeedRow>>,
    pub matching: Loadable<MatchIndex>,
    incoming: Option<Receiver<Loaded>>,
    pending: Vec<Change>,
    progress: Arc<Progress>,
}

fn load(reader: &Reader, progress: &Progress) -> Loaded {
    let (achievements, needs) = reader.catalogue_sizes().unwrap_or_default();
    progress
        .total
        .store(achievements + needs, Ordering::Relaxed);
    let indexed = |base: usize| move |n: usize| progress.done.store(base + n, Ordering::Relaxed);
    Loaded {
        achievements: Catalog::from_each(|f| reader.each_achievement_row(f), &indexed(0))
            .map_err(|e| e.to_string()),
        needs: Catalog::from_each(|f| reader.each_need_row(f), &indexed(achievements))
            .map_err(|e| e.to_string()),
        matching: load_matching(reader).map_err(|e| e.to_string()),
    }
}

/// The matching engine's index over every achievement, need and enterprise.
pub fn load_matching(reader: &Reader) -> Result<MatchIndex, StoreError> {
    let mut index = MatchIndex::default();
    // Before the records, while the table is still cheap to build; `shrink` builds it whole.
    index.set_thesaurus(
        reader
            .thesaurus()?
            .into_iter()
            .map(|s| (s.term, s.other))
            .collect(),
    );
    reader.each_match_achievement(&mut |doc, text| index.upsert_achievement(doc, text))?;
    reader.each_match_need(&mut |doc| index.upsert_need(doc))?;
    for e in reader.match_enterprises()? {
        index.upsert_enterprise(e);
    }
    index.shrink();
    Ok(index)
}

impl Catalogs {
    /// Starts loading on a worker thread; `loaded` is called from it when done (to wake the UI).
    pub fn start(reader: Reader, loaded: impl Fn() + Send + 'static) -> Self {
        let (tx, rx) = channel();
        let progress = Arc::new(Progress::default());
        let worker_progress = Arc::clone(&progress);
        std::thread::spawn(move || {
            // The receiver is gone when another database was opened meanwhile: nothing to do.
            let _ = tx.send(load(&reader, &worker_progress));
            loaded();
        });
        Self {
            achievements: Loadable::Loading,
            needs: Loadable::Loading,
            matching: Loadable::Loading,
            incoming: Some(rx),
            pending: Vec::new(),
            progress,
        }
    }

    /// Catalogues that could not be loaded, saying why.
    pub fn failed(reason: String) -> Self {
        Self {
            achievements: Loadable::Failed(reason.clone()),
            needs: Loadable::Failed(reason.clone()),
            matching: Loadable::Failed(reason),
            incoming: None,
            pending: Vec::new(),
            progress: Arc::default(),
        }
    }

    /// Loads both catalogues on this thread (the command line, tests).
    pub fn load_now(store: &Store) -> Result<Self, StoreError> {
        let loaded = load(&store.reader()?, &Progress::default());
        let mut catalogs = Self {
            achievements: Loadable::Loading,
            needs: Loadable::Loading,
            matching: Loadable::Loading,
            incoming: None,
            pending: Vec::new(),
            progress: Arc::default(),
        };
        catalogs.install(loaded, store);
        Ok(catalogs)
    }

    /// Reads both catalogues again after another connection wrote, on this thread (tests).
    pub fn reload(&mut self, store: &Store) {
        match store.reader() {
            Ok(reader) => {
                let loaded = load(&reader, &Progress::default());
                self.install(loaded, store);
            }
            Err(e) => *self = Catalogs::failed(e.to_string()),
        }
    }

    /// Reads both catalogues again on a worker after another connection wrote: at 100,000
    /// records that takes seconds. The old ones stay shown until the new ones arrive; writes
    /// made here meanwhile wait in `pending`, as during the first load.
    pub fn reload_in_background(&mut self, reader: Reader, loaded: impl Fn() + Send + 'static) {
        let (tx, rx) = channel();
        let progress = Arc::new(Progress::default());
        let worker_progress = Arc::clone(&progress);
        std::thread::spawn(move || {
            // The receiver is gone when another database was opened meanwhile: nothing to do.
            let _ = tx.send(load(&reader, &worker_progress));
            loaded();
        });
        self.incoming = Some(rx);
        self.progress = progress;
    }

    /// Whether a load is still running.
    pub fn is_loading(&self) -> bool {
        self.incoming.is_some()
    }

    /// Rows indexed so far and how many there are, while loading.
    pub fn progress(&self) -> (usize, usize) {
        (
            self.progress.done.load(Ordering::Relaxed),
            self.progress.total.load(Ordering::Relaxed),
        )
    }

    /// Takes the catalogues from the worker once they are ready. Call once a frame.
    pub fn poll(&mut self, store: &Store) {
        let Some(rx) = &self.incoming else {
            return;
        };
        match rx.try_recv() {
            Ok(loaded) => self.install(loaded, store),
            Err(TryRecvError::Empty) => {}
            Err(TryRecvError::Disconnected) => {
                self.incoming = None;
                let failed = "the loading thread stopped".to_string();
                self.achievements = Loadable::Failed(failed.clone());
                self.needs = Loadable::Failed(failed.clone());
                self.matching = Loadable::Failed(failed);
            }
        }
    }

    fn install(&mut self, loaded: Loaded, store: &Store) {
        self.incoming = None;
        // Catalogues read again replace shown ones: their revisions go above the old, so every
        // view of the old recomputes.
        let floor = [
            self.achievements.ready().map(Catalog::revision),
            self.needs.ready().map(Catalog::revision),
        ]
        .into_iter()
        .flatten()
        .max();
        self.achievements = above(loaded.achievements, floor);
        self.needs = above(loaded.needs, floor);
        self.matching = match loaded.matching {
            Ok(m) => Loadable::Ready(m),
            Err(e) => Loadable::Failed(e),
        };
        for change in std::mem::take(&mut self.pending) {
            self.apply(change, store);
        }
    }

    fn apply(&mut self, change: Change, store: &Store) {
        if self.is_loading() {
            self.pending.push(change);
            return;
        }
        // A failed re-read leaves the row as it was (or, in the match index, out); the next
        // change or reopen corrects it.
        if let Loadable::Ready(m) = &mut self.matching {
            refresh_matching(m, change, store);
        }
        match change {
            Change::Achievement(id) => {
                if let (Loadable::Ready(c), Ok(rows)) = (
                    &mut self.achievements,
                    store.achievement_rows(Scope::One(id)),
                ) {
                    replace_one(c, id, rows);
                }
            }
            Change::Need(id) => {
                if let (Loadable::Ready(c), Ok(rows)) =
                    (&mut self.needs, store.need_rows(Scope::One(id)))
                {
                    replace_one(c, id, rows);
                }
            }
            Change::Client(id) => {
                if let (Loadable::Ready(c), Ok(rows)) = (
                    &mut self.achievements,
                    store.achievement_rows(Scope::Client(id)),
                ) {
                    c.replace_client(id, rows);
                }
                if let (Loadable::Ready(c), Ok(rows)) =
                    (&mut self.needs, store.need_rows(Scope::Client(id)))
                {
                    c.replace_client(id, rows);
                }
            }
            Change::Thesaurus => {}
        }
    }

    /// An achievement was created, edited, deleted or restored.
    pub fn achievement_changed(&mut self, store: &Store, id: AchievementId) {
        self.apply(Change::Achievement(id), store);
    }

    pub fn need_changed(&mut self, store: &Store, id: NeedId) {
        self.apply(Change::Need(id), store);
    }

    /// A thesaurus pair was added or removed: matching reads the table again.
    pub fn thesaurus_changed(&mut self, store: &Store) {
        self.apply(Change::Thesaurus, store);
    }

    /// A client was renamed, deleted or restored: its achievements and needs follow.
    pub fn client_changed(&mut self, store: &Store, id: ClientId) {
        self.apply(Change::Client(id), store);
    }
}

/// A catalogue read again, its revision above `floor` (the one it replaces), if any.
fn above<R: super::Record>(
    read: Result<Catalog<R>, String>,
    floor: Option<u64>,
) -> Loadable<Catalog<R>> {
    match read {
        Ok(mut c) => {
            if let Some(floor) = floor {
                c.lift_revision(floor + 1);
            }
            Loadable::Ready(c)
        }
        Err(e) => Loadable::Failed(e),
    }
}

/// Re-reads what `change` touched into the match index: removed first, then added back if it
/// is still live.
fn refresh_matching(m: &mut MatchIndex, change: Change, store: &Store) {
    let (achievements, needs, enterprise) = match change {
        Change::Achievement(id) => {
            m.remove_achievement(id);
            (Some(Scope::One(id)), None, None)
        }
        Change::Need(id) => {
            m.remove_need(id);
            (None, Some(Scope::One(id)), None)
        }
        Change::Client(id) => {
            let owned: Vec<AchievementId> = m.achievement_ids_of(id);
            for a in owned {
                m.remove_achievement(a);
            }
            for n in m.need_ids_of(id) {
                m.remove_need(n);
            }
            m.remove_enterprise(id);
            (Some(Scope::Client(id)), Some(Scope::Client(id)), Some(id))
        }
        Change::Thesaurus => {
            if let Ok(pairs) = store.thesaurus() {
                m.set_thesaurus(pairs.into_iter().map(|s| (s.term, s.other)).collect());
            }
            return;
        }
    };
    if let Some(scope) = achievements {
        let _ =
            store.each_match_achievement(scope, &mut |doc, text| m.upsert_achievement(doc, text));
    }
    if let Some(scope) = needs {
        let _ = store.each_match_need(scope, &mut |doc| m.upsert_need(doc));
    }
    if let Some(id) = enterprise
        && let Ok(found) = store.match_enterprises(Some(id))
    {
        for e in found {
            m.upsert_enterprise(e);
        }
    }
}

fn replace_one<R: super::Record>(catalog: &mut Catalog<R>, id: R::Id, rows: Vec<(R, String)>) {
    match rows.into_iter().next() {
        Some((row, body)) => catalog.upsert(row, &body),
        None => catalog.remove(id),
    }
}
