//! `cargo xtask bench`: timings, never pass/fail (these machines are shared and noisy).

use crate::setup::CHROMIUM;
use crate::tools::{cmd, exec};

pub fn run() -> Result<(), String> {
    for bench in [
        "tests/bench/ready.mjs",
        "tests/bench/feedback.mjs",
        "tests/bench/received.mjs",
        "tests/bench/lock.mjs",
        "tests/bench/tasks.mjs",
    ] {
        let mut command = cmd("node", &[bench]);
        command.env("CHROMIUM", CHROMIUM);
        exec(command)?;
    }
    Ok(())
}
