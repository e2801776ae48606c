//! Keep, locked with a passphrase: each personal record is stored sealed with a key that comes
//! from the person's passphrase, and only this tab's memory ever holds the key.
//!
//! - The key: Argon2id (memory-hard, so guessing on a graphics card is slow too) of the
//!   passphrase with a random 16-byte salt per storage key, at the [`COST`] stored beside it.
//! - Each record: XChaCha20-Poly1305 with a random 24-byte nonce, so a wrong key, a flipped bit
//!   or a cut-off value is caught, never read as something else.
//! - The lock record (plain, like the privacy setting and the language, which the lock screen
//!   needs) holds the salt, the cost and a sealed check value that tells a wrong passphrase from
//!   damaged records, with the count of wrong tries.
//!
//! [`Sealing`] is a [`Backend`] over the real one: it seals what the store writes and opens what
//! it reads, so the store's rules (revisions, records it cannot read kept aside and never
//! written over) work unchanged on sealed records.

use std::cell::RefCell;
use std::rc::Rc;

use argon2::{Algorithm, Argon2, Params, Version};
use base64ct::{Base64, Encoding};
use chacha20poly1305::aead::{Aead, KeyInit, Payload};
use chacha20poly1305::{XChaCha20Poly1305, XNonce};
use zeroize::{Zeroize, Zeroizing};

use crate::core::config::Namespace;
use crate::core::json::{self, FromJson, Shape, Value};
use crate::core::shell::PREFS;
use crate::core::storage::RecordSpec;
use crate::core::store::{Backend, BackendError};

use super::SETTING;

/// The lock record: how to turn the passphrase into the key, and how to check it.
pub const LOCK: RecordSpec = RecordSpec {
    name: "lock-check",
    version: 1,
    migrations: &[],
};

/// Argon2id's cost: memory in KiB and passes over it (one lane).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Cost {
    pub memory_kib: u32,
    pub passes: u32,
}

/// The cost new locks use: 64 MiB (as Bitwarden, KeePassXC and RFC 9106's second recommended
/// option use), with as many passes as keep unlocking near what it took at the cost before
/// (19 MiB × 16 passes: 0.44 s from click to form in `cargo xtask bench`).
/// Each lock stores its own cost, so locks made at an earlier cost keep working as they were.
pub const COST: Cost = Cost {
    memory_kib: 64 * 1024,
    passes: 4,
};

pub const SALT_LEN: usize = 16;
const NONCE_LEN: usize = 24;
/// What the check value seals.
const CHECK: &str = "supervision-widget";

/// Where random bytes come from (the browser's `crypto.getRandomValues`; a fixed source in tests).
pub type Random = fn(&mut [u8]);

/// The key from a passphrase. It lives in memory only, and is wiped when dropped.
#[derive(Clone, PartialEq, Eq)]
pub struct Key([u8; 32]);

impl Drop for Key {
    fn drop(&mut self) {
        self.0.zeroize();
    }
}

/// A passphrase as typed, and in Unicode NFC (which the browser makes): locks made since NFC
/// came in take the NFC form, older ones the form they were made with. Wiped when dropped.
pub struct Passphrase {
    typed: Zeroizing<String>,
    nfc: Zeroizing<String>,
}

impl Passphrase {
    pub fn new(typed: String, nfc: String) -> Passphrase {
        Passphrase {
            typed: Zeroizing::new(typed),
            nfc: Zeroizing::new(nfc),
        }
    }

    /// One whose typed form is already NFC (every ASCII passphrase).
    pub fn same(text: &str) -> Passphrase {
        Passphrase::new(text.to_owned(), text.to_owned())
    }

    /// The form a lock takes.
    pub fn form(&self, nfc: bool) -> &str {
        if nfc {
            &self.nfc
        } else {
            &self.typed
        }
    }
}

impl std::fmt::Debug for Key {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Key(..)")
    }
}

impl Key {
    /// Derives the key for `passphrase` with `salt` at `cost`; `None` for a cost or salt
    /// Argon2 refuses (only a damaged lock record gives one).
    pub fn derive(passphrase: &str, salt: &[u8], cost: Cost) -> Option<Key> {
        let params = Params::new(cost.memory_kib, cost.passes, 1, Some(32)).ok()?;
        // Made in place, so no copy of it is left behind; Argon2's blocks are wiped too.
        let mut key = Key([0; 32]);
        Argon2::new(Algorithm::Argon2id, Version::V0x13, params)
            .hash_password_into(passphrase.as_bytes(), salt, &mut key.0)
            .ok()?;
        Some(key)
    }
}

/// Why a stored value could not be opened.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unsealed {
    /// It is not a sealed value at all.
    NotSealed,
    /// A wrong key, or the value was changed or cut short.
    Damaged,
}

