//! JSON in and out, in one place: every stored record, export file and host question set goes
//! through here.
//!
//! Types derive nanoserde's `DeJson` / `SerJson` (small, not generic over formats). nanoserde
//! trusts its input to be JSON: on some malformed text it can panic or loop. So nothing reaches it
//! before [`is_json`] has checked the text against the JSON grammar (RFC 8259), without
//! recursion, so deep nesting cannot exhaust the stack. The tests check `is_json` against
//! serde_json.

use std::str::Chars;

pub use nanoserde::{DeJson, DeJsonErr, DeJsonState, DeJsonTok, SerJson, SerJsonState};

/// Why a text could not be read as a `T`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ParseError {
    /// Not JSON at all.
    NotJson,
    /// JSON, but not the expected shape; says where, for authors of question sets.
    WrongShape(String),
}

impl std::fmt::Display for ParseError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ParseError::NotJson => f.write_str("it is not JSON"),
            ParseError::WrongShape(problem) => f.write_str(problem),
        }
    }
}

/// Reads a `T` from JSON text.
pub fn parse<T: DeJson>(text: &str) -> Result<T, ParseError> {
    if !is_json(text) {
        return Err(ParseError::NotJson);
    }
    parse_checked(text).map_err(ParseError::WrongShape)
}

/// Reads a `T` from text that [`is_json`] has already accepted (a stored record read in
/// several passes is checked once). Only ever for such text: on malformed input nanoserde may
/// panic or loop.
pub fn parse_checked<T: DeJson>(text: &str) -> Result<T, String> {
    T::deserialize_json(text).map_err(describe)
}

/// Where and why the text did not fit (one body for every type read). The reason is put in
/// words here rather than by its `Debug`, which would print a number token with float
/// formatting and so add its tables to the bundle.
fn describe(error: DeJsonErr) -> String {
    use nanoserde::DeJsonErrReason as Reason;
    let reason = match error.msg {
        Reason::MissingKey(name) => format!("\"{name}\" is missing"),
        Reason::UnexpectedToken(_, expected) => format!("expected {expected}"),
        Reason::NoSuchEnum(name) => format!("\"{name}\" is not one of the values allowed"),
        Reason::OutOfRange(value) => format!("{value} is out of range"),
        Reason::CannotParse(problem) => problem,
        _ => "the value does not fit".to_owned(),
    };
    format!(
        "{reason} (line {}, column {})",
        error.line + 1,
        error.col + 1
    )
}

/// The text of the value of member `name` of the object `text` (which [`is_json`] accepted),
/// exactly as written: how a migration receives older data untouched.
pub fn member_text<'a>(text: &'a str, name: &str) -> Option<&'a str> {
    let bytes = text.as_bytes();
    let mut at = 0;
    skip_space(bytes, &mut at);
    if bytes.get(at) != Some(&b'{') {
        return None;
    }
    at += 1;
    loop {
        skip_space(bytes, &mut at);
        let key_start = at;
        if !key(bytes, &mut at) {
            return None;
        }
        let key_text = text[key_start..at].trim_end_matches(':').trim_end();
        skip_space(bytes, &mut at);
        let value_start = at;
        if !value(bytes, &mut at) {
            return None;
        }
        if key_text.strip_prefix('"')?.strip_suffix('"')? == name {
            return Some(&text[value_start..at]);
        }
        skip_space(bytes, &mut at);
        match bytes.get(at) {
            Some(b',') => at += 1,
            _ => return None,
        }
    }
}

/// Writes a value as compact JSON.
pub fn to_string<T: SerJson + ?Sized>(value: &T) -> String {
    value.serialize_json()
}

/// A string as a JSON string literal.
pub fn quote(text: &str) -> String {
    text.serialize_json()
}

/// Reads an enum as serde writes one: a variant without data as its name (`unit`), a variant
/// with data as `{"name": value}` (`with_data` reads the value). Either returns `None` for a
/// name it does not know.
pub fn read_variant<T>(
    s: &mut DeJsonState,
    i: &mut Chars,
    unit: impl FnOnce(&str) -> Option<T>,
    with_data: impl FnOnce(&str, &mut DeJsonState, &mut Chars) -> Option<Result<T, DeJsonErr>>,
) -> Result<T, DeJsonErr> {
    match s.tok {
        DeJsonTok::Str => {
            let name = s.as_string()?;
            let value = unit(&name).ok_or_else(|| s.err_enum(&name))?;
            s.next_tok(i)?;
            Ok(value)
        }
        DeJsonTok::CurlyOpen => {
            s.curly_open(i)?;
            let name = s.as_string()?;
            s.next_colon(i)?;
            let value = with_data(&name, s, i).ok_or_else(|| s.err_enum(&name))??;
            s.curly_close(i)?;
            Ok(value)
        }
        _ => Err(s.err_token("a variant")),
    }
}

