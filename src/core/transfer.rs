//! Export and import of all of a person's data as one JSON file, so they can keep it, and move
//! it between the intranet page and a saved offline copy (each has its own storage).
//!
//! The file (format `supervision-widget-export`, version 2; version 1 still imports):
//! `{ "format", "version", "exported_at", "data": { "quiz_history": [...], "feedback_sessions": [...] } }`.
//! An import is checked whole (size and nesting before parsing; counts, ids and texts after)
//! and is applied whole or not at all.

use crate::core::json::{self, FromJson, SerJson, Shape, Value};

use super::feedback::actions::well_formed;
use super::feedback::form::Date;
use super::feedback::model::{Session, COMMENT_LIMIT, LABEL_LIMIT, SESSIONS};
use super::privacy::lock::{open, seal, Key, LockRecord, LockRefused, Passphrase, Random};
use super::privacy::{days_since_epoch, epoch_seconds};
use super::quiz::attempt::{AttemptRecord, HISTORY, HISTORY_LIMIT};
use super::received::piece::{merge, Received, RECEIVED};
use super::received::plan::{Plan, PLAN};
use super::store::{Backend, StorageNotice, Store};

pub const FORMAT: &str = "supervision-widget-export";
/// Version 2 carries each session's reflective account, version 3 its actions and follow-ups,
/// version 4 the feedback a supervisor received and what they will change for it; files of
/// every earlier version still import.
pub const VERSION: u32 = 4;
/// The largest file accepted, in bytes.
pub const MAX_BYTES: usize = 1024 * 1024;
/// The largest locked file accepted: sealing writes the largest plain file in base64.
pub const MAX_LOCKED_BYTES: usize = MAX_BYTES * 3 / 2;
/// The deepest nesting of arrays and objects accepted.
pub const MAX_DEPTH: usize = 16;
/// The most feedback sessions a file may hold.
pub const MAX_SESSIONS: usize = 2000;
/// The most pieces of feedback received a file may hold.
pub const MAX_RECEIVED: usize = 2000;
const MAX_ID: usize = 100;

/// Everything the widget keeps that is worth keeping.
#[derive(Clone, Debug, Default, PartialEq, SerJson)]
pub struct ExportData {
    pub quiz_history: Vec<AttemptRecord>,
    pub feedback_sessions: Vec<Session>,
    /// What supervisees sent a supervisor about their supervision (version 4 on).
    pub feedback_received: Vec<Received>,
    /// What the supervisor will change for it, and their reflective account on it (version 4).
    pub feedback_received_plan: Plan,
}

impl FromJson for ExportData {
    fn from_json(value: &Value) -> Result<Self, Shape> {
        let members = value.members()?;
        Ok(ExportData {
            quiz_history: members.get_or_default("quiz_history")?,
            feedback_sessions: members.get_or_default("feedback_sessions")?,
            feedback_received: members.get_or_default("feedback_received")?,
            feedback_received_plan: members.get_or_default("feedback_received_plan")?,
        })
    }
}

/// The export file.
#[derive(Clone, Debug, PartialEq, SerJson)]
pub struct ExportFile {
    pub format: String,
    pub version: u32,
    pub exported_at: String,
    pub data: ExportData,
}

impl FromJson for ExportFile {
    fn from_json(value: &Value) -> Result<Self, Shape> {
        let members = value.members()?;
        Ok(ExportFile {
            format: members.get("format")?,
            version: members.get("version")?,
            exported_at: members.get("exported_at")?,
            data: members.get("data")?,
        })
    }
}

/// Why a file was not imported. Each has a plain message in both languages.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ImportError {
    /// The file is locked with a passphrase, and none was given.
    Locked,
    /// The passphrase given does not open the file.
    WrongPassphrase,
    /// The file's lock asks for more memory or time (or a stranger salt) than a lock made here
    /// ever does: it was crafted, and trying a passphrase could stop the page.
    LockOutOfBounds,
    TooBig,
    TooDeep,
    NotJson,
    NotAnExport,
    NewerVersion,
    TooMany,
    /// An item is malformed: which list, its position (from 1) and why.
    BadItem {
        list: &'static str,
        position: usize,
        reason: &'static str,
    },
}

/// What an import changed.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ImportCount {
    pub added: usize,
    pub skipped: usize,
}

/// How to combine the file with what is already stored.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ImportMode {
    /// Add what is new (by id); keep everything already here.
    Merge,
    /// Use the file's data instead of what is here.
    Replace,
}

/// The export file for `data`.
pub fn export(data: ExportData, now: &str) -> String {
    let file = ExportFile {
        format: FORMAT.into(),
        version: VERSION,
        exported_at: now.into(),
        data,
    };
    json::to_string(&file)
}

