//! `cargo xtask test`: everything CI checks, fastest first.

use std::ffi::OsString;

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
    crate::size::check_budget()?;
    crate::spfx::run()?;
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

/// The end-to-end suite (Chromium) against dist/.
fn end_to_end() -> Result<(), String> {
    node_tests("tests/e2e/", &[("CHROMIUM", CHROMIUM.into())])
}

/// The smoke test in Firefox and WebKit against dist/.
fn other_engines() -> Result<(), String> {
    node_tests(
        "tests/engines/",
        &[
            ("GECKODRIVER", geckodriver_path().into()),
            ("FIREFOX", FIREFOX.into()),
            ("WEBKIT_WEBDRIVER", WEBKIT_WEBDRIVER.into()),
            ("MINIBROWSER", MINIBROWSER.into()),
        ],
    )
}

/// Runs the `node --test` files in `folder`, one file at a time, with `env`. No --test-timeout:
/// node applies it to each file as a whole too. Each test and hook sets its own limit
/// (tests/e2e/helpers.mjs), so a hung test fails and a long file is never cut short.
fn node_tests(folder: &str, env: &[(&str, OsString)]) -> Result<(), String> {
    let mut command = cmd("node", &["--test", "--test-concurrency=1", folder]);
    command.envs(env.iter().map(|(name, value)| (name, value)));
    exec(command)
}
