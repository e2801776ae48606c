//! Saved data of every released schema version must keep loading: the golden fixtures in
//! `tests/fixtures/` are real records as each version wrote them.

use crate::core::feedback::actions::{tracked, ActionDraft, Status};

use crate::core::feedback::flow::{SavedDraft, DRAFT};
use crate::core::feedback::form::{Page, Rating};
use crate::core::feedback::model::{Outcome, Role, Session, SessionType, SESSIONS};
use crate::core::lang::Lang;
use crate::core::quiz::attempt::{Attempt, AttemptRecord, HISTORY, PROGRESS};
use crate::core::quiz::content::built_in;
use crate::core::quiz::scoring::Answer;
use crate::core::received::piece::{Received, RECEIVED};
use crate::core::received::plan::{Plan, PLAN};
use crate::core::shell::{Prefs, PREFS};
use crate::core::storage::{decode, encode};

const V1_PREFS: &str = include_str!("../../tests/fixtures/v1/prefs.json");
const V1_QUIZ: &str = include_str!("../../tests/fixtures/v1/quiz.json");
const V1_QUIZ_HISTORY: &str = include_str!("../../tests/fixtures/v1/quiz-history.json");
const V1_FEEDBACK_DRAFT: &str = include_str!("../../tests/fixtures/v1/feedback-draft.json");
const V1_FEEDBACK_SESSIONS: &str = include_str!("../../tests/fixtures/v1/feedback-sessions.json");
const V2_FEEDBACK_SESSIONS: &str = include_str!("../../tests/fixtures/v2/feedback-sessions.json");
const V2_QUIZ_HISTORY: &str = include_str!("../../tests/fixtures/v2/quiz-history.json");
const V3_FEEDBACK_SESSIONS: &str = include_str!("../../tests/fixtures/v3/feedback-sessions.json");
const V2_FEEDBACK_DRAFT: &str = include_str!("../../tests/fixtures/v3/feedback-draft.json");
const V1_FEEDBACK_RECEIVED: &str = include_str!("../../tests/fixtures/v1/feedback-received.json");
const V1_RECEIVED_PLAN: &str = include_str!("../../tests/fixtures/v1/feedback-received-plan.json");

#[test]
fn v1_prefs_load() {
    assert_eq!(
        decode::<Prefs>(V1_PREFS, PREFS).unwrap().data,
        Prefs {
            lang: Lang::Welsh,
            section: None
        }
    );
}

#[test]
fn v1_quiz_in_progress_loads_with_its_answers() {
    let attempt = decode::<Option<Attempt>>(V1_QUIZ, PROGRESS)
        .unwrap()
        .data
        .unwrap();
    assert_eq!(attempt.current, 3);
    assert_eq!(attempt.answers.len(), 4);
    // Its questions still exist in the built-in bank (the bank fingerprint may differ).
    for item in &attempt.items {
        assert!(
            built_in(Lang::English).question(&item.id).is_some(),
            "{}",
            item.id
        );
    }
}

#[test]
fn v1_quiz_history_loads() {
    let history = decode::<Vec<AttemptRecord>>(V1_QUIZ_HISTORY, HISTORY)
        .unwrap()
        .data;
    assert_eq!(history[0].score, 12.5);
    assert_eq!(history[0].by_topic.len(), 4);
}

#[test]
fn v2_quiz_history_loads_with_its_questions_and_notes() {
    let envelope = decode::<Vec<AttemptRecord>>(V2_QUIZ_HISTORY, HISTORY).unwrap();
    assert_eq!(envelope.version, 2);
    let record = &envelope.data[0];
    assert_eq!(record.asked.len(), 3);
    assert_eq!(
        record.asked[1].answer,
        Some(Answer::Choices(["transition".to_owned()].into()))
    );
    assert_eq!(record.pass_mark, Some(80));
    assert_eq!(record.notes.differently, "Read the hub page first.");
    // Its questions are built-in ones.
    for asked in &record.asked {
        assert!(
            built_in(Lang::English).question(&asked.id).is_some(),
            "{}",
            asked.id
        );
    }
}

#[test]
fn v1_feedback_draft_loads_on_its_page() {
    let saved = decode::<SavedDraft>(V1_FEEDBACK_DRAFT, DRAFT).unwrap().data;
    assert_eq!(saved.page, Page::Domain(2));
    assert_eq!(saved.draft.role, Some(Role::Gave));
    assert_eq!(saved.draft.domains[0].rating, Some(Rating::Score(4)));
    assert_eq!(saved.draft.domains[1].rating, Some(Rating::NotApplicable));
}

