//! The shell's state and its one reducer: language, which part is showing, the "Clear my data"
//! steps, storage notices and where focus should go next. The Yew side only dispatches [`Action`]s
//! and renders.

use crate::core::json::{FromJson, SerJson, Shape, Value};

use super::config::{Mode, WidgetConfig};
use super::lang::Lang;
use super::privacy::{Keeping, LockState, Retention, SavedHere};
use super::storage::RecordSpec;
use super::store::StorageNotice;

/// The remembered preferences record.
pub const PREFS: RecordSpec = RecordSpec {
    name: "prefs",
    version: 1,
    migrations: &[],
};

/// What the widget remembers between visits about how it is shown.
#[derive(Clone, Debug, PartialEq, Eq, SerJson)]
pub struct Prefs {
    pub lang: Lang,
    /// The part last used, where the widget opens next time (absent before there was a choice).
    pub section: Option<Section>,
}

impl FromJson for Prefs {
    fn from_json(value: &Value) -> Result<Self, Shape> {
        let members = value.members()?;
        Ok(Prefs {
            lang: members.get("lang")?,
            section: members.get_or_default("section")?,
        })
    }
}

/// A part of the widget.
#[derive(Clone, Copy, Debug, PartialEq, Eq, SerJson)]
pub enum Section {
    #[nserde(rename = "quiz")]
    Quiz,
    #[nserde(rename = "feedback")]
    Feedback,
}

impl FromJson for Section {
    fn from_json(value: &Value) -> Result<Self, Shape> {
        crate::core::json::named(
            value,
            &[("quiz", Section::Quiz), ("feedback", Section::Feedback)],
        )
    }
}

impl Section {
    /// The parts an element in `mode` offers, in navigation order.
    pub fn available(mode: Mode) -> &'static [Section] {
        match mode {
            Mode::Quiz => &[Section::Quiz],
            Mode::Feedback => &[Section::Feedback],
            Mode::All => &[Section::Quiz, Section::Feedback],
        }
    }
}

/// Where "Clear my data" has got to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ClearStep {
    Idle,
    /// Asking first, saying how many items would go.
    Confirming {
        items: usize,
    },
    Done,
    /// There was nothing to clear.
    Nothing,
}

/// An element that should receive focus after the next render.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Focus {
    SectionHeading,
    ClearQuestion,
    ClearButton,
    ClearOutcome,
    /// The unlock screen's heading, once the store has locked.
    UnlockHeading,
    /// What unlocking, or deleting the locked data, did.
    LockOutcome,
    /// The question before deleting locked data whose passphrase was forgotten.
    ForgotQuestion,
    /// "Forgot your passphrase?" again, after Cancel.
    ForgotButton,
    /// The question at the top, once answered.
    Offer,
}

/// What the widget asks at the top while no privacy setting has been chosen on this computer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Offer {
    /// First use: "Your own computer, or shared?", asked before anything is saved.
    FirstUse,
    /// Someone's records are here already: what and when, for the next person at the desk.
    Found(SavedHere),
}

/// What the lock just did in this tab, said where focus goes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LockEvent {
    /// Locked after the time without use.
    LockedIdle,
    /// Locked with "Lock now".
    LockedNow,
    Unlocked,
    /// The locked data was deleted (a forgotten passphrase).
    Deleted,
}

/// Everything the shell shows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ShellState {
    pub mode: Mode,
    pub lang: Lang,
    pub section: Section,
    pub clear: ClearStep,
    /// Storage notices, each once, in a stable order.
    pub notices: Vec<StorageNotice>,
    /// How many records were deleted at start-up for being older than the time limit chosen.
    pub expired: Option<(usize, Retention)>,
    /// What is kept on this computer now, where records live, and the lock.
    pub keeping: Keeping,
    /// Records still on this computer while the widget keeps nothing there (kept from before a
    /// page asked for that): the person is asked what to do with them.
    pub left_on_computer: usize,
    /// A focus move the view should make, and a counter so that asking twice moves twice.
    pub focus: Option<(Focus, u32)>,
    /// Goes up when stored data changes under the parts (cleared, imported), so they start again
    /// from what is stored.
    pub data_epoch: u32,
    /// Goes up when another tab or widget saves: the parts reload in place, keeping their screen
    /// (and the person's focus).
    pub outside_epoch: u32,
    /// What the lock just did, until the person moves on.
    pub lock_event: Option<LockEvent>,
    /// The parts that found a newer version's data when loading (at start-up or after another
    /// tab's save): they say so through their notices, and are shown read-only until they
    /// start again from what is stored.
    pub read_only: Vec<Section>,
    /// The passphrase was forgotten: the unlock screen asks before deleting the locked data.
    pub forgot: bool,
    /// The question at the top, decided once at start-up ([`ShellState::with_offer`]).
    offer: Option<Offer>,
    /// It was answered here, with "keep what I save" (said until the page goes).
    pub offer_answered: bool,
    /// What was kept at start-up: a setting chosen another way (in Your data, here or in
    /// another tab) answers the question too.
    offer_keeping: Keeping,
}

