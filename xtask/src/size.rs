//! `cargo xtask size`: where the bundle's bytes are, and the size budget `cargo xtask test` enforces.
//!
//! The breakdown reads the wasm rustc wrote (before wasm-bindgen and wasm-opt), whose name section
//! still names every function, with `wasmparser`; names are demangled with `rustc-demangle`.
//! Function sizes there are before wasm-opt, so they say where the code comes from, not what ships.

use std::collections::HashMap;
use std::fs;
use std::path::PathBuf;

use wasmparser::{Name, Parser, Payload};

use crate::dist::{dist_dir, gzip, packed_wasm_path, shipped_wasm_path, BUNDLE};
use crate::tools::{cmd, exec, kib, root};

/// The budget for `dist/supervision-widget.js`, in bytes: the one place it lives. A change that
/// needs more raises it here, in its own commit, saying why. It follows the bundle down: today's
/// size plus a little, on the way to 250 KiB raw and 175 KiB gzip (issue 13). Raised for issue
/// 14 (actions and follow-ups): 370.2 / 265.1 KiB before it; 391.8 / 281.6 with its two form
/// pages, their rows on Check your answers and the saved view, and the v3 records; 398.9 / 286.9
/// with Your actions, the history's open count, the trend's marks and the compared actions.
/// Raised for issue 15's time limit (the choice, the start-up deletion and its notice):
/// 405.6 / 292.0 KiB; then for "don't keep anything" (this tab's storage beside the computer's,
/// the question before deleting, the notice of records left from before, the footer line, the
/// warning before the tab closes, the `privacy` attribute): 413.3 / 297.5 KiB; then for the
/// passphrase lock: 445.3 / 321.9 KiB. Of its +24.4 KiB gzip, about 13 is RustCrypto's Argon2id
/// and XChaCha20-Poly1305 (measured alone: 30.9 KiB of wasm), the rest the unlock screen, the
/// passphrase form and Your data's lock choices; then 447.4 / 323.4 KiB with locked exports
/// (the plain-export choice and the import's passphrase); then 450.5 / 325.4 KiB with the
/// choices offered once after a first save. Raised for asking before the quiz's "Start again"
/// deletes the answers of an attempt under way (nothing lost): 452.9 / 327.3 KiB. Raised for
/// issue 23 (every privacy promise kept): 493.4 / 357.8 KiB, +40.5 / +30.5. In it: the
/// first-use question and the next person's notice with "use it in this tab only", "Save this
/// choice" and its four questions (delete, unlock, expire, lock over records), the idle lock's
/// warning and wall clock, the unlock screen's error summary, countdown and "use without
/// unlocking", the passphrase form's summary and "Show passphrase", what the lock did said with
/// focus, the time limit run hourly and on show, the tab kept in memory, sealing bound to its
/// key, zeroize, and the list of common passwords (11 KB of text, about 5 of it gzipped). Then
/// 498.6 / 361.7 KiB (+5.2 / +3.9) for the passphrase asked again before a copy leaves without
/// the lock (export without it, taking it off, changing it: one shared form, which the unlock
/// screen now uses too) and an export locked with a passphrase of its own in every setting.
/// Then 500.8 / 363.5 KiB (+2.2 / +1.8) for all six domains on one page (issue 24: a first
/// feedback in 5 screens, not 11), built from the one-domain page's rating, comment and prompts
/// and the actions page's fields, which it shares. Then 505.1 / 366.1 KiB (+4.3 / +2.6) for the
/// rest of issue 24's first part: the menus stepping aside past the form's first page, the part
/// last used remembered, "Carry on (3 of 6 rated)", Start again only on a draft, the reminder
/// once a page, named Change links and dates, aria-invalid, and the content fixes (headings
/// capped at h6 gave a little back). Then 506.3 / 366.9 KiB (+1.2 / +0.8) for the quiz's
/// "Right answer", the learning record's one-page summary, Compare named by role and marking
/// the differences, the trend's axes and key, and the follow-up's named notes. Then 516.5 /
/// 374.0 KiB (+10.2 / +7.1) for the rest of issue 24, each measured as it came: the quiz's own
/// words marked with their language (a Welsh set's English titles, a host set in one language)
/// and the type hints, +1.8 / +1.5; where typed notes were saved said, and "Kept in this tab
/// only" for a session kept in memory, +1.2 / +0.7; Compare across dates (what the file holds,
/// and compare anyway), +4.1 / +3.5; the NHS.UK file upload in the widget's language, +2.7 /
/// +1.2; the lighter first pages, +0.4 / +0.2. Then 520.6 / 377.1 KiB (+4.1 / +3.1) for issue
/// 25's storage, before its screens: the feedback a supervisor received in export version 4
/// (read, checked, merged by fingerprint, dated under a time limit), written with the sessions
/// and results all or nothing, expired by the time limits and carried from the tab. Then
/// 548.0 / 398.0 KiB (+27.4 / +20.9) for issue 25's first screens: Send this feedback to your
/// supervisor (choices, preview, file, the text to paste and its encoding) and Feedback on my
/// supervision (add by file or paste, preview, keep with a label, eleven refusals, the
/// period's table per domain, the pieces with delete), with their 45 messages in two
/// languages. Measured by function: the two components are 17 KB of wasm before wasm-opt, the
/// rest their reducer, the reading and checking, and the messages. Then 571.3 / 415.4 KiB
/// (+23.1 / +17.2) for the rest of issue 25: what supervisees said beside what I thought with
/// the spread as bars, the comments by domain and each domain by quarter (10.0 KB of wasm
/// before wasm-opt, with the trend's chart now one function both use), What will I change
/// with how it went and the reflective account (3.6 KB, the account's fields now shared), the
/// revalidation record (3.2 KB), twenty pieces a page, the plan kept as its own record through
/// storage, export, import, the time limits and a tab's carry-over (about 10 KB with its
/// persistence), the date a session's feedback was made ready to send, and 30 messages in two
/// languages. Measured as it came: the plan inserting rather than sorting gave back 0.9 KiB;
/// the medians and bars use the charts' integer formatting (the float formatting they would
/// have added is already in the bundle from elsewhere: 14.5 KB, one for issue 26). Then
/// 572.5 / 416.4 KiB (+1.2 / +1.0) for opening a kept piece in full (the issue's "to open or
/// delete": Open beside Delete, the piece above the list, Close, focus there and back). Then
/// down, issue 26, each measured as it came: the standard library built for size (-9.1 / -6.8),
/// Talc's allocator for dlmalloc (-2.7 / -2.2), quiz scores written without float formatting,
/// which leaves none in the bundle (-7.4 / -5.4 against float `Display`), and class lists as
/// plain strings (-0.8 / -0.6): 553.0 / 401.6 KiB. Then, still issue 26: the save, reload and
/// focus hooks no longer generic (-10.2 / -7.6), sorted lists for B-trees (-14.4 / -10.7), one
/// adapter for clicks and for sending a value (-0.3 / -0.4), classes set as the `className`
/// property rather than through Yew's `Classes` (-3.5 / -2.6), scores read without the float
/// parser and passphrases compared without Unicode's case tables (-27.6 / -20.9: the two
/// standard-library tables alone were 23.6 KB of data), a language's messages as one string
/// with offsets (-2.9 / -2.1): 494.5 / 357.3 KiB; the quiz's problem report a plain function,
/// not a component (-0.8 / -0.6): 493.7 / 356.7 KiB. Then, the next session: the heading level
/// passed down, not through a context, and Heading a builder, not a component (-4.4 / -3.2);
/// This computer, Type your passphrase and Your data each one reducer (-1.8 / -1.3); the part
/// under its heading (-1.2 / -1.0), the file upload (-0.8 / -0.5), the unlock screen (-0.5 /
/// -0.6), a saved session's view (-1.2 / -0.7), Send this feedback (-1.5 / -1.2), Compare
/// (-2.5 / -2.1) and the question at the top (-2.2 / -1.4) plain functions, their state in
/// their part's reducer; a paragraph of the catalogue's words one function (-0.6 / -0.4):
/// 477.1 / 344.2 KiB; This computer part of Your data (-1.0 / -0.7), the quiz's container a
/// function (-0.7 / -0.7), the kept piece pressed last in its reducer (-0.9 / -0.7): 474.5 /
/// 342.1 KiB. Measured and not kept: the new-passphrase form as a reducer (+0.3 / +0.4).
/// Then the tables' heads from their column headings (-0.9 / -0.8); wasm-opt inlining a
/// one-caller function only when it is small, which keeps each page's code apart where gzip
/// finds its repeats (-33.9 / -25.7: the wasm 8 KiB larger, 25.4 KiB smaller compressed), and
/// sorting functions by name (-3.5 / -2.6): 436.3 / 313.2 KiB; the packed wasm in up to 50
/// deflate blocks (-3.1 / -2.4): 433.2 / 310.8 KiB; without the wasm's custom sections (-0.3 /
/// -0.2) and with the common-password list sorted (-0.9 / -0.7): 432.0 / 309.9 KiB. Then one
/// effect hook for every component, Yew's used once over boxed values (-1.9 / -1.4): 430.1 /
/// 308.5 KiB. Measured and not kept: a memo over boxed values for the parts' refs (+0.3 /
/// +0.2: the wasm 1.1 KB smaller, but the copies it removed compressed to nearly nothing).
/// Then wasm-opt folding constant offsets into loads and stores, the low 1 KiB of memory being
/// the far end of the stack (-1.3 / -1.1): 428.8 / 307.4 KiB.
pub const BUDGET_RAW: usize = 430 * 1024;
pub const BUDGET_GZIP: usize = 309 * 1024;

