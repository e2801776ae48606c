//! The quiz's screens and the one reducer that moves between them: start, each question
//! (answer, check, next), results, review, try again.

use std::rc::Rc;

use super::attempt::{remember, Attempt, AttemptRecord, NotesEdit, QuizSettings};
use super::content::QuestionSet;
use super::scoring::Answer;
use crate::core::privacy::Place;

/// What the quiz is showing.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Screen {
    Start,
    Question,
    Results,
    Review,
    /// The learning record of the history's attempt at this index (0: the newest).
    Record(usize),
}

/// Where focus goes after a change, with a counter so the same target can be asked for again.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum QuizFocus {
    /// The heading of the new screen or question.
    Heading,
    /// The error summary, after checking with nothing answered.
    ErrorSummary,
    /// The Next button that replaced Check.
    Next,
    /// "Start again? …", when it is asked.
    StartAgainQuestion,
    /// "Start again", after the question was cancelled.
    StartAgainButton,
}

/// Everything the quiz shows. The bank is the set that decides ids and answers; its wording in
/// the reader's language comes from the matching set at render time.
#[derive(Clone, Debug, PartialEq)]
pub struct QuizState {
    pub bank: Rc<QuestionSet>,
    pub settings: QuizSettings,
    pub screen: Screen,
    pub attempt: Option<Attempt>,
    /// The scores of the attempt just finished.
    pub finished: Option<Rc<Attempt>>,
    pub history: Vec<AttemptRecord>,
    /// "Check answer" was pressed with nothing answered.
    pub unanswered: bool,
    pub focus: Option<(QuizFocus, u32)>,
    /// The last change to the history was typing a note: its save waits for a pause.
    pub typing_notes: bool,
    /// How many times the data was reloaded from storage (not to be saved back).
    pub reloads: u32,
    /// Where this learning record's typed notes were saved, said once (not at every pause).
    pub notes_kept: Option<Place>,
    /// "Start again" was pressed with answers given: asking before they are discarded.
    pub asking_start_again: bool,
}

/// Something the person did.
#[derive(Clone, Debug, PartialEq)]
pub enum QuizAction {
    /// Start a new attempt (from the start page, or "Start again").
    Begin {
        seed: u64,
        now: String,
    },
    /// "Start again" beside a saved attempt: asks first when it holds answers, which would be
    /// lost; begins at once when it holds none.
    StartAgain {
        seed: u64,
        now: String,
    },
    /// Keep the saved attempt after all.
    CancelStartAgain,
    /// Carry on with the saved attempt.
    Resume,
    Answer(Answer),
    Check,
    Next {
        now: String,
    },
    Review,
    BackToResults,
    /// The learning record of the history's attempt at this index.
    OpenRecord(usize),
    /// A note typed into that learning record.
    EditNotes(usize, NotesEdit),
    /// The notes typed were written where records live now.
    NotesStored(Place),
    /// Back to the start page.
    Home,
    /// The page changed the quiz's attributes: new attempts use these; one under way keeps its own.
    Configure(QuizSettings),
    /// Another tab saved: what is stored now (this tab's own answers are always saved at once).
    Reloaded {
        attempt: Option<Attempt>,
        history: Vec<AttemptRecord>,
    },
}

impl QuizState {
    /// The quiz as found at start-up: on the start page, with any saved attempt that still fits.
    pub fn new(
        bank: Rc<QuestionSet>,
        settings: QuizSettings,
        saved: Option<Attempt>,
        history: Vec<AttemptRecord>,
    ) -> Self {
        let attempt = saved.filter(|a| a.fits(&bank) && !a.is_finished());
        QuizState {
            bank,
            settings,
            screen: Screen::Start,
            attempt,
            finished: None,
            history,
            unanswered: false,
            focus: None,
            typing_notes: false,
            reloads: 0,
            notes_kept: None,
            asking_start_again: false,
        }
    }

    /// The record of the attempt just finished, as shown on the results page.
    pub fn last_record(&self) -> Option<&AttemptRecord> {
        self.finished.as_ref().and(self.history.first())
    }