/// The format of an export from a store locked with a passphrase: `{ "format", "version",
/// "lock": <the lock record: Argon2id's cost and salt, and the check value>, "data": <the plain
/// export file, sealed> }`. It opens with the passphrase alone, on any computer.
pub const LOCKED_FORMAT: &str = "supervision-widget-export-locked";

/// A locked export of `file` (a plain export file's text), sealed with `key`, which `lock` makes
/// from the passphrase.
pub fn export_locked(file: &str, lock: &LockRecord, key: &Key, random: Random) -> String {
    let lock = LockRecord {
        failed: 0,
        wait_until: 0,
        ..lock.clone()
    };
    format!(
        "{{\"format\":\"{LOCKED_FORMAT}\",\"version\":1,\"lock\":{},\"data\":{}}}",
        json::to_string(&lock),
        seal(key, random, file, LOCKED_FORMAT)
    )
}

/// The plain export file inside `text`: `text` itself when it is not locked; opened with
/// `passphrase` when it is.
pub fn open_locked(text: &str, passphrase: &Passphrase) -> Result<String, ImportError> {
    if text.len() > MAX_LOCKED_BYTES {
        return Err(ImportError::TooBig);
    }
    let format = json::member_text(text, "format");
    if format != Some(&json::quote(LOCKED_FORMAT)[..]) {
        return Ok(text.to_owned());
    }
    // The lock's cost is checked before a passphrase is asked for: a crafted one is refused
    // without deriving anything.
    let lock = json::member_text(text, "lock")
        .and_then(json::tree)
        .ok_or(ImportError::NotAnExport)?;
    let lock = LockRecord::read(&lock).map_err(|refused| match refused {
        LockRefused::Damaged => ImportError::NotAnExport,
        LockRefused::OutOfBounds => ImportError::LockOutOfBounds,
    })?;
    if passphrase.form(false).is_empty() {
        return Err(ImportError::Locked);
    }
    let data = json::member_text(text, "data").ok_or(ImportError::NotAnExport)?;
    let key = lock
        .key_for(passphrase.form(lock.nfc))
        .ok_or(ImportError::WrongPassphrase)?;
    open(&key, data, LOCKED_FORMAT).map_err(|_| ImportError::NotAnExport)
}