/// Seals `plain` as stored: `{"sealed":2,"data":"<base64 of the nonce, then the ciphertext>"}`,
/// bound to `place` (the storage key it is written under, or what the value is for) as
/// associated data: moved to another key it no longer opens.
pub fn seal(key: &Key, random: Random, plain: &str, place: &str) -> String {
    let mut nonce = [0; NONCE_LEN];
    random(&mut nonce);
    let cipher = XChaCha20Poly1305::new((&key.0).into());
    let payload = Payload {
        msg: plain.as_bytes(),
        aad: place.as_bytes(),
    };
    // Encrypting a slice into a Vec only fails on lengths far beyond storage's.
    let sealed = cipher
        .encrypt(XNonce::from_slice(&nonce), payload)
        .unwrap_or_default();
    let mut bytes = nonce.to_vec();
    bytes.extend(sealed);
    format!(
        "{{\"sealed\":2,\"data\":\"{}\"}}",
        Base64::encode_string(&bytes)
    )
}

/// The version and base64 text of a sealed value, if `stored` is one: 1, sealed before values
/// were bound to their place (read as they are), or 2.
fn sealed_data(stored: &str) -> Option<(u32, String)> {
    let tree = json::tree(stored)?;
    let members = tree.members().ok()?;
    let version = members.get::<u32>("sealed").ok()?;
    (1..=2).contains(&version).then_some(())?;
    Some((version, members.get("data").ok()?))
}

/// Whether `stored` is a sealed value (whatever it holds).
pub fn is_sealed(stored: &str) -> bool {
    sealed_data(stored).is_some()
}

/// Opens a sealed value that was sealed for `place`.
pub fn open(key: &Key, stored: &str, place: &str) -> Result<String, Unsealed> {
    let (version, data) = sealed_data(stored).ok_or(Unsealed::NotSealed)?;
    let bytes = Base64::decode_vec(&data).map_err(|_| Unsealed::Damaged)?;
    if bytes.len() < NONCE_LEN {
        return Err(Unsealed::Damaged);
    }
    let (nonce, sealed) = bytes.split_at(NONCE_LEN);
    let cipher = XChaCha20Poly1305::new((&key.0).into());
    let aad = if version == 1 {
        &[][..]
    } else {
        place.as_bytes()
    };
    let plain = cipher
        .decrypt(XNonce::from_slice(nonce), Payload { msg: sealed, aad })
        .map_err(|_| Unsealed::Damaged)?;
    String::from_utf8(plain).map_err(|_| Unsealed::Damaged)
}

/// The lock record, stored plain.
#[derive(Clone, Debug, PartialEq, Eq, nanoserde::SerJson)]
pub struct LockRecord {
    /// Always `argon2id` (named, so another function can follow).
    pub kdf: String,
    pub memory_kib: u32,
    pub passes: u32,
    /// Base64 of the salt.
    pub salt: String,
    /// [`CHECK`] sealed with the key.
    pub check: String,
    /// Wrong passphrases in a row.
    pub failed: u32,
    /// No try is taken before this time (seconds since 1970).
    pub wait_until: u64,
    /// The passphrase was put into Unicode NFC before use (every lock made since version 2 of
    /// the lock; one made before takes it as typed, as it was made).
    pub nfc: bool,
}

/// The costs and sizes a lock record may ask for. A lock record comes from storage or from a
/// file anyone could have made: Argon2 at any memory or pass count it names would abort the wasm
/// (every widget on the page gone, unsaved typing lost) or hang the tab, so others are refused
/// before any passphrase is tried.
pub const MEMORY_KIB: std::ops::RangeInclusive<u32> = 8 * 1024..=256 * 1024;
pub const PASSES: std::ops::RangeInclusive<u32> = 1..=64;
pub const SALT_BYTES: std::ops::RangeInclusive<usize> = 16..=64;
/// The sealed check value is about 105 characters; room to spare, but not for a megabyte.
const MAX_CHECK_CHARS: usize = 256;

/// Why a lock record cannot be used.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LockRefused {
    /// It is not a lock record, or it is damaged.
    Damaged,
    /// It asks for a cost or size outside the bounds above.
    OutOfBounds,
}

impl LockRecord {
    /// Reads a lock record, telling a damaged one from one that asks too much.
    pub fn read(value: &Value) -> Result<LockRecord, LockRefused> {
        let record = Self::read_unchecked(value).map_err(|_| LockRefused::Damaged)?;
        let salt = Base64::decode_vec(&record.salt).map_err(|_| LockRefused::Damaged)?;
        let within = MEMORY_KIB.contains(&record.memory_kib)
            && PASSES.contains(&record.passes)
            && SALT_BYTES.contains(&salt.len())
            && record.check.len() <= MAX_CHECK_CHARS;
        within.then_some(record).ok_or(LockRefused::OutOfBounds)
    }

