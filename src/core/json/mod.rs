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

#[cfg(test)]
mod tests {
    use super::*;

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