/// The wasm as rustc wrote it, names kept (trunk's cargo build leaves it here).
fn named_wasm() -> PathBuf {
    root().join("target/wasm32-unknown-unknown/release/supervision_widget.wasm")
}

pub fn run() -> Result<(), String> {
    let wasm = fs::read(named_wasm()).map_err(|e| format!("{}: {e}", named_wasm().display()))?;
    let breakdown = Breakdown::of(&wasm)?;
    breakdown.print();
    let listing = breakdown.write_listing("size-functions.tsv")?;
    println!("\nEvery function, with its size: {}", listing.display());
    let shipped = shipped_breakdown()?;
    let code = shipped.code();
    println!(
        "\nWhat ships (after wasm-bindgen and trunk's wasm-opt): {} of code in {} functions",
        kib(code),
        shipped.functions.len()
    );
    print_groups("By kind", &shipped.grouped(kind_of), code, 12);
    let (compressed, by_kind) = shipped.compressed_by(kind_of);
    print_groups(
        &format!(
            "By kind, compressed (the code gzipped is {}; each kind: what it adds)",
            kib(compressed)
        ),
        &by_kind,
        compressed,
        12,
    );
    let (_, by_module) = shipped.compressed_by(module_of);
    print_groups(
        "Our modules, compressed (each: what it adds, the generic code made for it included)",
        &by_module,
        compressed,
        30,
    );
    let listing = shipped.write_listing("size-shipped.tsv")?;
    let mut largest: Vec<_> = shipped
        .functions
        .into_iter()
        .map(|(name, size)| (view_name(&name).unwrap_or(name), size))
        .collect();
    largest.sort_by_key(|f| std::cmp::Reverse(f.1));
    largest.truncate(20);
    print_groups("Largest shipped functions", &largest, code, 20);
    println!(
        "\nEvery shipped function, with its size: {}",
        listing.display()
    );
    print_totals()
}

