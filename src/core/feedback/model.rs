//! The saved feedback: a session as the history, the charts and the exports read it, with its
//! reflective account, its actions and the follow-ups of earlier ones, and the record they are
//! kept in. The form, the actions, the history and the flow all read these; none of them is
//! needed to read a saved session.

use crate::core::json::{self, FromJson, SerJson, SerJsonState, Shape, Value};
use crate::core::storage::RecordSpec;
use crate::core::typed::cut_to_limit;

/// How many domains of quality there are, in their fixed order.
pub const DOMAIN_COUNT: usize = 6;
/// The longest label, in characters.
pub const LABEL_LIMIT: usize = 60;
/// The longest comment, in characters.
pub const COMMENT_LIMIT: usize = 1000;

/// Whether the person received the supervision or gave it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, SerJson)]
pub enum Role {
    #[nserde(rename = "received")]
    Received,
    #[nserde(rename = "gave")]
    Gave,
}

impl FromJson for Role {
    fn from_json(value: &Value) -> Result<Self, Shape> {
        json::named(value, &[("received", Role::Received), ("gave", Role::Gave)])
    }
}

impl Role {
    pub const ALL: [Role; 2] = [Role::Received, Role::Gave];
}

/// The type of supervision.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, SerJson)]
pub enum SessionType {
    #[nserde(rename = "professional")]
    Professional,
    #[nserde(rename = "managerial")]
    Managerial,
    #[nserde(rename = "restorative")]
    Restorative,
    #[nserde(rename = "clinical")]
    Clinical,
    #[nserde(rename = "coaching")]
    Coaching,
    #[nserde(rename = "mentoring")]
    Mentoring,
    #[nserde(rename = "preceptorship")]
    Preceptorship,
    #[nserde(rename = "other")]
    Other,
}

impl FromJson for SessionType {
    fn from_json(value: &Value) -> Result<Self, Shape> {
        use SessionType::*;
        json::named(
            value,
            &[
                ("professional", Professional),
                ("managerial", Managerial),
                ("restorative", Restorative),
                ("clinical", Clinical),
                ("coaching", Coaching),
                ("mentoring", Mentoring),
                ("preceptorship", Preceptorship),
                ("other", Other),
            ],
        )
    }
}

impl SessionType {
    pub const ALL: [SessionType; 8] = [
        SessionType::Professional,
        SessionType::Managerial,
        SessionType::Restorative,
        SessionType::Clinical,
        SessionType::Coaching,
        SessionType::Mentoring,
        SessionType::Preceptorship,
        SessionType::Other,
    ];
}

/// The longest action, in characters.
pub const ACTION_LIMIT: usize = 200;
/// The longest note on how an action went, in characters.
pub const NOTE_LIMIT: usize = 200;

/// An action planned in a saved session.
#[derive(Clone, Debug, PartialEq, Eq, SerJson)]
pub struct Action {
    /// The domain's index, 0 to 5.
    pub domain: usize,
    pub text: String,
    /// The date it is to be done by (`YYYY-MM-DD`), if one was given.
    pub by: Option<String>,
}

impl FromJson for Action {
    fn from_json(value: &Value) -> Result<Self, Shape> {
        let members = value.members()?;
        Ok(Action {
            domain: members.get("domain")?,
            text: members.get("text")?,
            by: members.get("by")?,
        })
    }
}

/// How an earlier action went.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Outcome {
    Done,
    Partly,
    NotYet,
    NoLongerNeeded,
}

impl Outcome {
    pub const ALL: [Outcome; 4] = [
        Outcome::Done,
        Outcome::Partly,
        Outcome::NotYet,
        Outcome::NoLongerNeeded,
    ];

    /// Its name in stored data and files.
    pub fn name(self) -> &'static str {
        match self {
            Outcome::Done => "done",
            Outcome::Partly => "partly",
            Outcome::NotYet => "not-yet",
            Outcome::NoLongerNeeded => "no-longer-needed",
        }
    }

    /// Whether the action can be carried forward into the new session.
    pub fn can_carry(self) -> bool {
        matches!(self, Outcome::Partly | Outcome::NotYet)
    }
}

impl SerJson for Outcome {
    fn ser_json(&self, d: usize, s: &mut SerJsonState) {
        self.name().ser_json(d, s)
    }
}