    fn read_unchecked(value: &Value) -> Result<LockRecord, Shape> {
        let members = value.members()?;
        let kdf: String = members.get("kdf")?;
        if kdf != "argon2id" {
            return Err(json::not_allowed(&kdf));
        }
        Ok(LockRecord {
            kdf,
            memory_kib: members.get("memory_kib")?,
            passes: members.get("passes")?,
            salt: members.get("salt")?,
            check: members.get("check")?,
            failed: members.get_or_default("failed")?,
            wait_until: members.get_or_default("wait_until")?,
            nfc: members.get_or_default("nfc")?,
        })
    }
}

/// A stored lock record outside the bounds reads as unreadable: kept aside, never derived from.
impl FromJson for LockRecord {
    fn from_json(value: &Value) -> Result<Self, Shape> {
        LockRecord::read(value).map_err(|refused| match refused {
            LockRefused::Damaged => json::not_allowed("lock"),
            LockRefused::OutOfBounds => json::not_allowed("cost"),
        })
    }
}

/// What trying a passphrase gave.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Unlock {
    Opened(Key),
    /// A wrong passphrase.
    Wrong,
    /// Too many wrong tries: no try before this time (seconds since 1970).
    Wait(u64),
}

impl LockRecord {
    /// A new lock for `passphrase`, with a fresh salt, and the key it gives.
    pub fn new(passphrase: &str, cost: Cost, random: Random) -> Option<(LockRecord, Key)> {
        let mut salt = [0; SALT_LEN];
        random(&mut salt);
        let key = Key::derive(passphrase, &salt, cost)?;
        let record = LockRecord {
            kdf: "argon2id".into(),
            memory_kib: cost.memory_kib,
            passes: cost.passes,
            salt: Base64::encode_string(&salt),
            check: seal(&key, random, CHECK, CHECK),
            failed: 0,
            wait_until: 0,
            nfc: true,
        };
        Some((record, key))
    }

    pub fn cost(&self) -> Cost {
        Cost {
            memory_kib: self.memory_kib,
            passes: self.passes,
        }
    }

    /// The key, if `passphrase` is the one this lock was made with.
    pub fn key_for(&self, passphrase: &str) -> Option<Key> {
        let salt = Base64::decode_vec(&self.salt).ok()?;
        let key = Key::derive(passphrase, &salt, self.cost())?;
        self.opens_with(&key).then_some(key)
    }

    /// Whether `key` opens this lock (no key derivation: cheap).
    pub fn opens_with(&self, key: &Key) -> bool {
        open(key, &self.check, CHECK).is_ok_and(|check| check == CHECK)
    }

    /// Tries `passphrase` at `now` (seconds since 1970), counting a wrong one: the record to
    /// store afterwards, and the outcome.
    pub fn try_passphrase(&self, passphrase: &Passphrase, now: u64) -> (LockRecord, Unlock) {
        let mut next = self.clone();
        // Never longer than the longest wait from now, whatever the record says.
        let wait_until = self.wait_until.min(now + wait_after(u32::MAX));
        if now < wait_until {
            return (next, Unlock::Wait(wait_until));
        }
        match self.key_for(passphrase.form(self.nfc)) {
            Some(key) => {
                next.failed = 0;
                next.wait_until = 0;
                (next, Unlock::Opened(key))
            }
            None => {
                next.failed += 1;
                next.wait_until = now + wait_after(next.failed);
                (next, Unlock::Wrong)
            }
        }
    }
}

/// Seconds to wait after `failed` wrong tries in a row: none for the first four, then 30
/// seconds, doubling with each further wrong try, up to an hour.
pub fn wait_after(failed: u32) -> u64 {
    match failed {
        0..=4 => 0,
        n => (30_u64 << (n - 5).min(7)).min(3_600),
    }
}

/// The sealing state of a store on this computer.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum Seal {
    /// No lock: records are stored plain.
    #[default]
    Off,
    /// Locked and not opened in this tab: personal records cannot be read or written.
    Shut,
    /// Opened with this key.
    Open(Key),
}

/// A backend that seals personal records on their way in and opens them on their way out. The
/// privacy setting, the lock record and the language stay plain.
pub struct Sealing<B> {
    inner: B,
    seal: Rc<RefCell<Seal>>,
    plain: [String; 3],
    random: Random,
}

impl<B: Backend> Sealing<B> {
    /// `seal` is shared with whoever opens and shuts the lock.
    pub fn new(inner: B, namespace: &Namespace, seal: Rc<RefCell<Seal>>, random: Random) -> Self {
        let plain = [SETTING, LOCK, PREFS].map(|spec| namespace.key(spec.name));
        Sealing {
            inner,
            seal,
            plain,
            random,
        }
    }

    pub fn inner(&self) -> &B {
        &self.inner
    }

    fn is_plain(&self, key: &str) -> bool {
        self.plain.iter().any(|plain| plain == key)
    }
}

