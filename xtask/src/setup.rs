//! `cargo xtask setup`: installs whatever is missing, and is quick when everything is present.

use std::fs;
use std::path::Path;
use std::process::Command;

use crate::spfx::{spfx_cmd, spfx_dir};
use crate::tools::{cmd, exec, output, root};

pub const TRUNK_VERSION: &str = "0.21.14";
pub const GECKODRIVER_VERSION: &str = "0.37.1";
pub const CHROMIUM: &str = "/usr/bin/chromium";
pub const CHROMEDRIVER: &str = "/usr/bin/chromedriver";
pub const FIREFOX: &str = "/usr/bin/firefox-esr";
pub const WEBKIT_WEBDRIVER: &str = "/usr/bin/WebKitWebDriver";
pub const MINIBROWSER: &str = "/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser";
const XVFB_RUN: &str = "/usr/bin/xvfb-run";
pub const PDFTOTEXT: &str = "/usr/bin/pdftotext";

/// Debian's packages for the browsers the tests drive, and the file each one provides.
const BROWSER_PACKAGES: &[(&str, &str)] = &[
    ("chromium", CHROMIUM),
    ("chromium-driver", CHROMEDRIVER),
    ("firefox-esr", FIREFOX),
    ("webkit2gtk-driver", WEBKIT_WEBDRIVER),
    ("xvfb", XVFB_RUN),
    // xvfb-run needs it; apt would take it only as a recommendation.
    ("xauth", "/usr/bin/xauth"),
    // pdftotext and pdftoppm: the print tests read the PDF Chromium makes.
    ("poppler-utils", PDFTOTEXT),
];

pub fn run() -> Result<(), String> {
    wasm_target()?;
    rust_src()?;
    trunk()?;
    wasm_bindgen_cli()?;
    browsers()?;
    geckodriver()?;
    npm_packages(&root(), cmd("npm", &["ci", "--no-audit", "--no-fund"]))?;
    wasm_opt()?;
    // The SharePoint web part's build: Node 22 from npm, then the SPFx project's packages with it.
    npm_packages(
        &root().join("xtask/node22"),
        cmd("npm", &["ci", "--no-audit", "--no-fund"]),
    )?;
    npm_packages(
        &spfx_dir(),
        spfx_cmd("npm", &["ci", "--no-audit", "--no-fund"]),
    )
}

/// Where `cargo install` put geckodriver (Debian 12 does not package it).
pub fn geckodriver_path() -> std::path::PathBuf {
    crate::tools::cargo_bin().join("geckodriver")
}

fn wasm_target() -> Result<(), String> {
    let installed = output(cmd("rustup", &["target", "list", "--installed"])).unwrap_or_default();
    if installed
        .lines()
        .any(|t| t.trim() == "wasm32-unknown-unknown")
    {
        return Ok(());
    }
    exec(cmd("rustup", &["target", "add", "wasm32-unknown-unknown"]))
}

/// The standard library's source: the release wasm builds its own std (see `dist::run_trunk`).
fn rust_src() -> Result<(), String> {
    let installed =
        output(cmd("rustup", &["component", "list", "--installed"])).unwrap_or_default();
    if installed.lines().any(|c| c.trim() == "rust-src") {
        return Ok(());
    }
    exec(cmd("rustup", &["component", "add", "rust-src"]))
}

fn trunk() -> Result<(), String> {
    if output(cmd("trunk", &["--version"])).as_deref() == Some(&format!("trunk {TRUNK_VERSION}")) {
        return Ok(());
    }
    eprintln!("Installing trunk {TRUNK_VERSION} (about 7 minutes on 2 cores)...");
    exec(cmd(
        "cargo",
        &[
            "install",
            "--locked",
            "--force",
            &format!("trunk@{TRUNK_VERSION}"),
        ],
    ))
}

/// The wasm-bindgen version in Cargo.lock; the CLI must match it exactly.
pub fn wasm_bindgen_version() -> Result<String, String> {
    let lock =
        fs::read_to_string(root().join("Cargo.lock")).map_err(|e| format!("Cargo.lock: {e}"))?;
    let mut lines = lock.lines();
    while let Some(line) = lines.next() {
        if line == "name = \"wasm-bindgen\"" {
            if let Some(version) = lines.next().and_then(|l| l.strip_prefix("version = \"")) {
                return Ok(version.trim_end_matches('"').to_owned());
            }
        }
    }
    Err("Cargo.lock has no wasm-bindgen package".into())
}

fn wasm_bindgen_cli() -> Result<(), String> {
    let version = wasm_bindgen_version()?;
    if output(cmd("wasm-bindgen", &["--version"])).as_deref()
        == Some(&format!("wasm-bindgen {version}"))
    {
        return Ok(());
    }
    // Not --locked: the CLI's lock file asks for a crate version this registry lacks.
    exec(cmd(
        "cargo",
        &[
            "install",
            "--force",
            "wasm-bindgen-cli",
            "--version",
            &version,
        ],
    ))
}

/// Chromium and ChromeDriver (every browser test), Firefox ESR and WebKitGTK's driver with a
/// virtual X server (the smoke test in other engines), and poppler's PDF tools (the print
/// tests), from Debian's packages.
fn browsers() -> Result<(), String> {
    let missing: Vec<&str> = BROWSER_PACKAGES
        .iter()
        .filter(|(_, file)| !Path::new(file).exists())
        .map(|(package, _)| *package)
        .collect();
    if missing.is_empty() {
        return Ok(());
    }
    let is_root = output(cmd("id", &["-u"])).as_deref() == Some("0");
    if !is_root {
        return Err(format!(
            "The test browsers are missing. Install them with:\n  \
             sudo apt-get update && sudo apt-get install -y {}",
            missing.join(" ")
        ));
    }
    let mut update = cmd("apt-get", &["update"]);
    update.env("DEBIAN_FRONTEND", "noninteractive");
    exec(update)?;
    let mut install = cmd("apt-get", &["install", "-y"]);
    install
        .args(&missing)
        .env("DEBIAN_FRONTEND", "noninteractive");
    exec(install)
}

fn geckodriver() -> Result<(), String> {
    let installed = output(cmd(&geckodriver_path().to_string_lossy(), &["--version"]));
    if installed.is_some_and(|v| v.starts_with(&format!("geckodriver {GECKODRIVER_VERSION}"))) {
        return Ok(());
    }
    eprintln!("Installing geckodriver {GECKODRIVER_VERSION} (about 4 minutes on 2 cores)...");
    exec(cmd(
        "cargo",
        &[
            "install",
            "--force",
            "geckodriver",
            "--version",
            GECKODRIVER_VERSION,
        ],
    ))
}

/// Runs `npm_ci` in `dir`, unless its node_modules already matches its package-lock.json.
fn npm_packages(dir: &Path, mut npm_ci: Command) -> Result<(), String> {
    let lock_path = dir.join("package-lock.json");
    let lock = fs::read(&lock_path).map_err(|e| format!("{}: {e}", lock_path.display()))?;
    let stamp = dir.join("node_modules/.xtask-lock-stamp");
    if fs::read(&stamp).ok().as_deref() == Some(lock.as_slice()) {
        return Ok(());
    }
    npm_ci.current_dir(dir);
    exec(npm_ci)?;
    fs::write(&stamp, lock).map_err(|e| format!("{}: {e}", stamp.display()))
}

fn wasm_opt() -> Result<(), String> {
    match output(cmd("wasm-opt", &["--version"])) {
        Some(version) if version.contains("version 132") => Ok(()),
        other => Err(format!(
            "wasm-opt 132 from npm binaryen was expected on PATH, found {other:?}"
        )),
    }
}
