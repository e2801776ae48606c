//! The storage envelope: every record is saved as `{ version, rev, saved_at, data }` in one value,
//! and read back with a typed error instead of a panic.

use serde::de::{DeserializeOwned, IgnoredAny};
use serde::{Deserialize, Serialize};

/// A stored record with its bookkeeping.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Envelope<T> {
    /// The schema version of `data`.
    pub version: u32,
    /// Goes up by one on every save, so a stale writer can be recognised.
    pub rev: u64,
    /// When it was saved (ISO 8601, UTC).
    pub saved_at: String,
    pub data: T,
}

/// Why a stored value could not be used.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DecodeError {
    /// Not JSON at all.
    NotJson,
    /// JSON, but not an envelope holding the expected data.
    WrongShape,
    /// Written by a newer version of the widget than this one understands.
    NewerVersion { found: u32, supported: u32 },
}

/// The name and current schema version of one kind of record.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RecordSpec {
    pub name: &'static str,
    pub version: u32,
}

/// Encodes a record for storage.
pub fn encode<T: Serialize>(envelope: &Envelope<T>) -> String {
    // Serialising plain data structs to a string cannot fail; an empty object is never written
    // because callers only pass such structs.
    serde_json::to_string(envelope).unwrap_or_default()
}

/// Just the version of a stored record, read before anything else.
#[derive(Deserialize)]
struct Header {
    version: u64,
}

/// Decodes a stored value written for `spec`.
pub fn decode<T: DeserializeOwned>(
    raw: &str,
    spec: RecordSpec,
) -> Result<Envelope<T>, DecodeError> {
    // Three passes over a small string, instead of building a `serde_json::Value`: cheaper in
    // code size, and each failure has its own meaning.
    serde_json::from_str::<IgnoredAny>(raw).map_err(|_| DecodeError::NotJson)?;
    // The version is checked before the shape: a newer version may have a shape we do not know,
    // and must be reported as newer, not as broken.
    let header: Header = serde_json::from_str(raw).map_err(|_| DecodeError::WrongShape)?;
    let version = u32::try_from(header.version).unwrap_or(u32::MAX);
    if version > spec.version {
        return Err(DecodeError::NewerVersion {
            found: version,
            supported: spec.version,
        });
    }
    serde_json::from_str(raw).map_err(|_| DecodeError::WrongShape)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, PartialEq, Serialize, Deserialize)]
    struct Sample {
        lang: String,
    }

    const SPEC: RecordSpec = RecordSpec {
        name: "sample",
        version: 2,
    };

    fn envelope(version: u32) -> Envelope<Sample> {
        Envelope {
            version,
            rev: 7,
            saved_at: "2026-11-26T10:00:00.000Z".into(),
            data: Sample { lang: "cy".into() },
        }
    }

    #[test]
    fn round_trips_through_encode_and_decode() {
        let original = envelope(2);
        assert_eq!(decode::<Sample>(&encode(&original), SPEC), Ok(original));
    }

    #[test]
    fn older_versions_decode() {
        assert_eq!(
            decode::<Sample>(&encode(&envelope(1)), SPEC).map(|e| e.version),
            Ok(1)
        );
    }

    #[test]
    fn classifies_bad_values() {
        let cases: &[(&str, DecodeError)] = &[
            ("", DecodeError::NotJson),
            ("not json", DecodeError::NotJson),
            ("{\"version\":", DecodeError::NotJson),
            ("null", DecodeError::WrongShape),
            ("[]", DecodeError::WrongShape),
            ("\"text\"", DecodeError::WrongShape),
            ("{}", DecodeError::WrongShape),
            (
                r#"{"version":"2","rev":1,"saved_at":"x","data":{"lang":"en"}}"#,
                DecodeError::WrongShape,
            ),
            (
                r#"{"version":-1,"rev":1,"saved_at":"x","data":{"lang":"en"}}"#,
                DecodeError::WrongShape,
            ),
            (
                r#"{"version":2,"rev":1,"saved_at":"x"}"#,
                DecodeError::WrongShape,
            ),
            (
                r#"{"version":2,"rev":1,"saved_at":"x","data":{"lang":5}}"#,
                DecodeError::WrongShape,
            ),
            (
                r#"{"version":2,"saved_at":"x","data":{"lang":"en"}}"#,
                DecodeError::WrongShape,
            ),
            (
                r#"{"version":3,"rev":1,"saved_at":"x","data":{"lang":"en"}}"#,
                DecodeError::NewerVersion {
                    found: 3,
                    supported: 2,
                },
            ),
            (
                r#"{"version":3,"rev":1,"saved_at":"x","data":"a shape we do not know"}"#,
                DecodeError::NewerVersion {
                    found: 3,
                    supported: 2,
                },
            ),
            (
                r#"{"version":99999999999,"rev":1,"saved_at":"x","data":{}}"#,
                DecodeError::NewerVersion {
                    found: u32::MAX,
                    supported: 2,
                },
            ),
        ];
        for (raw, expected) in cases {
            assert_eq!(
                decode::<Sample>(raw, SPEC).as_ref().err(),
                Some(expected),
                "{raw:?}"
            );
        }
    }

    #[test]
    fn encodes_all_four_envelope_fields_in_one_value() {
        let value: serde_json::Value = serde_json::from_str(&encode(&envelope(2))).unwrap();
        for field in ["version", "rev", "saved_at", "data"] {
            assert!(value.get(field).is_some(), "missing {field}");
        }
    }

    // Property tests run natively (proptest is not built for wasm32).
    #[cfg(not(target_arch = "wasm32"))]
    proptest::proptest! {
        #[test]
        fn decoding_any_text_never_panics_and_types_its_error(text in ".{0,300}") {
            match decode::<Sample>(&text, SPEC) {
                Ok(envelope) => proptest::prop_assert!(envelope.version <= SPEC.version),
                Err(DecodeError::NotJson | DecodeError::WrongShape | DecodeError::NewerVersion { .. }) => {}
            }
        }

        #[test]
        fn any_envelope_round_trips(version in 0u32..=2, rev: u64, saved_at in ".{0,40}", lang in ".{0,40}") {
            let original = Envelope { version, rev, saved_at, data: Sample { lang } };
            proptest::prop_assert_eq!(decode::<Sample>(&encode(&original), SPEC), Ok(original));
        }
    }
}