/// Writes a variant with data as serde does: `{"name":value}`.
pub fn write_variant(s: &mut SerJsonState, name: &str, value: &(impl SerJson + ?Sized)) {
    s.out.push('{');
    s.label(name);
    s.out.push(':');
    value.ser_json(0, s);
    s.out.push('}');
}

/// Whether `text` is exactly one JSON value (with whitespace around it allowed).
pub fn is_json(text: &str) -> bool {
    let bytes = text.as_bytes();
    let mut at = 0;
    if !value(bytes, &mut at) {
        return false;
    }
    skip_space(bytes, &mut at);
    at == bytes.len()
}

/// Moves `at` past one JSON value and the whitespace before it; false if there is none there.
/// Containers are tracked on a stack, not by recursion.
fn value(bytes: &[u8], at: &mut usize) -> bool {
    // The containers open around the current position: b'{' or b'['.
    let mut open: Vec<u8> = Vec::new();
    loop {
        // A value starts here.
        skip_space(bytes, at);
        match bytes.get(*at) {
            Some(b'{') => {
                *at += 1;
                skip_space(bytes, at);
                if bytes.get(*at) == Some(&b'}') {
                    *at += 1;
                } else {
                    open.push(b'{');
                    if !key(bytes, at) {
                        return false;
                    }
                    continue;
                }
            }
            Some(b'[') => {
                *at += 1;
                skip_space(bytes, at);
                if bytes.get(*at) == Some(&b']') {
                    *at += 1;
                } else {
                    open.push(b'[');
                    continue;
                }
            }
            Some(b'"') => {
                if !string(bytes, at) {
                    return false;
                }
            }
            Some(b't') => {
                if !literal(bytes, at, b"true") {
                    return false;
                }
            }
            Some(b'f') => {
                if !literal(bytes, at, b"false") {
                    return false;
                }
            }
            Some(b'n') => {
                if !literal(bytes, at, b"null") {
                    return false;
                }
            }
            Some(b'-' | b'0'..=b'9') => {
                if !number(bytes, at) {
                    return false;
                }
            }
            _ => return false,
        }
        // A value ended here: close containers, or go on to the next member.
        loop {
            let Some(&container) = open.last() else {
                return true;
            };
            skip_space(bytes, at);
            match (container, bytes.get(*at)) {
                (_, Some(b',')) => {
                    *at += 1;
                    if container == b'{' && !key(bytes, at) {
                        return false;
                    }
                    break;
                }
                (b'{', Some(b'}')) | (b'[', Some(b']')) => {
                    *at += 1;
                    open.pop();
                }
                _ => return false,
            }
        }
    }
}

fn skip_space(bytes: &[u8], at: &mut usize) {
    while matches!(bytes.get(*at), Some(b' ' | b'\t' | b'\n' | b'\r')) {
        *at += 1;
    }
}

/// An object member's name and its colon.
fn key(bytes: &[u8], at: &mut usize) -> bool {
    skip_space(bytes, at);
    if bytes.get(*at) != Some(&b'"') || !string(bytes, at) {
        return false;
    }
    skip_space(bytes, at);
    if bytes.get(*at) != Some(&b':') {
        return false;
    }
    *at += 1;
    true
}

fn string(bytes: &[u8], at: &mut usize) -> bool {
    *at += 1;
    loop {
        match bytes.get(*at) {
            Some(b'"') => {
                *at += 1;
                return true;
            }
            Some(b'\\') => {
                *at += 1;
                match bytes.get(*at) {
                    Some(b'"' | b'\\' | b'/' | b'b' | b'f' | b'n' | b'r' | b't') => *at += 1,
                    Some(b'u') => {
                        let hex = bytes.get(*at + 1..*at + 5);
                        if !hex.is_some_and(|h| h.iter().all(u8::is_ascii_hexdigit)) {
                            return false;
                        }
                        *at += 5;
                    }
                    _ => return false,
                }
            }
            // Control characters must be escaped; the end of the text ends nothing.
            Some(0..=0x1f) | None => return false,
            Some(_) => *at += 1,
        }
    }
}

fn literal(bytes: &[u8], at: &mut usize, word: &[u8]) -> bool {
    if bytes.get(*at..*at + word.len()) == Some(word) {
        *at += word.len();
        true
    } else {
        false
    }
}

