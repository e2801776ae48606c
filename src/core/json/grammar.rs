//! The JSON grammar (RFC 8259), checked without building anything: whether a text is JSON,
//! and the exact text of an object member.

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

pub(super) fn skip_space(bytes: &[u8], at: &mut usize) {
    while matches!(bytes.get(*at), Some(b' ' | b'\t' | b'\n' | b'\r')) {
        *at += 1;
    }
}

/// An object member's name and its colon.
fn key(bytes: &[u8], at: &mut usize) -> bool {
    skip_space(bytes, at);
    bytes.get(*at) == Some(&b'"') && string(bytes, at) && key_end(bytes, at)
}

/// The colon after a member's name.
pub(super) fn key_end(bytes: &[u8], at: &mut usize) -> bool {
    skip_space(bytes, at);
    if bytes.get(*at) != Some(&b':') {
        return false;
    }
    *at += 1;
    true
}

pub(super) fn string(bytes: &[u8], at: &mut usize) -> bool {
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

pub(super) fn literal(bytes: &[u8], at: &mut usize, word: &[u8]) -> bool {
    if bytes.get(*at..*at + word.len()) == Some(word) {
        *at += word.len();
        true
    } else {
        false
    }
}

pub(super) fn number(bytes: &[u8], at: &mut usize) -> bool {
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
}
