//! `cargo xtask dist`: trunk builds the wasm and its glue; this packs them, the stylesheet and the
//! start-up message into one classic script, then writes the offline page and the embed example.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use base64::Engine;
use flate2::write::GzEncoder;
use flate2::Compression;

use crate::tools::{cmd, exec, kib, output, root};

pub const BUNDLE: &str = "supervision-widget.js";
const OFFLINE_PAGE: &str = "supervision-widget.html";
const EMBED_EXAMPLE: &str = "embed-example.html";

const LOADER: &str = include_str!("../../src/embed/loader.js");
const OFFLINE_TEMPLATE: &str = include_str!("../pages/offline.html");
const EMBED_TEMPLATE: &str = include_str!("../pages/embed-example.html");

pub fn dist_dir() -> PathBuf {
    root().join("dist")
}

pub fn run() -> Result<(), String> {
    fs::create_dir_all(work_dir()).map_err(|e| format!("{}: {e}", work_dir().display()))?;
    run_trunk()?;
    let (glue, wasm) = trunk_output()?;
    let (glue, wasm) = crate::imports::shorten(&glue, &wasm)?;
    fs::write(shipped_wasm_path(), &wasm).map_err(|e| format!("writing the wasm: {e}"))?;
    let bundle = minify(&bundle(&glue, &wasm)?)?;
    let dist = dist_dir();
    fs::create_dir_all(&dist).map_err(|e| format!("{}: {e}", dist.display()))?;
    let files = [
        (BUNDLE, bundle.clone()),
        (
            OFFLINE_PAGE,
            OFFLINE_TEMPLATE.replace("<!-- BUNDLE -->", &inline_script(&bundle)?),
        ),
        (EMBED_EXAMPLE, EMBED_TEMPLATE.to_owned()),
    ];
    println!("\n{:<28} {:>12} {:>12}", "file", "raw", "gzip");
    for (name, contents) in files {
        let path = dist.join(name);
        fs::write(&path, &contents).map_err(|e| format!("{}: {e}", path.display()))?;
        println!(
            "{:<28} {:>12} {:>12}",
            format!("dist/{name}"),
            kib(contents.len()),
            kib(gzip(contents.as_bytes()).len())
        );
    }
    crate::size::print_totals()
}

/// The release wasm is built with its own standard library, so that a panic is a bare trap with
/// nothing to format. A panic already aborts (`panic = "abort"`; no panic hook shows anything), so
/// users see no difference; the bundle loses the panic messages, source locations and `Debug`
/// code that only a panic could reach: 20 KiB less compressed (6%) and less to compile. These are
/// unstable flags of the pinned stable rustc, allowed by RUSTC_BOOTSTRAP for this build alone;
/// the tests build normally, with every panic message. Derived `Debug` prints only a type's name
/// in this build, so nothing a person reads or the widget stores is ever formatted with `{:?}`
/// from a derived impl. Not `-Zfmt-debug=none`: that makes every `{:?}` print nothing, and
/// nanoserde writes floats with `{:?}`, so quiz scores were stored as nothing (the quiz e2e
/// caught it; issue 26). Scores are now written without float formatting (`json::Number`), and
/// `none` then measured no smaller than `shallow`.
const RELEASE_WASM_FLAGS: &str =
    "-Zunstable-options -Cpanic=immediate-abort -Zlocation-detail=none -Zfmt-debug=shallow";

fn run_trunk() -> Result<(), String> {
    fetch_std_dependencies()?;
    // --offline: use the tools setup put on PATH, never download.
    let mut trunk = cmd("trunk", &["build", "--release", "--offline"]);
    trunk
        .env("RUSTC_BOOTSTRAP", "1")
        .env("CARGO_UNSTABLE_BUILD_STD", "std,panic_abort")
        // The standard library's smaller forms of its algorithms (sorting, formatting):
        // 9.1 KiB raw, 6.8 KiB gzip less; the benches measured no slower render, unlock or
        // start (issue 26).
        .env("CARGO_UNSTABLE_BUILD_STD_FEATURES", "optimize_for_size")
        .env(
            "CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS",
            RELEASE_WASM_FLAGS,
        );
    exec(trunk)
}

