//! Closing the improvement loop: an action agreed for a domain, and how it went, answered at the
//! next session in the same role.
//!
//! An action is known by the session it was planned in and its domain (one action a domain a
//! session). Its outcome is the latest follow-up any later session gave it. It is open until a
//! follow-up says Done or No longer needed, or carries it forward into a new action.

use crate::core::json::{FromJson, SerJson, Shape, Value};

use super::form::{read_optional_date, Date, DateFields, DomainAnswer, Problem, Rating};
use super::history::{newest_first, Filter};
use super::model::{
    Action, FollowUp, Outcome, Role, Session, ACTION_LIMIT, DOMAIN_COUNT, NOTE_LIMIT,
};

/// One domain's action as typed on the actions page.
#[derive(Clone, Debug, Default, PartialEq, Eq, SerJson)]
pub struct ActionDraft {
    /// Picked for a domain that did not score 1 or 2 (those always offer one).
    pub chosen: bool,
    pub text: String,
    pub by: DateFields,
}

impl FromJson for ActionDraft {
    fn from_json(value: &Value) -> Result<Self, Shape> {
        let members = value.members()?;
        Ok(ActionDraft {
            chosen: members.get("chosen")?,
            text: members.get("text")?,
            by: members.get("by")?,
        })
    }
}

/// The answer about one earlier action, as given on the follow-up page.
#[derive(Clone, Debug, PartialEq, Eq, SerJson)]
pub struct FollowUpDraft {
    pub session: String,
    pub domain: usize,
    pub outcome: Option<Outcome>,
    pub note: String,
    pub carry: bool,
}

impl FromJson for FollowUpDraft {
    fn from_json(value: &Value) -> Result<Self, Shape> {
        let members = value.members()?;
        Ok(FollowUpDraft {
            session: members.get("session")?,
            domain: members.get("domain")?,
            outcome: members.get("outcome")?,
            note: members.get("note")?,
            carry: members.get("carry")?,
        })
    }
}

/// The session `session` (an id) and the action it planned for `domain`: what a follow-up
/// refers to. `None` if either is gone.
pub fn planned_in<'a>(
    sessions: &'a [Session],
    session: &str,
    domain: usize,
) -> Option<(&'a Session, &'a Action)> {
    let found = sessions.iter().find(|s| s.id == session)?;
    Some((found, found.action(domain)?))
}

/// Whether a domain's rating asks for an action: 1 or 2 out of 5.
pub fn rating_asks_for_action(answer: &DomainAnswer) -> bool {
    matches!(answer.rating, Some(Rating::Score(1 | 2)))
}

/// Whether the actions page shows an action for this domain: its rating asks for one, or the
/// person picked it.
pub fn action_offered(answer: &DomainAnswer, action: &ActionDraft) -> bool {
    rating_asks_for_action(answer) || action.chosen
}

/// What is wrong with one domain's action, field by field (`text`, then `by`).
pub fn action_problems(action: &ActionDraft, today: Date) -> [Option<Problem>; 2] {
    let text = (action.text.chars().count() > ACTION_LIMIT).then_some(Problem::ActionTooLong);
    let by = match read_optional_date(&action.by) {
        Ok(Some(date)) if date < today => Some(Problem::ActionDateInPast),
        Ok(_) => None,
        Err(problem) => Some(problem),
    };
    [text, by]
}

/// The actions a session saves from the draft: each offered domain with words in it.
pub fn planned(
    domains: &[DomainAnswer; DOMAIN_COUNT],
    actions: &[ActionDraft; DOMAIN_COUNT],
) -> Vec<Action> {
    let mut planned = Vec::new();
    for (domain, (answer, action)) in domains.iter().zip(actions).enumerate() {
        let text = action.text.trim();
        if action_offered(answer, action) && !text.is_empty() {
            planned.push(Action {
                domain,
                text: text.to_owned(),
                by: read_optional_date(&action.by).ok().flatten().map(Date::iso),
            });
        }
    }
    planned
}

