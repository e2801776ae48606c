//! The one seam for persistence: loads and saves records under a namespace, never panics, and
//! never overwrites what it could not read.
//!
//! [`Store`] works over any [`Backend`] (localStorage in the browser, a map in tests). When the
//! backend refuses, the record is kept in memory and a [`StorageNotice`] tells the user.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use crate::core::json::{self, FromJson, SerJson};

use super::config::Namespace;
use super::storage::{decode, encode_parts, DecodeError, RecordSpec};

/// How a backend call failed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BackendError {
    /// Storage is disabled, blocked or threw on access.
    Unavailable,
    /// The quota is used up.
    Full,
}

/// A string key-value store, such as `window.localStorage`.
pub trait Backend {
    fn get(&self, key: &str) -> Result<Option<String>, BackendError>;
    fn set(&self, key: &str, value: &str) -> Result<(), BackendError>;
    fn remove(&self, key: &str) -> Result<(), BackendError>;
    fn keys(&self) -> Result<Vec<String>, BackendError>;
}

/// A backend behind a `Box` (the app holds whichever backend the element gave it) or an `Rc`
/// (two stores over one backend, as two tabs share one localStorage) is a backend too.
macro_rules! backend_behind {
    ($($pointer:ident),*) => {$(
        impl<B: Backend + ?Sized> Backend for $pointer<B> {
            fn get(&self, key: &str) -> Result<Option<String>, BackendError> {
                (**self).get(key)
            }
            fn set(&self, key: &str, value: &str) -> Result<(), BackendError> {
                (**self).set(key, value)
            }
            fn remove(&self, key: &str) -> Result<(), BackendError> {
                (**self).remove(key)
            }
            fn keys(&self) -> Result<Vec<String>, BackendError> {
                (**self).keys()
            }
        }
    )*};
}
backend_behind!(Box, Rc);

/// Something about storage the user needs to know; each is shown once.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum StorageNotice {
    /// Nothing can be saved; the widget works from memory.
    Unavailable,
    /// A save did not fit; it is kept in memory.
    Full,
    /// A stored record could not be read; a copy was kept aside and the original is left alone.
    Unreadable,
    /// A stored record is from a newer version; it is left alone.
    Newer,
    /// Another tab saved a record since this one read it; neither copy was overwritten.
    Conflict,
}

/// What the person is told when the backend refused a write.
impl From<BackendError> for StorageNotice {
    fn from(error: BackendError) -> Self {
        match error {
            BackendError::Full => StorageNotice::Full,
            BackendError::Unavailable => StorageNotice::Unavailable,
        }
    }
}

/// The revision in a stored envelope, if it can be read.
fn rev_of(raw: &str) -> Option<u64> {
    json::tree(raw)?.members().ok()?.get("rev").ok()
}

/// Why a key is left alone.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Protection {
    /// It could not be read; a copy is kept aside, so the person may choose to start fresh.
    Unreadable,
    /// A newer version wrote it: this version never writes it.
    Newer,
}

/// What the store knows of one key beyond what the backend holds.
#[derive(Default)]
struct KeyState {
    /// A value the backend refused, or that must not reach it; read before the backend.
    pending: Option<String>,
    /// The key holds a value we could not read, and why: never written to.
    protection: Option<Protection>,
    /// The last rev seen or written (0: none yet).
    rev: u64,
    /// A save found another tab's newer revision; it waits in `pending`.
    conflict: bool,
}

/// The outcome of loading a record.
#[derive(Debug, PartialEq)]
pub struct Loaded<T> {
    /// The stored data, if there was any that could be read.
    pub data: Option<T>,
    pub notice: Option<StorageNotice>,
}

/// Records of one namespace over a backend, with an in-memory fallback.
pub struct Store<B> {
    namespace: Namespace,
    backend: B,
    /// Each key's bookkeeping, in one list (a namespace has a few keys; a `BTreeMap` was 7 KB
    /// of wasm for this one type, issue 26).
    known: RefCell<Vec<(String, KeyState)>>,
    /// Goes up when the namespace is cleared, so a save prepared before is dropped.
    generation: Cell<u64>,
}

impl<B: Backend> Store<B> {
    pub fn new(namespace: Namespace, backend: B) -> Self {
        Store {
            namespace,
            backend,
            known: RefCell::default(),
            generation: Cell::new(0),
        }
    }

    /// Changes the bookkeeping of `key`.
    fn update<R>(&self, key: &str, change: impl FnOnce(&mut KeyState) -> R) -> R {
        let mut known = self.known.borrow_mut();
        let at = match known.iter().position(|(k, _)| k == key) {
            Some(at) => at,
            None => {
                known.push((key.to_owned(), KeyState::default()));
                known.len() - 1
            }
        };
        change(&mut known[at].1)
    }

