//! Six-domain supervision feedback: the form's model and rules ([`form`]), the domain texts as
//! data ([`content`]), saved sessions and their history ([`history`]), the pictures
//! ([`chart`]) and the ways to take a record away ([`export`]).

pub mod actions;
pub mod chart;
pub mod content;
#[rustfmt::skip]
mod domain_tables;
pub mod export;
pub mod flow;
pub mod form;
pub mod history;
