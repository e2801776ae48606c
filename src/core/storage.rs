//! The storage envelope: every record is saved as `{ version, rev, saved_at, data }` in one value,
//! and read back with a typed error instead of a panic.
//!
//! Versions: when a record's `data` changes shape, its [`RecordSpec::version`] goes up by one and
//! a [`Migration`] for that step is added to [`RecordSpec::migrations`]. Reading an older record
//! runs the steps in order, in memory; the result is used only if it then reads as the current
//! shape, and it reaches storage with the next save. A record from a newer version is never
//! read as data (nor written: see `store.rs`).

use crate::core::json::{self, FromJson, SerJson, Value};

/// A stored record with its bookkeeping.
#[derive(Clone, Debug, PartialEq)]
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
    /// An older version's data that could not be brought up to date.
    MigrationFailed { from: u32 },
}

/// One schema step: the `data` of version N (as JSON text) turned into that of version N + 1.
/// Pure (no storage, no clock), so each step is tested on its own; `None` if it cannot.
pub type Migration = fn(&str) -> Option<String>;

/// The name and current schema version of one kind of record.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RecordSpec {
    pub name: &'static str,
    pub version: u32,
    /// `migrations[i]` turns version `i + 1` into version `i + 2`: one per step up to `version`.
    pub migrations: &'static [Migration],
}

/// Encodes a record for storage.
pub fn encode<T: SerJson>(envelope: &Envelope<T>) -> String {
    encode_parts(
        envelope.version,
        envelope.rev,
        &envelope.saved_at,
        &envelope.data,
    )
}

/// Encodes a record from its parts, the data as any JSON value: one body for every kind of
/// record (field order as `Envelope`'s).
pub fn encode_parts(version: u32, rev: u64, saved_at: &str, data: &dyn SerJson) -> String {
    let mut s = json::SerJsonState::new(String::new());
    s.out.push_str("{\"version\":");
    version.ser_json(0, &mut s);
    s.out.push_str(",\"rev\":");
    rev.ser_json(0, &mut s);
    s.out.push_str(",\"saved_at\":");
    saved_at.ser_json(0, &mut s);
    s.out.push_str(",\"data\":");
    data.ser_json(0, &mut s);
    s.out.push('}');
    s.out
}

/// The bookkeeping of a record this version can read.
struct Bookkeeping {
    rev: u64,
    saved_at: String,
}

/// Decodes a stored value written for `spec`. A thin generic shell: the envelope is read by
/// `read_envelope`, compiled once for every kind of record; only `data` is read as a `T`.
pub fn decode<T: FromJson>(raw: &str, spec: RecordSpec) -> Result<Envelope<T>, DecodeError> {
    let tree = json::tree(raw).ok_or(DecodeError::NotJson)?;
    let (bookkeeping, migrated) = read_envelope(raw, &tree, spec)?;
    let data = match migrated {
        None => tree
            .members()
            .and_then(|members| members.get("data"))
            .map_err(|_| DecodeError::WrongShape)?,
        // Validated: the migrated data must read as the current shape, or none of it is used.
        Some((from, data)) => {
            json::parse(&data).map_err(|_| DecodeError::MigrationFailed { from })?
        }
    };
    Ok(Envelope {
        version: spec.version,
        rev: bookkeeping.rev,
        saved_at: bookkeeping.saved_at,
        data,
    })
}

