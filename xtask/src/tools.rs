//! Running external tools and finding the project's paths.

use std::env;
use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// The workspace root (the parent of xtask/).
pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("xtask lives inside the workspace")
        .to_path_buf()
}

/// PATH with the project's tool folders in front: cargo's bin (trunk, wasm-bindgen) and
/// node_modules/.bin (wasm-opt from npm binaryen).
pub fn tool_path() -> OsString {
    let mut dirs = vec![root().join("node_modules/.bin"), cargo_bin()];
    if let Some(path) = env::var_os("PATH") {
        dirs.extend(env::split_paths(&path));
    }
    env::join_paths(dirs).unwrap_or_default()
}

/// Where `cargo install` puts programs.
pub fn cargo_bin() -> PathBuf {
    env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|| env::var_os("HOME").map(|home| PathBuf::from(home).join(".cargo")))
        .unwrap_or_default()
        .join("bin")
}

/// A command for `program` run in the workspace root with the tool PATH.
pub fn cmd(program: &str, args: &[&str]) -> Command {
    let mut command = Command::new(program);
    command
        .args(args)
        .current_dir(root())
        .env("PATH", tool_path());
    command
}

/// Runs a command, echoing it, and fails with its name if it fails.
pub fn exec(mut command: Command) -> Result<(), String> {
    eprintln!("$ {}", describe(&command));
    let status = command
        .status()
        .map_err(|e| format!("could not run `{}`: {e}", describe(&command)))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("`{}` failed ({status})", describe(&command)))
    }
}

/// Runs a command quietly and returns its trimmed stdout, or None if it could not run or failed.
pub fn output(mut command: Command) -> Option<String> {
    let out = command.stderr(Stdio::null()).output().ok()?;
    out.status
        .success()
        .then(|| String::from_utf8_lossy(&out.stdout).trim().to_owned())
}

fn describe(command: &Command) -> String {
    let mut parts = vec![command.get_program().to_string_lossy().into_owned()];
    parts.extend(command.get_args().map(|a| a.to_string_lossy().into_owned()));
    parts.join(" ")
}

/// Human-readable size.
pub fn kib(bytes: usize) -> String {
    format!("{:.1} KiB", bytes as f64 / 1024.0)
}