/// The shipped wasm with its names: wasm-bindgen and then the wasm-opt trunk runs (index.html's
/// settings), with `-g` to keep the name section. `-g` changes no code: the code section
/// comes out the same size as the shipped one. What was inlined is counted in the function it
/// went into: a component's render function holds the pages rustc inlined into it.
fn shipped_breakdown() -> Result<Breakdown, String> {
    let dir = root().join("target/xtask/named");
    let (named, bound, opt) = (
        named_wasm(),
        dir.join("supervision_widget_bg.wasm"),
        dir.join("opt.wasm"),
    );
    let path = |p: &PathBuf| p.display().to_string();
    exec(cmd(
        "wasm-bindgen",
        &[
            "--target",
            "no-modules",
            "--keep-debug",
            "--out-dir",
            &path(&dir),
            &path(&named),
        ],
    ))?;
    let mut args = trunk_wasm_opt_args()?;
    args.extend(["-g".into(), path(&bound), "-o".into(), path(&opt)]);
    exec(cmd(
        "wasm-opt",
        &args.iter().map(String::as_str).collect::<Vec<_>>(),
    ))?;
    let wasm = fs::read(&opt).map_err(|e| format!("{}: {e}", opt.display()))?;
    Breakdown::of(&wasm)
}

/// The wasm-opt arguments trunk uses, from index.html's `data-wasm-opt` level and
/// `data-wasm-opt-params`: one place says how the shipped wasm is optimised.
fn trunk_wasm_opt_args() -> Result<Vec<String>, String> {
    let path = root().join("index.html");
    let html = fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
    wasm_opt_args(&html).ok_or_else(|| format!("{}: no data-wasm-opt level", path.display()))
}

