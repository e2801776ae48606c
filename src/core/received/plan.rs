//! Acting on the feedback received: "What will I change in my supervision?", an action per
//! domain with how it went (the outcomes the session actions use), and a reflective account on
//! the feedback (the four questions a session's account asks). One record, kept with the pieces:
//! the privacy setting, the time limits, the lock, Clear my data, export and import cover it.

use crate::core::feedback::model::{
    Outcome, Reflection, ReflectionEdit, ACTION_LIMIT, DOMAIN_COUNT, NOTE_LIMIT,
};
use crate::core::json::{FromJson, SerJson, Shape, Value};
use crate::core::storage::RecordSpec;
use crate::core::typed::cut_to_limit;

pub const PLAN: RecordSpec = RecordSpec {
    name: "feedback-received-plan",
    version: 1,
    migrations: &[],
};

/// What the supervisor will change for one domain, and how it went.
#[derive(Clone, Debug, PartialEq, Eq, SerJson)]
pub struct Change {
    /// The domain's index, 0 to 5.
    pub domain: usize,
    pub text: String,
    /// How it went, once the supervisor says.
    pub outcome: Option<Outcome>,
    pub note: String,
}

impl FromJson for Change {
    fn from_json(value: &Value) -> Result<Self, Shape> {
        let members = value.members()?;
        Ok(Change {
            domain: members.get("domain")?,
            text: members.get("text")?,
            outcome: members.get_or_default("outcome")?,
            note: members.get_or_default("note")?,
        })
    }
}

#[derive(Clone, Debug, Default, PartialEq, Eq, SerJson)]
pub struct Plan {
    /// At most one a domain, in the order of the domains.
    pub changes: Vec<Change>,
    pub reflection: Reflection,
}

impl FromJson for Plan {
    fn from_json(value: &Value) -> Result<Self, Shape> {
        let members = value.members()?;
        Ok(Plan {
            changes: members.get_or_default("changes")?,
            reflection: members.get_or_default("reflection")?,
        })
    }
}

/// One change to the plan.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PlanEdit {
    /// The change for a domain; emptied, it goes unless how it went was said.
    Change(usize, String),
    Outcome(usize, Outcome),
    Note(usize, String),
    Reflection(ReflectionEdit),
}

impl Plan {
    pub fn change(&self, domain: usize) -> Option<&Change> {
        self.changes.iter().find(|c| c.domain == domain)
    }

    /// Applies an edit; text past its limit is cut off, so a plan always fits what an import
    /// checks.
    pub fn edit(&mut self, edit: PlanEdit) {
        let position = |changes: &[Change], domain| changes.iter().position(|c| c.domain == domain);
        match edit {
            PlanEdit::Change(domain, text) if domain < DOMAIN_COUNT => {
                let text = cut_to_limit(text, ACTION_LIMIT);
                match position(&self.changes, domain) {
                    // Emptied, it goes only if nothing was said of how it went: clearing a
                    // field to retype it must not delete the outcome and the note with it.
                    Some(i)
                        if text.trim().is_empty()
                            && self.changes[i].outcome.is_none()
                            && self.changes[i].note.is_empty() =>
                    {
                        self.changes.remove(i);
                    }
                    Some(i) => self.changes[i].text = text,
                    None if text.trim().is_empty() => {}
                    None => self.insert(Change {
                        domain,
                        text,
                        outcome: None,
                        note: String::new(),
                    }),
                }
            }
            PlanEdit::Change(..) => {}
            PlanEdit::Outcome(domain, outcome) => {
                if let Some(i) = position(&self.changes, domain) {
                    self.changes[i].outcome = Some(outcome);
                }
            }
            PlanEdit::Note(domain, note) => {
                if let Some(i) = position(&self.changes, domain) {
                    self.changes[i].note = cut_to_limit(note, NOTE_LIMIT);
                }
            }
            PlanEdit::Reflection(edit) => self.reflection.edit(edit),
        }
    }

    pub fn is_empty(&self) -> bool {
        *self == Plan::default()
    }

    /// Adds a change in the order of the domains (inserted, not sorted: a sort's code is a few
    /// KB of the bundle for lists of six at most).
    fn insert(&mut self, change: Change) {
        let at = self.changes.partition_point(|c| c.domain < change.domain);
        self.changes.insert(at, change);
    }

