//! A supervisee's feedback on a supervision session, as sent to their supervisor (a file, or a
//! text to paste: `paste`), and as the supervisor keeps it. A piece carries no name and no id of
//! the sender's; the supervisor may give it a private label.

use crate::core::feedback::form::Date;
use crate::core::feedback::model::{
    Action, Role, Session, SessionType, ACTION_LIMIT, COMMENT_LIMIT, DOMAIN_COUNT, LABEL_LIMIT,
};
use crate::core::json::{self, FromJson, Members, SerJson, Shape, Value};
use crate::core::storage::RecordSpec;
use crate::core::transfer;

/// The sent file's `format`: not an export (whose format Compare and Import read), so each
/// place can say what a file is when it is the other.
pub const FORMAT: &str = "supervision-widget-feedback";
pub const VERSION: u32 = 1;
/// The most a sent file may be (a maximal piece is about 13 KB).
pub const MAX_BYTES: usize = 64 * 1024;

/// What the sender chose to send, besides the ratings (which always go).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Sending {
    /// Each domain's comment (on unless the person turns it off).
    pub comments: bool,
    /// The actions they planned (off unless the person turns it on: they may ask something of
    /// the supervisor, or may not be meant for them).
    pub actions: bool,
}

impl Default for Sending {
    fn default() -> Self {
        Sending {
            comments: true,
            actions: false,
        }
    }
}

/// One supervisee's feedback on one session.
#[derive(Clone, Debug, PartialEq, Eq, SerJson)]
pub struct Piece {
    /// The session's date, `YYYY-MM-DD`.
    pub date: String,
    pub kind: SessionType,
    /// 1 to 5 per domain; `None` is "not applicable".
    pub ratings: [Option<u8>; DOMAIN_COUNT],
    /// Empty where none was written or the sender left comments out.
    pub comments: [String; DOMAIN_COUNT],
    pub actions: Vec<Action>,
}

impl FromJson for Piece {
    fn from_json(value: &Value) -> Result<Self, Shape> {
        let members = value.members()?;
        Ok(Piece {
            date: members.get("date")?,
            kind: members.get("kind")?,
            ratings: members.get("ratings")?,
            comments: members.get_or_default("comments")?,
            actions: members.get_or_default("actions")?,
        })
    }
}

impl Piece {
    /// What goes from a saved session, as the person chose.
    pub fn of(session: &Session, sending: Sending) -> Piece {
        Piece {
            date: session.date.clone(),
            kind: session.kind,
            ratings: session.ratings,
            comments: if sending.comments {
                session.comments.clone()
            } else {
                Default::default()
            },
            actions: if sending.actions {
                session.actions.clone()
            } else {
                Vec::new()
            },
        }
    }

    /// Whether it keeps every limit a saved session keeps.
    pub fn well_formed(&self) -> bool {
        let mut domains = [false; DOMAIN_COUNT];
        self.date.len() == 10
            && Date::parse_iso(&self.date).is_some()
            && self.ratings.iter().flatten().all(|r| (1..=5).contains(r))
            && self
                .comments
                .iter()
                .all(|c| c.chars().count() <= COMMENT_LIMIT)
            && self.actions.iter().all(|action| {
                action.domain < DOMAIN_COUNT
                    && !std::mem::replace(&mut domains[action.domain], true)
                    && (1..=ACTION_LIMIT).contains(&action.text.chars().count())
                    && action
                        .by
                        .as_deref()
                        .is_none_or(|by| by.len() == 10 && Date::parse_iso(by).is_some())
            })
    }

    /// The same piece, however often it arrives: a digest of what it says (FNV-1a, 64 bits),
    /// so the same feedback added twice is known and added once.
    pub fn fingerprint(&self) -> String {
        let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
        for byte in json::to_string(self).bytes() {
            hash = (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3);
        }
        format!("{hash:016x}")
    }
}

/// The file sent (also the JSON inside a pasted text).
#[derive(Clone, Debug, PartialEq, Eq, SerJson)]
pub struct SentFile {
    pub format: String,
    pub version: u32,
    pub sent_at: String,
    /// The sender's side of the session: only a supervisee's (`received`) is feedback on a
    /// supervisor's supervision.
    pub role: Role,
    pub piece: Piece,
}

/// The file to send about `session`, as the person chose.
pub fn sent_file(session: &Session, sending: Sending, now: &str) -> String {
    json::to_string(&SentFile {
        format: FORMAT.into(),
        version: VERSION,
        sent_at: now.into(),
        role: session.role,
        piece: Piece::of(session, sending),
    })
}