fn wasm_opt_args(index_html: &str) -> Option<Vec<String>> {
    let attribute = |name: &str| {
        let start = index_html.find(&format!("{name}=\""))? + name.len() + 2;
        let length = index_html[start..].find('"')?;
        Some(&index_html[start..start + length])
    };
    let mut args = vec![format!("-O{}", attribute("data-wasm-opt")?)];
    if let Some(params) = attribute("data-wasm-opt-params") {
        args.extend(params.split_whitespace().map(str::to_owned));
    }
    Some(args)
}

/// "render of ui::feedback::Feedback" for a function component's body, which Yew's long name
/// hides.
fn view_name(name: &str) -> Option<String> {
    let component = name
        .strip_prefix("<supervision_widget::")?
        .split_once(" as yew::functional::FunctionProvider>::run")?
        .0;
    Some(format!("render of {component}"))
}

/// What kind of code a shipped function is, for "what ships".
fn kind_of(name: &str) -> String {
    let owner = owner_path(name);
    let krate = crate_of(name);
    // The standard library's generic code made for our closures (an iterator's fold over a
    // page's rows) is that page's code.
    let ours = |part: &str| {
        owner.starts_with(&format!("supervision_widget::{part}"))
            || (["core", "alloc"].contains(&krate.as_str())
                && name.contains(&format!("supervision_widget::{part}::")))
    };
    let kind = if name.starts_with("<supervision_widget::ui")
        && name.contains(" as yew::functional::FunctionProvider>::run")
    {
        "components' render functions (their html!, and what was inlined into them)"
    } else if name.contains("yew::functional::hooks") {
        "Yew's hooks, one copy per state type"
    } else if ["yew::html", "yew::scheduler", "yew::functional"]
        .iter()
        .any(|p| owner.starts_with(p))
    {
        "Yew's components and scheduler"
    } else if krate == "yew" {
        "Yew's virtual DOM and listeners"
    } else if ours("ui") {
        "our ui: view functions and callbacks"
    } else if ours("core") {
        "our core: JSON, storage, rules, flows"
    } else if owner.starts_with("supervision_widget") {
        "our embed: the element and storage adapter"
    } else if CRYPTO.contains(&krate.as_str()) {
        "crypto: Argon2id, XChaCha20-Poly1305, NFC"
    } else if [
        "wasm_bindgen",
        "js_sys",
        "web_sys",
        "wasm_bindgen_futures",
        "console_error_panic_hook",
    ]
    .contains(&krate.as_str())
        || krate.starts_with("gloo")
    {
        "bindings: wasm-bindgen, js-sys, web-sys, gloo"
    } else if ["core", "alloc", "std", "hashbrown", "talc", "str"].contains(&krate.as_str()) {
        "core, alloc, std, hashbrown, talc"
    } else {
        "other"
    };
    kind.to_owned()
}

