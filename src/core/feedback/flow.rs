//! The feedback part's screens and its one reducer: the form page by page (with "Change" from
//! Check your answers and back), saving, the saved session with its picture, the history, the
//! trend, and the confirmations before anything is discarded.

use std::rc::Rc;

use crate::core::json::{FromJson, SerJson, Shape, Value};
use crate::core::privacy::Place;

use super::actions::{carry_forward, follow_up_list, ActionFilter};
use super::form::{Date, DateFields, Draft, Field, Page, Problem, Rating};
use super::history::Filter;
use super::model::{Outcome, ReflectionEdit, Role, Session, SessionType};
pub use super::session_screen::{Comparison, SessionScreen};
use crate::core::json;
use crate::core::storage::RecordSpec;

/// What the feedback part shows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Screen {
    Form(Page),
    /// A saved session (just saved, or opened from the history).
    Session(String),
    /// The reflective account for revalidation about a saved session.
    Account(String),
    History,
    Trend,
    /// Every action planned, with where it stands.
    YourActions,
    /// Feedback on my supervision: what supervisees sent.
    Received,
}

/// What the page says about the session just saved: "saved" only once storage has it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SaveOutcome {
    /// The write is on its way (waiting for the cross-tab lock, at most a moment).
    Waiting,
    /// It reached this computer's storage.
    Stored,
    /// It is kept in this tab's memory, as the person chose ("Don't keep"): never "saved".
    KeptInTab,
    /// Storage refused it (full, blocked, or another tab's data in the way): it lives only in
    /// memory, so the page says so and offers a download.
    NotStored,
}

/// Something to confirm before it happens.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Confirm {
    StartAgain,
    Delete(String),
}

/// Where focus goes after a change.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FbFocus {
    Heading,
    ErrorSummary,
    Confirm,
    /// The button that asked the last question (after Cancel: back where the person was).
    Opener,
    /// The message saying what a confirmed action did.
    Outcome,
    /// The history's table, after moving to another page of it.
    Table,
    /// What comparing two views found.
    CompareResult,
    /// The file to compare with, when it could not be compared.
    CompareFile,
}

/// The draft and the page it is on, as autosaved.
#[derive(Clone, Debug, PartialEq, Eq, SerJson)]
pub struct SavedDraft {
    pub draft: Draft,
    pub page: Page,
    /// Reached by "Change" from Check your answers: Continue goes back there.
    pub changing: bool,
}

impl FromJson for SavedDraft {
    fn from_json(value: &Value) -> Result<Self, Shape> {
        let members = value.members()?;
        let mut saved = SavedDraft {
            draft: members.get::<Draft>("draft")?,
            page: members.get("page")?,
            changing: members.get("changing")?,
        };
        // A draft saved part-way through one domain a page (before there was a choice) goes on
        // that way; one on the page of all six, that way.
        match saved.page {
            Page::Domain(_) | Page::Actions => saved.draft.one_at_a_time = true,
            Page::Domains => saved.draft.one_at_a_time = false,
            _ => {}
        }
        Ok(saved)
    }
}

/// The draft in progress. Version 2 adds its actions and follow-ups.
pub const DRAFT: RecordSpec = RecordSpec {
    name: "feedback-draft",
    version: 2,
    migrations: &[draft_gains_defaults],
};

/// Version 1 to 2: the draft gains empty actions and follow-ups.
fn draft_gains_defaults(data: &str) -> Option<String> {
    let draft: SavedDraft = json::parse(data).ok()?;
    Some(json::to_string(&draft))
}

impl SavedDraft {
    /// A blank draft dated `today`, on its first page.
    pub fn new(today: Date) -> Self {
        SavedDraft {
            draft: Draft::new(today),
            page: Page::About,
            changing: false,
        }
    }

    /// A blank draft dated `today` that keeps this one's choice of one domain a page.
    pub fn fresh(&self, today: Date) -> Self {
        let mut fresh = SavedDraft::new(today);
        fresh.draft.one_at_a_time = self.draft.one_at_a_time;
        fresh
    }

    /// Nothing typed yet: the first page, and nothing in the draft but (perhaps) its date and
    /// the choice of one domain a page.
    pub fn is_untouched(&self) -> bool {
        self.page == Page::About
            && Draft {
                date: Default::default(),
                one_at_a_time: false,
                ..self.draft.clone()
            } == Draft::default()
    }

    /// What is stored: an untouched draft keeps no date, so that the form opened on another
    /// day offers that day rather than the day the last session was saved.
    pub fn to_store(&self, today: Date) -> SavedDraft {
        if self.is_untouched() && self.draft.date == DateFields::of(today) {
            SavedDraft {
                draft: Draft {
                    date: DateFields::default(),
                    ..self.draft.clone()
                },
                ..self.clone()
            }
        } else {
            self.clone()
        }
    }

    /// A stored draft as the form opens it on `today`: an untouched, undated one gets today.
    pub fn opened(self, today: Date) -> SavedDraft {
        if self.is_untouched() && self.draft.date == DateFields::default() {
            self.fresh(today)
        } else {
            self
        }
    }
}

/// A change to one field of the draft.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Edit {
    Role(Role),
    Kind(SessionType),
    Day(String),
    Month(String),
    Year(String),
    Label(String),
    Rating(usize, Rating),
    Comment(usize, String),
    /// Picks (or drops) a domain whose rating does not ask for an action.
    ActionChosen(usize, bool),
    ActionText(usize, String),
    ActionDay(usize, String),
    ActionMonth(usize, String),
    ActionYear(usize, String),
    /// How the follow-up list's action `i` went.
    Outcome(usize, Outcome),
    FollowUpNote(usize, String),
    Carry(usize, bool),
    /// One domain a page (or all six on one).
    OneAtATime(bool),
}

