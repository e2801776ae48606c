//! Reading JSON: the text becomes a tree of [`Value`]s (one parser, not generic), and each type
//! reads itself from its part of the tree with [`FromJson`], a few lines a type.
//!
//! Why not a derive: nanoserde's derived readers gave every type its own copy of a tokenizer's
//! state machine, 79 KiB of the bundle's wasm (a seventh of its code). Here the per-type code is
//! a list of member lookups, and where a value does not fit, the error names the path to it
//! (`"id" is missing (at questions[3].options[1])`), which serves an author of a question set
//! better than a line and column.

use crate::core::sorted::{SortedMap, SortedSet};
use std::borrow::Cow;
use std::fmt;

use super::grammar::{key_end, literal, number, skip_space, string};

/// A JSON value. Numbers keep their text, so each is read as the type asked for; strings
/// without escapes borrow from the text.
#[derive(Clone, Debug, PartialEq)]
pub enum Value<'a> {
    Null,
    Bool(bool),
    Number(&'a str),
    String(Cow<'a, str>),
    Array(Vec<Value<'a>>),
    /// The members in the order written.
    Object(Vec<(Cow<'a, str>, Value<'a>)>),
}

/// A container being filled, on the parser's stack.
enum Open<'a> {
    Array(Vec<Value<'a>>),
    /// The members so far, and the name of the one whose value comes next.
    Object(Vec<(Cow<'a, str>, Value<'a>)>, Cow<'a, str>),
}

/// The deepest nesting of arrays and objects read. Nothing the widget reads nests past a
/// handful; the limit keeps the recursive parts of a tree (dropping it, comparing it) well
/// within the stack.
pub const MAX_DEPTH: usize = 128;

/// The tree of `text`, if it is exactly one JSON value (RFC 8259; whitespace around it
/// allowed) nested at most [`MAX_DEPTH`] deep. The parser tracks containers on a stack of its
/// own, not by recursion.
pub fn tree(text: &str) -> Option<Value<'_>> {
    let bytes = text.as_bytes();
    let mut at = 0;
    let mut open: Vec<Open> = Vec::new();
    loop {
        // A value starts here.
        skip_space(bytes, &mut at);
        let start = at;
        let mut done = match bytes.get(at) {
            Some(b'{' | b'[') if open.len() < MAX_DEPTH => {
                let object = bytes[at] == b'{';
                at += 1;
                skip_space(bytes, &mut at);
                if bytes.get(at) == Some(if object { &b'}' } else { &b']' }) {
                    at += 1;
                    if object {
                        Value::Object(Vec::new())
                    } else {
                        Value::Array(Vec::new())
                    }
                } else {
                    open.push(if object {
                        Open::Object(Vec::new(), member_name(text, &mut at)?)
                    } else {
                        Open::Array(Vec::new())
                    });
                    continue;
                }
            }
            Some(b'"') => Value::String(string_value(text, &mut at)?),
            Some(b't') if literal(bytes, &mut at, b"true") => Value::Bool(true),
            Some(b'f') if literal(bytes, &mut at, b"false") => Value::Bool(false),
            Some(b'n') if literal(bytes, &mut at, b"null") => Value::Null,
            Some(b'-' | b'0'..=b'9') if number(bytes, &mut at) => Value::Number(&text[start..at]),
            _ => return None,
        };
        // A value ended here: put it in its container, and close the containers that end too.
        loop {
            let Some(container) = open.last_mut() else {
                skip_space(bytes, &mut at);
                return (at == bytes.len()).then_some(done);
            };
            match container {
                Open::Array(items) => items.push(done),
                Open::Object(members, name) => members.push((std::mem::take(name), done)),
            }
            skip_space(bytes, &mut at);
            let closer = match container {
                Open::Array(_) => b']',
                Open::Object(..) => b'}',
            };
            match bytes.get(at) {
                Some(b',') => {
                    at += 1;
                    if let Open::Object(_, name) = container {
                        *name = member_name(text, &mut at)?;
                    }
                    break;
                }
                Some(&byte) if byte == closer => {
                    at += 1;
                    done = match open.pop()? {
                        Open::Array(items) => Value::Array(items),
                        Open::Object(members, _) => Value::Object(members),
                    };
                }
                _ => return None,
            }
        }
    }
}

/// An object member's name, past its colon.
fn member_name<'a>(text: &'a str, at: &mut usize) -> Option<Cow<'a, str>> {
    skip_space(text.as_bytes(), at);
    let start = *at;
    if text.as_bytes().get(start) != Some(&b'"') {
        return None;
    }
    let name = string_value(text, at)?;
    key_end(text.as_bytes(), at).then_some(name)
}

