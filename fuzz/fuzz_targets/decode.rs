//! Any bytes given to the storage decoder, for every kind of record, must give a record or a
//! typed error: never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use supervision_widget::core::feedback::flow::SavedDraft;
use supervision_widget::core::feedback::form::Session;
use supervision_widget::core::feedback::history::{DRAFT, SESSIONS};
use supervision_widget::core::quiz::attempt::{Attempt, AttemptRecord, HISTORY, PROGRESS};
use supervision_widget::core::shell::{Prefs, PREFS};
use supervision_widget::core::storage::{decode, RecordSpec};

/// A made-up version 2 of the preferences whose version 1 `data` was just the language: it drives
/// the migration path, which no real record needs yet.
const PREFS_V2: RecordSpec = RecordSpec {
    name: "prefs",
    version: 2,
    migrations: &[|data| Some(format!(r#"{{"lang":{data}}}"#))],
};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let _ = decode::<Prefs>(text, PREFS);
    let _ = decode::<Prefs>(text, PREFS_V2);
    let _ = decode::<Option<Attempt>>(text, PROGRESS);
    let _ = decode::<Vec<AttemptRecord>>(text, HISTORY);
    let _ = decode::<SavedDraft>(text, DRAFT);
    let _ = decode::<Vec<Session>>(text, SESSIONS);
});