/// Why a file or a text cannot be added as feedback received.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ReceiveError {
    TooBig,
    NotJson,
    /// A whole export of someone's data, not one piece of feedback.
    WholeExport,
    /// Quiz results (an export holding only those), or a page's quiz questions.
    QuizFile,
    /// Something else altogether.
    NotFeedback,
    NewerVersion,
    /// Feedback the sender gave as a supervisor, not feedback on supervision they received.
    GivenNotReceived,
    /// It breaks a limit a saved session keeps (a date, a rating, a length).
    Damaged,
}

/// The piece in a sent file, checked as every import is.
pub fn read(text: &str) -> Result<Piece, ReceiveError> {
    if text.len() > MAX_BYTES {
        return Err(ReceiveError::TooBig);
    }
    if transfer::depth(text) > transfer::MAX_DEPTH {
        return Err(ReceiveError::NotJson);
    }
    let tree = json::tree(text).ok_or(ReceiveError::NotJson)?;
    let members = tree.members().map_err(|_| ReceiveError::NotFeedback)?;
    let format: Option<String> = members.get("format").ok();
    match format.as_deref() {
        Some(FORMAT) => {}
        Some(transfer::FORMAT) => {
            // Read no further than the two lists' lengths: what it is, not whether it is sound.
            let length = |data: &Members, list: &str| {
                data.value(list)
                    .and_then(|v| v.items().ok())
                    .map_or(0, <[Value]>::len)
            };
            let quiz_only = members
                .value("data")
                .and_then(|data| data.members().ok())
                .is_some_and(|data| {
                    length(&data, "feedback_sessions") == 0 && length(&data, "quiz_history") > 0
                });
            return Err(if quiz_only {
                ReceiveError::QuizFile
            } else {
                ReceiveError::WholeExport
            });
        }
        _ if members.value("questions").is_some() => return Err(ReceiveError::QuizFile),
        _ => return Err(ReceiveError::NotFeedback),
    }
    let version: u32 = members
        .get("version")
        .map_err(|_| ReceiveError::NotFeedback)?;
    if version > VERSION {
        return Err(ReceiveError::NewerVersion);
    }
    let file = SentFile::from_json(&tree).map_err(|_| ReceiveError::Damaged)?;
    if file.role == Role::Gave {
        return Err(ReceiveError::GivenNotReceived);
    }
    if !file.piece.well_formed() {
        return Err(ReceiveError::Damaged);
    }
    Ok(file.piece)
}

impl FromJson for SentFile {
    fn from_json(value: &Value) -> Result<Self, Shape> {
        let members = value.members()?;
        Ok(SentFile {
            format: members.get("format")?,
            version: members.get("version")?,
            sent_at: members.get("sent_at")?,
            role: members.get("role")?,
            piece: members.get("piece")?,
        })
    }
}

/// Where the supervisor keeps the pieces: a record of its own beside their sessions, covered by
/// the privacy setting, its time limits and the lock as every record is.
pub const RECEIVED: RecordSpec = RecordSpec {
    name: "feedback-received",
    version: 1,
    migrations: &[],
};

/// Adds what `incoming` holds that `kept` does not (by fingerprint), keeping `kept`'s order.
pub fn merge(kept: &mut Vec<Received>, incoming: Vec<Received>) -> usize {
    let before = kept.len();
    for piece in incoming {
        if !kept.iter().any(|k| k.id == piece.id) {
            kept.push(piece);
        }
    }
    kept.len() - before
}

/// A piece the supervisor kept.
#[derive(Clone, Debug, PartialEq, Eq, SerJson)]
pub struct Received {
    /// The piece's fingerprint: the same feedback twice has the same id.
    pub id: String,
    pub piece: Piece,
    pub received_at: String,
    /// The supervisor's own private label (no names), up to 60 characters.
    pub label: String,
}

impl FromJson for Received {
    fn from_json(value: &Value) -> Result<Self, Shape> {
        let members = value.members()?;
        Ok(Received {
            id: members.get("id")?,
            piece: members.get("piece")?,
            received_at: members.get("received_at")?,
            label: members.get_or_default("label")?,
        })
    }
}

/// The same feedback is kept already: nothing is added.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct AlreadyKept;