fn number(bytes: &[u8], at: &mut usize) -> bool {
    let digits = |at: &mut usize| {
        let start = *at;
        while bytes.get(*at).is_some_and(u8::is_ascii_digit) {
            *at += 1;
        }
        *at > start
    };
    if bytes.get(*at) == Some(&b'-') {
        *at += 1;
    }
    match bytes.get(*at) {
        Some(b'0') => *at += 1,
        Some(b'1'..=b'9') => {
            digits(at);
        }
        _ => return false,
    }
    if bytes.get(*at) == Some(&b'.') {
        *at += 1;
        if !digits(at) {
            return false;
        }
    }
    if matches!(bytes.get(*at), Some(b'e' | b'E')) {
        *at += 1;
        if matches!(bytes.get(*at), Some(b'+' | b'-')) {
            *at += 1;
        }
        if !digits(at) {
            return false;
        }
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    fn serde_says(text: &str) -> bool {
        serde_json::from_str::<serde_json::Value>(text).is_ok()
    }

    #[test]
    fn json_is_recognised_and_everything_else_is_not() {
        for yes in [
            "0",
            "-0.5e+3",
            " {\"a\" : [1, 2.5, true, false, null, \"x\\u00e9\\n\"], \"b\": {}} ",
            "[]",
            "[[[]]]",
            "\"\\ud83d\\ude00\"",
            "\"caf\u{e9}\"",
        ] {
            assert!(is_json(yes), "{yes}");
            assert!(serde_says(yes), "{yes}");
        }
        for no in [
            "",
            " ",
            "{",
            "}",
            "[1,]",
            "{\"a\":1,}",
            "{\"a\"}",
            "{a:1}",
            "01",
            "1.",
            ".5",
            "1e",
            "-",
            "+1",
            "tru",
            "nul",
            "\"\\x\"",
            "\"a",
            "\"\t\"",
            "[1 2]",
            "{} {}",
            "1 2",
            "[1}",
            "{\"a\":1]",
            "// c\n1",
            "'a'",
            "NaN",
            "\"\\u12\"",
            "\u{0}",
        ] {
            assert!(!is_json(no), "{no:?}");
            assert!(!serde_says(no), "{no:?}");
        }
    }

    #[test]
    fn a_members_text_is_found_exactly_as_written() {
        let text = r#" { "a" : [1, {"data": 2}], "data" :  {"x": [ true ]} , "z": 0 } "#;
        assert_eq!(member_text(text, "data"), Some(r#"{"x": [ true ]}"#));
        assert_eq!(member_text(text, "a"), Some(r#"[1, {"data": 2}]"#));
        assert_eq!(member_text(text, "missing"), None);
        assert_eq!(member_text("[1]", "data"), None);
    }

    #[test]
    fn deep_nesting_is_checked_without_recursion() {
        let deep = "[".repeat(100_000) + &"]".repeat(100_000);
        assert!(is_json(&deep));
        assert!(!is_json(&deep[1..]));
    }

    // Property tests run natively (proptest is not built for wasm32).
    #[cfg(not(target_arch = "wasm32"))]
    proptest::proptest! {
        /// Mixtures of JSON's own characters: agrees with serde_json on every one.
        #[test]
        fn agrees_with_serde_json(text in "[ \\[\\]{}:,\"a0-9.eE+\\-tfnulrs\\\\]{0,24}") {
            proptest::prop_assert_eq!(is_json(&text), serde_says(&text), "{:?}", text);
        }

        /// Valid documents with one byte cut off or changed: agrees with serde_json.
        #[test]
        fn agrees_with_serde_json_on_damaged_documents(cut in 0usize..60, byte in 0u8..128) {
            let doc = r#"{"version":2,"rev":7,"data":[{"id":"a","r":[1,null,3.5e2],"ok":true}]}"#;
            let mut bytes = doc.as_bytes().to_vec();
            let at = cut % bytes.len();
            bytes[at] = byte;
            if let Ok(text) = String::from_utf8(bytes) {
                proptest::prop_assert_eq!(is_json(&text), serde_says(&text), "{:?}", text);
            }
            proptest::prop_assert_eq!(is_json(&doc[..at]), serde_says(&doc[..at]));
        }
    }

    #[derive(Debug, PartialEq, DeJson, SerJson)]
    struct Sample {
        name: String,
        #[nserde(default)]
        count: u32,
        note: Option<String>,
    }

    #[test]
    fn a_missing_default_is_filled_an_absent_option_is_none_and_none_is_not_written() {
        let read: Sample = parse(r#"{"name":"a","extra":[1,{"x":null}]}"#).unwrap();
        assert_eq!(
            read,
            Sample {
                name: "a".into(),
                count: 0,
                note: None
            }
        );
        assert_eq!(to_string(&read), r#"{"name":"a","count":0}"#);
        assert_eq!(parse::<Sample>("{"), Err(ParseError::NotJson));
        assert_eq!(
            parse::<Sample>("{\n\"count\": 1}"),
            Err(ParseError::WrongShape(
                "\"name\" is missing (line 2, column 12)".into()
            ))
        );
        assert_eq!(quote("a\"b\n"), r#""a\"b\n""#);
    }
}
