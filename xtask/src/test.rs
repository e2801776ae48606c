//! `cargo xtask test`: everything CI checks, fastest first.

use std::process::Command;

use crate::setup::{
    geckodriver_path, CHROMEDRIVER, CHROMIUM, FIREFOX, MINIBROWSER, WEBKIT_WEBDRIVER,
};
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
    browser_tests("CHROMEDRIVER", CHROMEDRIVER.into())?;
    browser_tests(
        "GECKODRIVER",
        geckodriver_path().to_string_lossy().into_owned(),
    )?;
    crate::dist::run()?;
    end_to_end()?;
    other_engines()
}

/// wasm-bindgen-test in a headless browser: the runner picks it from the driver's variable
/// (`CHROMEDRIVER` or `GECKODRIVER`); browser flags are in webdriver.json. The second run
/// reuses the first's build.
fn browser_tests(driver_variable: &str, driver: String) -> Result<(), String> {
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
        .env(driver_variable, driver)
        .env("WASM_BINDGEN_TEST_TIMEOUT", "120");
    exec(command)
}

/// The end-to-end suite against dist/.
fn end_to_end() -> Result<(), String> {
    // No --test-timeout: node applies it to each file as a whole too. Each test and hook sets
    // its own limit (tests/e2e/helpers.mjs), so a hung test fails and a long file is not cut short.
    let mut command = cmd("node", &["--test", "--test-concurrency=1", "tests/e2e/"]);
    command.env("CHROMIUM", CHROMIUM);
    exec(command)
}

/// The smoke test in Firefox and WebKit (tests/engines), against dist/.
fn other_engines() -> Result<(), String> {
    let mut command: Command = cmd(
        "node",
        &["--test", "--test-concurrency=1", "tests/engines/"],
    );
    command
        .env("GECKODRIVER", geckodriver_path())
        .env("FIREFOX", FIREFOX)
        .env("WEBKIT_WEBDRIVER", WEBKIT_WEBDRIVER)
        .env("MINIBROWSER", MINIBROWSER);
    exec(command)
}
