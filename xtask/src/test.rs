//! `cargo xtask test`: everything CI checks, fastest first.

use crate::setup::{CHROMEDRIVER, CHROMIUM};
use crate::tools::{cmd, exec};

pub fn run() -> Result<(), String> {
    exec(cmd("cargo", &["fmt", "--all", "--check"]))?;
    exec(cmd(
        "cargo",
        &[
            "clippy",
            "--workspace",
            "--all-targets",
            "--",
            "-D",
            "warnings",
        ],
    ))?;
    exec(cmd(
        "cargo",
        &[
            "clippy",
            "-p",
            "supervision-widget",
            "--all-targets",
            "--target",
            "wasm32-unknown-unknown",
            "--",
            "-D",
            "warnings",
        ],
    ))?;
    exec(cmd("cargo", &["test", "--workspace"]))?;
    browser_tests()?;
    crate::dist::run()?;
    end_to_end()
}

/// wasm-bindgen-test in headless Chromium (flags in webdriver.json).
fn browser_tests() -> Result<(), String> {
    let mut command = cmd(
        "cargo",
        &[
            "test",
            "-p",
            "supervision-widget",
            "--target",
            "wasm32-unknown-unknown",
        ],
    );
    command
        .env("CHROMEDRIVER", CHROMEDRIVER)
        .env("WASM_BINDGEN_TEST_TIMEOUT", "120");
    exec(command)
}

/// The end-to-end suite against dist/.
fn end_to_end() -> Result<(), String> {
    // A per-test limit (each takes seconds), so a test that hangs fails instead of using up CI.
    let mut command = cmd(
        "node",
        &[
            "--test",
            "--test-concurrency=1",
            "--test-timeout=120000",
            "tests/e2e/",
        ],
    );
    command.env("CHROMIUM", CHROMIUM);
    exec(command)
}
