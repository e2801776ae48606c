//! What a saved session's screen holds besides the session: what Copy summary did, what is
//! chosen to send to the supervisor, and a comparison with another person's view. Kept in the
//! feedback part's state (`flow`), and gone when the screen changes.

use super::model::Session;

/// What a saved session's screen shows besides the session: said or chosen there, and gone
/// when the screen changes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SessionScreen {
    /// Copy summary worked (true), or the browser refused it (false).
    pub copied: Option<bool>,
    /// Send this feedback: the comments go (on unless turned off), and the actions (off unless
    /// turned on: they may ask something of the supervisor, or not be meant for them).
    pub send_comments: bool,
    pub send_actions: bool,
    /// The text to send was copied (true), or the browser refused (false).
    pub send_copied: Option<bool>,
    /// The name of the file chosen to compare with.
    pub compare_file: Option<String>,
    pub comparison: Option<Comparison>,
}

impl Default for SessionScreen {
    fn default() -> Self {
        SessionScreen {
            copied: None,
            send_comments: true,
            send_actions: false,
            send_copied: None,
            compare_file: None,
            comparison: None,
        }
    }
}

/// What comparing two views of a session found.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Comparison {
    /// The other person's view of the session.
    Other(Box<Session>),
    /// No other view of this date: the file's views of other dates, to compare anyway.
    Elsewhere(Vec<Session>),
    /// Why the file could not be compared, in words.
    Problem(String),
}
