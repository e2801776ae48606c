//! Keeping for a limited time: when a record is too old, and deleting what is at start-up.

use crate::core::feedback::flow::{SavedDraft, DRAFT};
use crate::core::feedback::form::Date;
use crate::core::feedback::model::{Session, SESSIONS};
use crate::core::json;
use crate::core::quiz::attempt::{Attempt, AttemptRecord, HISTORY, PROGRESS};
use crate::core::received::piece::{Received, RECEIVED};
use crate::core::received::plan::{Plan, PLAN};
use crate::core::store::{Backend, StorageNotice, Store};

use super::Retention;

/// Seconds since 1970-01-01T00:00:00Z of an ISO 8601 timestamp in UTC as the widget writes them
/// (`YYYY-MM-DDTHH:MM:SS` with optional fraction, then `Z`); `None` for anything else.
pub fn epoch_seconds(iso: &str) -> Option<i64> {
    let bytes = iso.as_bytes();
    if bytes.len() < 20 || bytes[10] != b'T' || !iso.ends_with('Z') {
        return None;
    }
    let date = Date::parse_iso(iso.get(..10)?)?;
    let part = |range: std::ops::Range<usize>, max: i64| {
        iso.get(range)?
            .parse::<i64>()
            .ok()
            .filter(|n| (0..=max).contains(n))
    };
    if bytes[13] != b':' || bytes[16] != b':' {
        return None;
    }
    let (hours, minutes, seconds) = (part(11..13, 23)?, part(14..16, 59)?, part(17..19, 59)?);
    let fraction = &iso[19..iso.len() - 1];
    if !(fraction.is_empty()
        || fraction
            .strip_prefix('.')
            .is_some_and(|digits| !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit())))
    {
        return None;
    }
    Some(days_since_epoch(date) * 86_400 + hours * 3_600 + minutes * 60 + seconds)
}

/// Days from 1970-01-01 to `date` in the proleptic Gregorian calendar (Howard Hinnant's
/// `days_from_civil`).
pub fn days_since_epoch(date: Date) -> i64 {
    let (month, day) = (i64::from(date.month), i64::from(date.day));
    let year = i64::from(date.year) - i64::from(month <= 2);
    let era = year.div_euclid(400);
    let year_of_era = year - era * 400;
    let day_of_year = (153 * (month + if month > 2 { -3 } else { 9 }) + 2) / 5 + day - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    era * 146_097 + day_of_era - 719_468
}

/// Whether a record saved at `saved_at` is older than `retention` at `now`: exactly that old is
/// kept, a second more is not. A time that cannot be read is never a reason to delete.
pub fn expired(saved_at: &str, now: &str, retention: Retention) -> bool {
    match (epoch_seconds(saved_at), epoch_seconds(now)) {
        (Some(saved), Some(now)) => now - saved > retention.days() * 86_400,
        _ => false,
    }
}

/// The items of a list that are not expired, and how many were.
pub fn keep_recent<T>(
    items: Vec<T>,
    saved_at: impl Fn(&T) -> &str,
    now: &str,
    retention: Retention,
) -> (Vec<T>, usize) {
    let before = items.len();
    let kept: Vec<T> = items
        .into_iter()
        .filter(|item| !expired(saved_at(item), now, retention))
        .collect();
    let removed = before - kept.len();
    (kept, removed)
}

/// What deleting expired records at start-up did.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Purged {
    /// How many records went: sessions and quiz results one each, a draft or an attempt in
    /// progress one each.
    pub removed: usize,
    /// What stopped a deletion (the record stays, and is tried again at the next start).
    pub notice: Option<StorageNotice>,
}

/// Deletes what is older than `retention` at `now`: each saved session by when it was saved,
/// each quiz result by when it was finished, and a draft or an attempt in progress by when it
/// was last saved. Records that cannot be read are left alone, as everywhere.
pub fn purge<B: Backend>(store: &Store<B>, retention: Retention, now: &str) -> Purged {
    sweep(store, retention, now, true)
}