/// Which of our modules a shipped function is for, to three names at most
/// (`ui::feedback::session_view`; a function's own name where the path is shorter); "not ours"
/// for the rest. Generic code counts where the innermost of our paths in its own type points:
/// an iterator's fold over a page's closure, or a hook's copy made for a caller's effect, is
/// that page's or that caller's code (a trait it implements, after " as ", does not count).
fn module_of(name: &str) -> String {
    const OURS: &str = "supervision_widget::";
    let own_type = name.split(" as ").next().unwrap_or(name);
    let Some(start) = own_type.rfind(OURS).or_else(|| name.find(OURS)) else {
        return "not ours".to_owned();
    };
    name[start + OURS.len()..]
        .split(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == ':'))
        .next()
        .unwrap_or_default()
        .split("::")
        .filter(|part| part.chars().next().is_some_and(|c| c.is_ascii_lowercase()))
        .take(3)
        .collect::<Vec<_>>()
        .join("::")
}

const CRYPTO: [&str; 12] = [
    "argon2",
    "blake2",
    "chacha20",
    "chacha20poly1305",
    "cipher",
    "poly1305",
    "universal_hash",
    "aead",
    "base64ct",
    "password_hash",
    "zeroize",
    "unicode_normalization",
];

/// The bundle's totals against the budget (`cargo xtask dist` ends with them).
pub fn print_totals() -> Result<(), String> {
    Bundle::measure()?.print();
    Ok(())
}

/// Fails when the shipped bundle is over budget, printing the breakdown so the cause is visible.
/// The size is fixed for a given build, so this is a real test, not a timing.
pub fn check_budget() -> Result<(), String> {
    let bundle = Bundle::measure()?;
    bundle.print();
    if bundle.raw <= BUDGET_RAW && bundle.gzip <= BUDGET_GZIP {
        return Ok(());
    }
    if let Ok(wasm) = fs::read(named_wasm()) {
        if let Ok(breakdown) = Breakdown::of(&wasm) {
            breakdown.print();
        }
    }
    Err(format!(
        "dist/{BUNDLE} is over its budget: {} raw (budget {}), {} gzip (budget {}). \
         Make it smaller, or raise the budget in xtask/src/size.rs in its own commit, saying why.",
        kib(bundle.raw),
        kib(BUDGET_RAW),
        kib(bundle.gzip),
        kib(BUDGET_GZIP)
    ))
}

/// The shipped bundle's totals.
struct Bundle {
    raw: usize,
    gzip: usize,
    wasm_raw: usize,
    wasm_gzip: usize,
}

