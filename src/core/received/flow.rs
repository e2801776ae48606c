//! The supervisor's "Feedback on my supervision": adding a piece (read from a file or a pasted
//! text, shown, then kept or not), the pieces kept, a period summed up, and deleting a piece
//! after asking. A reducer, as every part's state is.

use std::rc::Rc;

use super::paste::{self, PasteError};
use super::piece::{self, add, AlreadyKept, Piece, ReceiveError, Received};
use super::plan::{Plan, PlanEdit};
use super::summary::Period;
use crate::core::feedback::history::Pages;
use crate::core::feedback::model::{ReflectionEdit, LABEL_LIMIT};

/// Why what was given could not be added.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Refusal {
    /// Add was pressed with no file chosen and nothing pasted.
    NothingGiven,
    File(ReceiveError),
    Paste(PasteError),
}

/// Where adding a piece stands.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum Adding {
    #[default]
    Idle,
    Refused(Refusal),
    /// Read and shown, waiting for Keep it or Don't keep.
    Preview(Box<Piece>),
    /// Kept just now.
    Kept,
    /// The same feedback was kept already: nothing was added.
    AlreadyKept,
    /// Shown, and not kept.
    NotKept,
}

#[derive(Clone, Debug, PartialEq)]
pub struct ReceivedState {
    pub kept: Rc<Vec<Received>>,
    pub adding: Adding,
    /// The private label typed for the piece shown.
    pub label: String,
    pub period: Period,
    /// The session date of the piece deleted just now, for the message saying so.
    pub deleted: Option<String>,
    /// The piece whose deletion is being asked about.
    pub confirm_delete: Option<String>,
    /// How many times the kept pieces were reloaded from storage (not to be saved back).
    pub reloads: u32,
    /// What the supervisor will change, and their reflective account on the feedback.
    pub plan: Plan,
    /// The last edit to the plan was typing: its save waits for a pause.
    pub typing: bool,
    /// The page of the kept pieces showing (0-based).
    pub page: usize,
    /// The revalidation record shows, alone, to print.
    pub record: bool,
    /// The kept piece showing in full, above the list.
    pub opened: Option<String>,
    /// The name of the file chosen to add, shown beside its button.
    pub file_name: Option<String>,
    /// The piece whose Open (true) or Delete (false) was pressed last: that button takes focus
    /// back when what it opened closes.
    pub asked: Option<(String, bool)>,
}

#[derive(Clone, Debug, PartialEq)]
pub enum ReceivedAction {
    /// What became of the file chosen or the text pasted: [`ReceivedState::read`]'s answer,
    /// worked out once by the caller (it also decides where focus goes).
    Shown(Adding),
    Label(String),
    Keep {
        now: String,
    },
    DontKeep,
    Period(Period),
    AskDelete(String),
    CancelDelete,
    Delete(String),
    EditPlan(PlanEdit),
    /// Shows another page of the kept pieces (0-based).
    Page(usize),
    /// Shows the revalidation record (true) or goes back from it.
    Record(bool),
    /// Shows a kept piece in full, or (`None`) closes it.
    Open(Option<String>),
    /// Another tab saved: what is stored now.
    Reloaded(Vec<Received>, Plan),
    /// A file was chosen to add (or the choice was cancelled).
    FileChosen(Option<String>),
}

/// The piece in a file or a pasted text. Either may hold either: a file saved from a message
/// holds the text, and a file's contents may be pasted.
pub fn read_any(text: &str, pasted: bool) -> Result<Piece, Refusal> {
    if text.trim_start().starts_with('{') {
        return piece::read(text).map_err(Refusal::File);
    }
    match paste::decode(text) {
        Ok(json) => piece::read(&json).map_err(Refusal::File),
        Err(PasteError::NotFound) if !pasted => Err(Refusal::File(ReceiveError::NotJson)),
        Err(error) => Err(Refusal::Paste(error)),
    }
}

impl ReceivedState {
    pub fn new(kept: Vec<Received>, plan: Plan) -> Self {
        ReceivedState {
            plan,
            typing: false,
            page: 0,
            record: false,
            opened: None,
            file_name: None,
            asked: None,
            kept: Rc::new(kept),
            adding: Adding::Idle,
            label: String::new(),
            period: Period::default(),
            deleted: None,
            confirm_delete: None,
            reloads: 0,
        }
    }