/// How many records [`purge`] would delete at `now` (nothing is deleted): what a person is told
/// before they choose a time limit.
pub fn expiring<B: Backend>(store: &Store<B>, retention: Retention, now: &str) -> usize {
    sweep(store, retention, now, false).removed
}

/// Counts what is older than `retention`, and deletes it when `delete`.
fn sweep<B: Backend>(store: &Store<B>, retention: Retention, now: &str, delete: bool) -> Purged {
    let mut purged = Purged::default();
    let mut outcome = |write: &mut dyn FnMut() -> Result<(), StorageNotice>, count: usize| {
        match if delete { write() } else { Ok(()) } {
            Ok(()) => purged.removed += count,
            Err(notice) => purged.notice = Some(notice),
        }
    };
    if let Some(sessions) = store.load::<Vec<Session>>(SESSIONS, now).data {
        let (kept, gone) = keep_recent(sessions, |s| &s.saved_at, now, retention);
        if gone > 0 {
            outcome(&mut || store.save(SESSIONS, kept.clone(), now), gone);
        }
    }
    if let Some(history) = store.load::<Vec<AttemptRecord>>(HISTORY, now).data {
        let (kept, gone) = keep_recent(history, |r| &r.finished_at, now, retention);
        if gone > 0 {
            outcome(&mut || store.save(HISTORY, kept.clone(), now), gone);
        }
    }
    // Feedback received goes by when it was added here.
    if let Some(pieces) = store.load::<Vec<Received>>(RECEIVED, now).data {
        let (kept, gone) = keep_recent(pieces, |r| &r.received_at, now, retention);
        if gone > 0 {
            outcome(&mut || store.save(RECEIVED, kept.clone(), now), gone);
        }
    }
    // Read first, so that a record that cannot be read is protected, not removed.
    let draft = store.load::<SavedDraft>(DRAFT, now).data.is_some();
    // What a supervisor will change for the feedback goes once untouched that long.
    let plan = store
        .load::<Plan>(PLAN, now)
        .data
        .is_some_and(|plan| !plan.is_empty());
    let attempt = store
        .load::<Option<Attempt>>(PROGRESS, now)
        .data
        .flatten()
        .is_some();
    for (spec, present) in [(DRAFT, draft), (PROGRESS, attempt), (PLAN, plan)] {
        if present
            && store
                .saved_at(spec)
                .is_some_and(|at| expired(&at, now, retention))
        {
            outcome(&mut || store.forget(spec), 1);
        }
    }
    // What was set aside (copies of what could not be read, a clash's other version) goes by
    // when it was set aside; a record a newer version wrote, by when that version saved it.
    for key in store.keys() {
        let Some(at) = set_aside_at(store, &key) else {
            continue;
        };
        if expired(&at, now, retention) {
            outcome(
                &mut || {
                    store
                        .backend()
                        .remove(&key)
                        .map_err(|_| StorageNotice::Unavailable)
                },
                1,
            );
        }
    }
    purged
}