/// Something that happened.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Action {
    /// The user picked a language.
    SetLang(Lang),
    /// The page author changed the element's attributes.
    Configure {
        mode: Mode,
        lang: Lang,
    },
    /// The user chose a part of the widget.
    Show(Section),
    /// The user pressed "Clear my data"; `items` is how much is stored.
    AskClear {
        items: usize,
    },
    CancelClear,
    /// The data was cleared.
    Cleared,
    /// Storage reported something the user should know.
    Notice(StorageNotice),
    /// A part's storage reported something (a newer version's data makes the part read-only).
    PartNotice(Section, StorageNotice),
    /// Records older than the time limit were deleted at start-up.
    Expired(usize, Retention),
    /// The privacy setting or the lock changed, here or in another tab. When records now live
    /// somewhere else, or were locked or unlocked, the parts start again from there.
    Keeping(Keeping),
    /// How many records are on this computer while the widget keeps nothing there.
    LeftOnComputer(usize),
    /// The lock did something in this tab: the `Keeping` that follows says it and moves focus.
    Lock(LockEvent),
    /// Data was imported into storage.
    Imported,
    /// The person chose to start fresh over data that could not be read (its copy is kept).
    StartedFresh,
    /// Another tab changed stored data: the parts reload it.
    ExternalChange,
    /// "Forgot your passphrase?" was pressed (true), or its question cancelled (false).
    Forgot(bool),
    /// The question at the top was answered "keep what I save": saved (true) or not.
    OfferKept(bool),
    /// The question at the top was answered "use it in this tab only".
    OfferTabOnly,
    /// A conflict with another tab's save was resolved: the parts reload the stored version.
    ConflictResolved,
}

impl ShellState {
    /// The state at start-up: the remembered language if any, else the element's.
    pub fn new(config: &WidgetConfig, remembered: Option<&Prefs>) -> Self {
        ShellState {
            mode: config.mode,
            lang: remembered.map_or(config.lang, |prefs| prefs.lang),
            // Where the person was last, if this element offers that part.
            section: remembered
                .and_then(|prefs| prefs.section)
                .filter(|section| Section::available(config.mode).contains(section))
                .unwrap_or(Section::available(config.mode)[0]),
            clear: ClearStep::Idle,
            notices: Vec::new(),
            expired: None,
            keeping: Keeping::default(),
            left_on_computer: 0,
            focus: None,
            data_epoch: 0,
            outside_epoch: 0,
            lock_event: None,
            read_only: Vec::new(),
            forgot: false,
            offer: None,
            offer_answered: false,
            offer_keeping: Keeping::default(),
        }
    }

    /// The question to ask at the top (decided at start-up, where records are kept on this
    /// computer, unlocked, and no setting has been chosen), asked from what is kept now.
    pub fn with_offer(self, offer: Option<Offer>) -> Self {
        ShellState {
            offer,
            offer_keeping: self.keeping,
            ..self
        }
    }

    /// The question at the top, while it is to be shown: not on someone else's computer, and
    /// gone once a setting is chosen another way (but its answer here stays said).
    pub fn offer(&self) -> Option<&Offer> {
        let chosen_elsewhere = self.keeping != self.offer_keeping && !self.offer_answered;
        self.offer
            .as_ref()
            .filter(|_| !self.keeping.guest && !chosen_elsewhere)
    }