    /// The pass mark of the results showing: the finished attempt's own.
    pub fn results_pass_mark(&self) -> Option<u8> {
        match &self.finished {
            Some(attempt) => attempt.pass_mark(&self.settings),
            None => self.settings.pass_mark,
        }
    }

    /// Whether the attempt under way started with other settings than the page's now.
    pub fn attempt_settings_changed(&self) -> bool {
        self.attempt
            .as_ref()
            .is_some_and(|attempt| attempt.settings_changed(&self.settings))
    }

    pub fn apply(mut self, action: QuizAction) -> Self {
        if let QuizAction::NotesStored(place) = action {
            // Not something the person did: nothing else changes.
            self.notes_kept = Some(place);
            return self;
        }
        // As in GOV.UK forms, an error stays until the next submit, not the next keystroke.
        if !matches!(action, QuizAction::Answer(_)) {
            self.unanswered = false;
        }
        self.typing_notes = matches!(action, QuizAction::EditNotes(..));
        let screen = self.screen;
        // Whatever the person does next answers the question (or leaves it); what other tabs
        // and the page do does not.
        let asked = self.asking_start_again;
        if !matches!(
            action,
            QuizAction::Configure(_) | QuizAction::Reloaded { .. }
        ) {
            self.asking_start_again = false;
        }
        match action {
            QuizAction::StartAgain { seed, now } => {
                if self.attempt.as_ref().is_some_and(Attempt::has_answers) {
                    self.asking_start_again = true;
                    self.focus(QuizFocus::StartAgainQuestion);
                } else {
                    return self.apply(QuizAction::Begin { seed, now });
                }
            }
            QuizAction::CancelStartAgain => {
                if asked {
                    self.focus(QuizFocus::StartAgainButton);
                }
            }
            QuizAction::Begin { seed, now } => {
                self.attempt = Some(Attempt::start(&self.bank, &self.settings, seed, &now));
                self.finished = None;
                self.screen = Screen::Question;
                self.focus(QuizFocus::Heading);
            }
            QuizAction::Resume => {
                if self.attempt.is_some() {
                    self.screen = Screen::Question;
                    self.focus(QuizFocus::Heading);
                }
            }
            QuizAction::Answer(answer) => {
                if let Some(attempt) = &mut self.attempt {
                    attempt.answer(answer);
                }
            }
            QuizAction::Check => {
                let bank = Rc::clone(&self.bank);
                if let Some(attempt) = &mut self.attempt {
                    if attempt.check(&bank).is_ok() {
                        self.focus(QuizFocus::Next);
                    } else {
                        self.unanswered = true;
                        self.focus(QuizFocus::ErrorSummary);
                    }
                }
            }
            QuizAction::Next { now } => {
                if let Some(attempt) = &mut self.attempt {
                    attempt.next();
                    if attempt.is_finished() {
                        let pass_mark = attempt.pass_mark(&self.settings);
                        remember(
                            &mut self.history,
                            attempt.record(&self.bank, &now, pass_mark),
                        );
                        self.finished = self.attempt.take().map(Rc::new);
                        self.screen = Screen::Results;
                    }
                    self.focus(QuizFocus::Heading);
                }
            }
            QuizAction::Review => {
                if self.finished.is_some() {
                    self.screen = Screen::Review;
                    self.focus(QuizFocus::Heading);
                }
            }
            QuizAction::BackToResults => {
                if self.finished.is_some() {
                    self.screen = Screen::Results;
                    self.focus(QuizFocus::Heading);
                }
            }
            QuizAction::OpenRecord(index) => {
                if index < self.history.len() {
                    self.screen = Screen::Record(index);
                    self.focus(QuizFocus::Heading);
                }
            }
            QuizAction::EditNotes(index, edit) => {
                if let Some(record) = self.history.get_mut(index) {
                    record.notes.edit(edit);
                }
            }
            QuizAction::Home => {
                self.screen = Screen::Start;
                self.focus(QuizFocus::Heading);
            }
            QuizAction::Configure(settings) => self.settings = settings,
            QuizAction::Reloaded { attempt, history } => {
                self.reloads += 1;
                // Results and review show the attempt this tab finished, which stays. A question
                // page follows the stored attempt, or goes to the start if there is none now.
                self.attempt = attempt.filter(|a| a.fits(&self.bank) && !a.is_finished());
                self.history = history;
                // Another tab finished or started over: nothing here to lose any more, and
                // focus goes from the question that went to the page's heading.
                self.asking_start_again &= self.attempt.as_ref().is_some_and(Attempt::has_answers);
                if asked && !self.asking_start_again {
                    self.focus(QuizFocus::Heading);
                }
                let gone = match self.screen {
                    Screen::Question => self.attempt.is_none(),
                    Screen::Record(index) => index >= self.history.len(),
                    _ => false,
                };
                if gone {
                    self.screen = Screen::Start;
                    self.focus(QuizFocus::Heading);
                }
            }
            QuizAction::NotesStored(_) => {}
        }
        if self.screen != screen {
            self.notes_kept = None;
        }
        self
    }