    /// What the text of the file chosen, or the text pasted, is (`None`: nothing given): a piece
    /// to show, one kept already, or why it cannot be added.
    pub fn read(&self, text: Option<&str>, pasted: bool) -> Adding {
        match text.map(str::trim) {
            None | Some("") => Adding::Refused(Refusal::NothingGiven),
            Some(text) => match read_any(text, pasted) {
                Ok(piece) => {
                    // Once, not once a kept piece: it serialises the whole piece.
                    let id = piece.fingerprint();
                    if self.kept.iter().any(|r| r.id == id) {
                        Adding::AlreadyKept
                    } else {
                        Adding::Preview(Box::new(piece))
                    }
                }
                Err(refusal) => Adding::Refused(refusal),
            },
        }
    }

    /// The list's pages, the current one kept inside the list.
    pub fn pages(&self) -> Pages {
        Pages::of(self.kept.len(), self.page)
    }

    /// The pieces kept, newest session first (the order of the list).
    pub fn newest_first(&self) -> Vec<&Received> {
        let mut kept: Vec<&Received> = self.kept.iter().collect();
        kept.sort_by(|a, b| (&b.piece.date, &b.received_at).cmp(&(&a.piece.date, &a.received_at)));
        kept
    }

    pub fn apply(mut self, action: ReceivedAction) -> Self {
        if !matches!(
            action,
            ReceivedAction::Reloaded(..)
                | ReceivedAction::Label(_)
                | ReceivedAction::EditPlan(_)
                | ReceivedAction::FileChosen(_)
        ) {
            self.confirm_delete = None;
            self.deleted = None;
        }
        match &action {
            ReceivedAction::Open(Some(id)) => self.asked = Some((id.clone(), true)),
            ReceivedAction::AskDelete(id) => self.asked = Some((id.clone(), false)),
            _ => {}
        }
        match action {
            ReceivedAction::Shown(adding) => {
                self.label.clear();
                self.adding = adding;
            }
            ReceivedAction::Label(label) => {
                self.label = label.chars().take(LABEL_LIMIT).collect();
            }
            ReceivedAction::Keep { now } => {
                if let Adding::Preview(piece) = std::mem::take(&mut self.adding) {
                    self.adding = match add(&self.kept, *piece, &self.label, &now) {
                        Ok(received) => {
                            Rc::make_mut(&mut self.kept).push(received);
                            Adding::Kept
                        }
                        Err(AlreadyKept) => Adding::AlreadyKept,
                    };
                    self.label.clear();
                }
            }
            ReceivedAction::DontKeep => {
                if matches!(self.adding, Adding::Preview(_)) {
                    self.adding = Adding::NotKept;
                    self.label.clear();
                }
            }
            ReceivedAction::Period(period) => self.period = period,
            ReceivedAction::AskDelete(id) => {
                if self.kept.iter().any(|r| r.id == id) {
                    self.confirm_delete = Some(id);
                }
            }
            ReceivedAction::CancelDelete => {}
            ReceivedAction::Delete(id) => {
                if self.opened.as_ref() == Some(&id) {
                    self.opened = None;
                }
                let kept = Rc::make_mut(&mut self.kept);
                self.deleted = kept
                    .iter()
                    .position(|r| r.id == id)
                    .map(|at| kept.remove(at).piece.date);
            }
            ReceivedAction::EditPlan(edit) => {
                self.typing = !matches!(
                    edit,
                    PlanEdit::Outcome(..) | PlanEdit::Reflection(ReflectionEdit::Theme(..))
                );
                self.plan.edit(edit);
            }
            ReceivedAction::Page(page) => self.page = page,
            ReceivedAction::Record(showing) => {
                self.record = showing;
                // The record shows alone: the file input goes, and its choice with it.
                self.file_name = None;
            }
            ReceivedAction::FileChosen(name) => self.file_name = name,
            ReceivedAction::Open(id) => {
                self.opened = id.filter(|id| self.kept.iter().any(|r| &r.id == id));
            }
            ReceivedAction::Reloaded(kept, plan) => {
                self.reloads += 1;
                self.kept = Rc::new(kept);
                self.plan = plan;
                self.page = self.pages().current;
                if let Some(id) = &self.opened {
                    if !self.kept.iter().any(|r| &r.id == id) {
                        self.opened = None;
                    }
                }
                if let Some(id) = &self.confirm_delete {
                    if !self.kept.iter().any(|r| &r.id == id) {
                        self.confirm_delete = None;
                    }
                }
            }
        }
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::feedback::form::Date;
    use crate::core::feedback::model::SessionType;
    use crate::core::json;
    use crate::core::received::piece::{SentFile, FORMAT, VERSION};
    use crate::core::received::summary::figures;

    const NOW: &str = "2026-12-02T10:00:00.000Z";

    impl ReceivedState {
        /// Reads what was given and shows the answer, as the screen does.
        fn shown(self, text: Option<String>, pasted: bool) -> Self {
            let adding = self.read(text.as_deref(), pasted);
            self.apply(ReceivedAction::Shown(adding))
        }
    }

    fn piece(first: u8) -> Piece {
        Piece {
            date: "2026-11-20".into(),
            kind: SessionType::Coaching,
            ratings: [Some(first), Some(3), None, Some(4), Some(5), Some(2)],
            comments: Default::default(),
            actions: Vec::new(),
        }
    }

    fn file(piece: Piece) -> String {
        json::to_string(&SentFile {
            format: FORMAT.into(),
            version: VERSION,
            sent_at: NOW.into(),
            role: crate::core::feedback::model::Role::Received,
            piece,
        })
    }

    #[test]
    fn a_file_or_a_pasted_text_is_shown_then_kept_once_with_its_label() {
        let state = ReceivedState::new(Vec::new(), Plan::default());
        let shown = state.shown(Some(file(piece(4))), false);
        assert_eq!(shown.adding, Adding::Preview(Box::new(piece(4))));
        let kept = shown
            .apply(ReceivedAction::Label("Ward 7".into()))
            .apply(ReceivedAction::Keep { now: NOW.into() });
        assert_eq!(kept.adding, Adding::Kept);
        assert_eq!(kept.kept[0].label, "Ward 7");
        assert_eq!(kept.label, "", "the next piece starts with no label");
        // The same feedback again, pasted as a chat client wraps it: said, and nothing added.
        let pasted =
            paste::encode("Feedback on our session.", &file(piece(4))).replace('\n', "\r\n> ");
        let again = kept.shown(Some(format!("Hi,\n{pasted}\nThanks")), true);
        assert_eq!(again.adding, Adding::AlreadyKept);
        assert_eq!(again.kept.len(), 1);
        // A text saved as a file reads too; Don't keep keeps nothing.
        let other = paste::encode("Feedback.", &file(piece(2)));
        let declined = again
            .shown(Some(other), false)
            .apply(ReceivedAction::DontKeep);
        assert_eq!(declined.adding, Adding::NotKept);
        assert_eq!(declined.kept.len(), 1);
    }

    #[test]
    fn each_wrong_thing_gives_its_own_refusal() {
        let state = || ReceivedState::new(Vec::new(), Plan::default());
        let refused = |text: Option<&str>, pasted: bool| {
            state().shown(text.map(str::to_owned), pasted).adding
        };
        assert_eq!(refused(None, false), Adding::Refused(Refusal::NothingGiven));
        assert_eq!(
            refused(Some("  \n "), true),
            Adding::Refused(Refusal::NothingGiven)
        );
        assert_eq!(
            refused(Some("Here is my feedback"), true),
            Adding::Refused(Refusal::Paste(PasteError::NotFound))
        );
        assert_eq!(
            refused(Some("not json, no code"), false),
            Adding::Refused(Refusal::File(ReceiveError::NotJson))
        );
        let text = paste::encode("Feedback.", &file(piece(4)));
        let cut = &text[..text.len() - 20];
        assert_eq!(
            refused(Some(cut), true),
            Adding::Refused(Refusal::Paste(PasteError::Cut))
        );
        let export =
            r#"{"format":"supervision-widget-export","version":4,"exported_at":"x","data":{}}"#;
        assert_eq!(
            refused(Some(export), true),
            Adding::Refused(Refusal::File(ReceiveError::WholeExport))
        );
    }

    #[test]
    fn the_period_list_and_deleting_after_asking() {
        let mut kept = Vec::new();
        for (i, date) in ["2026-11-20", "2025-06-01", "2026-10-01"]
            .iter()
            .enumerate()
        {
            let mut p = piece(i as u8 + 1);
            p.date = (*date).into();
            kept.push(add(&kept, p, "", NOW).unwrap());
        }
        let today = Date {
            year: 2026,
            month: 12,
            day: 2,
        };
        let state = ReceivedState::new(kept, Plan::default());
        assert_eq!(
            figures(&state.kept, &[], state.period, today).pieces.len(),
            2,
            "the last 12 months, by default"
        );
        let all = state.clone().apply(ReceivedAction::Period(Period::All));
        assert_eq!(figures(&all.kept, &[], all.period, today).pieces.len(), 3);
        let dates: Vec<&str> = state
            .newest_first()
            .iter()
            .map(|r| r.piece.date.as_str())
            .collect();
        assert_eq!(dates, ["2026-11-20", "2026-10-01", "2025-06-01"]);
        let id = state.kept[0].id.clone();
        let asked = state.apply(ReceivedAction::AskDelete(id.clone()));
        assert_eq!(asked.confirm_delete.as_deref(), Some(id.as_str()));
        let cancelled = asked.clone().apply(ReceivedAction::CancelDelete);
        assert_eq!((cancelled.confirm_delete, cancelled.kept.len()), (None, 3));
        let deleted = asked.apply(ReceivedAction::Delete(id));
        assert_eq!(deleted.kept.len(), 2);
        assert_eq!(
            deleted.deleted.as_deref(),
            Some("2026-11-20"),
            "said, with the session's date"
        );
        assert_eq!(
            deleted.apply(ReceivedAction::Period(Period::All)).deleted,
            None
        );
    }

    #[test]
    fn the_plan_is_edited_in_place_typing_waits_and_a_choice_is_saved_at_once() {
        use crate::core::feedback::model::Outcome;
        let state = ReceivedState::new(Vec::new(), Plan::default());
        let typed = state.apply(ReceivedAction::EditPlan(PlanEdit::Change(
            0,
            "Ask first".into(),
        )));
        assert!(typed.typing);
        assert_eq!(typed.plan.change(0).unwrap().text, "Ask first");
        let chose = typed.apply(ReceivedAction::EditPlan(PlanEdit::Outcome(
            0,
            Outcome::Done,
        )));
        assert!(!chose.typing, "a choice is written at once");
        let reloaded = chose.apply(ReceivedAction::Reloaded(Vec::new(), Plan::default()));
        assert!(reloaded.plan.is_empty(), "what another tab stored");
        assert_eq!(reloaded.reloads, 1);
    }

    #[test]
    fn twenty_pieces_a_page_kept_inside_the_list_and_the_record_shows_alone() {
        let mut kept = Vec::new();
        for i in 0..45u32 {
            let mut p = piece(3);
            p.comments[0] = format!("piece {i}");
            kept.push(add(&kept, p, "", NOW).unwrap());
        }
        let state = ReceivedState::new(kept, Plan::default());
        assert_eq!(state.pages().count, 3);
        let last = state.apply(ReceivedAction::Page(2));
        assert_eq!(last.pages().rows(last.kept.len()), 40..45);
        let fewer: Vec<Received> = last.kept[..5].to_vec();
        let reloaded = last.apply(ReceivedAction::Reloaded(fewer, Plan::default()));
        assert_eq!(reloaded.page, 0, "another tab left one page");
        let chosen = reloaded.apply(ReceivedAction::FileChosen(Some("piece.json".into())));
        assert_eq!(chosen.file_name.as_deref(), Some("piece.json"));
        let record = chosen.apply(ReceivedAction::Record(true));
        assert!(record.record);
        assert_eq!(record.file_name, None, "the input went with the form");
        assert!(!record.apply(ReceivedAction::Record(false)).record);
    }

    #[test]
    fn a_kept_piece_opens_in_full_and_closes_and_goes_when_deleted_or_gone() {
        let mut kept = Vec::new();
        for first in [2, 4] {
            kept.push(add(&kept, piece(first), "", NOW).unwrap());
        }
        let (a, b) = (kept[0].id.clone(), kept[1].id.clone());
        let state = ReceivedState::new(kept.clone(), Plan::default());
        let opened = state.apply(ReceivedAction::Open(Some(a.clone())));
        assert_eq!(opened.opened.as_deref(), Some(a.as_str()));
        let closed = opened.clone().apply(ReceivedAction::Open(None));
        assert_eq!(closed.opened, None);
        // Its Open button takes focus back; after Delete is asked, that button does.
        assert_eq!(closed.asked, Some((a.clone(), true)));
        let asked = closed.apply(ReceivedAction::AskDelete(b.clone()));
        assert_eq!(asked.asked, Some((b.clone(), false)));
        let unknown = opened
            .clone()
            .apply(ReceivedAction::Open(Some("nope".into())));
        assert_eq!(unknown.opened, None, "only a piece that is kept");
        let deleted = opened.clone().apply(ReceivedAction::Delete(a.clone()));
        assert_eq!(deleted.opened, None);
        let elsewhere = opened.apply(ReceivedAction::Reloaded(
            vec![kept[1].clone()],
            Plan::default(),
        ));
        assert_eq!(elsewhere.opened, None, "another tab deleted it");
        let other = elsewhere.apply(ReceivedAction::Open(Some(b.clone())));
        assert_eq!(other.opened, Some(b));
    }
}