/// The deepest nesting of `[` and `{` outside strings, found without parsing (so a hostile file
/// cannot exhaust the parser).
pub fn depth(text: &str) -> usize {
    let (mut depth, mut deepest, mut in_string, mut escaped) = (0usize, 0usize, false, false);
    for byte in text.bytes() {
        if in_string {
            match (escaped, byte) {
                (true, _) => escaped = false,
                (false, b'\\') => escaped = true,
                (false, b'"') => in_string = false,
                _ => {}
            }
            continue;
        }
        match byte {
            b'"' => in_string = true,
            b'[' | b'{' => {
                depth += 1;
                deepest = deepest.max(depth);
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    deepest
}

/// Reads and checks an export file.
pub fn read(text: &str) -> Result<ExportData, ImportError> {
    if text.len() > MAX_BYTES {
        return Err(ImportError::TooBig);
    }
    if depth(text) > MAX_DEPTH {
        return Err(ImportError::TooDeep);
    }
    let tree = json::tree(text).ok_or(ImportError::NotJson)?;
    let members = tree.members().map_err(|_| ImportError::NotAnExport)?;
    let format: String = members
        .get("format")
        .map_err(|_| ImportError::NotAnExport)?;
    let version: u32 = members
        .get("version")
        .map_err(|_| ImportError::NotAnExport)?;
    if format != FORMAT {
        return Err(ImportError::NotAnExport);
    }
    if version > VERSION {
        return Err(ImportError::NewerVersion);
    }
    let file = ExportFile::from_json(&tree).map_err(|_| ImportError::NotAnExport)?;
    check(&file.data)?;
    Ok(file.data)
}

/// For each id, whether an earlier one in the list has it too. (Sorted positions, not a
/// `BTreeSet`: the set's code for this one type was 4.5 KB of wasm; issue 26.)
fn repeats<'a>(ids: impl Iterator<Item = &'a str>) -> Vec<bool> {
    let ids: Vec<&str> = ids.collect();
    let mut order: Vec<usize> = (0..ids.len()).collect();
    // Stable: within one id, the earliest stays first.
    order.sort_by_key(|&at| ids[at]);
    let mut repeated = vec![false; ids.len()];
    for pair in order.windows(2) {
        if ids[pair[0]] == ids[pair[1]] {
            repeated[pair[1]] = true;
        }
    }
    repeated
}

/// An item's id: present, at most `MAX_ID` characters, and new to its list.
fn fresh_id(id: &str, repeated: bool) -> Result<(), &'static str> {
    if id.is_empty() || id.chars().count() > MAX_ID {
        return Err("id");
    }
    if repeated {
        return Err("duplicate id");
    }
    Ok(())
}

fn check(data: &ExportData) -> Result<(), ImportError> {
    if data.feedback_sessions.len() > MAX_SESSIONS || data.quiz_history.len() > HISTORY_LIMIT {
        return Err(ImportError::TooMany);
    }
    let repeated = repeats(data.feedback_sessions.iter().map(|s| s.id.as_str()));
    for (index, session) in data.feedback_sessions.iter().enumerate() {
        let bad = |reason| ImportError::BadItem {
            list: "feedback_sessions",
            position: index + 1,
            reason,
        };
        fresh_id(&session.id, repeated[index]).map_err(bad)?;
        if Date::parse_iso(&session.date).is_none() || session.date.len() != 10 {
            return Err(bad("date"));
        }
        if session.label.chars().count() > LABEL_LIMIT
            || session
                .comments
                .iter()
                .any(|c| c.chars().count() > COMMENT_LIMIT)
            || !session.reflection.within_limits()
            || session
                .sent_at
                .as_ref()
                .is_some_and(|at| at.chars().count() > MAX_ID)
        {
            return Err(bad("text too long"));
        }
        if session
            .ratings
            .iter()
            .flatten()
            .any(|r| !(1..=5).contains(r))
        {
            return Err(bad("rating"));
        }
        if !well_formed(session) {
            return Err(bad("action"));
        }
    }
    if data.feedback_received.len() > MAX_RECEIVED {
        return Err(ImportError::TooMany);
    }
    let repeated = repeats(data.feedback_received.iter().map(|r| r.id.as_str()));
    for (index, received) in data.feedback_received.iter().enumerate() {
        let bad = |reason| ImportError::BadItem {
            list: "feedback_received",
            position: index + 1,
            reason,
        };
        fresh_id(&received.id, repeated[index]).map_err(bad)?;
        if received.label.chars().count() > LABEL_LIMIT
            || received.received_at.chars().count() > MAX_ID
            || !received.piece.well_formed()
        {
            return Err(bad("piece"));
        }
    }
    if !data.feedback_received_plan.well_formed() {
        return Err(ImportError::BadItem {
            list: "feedback_received_plan",
            position: 1,
            reason: "change",
        });
    }
    for (index, record) in data.quiz_history.iter().enumerate() {
        let bad = |reason| ImportError::BadItem {
            list: "quiz_history",
            position: index + 1,
            reason,
        };
        if record.finished_at.chars().count() > MAX_ID
            || record.by_topic.len() > 50
            || record.asked.len() > 200
            || record.bank.chars().count() > MAX_ID
        {
            return Err(bad("too long"));
        }
        if !record.notes.within_limits() {
            return Err(bad("text too long"));
        }
        if !record.score.is_finite()
            || record.score < 0.0
            || record.score > f64::from(record.possible)
        {
            return Err(bad("score"));
        }
    }
    Ok(())
}

/// Why an import did not happen.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ImportFailure {
    File(ImportError),
    Storage(StorageNotice),
}

/// Everything worth keeping, as stored now.
pub fn current<B: Backend>(store: &Store<B>, now: &str) -> ExportData {
    ExportData {
        quiz_history: store.load(HISTORY, now).data.unwrap_or_default(),
        feedback_sessions: store.load(SESSIONS, now).data.unwrap_or_default(),
        feedback_received: store.load(RECEIVED, now).data.unwrap_or_default(),
        feedback_received_plan: store.load(PLAN, now).data.unwrap_or_default(),
    }
}

/// Reads a file and applies it to the store: whole, or not at all.
pub fn import_into<B: Backend>(
    store: &Store<B>,
    text: &str,
    mode: ImportMode,
    now: &str,
    time_limit: bool,
) -> Result<ImportCount, ImportFailure> {
    let mut incoming = read(text).map_err(ImportFailure::File)?;
    // Under a time limit, a record dated later than now, or unreadably, counts from the import;
    // otherwise the file's records come in exactly as they were.
    if time_limit {
        no_later_than(&mut incoming, now);
    }
    let (next, count) = combine(&current(store, now), incoming, mode);
    store
        .save_all(
            &[
                (SESSIONS, &next.feedback_sessions),
                (HISTORY, &next.quiz_history),
                (RECEIVED, &next.feedback_received),
                (PLAN, &next.feedback_received_plan),
            ],
            now,
        )
        .map_err(ImportFailure::Storage)?;
    Ok(count)
}

