//! Not keeping anything on this computer: the records live in this tab's storage, gone when the
//! tab is closed. Only the setting itself stays on the computer, so that every tab, and the next
//! person at the desk, honours it.

use crate::core::feedback::flow::{SavedDraft, DRAFT};
use crate::core::feedback::model::{Session, SESSIONS};
use crate::core::json::{FromJson, SerJson};
use crate::core::quiz::attempt::{Attempt, AttemptRecord, HISTORY, PROGRESS};
use crate::core::received::piece::{Received, RECEIVED};
use crate::core::received::plan::{Plan, PLAN};
use crate::core::shell::{Prefs, PREFS};
use crate::core::storage::{decode, Envelope, RecordSpec};
use crate::core::store::{Backend, StorageNotice, Store};
use crate::core::transfer::{combine, current, ExportData, ImportMode};

use super::lock::{LockRecord, LOCK};
use super::{Setting, SETTING};

/// How many of a store's records say something about the person: all but the setting and the
/// language preference (copies kept aside included).
pub fn personal_records<B: Backend>(store: &Store<B>) -> usize {
    let namespace = store.namespace();
    let (setting, prefs) = (namespace.key(SETTING.name), namespace.key(PREFS.name));
    store
        .keys()
        .into_iter()
        .filter(|key| *key != setting && *key != prefs)
        .count()
}

/// What is saved in a store, for the next person at the desk: how many sessions, quiz results
/// and unfinished pieces of work, and when the last was saved (ISO 8601).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SavedHere {
    pub count: usize,
    pub last: Option<String>,
}

/// What `store` holds that someone saved (records it cannot read are not counted). Read past
/// the store, so that only looking leaves nothing behind: no copy set aside, no record marked.
pub fn saved_here<B: Backend>(store: &Store<B>) -> SavedHere {
    fn peek<T: FromJson, B: Backend>(store: &Store<B>, spec: RecordSpec) -> Option<Envelope<T>> {
        let key = store.namespace().key(spec.name);
        let raw = store.backend().get(&key).ok()??;
        decode::<T>(&raw, spec).ok()
    }
    let mut found = SavedHere::default();
    let mut add = |count: usize, at: Option<String>| {
        found.count += count;
        if at > found.last {
            found.last = at;
        }
    };
    if let Some(sessions) = peek::<Vec<Session>, B>(store, SESSIONS) {
        for session in sessions.data {
            add(1, Some(session.saved_at));
        }
    }
    if let Some(history) = peek::<Vec<AttemptRecord>, B>(store, HISTORY) {
        for result in history.data {
            add(1, Some(result.finished_at));
        }
    }
    if let Some(pieces) = peek::<Vec<Received>, B>(store, RECEIVED) {
        for piece in pieces.data {
            add(1, Some(piece.received_at));
        }
    }
    if let Some(plan) = peek::<Plan, B>(store, PLAN) {
        if !plan.data.is_empty() {
            add(1, Some(plan.saved_at));
        }
    }
    if let Some(draft) = peek::<SavedDraft, B>(store, DRAFT) {
        if !draft.data.is_untouched() {
            add(1, Some(draft.saved_at));
        }
    }
    if let Some(attempt) = peek::<Option<Attempt>, B>(store, PROGRESS) {
        if attempt.data.is_some() {
            add(1, Some(attempt.saved_at));
        }
    }
    found
}

/// Deletes every record of a store but the privacy setting, which protects whoever comes next,
/// and (with `keep_lock`) the passphrase lock, so that what is saved next is locked as before:
/// "Clear my data" keeps both; deleting locked data whose passphrase is forgotten, and what is
/// on this computer when a person chooses to keep nothing here, keep only the setting. Returns
/// how many records went.
pub fn clear_keeping_setting<B: Backend>(
    store: &Store<B>,
    now: &str,
    keep_lock: bool,
) -> Result<usize, StorageNotice> {
    let setting = store.load::<Setting>(SETTING, now).data;
    let lock = match keep_lock {
        true => store.load::<LockRecord>(LOCK, now).data,
        false => None,
    };
    let mut left = store.clear()?;
    if let Some(setting) = setting {
        store.save(SETTING, setting, now)?;
        left -= 1;
    }
    if let Some(lock) = lock {
        store.save(LOCK, lock, now)?;
        left -= 1;
    }
    Ok(left)
}