/// Something the person did.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FbAction {
    Edit(Edit),
    Continue,
    Back,
    Change(Page),
    Save {
        id: String,
        now: String,
    },
    AskStartAgain,
    AskDelete(String),
    Confirmed,
    Cancel,
    /// Opens the form; `today` is worked out as it opens (the tab may have been open for days).
    NewSession {
        today: Date,
    },
    Open(String),
    /// Writes (or reads) the reflective account about a saved session.
    OpenAccount(String),
    EditAccount(String, ReflectionEdit),
    /// A saved session's feedback was made ready to send (a file made or the text copied).
    Sent {
        id: String,
        now: String,
    },
    ShowHistory,
    ShowTrend,
    ShowReceived,
    ShowActions,
    /// Copy summary worked (true), or the browser refused it (false).
    Copied(bool),
    /// What to send with the ratings: the comments, the actions.
    SendChoice {
        comments: bool,
        actions: bool,
    },
    /// The text to send was copied (true), or the browser refused (false).
    SendCopied(bool),
    /// A file was chosen to compare with (or the choice was cancelled).
    CompareFileChosen(Option<String>),
    /// What comparing with the file (or with one of its other dates) found.
    Compared(Comparison),
    FilterActions(ActionFilter),
    /// Shows another page of "Your actions" (0-based).
    ActionsPage(usize),
    Filter(Filter),
    /// Shows another page of the history (0-based).
    HistoryPage(usize),
    /// The saved sessions were written, or storage refused them.
    SessionsWritten {
        stored: bool,
        /// Where records live now.
        place: Place,
    },
    /// Another tab saved: what is stored now (this tab's unsaved changes already saved or kept).
    Reloaded {
        form: Option<Box<SavedDraft>>,
        sessions: Vec<Session>,
    },
}

/// Everything the feedback part shows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FeedbackState {
    pub today: Date,
    pub screen: Screen,
    pub form: SavedDraft,
    /// Problems found by the last Continue or Save, shown until the next one.
    pub errors: Vec<(Field, Problem)>,
    /// Shared, not copied, by every state and view: a long history is a thousand sessions.
    pub sessions: Rc<Vec<Session>>,
    pub filter: Filter,
    /// The page of the history showing (0-based; kept inside the list when shown).
    pub history_page: usize,
    pub action_filter: ActionFilter,
    /// The page of "Your actions" showing (0-based).
    pub actions_page: usize,
    pub confirm: Option<Confirm>,
    /// The last change to the sessions was typing in a reflective account: their save waits for
    /// a pause, as the draft's does; anything else (a save, a delete) is written at once.
    pub typing_account: bool,
    /// The last question asked, kept after its answer: its button takes focus back on Cancel.
    pub asked: Option<Confirm>,
    /// The date of the session deleted just now, for the message saying so.
    pub deleted: Option<String>,
    /// The session showing was saved just now, and whether storage has it.
    pub just_saved: Option<SaveOutcome>,
    pub focus: Option<(FbFocus, u32)>,
    /// How many times the data was reloaded from storage (not to be saved back).
    pub reloads: u32,
    /// Where the reflective account typed on this screen was saved, said once (not at every
    /// pause).
    pub account_kept: Option<Place>,
    /// A change to a reflective account waits to be written (to say where, once it is).
    account_unsaid: bool,
    /// What the saved session's screen said or had chosen, until the screen changes.
    pub session_screen: SessionScreen,
}

impl FeedbackState {
    /// Start-up: the saved draft if there is one, else a new one dated today.
    pub fn new(today: Date, saved: Option<SavedDraft>, sessions: Vec<Session>) -> Self {
        let form = saved.map_or_else(|| SavedDraft::new(today), |form| form.opened(today));
        FeedbackState {
            today,
            screen: Screen::Form(form.page),
            form,
            errors: Vec::new(),
            sessions: Rc::new(sessions),
            filter: Filter::default(),
            history_page: 0,
            action_filter: ActionFilter::default(),
            actions_page: 0,
            confirm: None,
            typing_account: false,
            asked: None,
            deleted: None,
            just_saved: None,
            focus: None,
            reloads: 0,
            account_kept: None,
            account_unsaid: false,
            session_screen: SessionScreen::default(),
        }
    }

    /// The session a `Screen::Session` shows.
    pub fn session(&self, id: &str) -> Option<&Session> {
        self.sessions.iter().find(|s| s.id == id)
    }

