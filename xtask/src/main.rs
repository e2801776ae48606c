//! Every build command of the project: `cargo xtask <command>` (alias in .cargo/config.toml).
//!
//! Each command is its own module; external tools run directly, never through a shell.

mod bench;
mod demo;
mod dist;
mod imports;
mod setup;
mod size;
mod spfx;
mod test;
mod tools;

use std::process::ExitCode;

const HELP: &str = "\
cargo xtask <command>

Commands:
  setup            install whatever is missing: wasm32 target, trunk, wasm-bindgen CLI,
                   wasm-opt (npm binaryen), the test browsers, the npm packages, Node 22
                   and the SPFx project's packages
  dist             build dist/supervision-widget.js, dist/supervision-widget.html (offline page)
                   and dist/embed-example.html, and print their sizes
  spfx             build dist/ and the SharePoint web part package dist/supervision-widget.sppkg
                   (the same bundle, wrapped by the SPFx project in spfx/)
  size             build dist/, then show where the bundle's bytes are (by crate, by our
                   modules, largest functions; and what ships after wasm-opt, by kind of
                   code) against the size budget
  demo [--port N]  build, then serve the demo page on http://127.0.0.1:8080 (or port N)
  test             fmt, clippy (native and wasm32), unit tests, browser tests, end-to-end tests
  bench            timings (ready, feedback at 1,000 sessions, unlock) and the task-cost report (headless Chromium)

Every command runs `setup` first.
";

/// A command line, declared once.
enum Command {
    Setup,
    Dist,
    Spfx,
    Size,
    Demo { port: u16 },
    Test,
    Bench,
    Help,
}

fn parse(args: &[String]) -> Result<Command, String> {
    let (name, rest) = match args.split_first() {
        Some((name, rest)) => (name.as_str(), rest),
        None => return Ok(Command::Help),
    };
    let no_flags = |command: Command| {
        if rest.is_empty() {
            Ok(command)
        } else {
            Err(format!("`{name}` takes no arguments, got {rest:?}"))
        }
    };
    match name {
        "setup" => no_flags(Command::Setup),
        "dist" => no_flags(Command::Dist),
        "spfx" => no_flags(Command::Spfx),
        "size" => no_flags(Command::Size),
        "test" => no_flags(Command::Test),
        "bench" => no_flags(Command::Bench),
        "help" | "--help" | "-h" => Ok(Command::Help),
        "demo" => match rest {
            [] => Ok(Command::Demo { port: 8080 }),
            [flag, port] if flag == "--port" => port
                .parse()
                .map(|port| Command::Demo { port })
                .map_err(|_| format!("--port needs a number, got {port:?}")),
            _ => Err(format!("usage: cargo xtask demo [--port N], got {rest:?}")),
        },
        other => Err(format!("unknown command `{other}`")),
    }
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let command = match parse(&args) {
        Ok(command) => command,
        Err(message) => {
            eprintln!("error: {message}\n\n{HELP}");
            return ExitCode::FAILURE;
        }
    };
    let result = match command {
        Command::Help => {
            print!("{HELP}");
            Ok(())
        }
        Command::Setup => setup::run(),
        Command::Dist => setup::run().and_then(|()| dist::run()),
        Command::Spfx => setup::run()
            .and_then(|()| dist::run())
            .and_then(|()| spfx::run()),
        Command::Size => setup::run()
            .and_then(|()| dist::run())
            .and_then(|()| size::run()),
        Command::Demo { port } => setup::run()
            .and_then(|()| dist::run())
            .and_then(|()| demo::run(port)),
        Command::Test => setup::run().and_then(|()| test::run()),
        Command::Bench => setup::run()
            .and_then(|()| dist::run())
            .and_then(|()| bench::run()),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("\nerror: {message}");
            ExitCode::FAILURE
        }
    }
}