/// The string starting at `at` (a `"`), unescaped; `at` moves past it.
fn string_value<'a>(text: &'a str, at: &mut usize) -> Option<Cow<'a, str>> {
    let start = *at;
    if !string(text.as_bytes(), at) {
        return None;
    }
    Some(unescape(&text[start + 1..*at - 1]))
}

/// The text of a string between its quotes (which [`string`] accepted), with its escapes
/// replaced. A lone surrogate, which no Rust string can hold, becomes U+FFFD.
fn unescape(raw: &str) -> Cow<'_, str> {
    if !raw.contains('\\') {
        return Cow::Borrowed(raw);
    }
    let mut out = String::with_capacity(raw.len());
    let mut rest = raw;
    while let Some(slash) = rest.find('\\') {
        out.push_str(&rest[..slash]);
        let escape = rest.as_bytes()[slash + 1];
        rest = &rest[slash + 2..];
        out.push(match escape {
            b'b' => '\u{8}',
            b'f' => '\u{c}',
            b'n' => '\n',
            b'r' => '\r',
            b't' => '\t',
            b'u' => {
                let unit = hex4(&mut rest);
                let low = rest
                    .strip_prefix("\\u")
                    .map(|mut after| (hex4(&mut after), after));
                match (unit, low) {
                    (0xD800..=0xDBFF, Some((low @ 0xDC00..=0xDFFF, after))) => {
                        rest = after;
                        char::from_u32(0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00))
                    }
                    _ => char::from_u32(unit),
                }
                .unwrap_or('\u{FFFD}')
            }
            // `"`, `\` and `/` stand for themselves.
            other => char::from(other),
        });
    }
    out.push_str(rest);
    Cow::Owned(out)
}

/// The four hex digits at the start of `text` (which [`string`] checked), consumed.
fn hex4(text: &mut &str) -> u32 {
    let value = text
        .get(..4)
        .and_then(|digits| u32::from_str_radix(digits, 16).ok())
        .unwrap_or(0xFFFD);
    *text = text.get(4..).unwrap_or("");
    value
}

/// Why a value does not fit the type it is read as, and where it is. Boxed, so that every
/// `Result` carrying one stays small.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Shape(Box<ShapeDetail>);

#[derive(Clone, Debug, PartialEq, Eq)]
struct ShapeDetail {
    reason: String,
    /// The path to the value, innermost first: member names, and `[i]` for array items.
    path: Vec<String>,
}

// The constructors are kept out of line: they are called from every type's reader, and only
// when a value does not fit.
impl Shape {
    #[inline(never)]
    pub fn new(reason: String) -> Shape {
        Shape(Box::new(ShapeDetail {
            reason,
            path: Vec::new(),
        }))
    }

    fn expected(what: &str) -> Shape {
        Shape::new(format!("expected {what}"))
    }

    #[inline(never)]
    fn missing(name: &str) -> Shape {
        Shape::new(format!("\"{name}\" is missing"))
    }

    #[inline(never)]
    fn within(mut self, step: String) -> Shape {
        self.0.path.push(step);
        self
    }

    #[inline(never)]
    fn within_member(self, name: &str) -> Shape {
        self.within(name.to_owned())
    }
}

impl fmt::Display for Shape {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0.reason)?;
        if self.0.path.is_empty() {
            return Ok(());
        }
        f.write_str(" (at ")?;
        for (i, step) in self.0.path.iter().rev().enumerate() {
            if i > 0 && !step.starts_with('[') {
                f.write_str(".")?;
            }
            f.write_str(step)?;
        }
        f.write_str(")")
    }
}

