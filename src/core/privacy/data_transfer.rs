//! The state of "Your data" (`ui::privacy::data_transfer`): what to keep on this computer
//! ([`ThisComputerState`]), how an export is locked, and the import's file, passphrase, mode,
//! question and outcome.

use super::this_computer::{ThisComputerAction, ThisComputerState};
use super::Privacy;
use crate::core::transfer::ImportMode;

/// What the last import did.
#[derive(Clone, Debug, PartialEq)]
pub enum Outcome {
    Imported {
        added: usize,
        skipped: usize,
    },
    /// Refused, with the words that say why.
    Failed(String),
}

#[derive(Clone, Debug, PartialEq)]
pub struct DataTransferState {
    /// What to keep on this computer.
    pub keeping: ThisComputerState,
    pub mode: ImportMode,
    pub outcome: Option<Outcome>,
    /// Replacing asks first.
    pub confirming: bool,
    /// Records kept aside, counted when the section is opened.
    pub kept_aside: usize,
    /// From a locked store: export without the lock (after the passphrase is typed again).
    pub plain: bool,
    /// From any other: lock the export with a passphrase of its own.
    pub lock_file: bool,
    /// That file's key is being made.
    pub locking_file: bool,
    /// The passphrase of a locked file to import, asked for once one is met.
    pub passphrase: String,
    pub needs_passphrase: bool,
    /// The name of the file chosen to import, shown beside its button.
    pub file_name: Option<String>,
}

impl DataTransferState {
    /// With `applies` the privacy setting that applies now.
    pub fn new(applies: Privacy) -> Self {
        DataTransferState {
            keeping: ThisComputerState::new(applies),
            mode: ImportMode::Merge,
            outcome: None,
            confirming: false,
            kept_aside: 0,
            plain: false,
            lock_file: false,
            locking_file: false,
            passphrase: String::new(),
            needs_passphrase: false,
            file_name: None,
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub enum DataAction {
    /// Something done in What to keep on this computer.
    Keeping(ThisComputerAction),
    /// The section was opened (or closed) with this many records kept aside.
    Opened(usize),
    TogglePlain,
    ToggleLockFile,
    LockingFile(bool),
    Mode(ImportMode),
    /// Import was pressed with Replace chosen: ask first.
    Ask,
    /// The question was answered, either way.
    Answered,
    Typed(String),
    /// The file chosen is locked, or its passphrase was wrong: ask for it.
    NeedsPassphrase,
    Done(Outcome),
    /// A file was chosen (or the choice was cancelled).
    FileChosen(Option<String>),
}

impl DataTransferState {
    pub fn apply(mut self, action: DataAction) -> Self {
        match action {
            DataAction::Keeping(action) => self.keeping = self.keeping.apply(action),
            DataAction::Opened(kept_aside) => self.kept_aside = kept_aside,
            DataAction::TogglePlain => self.plain = !self.plain,
            DataAction::ToggleLockFile => self.lock_file = !self.lock_file,
            DataAction::LockingFile(locking) => self.locking_file = locking,
            DataAction::Mode(mode) => self.mode = mode,
            DataAction::Ask => self.confirming = true,
            DataAction::Answered => self.confirming = false,
            DataAction::Typed(passphrase) => self.passphrase = passphrase,
            DataAction::NeedsPassphrase => self.needs_passphrase = true,
            DataAction::Done(outcome) => self.outcome = Some(outcome),
            DataAction::FileChosen(name) => self.file_name = name,
        }
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_import_merges_unless_replace_is_chosen_and_replace_asks_until_answered() {
        let state = DataTransferState::new(Privacy::Keep);
        assert_eq!(state.mode, ImportMode::Merge);
        let asking = state
            .apply(DataAction::Mode(ImportMode::Replace))
            .apply(DataAction::Ask);
        assert!(asking.confirming);
        let answered = asking.apply(DataAction::Answered);
        assert!(!answered.confirming);
        assert_eq!(answered.mode, ImportMode::Replace, "the choice stays");
    }

    #[test]
    fn the_export_choices_toggle_and_the_passphrase_is_asked_once_a_locked_file_is_met() {
        let state = DataTransferState::new(Privacy::Keep)
            .apply(DataAction::TogglePlain)
            .apply(DataAction::ToggleLockFile)
            .apply(DataAction::ToggleLockFile);
        assert!(state.plain);
        assert!(!state.lock_file);
        assert!(!state.needs_passphrase);
        let asked = state.apply(DataAction::NeedsPassphrase);
        assert!(asked.needs_passphrase);
    }

    #[test]
    fn what_to_keep_starts_at_what_applies_and_its_choices_pass_through() {
        let state = DataTransferState::new(Privacy::DontKeep);
        assert_eq!(state.keeping.chosen, Privacy::DontKeep);
        let chosen = state.apply(DataAction::Keeping(ThisComputerAction::Choose(
            Privacy::Keep,
        )));
        assert_eq!(chosen.keeping.chosen, Privacy::Keep);
        assert_eq!(chosen.mode, ImportMode::Merge, "the import is untouched");
    }

    #[test]
    fn the_last_outcome_replaces_the_one_before() {
        let state = DataTransferState::new(Privacy::Keep)
            .apply(DataAction::Done(Outcome::Failed("no".into())))
            .apply(DataAction::Done(Outcome::Imported {
                added: 2,
                skipped: 1,
            }));
        assert_eq!(
            state.outcome,
            Some(Outcome::Imported {
                added: 2,
                skipped: 1
            })
        );
    }
}
