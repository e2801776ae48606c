//! What each domain means for a supervision session, and the prompts for each view of it, as
//! data (`content/feedback/{en,cy}.json`) so content owners edit text, not Rust. The widget reads
//! them compiled into `domain_tables.rs`, which a test writes from the JSON (after checking it).

use super::domain_tables as tables;
use super::model::{Role, DOMAIN_COUNT};
#[cfg(test)]
use crate::core::json::{FromJson, Shape, Value};
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

/// One domain as the widget shows it: its name, what it means in plain words, and the prompts
/// for each role. Compiled in (`domain_tables.rs`), so nothing is parsed at start-up.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Domain {
    pub id: &'static str,
    pub name: &'static str,
    pub meaning: &'static str,
    pub received: &'static [&'static str],
    pub gave: &'static [&'static str],
}

impl Domain {
    /// The prompt questions for the supervisee's or the supervisor's view.
    pub fn prompts(&self, role: Role) -> &'static [&'static str] {
        match role {
            Role::Received => self.received,
            Role::Gave => self.gave,
        }
    }
}

/// Domain `index` in `lang`; a placeholder naming it if there is no such domain, never a panic.
pub fn domain(lang: Lang, index: usize) -> Domain {
    let table = match lang {
        Lang::English => &tables::EN,
        Lang::Welsh => &tables::CY,
    };
    table.get(index).copied().unwrap_or_else(|| {
        let id = DOMAIN_IDS.get(index).copied().unwrap_or("?");
        Domain {
            id,
            name: id,
            meaning: "",
            received: &[],
            gave: &[],
        }
    })
}

/// One language's domain texts as content owners write them (read by the tests, which check
/// them and compile them into `domain_tables.rs`).
#[cfg(test)]
#[derive(Clone, Debug, PartialEq)]
pub struct DomainTexts {
    pub language: String,
    pub domains: Vec<DomainText>,
}

#[cfg(test)]
impl FromJson for DomainTexts {
    fn from_json(value: &Value) -> Result<Self, Shape> {
        let members = value.members()?;
        Ok(DomainTexts {
            language: members.get("language")?,
            domains: members.get("domains")?,
        })
    }
}

/// One domain as written in the file.
#[cfg(test)]
#[derive(Clone, Debug, PartialEq)]
pub struct DomainText {
    pub id: String,
    pub name: String,
    pub meaning: String,
    pub prompts: Prompts,
    pub translator_reviewed: Option<bool>,
}

#[cfg(test)]
impl FromJson for DomainText {
    fn from_json(value: &Value) -> Result<Self, Shape> {
        let members = value.members()?;
        Ok(DomainText {
            id: members.get("id")?,
            name: members.get("name")?,
            meaning: members.get("meaning")?,
            prompts: members.get("prompts")?,
            translator_reviewed: members.get("translator_reviewed")?,
        })
    }
}

/// The prompt questions for the supervisee's and the supervisor's view, as written.
#[cfg(test)]
#[derive(Clone, Debug, PartialEq)]
pub struct Prompts {
    pub received: Vec<String>,
    pub gave: Vec<String>,
}

#[cfg(test)]
impl FromJson for Prompts {
    fn from_json(value: &Value) -> Result<Self, Shape> {
        let members = value.members()?;
        Ok(Prompts {
            received: members.get("received")?,
            gave: members.get("gave")?,
        })
    }
}

#[cfg(test)]
impl Prompts {
    pub fn for_role(&self, role: Role) -> &[String] {
        match role {
            Role::Received => &self.received,
            Role::Gave => &self.gave,
        }
    }
}

