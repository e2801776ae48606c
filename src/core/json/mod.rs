//! JSON in and out, in one place: every stored record, export file and host question set goes
//! through here.
//!
//! - Reading ([`read`]): the text is parsed into a tree of values by one parser, which checks
//!   the JSON grammar (RFC 8259) without recursion, so deep nesting cannot exhaust the stack;
//!   each type then reads itself from the tree ([`FromJson`]).
//! - Writing: types derive nanoserde's `SerJson` (small, not generic over formats).
//! - [`grammar`]: whether a text is JSON, and a member's exact text, without building a tree.
//!
//! The tests check the parser and the grammar against serde_json.

mod grammar;
mod read;

pub use grammar::{is_json, member_text};
pub use nanoserde::{SerJson, SerJsonState};
pub use read::{named, not_allowed, tree, variant_data, FromJson, Members, Shape, Value};

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
pub fn parse<T: FromJson>(text: &str) -> Result<T, ParseError> {
    let value = tree(text).ok_or(ParseError::NotJson)?;
    T::from_json(&value).map_err(|e| ParseError::WrongShape(e.to_string()))
}

/// Writes a value as compact JSON.
pub fn to_string<T: SerJson + ?Sized>(value: &T) -> String {
    value.serialize_json()
}

/// A string as a JSON string literal.
pub fn quote(text: &str) -> String {
    text.serialize_json()
}

/// Writes a variant with data as serde does: `{"name":value}`.
pub fn write_variant(s: &mut SerJsonState, name: &str, value: &(impl SerJson + ?Sized)) {
    s.out.push('{');
    s.label(name);
    s.out.push(':');
    value.ser_json(0, s);
    s.out.push('}');
}

/// A number as nanoserde writes a float (`2.0`, `12.5`), to 12 decimal places at most, with
/// integer arithmetic: float formatting (shortest round trip) is 14.5 KB of wasm for the two
/// scores a quiz result keeps (issue 26). Their parts are halves, thirds and the like, so 12
/// places keep every score to within 1e-12 of itself. Fields use it as
/// `#[nserde(proxy = "crate::core::json::Number")]`.
pub struct Number(f64);

impl From<&f64> for Number {
    fn from(value: &f64) -> Self {
        Number(*value)
    }
}

impl SerJson for Number {
    fn ser_json(&self, _d: usize, s: &mut SerJsonState) {
        const PLACES: u64 = 1_000_000_000_000;
        // A score is never negative, not a number, or past a few hundred; were one to be, it
        // is written as the nearest number this can write, never as text that is not JSON.
        let scaled = (self.0.max(0.0) * PLACES as f64)
            .round()
            .min(u64::MAX as f64) as u64;
        let (whole, part) = (scaled / PLACES, scaled % PLACES);
        s.out.push_str(&whole.to_string());
        s.out.push('.');
        let digits = format!("{part:012}");
        let kept = digits.trim_end_matches('0');
        s.out.push_str(if kept.is_empty() { "0" } else { kept });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scores_are_written_as_before_to_twelve_places_without_float_formatting() {
        let written = |value: f64| {
            let mut s = SerJsonState::new(String::new());
            Number(value).ser_json(0, &mut s);
            s.out
        };
        // Whole and half scores exactly as nanoserde wrote them (and the golden fixtures hold).
        for value in [0.0, 2.0, 12.5, 16.0, 0.25, 250.5, 1000.0] {
            assert_eq!(written(value), format!("{value:?}"), "{value}");
        }
        // Thirds and the like to 12 places: the same score, read back, to within 1e-12.
        for value in [1.0 / 3.0, 2.0 / 3.0 + 1.0, 0.1 + 0.2, 4.0 / 7.0] {
            let back: f64 = written(value).parse().unwrap();
            assert!(
                (back - value).abs() < 1e-12,
                "{value} as {}",
                written(value)
            );
        }
        assert_eq!(written(1.0 / 3.0), "0.333333333333");
        // Never text that is not a number.
        for value in [f64::NAN, -1.0, f64::INFINITY] {
            assert!(written(value).parse::<f64>().is_ok(), "{value}");
        }
    }

    #[derive(Debug, PartialEq, SerJson)]
    struct Sample {
        name: String,
        count: u32,
        note: Option<String>,
    }

    impl FromJson for Sample {
        fn from_json(value: &Value) -> Result<Self, Shape> {
            let members = value.members()?;
            Ok(Sample {
                name: members.get("name")?,
                count: members.get_or_default("count")?,
                note: members.get("note")?,
            })
        }
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
            Err(ParseError::WrongShape("\"name\" is missing".into()))
        );
        assert_eq!(
            parse::<Sample>("{\"name\": \"a\", \"note\": 1}"),
            Err(ParseError::WrongShape("expected text (at note)".into()))
        );
        assert_eq!(quote("a\"b\n"), r#""a\"b\n""#);
    }
}
