//! What the page author chose through the element's attributes, read leniently: an unknown value
//! falls back to the default and yields a warning for the console, never a broken widget.

use super::lang::Lang;
use super::messages::Key;
use super::privacy::Privacy;
use super::quiz::attempt::QuizSettings;

/// Which parts of the widget an element shows (`mode` attribute).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Mode {
    Quiz,
    Feedback,
    #[default]
    All,
}

impl Mode {
    fn parse(value: &str) -> Option<Mode> {
        match value.trim().to_ascii_lowercase().as_str() {
            "quiz" => Some(Mode::Quiz),
            "feedback" => Some(Mode::Feedback),
            "all" => Some(Mode::All),
            _ => None,
        }
    }
}

/// The prefix of every storage key an element uses (`storage-key` attribute), so that several
/// widgets, and the host page's own data, never touch each other's keys.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Namespace(String);

impl Namespace {
    pub const DEFAULT: &'static str = "supervision-widget";
    const MAX_LEN: usize = 64;

    /// Accepts 1 to 64 letters, digits, `-` and `_`; nothing that could run into another key.
    pub fn parse(value: &str) -> Option<Namespace> {
        let value = value.trim();
        let valid = !value.is_empty()
            && value.len() <= Self::MAX_LEN
            && value
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
        valid.then(|| Namespace(value.to_owned()))
    }

    /// The storage key of one record, e.g. `supervision-widget:prefs`.
    pub fn key(&self, record: &str) -> String {
        format!("{}:{record}", self.0)
    }

    /// Whether a storage key belongs to this namespace (and not to one that merely starts alike).
    pub fn owns(&self, key: &str) -> bool {
        key.strip_prefix(self.0.as_str())
            .is_some_and(|rest| rest.starts_with(':'))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl Default for Namespace {
    fn default() -> Self {
        Namespace(Self::DEFAULT.to_owned())
    }
}

/// The level of the widget's top heading (`heading-level` attribute), 2 to 5, so that its outline
/// sits under the host page's own headings; every heading inside follows from it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct HeadingLevel(u8);

impl HeadingLevel {
    pub const MIN: u8 = 2;
    pub const MAX: u8 = 5;

    fn parse(value: &str) -> Option<HeadingLevel> {
        let level = parse_in(value, Self::MIN as usize, Self::MAX as usize)?;
        Some(HeadingLevel(level as u8))
    }

    /// The level of a heading `depth` steps below the top one (0: the widget's title), never
    /// past 6: HTML has no deeper heading, and screen readers handle `aria-level` 7 and beyond
    /// poorly, so the deepest headings share h6.
    pub fn at(self, depth: u8) -> u8 {
        self.0.saturating_add(depth).min(6)
    }
}

impl Default for HeadingLevel {
    fn default() -> Self {
        HeadingLevel(Self::MIN)
    }
}

/// The raw attribute values as the element holds them (`None` when absent).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Attributes {
    pub mode: Option<String>,
    /// The element's own `lang` attribute.
    pub lang: Option<String>,
    /// The nearest `lang` of the page around the element (an ancestor or `<html>`).
    pub page_lang: Option<String>,
    pub storage_key: Option<String>,
    /// `questions`: how many to draw.
    pub questions: Option<String>,
    /// `pass-mark`: a percentage.
    pub pass_mark: Option<String>,
    /// `shuffle`: `true` or `false`.
    pub shuffle: Option<String>,
    /// `heading-level`: the level of the widget's title.
    pub heading_level: Option<String>,
    /// `privacy`: the least the widget protects on a shared computer.
    pub privacy: Option<String>,
    /// The text of each `<script type="application/json">` child: host-supplied question sets.
    pub question_sets: Vec<String>,
}

/// The element's settings after reading its attributes.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct WidgetConfig {
    pub mode: Mode,
    pub lang: Lang,
    pub namespace: Namespace,
    pub quiz: QuizSettings,
    pub heading_level: HeadingLevel,
    /// The page author's floor for what is kept on this computer; a person may only choose a
    /// stricter setting.
    pub privacy: Privacy,
    /// Host-supplied question sets, as written (validated by the quiz).
    pub question_sets: Vec<String>,
}