impl Bundle {
    fn measure() -> Result<Self, String> {
        let path = dist_dir().join(BUNDLE);
        let bundle = fs::read(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        let shipped_wasm = shipped_wasm()?;
        Ok(Self {
            raw: bundle.len(),
            gzip: gzip(&bundle).len(),
            wasm_raw: shipped_wasm.len(),
            wasm_gzip: fs::metadata(packed_wasm_path())
                .map_err(|e| format!("{}: {e}", packed_wasm_path().display()))?
                .len() as usize,
        })
    }

    fn print(&self) {
        let base64 = self.wasm_gzip.div_ceil(3) * 4;
        println!(
            "\ndist/{BUNDLE}: {} raw, {} gzip -9",
            kib(self.raw),
            kib(self.gzip)
        );
        println!(
            "  budget: {} raw, {} gzip",
            kib(BUDGET_RAW),
            kib(BUDGET_GZIP)
        );
        println!(
            "  wasm: {} after wasm-opt, {} compressed, {} as base64 ({:.0}% of the bundle)",
            kib(self.wasm_raw),
            kib(self.wasm_gzip),
            kib(base64),
            100.0 * base64 as f64 / self.raw as f64
        );
    }
}

fn shipped_wasm() -> Result<Vec<u8>, String> {
    let path = shipped_wasm_path();
    fs::read(&path).map_err(|e| format!("{}: {e}; run cargo xtask dist", path.display()))
}

/// Code bytes per function name, and the data section.
struct Breakdown {
    functions: Vec<(String, usize)>,
    /// Each function's code, in the order of `functions`.
    bodies: Vec<Vec<u8>>,
    data: usize,
}

impl Breakdown {
    fn of(wasm: &[u8]) -> Result<Self, String> {
        let mut imported = 0u32;
        let mut bodies: Vec<Vec<u8>> = Vec::new();
        let mut names: HashMap<u32, String> = HashMap::new();
        let mut data = 0usize;
        for payload in Parser::new(0).parse_all(wasm) {
            match payload.map_err(|e| format!("reading the wasm: {e}"))? {
                Payload::ImportSection(reader) => {
                    for import in reader.into_imports() {
                        let import = import.map_err(|e| e.to_string())?;
                        if matches!(import.ty, wasmparser::TypeRef::Func(_)) {
                            imported += 1;
                        }
                    }
                }
                Payload::CodeSectionEntry(body) => {
                    let range = body.range();
                    bodies.push(wasm[range.start as usize..range.end as usize].to_vec())
                }
                Payload::DataSection(reader) => {
                    for segment in reader {
                        data += segment.map_err(|e| e.to_string())?.data.len();
                    }
                }
                Payload::CustomSection(section) => {
                    if let wasmparser::KnownCustom::Name(reader) = section.as_known() {
                        for name in reader {
                            if let Ok(Name::Function(map)) = name {
                                for naming in map.into_iter().flatten() {
                                    names.insert(naming.index, naming.name.to_owned());
                                }
                            }
                        }
                    }
                }
                _ => {}
            }
        }
        if names.is_empty() {
            return Err("the wasm has no name section; build it without strip".into());
        }
        let functions = bodies
            .iter()
            .enumerate()
            .map(|(i, body)| {
                let index = imported + i as u32;
                let name = names
                    .get(&index)
                    .map(|n| without_crate_hashes(&format!("{:#}", rustc_demangle::demangle(n))))
                    .unwrap_or_else(|| format!("function[{index}]"));
                (name, body.len())
            })
            .collect();
        Ok(Self {
            functions,
            bodies,
            data,
        })
    }

    /// Writes every function with its size to target/`name`, one a line.
    fn write_listing(&self, name: &str) -> Result<PathBuf, String> {
        let listing = root().join("target").join(name);
        let rows: String = self
            .functions
            .iter()
            .map(|(name, size)| format!("{size}\t{name}\n"))
            .collect();
        fs::write(&listing, rows).map_err(|e| format!("{}: {e}", listing.display()))?;
        Ok(listing)
    }

    fn code(&self) -> usize {
        self.functions.iter().map(|(_, size)| size).sum()
    }

