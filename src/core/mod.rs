//! Pure logic with no web APIs, tested natively.

pub mod config;
pub mod feedback;
#[cfg(test)]
mod golden;
pub mod json;
pub mod lang;
pub mod messages;
#[rustfmt::skip]
mod messages_tables;
pub mod quiz;
pub mod shell;
pub mod storage;
pub mod store;
pub mod transfer;
pub mod typed;