impl WidgetConfig {
    /// Reads the attributes, returning the settings and one warning per value it could not use.
    pub fn from_attributes(attrs: &Attributes) -> (WidgetConfig, Vec<String>) {
        let mut warnings = Vec::new();
        let mode = read(
            &attrs.mode,
            Mode::parse,
            "mode",
            "quiz, feedback or all",
            "all",
            &mut warnings,
        )
        .unwrap_or_default();
        let namespace = read(
            &attrs.storage_key,
            Namespace::parse,
            "storage-key",
            "1 to 64 letters, digits, - or _",
            Namespace::DEFAULT,
            &mut warnings,
        )
        .unwrap_or_default();
        // The element's own lang wins; the page's lang is only a hint, so an unsupported page
        // language (say, French) falls back quietly.
        let lang = read(
            &attrs.lang,
            Lang::from_tag,
            "lang",
            "en or cy",
            "the page's language",
            &mut warnings,
        )
        .or_else(|| attrs.page_lang.as_deref().and_then(Lang::from_tag))
        .unwrap_or_default();
        let defaults = QuizSettings::default();
        let quiz = QuizSettings {
            count: read(
                &attrs.questions,
                parse_questions,
                "questions",
                "a whole number from 1 to 200",
                "all",
                &mut warnings,
            ),
            pass_mark: read(
                &attrs.pass_mark,
                parse_pass_mark,
                "pass-mark",
                "a whole number from 0 to 100",
                "no pass mark",
                &mut warnings,
            ),
            shuffle: read(
                &attrs.shuffle,
                parse_bool,
                "shuffle",
                "true or false",
                "true",
                &mut warnings,
            )
            .unwrap_or(defaults.shuffle),
        };
        let heading_level = read(
            &attrs.heading_level,
            HeadingLevel::parse,
            "heading-level",
            "2, 3, 4 or 5",
            "2",
            &mut warnings,
        )
        .unwrap_or_default();
        // An author who wrote a privacy value wanted some protection: one the widget cannot read
        // falls back to keeping nothing, which leaks nothing.
        let privacy = match &attrs.privacy {
            None => Privacy::default(),
            value => read(
                value,
                Privacy::from_name,
                "privacy",
                "none, 1d, 7d, 30d, locked or keep",
                "none (nothing is kept on this computer)",
                &mut warnings,
            )
            .unwrap_or(Privacy::DontKeep),
        };
        let config = WidgetConfig {
            mode,
            lang,
            namespace,
            quiz,
            heading_level,
            privacy,
            question_sets: attrs.question_sets.clone(),
        };
        (config, warnings)
    }
}

/// A setting an editor types as free text in a wrapper (the SharePoint web part's property pane),
/// checked there by the very rules the element applies to its attribute.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TypedSetting {
    StorageKey,
    Questions,
    PassMark,
}

impl TypedSetting {
    /// The setting of an attribute name; `None` for attributes that are not typed freely.
    pub fn from_attribute(name: &str) -> Option<TypedSetting> {
        match name {
            "storage-key" => Some(TypedSetting::StorageKey),
            "questions" => Some(TypedSetting::Questions),
            "pass-mark" => Some(TypedSetting::PassMark),
            _ => None,
        }
    }

    /// `Ok` when the element would use `value`; otherwise the message saying what it takes.
    pub fn check(self, value: &str) -> Result<(), Key> {
        let (accepted, problem) = match self {
            TypedSetting::StorageKey => (
                Namespace::parse(value).is_some(),
                Key::SettingStorageKeyInvalid,
            ),
            TypedSetting::Questions => (
                parse_questions(value).is_some(),
                Key::SettingQuestionsInvalid,
            ),
            TypedSetting::PassMark => (
                parse_pass_mark(value).is_some(),
                Key::SettingPassMarkInvalid,
            ),
        };
        if accepted {
            Ok(())
        } else {
            Err(problem)
        }
    }
}

fn parse_questions(value: &str) -> Option<usize> {
    parse_in(value, 1, 200)
}

fn parse_pass_mark(value: &str) -> Option<u8> {
    parse_in(value, 0, 100).map(|n| n as u8)
}

fn parse_in(value: &str, min: usize, max: usize) -> Option<usize> {
    value
        .trim()
        .parse()
        .ok()
        .filter(|n| (min..=max).contains(n))
}

fn parse_bool(value: &str) -> Option<bool> {
    match value.trim().to_ascii_lowercase().as_str() {
        "true" => Some(true),
        "false" => Some(false),
        _ => None,
    }
}

fn read<T>(
    value: &Option<String>,
    parse: impl Fn(&str) -> Option<T>,
    name: &str,
    expected: &str,
    fallback: &str,
    warnings: &mut Vec<String>,
) -> Option<T> {
    let value = value.as_deref()?;
    let parsed = parse(value);
    if parsed.is_none() {
        warnings.push(format!(
            "<supervision-widget>: {name}=\"{value}\" is not supported (use {expected}); using {fallback}."
        ));
    }
    parsed
}

#[cfg(test)]
mod tests {
    use super::*;