/// Keeps `piece`, labelled (the label cut to its limit), unless the same is kept already.
pub fn add(
    kept: &[Received],
    piece: Piece,
    label: &str,
    now: &str,
) -> Result<Received, AlreadyKept> {
    let id = piece.fingerprint();
    if kept.iter().any(|r| r.id == id) {
        return Err(AlreadyKept);
    }
    Ok(Received {
        id,
        piece,
        received_at: now.into(),
        label: label.trim().chars().take(LABEL_LIMIT).collect(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const NOW: &str = "2026-12-02T10:00:00.000Z";

    fn session(role: Role) -> Session {
        let mut comments: [String; DOMAIN_COUNT] = Default::default();
        comments[2] = "We ran out of time.".into();
        Session {
            id: "s1".into(),
            role,
            kind: SessionType::Clinical,
            date: "2026-11-20".into(),
            label: "monthly".into(),
            ratings: [Some(4), Some(3), Some(2), None, Some(5), Some(4)],
            comments,
            saved_at: NOW.into(),
            reflection: Default::default(),
            actions: vec![Action {
                domain: 2,
                text: "I will ask for the last ten minutes.".into(),
                by: None,
            }],
            follow_ups: Vec::new(),
            sent_at: None,
        }
    }

    #[test]
    fn the_person_chooses_what_goes_and_nothing_names_them() {
        let s = session(Role::Received);
        let default = Piece::of(&s, Sending::default());
        assert_eq!(default.ratings, s.ratings);
        assert_eq!(default.comments[2], "We ran out of time.");
        assert!(default.actions.is_empty(), "actions only when chosen");
        let bare = Piece::of(
            &s,
            Sending {
                comments: false,
                actions: false,
            },
        );
        assert!(bare.comments.iter().all(String::is_empty));
        let all = Piece::of(
            &s,
            Sending {
                comments: true,
                actions: true,
            },
        );
        assert_eq!(all.actions.len(), 1);
        let file = sent_file(&s, Sending::default(), NOW);
        assert!(
            !file.contains("s1") && !file.contains("monthly"),
            "no id or label of theirs: {file}"
        );
        assert_eq!(read(&file), Ok(default));
    }

    #[test]
    fn every_wrong_thing_is_refused_with_its_reason() {
        let s = session(Role::Received);
        let export = transfer::export_one(&s, NOW);
        assert_eq!(read(&export), Err(ReceiveError::WholeExport));
        let quiz_only = r#"{"format":"supervision-widget-export","version":3,"exported_at":"x","data":{"quiz_history":[{"finished_at":"x"}],"feedback_sessions":[]}}"#;
        assert_eq!(read(quiz_only), Err(ReceiveError::QuizFile));
        assert_eq!(
            read(r#"{"language":"en","questions":[]}"#),
            Err(ReceiveError::QuizFile)
        );
        assert_eq!(read(r#"{"hello":1}"#), Err(ReceiveError::NotFeedback));
        assert_eq!(read("not json"), Err(ReceiveError::NotJson));
        assert_eq!(read(&"[".repeat(100)), Err(ReceiveError::NotJson));
        assert_eq!(read(&" ".repeat(MAX_BYTES + 1)), Err(ReceiveError::TooBig));
        let file = sent_file(&s, Sending::default(), NOW);
        assert_eq!(
            read(&file.replace("\"version\":1", "\"version\":2")),
            Err(ReceiveError::NewerVersion)
        );
        assert_eq!(
            read(&sent_file(&session(Role::Gave), Sending::default(), NOW)),
            Err(ReceiveError::GivenNotReceived)
        );
        // Limits a saved session keeps.
        for (from, to) in [
            ("2026-11-20", "2026-02-30"),
            ("[4,3,2", "[9,3,2"),
            ("We ran out of time.", &"x".repeat(COMMENT_LIMIT + 1)),
        ] {
            assert_eq!(
                read(&file.replace(from, to)),
                Err(ReceiveError::Damaged),
                "{to}"
            );
        }
        assert_eq!(
            read(&file.replace("\"piece\"", "\"peace\"")),
            Err(ReceiveError::Damaged)
        );
    }

    #[test]
    fn the_same_piece_twice_is_kept_once_and_a_label_keeps_its_limit() {
        let piece = Piece::of(&session(Role::Received), Sending::default());
        let first = add(&[], piece.clone(), &format!("  {}  ", "L".repeat(80)), NOW).expect("kept");
        assert_eq!(first.label.chars().count(), LABEL_LIMIT);
        assert_eq!(
            add(std::slice::from_ref(&first), piece.clone(), "", NOW),
            Err(AlreadyKept)
        );
        let mut other = piece;
        other.ratings[0] = Some(5);
        assert!(
            add(&[first], other, "", NOW).is_ok(),
            "different feedback is new"
        );
    }
}
