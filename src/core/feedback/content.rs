//! What each domain means for a supervision session, and the prompts for each view of it, as
//! data (`content/feedback/{en,cy}.json`) so content owners edit text, not Rust.

use crate::core::json::{DeJson, SerJson};

use super::form::{Role, DOMAIN_COUNT};
use crate::core::lang::Lang;

/// The domains' ids, in their fixed order.
pub const DOMAIN_IDS: [&str; DOMAIN_COUNT] = [
    "safe",
    "timely",
    "effective",
    "efficient",
    "equitable",
    "person-centred",
];

/// One language's domain texts.
#[derive(Clone, Debug, PartialEq, SerJson, DeJson)]
pub struct DomainTexts {
    pub language: String,
    pub domains: Vec<DomainText>,
}

/// One domain: its name, what it means in plain words, and prompts for each role.
#[derive(Clone, Debug, PartialEq, SerJson, DeJson)]
pub struct DomainText {
    pub id: String,
    pub name: String,
    pub meaning: String,
    pub prompts: Prompts,
    #[nserde(default)]
    pub translator_reviewed: Option<bool>,
}

/// The prompt questions for the supervisee's and the supervisor's view.
#[derive(Clone, Debug, PartialEq, SerJson, DeJson)]
pub struct Prompts {
    pub received: Vec<String>,
    pub gave: Vec<String>,
}

impl Prompts {
    pub fn for_role(&self, role: Role) -> &[String] {
        match role {
            Role::Received => &self.received,
            Role::Gave => &self.gave,
        }
    }
}

// content/feedback/*.json, compacted by build.rs.
const EN_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/feedback-en.json"));
const CY_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/feedback-cy.json"));

impl DomainTexts {
    /// The built-in texts of a language (parsed once; the tests guarantee they are valid).
    pub fn of(lang: Lang) -> &'static DomainTexts {
        use std::sync::OnceLock;
        static EN: OnceLock<DomainTexts> = OnceLock::new();
        static CY: OnceLock<DomainTexts> = OnceLock::new();
        let (cell, json) = match lang {
            Lang::English => (&EN, EN_JSON),
            Lang::Welsh => (&CY, CY_JSON),
        };
        cell.get_or_init(|| {
            crate::core::json::parse(json).unwrap_or(DomainTexts {
                language: lang.code().into(),
                domains: Vec::new(),
            })
        })
    }

    /// The text of domain `index`; a placeholder naming it if missing, never a panic.
    pub fn domain(&self, index: usize) -> DomainText {
        self.domains
            .get(index)
            .cloned()
            .unwrap_or_else(|| DomainText {
                id: DOMAIN_IDS.get(index).copied().unwrap_or("?").into(),
                name: DOMAIN_IDS.get(index).copied().unwrap_or("?").into(),
                meaning: String::new(),
                prompts: Prompts {
                    received: Vec::new(),
                    gave: Vec::new(),
                },
                translator_reviewed: None,
            })
    }

    /// Everything wrong with these texts: the six domains in order, a name, a meaning, two or
    /// three prompts for each role, and a review mark on translations.
    pub fn problems(&self) -> Vec<String> {
        let mut problems = Vec::new();
        let ids: Vec<&str> = self.domains.iter().map(|d| d.id.as_str()).collect();
        if ids != DOMAIN_IDS {
            problems.push(format!(
                "the domains must be {DOMAIN_IDS:?} in that order, found {ids:?}"
            ));
        }
        for domain in &self.domains {
            let at = format!("domain {:?}", domain.id);
            if domain.name.trim().is_empty() || domain.meaning.trim().is_empty() {
                problems.push(format!("{at}: name and meaning must not be empty"));
            }
            for role in Role::ALL {
                let prompts = domain.prompts.for_role(role);
                if !(2..=3).contains(&prompts.len()) || prompts.iter().any(|p| p.trim().is_empty())
                {
                    problems.push(format!("{at}: {role:?} needs two or three prompts"));
                }
            }
            if self.language != "en" && domain.translator_reviewed.is_none() {
                problems.push(format!(
                    "{at}: a translation must say translator_reviewed: true or false"
                ));
            }
        }
        problems
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_built_in_domain_texts_are_complete_in_both_languages() {
        for lang in [Lang::English, Lang::Welsh] {
            let texts = DomainTexts::of(lang);
            assert_eq!(texts.language, lang.code());
            assert_eq!(texts.problems(), Vec::<String>::new(), "{lang:?}");
        }
    }

    #[test]
    fn the_compact_copies_hold_the_same_json_as_the_content_files() {
        let same = |compact: &str, original: &str| {
            let parse = |text: &str| serde_json::from_str::<serde_json::Value>(text).unwrap();
            assert_eq!(parse(compact), parse(original));
            assert!(!compact.contains("\n  "), "indentation is gone");
        };
        same(EN_JSON, include_str!("../../../content/feedback/en.json"));
        same(CY_JSON, include_str!("../../../content/feedback/cy.json"));
        let quiz = |lang: &str| match lang {
            "en" => (
                include_str!(concat!(env!("OUT_DIR"), "/quiz-en.json")),
                include_str!("../../../content/quiz/en.json"),
            ),
            _ => (
                include_str!(concat!(env!("OUT_DIR"), "/quiz-cy.json")),
                include_str!("../../../content/quiz/cy.json"),
            ),
        };
        for lang in ["en", "cy"] {
            let (compact, original) = quiz(lang);
            same(compact, original);
        }
    }

    #[test]
    fn the_two_views_have_different_prompts() {
        for domain in &DomainTexts::of(Lang::English).domains {
            assert_ne!(
                domain.prompts.received, domain.prompts.gave,
                "{}",
                domain.id
            );
        }
    }

    #[test]
    fn problems_catch_a_missing_domain_and_a_lone_prompt() {
        let mut texts = DomainTexts::of(Lang::Welsh).clone();
        texts.domains.pop();
        texts.domains[0].prompts.gave.truncate(1);
        texts.domains[1].translator_reviewed = None;
        let problems = texts.problems();
        assert_eq!(problems.len(), 3, "{problems:?}");
    }

    #[test]
    fn a_missing_domain_is_a_placeholder_not_a_panic() {
        let empty = DomainTexts {
            language: "en".into(),
            domains: Vec::new(),
        };
        assert_eq!(empty.domain(2).name, "effective");
        assert_eq!(empty.domain(9).name, "?");
    }
}