impl FromJson for Outcome {
    fn from_json(value: &Value) -> Result<Self, Shape> {
        json::named(
            value,
            &Outcome::ALL.map(|outcome| (outcome.name(), outcome)),
        )
    }
}

/// How an earlier action went, as answered in a later session and saved with it.
#[derive(Clone, Debug, PartialEq, Eq, SerJson)]
pub struct FollowUp {
    /// The id of the session the action was planned in.
    pub session: String,
    pub domain: usize,
    pub outcome: Outcome,
    pub note: String,
    /// Carried forward as one of this session's actions.
    pub carried: bool,
}

impl FromJson for FollowUp {
    fn from_json(value: &Value) -> Result<Self, Shape> {
        let members = value.members()?;
        Ok(FollowUp {
            session: members.get("session")?,
            domain: members.get("domain")?,
            outcome: members.get("outcome")?,
            note: members.get("note")?,
            carried: members.get("carried")?,
        })
    }
}

/// The longest answer in a reflective account, in characters.
pub const REFLECTION_LIMIT: usize = 2000;
/// The NMC Code's four themes (Prioritise people, Practise effectively, Preserve safety,
/// Promote professionalism and trust), in that order.
pub const THEME_COUNT: usize = 4;

/// A reflective account for revalidation, written about a saved session and kept with it.
#[derive(Clone, Debug, Default, PartialEq, Eq, SerJson)]
pub struct Reflection {
    /// What did you learn?
    pub learned: String,
    /// How did you change or improve your practice as a result?
    pub changed: String,
    /// Which of the NMC Code's themes it is relevant to.
    pub themes: [bool; THEME_COUNT],
    /// Its relevance to other regulators' standards (HCPC, Social Care Wales).
    pub other: String,
}

impl FromJson for Reflection {
    fn from_json(value: &Value) -> Result<Self, Shape> {
        let members = value.members()?;
        Ok(Reflection {
            learned: members.get("learned")?,
            changed: members.get("changed")?,
            themes: members.get("themes")?,
            other: members.get("other")?,
        })
    }
}

/// A change to one part of a reflective account.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ReflectionEdit {
    Learned(String),
    Changed(String),
    Theme(usize, bool),
    Other(String),
}

impl Reflection {
    /// Applies an edit; text past [`REFLECTION_LIMIT`] characters is cut off, so an account
    /// always fits the limits an import checks.
    pub fn edit(&mut self, edit: ReflectionEdit) {
        let limited = |text: String| cut_to_limit(text, REFLECTION_LIMIT);
        match edit {
            ReflectionEdit::Learned(text) => self.learned = limited(text),
            ReflectionEdit::Changed(text) => self.changed = limited(text),
            ReflectionEdit::Other(text) => self.other = limited(text),
            ReflectionEdit::Theme(i, on) => {
                if let Some(theme) = self.themes.get_mut(i) {
                    *theme = on;
                }
            }
        }
    }

    /// Whether anything has been written or chosen.
    pub fn is_empty(&self) -> bool {
        *self == Reflection::default()
    }

    /// Whether every text is within the limit.
    pub fn within_limits(&self) -> bool {
        [&self.learned, &self.changed, &self.other]
            .iter()
            .all(|text| text.chars().count() <= REFLECTION_LIMIT)
    }
}

/// A saved session: what the history, the charts and the exports show.
#[derive(Clone, Debug, PartialEq, Eq, SerJson)]
pub struct Session {
    pub id: String,
    pub role: Role,
    pub kind: SessionType,
    /// `YYYY-MM-DD`.
    pub date: String,
    pub label: String,
    /// 1 to 5 per domain; `None` is "not applicable".
    pub ratings: [Option<u8>; DOMAIN_COUNT],
    pub comments: [String; DOMAIN_COUNT],
    pub saved_at: String,
    /// The reflective account written about it (version 2 on; empty when none was written).
    pub reflection: Reflection,
    /// What the person will do before the next session (version 3 on).
    pub actions: Vec<Action>,
    /// How the actions of earlier sessions went, answered in this one (version 3 on).
    pub follow_ups: Vec<FollowUp>,
    /// When it was last made ready to send to the supervisor (a file made or the text copied);
    /// the widget cannot know when the person sent it on.
    pub sent_at: Option<String>,
}