/// Where an action stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Status {
    Open,
    Done,
    NoLongerNeeded,
    /// Carried forward into a later session's action.
    CarriedForward,
}

/// An action with where it stands.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Tracked<'a> {
    /// The session it was planned in.
    pub session: &'a Session,
    pub action: &'a Action,
    /// The latest follow-up, and the session it was given in.
    pub outcome: Option<(&'a FollowUp, &'a Session)>,
    pub status: Status,
}

/// Every action in `sessions`, newest session first (by date, then by when saved), each with
/// its latest follow-up and status.
pub fn tracked(sessions: &[Session]) -> Vec<Tracked<'_>> {
    let order = newest_first(sessions, &Filter::default());
    // The latest follow-up of each action: the newest session's wins (the first in `order`,
    // kept by a stable sort and dedup). A sorted Vec, not a BTreeMap: the map's code for this
    // one type was 4.9 KB of wasm (issue 26).
    let mut latest: Vec<_> = order
        .iter()
        .flat_map(|session| {
            session.follow_ups.iter().map(move |follow_up| {
                (
                    (follow_up.session.as_str(), follow_up.domain),
                    (follow_up, *session),
                )
            })
        })
        .collect();
    latest.sort_by(|a, b| a.0.cmp(&b.0));
    latest.dedup_by(|later, first| later.0 == first.0);
    let mut all = Vec::new();
    for session in order {
        for action in &session.actions {
            let outcome = latest
                .binary_search_by(|(key, _)| key.cmp(&(session.id.as_str(), action.domain)))
                .ok()
                .map(|at| latest[at].1);
            let status = match outcome {
                None => Status::Open,
                Some((follow_up, _)) => match follow_up.outcome {
                    Outcome::Done => Status::Done,
                    Outcome::NoLongerNeeded => Status::NoLongerNeeded,
                    _ if follow_up.carried => Status::CarriedForward,
                    _ => Status::Open,
                },
            };
            all.push(Tracked {
                session,
                action,
                outcome,
                status,
            });
        }
    }
    all
}

/// Which actions "Your actions" lists.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum ActionFilter {
    #[default]
    All,
    Open,
    Done,
}

impl ActionFilter {
    pub const ALL: [ActionFilter; 3] = [ActionFilter::All, ActionFilter::Open, ActionFilter::Done];

    pub fn matches(self, status: Status) -> bool {
        match self {
            ActionFilter::All => true,
            ActionFilter::Open => status == Status::Open,
            ActionFilter::Done => status == Status::Done,
        }
    }
}

/// Whether `session` followed up an action of `domain` as done (marked on the trend).
pub fn done_at(session: &Session, domain: usize) -> bool {
    session
        .follow_ups
        .iter()
        .any(|f| f.domain == domain && f.outcome == Outcome::Done)
}

/// How many actions are open.
pub fn open_count(sessions: &[Session]) -> usize {
    tracked(sessions)
        .iter()
        .filter(|t| t.status == Status::Open)
        .count()
}

/// The follow-up page's list for a new session in `role`: every open action planned in that
/// role, newest first, keeping any answers already given in `given`.
pub fn follow_up_list(
    sessions: &[Session],
    role: Role,
    given: &[FollowUpDraft],
) -> Vec<FollowUpDraft> {
    let mut list = Vec::new();
    for t in tracked(sessions) {
        if t.status != Status::Open || t.session.role != role {
            continue;
        }
        let same = |f: &&FollowUpDraft| f.session == t.session.id && f.domain == t.action.domain;
        list.push(given.iter().find(same).cloned().unwrap_or(FollowUpDraft {
            session: t.session.id.clone(),
            domain: t.action.domain,
            outcome: None,
            note: String::new(),
            carry: false,
        }));
    }
    list
}

/// The follow-ups a session saves: those answered.
pub fn answered(follow_ups: &[FollowUpDraft]) -> Vec<FollowUp> {
    let mut answered = Vec::new();
    for f in follow_ups {
        if let Some(outcome) = f.outcome {
            answered.push(FollowUp {
                session: f.session.clone(),
                domain: f.domain,
                outcome,
                note: f.note.trim().to_owned(),
                carried: f.carry && outcome.can_carry(),
            });
        }
    }
    answered
}