/// A type read from a JSON value.
pub trait FromJson: Sized {
    fn from_json(value: &Value) -> Result<Self, Shape>;

    /// What an absent object member reads as: nothing (an error) for most types, `None` for an
    /// `Option`.
    fn absent() -> Option<Self> {
        None
    }
}

/// An object's members, looked up by name.
pub struct Members<'v, 'a>(&'v [(Cow<'a, str>, Value<'a>)]);

impl<'v, 'a> Members<'v, 'a> {
    /// The value of member `name`, if there is one.
    pub fn value(&self, name: &str) -> Option<&'v Value<'a>> {
        self.0
            .iter()
            .find(|(member, _)| member == name)
            .map(|(_, value)| value)
    }

    /// Member `name` as a `T`; if absent, what [`FromJson::absent`] says.
    pub fn get<T: FromJson>(&self, name: &str) -> Result<T, Shape> {
        match self.value(name) {
            Some(value) => read_within(value, name),
            None => T::absent().ok_or_else(|| Shape::missing(name)),
        }
    }

    /// Member `name` as a `T`, or `T`'s default if absent.
    pub fn get_or_default<T: FromJson + Default>(&self, name: &str) -> Result<T, Shape> {
        match self.value(name) {
            Some(value) => read_within(value, name),
            None => Ok(T::default()),
        }
    }
}

fn read_within<T: FromJson>(value: &Value, name: &str) -> Result<T, Shape> {
    T::from_json(value).map_err(|e| e.within_member(name))
}

impl<'a> Value<'a> {
    pub fn members(&self) -> Result<Members<'_, 'a>, Shape> {
        match self {
            Value::Object(members) => Ok(Members(members)),
            _ => Err(Shape::expected("an object")),
        }
    }

    pub fn items(&self) -> Result<&[Value<'a>], Shape> {
        match self {
            Value::Array(items) => Ok(items),
            _ => Err(Shape::expected("a list")),
        }
    }

    pub fn text(&self) -> Result<&str, Shape> {
        match self {
            Value::String(text) => Ok(text),
            _ => Err(Shape::expected("text")),
        }
    }

    fn number(&self) -> Result<&'a str, Shape> {
        match self {
            Value::Number(text) => Ok(text),
            _ => Err(Shape::expected("a number")),
        }
    }

    /// An enum as serde writes one: a variant without data as its name, a variant with data as
    /// `{"name": value}`.
    pub fn variant(&self) -> Result<(&str, Option<&Value<'a>>), Shape> {
        match self {
            Value::String(name) => Ok((name, None)),
            Value::Object(members) if members.len() == 1 => {
                Ok((&members[0].0, Some(&members[0].1)))
            }
            _ => Err(Shape::expected("a name, or an object with one member")),
        }
    }
}

/// A value that is one of a list of names: how an enum without data is written.
pub fn named<T: Copy>(value: &Value, names: &[(&str, T)]) -> Result<T, Shape> {
    let text = value.text()?;
    names
        .iter()
        .find(|(name, _)| *name == text)
        .map(|&(_, variant)| variant)
        .ok_or_else(|| not_allowed(text))
}

/// The error for a name that is not one of those allowed.
pub fn not_allowed(name: &str) -> Shape {
    Shape::new(format!("\"{name}\" is not one of the values allowed"))
}

/// Reads the data of a variant written `{"name": value}`.
pub fn variant_data<T: FromJson>(data: Option<&Value>, name: &str) -> Result<T, Shape> {
    match data {
        Some(value) => read_within(value, name),
        None => Err(not_allowed(name)),
    }
}

impl FromJson for String {
    fn from_json(value: &Value) -> Result<Self, Shape> {
        value.text().map(str::to_owned)
    }
}

impl FromJson for bool {
    fn from_json(value: &Value) -> Result<Self, Shape> {
        match value {
            Value::Bool(truth) => Ok(*truth),
            _ => Err(Shape::expected("true or false")),
        }
    }
}

impl FromJson for f64 {
    fn from_json(value: &Value) -> Result<Self, Shape> {
        // Any JSON number reads as an f64.
        decimal(value.number()?).ok_or_else(|| Shape::expected("a number"))
    }
}