#[test]
fn v1_feedback_sessions_load() {
    let sessions = decode::<Vec<Session>>(V1_FEEDBACK_SESSIONS, SESSIONS)
        .unwrap()
        .data;
    assert_eq!(sessions[0].kind, SessionType::Clinical);
    assert_eq!(
        sessions[0].ratings,
        [Some(4), None, Some(5), Some(3), Some(2), Some(1)]
    );
}

#[test]
fn v1_feedback_sessions_gain_an_empty_reflective_account() {
    let sessions = decode::<Vec<Session>>(V1_FEEDBACK_SESSIONS, SESSIONS)
        .unwrap()
        .data;
    assert!(sessions.iter().all(|s| s.reflection.is_empty()));
}

#[test]
fn v2_feedback_sessions_load_with_their_reflective_account() {
    let envelope = decode::<Vec<Session>>(V2_FEEDBACK_SESSIONS, SESSIONS).unwrap();
    // Brought up to the current version.
    assert_eq!(envelope.version, 3);
    let session = &envelope.data[0];
    assert_eq!(session.comments[5], "Would like more time");
    assert_eq!(session.reflection.learned, "To raise risks early.");
    assert_eq!(session.reflection.themes, [true, false, true, false]);
    assert_eq!(session.reflection.other, "HCPC standard 4");
}

#[test]
fn v3_feedback_sessions_load_with_their_actions_and_follow_ups() {
    let envelope = decode::<Vec<Session>>(V3_FEEDBACK_SESSIONS, SESSIONS).unwrap();
    assert_eq!(envelope.version, 3);
    let [first, second] = &envelope.data[..] else {
        panic!("two sessions")
    };
    assert_eq!(first.actions.len(), 2);
    assert_eq!(first.actions[0].by.as_deref(), Some("2026-12-10"));
    assert_eq!(first.actions[1].by, None);
    assert_eq!(second.follow_ups[0].outcome, Outcome::Done);
    assert_eq!(second.follow_ups[0].note, "We start with risks now.");
    assert!(second.follow_ups[1].carried);
    // Exactly as this version writes it.
    assert_eq!(encode(&envelope), V3_FEEDBACK_SESSIONS.trim_end());
    // Both of the first session's actions are followed up: one done, one carried forward.
    let statuses: Vec<Status> = tracked(&envelope.data).iter().map(|t| t.status).collect();
    assert_eq!(
        statuses,
        [Status::Open, Status::Done, Status::CarriedForward]
    );
}

#[test]
fn v2_feedback_draft_loads_on_the_actions_page_with_its_follow_ups() {
    let envelope = decode::<SavedDraft>(V2_FEEDBACK_DRAFT, DRAFT).unwrap();
    let saved = &envelope.data;
    assert_eq!(saved.page, Page::Actions);
    assert!(saved.draft.actions[4].chosen);
    assert_eq!(saved.draft.actions[4].by.year, "2027");
    assert_eq!(saved.draft.follow_ups[1].outcome, Some(Outcome::NotYet));
    // Saved part-way through one domain a page, before there was a choice: it goes on that
    // way, and is written back saying so.
    assert!(saved.draft.one_at_a_time);
    let written = V2_FEEDBACK_DRAFT
        .trim_end()
        .replace("]},\"page\"", "],\"one_at_a_time\":true},\"page\"");
    assert_eq!(encode(&envelope), written);
}

#[test]
fn older_drafts_and_sessions_gain_no_actions() {
    let draft = decode::<SavedDraft>(V1_FEEDBACK_DRAFT, DRAFT).unwrap().data;
    assert_eq!(draft.draft.actions, <[ActionDraft; 6]>::default());
    assert!(draft.draft.follow_ups.is_empty());
    for fixture in [V1_FEEDBACK_SESSIONS, V2_FEEDBACK_SESSIONS] {
        let sessions = decode::<Vec<Session>>(fixture, SESSIONS).unwrap().data;
        assert!(sessions
            .iter()
            .all(|s| s.actions.is_empty() && s.follow_ups.is_empty()));
    }
}

#[test]
fn v1_feedback_received_loads_exactly_as_written() {
    let envelope = decode::<Vec<Received>>(V1_FEEDBACK_RECEIVED, RECEIVED).unwrap();
    let [piece] = &envelope.data[..] else {
        panic!("one piece")
    };
    assert_eq!(piece.label, "Ward 7");
    assert_eq!(piece.piece.ratings[3], None);
    assert_eq!(piece.piece.comments[2], "We ran out of time.");
    assert_eq!(piece.piece.actions[0].domain, 2);
    assert_eq!(encode(&envelope), V1_FEEDBACK_RECEIVED.trim_end());
}