/// Carries forward the actions marked so: each becomes the new session's action for its
/// domain, unless words are already there.
pub fn carry_forward(
    sessions: &[Session],
    follow_ups: &[FollowUpDraft],
    actions: &mut [ActionDraft; DOMAIN_COUNT],
) {
    for f in follow_ups {
        if !(f.carry && f.outcome.is_some_and(Outcome::can_carry)) {
            continue;
        }
        let earlier = planned_in(sessions, &f.session, f.domain);
        if let (Some((_, earlier)), Some(action)) = (earlier, actions.get_mut(f.domain)) {
            action.chosen = true;
            if action.text.trim().is_empty() {
                action.text = earlier.text.clone();
            }
        }
    }
}

/// The earlier actions a session followed up, each with its follow-up (those whose session is
/// gone are left out).
pub fn followed_up(sessions: &[Session], session: &Session) -> Vec<(FollowUp, Action)> {
    let mut found = Vec::new();
    for follow_up in &session.follow_ups {
        if let Some((_, action)) = planned_in(sessions, &follow_up.session, follow_up.domain) {
            found.push((follow_up.clone(), action.clone()));
        }
    }
    found
}

/// Whether a session's actions and follow-ups are within what the form can make: one action a
/// domain, words within the limits, real dates (what an import checks).
pub fn well_formed(session: &Session) -> bool {
    let mut domains = [false; DOMAIN_COUNT];
    let actions_ok = session.actions.iter().all(|action| {
        let text = action.text.chars().count();
        action.domain < DOMAIN_COUNT
            && !std::mem::replace(&mut domains[action.domain], true)
            && (1..=ACTION_LIMIT).contains(&text)
            && action
                .by
                .as_deref()
                .is_none_or(|by| by.len() == 10 && Date::parse_iso(by).is_some())
    });
    let follow_ups_ok = session.follow_ups.len() <= MAX_FOLLOW_UPS
        && session.follow_ups.iter().all(|f| {
            f.domain < DOMAIN_COUNT
                && f.note.chars().count() <= NOTE_LIMIT
                && (1..=MAX_SESSION_ID).contains(&f.session.chars().count())
        });
    actions_ok && follow_ups_ok
}

/// The most follow-ups one session can hold: more open actions than anyone would list.
const MAX_FOLLOW_UPS: usize = 600;
/// The longest session id an import accepts.
const MAX_SESSION_ID: usize = 100;