/// The envelope's bookkeeping; and if its `data` is of an older version, that version and the
/// data as JSON text of the current version, brought up to date step by step.
fn read_envelope(
    raw: &str,
    tree: &Value,
    spec: RecordSpec,
) -> Result<(Bookkeeping, Option<(u32, String)>), DecodeError> {
    let members = tree.members().map_err(|_| DecodeError::WrongShape)?;
    // The version is checked before the rest: a newer version may have a shape we do not know,
    // and must be reported as newer, not as broken.
    let version: u64 = members
        .get("version")
        .map_err(|_| DecodeError::WrongShape)?;
    let version = u32::try_from(version).unwrap_or(u32::MAX);
    if version > spec.version {
        return Err(DecodeError::NewerVersion {
            found: version,
            supported: spec.version,
        });
    }
    let (Ok(rev), Ok(saved_at)) = (members.get("rev"), members.get("saved_at")) else {
        return Err(DecodeError::WrongShape);
    };
    let bookkeeping = Bookkeeping { rev, saved_at };
    if version == spec.version {
        return Ok((bookkeeping, None));
    }
    let mut data = json::member_text(raw, "data")
        .ok_or(DecodeError::WrongShape)?
        .to_owned();
    let failed = DecodeError::MigrationFailed { from: version };
    // Versions start at 1; a step missing from the list is a failure, never a guess.
    let steps = version
        .checked_sub(1)
        .and_then(|first| spec.migrations.get(first as usize..))
        .filter(|steps| steps.len() == (spec.version - version) as usize)
        .ok_or(failed.clone())?;
    for step in steps {
        data = step(&data).ok_or(failed.clone())?;
    }
    Ok((bookkeeping, Some((version, data))))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, PartialEq, SerJson)]
    struct Sample {
        lang: String,
    }

    impl FromJson for Sample {
        fn from_json(value: &Value) -> Result<Self, json::Shape> {
            Ok(Sample {
                lang: value.members()?.get("lang")?,
            })
        }
    }

    /// Version 1 called the field `language_code`; version 2 renamed it.
    fn v1_to_v2(data: &str) -> Option<String> {
        let mut value: serde_json::Value = serde_json::from_str(data).ok()?;
        let lang = value.as_object_mut()?.remove("language_code")?;
        value.as_object_mut()?.insert("lang".into(), lang);
        Some(value.to_string())
    }

    /// Version 3 added `large_text`, off for everyone who had not chosen it.
    fn v2_to_v3(data: &str) -> Option<String> {
        let mut value: serde_json::Value = serde_json::from_str(data).ok()?;
        value
            .as_object_mut()?
            .insert("large_text".into(), serde_json::Value::Bool(false));
        Some(value.to_string())
    }

    const SPEC: RecordSpec = RecordSpec {
        name: "sample",
        version: 2,
        migrations: &[v1_to_v2],
    };

    #[derive(Debug, PartialEq, SerJson)]
    struct SampleV3 {
        lang: String,
        large_text: bool,
    }

    impl FromJson for SampleV3 {
        fn from_json(value: &Value) -> Result<Self, json::Shape> {
            let members = value.members()?;
            Ok(SampleV3 {
                lang: members.get("lang")?,
                large_text: members.get("large_text")?,
            })
        }
    }

    const SPEC_V3: RecordSpec = RecordSpec {
        name: "sample",
        version: 3,
        migrations: &[v1_to_v2, v2_to_v3],
    };

    fn v1_raw(language_code: &str) -> String {
        serde_json::json!({
            "version": 1, "rev": 4, "saved_at": "2026-01-01T00:00:00.000Z",
            "data": { "language_code": language_code }
        })
        .to_string()
    }

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
    fn older_versions_are_migrated_in_memory_keeping_their_rev() {
        let migrated = decode::<Sample>(&v1_raw("cy"), SPEC).unwrap();
        assert_eq!(migrated.version, 2);
        assert_eq!(migrated.rev, 4);
        assert_eq!(migrated.data, Sample { lang: "cy".into() });
    }

    #[test]
    fn a_failing_or_missing_step_is_a_migration_failure() {
        let no_field = r#"{"version":1,"rev":1,"saved_at":"x","data":{"other":1}}"#;
        assert_eq!(
            decode::<Sample>(no_field, SPEC),
            Err(DecodeError::MigrationFailed { from: 1 })
        );
        // A step whose result is not the current shape is a failure too.
        let wrong_type = r#"{"version":1,"rev":1,"saved_at":"x","data":{"language_code":5}}"#;
        assert_eq!(
            decode::<Sample>(wrong_type, SPEC),
            Err(DecodeError::MigrationFailed { from: 1 })
        );
        let unlisted = RecordSpec {
            migrations: &[v1_to_v2],
            ..SPEC_V3
        };
        assert_eq!(
            decode::<SampleV3>(&v1_raw("en"), unlisted),
            Err(DecodeError::MigrationFailed { from: 1 })
        );
        let version_zero = r#"{"version":0,"rev":1,"saved_at":"x","data":{"lang":"en"}}"#;
        assert_eq!(
            decode::<Sample>(version_zero, SPEC),
            Err(DecodeError::MigrationFailed { from: 0 })
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
                Err(DecodeError::NotJson | DecodeError::WrongShape | DecodeError::NewerVersion { .. }
                    | DecodeError::MigrationFailed { .. }) => {}
            }
        }

        #[test]
        fn any_envelope_round_trips(version in 2u32..=2, rev: u64, saved_at in ".{0,40}", lang in ".{0,40}") {
            let original = Envelope { version, rev, saved_at, data: Sample { lang } };
            proptest::prop_assert_eq!(decode::<Sample>(&encode(&original), SPEC), Ok(original));
        }

        /// Someone who updated at every release (v1 read and saved by v2, then read by v3) ends up
        /// with what someone who skipped v2 gets by reading v1 straight into v3.
        #[test]
        fn migrating_stepwise_equals_migrating_directly(lang in ".{0,40}", rev in 0u64..1_000_000) {
            let v1 = v1_raw(&lang).replace("\"rev\":4", &format!("\"rev\":{rev}"));
            let read_by_v2 = decode::<Sample>(&v1, SPEC).unwrap();
            let saved_by_v2 = encode(&Envelope { rev: read_by_v2.rev + 1, ..read_by_v2 });
            let stepwise = decode::<SampleV3>(&saved_by_v2, SPEC_V3).unwrap();
            let direct = decode::<SampleV3>(&v1, SPEC_V3).unwrap();
            proptest::prop_assert_eq!(&stepwise.data, &direct.data);
            proptest::prop_assert_eq!(stepwise.data, SampleV3 { lang, large_text: false });
            proptest::prop_assert_eq!((stepwise.version, direct.version), (3, 3));
        }
    }
}