    fn attrs(
        mode: Option<&str>,
        lang: Option<&str>,
        page: Option<&str>,
        key: Option<&str>,
    ) -> Attributes {
        Attributes {
            mode: mode.map(str::to_owned),
            lang: lang.map(str::to_owned),
            page_lang: page.map(str::to_owned),
            storage_key: key.map(str::to_owned),
            ..Attributes::default()
        }
    }

    #[test]
    fn reads_the_quiz_attributes() {
        let attributes = Attributes {
            questions: Some("8".into()),
            pass_mark: Some("80".into()),
            shuffle: Some("false".into()),
            ..Attributes::default()
        };
        let (config, warnings) = WidgetConfig::from_attributes(&attributes);
        assert_eq!(
            config.quiz,
            QuizSettings {
                count: Some(8),
                pass_mark: Some(80),
                shuffle: false
            }
        );
        assert!(warnings.is_empty());
    }

    #[test]
    fn bad_quiz_attributes_fall_back_with_a_warning_each() {
        let attributes = Attributes {
            questions: Some("lots".into()),
            pass_mark: Some("120".into()),
            shuffle: Some("no".into()),
            ..Attributes::default()
        };
        let (config, warnings) = WidgetConfig::from_attributes(&attributes);
        assert_eq!(config.quiz, QuizSettings::default());
        assert_eq!(warnings.len(), 3, "{warnings:?}");
        for name in ["questions=\"lots\"", "pass-mark=\"120\"", "shuffle=\"no\""] {
            assert!(
                warnings.iter().any(|w| w.contains(name)),
                "{name} in {warnings:?}"
            );
        }
        let zero = Attributes {
            questions: Some("0".into()),
            ..Attributes::default()
        };
        assert_eq!(WidgetConfig::from_attributes(&zero).0.quiz.count, None);
    }

    #[test]
    fn no_attributes_give_the_defaults_without_warnings() {
        let (config, warnings) = WidgetConfig::from_attributes(&Attributes::default());
        assert_eq!(config, WidgetConfig::default());
        assert_eq!(config.mode, Mode::All);
        assert_eq!(config.lang, Lang::English);
        assert_eq!(config.namespace.as_str(), "supervision-widget");
        assert!(warnings.is_empty());
    }

    #[test]
    fn reads_each_mode() {
        for (value, mode) in [
            ("quiz", Mode::Quiz),
            ("Feedback", Mode::Feedback),
            ("all", Mode::All),
        ] {
            let (config, warnings) =
                WidgetConfig::from_attributes(&attrs(Some(value), None, None, None));
            assert_eq!(config.mode, mode);
            assert!(warnings.is_empty());
        }
    }

    #[test]
    fn unknown_mode_falls_back_to_all_with_a_warning_naming_it() {
        let (config, warnings) =
            WidgetConfig::from_attributes(&attrs(Some("survey"), None, None, None));
        assert_eq!(config.mode, Mode::All);
        assert_eq!(warnings.len(), 1);
        assert!(warnings[0].contains("mode=\"survey\""), "{}", warnings[0]);
    }

    #[test]
    fn element_lang_beats_page_lang() {
        let (config, _) =
            WidgetConfig::from_attributes(&attrs(None, Some("cy"), Some("en-GB"), None));
        assert_eq!(config.lang, Lang::Welsh);
        let (config, _) = WidgetConfig::from_attributes(&attrs(None, Some("en"), Some("cy"), None));
        assert_eq!(config.lang, Lang::English);
    }

    #[test]
    fn page_lang_is_used_when_the_element_has_none() {
        let (config, warnings) =
            WidgetConfig::from_attributes(&attrs(None, None, Some("cy-GB"), None));
        assert_eq!(config.lang, Lang::Welsh);
        assert!(warnings.is_empty());
    }

    #[test]
    fn unsupported_page_lang_falls_back_to_english_quietly() {
        let (config, warnings) =
            WidgetConfig::from_attributes(&attrs(None, None, Some("fr"), None));
        assert_eq!(config.lang, Lang::English);
        assert!(warnings.is_empty());
    }

    #[test]
    fn unsupported_element_lang_warns_and_falls_back_to_the_page() {
        let (config, warnings) =
            WidgetConfig::from_attributes(&attrs(None, Some("de"), Some("cy"), None));
        assert_eq!(config.lang, Lang::Welsh);
        assert_eq!(warnings.len(), 1);
    }

    #[test]
    fn storage_keys_are_validated() {
        let cases = [
            ("team-a", Some("team-a")),
            ("Ward_7", Some("Ward_7")),
            ("", None),
            ("has space", None),
            ("colon:inside", None),
            ("émoji", None),
        ];
        for (value, expected) in cases {
            assert_eq!(
                Namespace::parse(value).as_ref().map(Namespace::as_str),
                expected,
                "{value:?}"
            );
        }
        assert!(Namespace::parse(&"x".repeat(64)).is_some());
        assert!(Namespace::parse(&"x".repeat(65)).is_none());
    }

