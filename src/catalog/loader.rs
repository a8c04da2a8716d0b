//! Loading both catalogues through a [`Job`] when a database opens, and keeping them in step
//! with every write afterwards.

use std::sync::Arc;
use std::sync::atomic::AtomicBool;

use super::Catalog;
use crate::domain::{AchievementId, AchievementRow, ClientId, NeedId, NeedRow};
use crate::matching::MatchIndex;
use crate::store::{Reader, Scope, Store, StoreError};
use crate::work::{Job, Lost};

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

/// Both catalogues and the match index as read by [`Catalogs::load`], each or its failure.
pub struct Loaded {
    achievements: Result<Catalog<AchievementRow>, String>,
    needs: Result<Catalog<NeedRow>, String>,
    matching: Result<MatchIndex, String>,
}

/// The work a [`Job`] runs to load the catalogues.
pub type LoadWork =
    Box<dyn FnOnce(&AtomicBool, &mut dyn FnMut(u64, u64)) -> Result<Loaded, Lost> + Send>;

pub struct Catalogs {
    pub achievements: Loadable<Catalog<AchievementRow>>,
    pub needs: Loadable<Catalog<NeedRow>>,
    pub matching: Loadable<MatchIndex>,
    incoming: Option<Job<Loaded, Lost>>,
    pending: Vec<Change>,
}

fn read(reader: &Reader, progress: &mut dyn FnMut(u64, u64)) -> Loaded {
    // The match index is built from its own connection on a second thread while this one reads
    // the catalogues: on two cores the load takes the longer of the two, not their sum.
    let Some(sibling) = reader.sibling() else {
        let (achievements, needs) = read_catalogues(reader, progress);
        return Loaded {
            achievements,
            needs,
            matching: load_matching(reader).map_err(|e| e.to_string()),
        };
    };
    std::thread::scope(|s| {
        let matching = s.spawn(move || {
            let sibling = sibling.map_err(|e| e.to_string())?;
            load_matching(&sibling).map_err(|e| e.to_string())
        });
        let (achievements, needs) = read_catalogues(reader, progress);
        let matching = matching
            .join()
            .unwrap_or_else(|_| Err("the match index could not be built".to_string()));
        Loaded {
            achievements,
            needs,
            matching,
        }
    })
}

type Read<T> = Result<Catalog<T>, String>;

fn read_catalogues(
    reader: &Reader,
    progress: &mut dyn FnMut(u64, u64),
) -> (Read<AchievementRow>, Read<NeedRow>) {
    reader.for_one_pass();
    // The sizes only scale the progress bar: unknown, it stays empty, and the reads below fail
    // with the reason.
    let (achievements, needs) = reader.catalogue_sizes().unwrap_or_default();
    let total = (achievements + needs) as u64;
    progress(0, total);
    let achievements_read =
        Catalog::from_each(achievements, |f| reader.each_achievement_row(f), &mut |n| {
            progress(n as u64, total)
        })
        .map_err(|e| e.to_string());
    let needs_read = Catalog::from_each(needs, |f| reader.each_need_row(f), &mut |n| {
        progress((achievements + n) as u64, total)
    })
    .map_err(|e| e.to_string());
    (achievements_read, needs_read)
}

/// The matching engine's index over every achievement, need and enterprise.
pub fn load_matching(reader: &Reader) -> Result<MatchIndex, StoreError> {
    reader.in_one_snapshot(build_matching)
}

fn build_matching(reader: &Reader) -> Result<MatchIndex, StoreError> {
    reader.for_one_pass();
    let mut index = MatchIndex::default();
    let (achievements, needs) = reader.catalogue_sizes()?;
    index.plan_for(achievements, needs);
    // Before the records, while the table is still cheap to build; `shrink` builds it whole.
    index.set_thesaurus(
        reader
            .thesaurus()?
            .into_iter()
            .map(|s| (s.term, s.other))
            .collect(),
    );
    reader.each_match_achievement(&mut |doc, text| index.upsert_achievement(doc, text))?;
    reader.each_match_need(&mut |doc, text| index.upsert_need(doc, text))?;
    for e in reader.match_enterprises()? {
        index.upsert_enterprise(e);
    }
    index.shrink();
    Ok(index)
}

impl Catalogs {
    /// The work of reading both catalogues and the match index from `reader`, to start as a
    /// [`Job`] (a worker in the window: at 100,000 records it takes seconds).
    pub fn load(reader: Reader) -> LoadWork {
        Box::new(move |_, progress| Ok(read(&reader, progress)))
    }

    /// Catalogues arriving from `job` (started with [`Catalogs::load`]), shown as loading until
    /// [`Catalogs::poll`] lands them.
    pub fn loading(job: Job<Loaded, Lost>) -> Self {
        Self {
            achievements: Loadable::Loading,
            needs: Loadable::Loading,
            matching: Loadable::Loading,
            incoming: Some(job),
            pending: Vec::new(),
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
        }
    }

    /// Loads both catalogues on this thread (the command line, tests).
    pub fn load_now(store: &Store) -> Result<Self, StoreError> {
        let job = Job::start(false, Arc::new(|| {}), Catalogs::load(store.reader()?));
        let mut catalogs = Catalogs::loading(job);
        catalogs.poll(store)?;
        Ok(catalogs)
    }