#[test]
fn v1_received_plan_loads_exactly_as_written() {
    let envelope = decode::<Plan>(V1_RECEIVED_PLAN, PLAN).unwrap();
    let plan = &envelope.data;
    assert_eq!(plan.changes.len(), 2);
    assert_eq!(plan.change(1).unwrap().outcome, Some(Outcome::Partly));
    assert_eq!(plan.change(4).unwrap().outcome, None);
    assert_eq!(plan.reflection.themes, [true, false, false, true]);
    assert!(plan.well_formed());
    assert_eq!(encode(&envelope), V1_RECEIVED_PLAN.trim_end());
}

#[test]
fn every_record_kind_has_one_migration_per_version_step() {
    for spec in [PREFS, PROGRESS, HISTORY, DRAFT, SESSIONS, RECEIVED, PLAN] {
        assert_eq!(
            spec.migrations.len() as u32,
            spec.version - 1,
            "{}: each version after 1 needs its step, and golden fixtures of the version before",
            spec.name
        );
    }
}

/// Hostile values in valid JSON (huge or negative numbers, lone surrogates, deep nesting, the
/// wrong kind of value) put in place of each value of every fixture: reading never panics and
/// never loops, it reads or it reports (the JSON reader trusts its input's syntax, not its shape).
#[test]
fn every_fixture_with_any_value_replaced_by_a_hostile_one_reads_or_reports() {
    const HOSTILE: [&str; 10] = [
        "99999999999999999999999",
        "-1",
        "1e400",
        "-0.0",
        r#""\ud800""#,
        "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]",
        r#"{"a":{"b":[1,{"c":null}]}}"#,
        "null",
        "true",
        r#""""#,
    ];
    let fixtures = [
        (V1_PREFS, "prefs"),
        (V1_QUIZ, "quiz"),
        (V1_QUIZ_HISTORY, "history"),
        (V1_FEEDBACK_DRAFT, "draft"),
        (V1_FEEDBACK_SESSIONS, "sessions"),
        (V2_FEEDBACK_SESSIONS, "sessions"),
        (V2_QUIZ_HISTORY, "history"),
        (V3_FEEDBACK_SESSIONS, "sessions"),
        (V2_FEEDBACK_DRAFT, "draft"),
        (V1_FEEDBACK_RECEIVED, "received"),
        (V1_RECEIVED_PLAN, "plan"),
    ];
    let mut tried = 0;
    for (fixture, kind) in fixtures {
        // Each value after a colon or in an array: its start, found by scanning the text.
        let starts: Vec<usize> = fixture
            .char_indices()
            .filter(|(i, c)| {
                matches!(c, '"' | '0'..='9' | '-' | 't' | 'f' | 'n' | '[' | '{')
                    && fixture[..*i].trim_end().ends_with([':', '[', ','])
            })
            .map(|(i, _)| i)
            .collect();
        for start in starts {
            // The value's end: a number runs on while it has number characters; anything else
            // ends where the shortest text from `start` is JSON on its own.
            let number_end = fixture[start..]
                .find(|c: char| !matches!(c, '0'..='9' | '-' | '+' | '.' | 'e' | 'E'))
                .map(|length| start + length);
            let Some(end) = number_end.filter(|end| *end > start).or_else(|| {
                (start + 1..=fixture.len())
                    .find(|end| crate::core::json::is_json(&fixture[start..*end]))
            }) else {
                continue;
            };
            for hostile in HOSTILE {
                let text = format!("{}{hostile}{}", &fixture[..start], &fixture[end..]);
                // (A key replaced is not JSON: skipped.)
                if !crate::core::json::is_json(&text) {
                    continue;
                }
                tried += 1;
                match kind {
                    "prefs" => drop(decode::<Prefs>(&text, PREFS)),
                    "quiz" => drop(decode::<Option<Attempt>>(&text, PROGRESS)),
                    "history" => drop(decode::<Vec<AttemptRecord>>(&text, HISTORY)),
                    "draft" => drop(decode::<SavedDraft>(&text, DRAFT)),
                    "received" => drop(decode::<Vec<Received>>(&text, RECEIVED)),
                    "plan" => drop(decode::<Plan>(&text, PLAN)),
                    _ => drop(decode::<Vec<Session>>(&text, SESSIONS)),
                }
            }
        }
    }
    assert!(tried > 1000, "only {tried} variants were tried");
}

/// A locked store as the passphrase lock writes it (`tests/fixtures/locked/`): the lock record
/// and the v3 sessions sealed with the key of [`LOCKED_PASSPHRASE`], made with counting bytes
/// for the salt and nonces, so it is made again byte for byte.
mod locked {
    use super::*;
    use crate::core::config::Namespace;
    use crate::core::privacy::lock::{
        reseal, LockRecord, Passphrase, Seal, Sealing, Unlock, COST, LOCK,
    };
    use crate::core::store::tests::FakeBackend;
    use std::cell::{Cell, RefCell};
    use std::rc::Rc;