impl FromJson for Session {
    fn from_json(value: &Value) -> Result<Self, Shape> {
        let members = value.members()?;
        Ok(Session {
            id: members.get("id")?,
            role: members.get("role")?,
            kind: members.get("kind")?,
            date: members.get("date")?,
            label: members.get("label")?,
            ratings: members.get("ratings")?,
            comments: members.get("comments")?,
            saved_at: members.get("saved_at")?,
            reflection: members.get_or_default("reflection")?,
            actions: members.get_or_default("actions")?,
            follow_ups: members.get_or_default("follow_ups")?,
            sent_at: members.get_or_default("sent_at")?,
        })
    }
}

impl Session {
    /// The action planned for `domain` in this session, if there is one.
    pub fn action(&self, domain: usize) -> Option<&Action> {
        self.actions.iter().find(|a| a.domain == domain)
    }
}

/// The saved sessions record. Version 2 keeps a reflective account with each session; version 3
/// its actions and the follow-ups of earlier ones.
pub const SESSIONS: RecordSpec = RecordSpec {
    name: "feedback-sessions",
    version: 3,
    migrations: &[sessions_gain_defaults, sessions_gain_defaults],
};

/// Version 1 to 2, and 2 to 3: each step only adds fields (the reflective account; then the
/// actions and follow-ups), empty. Older sessions read as sessions with those fields' defaults,
/// through the same code as any session, and are written back whole.
fn sessions_gain_defaults(data: &str) -> Option<String> {
    let sessions: Vec<Session> = json::parse(data).ok()?;
    Some(json::to_string(&sessions))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn version_1_sessions_gain_an_empty_account_and_keep_everything_else() {
        let v1 = r#"[{"id":"a","role":"received","kind":"clinical","date":"2026-10-01","label":"L",
            "ratings":[4,null,5,3,2,1],"comments":["c","","","","",""],"saved_at":"2026-10-01T12:00:00Z"}]"#;
        let v2: Vec<Session> = json::parse(&sessions_gain_defaults(v1).unwrap()).unwrap();
        assert_eq!(v2[0].reflection, Reflection::default());
        assert_eq!(
            v2[0].ratings,
            [Some(4), None, Some(5), Some(3), Some(2), Some(1)]
        );
        assert_eq!(v2[0].comments[0], "c");
        assert_eq!(v2[0].label, "L");
        assert_eq!(sessions_gain_defaults("{not json"), None);
        assert_eq!(
            sessions_gain_defaults("[1]"),
            None,
            "not a session: the migration fails whole"
        );
    }

    // Property tests run natively (proptest is not built for wasm32).
    #[cfg(not(target_arch = "wasm32"))]
    proptest::proptest! {
        /// Sessions of any older version read the same brought up step by step as read
        /// directly as today's sessions, and gain no actions.
        #[test]
        fn older_sessions_stepwise_equal_direct(
            ratings in proptest::array::uniform6(proptest::option::of(1u8..=5)),
            comment in "[a-z\u{e9}\u{1f600} \"\\\\]{0,20}",
            learned in "[a-z ]{0,10}",
            version in 1u32..=2,
        ) {
            let mut session = serde_json::json!({
                "id": "a", "role": "gave", "kind": "coaching", "date": "2026-10-01", "label": "L",
                "ratings": ratings, "comments": [comment, "", "", "", "", ""],
                "saved_at": "2026-10-01T12:00:00Z"
            });
            if version == 2 {
                session["reflection"] = serde_json::json!({
                    "learned": learned, "changed": "", "themes": [true, false, false, true], "other": ""
                });
            }
            let data = serde_json::json!([session]).to_string();
            let raw = format!(r#"{{"version":{version},"rev":1,"saved_at":"2026-10-01T12:00:00Z","data":{data}}}"#);
            let stepwise = crate::core::storage::decode::<Vec<Session>>(&raw, SESSIONS).unwrap().data;
            let direct: Vec<Session> = json::parse(&data).unwrap();
            proptest::prop_assert_eq!(&stepwise, &direct);
            proptest::prop_assert!(stepwise[0].actions.is_empty() && stepwise[0].follow_ups.is_empty());
        }
    }
}