/// The crates the standard library's own build needs (its `Cargo.lock`, in `rust-src`): trunk's
/// cargo runs offline, so on a fresh machine they must be in cargo's cache first. Quick when
/// they are.
fn fetch_std_dependencies() -> Result<(), String> {
    let sysroot =
        output(cmd("rustc", &["--print", "sysroot"])).ok_or("rustc --print sysroot failed")?;
    let manifest = format!("{sysroot}/lib/rustlib/src/rust/library/Cargo.toml");
    let mut fetch = cmd("cargo", &["fetch", "--quiet", "--manifest-path", &manifest]);
    // The library's manifest uses cargo features of the toolchain's own build.
    fetch.env("RUSTC_BOOTSTRAP", "1");
    exec(fetch)
}

/// The no-modules glue and the optimised wasm trunk wrote.
fn trunk_output() -> Result<(String, Vec<u8>), String> {
    let dir = root().join("target/trunk");
    let find = |suffix: &str| -> Result<PathBuf, String> {
        let entries = fs::read_dir(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
        entries
            .filter_map(|entry| entry.ok().map(|e| e.path()))
            .find(|path| path.to_string_lossy().ends_with(suffix))
            .ok_or_else(|| format!("trunk wrote no *{suffix} in {}", dir.display()))
    };
    let glue = read_text(&find(".js")?)?;
    let wasm = fs::read(find("_bg.wasm")?).map_err(|e| format!("reading the wasm: {e}"))?;
    if !glue.starts_with("let wasm_bindgen = (function(exports)") {
        return Err("trunk's glue is not wasm-bindgen's no-modules output; check data-bindgen-target in index.html".into());
    }
    Ok((glue, wasm))
}

/// The single-script bundle.
pub fn bundle(glue: &str, wasm: &[u8]) -> Result<String, String> {
    let packed = pack(wasm);
    let wasm_base64 = base64::engine::general_purpose::STANDARD.encode(&packed);
    // For `cargo xtask size`, which reports it without packing again (zopfli takes a while).
    let _ = fs::write(packed_wasm_path(), &packed);
    let replacements = [
        ("\"__SW_STYLES__\"", json_string(&stylesheet()?)),
        ("\"__SW_WASM__\"", json_string(&wasm_base64)),
        ("\"__SW_STARTUP_FAILED__\"", startup_failed_messages()?),
        ("/* __SW_GLUE__ */", glue.trim().to_owned()),
    ];
    let mut bundle = LOADER.to_owned();
    for (placeholder, value) in replacements {
        if bundle.matches(placeholder).count() != 1 {
            return Err(format!(
                "src/embed/loader.js must contain {placeholder} exactly once"
            ));
        }
        bundle = bundle.replace(placeholder, &value);
    }
    Ok(bundle)
}

/// Every stylesheet in styles/, in file-name order (`_base.css` first), comments removed.
fn stylesheet() -> Result<String, String> {
    let dir = root().join("styles");
    let mut paths: Vec<PathBuf> = fs::read_dir(&dir)
        .map_err(|e| format!("{}: {e}", dir.display()))?
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|path| path.extension().is_some_and(|ext| ext == "css"))
        .collect();
    paths.sort();
    let mut css = String::new();
    for path in paths {
        css.push_str(&compact_css(&read_text(&path)?));
    }
    Ok(css)
}

/// A stylesheet without comments and without the whitespace CSS does not need: runs of
/// whitespace become one space, dropped next to `{ } ; ,` and after `:`. Never before `:`
/// (`.a :focus` is not `.a:focus`), never inside strings, never around `+ -` (`calc`).
fn compact_css(css: &str) -> String {
    let mut uncommented = String::with_capacity(css.len());
    let mut rest = css;
    while let Some(start) = rest.find("/*") {
        uncommented.push_str(&rest[..start]);
        rest = rest[start + 2..]
            .find("*/")
            .map_or("", |end| &rest[start + 2 + end + 2..]);
    }
    uncommented.push_str(rest);
    let mut out = String::with_capacity(uncommented.len());
    let (mut quote, mut space) = (None, false);
    for c in uncommented.chars() {
        if let Some(open) = quote {
            out.push(c);
            if c == open {
                quote = None;
            }
            continue;
        }
        if c.is_whitespace() {
            space = true;
            continue;
        }
        let tight = |c: char| matches!(c, '{' | '}' | ';' | ',');
        let after_tight = out.ends_with(|p: char| tight(p) || p == ':');
        if space && !out.is_empty() && !tight(c) && !after_tight {
            out.push(' ');
        }
        space = false;
        if c == '"' || c == '\'' {
            quote = Some(c);
        }
        out.push(c);
    }
    out
}