#[cfg(test)]
impl DomainTexts {
    /// The content file of a language.
    pub fn file(lang: Lang) -> DomainTexts {
        let json = match lang {
            Lang::English => include_str!("../../../content/feedback/en.json"),
            Lang::Welsh => include_str!("../../../content/feedback/cy.json"),
        };
        crate::core::json::parse(json).expect("the domain file parses")
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

    /// These texts as the Rust array of `domain_tables.rs`, named `name`.
    fn compiled(&self, name: &str) -> String {
        let list = |items: &[String]| {
            let items: Vec<String> = items.iter().map(|p| format!("{p:?}")).collect();
            format!("&[{}]", items.join(", "))
        };
        let mut out = format!("pub(super) const {name}: [Domain; {DOMAIN_COUNT}] = [\n");
        for d in &self.domains {
            out.push_str(&format!(
                "    Domain {{\n        id: {:?},\n        name: {:?},\n        meaning: {:?},\n        received: {},\n        gave: {},\n    }},\n",
                d.id,
                d.name,
                d.meaning,
                list(&d.prompts.received),
                list(&d.prompts.gave)
            ));
        }
        out.push_str("];\n");
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_domain_files_are_complete_in_both_languages() {
        for lang in [Lang::English, Lang::Welsh] {
            let texts = DomainTexts::file(lang);
            assert_eq!(texts.language, lang.code());
            assert_eq!(texts.problems(), Vec::<String>::new(), "{lang:?}");
        }
    }

    /// The widget reads `domain_tables.rs`, not the JSON. This writes that file from the JSON
    /// (complete, by the test above) and fails if the committed copy was different: after
    /// editing a domain file, run `cargo test` and commit both.
    #[test]
    fn the_compiled_tables_match_the_domain_files() {
        let mut expected = String::from(
            "//! Generated from content/feedback/{en,cy}.json by the test\n\
             //! `content::tests::the_compiled_tables_match_the_domain_files`: edit the JSON, run\n\
             //! `cargo test`, commit both.\n\n\
             use super::content::Domain;\n\n",
        );
        for (lang, name) in [(Lang::English, "EN"), (Lang::Welsh, "CY")] {
            let texts = DomainTexts::file(lang);
            assert_eq!(texts.problems(), Vec::<String>::new());
            expected.push_str(&texts.compiled(name));
            if lang == Lang::English {
                expected.push('\n');
            }
        }
        crate::core::assert_generated_file_is_current(
            "src/core/feedback/domain_tables.rs",
            &expected,
            "content/feedback/*.json",
        );
    }

    #[test]
    fn the_widget_shows_the_same_text_as_the_domain_files() {
        for lang in [Lang::English, Lang::Welsh] {
            for (i, written) in DomainTexts::file(lang).domains.iter().enumerate() {
                let shown = domain(lang, i);
                assert_eq!(
                    (shown.id, shown.name, shown.meaning),
                    (
                        written.id.as_str(),
                        written.name.as_str(),
                        written.meaning.as_str()
                    )
                );
                for role in Role::ALL {
                    assert_eq!(shown.prompts(role), written.prompts.for_role(role));
                }
            }
        }
    }

    #[test]
    fn the_compact_quiz_copies_hold_the_same_json_as_the_content_files() {
        let same = |compact: &str, original: &str| {
            let parse = |text: &str| serde_json::from_str::<serde_json::Value>(text).unwrap();
            assert_eq!(parse(compact), parse(original));
            assert!(!compact.contains("\n  "), "indentation is gone");
        };
        same(
            include_str!(concat!(env!("OUT_DIR"), "/quiz-en.json")),
            include_str!("../../../content/quiz/en.json"),
        );
        same(
            include_str!(concat!(env!("OUT_DIR"), "/quiz-cy.json")),
            include_str!("../../../content/quiz/cy.json"),
        );
    }

    #[test]
    fn the_two_views_have_different_prompts() {
        for domain in &DomainTexts::file(Lang::English).domains {
            assert_ne!(
                domain.prompts.received, domain.prompts.gave,
                "{}",
                domain.id
            );
        }
    }

    #[test]
    fn problems_catch_a_missing_domain_and_a_lone_prompt() {
        let mut texts = DomainTexts::file(Lang::Welsh);
        texts.domains.pop();
        texts.domains[0].prompts.gave.truncate(1);
        texts.domains[1].translator_reviewed = None;
        let problems = texts.problems();
        assert_eq!(problems.len(), 3, "{problems:?}");
    }

    #[test]
    fn a_missing_domain_is_a_placeholder_not_a_panic() {
        assert_eq!(domain(Lang::English, 2).name, "Effective");
        assert_eq!(domain(Lang::Welsh, 9).name, "?");
        assert!(domain(Lang::English, 9).received.is_empty());
    }
}