/// Gives the import's own time to what a file dates unreadably or later than `now`, so that a
/// time limit counts from there: a crafted or garbled date must not keep a record for ever.
fn no_later_than(data: &mut ExportData, now: &str) {
    let now_seconds = epoch_seconds(now);
    let fix = |at: &mut String| {
        if now_seconds.is_some()
            && epoch_seconds(at).is_none_or(|seconds| Some(seconds) > now_seconds)
        {
            *at = now.to_owned();
        }
    };
    data.feedback_sessions
        .iter_mut()
        .for_each(|session| fix(&mut session.saved_at));
    data.quiz_history
        .iter_mut()
        .for_each(|record| fix(&mut record.finished_at));
    data.feedback_received
        .iter_mut()
        .for_each(|received| fix(&mut received.received_at));
}

/// The sessions in another person's export that are the other view of `session`: the same date,
/// from the other role (a supervisor's for a supervisee's, and the other way round).
pub fn other_views<'a>(file: &'a ExportData, session: &Session) -> Vec<&'a Session> {
    file.feedback_sessions
        .iter()
        .filter(|s| s.date == session.date && s.role != session.role)
        .collect()
}

/// When the file has no other view of `session`'s date: its other views of sessions on other
/// dates, the nearest first (at most three), to compare anyway if one is the same session
/// dated differently.
pub fn nearest_other_views<'a>(file: &'a ExportData, session: &Session) -> Vec<&'a Session> {
    let day = |s: &Session| Date::parse_iso(&s.date).map(days_since_epoch);
    let mine = day(session);
    let mut views: Vec<&Session> = file
        .feedback_sessions
        .iter()
        .filter(|s| s.role != session.role && s.date != session.date)
        .collect();
    views.sort_by_key(|s| match (day(s), mine) {
        (Some(theirs), Some(mine)) => (theirs - mine).abs(),
        _ => i64::MAX,
    });
    views.truncate(3);
    views
}

/// An export file holding just one session, to share for comparing views.
pub fn export_one(session: &Session, now: &str) -> String {
    export(
        ExportData {
            feedback_sessions: vec![session.clone()],
            ..ExportData::default()
        },
        now,
    )
}

