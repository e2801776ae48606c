//! Six-domain supervision feedback: the saved sessions, actions and follow-ups ([`model`]), the
//! form's draft and rules ([`form`]), actions and their follow-up ([`actions`]), the domain texts
//! as data ([`content`]), the history ([`history`]), the pictures ([`chart`]), the screens'
//! reducer ([`flow`]) with what a saved session's screen holds ([`session_screen`]), and the
//! ways to take a record away ([`export`]).

pub mod actions;
pub mod chart;
pub mod content;
#[rustfmt::skip]
mod domain_tables;
pub mod export;
pub mod flow;
pub mod form;
pub mod history;
pub mod model;
pub mod session_screen;