    pub fn apply(mut self, action: FbAction) -> Self {
        if !matches!(action, FbAction::Edit(_) | FbAction::SessionsWritten { .. }) {
            self.just_saved = None;
        }
        let screen = self.screen.clone();
        let editing_account = matches!(action, FbAction::EditAccount(..));
        self.typing_account = matches!(
            action,
            FbAction::EditAccount(
                _,
                ReflectionEdit::Learned(_) | ReflectionEdit::Changed(_) | ReflectionEdit::Other(_)
            )
        );
        if !matches!(
            action,
            FbAction::Edit(_)
                | FbAction::SessionsWritten { .. }
                | FbAction::Reloaded { .. }
                | FbAction::Filter(_)
                | FbAction::HistoryPage(_)
                | FbAction::FilterActions(_)
                | FbAction::ActionsPage(_)
        ) {
            self.deleted = None;
        }
        match action {
            FbAction::Edit(edit) => self.edit(edit),
            FbAction::Continue => {
                let page = self.form.page;
                self.errors = self.form.draft.problems(page, self.today);
                if self.errors.is_empty() {
                    let draft = &mut self.form.draft;
                    // A new list of earlier actions to follow up is shown even when changing.
                    let mut new_follow_ups = false;
                    match page {
                        // The role is known now: which earlier actions to follow up.
                        Page::About => {
                            if let Some(role) = draft.role {
                                let list = follow_up_list(&self.sessions, role, &draft.follow_ups);
                                new_follow_ups = !list.is_empty() && list != draft.follow_ups;
                                draft.follow_ups = list;
                            }
                        }
                        Page::FollowUp => {
                            carry_forward(&self.sessions, &draft.follow_ups, &mut draft.actions)
                        }
                        _ => {}
                    }
                    let next = if self.form.changing && !new_follow_ups {
                        Page::Check
                    } else {
                        page.next(draft)
                    };
                    self.go(next);
                } else {
                    self.focus(FbFocus::ErrorSummary);
                }
            }
            FbAction::Back => {
                let back = if self.form.changing {
                    Some(Page::Check)
                } else {
                    self.form.page.previous(&self.form.draft)
                };
                if let Some(page) = back {
                    self.errors.clear();
                    self.go(page);
                }
            }
            FbAction::Change(page) => {
                self.errors.clear();
                self.go(page);
                self.form.changing = page != Page::Check;
            }
            FbAction::Save { id, now } => match self.form.draft.to_session(&id, self.today, &now) {
                Some(session) => {
                    Rc::make_mut(&mut self.sessions).push(session);
                    self.form = self.form.fresh(self.today);
                    self.errors.clear();
                    self.screen = Screen::Session(id);
                    self.just_saved = Some(SaveOutcome::Waiting);
                    self.focus(FbFocus::Heading);
                }
                None => {
                    // Back to the first page with a problem, its errors showing.
                    let page = self
                        .form
                        .draft
                        .first_incomplete_page(self.today)
                        .unwrap_or(Page::About);
                    self.go(page);
                    self.errors = self.form.draft.problems(page, self.today);
                    self.focus(FbFocus::ErrorSummary);
                }
            },
            FbAction::AskStartAgain => self.ask(Confirm::StartAgain),
            FbAction::AskDelete(id) => self.ask(Confirm::Delete(id)),
            FbAction::Confirmed => match self.confirm.take() {
                // The outcome of starting again is the fresh first page.
                Some(Confirm::StartAgain) => {
                    self.form = self.form.fresh(self.today);
                    self.errors.clear();
                    self.screen = Screen::Form(Page::About);
                    self.focus(FbFocus::Heading);
                }
                Some(Confirm::Delete(id)) => {
                    self.deleted = self.session(&id).map(|s| s.date.clone());
                    Rc::make_mut(&mut self.sessions).retain(|s| s.id != id);
                    self.screen = Screen::History;
                    self.focus(FbFocus::Outcome);
                }
                None => {}
            },
            FbAction::Cancel => {
                self.confirm = None;
                self.focus(FbFocus::Opener);
            }
            FbAction::NewSession { today } => {
                self.today = today;
                if self.form.is_untouched() {
                    self.form = self.form.fresh(today);
                }
                self.screen = Screen::Form(self.form.page);
                self.focus(FbFocus::Heading);
            }
            FbAction::Open(id) => {
                if self.session(&id).is_some() {
                    self.screen = Screen::Session(id);
                    self.focus(FbFocus::Heading);
                }
            }
            FbAction::OpenAccount(id) => {
                if self.session(&id).is_some() {
                    self.screen = Screen::Account(id);
                    self.focus(FbFocus::Heading);
                }
            }
            FbAction::EditAccount(id, edit) => {
                let sessions = Rc::make_mut(&mut self.sessions);
                if let Some(session) = sessions.iter_mut().find(|s| s.id == id) {
                    session.reflection.edit(edit);
                }
            }
            FbAction::Sent { id, now } => {
                let sessions = Rc::make_mut(&mut self.sessions);
                if let Some(session) = sessions.iter_mut().find(|s| s.id == id) {
                    session.sent_at = Some(now);
                }
            }
            FbAction::ShowHistory => {
                self.screen = Screen::History;
                self.confirm = None;
                self.focus(FbFocus::Heading);
            }
            FbAction::ShowTrend => {
                self.screen = Screen::Trend;
                self.focus(FbFocus::Heading);
            }
            FbAction::ShowReceived => {
                self.screen = Screen::Received;
                self.focus(FbFocus::Heading);
            }
            FbAction::ShowActions => {
                self.screen = Screen::YourActions;
                self.confirm = None;
                self.focus(FbFocus::Heading);
            }
            FbAction::Copied(copied) => self.session_screen.copied = Some(copied),
            FbAction::SendChoice { comments, actions } => {
                self.session_screen.send_comments = comments;
                self.session_screen.send_actions = actions;
            }
            FbAction::SendCopied(copied) => self.session_screen.send_copied = Some(copied),
            FbAction::CompareFileChosen(name) => self.session_screen.compare_file = name,
            FbAction::Compared(comparison) => {
                // The result's heading takes focus, or the file input its problem is tied to.
                self.focus(match comparison {
                    Comparison::Problem(_) => FbFocus::CompareFile,
                    _ => FbFocus::CompareResult,
                });
                self.session_screen.comparison = Some(comparison);
            }
            FbAction::FilterActions(filter) => {
                self.action_filter = filter;
                self.actions_page = 0;
            }
            FbAction::ActionsPage(page) => {
                self.actions_page = page;
                self.focus(FbFocus::Table);
            }
            FbAction::Filter(filter) => {
                self.filter = filter;
                self.history_page = 0;
            }
            FbAction::HistoryPage(page) => {
                self.history_page = page;
                self.focus(FbFocus::Table);
            }
            FbAction::SessionsWritten { stored, place } => {
                if stored && std::mem::take(&mut self.account_unsaid) {
                    self.account_kept = Some(place);
                }
                if self.just_saved == Some(SaveOutcome::Waiting) {
                    self.just_saved = Some(match (stored, place) {
                        (false, _) => SaveOutcome::NotStored,
                        (true, Place::Computer) => SaveOutcome::Stored,
                        (true, Place::Tab) => SaveOutcome::KeptInTab,
                    });
                    // "Feedback saved" (or not) takes focus, so it is read out when known.
                    self.focus(FbFocus::Outcome);
                }
            }
            FbAction::Reloaded { form, sessions } => {
                self.reloads += 1;
                // The screen stays, unless what it showed is gone; focus is not moved.
                let form = form.map_or_else(
                    || self.form.fresh(self.today),
                    |form| form.opened(self.today),
                );
                if form != self.form {
                    if let Screen::Form(_) = self.screen {
                        self.screen = Screen::Form(form.page);
                        self.errors.clear();
                    }
                    self.form = form;
                }
                self.sessions = Rc::new(sessions);
                if let Screen::Session(id) | Screen::Account(id) = &self.screen {
                    if self.session(id).is_none() {
                        self.screen = Screen::History;
                    }
                }
                if let Some(Confirm::Delete(id)) = &self.confirm {
                    if self.session(id).is_none() {
                        self.confirm = None;
                    }
                }
            }
        }
        self.account_unsaid |= editing_account;
        if self.screen != screen {
            self.account_kept = None;
            self.session_screen = SessionScreen::default();
        }
        self
    }