/// Combines imported data with what is here. Merge adds sessions with new ids and results with
/// new finishing times; Replace takes the file's data.
pub fn combine(
    current: &ExportData,
    incoming: ExportData,
    mode: ImportMode,
) -> (ExportData, ImportCount) {
    match mode {
        ImportMode::Replace => {
            let added = incoming.feedback_sessions.len()
                + incoming.quiz_history.len()
                + incoming.feedback_received.len();
            (incoming, ImportCount { added, skipped: 0 })
        }
        ImportMode::Merge => {
            let mut merged = current.clone();
            let mut count = ImportCount::default();
            for session in incoming.feedback_sessions {
                if merged.feedback_sessions.iter().any(|s| s.id == session.id) {
                    count.skipped += 1;
                } else {
                    merged.feedback_sessions.push(session);
                    count.added += 1;
                }
            }
            for record in incoming.quiz_history {
                if merged
                    .quiz_history
                    .iter()
                    .any(|r| r.finished_at == record.finished_at)
                {
                    count.skipped += 1;
                } else {
                    merged.quiz_history.push(record);
                    count.added += 1;
                }
            }
            let offered = incoming.feedback_received.len();
            let added = merge(&mut merged.feedback_received, incoming.feedback_received);
            merged
                .feedback_received_plan
                .merge(incoming.feedback_received_plan);
            count.added += added;
            count.skipped += offered - added;
            merged
                .quiz_history
                .sort_unstable_by(|a, b| b.finished_at.cmp(&a.finished_at));
            merged.quiz_history.truncate(HISTORY_LIMIT);
            (merged, count)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::feedback::model::{Action, FollowUp, Outcome, Role, SessionType};

    #[test]
    fn an_id_is_a_repeat_after_its_first_place_in_the_list_only() {
        let ids = ["b", "a", "b", "c", "a", "b"];
        assert_eq!(
            repeats(ids.into_iter()),
            [false, false, true, false, true, true]
        );
    }

    #[test]
    fn a_locked_export_opens_with_its_passphrase_only_and_a_plain_one_needs_none() {
        use crate::core::privacy::lock::tests::QUICK;
        use crate::core::privacy::lock::LockRecord;
        fn counting(bytes: &mut [u8]) {
            bytes
                .iter_mut()
                .enumerate()
                .for_each(|(i, b)| *b = i as u8 ^ 0x5a);
        }
        let (lock, key) = LockRecord::new("a long passphrase", QUICK, counting).unwrap();
        let plain = export(ExportData::default(), "2026-11-26T10:00:00Z");
        let locked = export_locked(&plain, &LockRecord { failed: 3, ..lock }, &key, counting);
        assert!(!locked.contains("exported_at"), "nothing of the data shows");
        assert!(
            locked.contains(r#""failed":0"#),
            "not the store's count of wrong tries"
        );
        assert_eq!(
            open_locked(&locked, &Passphrase::same("a long passphrase")),
            Ok(plain.clone())
        );
        assert_eq!(
            open_locked(&locked, &Passphrase::same("")),
            Err(ImportError::Locked)
        );
        assert_eq!(
            open_locked(&locked, &Passphrase::same("another passphrase")),
            Err(ImportError::WrongPassphrase)
        );
        assert_eq!(
            open_locked(&plain, &Passphrase::same("")),
            Ok(plain.clone())
        );
        let damaged = locked.replacen(
            r#""data":{"sealed":2,"data":""#,
            r#""data":{"sealed":2,"data":"A"#,
            1,
        );
        assert_eq!(
            open_locked(&damaged, &Passphrase::same("a long passphrase")),
            Err(ImportError::NotAnExport)
        );
        assert_eq!(
            read(&open_locked(&locked, &Passphrase::same("a long passphrase")).unwrap()),
            Ok(ExportData::default())
        );
        // A crafted lock asking for 4 GiB and 4,000,000,000 passes: refused at once, with or
        // without a passphrase, and nothing derived (this test would not end otherwise).
        let crafted = locked
            .replacen(r#""memory_kib":8192"#, r#""memory_kib":4194304"#, 1)
            .replacen(r#""passes":1,"#, r#""passes":4000000000,"#, 1);
        assert!(crafted.contains("4000000000") && crafted.contains("4194304"));
        for passphrase in ["", "a long passphrase"] {
            assert_eq!(
                open_locked(&crafted, &Passphrase::same(passphrase)),
                Err(ImportError::LockOutOfBounds)
            );
        }
    }

    fn session(id: &str) -> Session {
        Session {
            id: id.into(),
            role: Role::Received,
            kind: SessionType::Clinical,
            date: "2026-10-01".into(),
            label: "<b>label</b>".into(),
            ratings: [Some(4), None, Some(5), Some(1), Some(2), Some(3)],
            comments: Default::default(),
            saved_at: "2026-10-01T10:00:00Z".into(),
            reflection: Default::default(),
            actions: Vec::new(),
            follow_ups: Vec::new(),
            sent_at: None,
        }
    }

    fn record(at: &str) -> AttemptRecord {
        AttemptRecord {
            finished_at: at.into(),
            score: 3.5,
            possible: 5,
            ..AttemptRecord::default()
        }
    }

    fn data() -> ExportData {
        ExportData {
            feedback_received: Vec::new(),
            feedback_received_plan: Plan::default(),
            quiz_history: vec![record("2026-10-02T09:00:00Z")],
            feedback_sessions: vec![session("a"), session("b")],
        }
    }

    #[test]
    fn a_version_1_file_still_imports_and_version_3_carries_the_account_and_actions() {
        let mut with_account = data();
        with_account.feedback_sessions[0].reflection.learned = "To ask early".into();
        with_account.feedback_sessions[0].reflection.themes = [false, true, false, false];
        with_account.feedback_sessions[0].actions = vec![Action {
            domain: 2,
            text: "I will ask for time".into(),
            by: Some("2026-12-01".into()),
        }];
        with_account.feedback_sessions[1].follow_ups = vec![FollowUp {
            session: "a".into(),
            domain: 2,
            outcome: Outcome::Partly,
            note: "Half".into(),
            carried: false,
        }];
        let v4 = export(with_account.clone(), "now");
        assert!(v4.contains("\"version\":4"));
        assert_eq!(read(&v4).unwrap(), with_account);
        let v1 = serde_json::json!({
            "format": FORMAT, "version": 1, "exported_at": "now",
            "data": { "quiz_history": [], "feedback_sessions": [{
                "id": "old", "role": "received", "kind": "clinical", "date": "2026-09-01", "label": "",
                "ratings": [1, 2, 3, 4, 5, null], "comments": ["", "", "", "", "", ""], "saved_at": "x" }] }
        })
        .to_string();
        let old = read(&v1).unwrap();
        assert!(old.feedback_sessions[0].reflection.is_empty());
        let mut too_long = data();
        too_long.feedback_sessions[0].reflection.changed = "x".repeat(2001);
        assert!(matches!(
            read(&export(too_long, "now")),
            Err(ImportError::BadItem {
                reason: "text too long",
                ..
            })
        ));
    }

    #[test]
    fn an_export_reads_back_as_the_same_data() {
        let file = export(data(), "2026-11-26T10:00:00Z");
        assert!(file.contains("\"format\":\"supervision-widget-export\""));
        assert_eq!(read(&file), Ok(data()));
    }

    #[test]
    fn each_limit_rejects_the_file_with_its_reason() {
        let nested = format!("{}{}", "[".repeat(MAX_DEPTH + 1), "]".repeat(MAX_DEPTH + 1));
        let mut too_many = data();
        too_many.feedback_sessions = (0..=MAX_SESSIONS)
            .map(|i| session(&i.to_string()))
            .collect();
        let mut duplicate = data();
        duplicate.feedback_sessions[1].id = "a".into();
        let mut long_comment = data();
        long_comment.feedback_sessions[0].comments[2] = "x".repeat(COMMENT_LIMIT + 1);
        let mut bad_rating = data();
        bad_rating.feedback_sessions[1].ratings[0] = Some(9);
        let mut bad_date = data();
        bad_date.feedback_sessions[0].date = "2026-02-30".into();
        let mut long_id = data();
        long_id.feedback_sessions[0].id = "x".repeat(101);
        let mut bad_score = data();
        bad_score.quiz_history[0].score = 99.0;
        let newer = export(data(), "now").replace("\"version\":4", "\"version\":5");
        let mut bad_action = data();
        bad_action.feedback_sessions[1].actions = vec![Action {
            domain: 6,
            text: "x".into(),
            by: None,
        }];
        let cases: Vec<(&str, String, ImportError)> = vec![
            ("too big", " ".repeat(MAX_BYTES + 1), ImportError::TooBig),
            ("too deep", nested, ImportError::TooDeep),
            ("not JSON", "{\"format\":".into(), ImportError::NotJson),
            (
                "another file",
                "{\"name\":\"something else\"}".into(),
                ImportError::NotAnExport,
            ),
            (
                "another format",
                export(data(), "now").replace(FORMAT, "other"),
                ImportError::NotAnExport,
            ),
            ("newer", newer, ImportError::NewerVersion),
            ("too many", export(too_many, "now"), ImportError::TooMany),
            (
                "duplicate id",
                export(duplicate, "now"),
                ImportError::BadItem {
                    list: "feedback_sessions",
                    position: 2,
                    reason: "duplicate id",
                },
            ),
            (
                "long comment",
                export(long_comment, "now"),
                ImportError::BadItem {
                    list: "feedback_sessions",
                    position: 1,
                    reason: "text too long",
                },
            ),
            (
                "bad rating",
                export(bad_rating, "now"),
                ImportError::BadItem {
                    list: "feedback_sessions",
                    position: 2,
                    reason: "rating",
                },
            ),
            (
                "bad date",
                export(bad_date, "now"),
                ImportError::BadItem {
                    list: "feedback_sessions",
                    position: 1,
                    reason: "date",
                },
            ),
            (
                "long id",
                export(long_id, "now"),
                ImportError::BadItem {
                    list: "feedback_sessions",
                    position: 1,
                    reason: "id",
                },
            ),
            (
                "bad action",
                export(bad_action, "now"),
                ImportError::BadItem {
                    list: "feedback_sessions",
                    position: 2,
                    reason: "action",
                },
            ),
            (
                "bad score",
                export(bad_score, "now"),
                ImportError::BadItem {
                    list: "quiz_history",
                    position: 1,
                    reason: "score",
                },
            ),
        ];
        for (name, text, expected) in cases {
            assert_eq!(read(&text), Err(expected), "{name}");
        }
    }

    #[test]
    fn feedback_received_travels_in_version_4_checked_and_added_once() {
        use crate::core::received::piece::{add, Piece};
        let piece = |first: u8| Piece {
            date: "2026-11-20".into(),
            kind: SessionType::Clinical,
            ratings: [Some(first), Some(3), None, Some(4), Some(5), Some(2)],
            comments: Default::default(),
            actions: Vec::new(),
        };
        let one = add(&[], piece(4), "ward 7", "2026-11-21T09:00:00Z").unwrap();
        let two = add(&[], piece(5), "", "2026-11-22T09:00:00Z").unwrap();
        let with = ExportData {
            feedback_received: vec![one.clone(), two.clone()],
            ..data()
        };
        assert_eq!(read(&export(with.clone(), "now")), Ok(with.clone()));
        // Merged by fingerprint: the piece already here is skipped.
        let here = ExportData {
            feedback_received: vec![one.clone()],
            ..ExportData::default()
        };
        let incoming = ExportData {
            feedback_received: vec![one.clone(), two.clone()],
            ..ExportData::default()
        };
        let (merged, count) = combine(&here, incoming, ImportMode::Merge);
        assert_eq!(merged.feedback_received, [one.clone(), two]);
        assert_eq!(
            count,
            ImportCount {
                added: 1,
                skipped: 1
            }
        );
        // Checked as sessions are.
        let mut broken = with.clone();
        broken.feedback_received[1].piece.ratings[0] = Some(7);
        let mut twice = with;
        twice.feedback_received[1].id = one.id.clone();
        for (text, reason) in [
            (export(broken, "now"), "piece"),
            (export(twice, "now"), "duplicate id"),
        ] {
            assert_eq!(
                read(&text),
                Err(ImportError::BadItem {
                    list: "feedback_received",
                    position: 2,
                    reason
                })
            );
        }
    }

    #[test]
    fn what_a_supervisor_will_change_travels_with_the_feedback_checked_and_merged() {
        use crate::core::received::plan::PlanEdit;
        let mut plan = Plan::default();
        plan.edit(PlanEdit::Change(1, "Agree the time at the start".into()));
        plan.edit(PlanEdit::Outcome(1, Outcome::Done));
        let with = ExportData {
            feedback_received_plan: plan.clone(),
            ..data()
        };
        assert_eq!(read(&export(with.clone(), "now")), Ok(with.clone()));
        // A file without one (version 4 before it, or earlier) reads as no plan.
        let without = export(data(), "now").replace(",\"feedback_received_plan\":{\"changes\":[],\"reflection\":{\"learned\":\"\",\"changed\":\"\",\"themes\":[false,false,false,false],\"other\":\"\"}}", "");
        assert!(!without.contains("feedback_received_plan"));
        assert_eq!(
            read(&without).unwrap().feedback_received_plan,
            Plan::default()
        );
        // Merged: the plan here stays, the file's fills what it left empty.
        let mut here = ExportData::default();
        here.feedback_received_plan
            .edit(PlanEdit::Change(1, "Mine".into()));
        let (merged, _) = combine(&here, with.clone(), ImportMode::Merge);
        assert_eq!(merged.feedback_received_plan.changes[0].text, "Mine");
        let (merged, _) = combine(&ExportData::default(), with.clone(), ImportMode::Merge);
        assert_eq!(merged.feedback_received_plan, plan);
        // Checked: a crafted plan is refused whole.
        let mut crafted = with;
        crafted.feedback_received_plan.changes[0].domain = 8;
        assert_eq!(
            read(&export(crafted, "now")),
            Err(ImportError::BadItem {
                list: "feedback_received_plan",
                position: 1,
                reason: "change"
            })
        );
    }

    #[test]
    fn brackets_inside_strings_do_not_count_as_nesting() {
        let mut deep_text = data();
        deep_text.feedback_sessions[0].comments[0] = "[[[[[[[[[[[[[[[[[[[[{{{{{{{{{{ \\\" ]".into();
        assert!(read(&export(deep_text, "now")).is_ok());
    }

    #[test]
    fn merge_adds_new_items_and_skips_ones_already_here() {
        let current = ExportData {
            feedback_received: Vec::new(),
            feedback_received_plan: Plan::default(),
            quiz_history: vec![],
            feedback_sessions: vec![session("a")],
        };
        let (merged, count) = combine(&current, data(), ImportMode::Merge);
        assert_eq!(
            count,
            ImportCount {
                added: 2,
                skipped: 1
            }
        );
        assert_eq!(
            merged
                .feedback_sessions
                .iter()
                .map(|s| s.id.as_str())
                .collect::<Vec<_>>(),
            ["a", "b"]
        );
        assert_eq!(merged.quiz_history.len(), 1);
    }

    #[test]
    fn the_other_view_is_the_same_date_from_the_other_role() {
        let mine = session("mine");
        let mut theirs = session("theirs");
        theirs.role = Role::Gave;
        let mut other_day = session("other-day");
        other_day.role = Role::Gave;
        other_day.date = "2026-10-02".into();
        let file = ExportData {
            feedback_received: Vec::new(),
            feedback_received_plan: Plan::default(),
            quiz_history: vec![],
            feedback_sessions: vec![session("same-role"), theirs, other_day],
        };
        let found: Vec<&str> = other_views(&file, &mine)
            .iter()
            .map(|s| s.id.as_str())
            .collect();
        assert_eq!(found, ["theirs"]);
        let shared = read(&export_one(&mine, "now")).unwrap();
        assert_eq!(shared.feedback_sessions, [mine]);
    }

    #[test]
    fn with_no_view_of_that_date_the_nearest_other_dates_are_offered_at_most_three() {
        let mine = session("mine"); // 1 October 2026
        let theirs = |id: &str, date: &str, role: Role| Session {
            id: id.into(),
            date: date.into(),
            role,
            ..session(id)
        };
        let file = ExportData {
            feedback_received: Vec::new(),
            feedback_received_plan: Plan::default(),
            quiz_history: vec![],
            feedback_sessions: vec![
                theirs("far", "2026-06-01", Role::Gave),
                theirs("next-day", "2026-10-02", Role::Gave),
                theirs("mine-too", "2026-09-30", Role::Received),
                theirs("month", "2026-11-01", Role::Gave),
                theirs("unreadable", "someday", Role::Gave),
                theirs("week-before", "2026-09-24", Role::Gave),
            ],
        };
        let found: Vec<&str> = nearest_other_views(&file, &mine)
            .iter()
            .map(|s| s.id.as_str())
            .collect();
        assert_eq!(found, ["next-day", "week-before", "month"]);
    }

    #[test]
    fn replace_takes_the_file() {
        let current = ExportData {
            feedback_received: Vec::new(),
            feedback_received_plan: Plan::default(),
            quiz_history: vec![record("x")],
            feedback_sessions: vec![session("z")],
        };
        let (replaced, count) = combine(&current, data(), ImportMode::Replace);
        assert_eq!(replaced, data());
        assert_eq!(count.added, 3);
    }

    #[test]
    fn an_import_lands_in_the_store_and_a_bad_one_changes_nothing() {
        use crate::core::config::Namespace;
        use crate::core::store::tests::FakeBackend;
        let store = Store::new(Namespace::default(), FakeBackend::default());
        let count = import_into(
            &store,
            &export(data(), "now"),
            ImportMode::Merge,
            "now",
            false,
        )
        .unwrap();
        assert_eq!(
            count,
            ImportCount {
                added: 3,
                skipped: 0
            }
        );
        assert_eq!(current(&store, "now"), data());
        let before = store_snapshot(&store);
        let nested = "[".repeat(100);
        assert_eq!(
            import_into(&store, &nested, ImportMode::Replace, "now", false),
            Err(ImportFailure::File(ImportError::TooDeep))
        );
        assert_eq!(store_snapshot(&store), before);
    }

    #[test]
    fn under_a_time_limit_an_imported_date_later_than_now_or_unreadable_becomes_the_import_time() {
        use crate::core::config::Namespace;
        use crate::core::store::tests::FakeBackend;
        const NOW: &str = "2026-12-02T10:00:00.000Z";
        let dated = |id: &str, at: &str| Session {
            saved_at: at.into(),
            ..session(id)
        };
        let file = ExportData {
            feedback_received: Vec::new(),
            feedback_received_plan: Plan::default(),
            quiz_history: vec![],
            feedback_sessions: vec![
                dated("past", "2026-10-01T10:00:00Z"),
                dated("future", "9999-01-01T00:00:00Z"),
                dated("garbled", "yesterday"),
            ],
        };
        let imported = |time_limit: bool| {
            let store = Store::new(Namespace::default(), FakeBackend::default());
            import_into(
                &store,
                &export(file.clone(), NOW),
                ImportMode::Merge,
                NOW,
                time_limit,
            )
            .unwrap();
            let saved: Vec<String> = current(&store, NOW)
                .feedback_sessions
                .into_iter()
                .map(|s| s.saved_at)
                .collect();
            saved
        };
        assert_eq!(imported(true), ["2026-10-01T10:00:00Z", NOW, NOW]);
        // Without a time limit, exactly as the file had them.
        assert_eq!(
            imported(false),
            ["2026-10-01T10:00:00Z", "9999-01-01T00:00:00Z", "yesterday"]
        );
    }

    fn store_snapshot(store: &Store<crate::core::store::tests::FakeBackend>) -> Vec<String> {
        let mut keys = store.keys();
        keys.sort();
        keys.iter()
            .map(|k| {
                format!(
                    "{k}={:?}",
                    crate::core::store::Backend::get(store.backend(), k)
                )
            })
            .collect()
    }

    // Property tests run natively (proptest is not built for wasm32).
    #[cfg(not(target_arch = "wasm32"))]
    proptest::proptest! {
        #[test]
        fn reading_any_text_never_panics(text in ".{0,400}") {
            let _ = read(&text);
        }

        #[test]
        fn reading_json_like_text_never_panics(text in r#"[\[\]{}",:0-9a-z\\ ]{0,300}"#) {
            let _ = read(&text);
        }
    }
}