    /// Reads the bookkeeping of `key` (a fresh key's when there is none).
    fn read<R>(&self, key: &str, look: impl FnOnce(&KeyState) -> R) -> R {
        match self.known.borrow().iter().find(|(k, _)| k == key) {
            Some((_, state)) => look(state),
            None => look(&KeyState::default()),
        }
    }

    /// The keys whose bookkeeping passes `test`, in order.
    fn keys_where(&self, test: impl Fn(&KeyState) -> bool) -> Vec<String> {
        let known = self.known.borrow();
        let mut keys: Vec<String> = known
            .iter()
            .filter(|(_, state)| test(state))
            .map(|(key, _)| key.clone())
            .collect();
        keys.sort_unstable();
        keys
    }

    /// Which clearing of the namespace this is; compare before a delayed save.
    pub fn generation(&self) -> u64 {
        self.generation.get()
    }

    pub fn namespace(&self) -> &Namespace {
        &self.namespace
    }

    /// The backend underneath (for tests and diagnostics).
    pub fn backend(&self) -> &B {
        &self.backend
    }

    /// The key under which an unreadable value of `record` is kept aside.
    pub fn quarantine_key(&self, record: &str, stamp: &str) -> String {
        self.namespace.key(&format!("quarantine:{record}:{stamp}"))
    }

    /// Loads a record. `stamp` (the current time) names a quarantine copy if one is needed.
    /// A thin generic shell: the storage work is in `read_raw` and `set_aside`, compiled once.
    pub fn load<T: FromJson>(&self, spec: RecordSpec, stamp: &str) -> Loaded<T> {
        let (key, raw) = match self.read_raw(spec) {
            Ok(Some(found)) => found,
            Ok(None) => {
                return Loaded {
                    data: None,
                    notice: None,
                }
            }
            Err(notice) => {
                return Loaded {
                    data: None,
                    notice: Some(notice),
                }
            }
        };
        match decode::<T>(&raw, spec) {
            Ok(envelope) => {
                self.update(&key, |state| state.rev = envelope.rev);
                Loaded {
                    data: Some(envelope.data),
                    notice: None,
                }
            }
            Err(error) => Loaded {
                data: None,
                notice: Some(self.set_aside(key, raw, spec, stamp, error)),
            },
        }
    }

    /// The stored text of a record and its key; `None` when nothing is stored.
    fn read_raw(&self, spec: RecordSpec) -> Result<Option<(String, String)>, StorageNotice> {
        let key = self.namespace.key(spec.name);
        let in_memory = self.read(&key, |state| state.pending.clone());
        let raw = match in_memory {
            Some(raw) => Some(raw),
            None => self
                .backend
                .get(&key)
                .map_err(|_| StorageNotice::Unavailable)?,
        };
        Ok(raw.map(|raw| (key, raw)))
    }

    /// A stored value that could not be used: protected from writes, and (unless it is a newer
    /// version's) copied aside. Returns what the person is told.
    fn set_aside(
        &self,
        key: String,
        raw: String,
        spec: RecordSpec,
        stamp: &str,
        error: DecodeError,
    ) -> StorageNotice {
        if let DecodeError::NewerVersion { .. } = error {
            self.update(&key, |state| state.protection = Some(Protection::Newer));
            return StorageNotice::Newer;
        }
        self.update(&key, |state| {
            state.protection = Some(Protection::Unreadable)
        });
        // Once is enough: a record that stays unreadable is not copied again at every start.
        let earlier = self.quarantine_key(spec.name, "");
        let copied = self.backend.keys().unwrap_or_default().iter().any(|key| {
            key.starts_with(&earlier) && self.backend.get(key).ok().flatten().as_ref() == Some(&raw)
        });
        if copied {
            return StorageNotice::Unreadable;
        }
        let aside = self.quarantine_key(spec.name, stamp);
        if self.backend.set(&aside, &raw).is_err() {
            // No room to copy it: the original stays where it is, untouched, and the copy lives
            // in memory for as long as the page is open.
            self.update(&aside, |state| state.pending = Some(raw));
        }
        StorageNotice::Unreadable
    }

    /// Saves a record in one write. Whatever happens the data is kept (in memory if need be); an
    /// `Err` says it did not reach storage, and what the user should be told. `Ok` means storage
    /// has it: only then may the widget say "saved".
    pub fn save<T: SerJson>(
        &self,
        spec: RecordSpec,
        data: T,
        saved_at: &str,
    ) -> Result<(), StorageNotice> {
        self.save_json(spec, &data, saved_at)
    }