    fn focus(&mut self, target: QuizFocus) {
        let count = self.focus.map_or(0, |(_, n)| n.wrapping_add(1));
        self.focus = Some((target, count));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::lang::Lang;
    use crate::core::quiz::content::built_in;

    const NOW: &str = "2026-11-26T10:00:00.000Z";

    fn state(count: usize) -> QuizState {
        let settings = QuizSettings {
            count: Some(count),
            ..QuizSettings::default()
        };
        QuizState::new(built_in(Lang::English), settings, None, Vec::new())
    }

    fn begin(state: QuizState) -> QuizState {
        state.apply(QuizAction::Begin {
            seed: 5,
            now: NOW.into(),
        })
    }

    /// The right answer to the current question.
    fn right_answer(state: &QuizState) -> Answer {
        let attempt = state.attempt.as_ref().unwrap();
        crate::core::quiz::scoring::right_answer(
            state
                .bank
                .question(&attempt.current_item().unwrap().id)
                .unwrap(),
        )
    }

    #[test]
    fn another_tabs_save_follows_the_stored_attempt_or_returns_to_the_start() {
        let mut here = begin(state(3));
        let answer = right_answer(&here);
        here = here
            .apply(QuizAction::Answer(answer))
            .apply(QuizAction::Check);
        let mut theirs = here.attempt.clone().unwrap();
        theirs.next();
        let followed = here.clone().apply(QuizAction::Reloaded {
            attempt: Some(theirs.clone()),
            history: Vec::new(),
        });
        assert_eq!(followed.screen, Screen::Question);
        assert_eq!(followed.attempt, Some(theirs));
        assert_eq!(followed.focus, here.focus, "focus is not moved");
        // The other tab finished or started over: nothing to carry on with here.
        let ended = followed.apply(QuizAction::Reloaded {
            attempt: None,
            history: Vec::new(),
        });
        assert_eq!(ended.screen, Screen::Start);
    }

    /// A saved attempt with its first question answered, on the start page as after a reload.
    fn answered_and_left(count: usize) -> QuizState {
        let mut state = begin(state(count));
        let answer = right_answer(&state);
        state = state.apply(QuizAction::Answer(answer));
        QuizState::new(
            Rc::clone(&state.bank),
            state.settings,
            state.attempt.clone(),
            Vec::new(),
        )
    }

    fn start_again(state: QuizState) -> QuizState {
        state.apply(QuizAction::StartAgain {
            seed: 9,
            now: NOW.into(),
        })
    }

    #[test]
    fn starting_again_asks_first_when_answers_would_be_lost() {
        let saved = answered_and_left(3);
        let asking = start_again(saved.clone());
        assert!(asking.asking_start_again);
        assert_eq!(asking.screen, Screen::Start);
        assert_eq!(asking.attempt, saved.attempt, "nothing discarded yet");
        assert_eq!(
            asking.focus.map(|f| f.0),
            Some(QuizFocus::StartAgainQuestion)
        );

        let kept = asking.clone().apply(QuizAction::CancelStartAgain);
        assert!(!kept.asking_start_again);
        assert_eq!(kept.attempt, saved.attempt);
        assert_eq!(kept.focus.map(|f| f.0), Some(QuizFocus::StartAgainButton));

        let fresh = asking.clone().apply(QuizAction::Begin {
            seed: 9,
            now: NOW.into(),
        });
        assert!(!fresh.asking_start_again);
        assert_eq!(fresh.screen, Screen::Question);
        assert!(!fresh.attempt.as_ref().unwrap().has_answers());

        let carried_on = asking.apply(QuizAction::Resume);
        assert!(!carried_on.asking_start_again);
        assert_eq!(carried_on.attempt, saved.attempt);
    }

    #[test]
    fn starting_again_begins_at_once_when_nothing_was_answered() {
        let unanswered = begin(state(3)).apply(QuizAction::Home);
        let fresh = start_again(unanswered);
        assert!(!fresh.asking_start_again);
        assert_eq!(fresh.screen, Screen::Question);
    }

    #[test]
    fn another_tabs_save_keeps_the_question_while_there_is_still_something_to_lose() {
        let asking = start_again(answered_and_left(3));
        let attempt = asking.attempt.clone();
        let still = asking.clone().apply(QuizAction::Reloaded {
            attempt: attempt.clone(),
            history: Vec::new(),
        });
        assert!(still.asking_start_again);
        assert_eq!(still.focus, asking.focus, "focus stays on the question");
        let page_changed = still.apply(QuizAction::Configure(QuizSettings::default()));
        assert!(page_changed.asking_start_again);

        let gone = asking.apply(QuizAction::Reloaded {
            attempt: None,
            history: Vec::new(),
        });
        assert!(!gone.asking_start_again);
        assert_eq!(gone.focus.map(|f| f.0), Some(QuizFocus::Heading));
    }

    #[test]
    fn checking_with_nothing_answered_shows_an_error_and_focuses_the_summary() {
        let state = begin(state(3)).apply(QuizAction::Check);
        assert!(state.unanswered);
        assert_eq!(state.focus.map(|f| f.0), Some(QuizFocus::ErrorSummary));
        let state = state.apply(QuizAction::Answer(Answer::Truth(true)));
        assert!(state.unanswered, "the error stays until the next check");
    }

    #[test]
    fn a_learning_record_opens_for_a_finished_attempt_and_keeps_its_notes() {
        let mut state = begin(state(2));
        for _ in 0..2 {
            let answer = right_answer(&state);
            state = state
                .apply(QuizAction::Answer(answer))
                .apply(QuizAction::Check)
                .apply(QuizAction::Next { now: NOW.into() });
        }
        assert_eq!(state.history[0].asked.len(), 2);
        let open = state.apply(QuizAction::OpenRecord(0));
        assert_eq!(open.screen, Screen::Record(0));
        assert_eq!(open.focus.map(|f| f.0), Some(QuizFocus::Heading));
        let noted = open.apply(QuizAction::EditNotes(
            0,
            NotesEdit::Learned("Read [1]".into()),
        ));
        assert!(noted.typing_notes);
        assert_eq!(noted.history[0].notes.learned, "Read [1]");
        // Saved after a pause: said where, and the typing's own save is not cut short.
        let said = noted.clone().apply(QuizAction::NotesStored(Place::Tab));
        assert_eq!(said.notes_kept, Some(Place::Tab));
        assert!(said.typing_notes);
        assert_eq!(
            said.clone().apply(QuizAction::Home).notes_kept,
            None,
            "another screen says it afresh"
        );
        assert_eq!(
            noted.clone().apply(QuizAction::OpenRecord(5)).screen,
            Screen::Record(0),
            "no such attempt"
        );
        // Another tab cleared the history: the record is gone, back to the start.
        let cleared = noted.apply(QuizAction::Reloaded {
            attempt: None,
            history: Vec::new(),
        });
        assert_eq!(cleared.screen, Screen::Start);
        assert!(!cleared.typing_notes);
    }

    #[test]
    fn a_full_run_ends_on_results_with_the_attempt_in_the_history() {
        let mut state = begin(state(4));
        for _ in 0..4 {
            let answer = right_answer(&state);
            state = state
                .apply(QuizAction::Answer(answer))
                .apply(QuizAction::Check);
            assert_eq!(state.focus.map(|f| f.0), Some(QuizFocus::Next));
            state = state.apply(QuizAction::Next { now: NOW.into() });
        }
        assert_eq!(state.screen, Screen::Results);
        assert!(state.attempt.is_none(), "nothing left to resume");
        assert_eq!(state.history.len(), 1);
        assert_eq!(state.last_record().unwrap().score, 4.0);
        let reviewed = state.apply(QuizAction::Review);
        assert_eq!(reviewed.screen, Screen::Review);
        assert_eq!(
            reviewed.apply(QuizAction::BackToResults).screen,
            Screen::Results
        );
    }

    #[test]
    fn try_again_starts_a_fresh_reshuffled_attempt() {
        let first = begin(state(21));
        let order = |s: &QuizState| {
            s.attempt
                .as_ref()
                .unwrap()
                .items
                .iter()
                .map(|i| i.id.clone())
                .collect::<Vec<_>>()
        };
        let again = first.clone().apply(QuizAction::Begin {
            seed: 6,
            now: NOW.into(),
        });
        assert_ne!(order(&first), order(&again));
        assert!(again.attempt.as_ref().unwrap().answers.is_empty());
    }

    #[test]
    fn a_saved_attempt_is_offered_for_resuming_and_a_stale_one_is_dropped() {
        let bank = built_in(Lang::English);
        let begun = begin(state(5)).apply(QuizAction::Answer(Answer::Truth(true)));
        let saved = begun.attempt.clone();
        let resumed = QuizState::new(
            Rc::clone(&bank),
            QuizSettings::default(),
            saved.clone(),
            Vec::new(),
        );
        assert_eq!(resumed.screen, Screen::Start);
        assert_eq!(resumed.attempt, saved);
        assert_eq!(resumed.apply(QuizAction::Resume).screen, Screen::Question);

        let mut other = (*bank).clone();
        other.questions.truncate(3);
        let stale = QuizState::new(Rc::new(other), QuizSettings::default(), saved, Vec::new());
        assert!(stale.attempt.is_none());
    }

    #[test]
    fn changed_settings_apply_to_the_next_attempt_while_one_under_way_keeps_its_own() {
        let started = begin(state(3));
        let changed = QuizSettings {
            count: Some(5),
            shuffle: false,
            pass_mark: Some(80),
        };
        let mut state = started.apply(QuizAction::Configure(changed));
        assert_eq!(state.settings, changed);
        assert!(state.attempt_settings_changed());
        assert_eq!(state.attempt.as_ref().unwrap().items.len(), 3);
        for _ in 0..3 {
            let answer = right_answer(&state);
            state = state
                .apply(QuizAction::Answer(answer))
                .apply(QuizAction::Check)
                .apply(QuizAction::Next { now: NOW.into() });
        }
        assert_eq!(state.screen, Screen::Results);
        assert_eq!(
            state.results_pass_mark(),
            None,
            "marked as it started: no pass mark"
        );
        let next = state.apply(QuizAction::Begin {
            seed: 1,
            now: NOW.into(),
        });
        assert_eq!(next.attempt.as_ref().unwrap().items.len(), 5);
        assert!(!next.attempt_settings_changed());
    }

    #[test]
    fn an_attempt_saved_without_its_settings_follows_the_page() {
        let mut attempt = begin(state(3)).attempt.unwrap();
        attempt.settings = None;
        let resumed = QuizState::new(
            built_in(Lang::English),
            QuizSettings {
                pass_mark: Some(60),
                ..QuizSettings::default()
            },
            Some(attempt.clone()),
            Vec::new(),
        );
        assert!(!resumed.attempt_settings_changed());
        assert_eq!(attempt.pass_mark(&resumed.settings), Some(60));
    }

    #[test]
    fn resume_with_nothing_saved_stays_on_the_start_page() {
        assert_eq!(state(3).apply(QuizAction::Resume).screen, Screen::Start);
    }
}