    /// Reads both catalogues again through `job` (started with [`Catalogs::load`]) after another
    /// connection wrote. The old ones stay shown until the new ones arrive; writes made here
    /// meanwhile wait in `pending`, as during the first load. A job that is already done (in
    /// tests) lands at once.
    pub fn reload(&mut self, job: Job<Loaded, Lost>, store: &Store) -> Result<(), StoreError> {
        self.incoming = Some(job);
        self.poll(store)
    }

    /// Whether a load is still running.
    pub fn is_loading(&self) -> bool {
        self.incoming.is_some()
    }

    /// Rows indexed so far and how many there are, while loading.
    pub fn progress(&self) -> (u64, u64) {
        self.incoming.as_ref().map_or((0, 0), Job::progress)
    }

    /// Takes the catalogues from the job once they are ready. Call once a frame. An error is a
    /// write made during the load that could not be read into them.
    pub fn poll(&mut self, store: &Store) -> Result<(), StoreError> {
        let Some(loaded) = self.incoming.as_ref().and_then(Job::poll) else {
            return Ok(());
        };
        self.incoming = None;
        match loaded {
            Ok(loaded) => self.install(loaded, store),
            Err(lost) => {
                let failed = lost.to_string();
                self.achievements = Loadable::Failed(failed.clone());
                self.needs = Loadable::Failed(failed.clone());
                self.matching = Loadable::Failed(failed);
                Ok(())
            }
        }
    }

    fn install(&mut self, loaded: Loaded, store: &Store) -> Result<(), StoreError> {
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
        let mut first_error = Ok(());
        for change in std::mem::take(&mut self.pending) {
            first_error = first_error.and(self.apply(change, store));
        }
        first_error
    }

    /// Brings the catalogues and the match index in step with `change`. Each is brought in
    /// step even when another fails; what could not be read stays as it was (or, in the match
    /// index, out) until the next change or reopen, and the error goes to the caller to show.
    fn apply(&mut self, change: Change, store: &Store) -> Result<(), StoreError> {
        if self.is_loading() {
            self.pending.push(change);
            return Ok(());
        }
        let matched = match &mut self.matching {
            Loadable::Ready(m) => refresh_matching(m, change, store),
            _ => Ok(()),
        };
        let listed = match change {
            Change::Achievement(id) => match &mut self.achievements {
                Loadable::Ready(c) => store
                    .achievement_rows(Scope::One(id))
                    .map(|rows| replace_one(c, id, rows)),
                _ => Ok(()),
            },
            Change::Need(id) => match &mut self.needs {
                Loadable::Ready(c) => store
                    .need_rows(Scope::One(id))
                    .map(|rows| replace_one(c, id, rows)),
                _ => Ok(()),
            },
            Change::Client(id) => {
                let achievements = match &mut self.achievements {
                    Loadable::Ready(c) => store
                        .achievement_rows(Scope::Client(id))
                        .map(|rows| c.replace_client(id, rows)),
                    _ => Ok(()),
                };
                let needs = match &mut self.needs {
                    Loadable::Ready(c) => store
                        .need_rows(Scope::Client(id))
                        .map(|rows| c.replace_client(id, rows)),
                    _ => Ok(()),
                };
                achievements.and(needs)
            }
            Change::Thesaurus => Ok(()),
        };
        matched.and(listed)
    }

    /// An achievement was created, edited, deleted or restored.
    pub fn achievement_changed(
        &mut self,
        store: &Store,
        id: AchievementId,
    ) -> Result<(), StoreError> {
        self.apply(Change::Achievement(id), store)
    }

    pub fn need_changed(&mut self, store: &Store, id: NeedId) -> Result<(), StoreError> {
        self.apply(Change::Need(id), store)
    }

    /// A thesaurus pair was added or removed: matching reads the table again.
    pub fn thesaurus_changed(&mut self, store: &Store) -> Result<(), StoreError> {
        self.apply(Change::Thesaurus, store)
    }

    /// A client was renamed, deleted or restored: its achievements and needs follow.
    pub fn client_changed(&mut self, store: &Store, id: ClientId) -> Result<(), StoreError> {
        self.apply(Change::Client(id), store)
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
fn refresh_matching(m: &mut MatchIndex, change: Change, store: &Store) -> Result<(), StoreError> {
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
            for a in m.achievement_ids_of(id) {
                m.remove_achievement(a);
            }
            for n in m.need_ids_of(id) {
                m.remove_need(n);
            }
            m.remove_enterprise(id);
            (Some(Scope::Client(id)), Some(Scope::Client(id)), Some(id))
        }
        Change::Thesaurus => {
            let pairs = store.thesaurus()?;
            m.set_thesaurus(pairs.into_iter().map(|s| (s.term, s.other)).collect());
            return Ok(());
        }
    };
    if let Some(scope) = achievements {
        store.each_match_achievement(scope, &mut |doc, text| m.upsert_achievement(doc, text))?;
    }
    if let Some(scope) = needs {
        store.each_match_need(scope, &mut |doc, text| m.upsert_need(doc, text))?;
    }
    if let Some(id) = enterprise {
        for e in store.match_enterprises(Some(id))? {
            m.upsert_enterprise(e);
        }
    }
    Ok(())
}

fn replace_one<R: super::Record>(catalog: &mut Catalog<R>, id: R::Id, rows: Vec<(R, String)>) {
    match rows.into_iter().next() {
        Some((row, body)) => catalog.upsert(row, &body),
        None => catalog.remove(id),
    }
}