    fn print(&self) {
        let code = self.code();
        println!(
            "\nThe wasm before wasm-bindgen and wasm-opt: {} of code in {} functions, {} of data",
            kib(code),
            self.functions.len(),
            kib(self.data)
        );
        print_groups("By crate", &self.grouped(crate_of), code, 14);
        let ours = self.grouped(|name| {
            let name = owner_path(name);
            let name = name.split(" as ").next().unwrap_or(name);
            name.strip_prefix("supervision_widget::")
                .map(|rest| rest.splitn(4, "::").take(3).collect::<Vec<_>>().join("::"))
                .unwrap_or_default()
        });
        let ours: Vec<_> = ours
            .into_iter()
            .filter(|(name, _)| !name.is_empty())
            .collect();
        print_groups("Our modules", &ours, code, 25);
        let mut largest = self.functions.clone();
        largest.sort_by_key(|f| std::cmp::Reverse(f.1));
        largest.truncate(20);
        print_groups("Largest functions", &largest, code, 20);
    }

    /// What each group adds to the compressed code: all of it gzipped, less all but the group
    /// gzipped. Repeats compress, so a group's bytes say less than this about what it costs.
    fn compressed_by(&self, key: impl Fn(&str) -> String) -> (usize, Vec<(String, usize)>) {
        let gzipped = |keep: &dyn Fn(&str) -> bool| {
            let code: Vec<u8> = self
                .functions
                .iter()
                .zip(&self.bodies)
                .filter(|((name, _), _)| keep(name))
                .flat_map(|(_, body)| body.iter().copied())
                .collect();
            gzip(&code).len()
        };
        let all = gzipped(&|_| true);
        let mut groups: Vec<_> = self
            .grouped(&key)
            .into_iter()
            .map(|(group, _)| {
                let without = gzipped(&|name| key(name) != group);
                (group, all.saturating_sub(without))
            })
            .collect();
        groups.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        (all, groups)
    }