impl<B: Backend> Sealing<B> {
    /// Whether `key` still opens the stored lock (another tab may have changed the passphrase).
    fn still_opens(&self, key: &Key) -> bool {
        let lock = self.inner.get(&self.plain[1]).ok().flatten();
        let record =
            lock.and_then(|raw| crate::core::storage::decode::<LockRecord>(&raw, LOCK).ok());
        record.is_some_and(|record| record.data.opens_with(key))
    }

    /// Shuts the lock in this tab: another tab locked, or changed the passphrase.
    fn shut(&self) -> BackendError {
        *self.seal.borrow_mut() = Seal::Shut;
        BackendError::Unavailable
    }
}

impl<B: Backend> Backend for Sealing<B> {
    fn get(&self, key: &str) -> Result<Option<String>, BackendError> {
        let stored = self.inner.get(key)?;
        let stored = match stored {
            Some(stored) if !self.is_plain(key) => stored,
            other => return Ok(other),
        };
        let state = self.seal.borrow().clone();
        match state {
            Seal::Off if is_sealed(&stored) => Err(self.shut()),
            Seal::Off => Ok(Some(stored)),
            Seal::Shut => Err(BackendError::Unavailable),
            Seal::Open(seal_key) => match open(&seal_key, &stored, key) {
                Ok(plain) => Ok(Some(plain)),
                // Plain where everything is sealed: written by a tab that had not heard of the
                // lock. Not read as the person's: kept aside, like any record that cannot be read.
                Err(Unsealed::NotSealed) => Ok(Some(format!(
                    "{{\"plain_while_locked\":{}}}",
                    json::quote(&stored)
                ))),
                Err(Unsealed::Damaged) if !self.still_opens(&seal_key) => Err(self.shut()),
                // Damaged: handed on as stored, so the store keeps it aside and never writes
                // over it, as for any record it cannot read.
                Err(Unsealed::Damaged) => Ok(Some(stored)),
            },
        }
    }

    fn set(&self, key: &str, value: &str) -> Result<(), BackendError> {
        if self.is_plain(key) {
            return self.inner.set(key, value);
        }
        let state = self.seal.borrow().clone();
        match state {
            // A plain value never replaces a sealed one: another tab has locked meanwhile.
            // A plain value never goes where a lock now is: another tab locked meanwhile, and
            // this one has not yet heard (the value it would replace is sealed, or the lock
            // record is there).
            Seal::Off
                if self.inner.get(&self.plain[1])?.is_some()
                    || self
                        .inner
                        .get(key)?
                        .is_some_and(|stored| is_sealed(&stored)) =>
            {
                Err(self.shut())
            }
            Seal::Off => self.inner.set(key, value),
            Seal::Open(seal_key) if !self.still_opens(&seal_key) => Err(self.shut()),
            Seal::Open(seal_key) => self
                .inner
                .set(key, &seal(&seal_key, self.random, value, key)),
            // Nothing personal is written plain while the lock is shut.
            Seal::Shut => Err(BackendError::Unavailable),
        }
    }

    fn remove(&self, key: &str) -> Result<(), BackendError> {
        self.inner.remove(key)
    }

    fn keys(&self) -> Result<Vec<String>, BackendError> {
        self.inner.keys()
    }
}

/// Seals every personal record of `namespace` in `backend` (the real one, under [`Sealing`])
/// again: from plain or the `from` key, to plain or the `to` key. All of them or none: each new
/// value is made before any is written, and a refused write puts back what was written. A value
/// that cannot be opened with `from` (damaged, so already kept aside) stays exactly as it is.
pub fn reseal<B: Backend>(
    backend: &Sealing<B>,
    namespace: &Namespace,
    from: Option<&Key>,
    to: Option<&Key>,
    random: Random,
) -> Result<(), BackendError> {
    let inner = &backend.inner;
    let mut changes = Vec::new();
    for key in inner.keys()? {
        if !namespace.owns(&key) || backend.is_plain(&key) {
            continue;
        }
        let Some(stored) = inner.get(&key)? else {
            continue;
        };
        let plain = match (from, is_sealed(&stored)) {
            (_, false) => stored.clone(),
            (Some(from), true) => match open(from, &stored, &key) {
                Ok(plain) => plain,
                Err(_) => continue,
            },
            (None, true) => continue,
        };
        let next = match to {
            Some(to) => seal(to, random, &plain, &key),
            None => plain,
        };
        changes.push((key, stored, next));
    }
    for (done, (key, _, next)) in changes.iter().enumerate() {
        if let Err(error) = inner.set(key, next) {
            for (key, before, _) in &changes[..done] {
                let _ = inner.set(key, before);
            }
            return Err(error);
        }
    }
    Ok(())
}

