//! The two languages the widget speaks, and their plural rules.

use crate::core::json::{self, FromJson, SerJson, Shape, Value};

/// A language of the interface.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, SerJson)]
pub enum Lang {
    #[default]
    #[nserde(rename = "en")]
    English,
    #[nserde(rename = "cy")]
    Welsh,
}

impl FromJson for Lang {
    fn from_json(value: &Value) -> Result<Self, Shape> {
        json::named(value, &[("en", Lang::English), ("cy", Lang::Welsh)])
    }
}

impl Lang {
    /// The BCP 47 code, as used in `lang` attributes.
    pub fn code(self) -> &'static str {
        match self {
            Lang::English => "en",
            Lang::Welsh => "cy",
        }
    }

    /// Reads a `lang` attribute value: `en`, `cy` and regional forms such as `en-GB` or `cy-GB`.
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let primary = tag.trim().split(['-', '_']).next()?.to_ascii_lowercase();
        match primary.as_str() {
            "en" => Some(Lang::English),
            "cy" => Some(Lang::Welsh),
            _ => None,
        }
    }

    /// The language the toggle switches to.
    pub fn other(self) -> Lang {
        match self {
            Lang::English => Lang::Welsh,
            Lang::Welsh => Lang::English,
        }
    }

    /// The plural category of `n` in this language (Unicode CLDR rules for whole numbers).
    ///
    /// English has two forms; Welsh has six (0, 1, 2, 3, 6 and the rest), and a message that
    /// counts things must give each of them.
    pub fn plural_category(self, n: u64) -> PluralCategory {
        match self {
            Lang::English => match n {
                1 => PluralCategory::One,
                _ => PluralCategory::Other,
            },
            Lang::Welsh => match n {
                0 => PluralCategory::Zero,
                1 => PluralCategory::One,
                2 => PluralCategory::Two,
                3 => PluralCategory::Few,
                6 => PluralCategory::Many,
                _ => PluralCategory::Other,
            },
        }
    }

    /// Every plural category a counted message in this language must provide.
    pub fn plural_categories(self) -> &'static [PluralCategory] {
        use PluralCategory::*;
        match self {
            Lang::English => &[One, Other],
            Lang::Welsh => &[Zero, One, Two, Few, Many, Other],
        }
    }
}

/// Splits `text` at each of `phrases` it holds (the longest where two start at one place), so a
/// Welsh sentence can mark the English title inside it: `(piece, true)` for a phrase.
pub fn phrase_pieces<'a>(text: &'a str, phrases: &[String]) -> Vec<(&'a str, bool)> {
    let mut pieces = Vec::new();
    let (mut plain_from, mut at) = (0, 0);
    while at < text.len() {
        let found = phrases
            .iter()
            .filter(|p| !p.is_empty() && text[at..].starts_with(p.as_str()))
            .map(String::len)
            .max();
        match found {
            Some(len) => {
                if plain_from < at {
                    pieces.push((&text[plain_from..at], false));
                }
                pieces.push((&text[at..at + len], true));
                at += len;
                plain_from = at;
            }
            None => at += text[at..].chars().next().map_or(1, char::len_utf8),
        }
    }
    if plain_from < text.len() {
        pieces.push((&text[plain_from..], false));
    }
    pieces
}

/// A CLDR plural category.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum PluralCategory {
    Zero,
    One,
    Two,
    Few,
    Many,
    Other,
}

impl PluralCategory {
    /// The category's CLDR name, as written in the message files.
    pub fn name(self) -> &'static str {
        match self {
            PluralCategory::Zero => "zero",
            PluralCategory::One => "one",
            PluralCategory::Two => "two",
            PluralCategory::Few => "few",
            PluralCategory::Many => "many",
            PluralCategory::Other => "other",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::PluralCategory::*;
    use super::*;

    #[test]
    fn phrases_are_marked_where_they_stand_and_the_longest_wins() {
        let phrases = vec![
            "Crossing the Quality Chasm".to_owned(),
            "Crossing the Quality Chasm: A New Health System".to_owned(),
        ];
        assert_eq!(
            phrase_pieces("Yn Crossing the Quality Chasm [10], mae'n", &phrases),
            vec![
                ("Yn ", false),
                ("Crossing the Quality Chasm", true),
                (" [10], mae'n", false)
            ]
        );
        assert_eq!(
            phrase_pieces("Crossing the Quality Chasm: A New Health System.", &phrases),
            vec![
                ("Crossing the Quality Chasm: A New Health System", true),
                (".", false)
            ]
        );
        assert_eq!(phrase_pieces("Ŵyn ŷd", &phrases), vec![("Ŵyn ŷd", false)]);
        assert_eq!(phrase_pieces("", &phrases), Vec::<(&str, bool)>::new());
    }

    #[test]
    fn reads_lang_tags_case_and_region_insensitively() {
        let cases = [
            ("en", Some(Lang::English)),
            ("en-GB", Some(Lang::English)),
            ("CY", Some(Lang::Welsh)),
            ("cy-GB", Some(Lang::Welsh)),
            (" cy ", Some(Lang::Welsh)),
            ("fr", None),
            ("", None),
            ("english", None),
        ];
        for (tag, expected) in cases {
            assert_eq!(Lang::from_tag(tag), expected, "tag {tag:?}");
        }
    }

    #[test]
    fn english_has_one_and_other() {
        let cases = [(0, Other), (1, One), (2, Other), (3, Other), (11, Other)];
        for (n, expected) in cases {
            assert_eq!(Lang::English.plural_category(n), expected, "n = {n}");
        }
    }

    #[test]
    fn welsh_has_six_plural_forms() {
        let cases = [
            (0, Zero),
            (1, One),
            (2, Two),
            (3, Few),
            (4, Other),
            (5, Other),
            (6, Many),
            (7, Other),
            (10, Other),
            (16, Other),
            (100, Other),
        ];
        for (n, expected) in cases {
            assert_eq!(Lang::Welsh.plural_category(n), expected, "n = {n}");
        }
    }

    #[test]
    fn every_category_a_rule_returns_is_listed_as_required() {
        for lang in [Lang::English, Lang::Welsh] {
            for n in 0..200 {
                let category = lang.plural_category(n);
                assert!(lang.plural_categories().contains(&category), "{lang:?} {n}");
            }
        }
    }
}