    /// `save` for any JSON value: compiled once for every kind of record.
    pub fn save_json(
        &self,
        spec: RecordSpec,
        data: &dyn SerJson,
        saved_at: &str,
    ) -> Result<(), StorageNotice> {
        let key = self.namespace.key(spec.name);
        let (rev, protection, conflict) = self.read(&key, |state| {
            (state.rev + 1, state.protection, state.conflict)
        });
        let raw = encode_parts(spec.version, rev, saved_at, data);
        if let Some(protection) = protection {
            // The stored value could not be read: it already has its notice, and stays untouched.
            self.update(&key, |state| state.pending = Some(raw));
            return Err(match protection {
                Protection::Unreadable => StorageNotice::Unreadable,
                Protection::Newer => StorageNotice::Newer,
            });
        }
        if conflict || self.stored_rev_is_newer(&key) {
            // Compare-and-set: another tab wrote since we read. Keep ours aside; ask the person.
            self.update(&key, |state| {
                state.conflict = true;
                state.pending = Some(raw);
            });
            return Err(StorageNotice::Conflict);
        }
        match self.backend.set(&key, &raw) {
            Ok(()) => {
                self.update(&key, |state| {
                    state.pending = None;
                    state.rev = rev;
                });
                Ok(())
            }
            Err(error) => {
                self.update(&key, |state| state.pending = Some(raw));
                Err(error.into())
            }
        }
    }

    /// Saves records together: all are written, or none changes (those written are put back if
    /// a later one cannot be). Refuses records holding data that could not be read.
    pub fn save_all(
        &self,
        records: &[(RecordSpec, &dyn SerJson)],
        saved_at: &str,
    ) -> Result<(), StorageNotice> {
        let keys: Vec<String> = records
            .iter()
            .map(|(spec, _)| self.namespace.key(spec.name))
            .collect();
        if keys
            .iter()
            .any(|key| self.read(key, |state| state.protection.is_some()))
        {
            return Err(StorageNotice::Unreadable);
        }
        let revs: Vec<u64> = keys
            .iter()
            .map(|key| self.read(key, |state| state.rev) + 1)
            .collect();
        let mut written: Vec<(&str, Option<String>)> = Vec::new();
        let put_back = |written: &[(&str, Option<String>)]| {
            for (key, before) in written.iter().rev() {
                let _ = match before {
                    Some(raw) => self.backend.set(key, raw),
                    None => self.backend.remove(key),
                };
            }
        };
        for ((key, rev), (spec, data)) in keys.iter().zip(&revs).zip(records) {
            let raw = encode_parts(spec.version, *rev, saved_at, *data);
            let outcome = self
                .backend
                .get(key)
                .map_err(|_| StorageNotice::Unavailable)
                .and_then(|before| {
                    self.backend.set(key, &raw)?;
                    Ok(before)
                });
            match outcome {
                Ok(before) => written.push((key, before)),
                Err(notice) => {
                    put_back(&written);
                    return Err(notice);
                }
            }
        }
        for (key, rev) in keys.iter().zip(revs) {
            self.update(key, |state| {
                state.pending = None;
                state.rev = rev;
            });
        }
        Ok(())
    }

    /// Whether the stored value of `key` carries a revision this store has not seen (another
    /// tab saved it). Nothing stored (a first save, or the page cleared storage) is not newer.
    fn stored_rev_is_newer(&self, key: &str) -> bool {
        let Ok(Some(raw)) = self.backend.get(key) else {
            return false;
        };
        let known = self.read(key, |state| state.rev);
        // Something unreadable appearing meanwhile counts as newer: never write over it.
        rev_of(&raw).is_none_or(|stored| stored > known)
    }

    /// Whether a save is waiting because another tab saved first.
    pub fn has_conflict(&self) -> bool {
        self.known.borrow().iter().any(|(_, state)| state.conflict)
    }

    /// Resolves every conflict: with `keep_mine`, this tab's waiting version is first kept as a
    /// copy (`<namespace>:copy:<record>:<stamp>`); then the other tab's version is the one used.
    pub fn resolve_conflicts(&self, keep_mine: bool, stamp: &str) -> Result<(), StorageNotice> {
        for key in self.keys_where(|state| state.conflict) {
            let mine = self.update(&key, |state| state.pending.take());
            if let (true, Some(raw)) = (keep_mine, mine) {
                let record = key.strip_prefix(&self.namespace.key("")).unwrap_or(&key);
                let copy = self.namespace.key(&format!("copy:{record}:{stamp}"));
                if let Err(error) = self.backend.set(&copy, &raw) {
                    self.update(&key, |state| state.pending = Some(raw));
                    return Err(error.into());
                }
            }
            self.update(&key, |state| {
                state.conflict = false;
                state.rev = 0;
            });
        }
        Ok(())
    }

    /// Whether `key` holds a record a newer version wrote (known once it was loaded).
    pub fn is_newer(&self, key: &str) -> bool {
        self.read(key, |state| state.protection == Some(Protection::Newer))
    }