/// Moves what `from` (this tab) holds into `to` (this computer), for a person who kept nothing
/// and now chooses to keep: sessions, quiz results and feedback received are added as an import
/// adds them, and the
/// draft, the attempt in progress and the language where `to` has none. Each record leaves
/// `from` only once `to` holds it; one that cannot be read stays where it is. Returns whether
/// anything moved.
pub fn carry_over<A: Backend, B: Backend>(
    from: &Store<A>,
    to: &Store<B>,
    now: &str,
) -> Result<bool, StorageNotice> {
    // At every start: a tab that kept nothing has nothing to read.
    if from.keys().is_empty() {
        return Ok(false);
    }
    let incoming = current(from, now);
    let mut moved = false;
    if incoming != ExportData::default() {
        // Added as an import adds them, all three or none: storage refuses to write over what
        // it could not read, and then nothing leaves the tab.
        let (merged, _) = combine(&current(to, now), incoming, ImportMode::Merge);
        to.save_all(
            &[
                (SESSIONS, &merged.feedback_sessions),
                (HISTORY, &merged.quiz_history),
                (RECEIVED, &merged.feedback_received),
                (PLAN, &merged.feedback_received_plan),
            ],
            now,
        )?;
        for spec in [SESSIONS, HISTORY, RECEIVED, PLAN] {
            from.forget(spec)?;
        }
        moved = true;
    }
    moved |= move_unless_there::<SavedDraft>(from, to, DRAFT, now)?;
    moved |= move_unless_there::<Option<Attempt>>(from, to, PROGRESS, now)?;
    moved |= move_unless_there::<Prefs>(from, to, PREFS, now)?;
    Ok(moved)
}

