//! The state of "What to keep on this computer" (`ui::privacy::this_computer`): the choice
//! shown, the question waiting for an answer, and what the last save did. A choice is only
//! shown until "Save this choice" (or the passphrase form) acts on it, so every step here is
//! explicit and nothing is saved by choosing.

use super::{ChoiceStep, Privacy};

/// What the last save did, said (and focused) under the choices.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Saved {
    Setting(Privacy),
    Locked,
    Changed,
    No,
    LockFailed,
}

#[derive(Clone, Debug, PartialEq)]
pub struct ThisComputerState {
    /// The choice shown (checked), which is not saved until its button.
    pub chosen: Privacy,
    pub saved: Option<Saved>,
    /// A choice waiting for the person to agree to what it deletes or unseals.
    pub asking: Option<(Privacy, ChoiceStep)>,
    /// A lock's key is being made.
    pub working: bool,
    /// Back on a choice after Cancel, with a count that changes each time, so going back twice
    /// to one choice focuses it twice.
    pub refocus: Option<(Privacy, u32)>,
    /// The passphrase in use was typed again, so a new one can be set.
    pub rechecked: bool,
}

#[derive(Clone, Debug, PartialEq)]
pub enum ThisComputerAction {
    /// What applies changed (another tab's choice shows here too).
    Applies(Privacy),
    /// A choice was checked: it is only shown.
    Choose(Privacy),
    /// The chosen step needs an answer first.
    Ask(Privacy, ChoiceStep),
    /// The question was answered yes (the change itself follows).
    Agreed,
    /// The question was cancelled: back to what applies, and focus on it.
    Cancel(Privacy),
    /// A lock's key is being made.
    Working,
    /// A save finished.
    Saved(Saved),
    Rechecked(bool),
}

impl ThisComputerState {
    pub fn new(applies: Privacy) -> Self {
        ThisComputerState {
            chosen: applies,
            saved: None,
            asking: None,
            working: false,
            refocus: None,
            rechecked: false,
        }
    }

    pub fn apply(mut self, action: ThisComputerAction) -> Self {
        use ThisComputerAction as A;
        match action {
            A::Applies(privacy) => self.chosen = privacy,
            A::Choose(privacy) => {
                self.chosen = privacy;
                self.asking = None;
                self.saved = None;
            }
            A::Ask(privacy, step) => self.asking = Some((privacy, step)),
            A::Agreed => self.asking = None,
            A::Cancel(applies) => {
                self.chosen = applies;
                self.asking = None;
                let count = self.refocus.map_or(0, |(_, n)| n.wrapping_add(1));
                self.refocus = Some((applies, count));
            }
            A::Working => {
                self.working = true;
                self.rechecked = false;
            }
            A::Saved(saved) => {
                self.working = false;
                self.saved = Some(saved);
            }
            A::Rechecked(rechecked) => self.rechecked = rechecked,
        }
        self
    }
}

#[cfg(test)]
mod tests {
    use super::super::Retention;
    use super::*;
    use ThisComputerAction as A;

    fn run(actions: impl IntoIterator<Item = ThisComputerAction>) -> ThisComputerState {
        actions.into_iter().fold(
            ThisComputerState::new(Privacy::Keep),
            ThisComputerState::apply,
        )
    }

    #[test]
    fn choosing_only_shows_the_choice_and_clears_what_was_said_and_asked() {
        let week = Privacy::KeepFor(Retention::Week);
        let state = run([
            A::Saved(Saved::No),
            A::Ask(Privacy::DontKeep, ChoiceStep::AskDelete(3)),
            A::Choose(week),
        ]);
        assert_eq!(state.chosen, week);
        assert_eq!(state.asking, None);
        assert_eq!(state.saved, None);
    }

    #[test]
    fn cancel_goes_back_to_what_applies_and_focuses_it_each_time() {
        let ask = A::Ask(Privacy::DontKeep, ChoiceStep::AskDelete(2));
        let once = run([
            A::Choose(Privacy::DontKeep),
            ask.clone(),
            A::Cancel(Privacy::Keep),
        ]);
        assert_eq!(once.chosen, Privacy::Keep);
        assert_eq!(once.asking, None);
        let twice = once.clone().apply(ask).apply(A::Cancel(Privacy::Keep));
        // A new value each time, so the effect that moves focus runs again.
        assert_ne!(once.refocus, twice.refocus);
        assert_eq!(
            twice.refocus.map(|(privacy, _)| privacy),
            Some(Privacy::Keep)
        );
    }

    #[test]
    fn making_a_key_ends_the_recheck_and_its_outcome_ends_the_work() {
        let working = run([A::Rechecked(true), A::Working]);
        assert!(working.working);
        assert!(!working.rechecked);
        let done = working.apply(A::Saved(Saved::Changed));
        assert!(!done.working);
        assert_eq!(done.saved, Some(Saved::Changed));
    }

    #[test]
    fn another_tabs_choice_shows_without_touching_a_question() {
        let asking = (Privacy::DontKeep, ChoiceStep::AskDelete(1));
        let state = run([A::Ask(asking.0, asking.1), A::Applies(Privacy::Locked)]);
        assert_eq!(state.chosen, Privacy::Locked);
        assert_eq!(state.asking, Some(asking));
    }
}