#[cfg(test)]
pub mod tests {
    use super::*;
    use crate::core::store::tests::FakeBackend;
    use crate::core::store::StorageNotice;
    use crate::core::store::Store;
    use std::cell::Cell;

    /// Counting bytes: a fixed, different nonce each time.
    fn counting(bytes: &mut [u8]) {
        thread_local!(static NEXT: Cell<u8> = const { Cell::new(0) });
        for byte in bytes {
            *byte = NEXT.with(|next| next.replace(next.get().wrapping_add(1)));
        }
    }

    #[cfg(not(target_arch = "wasm32"))]
    fn zeros(bytes: &mut [u8]) {
        bytes.fill(0);
    }

    /// The quickest cost a lock record may carry, for tests that are not about the cost.
    pub const QUICK: Cost = Cost {
        memory_kib: 8 * 1024,
        passes: 1,
    };

    /// libargon2's key at [`COST`] (argon2-cffi's hash_secret_raw, Type.ID, one lane, 32 bytes).
    const NEW_COST_VECTOR: &str =
        "78590359c4ec541125a7cf30912793144637ae47b32198b2db94ef7a82c738bc";

    /// A cost too small for a lock record, for the reference vector only.
    const TINY: Cost = Cost {
        memory_kib: 64,
        passes: 2,
    };

    fn key(byte: u8) -> Key {
        Key([byte; 32])
    }

    #[test]
    fn argon2id_gives_the_reference_implementations_key() {
        // From libargon2 (argon2-cffi's hash_secret_raw, Type.ID, one lane, 32 bytes).
        let hex = |key: Key| key.0.iter().map(|b| format!("{b:02x}")).collect::<String>();
        let derived = Key::derive("correct horse battery staple", b"saltsaltsaltsalt", TINY);
        assert_eq!(
            hex(derived.unwrap()),
            "d3c48619c0c93964ce1eb23da29235a316183d5c88dd76f3eaf4235b34a957bc"
        );
        let derived = Key::derive(
            "correct horse battery staple",
            b"saltsaltsaltsalt",
            Cost {
                memory_kib: 19_456,
                passes: 16,
            },
        );
        assert_eq!(
            hex(derived.unwrap()),
            "fb45b800263d1d514861ad7bb37a2abb97a5e7533e2cb25ba4d7b620cc7ff937"
        );
        let derived = Key::derive("correct horse battery staple", b"saltsaltsaltsalt", COST);
        assert_eq!(hex(derived.unwrap()), NEW_COST_VECTOR);
        assert_eq!(
            COST,
            Cost {
                memory_kib: 65_536,
                passes: 4
            }
        );
    }

    #[test]
    fn a_value_sealed_elsewhere_opens_here() {
        // XChaCha20-Poly1305 from PyCryptodome: key 0..32, nonce 0..24; version 1 without
        // associated data, version 2 with the storage key as associated data.
        let mut bytes = [0u8; 32];
        bytes.iter_mut().enumerate().for_each(|(i, b)| *b = i as u8);
        let place = "supervision-widget:feedback-sessions";
        let v1 = r#"{"sealed":1,"data":"AAECAwQFBgcICQoLDA0ODxAREhMUFRYX7bd/GuKk5N1aK0jjvDvMjy4zV/XoiD0fSkyNTJrALMJX/w=="}"#;
        let v2 = r#"{"sealed":2,"data":"AAECAwQFBgcICQoLDA0ODxAREhMUFRYX7bd/GuKk5N1aK0jjvDvMjy4zChSqkvLtwcNXCbEinoZOgw=="}"#;
        for stored in [v1, v2] {
            assert_eq!(
                open(&Key(bytes), stored, place).as_deref(),
                Ok("supervision-widget")
            );
        }
        fn from_zero(out: &mut [u8]) {
            out.iter_mut().enumerate().for_each(|(i, b)| *b = i as u8);
        }
        assert_eq!(
            seal(&Key(bytes), from_zero, "supervision-widget", place),
            v2
        );
    }