    /// The preferences to remember for this state.
    pub fn prefs(&self) -> Prefs {
        Prefs {
            lang: self.lang,
            section: Some(self.section),
        }
    }

    /// Applies one action.
    pub fn apply(mut self, action: Action) -> Self {
        match action {
            Action::SetLang(lang) => self.lang = lang,
            Action::Configure { mode, lang } => {
                self.mode = mode;
                self.lang = lang;
                if !Section::available(mode).contains(&self.section) {
                    self.section = Section::available(mode)[0];
                }
            }
            Action::Show(section) => {
                if Section::available(self.mode).contains(&section) {
                    self.section = section;
                    self.clear = ClearStep::Idle;
                    self.lock_event = None;
                    self.request_focus(Focus::SectionHeading);
                }
            }
            Action::AskClear { items } => {
                self.clear = if items == 0 {
                    ClearStep::Nothing
                } else {
                    ClearStep::Confirming { items }
                };
                self.request_focus(if items == 0 {
                    Focus::ClearOutcome
                } else {
                    Focus::ClearQuestion
                });
            }
            Action::CancelClear => {
                self.clear = ClearStep::Idle;
                self.request_focus(Focus::ClearButton);
            }
            Action::Imported => self.reload_parts(),
            Action::StartedFresh => self.notices.retain(|n| *n != StorageNotice::Unreadable),
            Action::ExternalChange => self.outside_epoch += 1,
            Action::ConflictResolved => {
                self.notices.retain(|n| *n != StorageNotice::Conflict);
                self.reload_parts();
            }
            Action::Cleared => {
                self.reload_parts();
                self.left_on_computer = 0;
                self.clear = ClearStep::Done;
                // What the notices were about is gone with the data.
                self.notices
                    .retain(|n| !matches!(n, StorageNotice::Unreadable | StorageNotice::Newer));
                self.request_focus(Focus::ClearOutcome);
            }
            Action::Notice(notice) => self.notice(notice),
            Action::PartNotice(section, notice) => {
                if notice == StorageNotice::Newer && !self.read_only.contains(&section) {
                    self.read_only.push(section);
                }
                self.notice(notice);
            }
            Action::Expired(count, retention) => self.expired = Some((count, retention)),
            Action::Keeping(keeping) => {
                let (was, now) = (self.keeping, keeping);
                if (was.place, was.lock) != (now.place, now.lock) {
                    self.reload_parts();
                }
                self.keeping = keeping;
                // The unlock screen goes once the lock is open (here or elsewhere), and its
                // question with it.
                if now.lock != LockState::Shut {
                    self.forgot = false;
                }
                // Focus moves to what the lock did once the screen shows it, never to a screen
                // another tab's change brought.
                match (was.lock, now.lock, self.lock_event) {
                    (
                        LockState::Open,
                        LockState::Shut,
                        Some(LockEvent::LockedIdle | LockEvent::LockedNow),
                    ) => self.request_focus(Focus::UnlockHeading),
                    (
                        LockState::Shut,
                        LockState::Open | LockState::None | LockState::NotSet,
                        Some(LockEvent::Unlocked | LockEvent::Deleted),
                    ) => self.request_focus(Focus::LockOutcome),
                    (_, LockState::Shut, Some(LockEvent::Unlocked | LockEvent::Deleted))
                    | (
                        _,
                        LockState::Open | LockState::None | LockState::NotSet,
                        Some(LockEvent::LockedIdle | LockEvent::LockedNow),
                    ) => self.lock_event = None,
                    _ => {}
                }
            }
            Action::LeftOnComputer(count) => self.left_on_computer = count,
            Action::OfferKept(saved) => {
                self.offer_answered = saved;
                self.request_focus(Focus::Offer);
            }
            Action::OfferTabOnly => self.offer = None,
            Action::Forgot(forgot) => {
                self.forgot = forgot;
                self.request_focus(match forgot {
                    true => Focus::ForgotQuestion,
                    false => Focus::ForgotButton,
                });
            }
            Action::Lock(event) => self.lock_event = Some(event),
        }
        self
    }

    fn notice(&mut self, notice: StorageNotice) {
        // Kept in order by inserting in place (no sort code for one or two notices).
        if let Err(at) = self.notices.binary_search(&notice) {
            self.notices.insert(at, notice);
        }
    }