    fn grouped(&self, key: impl Fn(&str) -> String) -> Vec<(String, usize)> {
        let mut groups: HashMap<String, usize> = HashMap::new();
        for (name, size) in &self.functions {
            *groups.entry(key(name)).or_default() += size;
        }
        let mut groups: Vec<_> = groups.into_iter().collect();
        groups.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        groups
    }
}

fn print_groups(title: &str, groups: &[(String, usize)], total: usize, limit: usize) {
    println!("\n{title}:");
    for (name, size) in groups.iter().take(limit) {
        let mut name = name.clone();
        if name.len() > 90 {
            name.truncate(87);
            name.push_str("...");
        }
        println!(
            "  {:>10} {:>5.1}%  {name}",
            kib(*size),
            100.0 * *size as f64 / total as f64
        );
    }
}

/// `name` without the `[0123456789abcdef]` crate hashes wasm-bindgen's name section keeps.
fn without_crate_hashes(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    let mut rest = name;
    while let Some(at) = rest.find('[') {
        let hash = rest.get(at + 1..at + 17);
        let is_hash = hash.is_some_and(|h| h.bytes().all(|b| b.is_ascii_hexdigit()))
            && rest.as_bytes().get(at + 17) == Some(&b']');
        let end = if is_hash { at + 18 } else { at + 1 };
        out.push_str(&rest[..at]);
        if !is_hash {
            out.push('[');
        }
        rest = &rest[end..];
    }
    out.push_str(rest);
    out
}

/// The path that owns a demangled function: for `<T as Trait>::f`, T's; otherwise the name.
fn owner_path(name: &str) -> &str {
    name.trim_start_matches(['<', '&', '*', '(', '['])
        .trim_start_matches("mut ")
        .trim_start_matches("const ")
        .trim_start_matches("dyn ")
}

/// The crate a function comes from: the first segment of its owner's path.
fn crate_of(name: &str) -> String {
    let owner = owner_path(name);
    let end = owner
        .find(|c: char| !(c.is_alphanumeric() || c == '_'))
        .unwrap_or(owner.len());
    match &owner[..end] {
        "" => name.chars().take(30).collect(),
        first => first.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn crate_hashes_go_and_slices_stay() {
        assert_eq!(
            super::without_crate_hashes("<yew[7c241469726b4300]::Html as [u8; 4]>::view"),
            "<yew::Html as [u8; 4]>::view"
        );
    }

    use super::*;

    #[test]
    fn code_that_repeats_other_code_adds_little_once_compressed() {
        // Distinct bytes for one function; the same bytes again for another.
        let mut state = 0x2545_f491_u32;
        let distinct: Vec<u8> = (0..4000)
            .map(|_| {
                state ^= state << 13;
                state ^= state >> 17;
                state ^= state << 5;
                state as u8
            })
            .collect();
        let breakdown = Breakdown {
            functions: vec![
                ("page::a".into(), distinct.len()),
                ("copy::b".into(), distinct.len()),
            ],
            bodies: vec![distinct.clone(), distinct],
            data: 0,
        };
        let group = |name: &str| name.split("::").next().unwrap_or_default().to_owned();
        let (all, groups) = breakdown.compressed_by(group);
        // Either copy alone costs about all of it; each adds only a little to the other.
        assert!(all > 3000, "distinct bytes compress little: {all}");
        assert_eq!(groups.len(), 2);
        for (name, adds) in &groups {
            assert!(*adds < 200, "{name} adds {adds} of {all}");
        }
    }

    #[test]
    fn the_size_breakdown_optimises_as_trunk_does() {
        let link = r#"<link data-trunk rel="rust" data-wasm-opt="z" data-wasm-opt-params="--converge  -ocimfs=10" />"#;
        assert_eq!(
            wasm_opt_args(link).unwrap(),
            ["-Oz", "--converge", "-ocimfs=10"]
        );
        assert_eq!(
            wasm_opt_args(r#"<link data-wasm-opt="s" />"#).unwrap(),
            ["-Os"]
        );
        assert_eq!(wasm_opt_args("<link />"), None);
        // The project's own page says how the shipped wasm is made.
        let ours = trunk_wasm_opt_args().unwrap();
        assert_eq!(ours[0], "-Oz");
    }

    #[test]
    fn generic_code_counts_in_the_module_it_was_made_for() {
        assert_eq!(
            module_of("<alloc::vec::Vec<supervision_widget::core::feedback::model::Session> as core::clone::Clone>::clone"),
            "core::feedback::model"
        );
        assert_eq!(
            module_of("supervision_widget::ui::feedback::session_view::session_view"),
            "ui::feedback::session_view"
        );
        assert_eq!(
            module_of("<supervision_widget::ui::effect::use_effect_when<u32, supervision_widget::ui::persist::use_reload::inner_fn::{closure#0}>::{closure#0} as core::ops::function::FnOnce<(&dyn core::any::Any,)>>::call_once"),
            "ui::persist::use_reload",
            "an effect's body is its caller's"
        );
        assert_eq!(
            module_of("<core::iter::adapters::map::Map<core::slice::iter::Iter<supervision_widget::core::quiz::content::Choice>, supervision_widget::ui::quiz::answer_inputs::answer_inputs::{closure#6}> as core::iter::traits::iterator::Iterator>::fold"),
            "ui::quiz::answer_inputs"
        );
        assert_eq!(
            module_of("<supervision_widget::core::quiz::content::Reference as supervision_widget::core::json::read::FromJson>::from_json"),
            "core::quiz::content"
        );
        assert_eq!(
            module_of("<yew::virtual_dom::vlist::VList>::reconcile"),
            "not ours"
        );
    }

    #[test]
    fn a_function_belongs_to_the_crate_of_its_owner() {
        assert_eq!(crate_of("serde_json::de::from_str"), "serde_json");
        assert_eq!(
            crate_of("<alloc::vec::Vec<T> as core::clone::Clone>::clone"),
            "alloc"
        );
        assert_eq!(
            crate_of("<&mut serde_json::Serializer<W>>::x"),
            "serde_json"
        );
        assert_eq!(crate_of("dlmalloc::Dlmalloc::malloc"), "dlmalloc");
    }
}
