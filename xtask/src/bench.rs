//! `cargo xtask bench`: timings, never pass/fail (these machines are shared and noisy).

use crate::setup::CHROMIUM;
use crate::tools::{cmd, exec};

pub fn run() -> Result<(), String> {
    let mut command = cmd("node", &["tests/bench/ready.mjs"]);
    command.env("CHROMIUM", CHROMIUM);
    exec(command)
}