    /// What is kept aside or cannot be used, exactly as stored (key and raw text): copies of
    /// values that could not be read (from memory when there was no room to copy them), this
    /// tab's versions kept as copies when two tabs clashed, and records a newer version wrote.
    pub fn kept_aside(&self) -> Vec<(String, String)> {
        let (marker, copy) = (
            self.namespace.key("quarantine:"),
            self.namespace.key("copy:"),
        );
        let is_newer = |key: &String| self.is_newer(key);
        let stored = |key: &String| self.backend.get(key).ok().flatten();
        self.keys()
            .into_iter()
            .filter_map(|key| {
                let raw = if key.starts_with(&marker) || key.starts_with(&copy) {
                    self.read(&key, |state| state.pending.clone())
                        .or_else(|| stored(&key))
                } else if is_newer(&key) {
                    // The stored record, not the changes held in memory beside it.
                    stored(&key)
                } else {
                    None
                }?;
                Some((key, raw))
            })
            .collect()
    }

    /// "Start fresh": records that could not be read (their copies are kept aside) may now be
    /// written again, starting with what the person did meanwhile. Records from a newer version
    /// stay untouched. Returns whether anything changed.
    pub fn start_fresh(&self) -> Result<bool, StorageNotice> {
        let unreadable = self.keys_where(|state| state.protection == Some(Protection::Unreadable));
        for key in &unreadable {
            let pending = self.update(key, |state| {
                state.protection = None;
                state.pending.clone()
            });
            match pending {
                Some(raw) => {
                    self.backend.set(key, &raw)?;
                    self.update(key, |state| {
                        state.pending = None;
                        if let Some(rev) = rev_of(&raw) {
                            state.rev = rev;
                        }
                    });
                }
                None => {
                    let _ = self.backend.remove(key);
                }
            }
        }
        Ok(!unreadable.is_empty())
    }

    /// When a record was last saved (its envelope's `saved_at`), if it is stored and says.
    pub fn saved_at(&self, spec: RecordSpec) -> Option<String> {
        let (_, raw) = self.read_raw(spec).ok()??;
        json::tree(&raw)?.members().ok()?.get("saved_at").ok()
    }

    /// Removes a stored record (one expired under a time limit). Not one that could not be read
    /// or that a newer version wrote (they are never written to), nor one another tab has saved
    /// since this one read it: those stay, and the notice says why.
    pub fn forget(&self, spec: RecordSpec) -> Result<(), StorageNotice> {
        let key = self.namespace.key(spec.name);
        match self.read(&key, |state| state.protection) {
            Some(Protection::Unreadable) => return Err(StorageNotice::Unreadable),
            Some(Protection::Newer) => return Err(StorageNotice::Newer),
            None => {}
        }
        if self.stored_rev_is_newer(&key) {
            return Err(StorageNotice::Conflict);
        }
        self.backend.remove(&key)?;
        self.update(&key, |state| {
            state.pending = None;
            state.rev = 0;
        });
        Ok(())
    }

    /// The keys this namespace holds, in the backend and in memory.
    pub fn keys(&self) -> Vec<String> {
        let mut keys = self.backend.keys().unwrap_or_default();
        keys.extend(self.keys_where(|state| state.pending.is_some()));
        keys.retain(|key| self.namespace.owns(key));
        keys.sort_unstable();
        keys.dedup();
        keys
    }

    /// Forgets what it knew of every key, as after a clearing, without removing anything: after
    /// the lock changed, what could not be read may read now, and the other way round.
    pub fn reset(&self) {
        self.known.borrow_mut().clear();
        self.generation.set(self.generation.get() + 1);
    }

    /// Removes every key of this namespace (quarantine copies included) and nothing else.
    /// Returns how many were removed, or the notice if storage refused.
    pub fn clear(&self) -> Result<usize, StorageNotice> {
        let keys = self.keys();
        let mut refused = false;
        for key in &keys {
            refused |= self.backend.remove(key).is_err();
        }
        self.known.borrow_mut().clear();
        self.generation.set(self.generation.get() + 1);
        if refused {
            Err(StorageNotice::Unavailable)
        } else {
            Ok(keys.len())
        }
    }
}

#[cfg(test)]
pub mod tests {
    use super::*;
    use std::cell::Cell;
    use std::collections::BTreeMap;

    /// A map backend whose failures can be switched on, for tests.
    #[derive(Default)]
    pub struct FakeBackend {
        pub values: RefCell<BTreeMap<String, String>>,
        pub unavailable: Cell<bool>,
        pub full: Cell<bool>,
    }

    impl FakeBackend {
        pub fn with(values: &[(&str, &str)]) -> Self {
            let backend = FakeBackend::default();
            for (key, value) in values {
                backend
                    .values
                    .borrow_mut()
                    .insert((*key).into(), (*value).into());
            }
            backend
        }
    }