    fn ask(&mut self, question: Confirm) {
        self.confirm = Some(question.clone());
        self.asked = Some(question);
        self.focus(FbFocus::Confirm);
    }

    fn go(&mut self, page: Page) {
        if page == Page::Check || self.form.page == Page::Check {
            self.form.changing = false;
        }
        self.form.page = page;
        self.screen = Screen::Form(page);
        self.focus(FbFocus::Heading);
    }

    fn edit(&mut self, edit: Edit) {
        let draft = &mut self.form.draft;
        match edit {
            Edit::Role(role) => draft.role = Some(role),
            Edit::Kind(kind) => draft.kind = Some(kind),
            Edit::Day(day) => draft.date.day = day,
            Edit::Month(month) => draft.date.month = month,
            Edit::Year(year) => draft.date.year = year,
            Edit::Label(label) => draft.label = label,
            Edit::OneAtATime(on) => draft.one_at_a_time = on,
            Edit::Rating(i, rating) => {
                if let Some(answer) = draft.domains.get_mut(i) {
                    answer.rating = Some(rating);
                }
            }
            Edit::Comment(i, comment) => {
                if let Some(answer) = draft.domains.get_mut(i) {
                    answer.comment = comment;
                }
            }
            Edit::ActionChosen(i, on) => {
                if let Some(action) = draft.actions.get_mut(i) {
                    action.chosen = on;
                }
            }
            Edit::ActionText(i, text) => {
                if let Some(action) = draft.actions.get_mut(i) {
                    action.text = text;
                }
            }
            Edit::ActionDay(i, day) => {
                if let Some(action) = draft.actions.get_mut(i) {
                    action.by.day = day;
                }
            }
            Edit::ActionMonth(i, month) => {
                if let Some(action) = draft.actions.get_mut(i) {
                    action.by.month = month;
                }
            }
            Edit::ActionYear(i, year) => {
                if let Some(action) = draft.actions.get_mut(i) {
                    action.by.year = year;
                }
            }
            Edit::Outcome(i, outcome) => {
                if let Some(follow_up) = draft.follow_ups.get_mut(i) {
                    follow_up.outcome = Some(outcome);
                }
            }
            Edit::FollowUpNote(i, note) => {
                if let Some(follow_up) = draft.follow_ups.get_mut(i) {
                    follow_up.note = note;
                }
            }
            Edit::Carry(i, on) => {
                if let Some(follow_up) = draft.follow_ups.get_mut(i) {
                    follow_up.carry = on;
                }
            }
        }
    }