    #[test]
    fn a_sealed_value_opens_only_where_it_was_sealed() {
        let sealed = seal(
            &key(1),
            counting,
            "a worry",
            "supervision-widget:feedback-sessions",
        );
        assert_eq!(
            open(&key(1), &sealed, "supervision-widget:quiz-history"),
            Err(Unsealed::Damaged)
        );
        assert_eq!(
            open(&key(1), &sealed, "supervision-widget:feedback-sessions").as_deref(),
            Ok("a worry")
        );
        // Through the store: a value moved to another key, and a plain value written while
        // locked, are both unreadable, kept aside and never written over.
        let (record, key) = LockRecord::new("a long passphrase", QUICK, counting).unwrap();
        let (store, _) = sealing_store(&[], Seal::Open(key.clone()));
        store.save(LOCK, record, NOW).unwrap();
        let sessions = crate::core::feedback::model::SESSIONS;
        store
            .save_json(sessions, &"A private worry".to_owned(), NOW)
            .unwrap();
        let moved = stored(&store, SESSIONS_KEY);
        let history = crate::core::quiz::attempt::HISTORY;
        store
            .backend()
            .inner()
            .values
            .borrow_mut()
            .insert("supervision-widget:quiz-history".into(), moved);
        let loaded = store.load::<String>(history, NOW);
        assert_eq!(
            (loaded.data, loaded.notice),
            (None, Some(StorageNotice::Unreadable))
        );
        let plain = r#"{"version":3,"rev":9,"saved_at":"x","data":"written plain"}"#;
        store
            .backend()
            .inner()
            .values
            .borrow_mut()
            .insert(SESSIONS_KEY.into(), plain.into());
        let (reread, _) = sealing_store(
            &store
                .backend()
                .inner()
                .values
                .borrow()
                .iter()
                .map(|(k, v)| (k.as_str(), v.as_str()))
                .collect::<Vec<_>>(),
            Seal::Open(key),
        );
        let loaded = reread.load::<String>(sessions, NOW);
        assert_eq!(
            (loaded.data, loaded.notice),
            (None, Some(StorageNotice::Unreadable))
        );
        assert!(reread.save_json(sessions, &"over".to_owned(), NOW).is_err());
        assert_eq!(stored(&reread, SESSIONS_KEY), plain, "never written over");
    }

    #[test]
    fn a_tab_that_has_not_heard_of_the_lock_writes_nothing_plain() {
        let (record, _) = LockRecord::new("a long passphrase", QUICK, counting).unwrap();
        let (store, seal_state) = sealing_store(&[], Seal::Off);
        store.save(LOCK, record, NOW).unwrap();
        let sessions = crate::core::feedback::model::SESSIONS;
        assert!(store
            .save_json(sessions, &"new and plain".to_owned(), NOW)
            .is_err());
        assert_eq!(*seal_state.borrow(), Seal::Shut);
        assert!(!store
            .backend()
            .inner()
            .values
            .borrow()
            .contains_key(SESSIONS_KEY));
    }

    #[test]
    fn the_passphrase_is_checked_and_wrong_tries_make_a_growing_wait() {
        let (record, key) = LockRecord::new("a long passphrase", QUICK, counting).unwrap();
        assert_eq!(record.key_for("a long passphrase"), Some(key.clone()));
        assert_eq!(record.key_for("a long passphrasE"), None);
        // The record round-trips as stored, and says nothing of the passphrase or key.
        let stored = json::to_string(&record);
        assert!(!stored.contains("passphrase"));
        assert_eq!(json::parse::<LockRecord>(&stored), Ok(record.clone()));

        let mut record = record;
        let mut now = 1_000;
        for try_number in 1..=4 {
            let (next, outcome) = record.try_passphrase(&Passphrase::same("wrong"), now);
            assert_eq!(outcome, Unlock::Wrong, "{try_number}");
            assert_eq!(next.wait_until, now, "no wait after {try_number}");
            record = next;
        }
        let (next, outcome) = record.try_passphrase(&Passphrase::same("wrong"), now);
        assert_eq!((outcome, next.wait_until), (Unlock::Wrong, now + 30));
        record = next;
        // Even the right passphrase waits.
        let (_, outcome) = record.try_passphrase(&Passphrase::same("a long passphrase"), now + 29);
        assert_eq!(outcome, Unlock::Wait(now + 30));
        now += 30;
        let (next, _) = record.try_passphrase(&Passphrase::same("wrong"), now);
        assert_eq!(next.wait_until, now + 60, "the wait doubles");
        let (next, outcome) = next.try_passphrase(&Passphrase::same("a long passphrase"), now + 60);
        assert_eq!(outcome, Unlock::Opened(key));
        assert_eq!((next.failed, next.wait_until), (0, 0));
        assert_eq!(wait_after(40), 3_600, "at most an hour");
    }

    /// A store over a sealing backend holding `values`, with its seal state.
    fn sealing_store(
        values: &[(&str, &str)],
        state: Seal,
    ) -> (Store<Sealing<FakeBackend>>, Rc<RefCell<Seal>>) {
        let seal_state = Rc::new(RefCell::new(state));
        let namespace = Namespace::default();
        let backend = Sealing::new(
            FakeBackend::with(values),
            &namespace,
            seal_state.clone(),
            counting,
        );
        (Store::new(namespace, backend), seal_state)
    }

    fn stored(store: &Store<Sealing<FakeBackend>>, key: &str) -> String {
        store.backend().inner().values.borrow()[key].clone()
    }

    const SESSIONS_KEY: &str = "supervision-widget:feedback-sessions";
    const NOW: &str = "2026-11-26T10:00:00Z";