/// Moves one record from `from` to `to` when `to` has none. Where it has one (another tab kept
/// it meanwhile), that stays, and so does this tab's, until the tab is closed.
fn move_unless_there<T: FromJson + SerJson>(
    from: &Store<impl Backend>,
    to: &Store<impl Backend>,
    spec: RecordSpec,
    now: &str,
) -> Result<bool, StorageNotice> {
    let Some(data) = from.load::<T>(spec, now).data else {
        return Ok(false);
    };
    if to.saved_at(spec).is_some() || to.load::<T>(spec, now).notice.is_some() {
        return Ok(false);
    }
    to.save(spec, data, now)?;
    from.forget(spec)?;
    Ok(true)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::config::Namespace;
    use crate::core::feedback::model::Session;
    use crate::core::store::tests::FakeBackend;

    const NOW: &str = "2026-11-26T10:00:00.000Z";

    fn envelope(data: &str) -> String {
        format!(r#"{{"version":1,"rev":1,"saved_at":"2026-11-26T09:00:00.000Z","data":{data}}}"#)
    }

    fn sessions(ids: &[&str]) -> String {
        let items: Vec<String> = ids
            .iter()
            .map(|id| format!(r#"{{"id":"{id}","role":"received","kind":"clinical","date":"2026-01-01","label":"","ratings":[3,3,3,3,3,3],"comments":["","","","","",""],"saved_at":"{NOW}"}}"#))
            .collect();
        envelope(&format!("[{}]", items.join(",")))
    }

    fn store(values: &[(&str, &str)]) -> Store<FakeBackend> {
        Store::new(Namespace::default(), FakeBackend::with(values))
    }

    fn ids(store: &Store<FakeBackend>) -> Vec<String> {
        let loaded = store.load::<Vec<Session>>(SESSIONS, NOW).data;
        loaded
            .unwrap_or_default()
            .into_iter()
            .map(|s| s.id)
            .collect()
    }

    const DRAFT_JSON: &str = r#"{"draft":{"role":null,"kind":null,"date":{"day":"1","month":"1","year":"2026"},"label":"",
        "domains":[{"comment":"tab"},{"comment":""},{"comment":""},{"comment":""},{"comment":""},{"comment":""}]},"page":"about","changing":false}"#;

    #[test]
    fn what_is_saved_here_counts_sessions_results_and_work_begun_with_the_last_time() {
        let empty_draft = r#"{"draft":{"role":null,"kind":null,"date":{"day":"","month":"","year":""},"label":"",
            "domains":[{"comment":""},{"comment":""},{"comment":""},{"comment":""},{"comment":""},{"comment":""}]},"page":"about","changing":false}"#;
        let computer = store(&[
            ("supervision-widget:prefs", &envelope(r#"{"lang":"cy"}"#)),
            ("supervision-widget:feedback-draft", &envelope(empty_draft)),
        ]);
        assert_eq!(
            saved_here(&computer),
            SavedHere::default(),
            "an empty draft is nothing"
        );
        computer.backend().values.borrow_mut().insert(
            "supervision-widget:feedback-sessions".into(),
            sessions(&["a", "b"]),
        );
        computer.backend().values.borrow_mut().insert(
            "supervision-widget:feedback-draft".into(),
            envelope(DRAFT_JSON),
        );
        computer
            .backend()
            .values
            .borrow_mut()
            .insert("supervision-widget:quiz-history".into(), "{broken".into());
        let before = computer.backend().values.borrow().clone();
        let found = saved_here(&computer);
        assert_eq!(
            *computer.backend().values.borrow(),
            before,
            "looking leaves nothing"
        );
        assert_eq!(found.count, 3, "two sessions and a draft begun");
        assert_eq!(found.last.as_deref(), Some(NOW));
    }

    fn received(ids: &[&str]) -> String {
        let items: Vec<String> = ids
            .iter()
            .map(|id| format!(r#"{{"id":"{id}","piece":{{"date":"2026-01-01","kind":"clinical","ratings":[3,3,3,3,3,3],"comments":["","","","","",""],"actions":[]}},"received_at":"{NOW}","label":""}}"#))
            .collect();
        envelope(&format!("[{}]", items.join(",")))
    }

    #[test]
    fn what_a_supervisor_will_change_is_counted_and_carried_onto_the_computer() {
        let key = "supervision-widget:feedback-received-plan";
        let plan = |text: &str| {
            format!(
                r#"{{"version":1,"rev":1,"saved_at":"{NOW}","data":{{"changes":[{{"domain":1,"text":"{text}","note":""}}],"reflection":{{"learned":"","changed":"","themes":[false,false,false,false],"other":""}}}}}}"#
            )
        };
        let tab = store(&[(key, &plan("From the tab"))]);
        assert_eq!(saved_here(&tab).count, 1);
        let computer = store(&[]);
        assert!(carry_over(&tab, &computer, NOW).unwrap());
        let carried = computer.load::<Plan>(PLAN, NOW).data.unwrap();
        assert_eq!(carried.change(1).unwrap().text, "From the tab");
        assert!(
            tab.keys().is_empty(),
            "it left the tab once the computer had it"
        );
        // A plan on the computer already stays; the tab's fills only what it left empty.
        let computer = store(&[(key, &plan("On the computer"))]);
        let tab = store(&[(key, &plan("From the tab"))]);
        assert!(carry_over(&tab, &computer, NOW).unwrap());
        let kept = computer.load::<Plan>(PLAN, NOW).data.unwrap();
        assert_eq!(kept.change(1).unwrap().text, "On the computer");
    }

    #[test]
    fn feedback_received_is_counted_here_and_carried_onto_the_computer_once() {
        let key = "supervision-widget:feedback-received";
        let computer = store(&[(key, &received(&["a", "b"]))]);
        assert_eq!(saved_here(&computer).count, 2);
        let tab = store(&[(key, &received(&["b", "c"]))]);
        assert!(carry_over(&tab, &computer, NOW).unwrap());
        let ids: Vec<String> = computer
            .load::<Vec<Received>>(RECEIVED, NOW)
            .data
            .unwrap()
            .into_iter()
            .map(|r| r.id)
            .collect();
        assert_eq!(ids, ["a", "b", "c"], "the same piece once");
        assert!(
            tab.keys().is_empty(),
            "it left the tab once the computer had it"
        );
        // What the computer holds and cannot read is never written over; the tab keeps its own.
        let broken = store(&[(key, "{broken")]);
        let tab = store(&[(key, &received(&["d"]))]);
        assert!(carry_over(&tab, &broken, NOW).is_err());
        assert_eq!(
            broken
                .backend()
                .values
                .borrow()
                .get(key)
                .map(String::as_str),
            Some("{broken")
        );
        assert!(!tab.keys().is_empty());
    }

    #[test]
    fn the_setting_and_the_language_are_not_personal_records() {
        let tab = store(&[
            (
                "supervision-widget:privacy",
                &envelope(r#"{"keep":"none"}"#),
            ),
            ("supervision-widget:prefs", &envelope(r#"{"lang":"cy"}"#)),
        ]);
        assert_eq!(personal_records(&tab), 0);
        tab.backend().values.borrow_mut().insert(
            "supervision-widget:feedback-sessions".into(),
            sessions(&["a"]),
        );
        tab.backend().values.borrow_mut().insert(
            "supervision-widget:quarantine:feedback-draft:x".into(),
            "{broken".into(),
        );
        assert_eq!(personal_records(&tab), 2);
    }

    #[test]
    fn clearing_keeps_only_the_setting() {
        let computer = store(&[
            (
                "supervision-widget:privacy",
                &envelope(r#"{"keep":"none"}"#),
            ),
            ("supervision-widget:prefs", &envelope(r#"{"lang":"cy"}"#)),
            ("supervision-widget:feedback-sessions", &sessions(&["a"])),
            ("other-widget:feedback-sessions", &sessions(&["b"])),
        ]);
        assert_eq!(clear_keeping_setting(&computer, NOW, true), Ok(2));
        let keys: Vec<String> = computer.backend().values.borrow().keys().cloned().collect();
        assert_eq!(
            keys,
            [
                "other-widget:feedback-sessions",
                "supervision-widget:privacy"
            ]
        );
        assert_eq!(
            computer.load::<Setting>(SETTING, NOW).data,
            Some(Setting {
                keep: super::super::Privacy::DontKeep
            })
        );
        let without = store(&[("supervision-widget:prefs", &envelope(r#"{"lang":"cy"}"#))]);
        assert_eq!(clear_keeping_setting(&without, NOW, true), Ok(1));
        assert!(without.backend().values.borrow().is_empty());
    }

    #[test]
    fn clearing_keeps_the_lock_only_when_asked() {
        let (lock, _) = crate::core::privacy::lock::LockRecord::new(
            "a long passphrase",
            crate::core::privacy::lock::tests::QUICK,
            |bytes| bytes.fill(7),
        )
        .unwrap();
        for keep_lock in [true, false] {
            let computer = store(&[("supervision-widget:feedback-sessions", &sessions(&["a"]))]);
            computer.save(LOCK, lock.clone(), NOW).unwrap();
            let gone = if keep_lock { 1 } else { 2 };
            assert_eq!(clear_keeping_setting(&computer, NOW, keep_lock), Ok(gone));
            assert_eq!(
                computer.load::<LockRecord>(LOCK, NOW).data.is_some(),
                keep_lock
            );
        }
    }

    #[test]
    fn choosing_to_keep_moves_this_tabs_work_onto_the_computer() {
        let tab = store(&[
            (
                "supervision-widget:feedback-sessions",
                &sessions(&["a", "b"]),
            ),
            ("supervision-widget:feedback-draft", &envelope(DRAFT_JSON)),
            ("supervision-widget:prefs", &envelope(r#"{"lang":"cy"}"#)),
        ]);
        // Another tab kept a session meanwhile: both are kept, the shared one once.
        let computer = store(&[(
            "supervision-widget:feedback-sessions",
            &sessions(&["b", "c"]),
        )]);
        assert_eq!(carry_over(&tab, &computer, NOW), Ok(true));
        let mut kept = ids(&computer);
        kept.sort();
        assert_eq!(kept, ["a", "b", "c"]);
        let draft = computer.load::<SavedDraft>(DRAFT, NOW).data.unwrap();
        assert_eq!(draft.draft.domains[0].comment, "tab");
        assert_eq!(
            computer
                .load::<Prefs>(PREFS, NOW)
                .data
                .map(|p| p.lang.code()),
            Some("cy")
        );
        assert!(
            tab.backend().values.borrow().is_empty(),
            "the tab is emptied"
        );
        // Nothing is left to move the second time.
        assert_eq!(carry_over(&tab, &computer, NOW), Ok(false));
    }

    #[test]
    fn a_draft_the_computer_already_has_is_not_written_over() {
        let other = DRAFT_JSON.replace("\"tab\"", "\"computer\"");
        let tab = store(&[("supervision-widget:feedback-draft", &envelope(DRAFT_JSON))]);
        let computer = store(&[("supervision-widget:feedback-draft", &envelope(&other))]);
        assert_eq!(carry_over(&tab, &computer, NOW), Ok(false));
        let comment = |s: &Store<FakeBackend>| {
            s.load::<SavedDraft>(DRAFT, NOW).data.unwrap().draft.domains[0]
                .comment
                .clone()
        };
        assert_eq!(comment(&computer), "computer");
        assert_eq!(comment(&tab), "tab", "this tab's draft stays in the tab");
    }

    #[test]
    fn nothing_leaves_the_tab_when_the_computer_refuses_it() {
        let tab = store(&[("supervision-widget:feedback-sessions", &sessions(&["a"]))]);
        let computer = store(&[]);
        computer.backend().full.set(true);
        assert_eq!(carry_over(&tab, &computer, NOW), Err(StorageNotice::Full));
        assert_eq!(ids(&tab), ["a"]);
    }
}