    const LOCKED_PASSPHRASE: &str = "correct horse battery staple";
    /// As this version writes them: 64 MiB, NFC, values bound to their keys (version 2).
    const LOCK_CHECK: &str = include_str!("../../tests/fixtures/locked/lock-check.json");
    const SEALED_SESSIONS: &str =
        include_str!("../../tests/fixtures/locked/feedback-sessions.json");
    /// As the first version of the lock wrote them: 19 MiB, the passphrase as typed, values
    /// not bound to their keys. Such a lock keeps working as it was.
    const LOCK_CHECK_V1: &str = include_str!("../../tests/fixtures/locked-v1/lock-check.json");
    const SEALED_SESSIONS_V1: &str =
        include_str!("../../tests/fixtures/locked-v1/feedback-sessions.json");

    fn counting(bytes: &mut [u8]) {
        thread_local!(static NEXT: Cell<u8> = const { Cell::new(0) });
        for byte in bytes {
            *byte = NEXT.with(|next| next.replace(next.get().wrapping_add(1)));
        }
    }

    /// The fixture's two records as this version makes them.
    fn made() -> (String, String) {
        let (record, key) = LockRecord::new(LOCKED_PASSPHRASE, COST, counting).unwrap();
        let namespace = Namespace::default();
        let plain = FakeBackend::with(&[(
            "supervision-widget:feedback-sessions",
            V3_FEEDBACK_SESSIONS.trim_end(),
        )]);
        let backend = Sealing::new(
            plain,
            &namespace,
            Rc::new(RefCell::new(Seal::Off)),
            counting,
        );
        reseal(&backend, &namespace, None, Some(&key), counting).unwrap();
        let sealed =
            backend.inner().values.borrow()["supervision-widget:feedback-sessions"].clone();
        let lock = encode(&crate::core::storage::Envelope {
            version: LOCK.version,
            rev: 1,
            saved_at: "2026-11-26T10:00:00.000Z".into(),
            data: record,
        });
        (lock, sealed)
    }

    /// Fails unless the stored lock opens with the passphrase only, and its sealed sessions
    /// are the plain v3 fixture's.
    fn opens_with_its_passphrase_only(lock_check: &str, sealed_sessions: &str) {
        let record = decode::<LockRecord>(lock_check, LOCK).unwrap().data;
        let wrong = Passphrase::same("correct horse battery stapler");
        assert_eq!(record.try_passphrase(&wrong, 0).1, Unlock::Wrong);
        let Unlock::Opened(key) = record
            .try_passphrase(&Passphrase::same(LOCKED_PASSPHRASE), 0)
            .1
        else {
            panic!("the passphrase opens it");
        };
        let namespace = Namespace::default();
        let stored = FakeBackend::with(&[
            ("supervision-widget:lock-check", lock_check.trim_end()),
            (
                "supervision-widget:feedback-sessions",
                sealed_sessions.trim_end(),
            ),
        ]);
        let seal = Rc::new(RefCell::new(Seal::Open(key)));
        let store = crate::core::store::Store::new(
            namespace.clone(),
            Sealing::new(stored, &namespace, seal, counting),
        );
        let opened = store.load::<Vec<Session>>(SESSIONS, "now").data.unwrap();
        let plain = decode::<Vec<Session>>(V3_FEEDBACK_SESSIONS, SESSIONS)
            .unwrap()
            .data;
        assert_eq!(opened, plain, "the same sessions as the plain v3 fixture");
    }

    #[test]
    fn a_locked_store_opens_with_its_passphrase_and_only_with_it() {
        if std::env::var_os("WRITE_LOCKED_FIXTURES").is_some() {
            let (lock, sealed) = made();
            std::fs::write("tests/fixtures/locked/lock-check.json", lock + "\n").unwrap();
            std::fs::write(
                "tests/fixtures/locked/feedback-sessions.json",
                sealed + "\n",
            )
            .unwrap();
            return;
        }
        opens_with_its_passphrase_only(LOCK_CHECK, SEALED_SESSIONS);
        // This version still writes exactly these bytes.
        assert_eq!(
            made(),
            (
                LOCK_CHECK.trim_end().to_owned(),
                SEALED_SESSIONS.trim_end().to_owned()
            )
        );
    }

    #[test]
    fn a_lock_made_by_the_first_version_still_opens_as_it_was() {
        assert!(!LOCK_CHECK_V1.contains("nfc") && LOCK_CHECK_V1.contains(r#""memory_kib":19456"#));
        opens_with_its_passphrase_only(LOCK_CHECK_V1, SEALED_SESSIONS_V1);
    }
}