    #[test]
    fn a_sealing_store_keeps_personal_records_sealed_and_the_rest_plain() {
        let sessions = crate::core::feedback::model::SESSIONS;
        let (record, key) = LockRecord::new("a long passphrase", QUICK, counting).unwrap();
        let (store, seal_state) = sealing_store(&[], Seal::Open(key.clone()));
        store.save(LOCK, record, NOW).unwrap();
        store
            .save_json(sessions, &"A private worry".to_owned(), NOW)
            .unwrap();
        let welsh = crate::core::shell::Prefs {
            lang: crate::core::lang::Lang::Welsh,
            section: None,
        };
        store.save(PREFS, welsh, NOW).unwrap();
        assert!(is_sealed(&stored(&store, SESSIONS_KEY)));
        assert!(!stored(&store, SESSIONS_KEY).contains("private"));
        assert!(stored(&store, "supervision-widget:prefs").contains("cy"));
        assert!(!is_sealed(&stored(&store, "supervision-widget:lock-check")));
        assert_eq!(
            store.load::<String>(sessions, NOW).data.as_deref(),
            Some("A private worry")
        );
        let values = store.backend().inner().values.borrow().clone();
        let values: Vec<(&str, &str)> = values
            .iter()
            .map(|(k, v)| (k.as_str(), v.as_str()))
            .collect();

        // Shut: nothing personal can be read, and nothing is written plain.
        let (shut, _) = sealing_store(&values, Seal::Shut);
        assert_eq!(shut.load::<String>(sessions, NOW).data, None);
        assert!(shut.save_json(sessions, &"leak".to_owned(), NOW).is_err());
        assert!(!shut
            .backend()
            .inner()
            .values
            .borrow()
            .values()
            .any(|v| v.contains("leak")));

        // Not locked in this tab, but sealed records appear (another tab locked): it shuts.
        let (off, off_state) = sealing_store(&values, Seal::Off);
        assert!(off
            .save_json(sessions, &"plain over sealed".to_owned(), NOW)
            .is_err());
        assert_eq!(*off_state.borrow(), Seal::Shut);
        assert_eq!(stored(&off, SESSIONS_KEY), stored(&store, SESSIONS_KEY));

        // A damaged record: unreadable, kept aside, never written over.
        let mut damaged = stored(&store, SESSIONS_KEY);
        damaged.replace_range(30..31, if &damaged[30..31] == "A" { "B" } else { "A" });
        let mut values_damaged = values.clone();
        values_damaged.retain(|(k, _)| *k != SESSIONS_KEY);
        values_damaged.push((SESSIONS_KEY, &damaged));
        let (kept, _) = sealing_store(&values_damaged, Seal::Open(key.clone()));
        let loaded = kept.load::<String>(sessions, NOW);
        assert_eq!(
            loaded.notice,
            Some(crate::core::store::StorageNotice::Unreadable)
        );
        assert!(kept.save_json(sessions, &"over".to_owned(), NOW).is_err());
        assert_eq!(stored(&kept, SESSIONS_KEY), damaged);

        // Another tab changed the passphrase: this tab's key no longer opens, so it shuts.
        let (other, other_key) = LockRecord::new("another passphrase", QUICK, counting).unwrap();
        let namespace = Namespace::default();
        reseal(
            store.backend(),
            &namespace,
            Some(&key),
            Some(&other_key),
            counting,
        )
        .unwrap();
        store.save(LOCK, other, NOW).unwrap();
        assert_eq!(store.load::<String>(sessions, NOW).data, None);
        assert_eq!(*seal_state.borrow(), Seal::Shut);
    }

    #[test]
    fn resealing_changes_every_personal_record_or_none() {
        let namespace = Namespace::default();
        let values = [
            (
                "supervision-widget:feedback-sessions",
                r#"{"version":3,"rev":2,"saved_at":"x","data":[]}"#,
            ),
            (
                "supervision-widget:quiz-history",
                r#"{"version":1,"rev":1,"saved_at":"x","data":[]}"#,
            ),
            (
                "supervision-widget:privacy",
                r#"{"version":1,"rev":1,"saved_at":"x","data":{"keep":"locked"}}"#,
            ),
            ("other-widget:feedback-sessions", "untouched"),
        ];
        let seal_state = Rc::new(RefCell::new(Seal::Off));
        let backend = Sealing::new(FakeBackend::with(&values), &namespace, seal_state, counting);
        let stored = |key: &str| backend.inner().values.borrow()[key].clone();
        // Plain to sealed (setting a passphrase), to another key (changing it), to plain again.
        reseal(&backend, &namespace, None, Some(&key(1)), counting).unwrap();
        assert!(is_sealed(&stored("supervision-widget:feedback-sessions")));
        assert!(!is_sealed(&stored("supervision-widget:privacy")));
        assert_eq!(stored("other-widget:feedback-sessions"), "untouched");
        reseal(&backend, &namespace, Some(&key(1)), Some(&key(2)), counting).unwrap();
        assert_eq!(
            open(
                &key(2),
                &stored("supervision-widget:quiz-history"),
                "supervision-widget:quiz-history"
            )
            .as_deref(),
            Ok(values[1].1)
        );
        // A refused write puts back what was already written.
        let before = backend.inner().values.borrow().clone();
        backend.inner().full.set(true);
        assert_eq!(
            reseal(&backend, &namespace, Some(&key(2)), None, counting),
            Err(BackendError::Full)
        );
        assert_eq!(*backend.inner().values.borrow(), before);
        backend.inner().full.set(false);
        reseal(&backend, &namespace, Some(&key(2)), None, counting).unwrap();
        for (key, value) in values {
            assert_eq!(stored(key), value, "{key} is back as it was");
        }
    }