    /// Stored data changed under the parts: they start again from what is stored.
    fn reload_parts(&mut self) {
        self.data_epoch += 1;
        self.read_only.clear();
    }

    fn request_focus(&mut self, target: Focus) {
        let count = self.focus.map_or(0, |(_, n)| n.wrapping_add(1));
        self.focus = Some((target, count));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn start(mode: Mode) -> ShellState {
        ShellState::new(
            &WidgetConfig {
                mode,
                ..WidgetConfig::default()
            },
            None,
        )
    }

    #[test]
    fn starts_in_the_elements_language_unless_one_was_remembered() {
        let config = WidgetConfig {
            lang: Lang::Welsh,
            ..WidgetConfig::default()
        };
        assert_eq!(ShellState::new(&config, None).lang, Lang::Welsh);
        let remembered = Prefs {
            lang: Lang::English,
            section: None,
        };
        assert_eq!(
            ShellState::new(&config, Some(&remembered)).lang,
            Lang::English
        );
    }

    #[test]
    fn each_mode_starts_on_its_first_part() {
        assert_eq!(start(Mode::All).section, Section::Quiz);
        assert_eq!(start(Mode::Quiz).section, Section::Quiz);
        assert_eq!(start(Mode::Feedback).section, Section::Feedback);
    }

    #[test]
    fn the_widget_opens_on_the_part_last_used_if_this_element_offers_it() {
        let config = |mode| WidgetConfig {
            mode,
            ..WidgetConfig::default()
        };
        let last = |section| Prefs {
            lang: Lang::English,
            section: Some(section),
        };
        let opened = |mode, section| ShellState::new(&config(mode), Some(&last(section))).section;
        assert_eq!(opened(Mode::All, Section::Feedback), Section::Feedback);
        assert_eq!(opened(Mode::All, Section::Quiz), Section::Quiz);
        // A page offering only the quiz opens on it, whatever was used elsewhere.
        assert_eq!(opened(Mode::Quiz, Section::Feedback), Section::Quiz);
        // What is remembered is where the person is.
        let moved =
            ShellState::new(&config(Mode::All), None).apply(Action::Show(Section::Feedback));
        assert_eq!(moved.prefs().section, Some(Section::Feedback));
        // Prefs saved before there was a part to remember read as none.
        let old: Prefs = crate::core::json::parse(r#"{"lang":"cy"}"#).unwrap();
        assert_eq!(old.section, None);
    }

    #[test]
    fn showing_a_part_moves_focus_to_its_heading() {
        let state = start(Mode::All).apply(Action::Show(Section::Feedback));
        assert_eq!(state.section, Section::Feedback);
        assert_eq!(state.focus.map(|(f, _)| f), Some(Focus::SectionHeading));
    }

    #[test]
    fn a_part_outside_the_mode_cannot_be_shown() {
        let state = start(Mode::Quiz).apply(Action::Show(Section::Feedback));
        assert_eq!(state.section, Section::Quiz);
        assert_eq!(state.focus, None);
    }

    #[test]
    fn changing_the_mode_attribute_moves_to_a_part_it_offers() {
        let state = start(Mode::All).apply(Action::Configure {
            mode: Mode::Feedback,
            lang: Lang::Welsh,
        });
        assert_eq!(
            (state.mode, state.section, state.lang),
            (Mode::Feedback, Section::Feedback, Lang::Welsh)
        );
    }

    #[test]
    fn clear_asks_first_then_can_be_cancelled_with_focus_back_on_the_button() {
        let asking = start(Mode::All).apply(Action::AskClear { items: 3 });
        assert_eq!(asking.clear, ClearStep::Confirming { items: 3 });
        assert_eq!(asking.focus.map(|(f, _)| f), Some(Focus::ClearQuestion));
        let cancelled = asking.apply(Action::CancelClear);
        assert_eq!(cancelled.clear, ClearStep::Idle);
        assert_eq!(cancelled.focus.map(|(f, _)| f), Some(Focus::ClearButton));
    }

    #[test]
    fn clear_with_nothing_stored_says_so_instead_of_asking() {
        let state = start(Mode::All).apply(Action::AskClear { items: 0 });
        assert_eq!(state.clear, ClearStep::Nothing);
    }

    #[test]
    fn clearing_drops_notices_about_the_cleared_data_but_not_about_the_browser() {
        let state = start(Mode::All)
            .apply(Action::Notice(StorageNotice::Unreadable))
            .apply(Action::Notice(StorageNotice::Full))
            .apply(Action::AskClear { items: 2 })
            .apply(Action::Cleared);
        assert_eq!(state.clear, ClearStep::Done);
        assert_eq!(state.notices, [StorageNotice::Full]);
        assert_eq!(
            state.data_epoch, 1,
            "the parts reload from the emptied store"
        );
    }

    #[test]
    fn a_part_with_a_newer_versions_data_is_read_only_until_the_parts_start_again() {
        let state = start(Mode::All)
            .apply(Action::PartNotice(Section::Quiz, StorageNotice::Full))
            .apply(Action::PartNotice(Section::Feedback, StorageNotice::Newer))
            .apply(Action::PartNotice(Section::Feedback, StorageNotice::Newer));
        assert_eq!(state.read_only, [Section::Feedback]);
        assert_eq!(state.notices, [StorageNotice::Full, StorageNotice::Newer]);
        // Another tab's save reloads in place: still read-only.
        let outside = state.apply(Action::ExternalChange);
        assert_eq!(outside.read_only, [Section::Feedback]);
        let imported = outside.apply(Action::Imported);
        assert!(imported.read_only.is_empty());
    }

    #[test]
    fn starting_fresh_removes_only_the_unreadable_notice() {
        let state = start(Mode::All)
            .apply(Action::Notice(StorageNotice::Unreadable))
            .apply(Action::Notice(StorageNotice::Newer))
            .apply(Action::StartedFresh);
        assert_eq!(state.notices, [StorageNotice::Newer]);
    }

    #[test]
    fn resolving_a_conflict_reloads_the_parts_and_drops_its_notice() {
        let state = start(Mode::All)
            .apply(Action::Notice(StorageNotice::Conflict))
            .apply(Action::ConflictResolved);
        assert!(state.notices.is_empty());
        assert_eq!(state.data_epoch, 1);
        let outside = state.apply(Action::ExternalChange);
        assert_eq!(
            (outside.data_epoch, outside.outside_epoch),
            (1, 1),
            "another tab's save reloads in place"
        );
    }

    #[test]
    fn each_notice_is_shown_once() {
        let state = start(Mode::All)
            .apply(Action::Notice(StorageNotice::Full))
            .apply(Action::Notice(StorageNotice::Unavailable))
            .apply(Action::Notice(StorageNotice::Full));
        assert_eq!(
            state.notices,
            [StorageNotice::Unavailable, StorageNotice::Full]
        );
    }

    #[test]
    fn a_new_privacy_setting_restarts_the_parts_only_when_records_move_or_lock() {
        use crate::core::privacy::{Privacy, Retention};
        let keeping = |privacy, lock, opened| Action::Keeping(Keeping::new(privacy, lock, opened));
        let state = ShellState::new(&WidgetConfig::default(), None);
        let limited = state.apply(keeping(Privacy::KeepFor(Retention::Week), false, false));
        assert_eq!(
            limited.data_epoch, 0,
            "a time limit keeps records where they are"
        );
        let none = limited.apply(keeping(Privacy::DontKeep, false, false));
        assert_eq!(
            (none.keeping.privacy, none.data_epoch),
            (Privacy::DontKeep, 1)
        );
        let shut = none.clone().apply(keeping(Privacy::Locked, true, false));
        let open = shut.clone().apply(keeping(Privacy::Locked, true, true));
        assert_eq!(
            (shut.data_epoch, open.data_epoch),
            (2, 3),
            "unlocking reloads the parts"
        );
        let left = none.apply(Action::LeftOnComputer(2));
        assert_eq!(left.left_on_computer, 2);
        let cleared = left.apply(Action::Cleared);
        assert_eq!(
            cleared.left_on_computer, 0,
            "Clear my data deletes them too"
        );
    }

    #[test]
    fn asking_for_the_same_focus_twice_is_a_new_request() {
        let once = start(Mode::All).apply(Action::Show(Section::Quiz));
        let twice = once.clone().apply(Action::Show(Section::Quiz));
        assert_ne!(once.focus, twice.focus);
    }

    #[test]
    fn locking_moves_focus_to_the_unlock_heading_and_unlocking_to_what_it_did() {
        use crate::core::privacy::Privacy;
        let open = Keeping::new(Privacy::Locked, true, true);
        let shut = Keeping::new(Privacy::Locked, true, false);
        let unlocked = start(Mode::All).apply(Action::Keeping(open));
        assert_eq!(unlocked.focus, None, "start-up moves no focus");
        let locked = unlocked
            .apply(Action::Lock(LockEvent::LockedIdle))
            .apply(Action::Keeping(shut));
        assert_eq!(locked.focus.map(|(f, _)| f), Some(Focus::UnlockHeading));
        assert_eq!(locked.lock_event, Some(LockEvent::LockedIdle));
        let opened = locked
            .apply(Action::Lock(LockEvent::Unlocked))
            .apply(Action::Keeping(open));
        assert_eq!(opened.focus.map(|(f, _)| f), Some(Focus::LockOutcome));
        // Said until the person moves on.
        let moved = opened.apply(Action::Show(Section::Feedback));
        assert_eq!(moved.lock_event, None);
        // Deleting the locked data: the lock goes, and focus goes to what happened.
        let deleted = moved
            .apply(Action::Keeping(shut))
            .apply(Action::Lock(LockEvent::Deleted))
            .apply(Action::Keeping(Keeping::new(Privacy::Keep, false, false)));
        assert_eq!(deleted.focus.map(|(f, _)| f), Some(Focus::LockOutcome));
        assert_eq!(deleted.lock_event, Some(LockEvent::Deleted));
    }

    #[test]
    fn the_question_at_the_top_stays_until_answered_here_or_elsewhere() {
        use crate::core::privacy::Privacy;
        let keep = Keeping::new(Privacy::Keep, false, false);
        let asked = start(Mode::All)
            .apply(Action::Keeping(keep))
            .with_offer(Some(Offer::FirstUse));
        assert_eq!(asked.offer(), Some(&Offer::FirstUse));
        // Another tab's save changes nothing that was kept: still asked.
        assert_eq!(
            asked.clone().apply(Action::ExternalChange).offer(),
            Some(&Offer::FirstUse)
        );
        // Answered here: said, with focus, even once a setting chosen after it applies.
        let week = Keeping::new(Privacy::KeepFor(Retention::Week), false, false);
        let kept = asked
            .clone()
            .apply(Action::OfferKept(true))
            .apply(Action::Keeping(week));
        assert!(kept.offer_answered);
        assert_eq!(kept.offer(), Some(&Offer::FirstUse));
        assert_eq!(kept.focus.map(|(f, _)| f), Some(Focus::Offer));
        // Answered another way (a setting chosen in Your data): gone.
        let elsewhere = asked.clone().apply(Action::Keeping(week));
        assert_eq!(elsewhere.offer(), None);
        assert_eq!(asked.apply(Action::OfferTabOnly).offer(), None);
    }

    #[test]
    fn a_forgotten_passphrase_asks_before_deleting_and_the_question_goes_with_the_lock() {
        use crate::core::privacy::Privacy;
        let shut = Keeping::new(Privacy::Locked, true, false);
        let asked = start(Mode::All)
            .apply(Action::Keeping(shut))
            .apply(Action::Forgot(true));
        assert!(asked.forgot);
        assert_eq!(asked.focus.map(|(f, _)| f), Some(Focus::ForgotQuestion));
        let kept = asked.clone().apply(Action::Forgot(false));
        assert!(!kept.forgot);
        assert_eq!(kept.focus.map(|(f, _)| f), Some(Focus::ForgotButton));
        // Another tab's save while asking leaves the question; the lock opening ends it.
        let still = asked.apply(Action::Keeping(shut));
        assert!(still.forgot);
        let opened = still.apply(Action::Keeping(Keeping::new(Privacy::Locked, true, true)));
        assert!(
            !opened.forgot,
            "locked again later, the screen starts without the question"
        );
    }
}
