//! Feedback on my supervision (issue 25): what a supervisee sends their supervisor about a
//! session, by file or as text to paste, and what the supervisor keeps of it and sees summed
//! up. Pure: the piece and its checks, the text's encoding, and the summary.

pub mod flow;
pub mod paste;
pub mod piece;
pub mod plan;
pub mod summary;
