//! The self-check quiz: its content model and validation ([`content`]), how answers score
//! ([`scoring`]), and one attempt from drawing questions to results ([`attempt`]).

pub mod attempt;
pub mod content;
pub mod flow;
pub mod scoring;