/// When a set-aside record was set aside (the time in its key), or when a newer version's
/// record was saved; `None` for every other key.
fn set_aside_at<B: Backend>(store: &Store<B>, key: &str) -> Option<String> {
    let name = key.strip_prefix(&store.namespace().key(""))?;
    if let Some(rest) = name
        .strip_prefix("quarantine:")
        .or_else(|| name.strip_prefix("copy:"))
    {
        return rest.split_once(':').map(|(_, stamp)| stamp.to_owned());
    }
    if !store.is_newer(key) {
        return None;
    }
    let raw = store.backend().get(key).ok()??;
    json::tree(&raw)?.members().ok()?.get("saved_at").ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::config::Namespace;
    use crate::core::privacy::{Privacy, Setting, SETTING};
    use crate::core::store::tests::FakeBackend;

    const NOW: &str = "2026-11-26T10:00:00.000Z";

    fn envelope(saved_at: &str, data: &str) -> String {
        format!(r#"{{"version":1,"rev":1,"saved_at":"{saved_at}","data":{data}}}"#)
    }

    fn session(id: &str, saved_at: &str) -> String {
        format!(
            r#"{{"id":"{id}","role":"received","kind":"clinical","date":"2026-01-01","label":"","ratings":[3,3,3,3,3,3],"comments":["","","","","",""],"saved_at":"{saved_at}"}}"#
        )
    }

    #[test]
    fn feedback_received_expires_by_when_it_was_added_here() {
        let piece = |id: &str, at: &str| {
            format!(
                r#"{{"id":"{id}","piece":{{"date":"2020-01-01","kind":"clinical","ratings":[3,3,3,3,3,3],"comments":["","","","","",""],"actions":[]}},"received_at":"{at}","label":""}}"#
            )
        };
        let pieces = format!(
            "[{},{}]",
            piece("old", "2026-11-18T09:00:00.000Z"),
            piece("new", "2026-11-25T10:00:00.000Z")
        );
        let store = Store::new(
            Namespace::default(),
            FakeBackend::with(&[(
                "supervision-widget:feedback-received",
                &envelope("2026-11-25T10:00:00.000Z", &pieces),
            )]),
        );
        assert_eq!(expiring(&store, Retention::Week, NOW), 1);
        assert_eq!(purge(&store, Retention::Week, NOW).removed, 1);
        let kept: Vec<String> = store
            .load::<Vec<Received>>(RECEIVED, NOW)
            .data
            .unwrap()
            .into_iter()
            .map(|r| r.id)
            .collect();
        assert_eq!(
            kept,
            ["new"],
            "by when it came, not by the session's date (2020)"
        );
    }

    #[test]
    fn what_a_supervisor_will_change_goes_once_untouched_past_the_limit() {
        let plan = r#"{"changes":[{"domain":1,"text":"Start on time","outcome":null,"note":""}],"reflection":{"learned":"","changed":"","themes":[false,false,false,false],"other":""}}"#;
        let key = "supervision-widget:feedback-received-plan";
        let recent = Store::new(
            Namespace::default(),
            FakeBackend::with(&[(key, &envelope("2026-11-25T10:00:00.000Z", plan))]),
        );
        assert_eq!(purge(&recent, Retention::Week, NOW).removed, 0);
        assert!(recent.load::<Plan>(PLAN, NOW).data.is_some());
        let old = Store::new(
            Namespace::default(),
            FakeBackend::with(&[(key, &envelope("2026-11-01T10:00:00.000Z", plan))]),
        );
        assert_eq!(expiring(&old, Retention::Week, NOW), 1);
        assert_eq!(purge(&old, Retention::Week, NOW).removed, 1);
        assert_eq!(old.load::<Plan>(PLAN, NOW).data, None);
    }

    #[test]
    fn start_up_deletes_each_record_older_than_the_limit_and_counts_them() {
        let sessions = format!(
            "[{},{},{}]",
            session("old", "2026-11-18T09:00:00.000Z"),
            session("edge", "2026-11-19T10:00:00.000Z"),
            session("new", "2026-11-25T10:00:00.000Z")
        );
        let history = r#"[{"finished_at":"2026-10-01T00:00:00.000Z","score":1,"possible":2,"by_topic":[]},
            {"finished_at":"2026-11-26T09:00:00.000Z","score":2,"possible":2,"by_topic":[]}]"#;
        let draft = r#"{"draft":{"role":null,"kind":null,"date":{"day":"1","month":"1","year":"2026"},"label":"",
            "domains":[{"comment":""},{"comment":""},{"comment":""},{"comment":""},{"comment":""},{"comment":""}]},"page":"about","changing":false}"#;
        let backend = FakeBackend::with(&[
            (
                "supervision-widget:feedback-sessions",
                &envelope("2026-11-25T10:00:00.000Z", &sessions),
            ),
            (
                "supervision-widget:quiz-history",
                &envelope("2026-11-26T09:00:00.000Z", history),
            ),
            (
                "supervision-widget:feedback-draft",
                &envelope("2026-11-01T00:00:00.000Z", draft),
            ),
            (
                "supervision-widget:prefs",
                &envelope("2020-01-01T00:00:00.000Z", r#"{"lang":"cy"}"#),
            ),
            (
                "supervision-widget:privacy",
                &envelope("2020-01-01T00:00:00.000Z", r#"{"keep":"7d"}"#),
            ),
        ]);
        let store = Store::new(Namespace::default(), backend);
        // Counted first, as a person is told before choosing the limit: nothing deleted yet.
        let before = store.backend().values.borrow().clone();
        assert_eq!(expiring(&store, Retention::Week, NOW), 3);
        assert_eq!(*store.backend().values.borrow(), before);
        let purged = purge(&store, Retention::Week, NOW);
        assert_eq!(
            purged,
            Purged {
                removed: 3,
                notice: None
            }
        );
        let ids: Vec<String> = store
            .load::<Vec<Session>>(SESSIONS, NOW)
            .data
            .unwrap()
            .into_iter()
            .map(|s| s.id)
            .collect();
        assert_eq!(ids, ["edge", "new"], "exactly a week old is kept");
        assert_eq!(
            store
                .load::<Vec<AttemptRecord>>(HISTORY, NOW)
                .data
                .unwrap()
                .len(),
            1
        );
        assert_eq!(store.load::<SavedDraft>(DRAFT, NOW).data, None);
        // The preferences and the setting itself are kept, however old.
        assert!(store.saved_at(crate::core::shell::PREFS).is_some());
        assert_eq!(
            store.load::<Setting>(SETTING, NOW).data,
            Some(Setting {
                keep: Privacy::KeepFor(Retention::Week)
            })
        );
        // Nothing more to do the next time.
        assert_eq!(purge(&store, Retention::Week, NOW), Purged::default());
    }

    #[test]
    fn set_aside_copies_and_newer_versions_records_expire_too() {
        let newer_old = r#"{"version":99,"rev":1,"saved_at":"2026-01-01T00:00:00.000Z","data":[]}"#;
        let backend = FakeBackend::with(&[
            (
                "supervision-widget:quarantine:feedback-draft:2026-11-01T00:00:00.000Z",
                "{old",
            ),
            (
                "supervision-widget:quarantine:feedback-draft:2026-11-25T00:00:00.000Z",
                "{new",
            ),
            (
                "supervision-widget:copy:quiz-history:2026-10-01T00:00:00.000Z",
                "[]",
            ),
            ("supervision-widget:feedback-sessions", newer_old),
            ("supervision-widget:prefs", "{\"lang\":\"cy\"}"),
        ]);
        let store = Store::new(Namespace::default(), backend);
        assert_eq!(expiring(&store, Retention::Week, NOW), 3);
        assert_eq!(purge(&store, Retention::Week, NOW).removed, 3);
        let mut left: Vec<String> = store.backend().values.borrow().keys().cloned().collect();
        left.sort();
        assert_eq!(
            left,
            [
                "supervision-widget:prefs",
                "supervision-widget:quarantine:feedback-draft:2026-11-25T00:00:00.000Z"
            ]
        );
    }

    #[test]
    fn what_cannot_be_read_is_never_deleted() {
        let backend = FakeBackend::with(&[
            ("supervision-widget:feedback-sessions", "{broken"),
            (
                "supervision-widget:feedback-draft",
                &envelope("2020-01-01T00:00:00.000Z", "[1]"),
            ),
        ]);
        let store = Store::new(Namespace::default(), backend);
        assert_eq!(purge(&store, Retention::Day, NOW).removed, 0);
        assert_eq!(
            store
                .backend()
                .values
                .borrow()
                .get("supervision-widget:feedback-sessions")
                .map(String::as_str),
            Some("{broken")
        );
        assert!(store
            .backend()
            .values
            .borrow()
            .contains_key("supervision-widget:feedback-draft"));
    }

    #[test]
    fn timestamps_are_read_as_the_widget_writes_them() {
        assert_eq!(epoch_seconds("1970-01-01T00:00:00Z"), Some(0));
        assert_eq!(epoch_seconds("1970-01-02T00:00:01.999Z"), Some(86_401));
        assert_eq!(epoch_seconds("2000-03-01T00:00:00.000Z"), Some(951_868_800));
        assert_eq!(
            epoch_seconds("2026-11-26T10:00:00.000Z"),
            Some(1_795_687_200)
        );
        // Leap days exist where they should, and not elsewhere.
        assert_eq!(
            epoch_seconds("2024-03-01T00:00:00Z").unwrap()
                - epoch_seconds("2024-02-28T00:00:00Z").unwrap(),
            2 * 86_400
        );
        assert_eq!(epoch_seconds("2026-02-29T00:00:00Z"), None);
        for bad in [
            "",
            "2026-11-26",
            "2026-11-26T10:00:00",
            "2026-11-26T24:00:00Z",
            "2026-11-26T10:60:00Z",
            "2026-11-26 10:00:00Z",
            "2026-11-26T10:00:00.Z",
            "2026-11-26T10:00:00+01:00",
            "2026-11-26T1a:00:00Z",
        ] {
            assert_eq!(epoch_seconds(bad), None, "{bad}");
        }
    }

    #[test]
    fn a_record_expires_a_second_after_it_is_exactly_as_old_as_the_limit() {
        let now = "2026-11-26T10:00:00.000Z";
        for (retention, exactly, a_second_more) in [
            (
                Retention::Day,
                "2026-11-25T10:00:00.000Z",
                "2026-11-25T09:59:59.999Z",
            ),
            (
                Retention::Week,
                "2026-11-19T10:00:00.000Z",
                "2026-11-19T09:59:59.000Z",
            ),
            (
                Retention::Month,
                "2026-10-27T10:00:00.000Z",
                "2026-10-27T09:59:59.000Z",
            ),
        ] {
            assert!(!expired(exactly, now, retention), "{retention:?}");
            assert!(expired(a_second_more, now, retention), "{retention:?}");
        }
        // Across the turn of a year and a leap day.
        assert!(!expired(
            "2024-02-29T12:00:00Z",
            "2024-03-30T12:00:00Z",
            Retention::Month
        ));
        assert!(expired(
            "2024-02-29T12:00:00Z",
            "2024-03-30T12:00:01Z",
            Retention::Month
        ));
        assert!(expired(
            "2025-12-31T23:59:59Z",
            "2026-01-02T00:00:00Z",
            Retention::Day
        ));
        // A time in the future (a wrong clock) or one that cannot be read is kept.
        assert!(!expired("2027-01-01T00:00:00Z", now, Retention::Day));
        assert!(!expired("whenever", now, Retention::Day));
        assert!(!expired(
            "2020-01-01T00:00:00Z",
            "not a time",
            Retention::Day
        ));
    }

    #[test]
    fn keeping_recent_items_says_how_many_went() {
        let items = vec![
            ("a", "2026-11-01T00:00:00Z"),
            ("b", "2026-11-20T00:00:00Z"),
            ("c", "garbled"),
            ("d", "2026-11-26T09:00:00Z"),
        ];
        let (kept, removed) = keep_recent(
            items,
            |item| item.1,
            "2026-11-26T10:00:00Z",
            Retention::Week,
        );
        assert_eq!(
            kept.iter().map(|i| i.0).collect::<Vec<_>>(),
            ["b", "c", "d"]
        );
        assert_eq!(removed, 1);
    }
}