/// Powers of ten an f64 holds exactly.
const EXACT_POWERS_OF_TEN: [f64; 23] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
    1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
];

/// A JSON number's text as an f64, without the standard library's float parser, whose tables
/// and code were 11 KB of the bundle compressed for the two scores a quiz result keeps (issue
/// 26). The same f64 as `str::parse` for up to 15 significant digits times a power of ten up to
/// ±22 (the exponent less the places after the point), which covers every score written (12
/// places): both parts are exact, and one division or multiplication rounds correctly. Longer numbers (an older version wrote up to 17 digits)
/// are rounded to 15 digits first, within a few parts in 10^15 of the exact value.
fn decimal(text: &str) -> Option<f64> {
    const KEPT: u32 = 15;
    let (negative, unsigned) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text),
    };
    let (digits, exponent) = match unsigned.find(['e', 'E']) {
        Some(at) => (&unsigned[..at], unsigned[at + 1..].parse::<i64>().ok()?),
        None => (unsigned, 0),
    };
    let (whole, fraction) = digits.split_once('.').unwrap_or((digits, ""));
    if whole.is_empty()
        || !whole
            .bytes()
            .chain(fraction.bytes())
            .all(|b| b.is_ascii_digit())
    {
        return None;
    }
    // The value is `mantissa` × 10^`scale`.
    let (mut mantissa, mut scale, mut kept, mut round_up) = (0u64, exponent, 0u32, false);
    for (at, digit) in whole.bytes().chain(fraction.bytes()).enumerate() {
        let (in_fraction, digit) = (at >= whole.len(), u64::from(digit - b'0'));
        if kept < KEPT {
            // Zeros before the first significant digit only move the point.
            if mantissa > 0 || digit > 0 {
                mantissa = mantissa * 10 + digit;
                kept += 1;
            }
            scale -= i64::from(in_fraction);
        } else {
            // Past the digits kept: the first one rounds, whole digits still count tens.
            if kept == KEPT {
                round_up = digit >= 5;
                kept += 1;
            }
            scale += i64::from(!in_fraction);
        }
    }
    mantissa += u64::from(round_up);
    // One exact step where the value allows (as std's fast path does): zeros the mantissa ends
    // in (written after a point) come off a division; a multiplication takes what it can into
    // the mantissa while that stays exact.
    while scale < 0 && mantissa != 0 && mantissa % 10 == 0 {
        mantissa /= 10;
        scale += 1;
    }
    while scale > 22 && mantissa != 0 && mantissa <= (1 << 53) / 10 {
        mantissa *= 10;
        scale -= 1;
    }
    let mut value = mantissa as f64;
    // Beyond ±400 every mantissa here is infinite or zero: the loops stay short.
    let mut scale = scale.clamp(-400, 400);
    while scale != 0 {
        let step = scale.unsigned_abs().min(22);
        let power = EXACT_POWERS_OF_TEN[step as usize];
        if scale > 0 {
            value *= power;
            scale -= step as i64;
        } else {
            value /= power;
            scale += step as i64;
        }
    }
    Some(if negative { -value } else { value })
}

/// Whole numbers: a JSON number with no fraction or exponent that fits the type.
macro_rules! whole_numbers {
    ($($type:ty),*) => {$(
        impl FromJson for $type {
            fn from_json(value: &Value) -> Result<Self, Shape> {
                let text = value.number()?;
                text.parse().map_err(|_| not_whole(text))
            }
        }
    )*};
}
whole_numbers!(u8, u16, u32, u64, usize);

fn not_whole(text: &str) -> Shape {
    Shape::new(format!("{text} is not a whole number in range"))
}

impl<T: FromJson> FromJson for Option<T> {
    fn from_json(value: &Value) -> Result<Self, Shape> {
        match value {
            Value::Null => Ok(None),
            value => T::from_json(value).map(Some),
        }
    }

    fn absent() -> Option<Self> {
        Some(None)
    }
}

/// Each item of a list read as a `T`, in order.
fn each<T: FromJson>(value: &Value, mut take: impl FnMut(T)) -> Result<(), Shape> {
    for (i, item) in value.items()?.iter().enumerate() {
        take(T::from_json(item).map_err(|e| e.within(format!("[{i}]")))?);
    }
    Ok(())
}

