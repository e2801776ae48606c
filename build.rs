//! The built-in quiz files go into the bundle without the whitespace between their tokens
//! (the quiz is read with the same code as a host page's set, so it stays JSON): authors keep
//! them indented, the widget carries them compact. Strings are copied as they are. The content
//! tests parse the compact copies.

use std::env;
use std::fs;
use std::path::Path;

const CONTENT: [&str; 2] = ["quiz/en.json", "quiz/cy.json"];

fn main() {
    let out = env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    for file in CONTENT {
        let source = Path::new("content").join(file);
        println!("cargo:rerun-if-changed={}", source.display());
        let json =
            fs::read_to_string(&source).unwrap_or_else(|e| panic!("{}: {e}", source.display()));
        let target = Path::new(&out).join(file.replace('/', "-"));
        fs::write(&target, compact(&json)).unwrap_or_else(|e| panic!("{}: {e}", target.display()));
    }
}

/// JSON without whitespace outside its strings.
fn compact(json: &str) -> String {
    let mut out = String::with_capacity(json.len());
    let (mut in_string, mut escaped) = (false, false);
    for c in json.chars() {
        if in_string {
            out.push(c);
            if escaped {
                escaped = false;
            } else if c == '\\' {
                escaped = true;
            } else if c == '"' {
                in_string = false;
            }
        } else if c == '"' {
            in_string = true;
            out.push(c);
        } else if !c.is_whitespace() {
            out.push(c);
        }
    }
    out
}