    fn focus(&mut self, target: FbFocus) {
        let count = self.focus.map_or(0, |(_, n)| n.wrapping_add(1));
        self.focus = Some((target, count));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::feedback::actions::{done_at, open_count, tracked, Status};
    use crate::core::feedback::model::{Action, DOMAIN_COUNT};

    const TODAY: Date = Date {
        year: 2026,
        month: 11,
        day: 26,
    };

    /// A new form, one domain a page (as these tests walk it; `all_six_on_one_page` walks the
    /// other way).
    fn fresh() -> FeedbackState {
        FeedbackState::new(TODAY, None, Vec::new()).apply(FbAction::Edit(Edit::OneAtATime(true)))
    }

    fn filled() -> FeedbackState {
        let mut state = fresh()
            .apply(FbAction::Edit(Edit::Role(Role::Received)))
            .apply(FbAction::Edit(Edit::Kind(SessionType::Restorative)))
            .apply(FbAction::Continue);
        for i in 0..DOMAIN_COUNT {
            state = state
                .apply(FbAction::Edit(Edit::Rating(i, Rating::Score(4))))
                .apply(FbAction::Continue);
        }
        // The actions page: nothing asks for one.
        assert_eq!(state.screen, Screen::Form(Page::Actions));
        state.apply(FbAction::Continue)
    }

    #[test]
    fn all_six_on_one_page_by_default_with_their_actions_then_check() {
        let state = FeedbackState::new(TODAY, None, Vec::new())
            .apply(FbAction::Edit(Edit::Role(Role::Received)))
            .apply(FbAction::Edit(Edit::Kind(SessionType::Clinical)))
            .apply(FbAction::Continue);
        assert_eq!(state.screen, Screen::Form(Page::Domains));
        // Continue with two rated: the other four are listed, on this page.
        let mut state = state
            .apply(FbAction::Edit(Edit::Rating(0, Rating::Score(4))))
            .apply(FbAction::Edit(Edit::Rating(2, Rating::Score(2))))
            .apply(FbAction::Continue);
        assert_eq!(state.screen, Screen::Form(Page::Domains));
        assert_eq!(
            state.form.draft.rated(),
            2,
            "the menu offers to carry on, 2 of 6 rated"
        );
        assert!(!state.form.is_untouched());
        let missing: Vec<Field> = state.errors.iter().map(|(field, _)| *field).collect();
        assert_eq!(missing, [1, 3, 4, 5].map(Field::Rating));
        for i in [1, 3, 4, 5] {
            state = state.apply(FbAction::Edit(Edit::Rating(i, Rating::Score(4))));
        }
        // The low rating's action, on the same page, within its limit.
        let state = state
            .apply(FbAction::Edit(Edit::ActionText(2, "x".repeat(201))))
            .apply(FbAction::Continue);
        assert_eq!(state.errors, [(Field::Action(2), Problem::ActionTooLong)]);
        let state = state
            .apply(FbAction::Edit(Edit::ActionText(
                2,
                "I will ask for time.".into(),
            )))
            .apply(FbAction::Continue);
        assert_eq!(state.screen, Screen::Form(Page::Check));
        // Change goes back to the page of all six, and Continue comes back.
        let changed = state.apply(FbAction::Change(Page::Domains));
        assert_eq!(changed.screen, Screen::Form(Page::Domains));
        let back = changed.apply(FbAction::Continue);
        assert_eq!(back.screen, Screen::Form(Page::Check));
        let saved = back.apply(FbAction::Save {
            id: "s1".into(),
            now: "2026-11-26T10:00:00Z".into(),
        });
        assert_eq!(saved.sessions[0].actions[0].text, "I will ask for time.");
    }

    #[test]
    fn paging_moves_focus_to_the_table_and_a_new_filter_starts_at_page_one() {
        let history = filled().apply(FbAction::ShowHistory);
        let paged = history.apply(FbAction::HistoryPage(2));
        assert_eq!(paged.history_page, 2);
        assert_eq!(paged.focus.map(|(f, _)| f), Some(FbFocus::Table));
        let filtered = paged.clone().apply(FbAction::Filter(Filter {
            role: Some(Role::Gave),
            kind: None,
        }));
        assert_eq!(filtered.history_page, 0);
        // The filter stays while paging.
        let again = filtered.apply(FbAction::HistoryPage(1));
        assert_eq!(again.filter.role, Some(Role::Gave));
    }

    #[test]
    fn another_tabs_save_reloads_in_place_keeping_the_screen() {
        let saved = filled().apply(FbAction::Save {
            id: "s1".into(),
            now: "now".into(),
        });
        let mut sessions = saved.sessions.to_vec();
        let history = saved.apply(FbAction::ShowHistory);
        let focus = history.focus;
        // The other tab added a session: the history stays open and focus is not moved.
        sessions.push(Session {
            id: "s2".into(),
            ..sessions[0].clone()
        });
        let reloaded = history.clone().apply(FbAction::Reloaded {
            form: Some(Box::new(history.form.clone())),
            sessions: sessions.clone(),
        });
        assert_eq!(reloaded.screen, Screen::History);
        assert_eq!(reloaded.sessions.len(), 2);
        assert_eq!(reloaded.focus, focus);
        // The session on screen was deleted there: back to the history, not a blank page.
        let viewing = reloaded.apply(FbAction::Open("s2".into()));
        let gone = viewing.apply(FbAction::Reloaded {
            form: None,
            sessions: sessions[..1].to_vec(),
        });
        assert_eq!(gone.screen, Screen::History);
    }

    #[test]
    fn a_draft_changed_in_another_tab_replaces_this_ones_on_its_page() {
        let here = fresh().apply(FbAction::Edit(Edit::Label("here".into())));
        let theirs = filled().form;
        let reloaded = here.apply(FbAction::Reloaded {
            form: Some(Box::new(theirs.clone())),
            sessions: Vec::new(),
        });
        assert_eq!(reloaded.form, theirs);
        assert_eq!(reloaded.screen, Screen::Form(Page::Check));
    }

    #[test]
    fn continue_with_nothing_chosen_stays_and_lists_the_errors() {
        let state = fresh()
            .apply(FbAction::Edit(Edit::Label("kept".into())))
            .apply(FbAction::Continue);
        assert_eq!(state.screen, Screen::Form(Page::About));
        assert_eq!(
            state.errors.iter().map(|(f, _)| *f).collect::<Vec<_>>(),
            [Field::Role, Field::Kind]
        );
        assert_eq!(state.focus.map(|f| f.0), Some(FbFocus::ErrorSummary));
        assert_eq!(state.form.draft.label, "kept", "nothing typed is lost");
    }

    #[test]
    fn the_form_runs_through_six_domain_pages_and_actions_to_check() {
        let state = filled();
        assert_eq!(state.screen, Screen::Form(Page::Check));
        assert!(state.errors.is_empty());
    }

    #[test]
    fn change_from_check_returns_to_check() {
        let state = filled().apply(FbAction::Change(Page::Domain(2)));
        assert_eq!(state.screen, Screen::Form(Page::Domain(2)));
        let state = state
            .apply(FbAction::Edit(Edit::Rating(2, Rating::NotApplicable)))
            .apply(FbAction::Continue);
        assert_eq!(state.screen, Screen::Form(Page::Check));
        assert_eq!(
            state.form.draft.domains[2].rating,
            Some(Rating::NotApplicable)
        );
        // Back from a changed page also returns to Check.
        let back = state
            .apply(FbAction::Change(Page::About))
            .apply(FbAction::Back);
        assert_eq!(back.screen, Screen::Form(Page::Check));
    }

    #[test]
    fn saving_adds_the_session_shows_it_and_starts_a_fresh_draft() {
        let state = filled().apply(FbAction::Save {
            id: "s1".into(),
            now: "2026-11-26T10:00:00Z".into(),
        });
        assert_eq!(state.screen, Screen::Session("s1".into()));
        assert_eq!(state.just_saved, Some(SaveOutcome::Waiting));
        assert_eq!(state.sessions.len(), 1);
        assert_eq!(state.form.page, Page::About);
        // Fresh, but still one domain a page, as the person chose.
        let one_at_a_time = Draft {
            one_at_a_time: true,
            ..Draft::new(TODAY)
        };
        assert_eq!(state.form.draft, one_at_a_time);
    }

    #[test]
    fn saved_is_said_only_once_storage_has_the_session() {
        let saving = filled().apply(FbAction::Save {
            id: "s1".into(),
            now: "2026-11-26T10:00:00Z".into(),
        });
        let stored = saving.clone().apply(FbAction::SessionsWritten {
            stored: true,
            place: Place::Computer,
        });
        assert_eq!(stored.just_saved, Some(SaveOutcome::Stored));
        assert_eq!(saving.focus.map(|f| f.0), Some(FbFocus::Heading));
        assert_eq!(
            stored.focus.map(|f| f.0),
            Some(FbFocus::Outcome),
            "the outcome is read out"
        );
        let in_tab = saving.clone().apply(FbAction::SessionsWritten {
            stored: true,
            place: Place::Tab,
        });
        assert_eq!(
            in_tab.just_saved,
            Some(SaveOutcome::KeptInTab),
            "never \"saved\" when only in memory"
        );
        let refused = saving.apply(FbAction::SessionsWritten {
            stored: false,
            place: Place::Computer,
        });
        assert_eq!(refused.just_saved, Some(SaveOutcome::NotStored));
        assert_eq!(refused.focus.map(|f| f.0), Some(FbFocus::Outcome));
        // A later write (a delete, say) says nothing about a session not just saved.
        let history = refused.apply(FbAction::ShowHistory);
        let later = history.clone().apply(FbAction::SessionsWritten {
            stored: true,
            place: Place::Computer,
        });
        assert_eq!(later.just_saved, None);
        assert_eq!(later.focus, history.focus, "and moves no focus");
    }

    #[test]
    fn saving_an_incomplete_draft_goes_to_the_first_problem() {
        let mut state = filled();
        state.form.draft.domains[3].rating = None;
        let state = state.apply(FbAction::Save {
            id: "s1".into(),
            now: "now".into(),
        });
        assert_eq!(state.screen, Screen::Form(Page::Domain(3)));
        assert_eq!(state.errors, [(Field::Rating(3), Problem::ChooseRating)]);
        assert!(state.sessions.is_empty());
    }

    #[test]
    fn start_again_and_delete_ask_first_and_cancel_changes_nothing() {
        let state = filled()
            .apply(FbAction::AskStartAgain)
            .apply(FbAction::Cancel);
        assert_eq!(state.screen, Screen::Form(Page::Check));
        let state = state
            .apply(FbAction::AskStartAgain)
            .apply(FbAction::Confirmed);
        assert_eq!(
            state.form.draft,
            Draft {
                one_at_a_time: true,
                ..Draft::new(TODAY)
            }
        );

        let saved = filled().apply(FbAction::Save {
            id: "s1".into(),
            now: "now".into(),
        });
        let asked = saved.apply(FbAction::AskDelete("s1".into()));
        assert_eq!(asked.confirm, Some(Confirm::Delete("s1".into())));
        assert_eq!(asked.clone().apply(FbAction::Cancel).sessions.len(), 1);
        let deleted = asked.apply(FbAction::Confirmed);
        assert!(deleted.sessions.is_empty());
        assert_eq!(deleted.screen, Screen::History);
        assert_eq!(deleted.deleted.as_deref(), Some("2026-11-26"));
        assert_eq!(deleted.focus.map(|f| f.0), Some(FbFocus::Outcome));
        // The message goes with the next thing the person does.
        assert_eq!(deleted.apply(FbAction::ShowTrend).deleted, None);
    }

    #[test]
    fn what_a_sessions_screen_said_and_chose_lasts_until_the_screen_changes() {
        let saved = filled().apply(FbAction::Save {
            id: "s1".into(),
            now: "now".into(),
        });
        assert!(
            saved.session_screen.send_comments,
            "comments go unless turned off"
        );
        assert!(
            !saved.session_screen.send_actions,
            "actions stay unless turned on"
        );
        let refused = saved
            .apply(FbAction::Copied(false))
            .apply(FbAction::SendChoice {
                comments: false,
                actions: true,
            })
            .apply(FbAction::SendCopied(true));
        let said = refused.session_screen.clone();
        assert_eq!((said.copied, said.send_copied), (Some(false), Some(true)));
        assert_eq!((said.send_comments, said.send_actions), (false, true));
        // Still said while the session shows (a question asked and cancelled there).
        let asked = refused
            .apply(FbAction::AskDelete("s1".into()))
            .apply(FbAction::Cancel);
        assert_eq!(asked.session_screen, said);
        // A comparison: a problem takes focus to the file input, a result to its heading.
        let refused = asked.apply(FbAction::Compared(Comparison::Problem("no".into())));
        assert_eq!(refused.focus.map(|f| f.0), Some(FbFocus::CompareFile));
        let other = Box::new(refused.sessions[0].clone());
        let compared = refused
            .apply(FbAction::CompareFileChosen(Some("theirs.json".into())))
            .apply(FbAction::Compared(Comparison::Other(other.clone())));
        assert_eq!(compared.focus.map(|f| f.0), Some(FbFocus::CompareResult));
        assert_eq!(
            compared.session_screen.comparison,
            Some(Comparison::Other(other))
        );
        assert_eq!(
            compared.session_screen.compare_file.as_deref(),
            Some("theirs.json")
        );
        let away = compared.apply(FbAction::ShowHistory);
        assert_eq!(away.session_screen, SessionScreen::default());
    }

    #[test]
    fn a_reflective_account_is_written_onto_its_saved_session() {
        let saved = filled().apply(FbAction::Save {
            id: "s1".into(),
            now: "now".into(),
        });
        let open = saved.apply(FbAction::OpenAccount("s1".into()));
        assert_eq!(open.screen, Screen::Account("s1".into()));
        assert_eq!(open.focus.map(|f| f.0), Some(FbFocus::Heading));
        let written = open
            .apply(FbAction::EditAccount(
                "s1".into(),
                ReflectionEdit::Learned("To ask earlier".into()),
            ))
            .apply(FbAction::EditAccount(
                "s1".into(),
                ReflectionEdit::Theme(2, true),
            ))
            .apply(FbAction::EditAccount(
                "s1".into(),
                ReflectionEdit::Other("x".repeat(3000)),
            ));
        assert!(written.typing_account, "typing waits for a pause");
        let ticked = written.clone().apply(FbAction::EditAccount(
            "s1".into(),
            ReflectionEdit::Theme(0, true),
        ));
        assert!(!ticked.typing_account, "a tick is saved at once");
        // Once written, it says where, and goes on saying it (not anew at each pause).
        let kept = ticked.apply(FbAction::SessionsWritten {
            stored: true,
            place: Place::Tab,
        });
        assert_eq!(kept.account_kept, Some(Place::Tab));
        assert_eq!(written.account_kept, None, "not before it is written");
        assert_eq!(kept.apply(FbAction::ShowHistory).account_kept, None);
        let reflection = &written.session("s1").unwrap().reflection;
        assert_eq!(reflection.learned, "To ask earlier");
        assert_eq!(reflection.themes, [false, false, true, false]);
        assert_eq!(reflection.other.chars().count(), 2000, "cut at the limit");
        assert!(reflection.within_limits());
        // An unknown session opens nothing.
        let unknown = written.clone().apply(FbAction::OpenAccount("nope".into()));
        assert_eq!(unknown.screen, Screen::Account("s1".into()));
    }

    #[test]
    fn a_session_records_when_its_feedback_was_made_ready_to_send_and_keeps_it() {
        let saved = filled().apply(FbAction::Save {
            id: "s1".into(),
            now: "2026-11-26T10:00:00Z".into(),
        });
        assert_eq!(saved.session("s1").unwrap().sent_at, None);
        let sent = saved.apply(FbAction::Sent {
            id: "s1".into(),
            now: "2026-11-27T09:00:00Z".into(),
        });
        let session = sent.session("s1").unwrap();
        assert_eq!(session.sent_at.as_deref(), Some("2026-11-27T09:00:00Z"));
        assert!(!sent.typing_account, "written at once, not after a pause");
        // Stored and read back with it; a session stored before it was known reads as not sent.
        let text = crate::core::json::to_string(session);
        let back: Session = crate::core::json::parse(&text).unwrap();
        assert_eq!(back.sent_at, session.sent_at);
        let older = text.replace(",\"sent_at\":\"2026-11-27T09:00:00Z\"", "");
        assert!(!older.contains("sent_at"));
        assert_eq!(
            crate::core::json::parse::<Session>(&older).unwrap().sent_at,
            None
        );
    }

    #[test]
    fn cancel_returns_focus_to_the_button_that_asked() {
        let asked = filled().apply(FbAction::AskStartAgain);
        assert_eq!(asked.focus.map(|f| f.0), Some(FbFocus::Confirm));
        let cancelled = asked.apply(FbAction::Cancel);
        assert_eq!(cancelled.focus.map(|f| f.0), Some(FbFocus::Opener));
        assert_eq!(cancelled.asked, Some(Confirm::StartAgain));
        assert_eq!(cancelled.confirm, None);
    }

    #[test]
    fn a_saved_draft_resumes_on_its_page() {
        let state = filled().apply(FbAction::Change(Page::Domain(1)));
        let resumed = FeedbackState::new(TODAY, Some(state.form.clone()), Vec::new());
        assert_eq!(resumed.screen, Screen::Form(Page::Domain(1)));
        assert!(resumed.form.changing);
    }

    const A_MONTH_LATER: Date = Date {
        year: 2026,
        month: 12,
        day: 28,
    };

    #[test]
    fn a_new_form_a_month_after_a_save_is_dated_that_day_not_the_save_day() {
        let saved = filled().apply(FbAction::Save {
            id: "s1".into(),
            now: "now".into(),
        });
        // The empty draft left after the save keeps no date on disk.
        let stored = saved.form.to_store(TODAY);
        assert_eq!(stored.draft.date, DateFields::default());
        // Opened a month later, from storage or by "Give feedback on a session".
        let reopened = FeedbackState::new(A_MONTH_LATER, Some(stored), saved.sessions.to_vec());
        assert_eq!(reopened.form.draft.date, DateFields::of(A_MONTH_LATER));
        let same_tab = saved.apply(FbAction::NewSession {
            today: A_MONTH_LATER,
        });
        assert_eq!(same_tab.form.draft.date, DateFields::of(A_MONTH_LATER));
        assert_eq!(same_tab.today, A_MONTH_LATER);
    }

    #[test]
    fn a_draft_under_way_keeps_its_date_when_opened_another_day() {
        let typed = fresh().apply(FbAction::Edit(Edit::Role(Role::Received)));
        let stored = typed.form.to_store(TODAY);
        assert_eq!(stored.draft.date, DateFields::of(TODAY));
        let reopened = FeedbackState::new(A_MONTH_LATER, Some(stored), Vec::new());
        assert_eq!(reopened.form.draft.date, DateFields::of(TODAY));
        let same_tab = typed.apply(FbAction::NewSession {
            today: A_MONTH_LATER,
        });
        assert_eq!(same_tab.form.draft.date, DateFields::of(TODAY));
        // A date typed by hand, with nothing else yet, is kept as typed too.
        let dated = fresh().apply(FbAction::Edit(Edit::Day("2".into())));
        assert_eq!(dated.form.to_store(TODAY).draft.date.day, "2");
    }

    /// Through the form: a session with two actions, then the next session in the same role
    /// follows both up (one done, one not yet and carried forward).
    #[test]
    fn the_loop_closes_at_the_next_session_in_the_same_role() {
        let session_with = |state: FeedbackState, id: &str, ratings: [u8; 6]| {
            let mut state = state
                .apply(FbAction::Edit(Edit::Role(Role::Received)))
                .apply(FbAction::Edit(Edit::Kind(SessionType::Clinical)))
                .apply(FbAction::Continue);
            if state.screen == Screen::Form(Page::FollowUp) {
                state = state
                    .apply(FbAction::Edit(Edit::Outcome(0, Outcome::Done)))
                    .apply(FbAction::Edit(Edit::Outcome(1, Outcome::NotYet)))
                    .apply(FbAction::Edit(Edit::Carry(1, true)))
                    .apply(FbAction::Continue);
            }
            for (i, n) in ratings.into_iter().enumerate() {
                state = state
                    .apply(FbAction::Edit(Edit::Rating(i, Rating::Score(n))))
                    .apply(FbAction::Continue);
            }
            assert_eq!(state.screen, Screen::Form(Page::Actions));
            state.apply(FbAction::Continue).apply(FbAction::Save {
                id: id.into(),
                now: "2026-11-26T10:00:00Z".into(),
            })
        };
        let first = FeedbackState::new(TODAY, None, Vec::new())
            .apply(FbAction::Edit(Edit::OneAtATime(true)))
            .apply(FbAction::Edit(Edit::Role(Role::Received)))
            .apply(FbAction::Edit(Edit::Kind(SessionType::Clinical)))
            .apply(FbAction::Continue);
        assert_eq!(
            first.screen,
            Screen::Form(Page::Domain(0)),
            "nothing to follow up yet"
        );
        let mut state = first;
        for (i, n) in [1u8, 4, 2, 4, 4, 4].into_iter().enumerate() {
            state = state
                .apply(FbAction::Edit(Edit::Rating(i, Rating::Score(n))))
                .apply(FbAction::Continue);
        }
        let state = state
            .apply(FbAction::Edit(Edit::ActionText(
                0,
                "I will ask for time.".into(),
            )))
            .apply(FbAction::Edit(Edit::ActionText(
                2,
                "I will read the policy.".into(),
            )))
            .apply(FbAction::Edit(Edit::ActionDay(2, "1".into())))
            .apply(FbAction::Edit(Edit::ActionMonth(2, "12".into())))
            .apply(FbAction::Edit(Edit::ActionYear(2, "2026".into())))
            .apply(FbAction::Continue)
            .apply(FbAction::Save {
                id: "s1".into(),
                now: "2026-11-26T09:00:00Z".into(),
            });
        assert_eq!(state.sessions[0].actions.len(), 2);
        assert_eq!(open_count(&state.sessions), 2);

        let second = session_with(
            state.apply(FbAction::NewSession { today: TODAY }),
            "s2",
            [4; 6],
        );
        let saved = &second.sessions[1];
        assert_eq!(saved.follow_ups.len(), 2);
        assert_eq!(
            saved.actions,
            [Action {
                domain: 2,
                text: "I will read the policy.".into(),
                by: None
            }],
            "carried forward, without the old date"
        );
        let statuses: Vec<Status> = tracked(&second.sessions).iter().map(|t| t.status).collect();
        assert_eq!(
            statuses,
            [Status::Open, Status::Done, Status::CarriedForward]
        );
        assert_eq!(open_count(&second.sessions), 1);
        // The second session is where domain 0's action was done.
        let done: Vec<usize> = (0..DOMAIN_COUNT).filter(|&d| done_at(saved, d)).collect();
        assert_eq!(done, [0]);
    }
}