impl<T: FromJson> FromJson for Vec<T> {
    fn from_json(value: &Value) -> Result<Self, Shape> {
        let mut items = Vec::new();
        each(value, |item| items.push(item))?;
        Ok(items)
    }
}

impl<T: FromJson, const N: usize> FromJson for [T; N] {
    fn from_json(value: &Value) -> Result<Self, Shape> {
        Vec::from_json(value)?
            .try_into()
            .map_err(|_| Shape::new(format!("expected a list of {N}")))
    }
}

impl FromJson for SortedSet {
    fn from_json(value: &Value) -> Result<Self, Shape> {
        Ok(Vec::<String>::from_json(value)?.into_iter().collect())
    }
}

/// A key given twice keeps its last value.
impl<T: FromJson> FromJson for SortedMap<T> {
    fn from_json(value: &Value) -> Result<Self, Shape> {
        let mut pairs = Vec::new();
        for (name, value) in value.members()?.0 {
            pairs.push((name.to_string(), read_within(value, name)?));
        }
        Ok(pairs.into_iter().collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn serde_value(text: &str) -> Option<serde_json::Value> {
        serde_json::from_str(text).ok()
    }

    /// The tree as serde_json would see it (numbers compared by their text's value).
    fn to_serde(value: &Value) -> serde_json::Value {
        match value {
            Value::Null => serde_json::Value::Null,
            Value::Bool(truth) => serde_json::Value::Bool(*truth),
            Value::Number(text) => serde_json::from_str(text).unwrap(),
            Value::String(text) => serde_json::Value::String(text.to_string()),
            Value::Array(items) => items.iter().map(to_serde).collect(),
            Value::Object(members) => members
                .iter()
                .map(|(name, value)| (name.to_string(), to_serde(value)))
                .collect::<serde_json::Map<_, _>>()
                .into(),
        }
    }

    #[test]
    fn the_tree_holds_what_serde_json_reads() {
        for text in [
            r#" {"a" : [1, 2.5e-3, -0, true, false, null, "x\u00e9\n\"\\\/"], "b": {}, "c": []} "#,
            r#""\ud83d\ude00 \u00e9 plain""#,
            "[[[]], {\"k\": {\"k\": [1]}}]",
            "\"caf\u{e9}\"",
            "17",
        ] {
            let ours = tree(text).unwrap_or_else(|| panic!("{text}"));
            assert_eq!(Some(to_serde(&ours)), serde_value(text), "{text}");
        }
    }

    #[test]
    fn strings_without_escapes_are_borrowed_and_a_lone_surrogate_is_replaced() {
        assert!(matches!(
            tree("\"plain\""),
            Some(Value::String(Cow::Borrowed("plain")))
        ));
        assert_eq!(
            tree(r#""a\ud800b\udc00""#),
            Some(Value::String("a\u{FFFD}b\u{FFFD}".into()))
        );
    }

    #[test]
    fn nesting_is_read_to_the_limit_and_no_deeper() {
        let nested = |depth: usize| "[".repeat(depth) + &"]".repeat(depth);
        assert!(tree(&nested(MAX_DEPTH)).is_some());
        assert!(tree(&nested(MAX_DEPTH + 1)).is_none());
        assert!(tree(&nested(100_000)).is_none());
        assert!(tree(&nested(100_000)[1..]).is_none());
    }

    #[test]
    fn where_a_value_does_not_fit_is_named() {
        let value = tree(r#"{"list": [{"id": "a"}, {"id": 3}]}"#).unwrap();
        let list = value.members().unwrap();
        let error = list.get::<Vec<SortedMap<String>>>("list").unwrap_err();
        assert_eq!(error.to_string(), "expected text (at list[1].id)");
        assert_eq!(
            list.get::<String>("name").unwrap_err().to_string(),
            "\"name\" is missing"
        );
        assert_eq!(list.get::<Option<u8>>("name"), Ok(None));
        assert_eq!(list.get_or_default::<u8>("name"), Ok(0));
    }

    #[test]
    fn numbers_read_as_the_type_asked_for() {
        fn read(text: &str) -> Value<'_> {
            tree(text).unwrap()
        }
        assert_eq!(u8::from_json(&read("255")), Ok(255));
        assert_eq!(
            u8::from_json(&read("256")).unwrap_err().to_string(),
            "256 is not a whole number in range"
        );
        assert!(u32::from_json(&read("1.5")).is_err());
        assert!(u32::from_json(&read("-1")).is_err());
        assert_eq!(f64::from_json(&read("0.1")), Ok(0.1));
        assert_eq!(f64::from_json(&read("3")), Ok(3.0));
        assert_eq!(f64::from_json(&read("-2.5E-3")), Ok(-0.0025));
        assert_eq!(f64::from_json(&read("1e400")), Ok(f64::INFINITY));
        assert_eq!(f64::from_json(&read("1e-400")), Ok(0.0));
        // Zeros after the point are not digits to divide away: one exact step, not two.
        let zeros_after = "488269982954.000e-20";
        assert_eq!(
            f64::from_json(&read(zeros_after)),
            Ok(zeros_after.parse().unwrap())
        );
        assert_eq!(<[u8; 2]>::from_json(&read("[1,2]")), Ok([1, 2]));
        assert!(<[u8; 2]>::from_json(&read("[1,2,3]")).is_err());
        assert!(<[u8; 2]>::from_json(&read("[1]")).is_err());
        assert_eq!(
            <Vec<Option<u8>>>::from_json(&read("[null, 4]")),
            Ok(vec![None, Some(4)])
        );
    }

    // Property tests run natively (proptest is not built for wasm32).
    #[cfg(not(target_arch = "wasm32"))]
    proptest::proptest! {
        /// Mixtures of JSON's own characters: a tree exactly when serde_json reads one, and the
        /// same tree.
        #[test]
        fn agrees_with_serde_json(text in "[ \\[\\]{}:,\"a0-9.eE+\\-tfnulrs\\\\]{0,24}") {
            let ours = tree(&text);
            proptest::prop_assert_eq!(ours.as_ref().map(to_serde), serde_value(&text), "{:?}", text);
        }
    }

    // Property tests run natively (proptest is not built for wasm32): std's parser is the oracle.
    #[cfg(not(target_arch = "wasm32"))]
    proptest::proptest! {
        /// Up to 15 significant digits times a power of ten to ±22, written every way JSON
        /// allows: the very f64 std's parser gives.
        #[test]
        fn a_short_number_reads_exactly(mantissa in 0u64..1_000_000_000_000_000, places in 0usize..16,
            scale in -22i32..=22, negative: bool, upper: bool, zeros in 0usize..4) {
            let digits = mantissa.to_string();
            let sign = if negative { "-" } else { "" };
            let marker = if upper { "E" } else { "e" };
            let shifted = if places == 0 || places >= digits.len() { 0 } else { places };
            // The exponent that makes the value `mantissa` × 10^`scale`.
            let exponent = scale + shifted as i32;
            // Zeros after the fraction change neither the value nor its significant digits.
            let text = if shifted == 0 {
                format!("{sign}{digits}{marker}{exponent}")
            } else {
                let (whole, fraction) = digits.split_at(digits.len() - places);
                format!("{sign}{whole}.{fraction}{}{marker}{exponent}", "0".repeat(zeros))
            };
            let plain = format!("{sign}0.{}{digits}", "0".repeat(zeros));
            for text in [text, plain] {
                proptest::prop_assert_eq!(decimal(&text), text.parse::<f64>().ok(), "{}", text);
            }
        }

        /// Up to 17 significant digits, as an older version wrote scores: within 1e-14 of
        /// the value, relatively.
        #[test]
        fn a_long_number_reads_closely(whole in 0u64..1000, fraction in 0u64..100_000_000_000_000_000) {
            let text = format!("{whole}.{fraction:017}");
            let exact: f64 = text.parse().unwrap();
            let read = decimal(&text).unwrap();
            proptest::prop_assert!((read - exact).abs() <= exact.abs() * 1e-14, "{} {} {}", text, read, exact);
        }
    }
}