    impl Backend for FakeBackend {
        fn get(&self, key: &str) -> Result<Option<String>, BackendError> {
            if self.unavailable.get() {
                return Err(BackendError::Unavailable);
            }
            Ok(self.values.borrow().get(key).cloned())
        }
        fn set(&self, key: &str, value: &str) -> Result<(), BackendError> {
            if self.unavailable.get() {
                return Err(BackendError::Unavailable);
            }
            if self.full.get() {
                return Err(BackendError::Full);
            }
            self.values.borrow_mut().insert(key.into(), value.into());
            Ok(())
        }
        fn remove(&self, key: &str) -> Result<(), BackendError> {
            if self.unavailable.get() {
                return Err(BackendError::Unavailable);
            }
            self.values.borrow_mut().remove(key);
            Ok(())
        }
        fn keys(&self) -> Result<Vec<String>, BackendError> {
            if self.unavailable.get() {
                return Err(BackendError::Unavailable);
            }
            Ok(self.values.borrow().keys().cloned().collect())
        }
    }

    #[derive(Debug, PartialEq, SerJson)]
    struct Prefs {
        lang: String,
    }

    impl FromJson for Prefs {
        fn from_json(value: &json::Value) -> Result<Self, json::Shape> {
            Ok(Prefs {
                lang: value.members()?.get("lang")?,
            })
        }
    }

    const PREFS: RecordSpec = RecordSpec {
        name: "prefs",
        version: 1,
        migrations: &[],
    };
    const NOW: &str = "2026-11-26T10:00:00.000Z";

    fn prefs(lang: &str) -> Prefs {
        Prefs { lang: lang.into() }
    }

    fn store(backend: FakeBackend) -> Store<FakeBackend> {
        Store::new(Namespace::default(), backend)
    }

    #[test]
    fn saves_and_loads_a_record_under_the_namespace() {
        let store = store(FakeBackend::default());
        assert_eq!(store.save(PREFS, prefs("cy"), NOW), Ok(()));
        let raw = store.backend.values.borrow()["supervision-widget:prefs"].clone();
        assert!(raw.contains("\"rev\":1"), "{raw}");
        assert_eq!(
            store.load::<Prefs>(PREFS, NOW),
            Loaded {
                data: Some(prefs("cy")),
                notice: None
            }
        );
    }

    /// Prefs as version 2 of a test schema, where version 1 stored `{"language": ..}`.
    const PREFS_V2: RecordSpec = RecordSpec {
        name: "prefs",
        version: 2,
        migrations: &[|data| {
            let value: serde_json::Value = serde_json::from_str(data).ok()?;
            Some(serde_json::json!({ "lang": value.get("language")? }).to_string())
        }],
    };