/// Whether an action's "by" date has passed.
pub fn overdue(action: &Action, today: Date) -> bool {
    action
        .by
        .as_deref()
        .and_then(Date::parse_iso)
        .is_some_and(|by| by < today)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::feedback::history::tests::session;
    use crate::core::feedback::model::SessionType;

    const TODAY: Date = Date {
        year: 2026,
        month: 11,
        day: 26,
    };

    fn rated(rating: Option<Rating>) -> DomainAnswer {
        DomainAnswer {
            rating,
            comment: String::new(),
        }
    }

    #[test]
    fn a_rating_of_one_or_two_offers_an_action_and_any_other_domain_can_be_picked() {
        let none = ActionDraft::default();
        let picked = ActionDraft {
            chosen: true,
            ..ActionDraft::default()
        };
        for (rating, offered) in [
            (Some(Rating::Score(1)), true),
            (Some(Rating::Score(2)), true),
            (Some(Rating::Score(3)), false),
            (Some(Rating::Score(5)), false),
            (Some(Rating::NotApplicable), false),
            (None, false),
        ] {
            assert_eq!(action_offered(&rated(rating), &none), offered, "{rating:?}");
            assert!(action_offered(&rated(rating), &picked), "{rating:?}");
        }
    }

    #[test]
    fn an_action_is_limited_and_its_date_is_real_and_not_past() {
        let action = |text: &str, day: &str, month: &str, year: &str| ActionDraft {
            chosen: true,
            text: text.into(),
            by: DateFields {
                day: day.into(),
                month: month.into(),
                year: year.into(),
            },
        };
        assert_eq!(
            action_problems(&action("x", "", "", ""), TODAY),
            [None, None]
        );
        assert_eq!(
            action_problems(&action("x", "26", "11", "2026"), TODAY),
            [None, None],
            "today is fine"
        );
        assert_eq!(
            action_problems(&action("x", "25", "11", "2026"), TODAY),
            [None, Some(Problem::ActionDateInPast)]
        );
        for (day, month, year) in [("31", "11", "2026"), ("1", "", "2027"), ("a", "1", "2027")] {
            assert_eq!(
                action_problems(&action("x", day, month, year), TODAY)[1],
                Some(Problem::ActionDateNotReal),
                "{day}/{month}/{year}"
            );
        }
        assert_eq!(
            action_problems(&action(&"é".repeat(ACTION_LIMIT), "", "", ""), TODAY),
            [None, None],
            "the limit counts characters"
        );
        assert_eq!(
            action_problems(&action(&"é".repeat(ACTION_LIMIT + 1), "", "", ""), TODAY)[0],
            Some(Problem::ActionTooLong)
        );
    }

    #[test]
    fn a_session_keeps_the_offered_actions_with_words_in_them() {
        let domains = [
            rated(Some(Rating::Score(1))),
            rated(Some(Rating::Score(2))),
            rated(Some(Rating::Score(4))),
            rated(Some(Rating::Score(4))),
            rated(Some(Rating::Score(4))),
            rated(Some(Rating::NotApplicable)),
        ];
        let mut actions = <[ActionDraft; DOMAIN_COUNT]>::default();
        actions[0].text = "  I will ask for time.  ".into();
        actions[0].by = DateFields::of(Date::new(2026, 12, 1).unwrap());
        actions[1].text = "   ".into();
        actions[2].text = "Typed, then the domain was unpicked".into();
        actions[3].chosen = true;
        actions[3].text = "I will read the policy.".into();
        assert_eq!(
            planned(&domains, &actions),
            [
                Action {
                    domain: 0,
                    text: "I will ask for time.".into(),
                    by: Some("2026-12-01".into())
                },
                Action {
                    domain: 3,
                    text: "I will read the policy.".into(),
                    by: None
                },
            ]
        );
    }

    fn with_actions(mut s: Session, domains: &[usize]) -> Session {
        s.actions = domains
            .iter()
            .map(|&domain| Action {
                domain,
                text: format!("action {domain} of {}", s.id),
                by: None,
            })
            .collect();
        s
    }

    #[test]
    fn the_follow_up_list_is_open_actions_in_the_same_role_newest_first() {
        let older = with_actions(
            session("older", "2026-09-01", Role::Received, SessionType::Clinical),
            &[1],
        );
        let newer = with_actions(
            session("newer", "2026-10-01", Role::Received, SessionType::Coaching),
            &[0, 4],
        );
        let other_role = with_actions(
            session("gave", "2026-10-15", Role::Gave, SessionType::Clinical),
            &[2],
        );
        let mut done = session("done", "2026-11-01", Role::Received, SessionType::Clinical);
        done.follow_ups = vec![FollowUp {
            session: "newer".into(),
            domain: 4,
            outcome: Outcome::Done,
            note: String::new(),
            carried: false,
        }];
        let sessions = vec![older, newer, other_role, done];
        let list = follow_up_list(&sessions, Role::Received, &[]);
        let keys: Vec<(&str, usize)> = list
            .iter()
            .map(|f| (f.session.as_str(), f.domain))
            .collect();
        assert_eq!(keys, [("newer", 0), ("older", 1)]);
        assert_eq!(
            follow_up_list(&sessions, Role::Gave, &[])
                .iter()
                .map(|f| f.domain)
                .collect::<Vec<_>>(),
            [2]
        );
        assert_eq!(open_count(&sessions), 3);
        // Answers already given are kept.
        let mut given = list.clone();
        given[1].outcome = Some(Outcome::Partly);
        given[1].note = "Half way".into();
        assert_eq!(follow_up_list(&sessions, Role::Received, &given), given);
    }

    #[test]
    fn partly_or_not_yet_stays_open_unless_carried_forward() {
        let planned_in = with_actions(
            session("a", "2026-09-01", Role::Received, SessionType::Clinical),
            &[0, 1, 2],
        );
        let mut next = session("b", "2026-10-01", Role::Received, SessionType::Clinical);
        next.follow_ups = [
            (0, Outcome::Partly, false),
            (1, Outcome::NotYet, true),
            (2, Outcome::NoLongerNeeded, false),
        ]
        .map(|(domain, outcome, carried)| FollowUp {
            session: "a".into(),
            domain,
            outcome,
            note: String::new(),
            carried,
        })
        .to_vec();
        let sessions = vec![planned_in, next];
        let statuses: Vec<Status> = tracked(&sessions).iter().map(|t| t.status).collect();
        assert_eq!(
            statuses,
            [Status::Open, Status::CarriedForward, Status::NoLongerNeeded]
        );
    }

    #[test]
    fn the_newest_sessions_follow_up_of_an_action_wins() {
        let planned_in = with_actions(
            session("a", "2026-09-01", Role::Received, SessionType::Clinical),
            &[0],
        );
        let follow_up = |id: &str, date: &str, outcome: Outcome| {
            let mut later = session(id, date, Role::Received, SessionType::Clinical);
            later.follow_ups = vec![FollowUp {
                session: "a".into(),
                domain: 0,
                outcome,
                note: String::new(),
                carried: false,
            }];
            later
        };
        // Saved out of date order: the newest by date wins, wherever it is in the list.
        let sessions = vec![
            follow_up("c", "2026-11-01", Outcome::Done),
            planned_in,
            follow_up("b", "2026-10-01", Outcome::NotYet),
        ];
        let all = tracked(&sessions);
        let action = all.iter().find(|t| t.session.id == "a").unwrap();
        assert_eq!(action.status, Status::Done);
        assert_eq!(
            action.outcome.map(|(_, given_in)| given_in.id.as_str()),
            Some("c")
        );
    }

    #[test]
    fn carrying_forward_fills_the_new_action_unless_words_are_there() {
        let earlier = with_actions(
            session("a", "2026-09-01", Role::Received, SessionType::Clinical),
            &[0, 1, 2],
        );
        let follow_up = |domain, outcome, carry| FollowUpDraft {
            session: "a".into(),
            domain,
            outcome: Some(outcome),
            note: String::new(),
            carry,
        };
        let follow_ups = [
            follow_up(0, Outcome::NotYet, true),
            follow_up(1, Outcome::Partly, true),
            follow_up(2, Outcome::Done, true),
        ];
        let mut actions = <[ActionDraft; DOMAIN_COUNT]>::default();
        actions[1].text = "My own words".into();
        carry_forward(&[earlier], &follow_ups, &mut actions);
        assert!(actions[0].chosen && actions[0].text == "action 0 of a");
        assert!(actions[1].chosen && actions[1].text == "My own words");
        assert!(!actions[2].chosen, "a done action is not carried");
        // Only a carry that is allowed is saved as one.
        let saved = answered(&follow_ups);
        assert_eq!(
            saved.iter().map(|f| f.carried).collect::<Vec<_>>(),
            [true, true, false]
        );
    }

    #[test]
    fn an_action_is_overdue_the_day_after_its_date() {
        let by = |date: &str| Action {
            domain: 0,
            text: "x".into(),
            by: Some(date.into()),
        };
        assert!(overdue(&by("2026-11-25"), TODAY));
        assert!(!overdue(&by("2026-11-26"), TODAY));
        assert!(!overdue(
            &Action {
                by: None,
                ..by("2026-01-01")
            },
            TODAY
        ));
    }
}