    #[test]
    fn bad_storage_key_falls_back_to_the_default_with_a_warning() {
        let (config, warnings) =
            WidgetConfig::from_attributes(&attrs(None, None, None, Some("a b")));
        assert_eq!(config.namespace, Namespace::default());
        assert_eq!(warnings.len(), 1);
    }

    #[test]
    fn heading_level_is_2_to_5_and_sets_every_level_below() {
        for (value, top) in [("2", 2), ("3", 3), ("5", 5), (" 4 ", 4)] {
            let attributes = Attributes {
                heading_level: Some(value.into()),
                ..Attributes::default()
            };
            let (config, warnings) = WidgetConfig::from_attributes(&attributes);
            assert_eq!(config.heading_level.at(0), top, "{value:?}");
            // Every level below, never past h6: the deepest headings share it.
            assert_eq!(config.heading_level.at(1), top + 1);
            assert_eq!(config.heading_level.at(3), (top + 3).min(6));
            assert!(warnings.is_empty());
        }
        for value in ["1", "6", "h3", ""] {
            let attributes = Attributes {
                heading_level: Some(value.into()),
                ..Attributes::default()
            };
            let (config, warnings) = WidgetConfig::from_attributes(&attributes);
            assert_eq!(config.heading_level, HeadingLevel::default(), "{value:?}");
            assert_eq!(warnings.len(), 1, "{value:?}");
        }
    }

    #[test]
    fn the_privacy_floor_is_read_and_a_value_it_cannot_read_keeps_nothing() {
        let floor = |value: Option<&str>| {
            let attributes = Attributes {
                privacy: value.map(String::from),
                ..Attributes::default()
            };
            let (config, warnings) = WidgetConfig::from_attributes(&attributes);
            (config.privacy, warnings.len())
        };
        assert_eq!(floor(None), (Privacy::Keep, 0));
        assert_eq!(floor(Some("none")), (Privacy::DontKeep, 0));
        assert_eq!(
            floor(Some(" 30d ")),
            (Privacy::KeepFor(crate::core::privacy::Retention::Month), 0)
        );
        assert_eq!(floor(Some("locked")), (Privacy::Locked, 0));
        assert_eq!(floor(Some("nothing")), (Privacy::DontKeep, 1));
        assert_eq!(floor(Some("")), (Privacy::DontKeep, 1));
    }

    #[test]
    fn typed_settings_follow_the_attribute_rules() {
        let cases = [
            ("storage-key", "ward-7_team", true),
            ("storage-key", "", false),
            ("storage-key", "ward 7", false),
            ("storage-key", &"k".repeat(65), false),
            ("questions", "1", true),
            ("questions", " 200 ", true),
            ("questions", "0", false),
            ("questions", "201", false),
            ("questions", "8.5", false),
            ("pass-mark", "0", true),
            ("pass-mark", "100", true),
            ("pass-mark", "101", false),
            ("pass-mark", "-1", false),
            ("pass-mark", "eighty", false),
        ];
        for (name, value, accepted) in cases {
            let setting = TypedSetting::from_attribute(name).unwrap();
            assert_eq!(setting.check(value).is_ok(), accepted, "{name}={value:?}");
            // The element reads the attribute the same way: no warning exactly when accepted.
            let attributes = Attributes {
                storage_key: (name == "storage-key").then(|| value.to_owned()),
                questions: (name == "questions").then(|| value.to_owned()),
                pass_mark: (name == "pass-mark").then(|| value.to_owned()),
                ..Attributes::default()
            };
            let (_, warnings) = WidgetConfig::from_attributes(&attributes);
            assert_eq!(warnings.is_empty(), accepted, "{name}={value:?}");
        }
        assert_eq!(
            TypedSetting::Questions.check("0"),
            Err(Key::SettingQuestionsInvalid)
        );
        assert_eq!(TypedSetting::from_attribute("mode"), None);
    }

    #[test]
    fn a_namespace_owns_only_its_own_keys() {
        let ns = Namespace::parse("supervision-widget").unwrap();
        assert_eq!(ns.key("prefs"), "supervision-widget:prefs");
        assert!(ns.owns("supervision-widget:prefs"));
        assert!(ns.owns("supervision-widget:quarantine:prefs:1"));
        assert!(!ns.owns("supervision-widget-2:prefs"));
        assert!(!ns.owns("supervision-widget"));
        assert!(!ns.owns("host-page-data"));
    }
}