    #[test]
    fn an_older_record_is_migrated_in_memory_and_written_back_by_the_next_save() {
        let v1 = r#"{"version":1,"rev":3,"saved_at":"x","data":{"language":"cy"}}"#;
        let store = store(FakeBackend::with(&[("supervision-widget:prefs", v1)]));
        assert_eq!(
            store.load::<Prefs>(PREFS_V2, NOW),
            Loaded {
                data: Some(prefs("cy")),
                notice: None
            }
        );
        let stored = |store: &Store<FakeBackend>| {
            store.backend.values.borrow()["supervision-widget:prefs"].clone()
        };
        assert_eq!(stored(&store), v1, "reading changes nothing stored");
        store.save(PREFS_V2, prefs("en"), NOW).unwrap();
        let raw = stored(&store);
        assert!(
            raw.contains(r#""version":2"#) && raw.contains(r#""rev":4"#),
            "{raw}"
        );
    }

    #[test]
    fn a_record_whose_migration_fails_is_kept_aside_and_never_written() {
        let v1 = r#"{"version":1,"rev":3,"saved_at":"x","data":{"colour":"blue"}}"#;
        let store = store(FakeBackend::with(&[("supervision-widget:prefs", v1)]));
        let loaded = store.load::<Prefs>(PREFS_V2, NOW);
        assert_eq!(loaded.notice, Some(StorageNotice::Unreadable));
        assert_eq!(
            store.kept_aside(),
            vec![(store.quarantine_key("prefs", NOW), v1.to_owned())]
        );
        assert_eq!(
            store.save(PREFS_V2, prefs("en"), NOW),
            Err(StorageNotice::Unreadable)
        );
        assert_eq!(
            store.backend.values.borrow()["supervision-widget:prefs"],
            v1,
            "the original stays until the person chooses to start fresh"
        );
    }

    #[test]
    fn each_save_raises_the_rev() {
        let store = store(FakeBackend::default());
        store.save(PREFS, prefs("en"), NOW).unwrap();
        store.save(PREFS, prefs("cy"), NOW).unwrap();
        let raw = store.backend.values.borrow()["supervision-widget:prefs"].clone();
        assert!(raw.contains("\"rev\":2"), "{raw}");
    }

    #[test]
    fn nothing_stored_loads_as_nothing_without_a_notice() {
        assert_eq!(
            store(FakeBackend::default()).load::<Prefs>(PREFS, NOW),
            Loaded {
                data: None,
                notice: None
            }
        );
    }

    #[test]
    fn an_unreadable_value_is_copied_aside_and_never_overwritten() {
        let store = store(FakeBackend::with(&[(
            "supervision-widget:prefs",
            "not json",
        )]));
        let loaded = store.load::<Prefs>(PREFS, NOW);
        assert_eq!(
            loaded,
            Loaded {
                data: None,
                notice: Some(StorageNotice::Unreadable)
            }
        );
        let aside = store.quarantine_key("prefs", NOW);
        assert_eq!(store.backend.values.borrow()[&aside], "not json");

        assert_eq!(
            store.save(PREFS, prefs("cy"), NOW),
            Err(StorageNotice::Unreadable),
            "kept in memory only, so not reported as saved"
        );
        assert_eq!(
            store.backend.values.borrow()["supervision-widget:prefs"],
            "not json"
        );
        // The change is still there for the rest of the visit.
        assert_eq!(store.load::<Prefs>(PREFS, NOW).data, Some(prefs("cy")));
    }

    #[test]
    fn a_record_that_stays_unreadable_is_copied_aside_once_not_at_every_start() {
        let backend = FakeBackend::with(&[("supervision-widget:prefs", "not json")]);
        for (start, stamp) in ["2026-11-01T00:00:00.000Z", "2026-11-02T00:00:00.000Z"]
            .into_iter()
            .enumerate()
        {
            // A new start: a new store over what is stored.
            let values: Vec<(String, String)> =
                backend.values.borrow().clone().into_iter().collect();
            let pairs: Vec<(&str, &str)> = values
                .iter()
                .map(|(k, v)| (k.as_str(), v.as_str()))
                .collect();
            let store = store(FakeBackend::with(&pairs));
            assert_eq!(
                store.load::<Prefs>(PREFS, stamp).notice,
                Some(StorageNotice::Unreadable),
                "start {start}"
            );
            *backend.values.borrow_mut() = store.backend.values.borrow().clone();
        }
        let copies = backend
            .values
            .borrow()
            .keys()
            .filter(|key| key.contains("quarantine:prefs:"))
            .count();
        assert_eq!(copies, 1);
    }

    #[test]
    fn start_fresh_keeps_the_copy_and_writes_again() {
        let store = store(FakeBackend::with(&[(
            "supervision-widget:prefs",
            "not json",
        )]));
        store.load::<Prefs>(PREFS, NOW);
        let _in_memory_only = store.save(PREFS, prefs("cy"), NOW);
        assert_eq!(
            store.kept_aside(),
            [(store.quarantine_key("prefs", NOW), "not json".to_owned())]
        );
        assert_eq!(store.start_fresh(), Ok(true));
        let written = store.backend.values.borrow()["supervision-widget:prefs"].clone();
        assert!(
            written.contains("\"cy\""),
            "what was done meanwhile is saved: {written}"
        );
        assert_eq!(store.kept_aside().len(), 1, "the copy is kept");
        store.save(PREFS, prefs("en"), NOW).unwrap();
        assert!(store.backend.values.borrow()["supervision-widget:prefs"].contains("\"en\""));
    }

    #[test]
    fn a_newer_record_is_never_written_and_is_offered_as_stored() {
        let newer = r#"{"version":9,"rev":3,"saved_at":"x","data":{"shape":"unknown"}}"#;
        let store = store(FakeBackend::with(&[
            ("supervision-widget:prefs", newer),
            (
                "supervision-widget:other",
                r#"{"version":1,"rev":1,"saved_at":"x","data":1}"#,
            ),
        ]));
        assert_eq!(
            store.load::<Prefs>(PREFS, NOW).notice,
            Some(StorageNotice::Newer)
        );
        // Zero writes to it from then on.
        assert_eq!(
            store.save(PREFS, prefs("en"), NOW),
            Err(StorageNotice::Newer)
        );
        assert_eq!(
            store.backend.values.borrow()["supervision-widget:prefs"],
            newer
        );
        // The download offers the stored record, not the change held in memory.
        assert_eq!(
            store.kept_aside(),
            [("supervision-widget:prefs".to_owned(), newer.to_owned())]
        );
    }

    #[test]
    fn start_fresh_never_touches_a_newer_versions_data() {
        let newer = r#"{"version":9,"rev":3,"saved_at":"x","data":{}}"#;
        let store = store(FakeBackend::with(&[("supervision-widget:prefs", newer)]));
        store.load::<Prefs>(PREFS, NOW);
        let _in_memory_only = store.save(PREFS, prefs("en"), NOW);
        assert_eq!(store.start_fresh(), Ok(false));
        assert_eq!(
            store.backend.values.borrow()["supervision-widget:prefs"],
            newer
        );
    }

    /// Two stores over one backend: two tabs.
    fn two_tabs() -> (
        Store<std::rc::Rc<FakeBackend>>,
        Store<std::rc::Rc<FakeBackend>>,
    ) {
        let shared = std::rc::Rc::new(FakeBackend::default());
        (
            Store::new(Namespace::default(), shared.clone()),
            Store::new(Namespace::default(), shared),
        )
    }

    #[test]
    fn a_stale_save_never_overwrites_another_tabs_save() {
        let (a, b) = two_tabs();
        a.save(PREFS, prefs("en"), NOW).unwrap();
        b.load::<Prefs>(PREFS, NOW);
        a.save(PREFS, prefs("cy"), NOW).unwrap();
        let theirs = a.backend().values.borrow()["supervision-widget:prefs"].clone();
        assert_eq!(
            b.save(PREFS, prefs("en"), NOW),
            Err(StorageNotice::Conflict)
        );
        assert_eq!(
            a.backend().values.borrow()["supervision-widget:prefs"],
            theirs
        );
        assert!(b.has_conflict());
        // Saving again still waits: the person must choose.
        assert_eq!(
            b.save(PREFS, prefs("en"), NOW),
            Err(StorageNotice::Conflict)
        );
    }

    #[test]
    fn loading_the_other_tabs_version_resolves_the_conflict() {
        let (a, b) = two_tabs();
        b.load::<Prefs>(PREFS, NOW);
        a.save(PREFS, prefs("cy"), NOW).unwrap();
        b.save(PREFS, prefs("en"), NOW).unwrap_err();
        b.resolve_conflicts(false, NOW).unwrap();
        assert_eq!(b.load::<Prefs>(PREFS, NOW).data, Some(prefs("cy")));
        assert_eq!(
            b.save(PREFS, prefs("en"), NOW),
            Ok(()),
            "after reloading, saves work again"
        );
    }

    #[test]
    fn keeping_mine_as_a_copy_stores_it_beside_theirs() {
        let (a, b) = two_tabs();
        b.load::<Prefs>(PREFS, NOW);
        a.save(PREFS, prefs("cy"), NOW).unwrap();
        b.save(PREFS, prefs("en"), NOW).unwrap_err();
        b.resolve_conflicts(true, "stamp").unwrap();
        {
            let values = a.backend().values.borrow();
            assert!(values["supervision-widget:copy:prefs:stamp"].contains("\"en\""));
            assert!(values["supervision-widget:prefs"].contains("\"cy\""));
        }
        // The copy can be taken away with the rest of what is kept aside.
        let kept = b.kept_aside();
        assert_eq!(kept.len(), 1);
        assert_eq!(kept[0].0, "supervision-widget:copy:prefs:stamp");
    }

    #[test]
    fn a_page_that_cleared_storage_is_noticed_and_the_next_save_writes_again() {
        let (a, _) = two_tabs();
        a.save(PREFS, prefs("cy"), NOW).unwrap();
        a.backend().values.borrow_mut().clear(); // the host page's localStorage.clear()
        assert_eq!(a.save(PREFS, prefs("cy"), NOW), Ok(()));
        assert!(a
            .backend()
            .values
            .borrow()
            .contains_key("supervision-widget:prefs"));
    }

    #[test]
    fn reloading_after_another_tabs_save_picks_up_its_revision() {
        let (a, b) = two_tabs();
        b.load::<Prefs>(PREFS, NOW);
        a.save(PREFS, prefs("cy"), NOW).unwrap();
        assert_eq!(b.load::<Prefs>(PREFS, NOW).data, Some(prefs("cy")));
        assert_eq!(b.save(PREFS, prefs("en"), NOW), Ok(()));
    }

    #[test]
    fn a_value_from_a_newer_version_is_left_alone() {
        let newer = r#"{"version":9,"rev":3,"saved_at":"x","data":{"lang":"cy","theme":"dark"}}"#;
        let store = store(FakeBackend::with(&[("supervision-widget:prefs", newer)]));
        assert_eq!(
            store.load::<Prefs>(PREFS, NOW).notice,
            Some(StorageNotice::Newer)
        );
        let _in_memory_only = store.save(PREFS, prefs("en"), NOW);
        assert_eq!(
            store.backend.values.borrow()["supervision-widget:prefs"],
            newer
        );
        assert_eq!(
            store.backend.values.borrow().len(),
            1,
            "no quarantine copy is needed"
        );
    }

    #[test]
    fn when_there_is_no_room_for_the_copy_it_is_kept_in_memory() {
        let backend = FakeBackend::with(&[("supervision-widget:prefs", "{broken")]);
        backend.full.set(true);
        let store = store(backend);
        assert_eq!(
            store.load::<Prefs>(PREFS, NOW).notice,
            Some(StorageNotice::Unreadable)
        );
        assert_eq!(
            store.backend.values.borrow()["supervision-widget:prefs"],
            "{broken"
        );
        assert_eq!(
            store.read(&store.quarantine_key("prefs", NOW), |state| state
                .pending
                .clone()),
            Some("{broken".to_owned())
        );
    }

    #[test]
    fn unavailable_storage_works_from_memory_and_says_so() {
        let store = store(FakeBackend {
            unavailable: Cell::new(true),
            ..FakeBackend::default()
        });
        assert_eq!(
            store.load::<Prefs>(PREFS, NOW).notice,
            Some(StorageNotice::Unavailable)
        );
        assert_eq!(
            store.save(PREFS, prefs("cy"), NOW),
            Err(StorageNotice::Unavailable)
        );
        assert_eq!(store.load::<Prefs>(PREFS, NOW).data, Some(prefs("cy")));
    }

    #[test]
    fn a_full_store_keeps_the_previous_value_and_the_new_one_in_memory() {
        let store = store(FakeBackend::default());
        store.save(PREFS, prefs("en"), NOW).unwrap();
        let before = store.backend.values.borrow()["supervision-widget:prefs"].clone();
        store.backend.full.set(true);
        assert_eq!(
            store.save(PREFS, prefs("cy"), NOW),
            Err(StorageNotice::Full)
        );
        assert_eq!(
            store.backend.values.borrow()["supervision-widget:prefs"],
            before
        );
        assert_eq!(store.load::<Prefs>(PREFS, NOW).data, Some(prefs("cy")));
    }

    const OTHER: RecordSpec = RecordSpec {
        name: "other",
        version: 1,
        migrations: &[],
    };

    /// A backend that refuses writes to one key, to fail the second write of a pair.
    struct RefusesKey(FakeBackend, &'static str);

    impl Backend for RefusesKey {
        fn get(&self, key: &str) -> Result<Option<String>, BackendError> {
            self.0.get(key)
        }
        fn set(&self, key: &str, value: &str) -> Result<(), BackendError> {
            if key == self.1 {
                return Err(BackendError::Full);
            }
            self.0.set(key, value)
        }
        fn remove(&self, key: &str) -> Result<(), BackendError> {
            self.0.remove(key)
        }
        fn keys(&self) -> Result<Vec<String>, BackendError> {
            self.0.keys()
        }
    }

    #[test]
    fn records_are_saved_together() {
        let store = store(FakeBackend::default());
        assert_eq!(
            store.save_all(&[(PREFS, &prefs("cy")), (OTHER, &vec![1u8, 2])], NOW),
            Ok(())
        );
        assert_eq!(store.load::<Prefs>(PREFS, NOW).data, Some(prefs("cy")));
        assert_eq!(store.load::<Vec<u8>>(OTHER, NOW).data, Some(vec![1, 2]));
    }

    #[test]
    fn when_a_later_record_fails_those_before_it_are_put_back() {
        let backend = RefusesKey(FakeBackend::default(), "supervision-widget:other");
        let store = Store::new(Namespace::default(), backend);
        store.save(PREFS, prefs("en"), NOW).unwrap();
        let before = store.backend.0.values.borrow()["supervision-widget:prefs"].clone();
        assert_eq!(
            store.save_all(&[(PREFS, &prefs("cy")), (OTHER, &vec![1u8])], NOW),
            Err(StorageNotice::Full)
        );
        assert_eq!(
            store.backend.0.values.borrow()["supervision-widget:prefs"],
            before
        );
        assert!(!store
            .backend
            .0
            .values
            .borrow()
            .contains_key("supervision-widget:other"));
    }

    #[test]
    fn records_are_never_written_over_unreadable_data() {
        let store = store(FakeBackend::with(&[(
            "supervision-widget:other",
            "not json",
        )]));
        store.load::<Vec<u8>>(OTHER, NOW);
        assert_eq!(
            store.save_all(&[(PREFS, &prefs("cy")), (OTHER, &vec![1u8])], NOW),
            Err(StorageNotice::Unreadable)
        );
        assert_eq!(
            store.backend.values.borrow()["supervision-widget:other"],
            "not json"
        );
        assert!(!store
            .backend
            .values
            .borrow()
            .contains_key("supervision-widget:prefs"));
    }

    #[test]
    fn clear_removes_only_this_namespace_including_quarantine_copies() {
        let store = store(FakeBackend::with(&[
            ("supervision-widget:prefs", "not json"),
            ("supervision-widget-2:prefs", "other widget"),
            ("host-page", "the host's own"),
        ]));
        store.load::<Prefs>(PREFS, NOW);
        assert_eq!(store.keys().len(), 2, "the record and its quarantine copy");
        let generation = store.generation();
        assert_eq!(store.clear(), Ok(2));
        assert_eq!(
            store.generation(),
            generation + 1,
            "saves prepared before the clear can tell"
        );
        let left: Vec<String> = store.backend.values.borrow().keys().cloned().collect();
        assert_eq!(left, ["host-page", "supervision-widget-2:prefs"]);
        // After clearing, saving works normally again.
        store.save(PREFS, prefs("cy"), NOW).unwrap();
        assert!(store
            .backend
            .values
            .borrow()
            .contains_key("supervision-widget:prefs"));
    }
}