    #[test]
    fn a_lock_record_asking_for_too_much_or_too_little_is_refused_before_any_passphrase() {
        let (record, _) = LockRecord::new("a long passphrase", QUICK, counting).unwrap();
        let read = |change: &dyn Fn(&mut LockRecord)| {
            let mut changed = record.clone();
            change(&mut changed);
            LockRecord::read(&json::tree(&json::to_string(&changed)).unwrap())
        };
        assert_eq!(read(&|_| {}), Ok(record.clone()));
        let salt = |bytes: usize| Base64::encode_string(&vec![7; bytes]);
        type Change<'a> = &'a dyn Fn(&mut LockRecord);
        let refused: [(&str, Change); 8] = [
            ("4 GiB", &|r| r.memory_kib = 4 * 1024 * 1024),
            ("257 MiB", &|r| r.memory_kib = 257 * 1024),
            ("under 8 MiB", &|r| r.memory_kib = 8 * 1024 - 1),
            ("4,000,000,000 passes", &|r| r.passes = 4_000_000_000),
            ("65 passes", &|r| r.passes = 65),
            ("no passes", &|r| r.passes = 0),
            ("a 15-byte salt", &|r| r.salt = salt(15)),
            ("a huge check value", &|r| r.check = "A".repeat(257)),
        ];
        for (name, change) in refused {
            assert_eq!(read(change), Err(LockRefused::OutOfBounds), "{name}");
        }
        let accepted: [(&str, Change); 3] = [
            ("256 MiB", &|r| r.memory_kib = 256 * 1024),
            ("64 passes", &|r| r.passes = 64),
            ("a 64-byte salt", &|r| r.salt = salt(64)),
        ];
        for (name, change) in accepted {
            assert!(read(change).is_ok(), "{name}");
        }
        assert_eq!(
            read(&|r| r.salt = "not base64!".into()),
            Err(LockRefused::Damaged)
        );
        // Stored, it is unreadable: kept aside like any record the store cannot read.
        let mut huge = record.clone();
        huge.memory_kib = 4 * 1024 * 1024;
        assert!(json::parse::<LockRecord>(&json::to_string(&huge)).is_err());
    }

    #[test]
    fn a_wait_longer_than_the_longest_is_cut_to_an_hour() {
        let (mut record, _) = LockRecord::new("a long passphrase", QUICK, counting).unwrap();
        record.wait_until = u64::MAX;
        let (_, outcome) = record.try_passphrase(&Passphrase::same("a long passphrase"), 1_000);
        assert_eq!(outcome, Unlock::Wait(1_000 + 3_600));
    }

    #[cfg(not(target_arch = "wasm32"))]
    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(200))]

        /// Whatever happens to a sealed value (a flipped bit, a cut, a wrong key), opening it
        /// gives a typed error, never a panic and never other text.
        #[test]
        fn a_changed_sealed_value_never_opens(
            text in ".{0,200}",
            cut in 0usize..400,
            flip in 0usize..400,
            bit in 0u8..8,
            wrong in proptest::bool::ANY,
        ) {
            let sealed = seal(&key(3), zeros, &text, "k");
            let (_, data) = sealed_data(&sealed).unwrap();
            let mut bytes = Base64::decode_vec(&data).unwrap();
            let changed = if cut < bytes.len() && cut % 2 == 0 {
                bytes.truncate(cut);
                true
            } else if flip < bytes.len() {
                bytes[flip] ^= 1 << bit;
                true
            } else {
                false
            };
            let stored = format!("{{\"sealed\":2,\"data\":\"{}\"}}", Base64::encode_string(&bytes));
            let opened = open(&key(if wrong { 4 } else { 3 }), &stored, "k");
            if changed || wrong {
                proptest::prop_assert_eq!(opened, Err(Unsealed::Damaged));
            } else {
                proptest::prop_assert_eq!(opened, Ok(text));
            }
            // Cut in the middle of the stored text itself: never a panic.
            let _ = open(&key(3), &sealed[..cut.min(sealed.len())], "k");
        }
    }
}