    /// Whether an imported plan is one this widget could have written.
    pub fn well_formed(&self) -> bool {
        let mut seen = [false; DOMAIN_COUNT];
        self.reflection.within_limits()
            && self.changes.iter().all(|c| {
                let fresh =
                    c.domain < DOMAIN_COUNT && !std::mem::replace(&mut seen[c.domain], true);
                fresh
                    && c.text.chars().count() <= ACTION_LIMIT
                    && c.note.chars().count() <= NOTE_LIMIT
            })
    }

    /// Adds what another copy of the plan holds (an import, or a tab's records kept): this
    /// one's changes and account stay; the other's fill the domains and the account left empty.
    pub fn merge(&mut self, other: Plan) {
        for change in other.changes {
            if self.change(change.domain).is_none() {
                self.insert(change);
            }
        }
        if self.reflection.is_empty() {
            self.reflection = other.reflection;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::json;

    #[test]
    fn a_change_per_domain_with_how_it_went_kept_while_its_text_is_retyped() {
        let mut plan = Plan::default();
        plan.edit(PlanEdit::Change(3, "Start on time".into()));
        plan.edit(PlanEdit::Change(0, "Agree a plan for each session".into()));
        plan.edit(PlanEdit::Change(9, "no such domain".into()));
        plan.edit(PlanEdit::Change(1, "   ".into()));
        assert_eq!(
            plan.changes.iter().map(|c| c.domain).collect::<Vec<_>>(),
            [0, 3],
            "in the order of the domains"
        );
        plan.edit(PlanEdit::Outcome(3, Outcome::Done));
        plan.edit(PlanEdit::Note(3, "x".repeat(500)));
        plan.edit(PlanEdit::Outcome(5, Outcome::Done));
        let change = plan.change(3).unwrap();
        assert_eq!(change.outcome, Some(Outcome::Done));
        assert_eq!(change.note.chars().count(), NOTE_LIMIT, "cut to its limit");
        assert!(plan.change(5).is_none(), "no change, nothing to follow up");
        // Cleared to be retyped: how it went stays.
        plan.edit(PlanEdit::Change(3, String::new()));
        let cleared = plan.change(3).unwrap();
        assert_eq!(
            (cleared.text.as_str(), cleared.outcome),
            ("", Some(Outcome::Done))
        );
        plan.edit(PlanEdit::Change(3, "Start on time, always".into()));
        assert_eq!(plan.change(3).unwrap().note.chars().count(), NOTE_LIMIT);
        // With nothing said of how it went, emptied, it goes.
        plan.edit(PlanEdit::Change(0, String::new()));
        assert!(plan.change(0).is_none());
        plan.edit(PlanEdit::Reflection(ReflectionEdit::Learned(
            "To ask".into(),
        )));
        assert_eq!(plan.reflection.learned, "To ask");
        assert!(plan.well_formed());
    }

    #[test]
    fn stored_and_read_back_and_a_crafted_plan_is_not_well_formed() {
        let mut plan = Plan::default();
        plan.edit(PlanEdit::Change(2, "Ask what helped".into()));
        plan.edit(PlanEdit::Outcome(2, Outcome::Partly));
        let back: Plan = json::parse(&json::to_string(&plan)).unwrap();
        assert_eq!(back, plan);
        let twice = Plan {
            changes: vec![plan.changes[0].clone(), plan.changes[0].clone()],
            ..Plan::default()
        };
        assert!(!twice.well_formed(), "two changes for one domain");
        let mut long = plan.clone();
        long.changes[0].text = "x".repeat(ACTION_LIMIT + 1);
        assert!(!long.well_formed());
        let mut beyond = plan.clone();
        beyond.changes[0].domain = 6;
        assert!(!beyond.well_formed());
    }

    #[test]
    fn merging_keeps_this_plan_and_fills_what_it_left_empty() {
        let mut here = Plan::default();
        here.edit(PlanEdit::Change(1, "Mine".into()));
        let mut there = Plan::default();
        there.edit(PlanEdit::Change(1, "Theirs".into()));
        there.edit(PlanEdit::Change(4, "Also theirs".into()));
        there.edit(PlanEdit::Reflection(ReflectionEdit::Changed(
            "Shorter sessions".into(),
        )));
        here.merge(there);
        let texts: Vec<&str> = here.changes.iter().map(|c| c.text.as_str()).collect();
        assert_eq!(texts, ["Mine", "Also theirs"]);
        assert_eq!(here.reflection.changed, "Shorter sessions");
    }
}