/// `{ "en": "...", "cy": "..." }` from the message catalogue, for when wasm cannot start.
fn startup_failed_messages() -> Result<String, String> {
    let mut messages = serde_json::Map::new();
    for lang in ["en", "cy"] {
        let path = root().join(format!("content/messages/{lang}.json"));
        let catalogue: serde_json::Value = serde_json::from_str(&read_text(&path)?)
            .map_err(|e| format!("{}: {e}", path.display()))?;
        let text = catalogue["messages"]["startup.failed"]
            .as_str()
            .ok_or_else(|| format!("{} has no startup.failed message", path.display()))?;
        messages.insert(lang.into(), text.into());
    }
    Ok(serde_json::Value::Object(messages).to_string())
}

/// The bundle as an inline `<script>` for the offline page.
fn inline_script(bundle: &str) -> Result<String, String> {
    if bundle.to_ascii_lowercase().contains("</script") {
        return Err("the bundle contains </script and cannot be inlined".into());
    }
    Ok(format!("<script>\n{bundle}\n</script>"))
}

fn json_string(text: &str) -> String {
    serde_json::Value::String(text.to_owned()).to_string()
}

fn read_text(path: &Path) -> Result<String, String> {
    fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))
}

pub fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut encoder = GzEncoder::new(Vec::new(), Compression::best());
    // Writing to a Vec cannot fail.
    let _ = encoder.write_all(bytes);
    encoder.finish().unwrap_or_default()
}

/// Where `dist` keeps its intermediate files.
fn work_dir() -> PathBuf {
    root().join("target/xtask")
}

/// The wasm the bundle carries (trunk's, with short import names), for `cargo xtask size`.
pub fn shipped_wasm_path() -> PathBuf {
    work_dir().join("shipped.wasm")
}

/// Where `bundle` leaves the packed wasm.
pub fn packed_wasm_path() -> PathBuf {
    work_dir().join("wasm.gz")
}

/// The wasm as the bundle carries it (before base64): gzip, which the loader inflates with
/// DecompressionStream, written by zopfli (about 4% smaller than gzip -9, same format). Up to 50
/// blocks, each with its own codes, not zopfli's 15: code, data and their kinds compress
/// apart, 2.4 KiB less. Measured against 50: 30 blocks 1.0 KiB more, 100 or 200 the same, no
/// limit 6.7 more; 40 passes rather than 15, 0.1 less for half a minute more (issue 26).
pub fn pack(wasm: &[u8]) -> Vec<u8> {
    let mut packed = Vec::new();
    // Writing to a Vec cannot fail.
    let _ = zopfli::compress(
        zopfli::Options {
            maximum_block_splits: 50,
            ..zopfli::Options::default()
        },
        zopfli::Format::Gzip,
        wasm,
        &mut packed,
    );
    packed
}

/// The bundle minified by terser (npm, pinned in package.json): the glue and the loader lose
/// their comments, whitespace and long local names; strings (the wasm, the CSS) are untouched.
fn minify(bundle: &str) -> Result<String, String> {
    let (input, output) = (
        work_dir().join("bundle.js"),
        work_dir().join("bundle.min.js"),
    );
    fs::write(&input, bundle).map_err(|e| format!("{}: {e}", input.display()))?;
    let (input_arg, output_arg) = (input.to_string_lossy(), output.to_string_lossy());
    exec(cmd(
        "terser",
        &[
            &input_arg,
            "--compress",
            "--mangle",
            "--output",
            &output_arg,
        ],
    ))?;
    read_text(&output)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn compact_css_keeps_what_css_needs() {
        let css = "/* a */\n.x ,\n.y {\n  color: red; /* b */\n}\n\n/* c\n d */\n.z :focus{}";
        assert_eq!(compact_css(css), ".x,.y{color:red;}.z :focus{}");
        assert_eq!(
            compact_css("a { font: 16px/1.5\n  Arial; width: calc(100% - 2px) }"),
            "a{font:16px/1.5 Arial;width:calc(100% - 2px)}"
        );
        assert_eq!(
            compact_css("a::after { content: \"a ,  b\"; }"),
            "a::after{content:\"a ,  b\";}"
        );
    }

    #[test]
    fn the_bundle_fills_every_placeholder() {
        let glue = "let wasm_bindgen = (function(exports) { return exports; })({});";
        let bundle = bundle(glue, b"\0asm").unwrap();
        assert!(!bundle.contains("__SW_"), "a placeholder is left");
        assert!(bundle.contains(glue));
        assert!(bundle.contains("\"cy\":\"Nid oedd modd"));
    }

    #[test]
    fn the_stylesheet_starts_with_the_base() {
        assert!(stylesheet().unwrap().starts_with(":host{"));
    }
}
