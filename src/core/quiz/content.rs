//! The quiz's content as data: one question set per language (`content/quiz/{en,cy}.json`, or a
//! set a host page supplies), and the rules a set must meet before the widget will use it.

use std::rc::Rc;

use crate::core::json::{self, FromJson, SerJson, SerJsonState, Shape, Value};

use crate::core::lang::Lang;

/// One language's questions, with the topics and sources they use.
#[derive(Clone, Debug, PartialEq, SerJson)]
pub struct QuestionSet {
    /// `en` or `cy`.
    pub language: String,
    pub topics: Vec<Topic>,
    /// The title of the page whose own (unnumbered) sentences questions may cite as `"page"`.
    pub page: Option<String>,
    /// The page's numbered references, cited by number.
    pub references: Vec<Reference>,
    /// Outside sources the page does not cite, shown only as clearly labelled further reading.
    pub further_reading: Vec<FurtherReading>,
    /// Titles left in English inside a Welsh set's text, marked as English where they appear.
    pub english_phrases: Vec<String>,
    pub questions: Vec<Question>,
}

impl FromJson for QuestionSet {
    fn from_json(value: &Value) -> Result<Self, Shape> {
        let members = value.members()?;
        Ok(QuestionSet {
            language: members.get("language")?,
            topics: members.get("topics")?,
            page: members.get("page")?,
            references: members.get("references")?,
            further_reading: members.get_or_default("further_reading")?,
            english_phrases: members.get_or_default("english_phrases")?,
            questions: members.get("questions")?,
        })
    }
}

/// A group of questions scored together on the results page.
#[derive(Clone, Debug, PartialEq, SerJson)]
pub struct Topic {
    pub id: String,
    pub name: String,
}

impl FromJson for Topic {
    fn from_json(value: &Value) -> Result<Self, Shape> {
        let members = value.members()?;
        Ok(Topic {
            id: members.get("id")?,
            name: members.get("name")?,
        })
    }
}

/// A numbered source of the hub's text, cited beside explanations.
#[derive(Clone, Debug, PartialEq, SerJson)]
pub struct Reference {
    pub id: u32,
    pub title: String,
    /// The language its title is published in (`en` or `cy`); English when not given, as the
    /// hub's references are, so that a Welsh page marks an English title as English.
    pub language: Option<String>,
}

impl FromJson for Reference {
    fn from_json(value: &Value) -> Result<Self, Shape> {
        let members = value.members()?;
        Ok(Reference {
            id: members.get("id")?,
            title: members.get("title")?,
            language: members.get("language")?,
        })
    }
}

impl Reference {
    /// The language of the title.
    pub fn title_lang(&self) -> Lang {
        self.language
            .as_deref()
            .and_then(Lang::from_tag)
            .unwrap_or(Lang::English)
    }
}

/// An outside source: never under a reference number, always with its publisher and year.
#[derive(Clone, Debug, PartialEq, SerJson)]
pub struct FurtherReading {
    pub id: String,
    pub title: String,
    pub publisher: String,
    pub year: u16,
    /// The language of the title, as for a reference.
    pub language: Option<String>,
}

impl FromJson for FurtherReading {
    fn from_json(value: &Value) -> Result<Self, Shape> {
        let members = value.members()?;
        Ok(FurtherReading {
            id: members.get("id")?,
            title: members.get("title")?,
            publisher: members.get("publisher")?,
            year: members.get("year")?,
            language: members.get("language")?,
        })
    }
}

/// What a question rests on: the page's own words, one of its numbered references, or further
/// reading. Written `"page"`, a number, or `{ "further": "id" }`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Source {
    Page,
    Reference(u32),
    Further(String),
}

impl SerJson for Source {
    fn ser_json(&self, d: usize, s: &mut SerJsonState) {
        match self {
            Source::Page => s.label("page"),
            Source::Reference(id) => id.ser_json(d, s),
            Source::Further(id) => json::write_variant(s, "further", id),
        }
    }
}

impl FromJson for Source {
    fn from_json(value: &Value) -> Result<Self, Shape> {
        if let Value::Number(_) = value {
            return u32::from_json(value).map(Source::Reference);
        }
        match value.variant() {
            Ok(("page", None)) => Ok(Source::Page),
            Ok(("further", Some(id))) => String::from_json(id).map(Source::Further),
            _ => Err(Shape::new(
                "a source is written \"page\", a number, or { \"further\": id }".into(),
            )),
        }
    }
}

/// One question.
/// Written as its plain fields with a `kind` (see [`QuestionFields`]).
#[derive(Clone, Debug, PartialEq)]
pub struct Question {
    pub id: String,
    pub topic: String,
    pub prompt: String,
    pub body: Body,
    /// Why the answer is right, in plain words.
    pub explanation: String,
    /// What the explanation rests on, each shown beside it.
    pub sources: Vec<Source>,
    /// For translations: whether a translator has reviewed this item.
    pub translator_reviewed: Option<bool>,
}

/// What kind of question it is, with its options and answer.
#[derive(Clone, Debug, PartialEq)]
pub enum Body {
    /// Pick one option.
    Single {
        options: Vec<Choice>,
        answer: String,
    },
    /// Select all that apply.
    Multiple {
        options: Vec<Choice>,
        answer: Vec<String>,
    },
    /// Is the statement (the prompt) true?
    TrueFalse { answer: bool },
    /// "Which is it?": put each statement in one category.
    Sort {
        categories: Vec<Choice>,
        statements: Vec<Statement>,
    },
}

/// A question as written: `kind` and the fields each kind uses, as plain fields.
#[derive(SerJson)]
struct QuestionFields {
    id: String,
    topic: String,
    prompt: String,
    kind: Kind,
    options: Option<Vec<Choice>>,
    answer: Option<AnswerField>,
    categories: Option<Vec<Choice>>,
    statements: Option<Vec<Statement>>,
    explanation: String,
    sources: Vec<Source>,
    /// The one source of a set written before `sources`.
    source: Option<Source>,
    translator_reviewed: Option<bool>,
}

impl FromJson for QuestionFields {
    fn from_json(value: &Value) -> Result<Self, Shape> {
        let members = value.members()?;
        Ok(QuestionFields {
            id: members.get("id")?,
            topic: members.get("topic")?,
            prompt: members.get("prompt")?,
            kind: members.get("kind")?,
            options: members.get("options")?,
            answer: members.get("answer")?,
            categories: members.get("categories")?,
            statements: members.get("statements")?,
            explanation: members.get("explanation")?,
            sources: members.get_or_default("sources")?,
            source: members.get("source")?,
            translator_reviewed: members.get("translator_reviewed")?,
        })
    }
}

#[derive(Clone, Copy, SerJson)]
enum Kind {
    #[nserde(rename = "single")]
    Single,
    #[nserde(rename = "multiple")]
    Multiple,
    #[nserde(rename = "true-false")]
    TrueFalse,
    #[nserde(rename = "sort")]
    Sort,
}

/// `answer`: an option id, a list of them, or true / false, depending on the kind.
enum AnswerField {
    One(String),
    Many(Vec<String>),
    Truth(bool),
}

impl SerJson for AnswerField {
    fn ser_json(&self, d: usize, s: &mut SerJsonState) {
        match self {
            AnswerField::One(id) => id.ser_json(d, s),
            AnswerField::Many(ids) => ids.ser_json(d, s),
            AnswerField::Truth(truth) => truth.ser_json(d, s),
        }
    }
}

impl FromJson for AnswerField {
    fn from_json(value: &Value) -> Result<Self, Shape> {
        match value {
            Value::String(_) => String::from_json(value).map(AnswerField::One),
            Value::Bool(truth) => Ok(AnswerField::Truth(*truth)),
            Value::Array(_) => Vec::from_json(value).map(AnswerField::Many),
            _ => Err(Shape::new(
                "an answer is an option id, a list of option ids, or true or false".into(),
            )),
        }
    }
}

impl FromJson for Kind {
    fn from_json(value: &Value) -> Result<Self, Shape> {
        json::named(
            value,
            &[
                ("single", Kind::Single),
                ("multiple", Kind::Multiple),
                ("true-false", Kind::TrueFalse),
                ("sort", Kind::Sort),
            ],
        )
    }
}

impl FromJson for Question {
    fn from_json(value: &Value) -> Result<Self, Shape> {
        Question::try_from(QuestionFields::from_json(value)?).map_err(Shape::new)
    }
}

impl SerJson for Question {
    fn ser_json(&self, d: usize, s: &mut SerJsonState) {
        let (kind, options, answer, categories, statements) = match self.body.clone() {
            Body::Single { options, answer } => (
                Kind::Single,
                Some(options),
                Some(AnswerField::One(answer)),
                None,
                None,
            ),
            Body::Multiple { options, answer } => (
                Kind::Multiple,
                Some(options),
                Some(AnswerField::Many(answer)),
                None,
                None,
            ),
            Body::TrueFalse { answer } => (
                Kind::TrueFalse,
                None,
                Some(AnswerField::Truth(answer)),
                None,
                None,
            ),
            Body::Sort {
                categories,
                statements,
            } => (Kind::Sort, None, None, Some(categories), Some(statements)),
        };
        QuestionFields {
            id: self.id.clone(),
            topic: self.topic.clone(),
            prompt: self.prompt.clone(),
            kind,
            options,
            answer,
            categories,
            statements,
            explanation: self.explanation.clone(),
            sources: self.sources.clone(),
            source: None,
            translator_reviewed: self.translator_reviewed,
        }
        .ser_json(d, s)
    }
}

impl TryFrom<QuestionFields> for Question {
    type Error = String;

    fn try_from(q: QuestionFields) -> Result<Question, String> {
        let body = match (q.kind, q.options, q.answer, q.categories, q.statements) {
            (Kind::Single, Some(options), Some(AnswerField::One(answer)), None, None) => {
                Body::Single { options, answer }
            }
            (Kind::Multiple, Some(options), Some(AnswerField::Many(answer)), None, None) => {
                Body::Multiple { options, answer }
            }
            (Kind::TrueFalse, None, Some(AnswerField::Truth(answer)), None, None) => {
                Body::TrueFalse { answer }
            }
            (Kind::Sort, None, None, Some(categories), Some(statements)) => Body::Sort {
                categories,
                statements,
            },
            (kind, ..) => {
                let needs = match kind {
                    Kind::Single => "\"options\" and one option id as \"answer\"",
                    Kind::Multiple => "\"options\" and a list of option ids as \"answer\"",
                    Kind::TrueFalse => "true or false as \"answer\", and no options",
                    Kind::Sort => "\"categories\" and \"statements\", and no \"answer\"",
                };
                return Err(format!("question \"{}\" needs {needs}", q.id));
            }
        };
        Ok(Question {
            id: q.id,
            topic: q.topic,
            prompt: q.prompt,
            body,
            explanation: q.explanation,
            sources: q.sources.into_iter().chain(q.source).collect(),
            translator_reviewed: q.translator_reviewed,
        })
    }
}

/// An option (or a category of a sorting question).
#[derive(Clone, Debug, PartialEq, SerJson)]
pub struct Choice {
    pub id: String,
    pub text: String,
}

impl FromJson for Choice {
    fn from_json(value: &Value) -> Result<Self, Shape> {
        let members = value.members()?;
        Ok(Choice {
            id: members.get("id")?,
            text: members.get("text")?,
        })
    }
}

/// A statement to sort, and the category it belongs in.
#[derive(Clone, Debug, PartialEq, SerJson)]
pub struct Statement {
    pub id: String,
    pub text: String,
    pub answer: String,
}

impl FromJson for Statement {
    fn from_json(value: &Value) -> Result<Self, Shape> {
        let members = value.members()?;
        Ok(Statement {
            id: members.get("id")?,
            text: members.get("text")?,
            answer: members.get("answer")?,
        })
    }
}

/// Limits that keep a host-supplied set from swamping the page.
const MAX_QUESTIONS: usize = 200;
const MAX_CHOICES: usize = 12;
const MAX_TEXT: usize = 2000;

impl QuestionSet {
    /// Parses a set, reporting the JSON error in plain words.
    pub fn parse(json: &str) -> Result<QuestionSet, Vec<String>> {
        json::parse(json).map_err(|e| vec![format!("the question set is not valid: {e}")])
    }

    /// Looks up a question by id.
    pub fn question(&self, id: &str) -> Option<&Question> {
        self.questions.iter().find(|q| q.id == id)
    }

    /// The title of a reference, for citations.
    pub fn reference(&self, id: u32) -> Option<&Reference> {
        self.references.iter().find(|r| r.id == id)
    }

    /// An item of further reading.
    pub fn further(&self, id: &str) -> Option<&FurtherReading> {
        self.further_reading.iter().find(|f| f.id == id)
    }

    /// The name of a topic.
    pub fn topic(&self, id: &str) -> Option<&Topic> {
        self.topics.iter().find(|t| t.id == id)
    }

    /// Everything wrong with this set on its own. Empty means usable.
    pub fn problems(&self) -> Vec<String> {
        let mut problems = Vec::new();
        let mut add = |message: String| problems.push(message);
        if self.language != "en" && self.language != "cy" {
            add(format!(
                "language is {}; use \"en\" or \"cy\"",
                json::quote(&self.language)
            ));
        }
        if self.questions.is_empty() {
            add("there are no questions".into());
        }
        if self.questions.len() > MAX_QUESTIONS {
            add(format!(
                "there are {} questions; at most {MAX_QUESTIONS} are allowed",
                self.questions.len()
            ));
        }
        for duplicate in duplicates(self.topics.iter().map(|t| t.id.as_str())) {
            add(format!(
                "topic id {} is used twice",
                json::quote(&duplicate)
            ));
        }
        for duplicate in duplicates(
            self.references
                .iter()
                .map(|r| r.id.to_string())
                .collect::<Vec<_>>()
                .iter()
                .map(String::as_str),
        ) {
            add(format!("reference {duplicate} is listed twice"));
        }
        for duplicate in duplicates(self.questions.iter().map(|q| q.id.as_str())) {
            add(format!(
                "question id {} is used twice",
                json::quote(&duplicate)
            ));
        }
        for topic in &self.topics {
            check_text(
                &format!("topic {}", json::quote(&topic.id)),
                "name",
                &topic.name,
                &mut add,
            );
        }
        for question in &self.questions {
            self.question_problems(question, &mut add);
        }
        problems
    }

    fn question_problems(&self, q: &Question, add: &mut impl FnMut(String)) {
        let at = format!("question {}", json::quote(&q.id));
        if q.id.trim().is_empty() {
            add("a question has an empty id".into());
        }
        if self.topic(&q.topic).is_none() {
            add(format!(
                "{at}: topic {} is not one of the set's topics",
                json::quote(&q.topic)
            ));
        }
        if q.sources.is_empty() {
            add(format!("{at}: it needs a source (\"sources\": a reference number, \"page\" or {{ \"further\": id }})"));
        }
        for source in &q.sources {
            match source {
                Source::Page if self.page.is_none() => add(format!(
                    "{at}: it cites \"page\", but the set names no \"page\""
                )),
                Source::Reference(id) if self.reference(*id).is_none() => add(format!(
                    "{at}: source {id} is not one of the set's references"
                )),
                Source::Further(id) if self.further(id).is_none() => add(format!(
                    "{at}: further reading {} is not in the set's \"further_reading\"",
                    json::quote(id)
                )),
                _ => {}
            }
        }
        for duplicate in duplicates(
            q.sources
                .iter()
                .map(source_key)
                .collect::<Vec<_>>()
                .iter()
                .map(String::as_str),
        ) {
            add(format!("{at}: source {duplicate} is cited twice"));
        }
        check_text(&at, "prompt", &q.prompt, add);
        check_text(&at, "explanation", &q.explanation, add);
        if self.language != "en" && q.translator_reviewed.is_none() {
            add(format!(
                "{at}: a translation must say translator_reviewed: true or false"
            ));
        }
        match &q.body {
            Body::Single { options, answer } => {
                check_choices(&at, "option", options, add);
                if !options.iter().any(|o| &o.id == answer) {
                    add(format!(
                        "{at}: answer {} is not one of its options",
                        json::quote(answer)
                    ));
                }
            }
            Body::Multiple { options, answer } => {
                check_choices(&at, "option", options, add);
                if answer.is_empty() {
                    add(format!("{at}: it needs at least one correct answer"));
                }
                for id in answer {
                    if !options.iter().any(|o| &o.id == id) {
                        add(format!(
                            "{at}: answer {} is not one of its options",
                            json::quote(id)
                        ));
                    }
                }
                for duplicate in duplicates(answer.iter().map(String::as_str)) {
                    add(format!(
                        "{at}: answer {} is listed twice",
                        json::quote(&duplicate)
                    ));
                }
            }
            Body::TrueFalse { .. } => {}
            Body::Sort {
                categories,
                statements,
            } => {
                check_choices(&at, "category", categories, add);
                if statements.is_empty() {
                    add(format!("{at}: it needs at least one statement to sort"));
                }
                for duplicate in duplicates(statements.iter().map(|s| s.id.as_str())) {
                    add(format!(
                        "{at}: statement id {} is used twice",
                        json::quote(&duplicate)
                    ));
                }
                for statement in statements {
                    check_text(&at, "statement", &statement.text, add);
                    if !categories.iter().any(|c| c.id == statement.answer) {
                        add(format!(
                            "{at}: statement {} belongs to {}, which is not one of its categories",
                            json::quote(&statement.id),
                            json::quote(&statement.answer)
                        ));
                    }
                }
            }
        }
    }

    /// Everything that differs in structure between this set and its translation: the two must
    /// ask the same questions, with the same options and answers, in the same order.
    pub fn translation_problems(&self, other: &QuestionSet) -> Vec<String> {
        let mut problems = Vec::new();
        let ids = |set: &QuestionSet| {
            set.questions
                .iter()
                .map(|q| q.id.clone())
                .collect::<Vec<_>>()
        };
        if ids(self) != ids(other) {
            problems.push(format!(
                "the {} and {} sets do not have the same questions in the same order",
                self.language, other.language
            ));
        }
        let topic_ids =
            |set: &QuestionSet| set.topics.iter().map(|t| t.id.clone()).collect::<Vec<_>>();
        if topic_ids(self) != topic_ids(other) {
            problems.push("the topics differ between the languages".into());
        }
        let reference_ids =
            |set: &QuestionSet| set.references.iter().map(|r| r.id).collect::<Vec<_>>();
        if reference_ids(self) != reference_ids(other) {
            problems.push("the references differ between the languages".into());
        }
        for question in &self.questions {
            let Some(translated) = other.question(&question.id) else {
                continue;
            };
            if question.topic != translated.topic || question.sources != translated.sources {
                problems.push(format!(
                    "question {}: topic or source differs between the languages",
                    json::quote(&question.id)
                ));
            }
            if structure(&question.body) != structure(&translated.body) {
                problems.push(format!(
                    "question {}: its kind, option ids or answers differ between the languages",
                    json::quote(&question.id)
                ));
            }
        }
        problems
    }
}

/// A question's body without its wording: what must match between translations.
fn structure(body: &Body) -> String {
    let ids = |choices: &[Choice]| {
        choices
            .iter()
            .map(|c| c.id.as_str())
            .collect::<Vec<_>>()
            .join(",")
    };
    match body {
        Body::Single { options, answer } => format!("single [{}] {answer}", ids(options)),
        Body::Multiple { options, answer } => {
            format!("multiple [{}] {}", ids(options), answer.join(","))
        }
        Body::TrueFalse { answer } => format!("true-false {answer}"),
        Body::Sort {
            categories,
            statements,
        } => format!(
            "sort [{}] {}",
            ids(categories),
            statements
                .iter()
                .map(|s| format!("{}={}", s.id, s.answer))
                .collect::<Vec<_>>()
                .join(",")
        ),
    }
}

/// A source as written, for messages.
fn source_key(source: &Source) -> String {
    match source {
        Source::Page => "\"page\"".into(),
        Source::Reference(id) => id.to_string(),
        Source::Further(id) => format!("further {}", json::quote(id)),
    }
}

fn check_choices(at: &str, what: &str, choices: &[Choice], add: &mut impl FnMut(String)) {
    if choices.len() < 2 {
        add(format!("{at}: it needs at least two {what}s"));
    }
    if choices.len() > MAX_CHOICES {
        add(format!(
            "{at}: it has {} {what}s; at most {MAX_CHOICES} are allowed",
            choices.len()
        ));
    }
    for duplicate in duplicates(choices.iter().map(|c| c.id.as_str())) {
        add(format!(
            "{at}: {what} id {} is used twice",
            json::quote(&duplicate)
        ));
    }
    for choice in choices {
        if choice.id.trim().is_empty() {
            add(format!("{at}: an {what} has an empty id"));
        }
        check_text(at, what, &choice.text, add);
    }
}

fn check_text(at: &str, field: &str, text: &str, add: &mut impl FnMut(String)) {
    if text.trim().is_empty() {
        add(format!("{at}: its {field} is empty"));
    } else if text.chars().count() > MAX_TEXT {
        add(format!(
            "{at}: its {field} is longer than {MAX_TEXT} characters"
        ));
    }
}

/// The ids that appear more than once, in the order they first repeat. (Plain vectors: a
/// question set is short, and a `BTreeSet<&str>` would add its own copy of the tree code.)
fn duplicates<'a>(ids: impl Iterator<Item = &'a str>) -> Vec<String> {
    let mut seen: Vec<&str> = Vec::new();
    let mut repeated: Vec<String> = Vec::new();
    for id in ids {
        if !seen.contains(&id) {
            seen.push(id);
        } else if !repeated.iter().any(|r| r == id) {
            repeated.push(id.to_owned());
        }
    }
    repeated
}

// content/quiz/*.json, compacted by build.rs.
const EN_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/quiz-en.json"));
const CY_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/quiz-cy.json"));

/// The built-in question set of a language, parsed once per thread and shared, never copied
/// (the tests guarantee it is valid).
pub fn built_in(lang: Lang) -> Rc<QuestionSet> {
    thread_local! {
        static SETS: [std::cell::OnceCell<Rc<QuestionSet>>; 2] = Default::default();
    }
    let (index, json) = match lang {
        Lang::English => (0, EN_JSON),
        Lang::Welsh => (1, CY_JSON),
    };
    SETS.with(|sets| {
        sets[index]
            .get_or_init(|| {
                Rc::new(QuestionSet::parse(json).unwrap_or(QuestionSet {
                    language: lang.code().into(),
                    topics: Vec::new(),
                    page: None,
                    references: Vec::new(),
                    further_reading: Vec::new(),
                    english_phrases: Vec::new(),
                    questions: Vec::new(),
                }))
            })
            .clone()
    })
}

/// The question sets an element uses: the built-in ones, or those its page supplied.
#[derive(Clone, Debug, PartialEq)]
pub struct QuizContent {
    /// One set per language, the first deciding ids and answers (the bank).
    sets: Vec<Rc<QuestionSet>>,
}

impl QuizContent {
    /// The built-in English and Welsh sets.
    pub fn built_in() -> QuizContent {
        QuizContent {
            sets: vec![built_in(Lang::English), built_in(Lang::Welsh)],
        }
    }

    /// The sets a host page supplied (one `<script type="application/json">` per language), or
    /// the built-in ones when it supplied none. An unusable host set is a list of problems, in
    /// plain words for the page's author; it never falls back silently.
    pub fn from_host(raw_sets: &[String]) -> Result<QuizContent, Vec<String>> {
        if raw_sets.is_empty() {
            return Ok(QuizContent::built_in());
        }
        let mut sets = Vec::new();
        let mut problems = Vec::new();
        for (index, raw) in raw_sets.iter().enumerate() {
            let label = format!("question set {}", index + 1);
            match QuestionSet::parse(raw) {
                Ok(set) => {
                    problems.extend(set.problems().into_iter().map(|p| format!("{label}: {p}")));
                    sets.push(set);
                }
                Err(errors) => problems.extend(errors.into_iter().map(|p| format!("{label}: {p}"))),
            }
        }
        let mut languages: Vec<&str> = Vec::new();
        for set in &sets {
            if languages.contains(&set.language.as_str()) {
                problems.push(format!(
                    "there are two question sets in {}",
                    json::quote(&set.language)
                ));
            }
            languages.push(&set.language);
        }
        if let [first, rest @ ..] = sets.as_slice() {
            for other in rest {
                problems.extend(first.translation_problems(other));
            }
        }
        if problems.is_empty() {
            Ok(QuizContent {
                sets: sets.into_iter().map(Rc::new).collect(),
            })
        } else {
            Err(problems)
        }
    }

    /// The set that decides question ids and answers.
    pub fn bank(&self) -> Rc<QuestionSet> {
        Rc::clone(&self.sets[0])
    }

    /// The set to show in `lang`: that language's if there is one, else the bank (whose own
    /// language the view then marks with a `lang` attribute).
    pub fn for_lang(&self, lang: Lang) -> Rc<QuestionSet> {
        let set = self
            .sets
            .iter()
            .find(|s| s.language == lang.code())
            .unwrap_or(&self.sets[0]);
        Rc::clone(set)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn en() -> QuestionSet {
        QuestionSet::parse(EN_JSON).expect("content/quiz/en.json parses")
    }

    fn cy() -> QuestionSet {
        QuestionSet::parse(CY_JSON).expect("content/quiz/cy.json parses")
    }

    #[test]
    fn the_built_in_sets_are_valid_and_match_each_other() {
        assert_eq!(en().problems(), Vec::<String>::new());
        assert_eq!(cy().problems(), Vec::<String>::new());
        assert_eq!(en().translation_problems(&cy()), Vec::<String>::new());
        assert_eq!(built_in(Lang::Welsh).questions.len(), cy().questions.len());
    }

    #[test]
    fn the_bank_has_at_least_sixteen_questions_covering_every_topic_and_kind() {
        let set = en();
        assert!(
            set.questions.len() >= 16,
            "{} questions",
            set.questions.len()
        );
        for topic in &set.topics {
            assert!(
                set.questions.iter().any(|q| q.topic == topic.id),
                "no question on {}",
                topic.id
            );
        }
        let kinds: std::collections::BTreeSet<&str> = set
            .questions
            .iter()
            .map(|q| match q.body {
                Body::Single { .. } => "single",
                Body::Multiple { .. } => "multiple",
                Body::TrueFalse { .. } => "true-false",
                Body::Sort { .. } => "sort",
            })
            .collect();
        assert_eq!(kinds.len(), 4, "{kinds:?}");
    }

    #[test]
    fn the_english_titles_in_the_welsh_text_are_listed_to_be_marked() {
        let set = cy();
        let text: Vec<String> = set
            .questions
            .iter()
            .flat_map(|q| {
                let mut words = vec![q.prompt.clone(), q.explanation.clone()];
                if let Body::Single { options, .. } | Body::Multiple { options, .. } = &q.body {
                    words.extend(options.iter().map(|o| o.text.clone()));
                }
                words
            })
            .collect();
        for phrase in &set.english_phrases {
            assert!(
                text.iter().any(|t| t.contains(phrase.as_str())),
                "{phrase} is not in the set"
            );
        }
        // Every place the report's title stands in the Welsh text is covered by a phrase.
        for t in text.iter().filter(|t| t.contains("Quality Chasm")) {
            let marked = crate::core::lang::phrase_pieces(t, &set.english_phrases);
            assert!(
                marked
                    .iter()
                    .any(|(piece, english)| *english && piece.contains("Quality Chasm")),
                "{t}"
            );
        }
        assert!(en().english_phrases.is_empty());
    }

    #[test]
    fn every_welsh_item_says_it_awaits_a_translator() {
        assert!(cy()
            .questions
            .iter()
            .all(|q| q.translator_reviewed == Some(false)));
    }

    #[test]
    fn every_question_cites_a_known_source_and_numbers_only_the_hubs_ten_references() {
        for set in [en(), cy()] {
            assert_eq!(
                set.references.iter().map(|r| r.id).collect::<Vec<_>>(),
                (1..=10).collect::<Vec<_>>(),
                "{}",
                set.language
            );
            assert!(set.page.is_some(), "the page itself is a source");
            for q in &set.questions {
                assert!(!q.sources.is_empty(), "{} has no source", q.id);
                for source in &q.sources {
                    let known = match source {
                        Source::Page => set.page.is_some(),
                        Source::Reference(id) => set.reference(*id).is_some(),
                        Source::Further(id) => set.further(id).is_some(),
                    };
                    assert!(known, "{} cites an unknown source {source:?}", q.id);
                }
            }
            // Further reading is never dressed as one of the hub's numbers.
            for further in &set.further_reading {
                assert!(further.year >= 1900 && !further.publisher.trim().is_empty());
            }
        }
    }

    #[test]
    fn sources_are_written_as_a_number_page_or_further_and_a_single_source_still_reads() {
        let q: Question = json::parse(
            r#"{ "id": "q", "topic": "t", "kind": "true-false", "prompt": "P", "answer": true,
                 "explanation": "E", "sources": [1, "page", { "further": "dq" }] }"#,
        )
        .unwrap();
        assert_eq!(
            q.sources,
            [
                Source::Reference(1),
                Source::Page,
                Source::Further("dq".into())
            ]
        );
        let old: Question = json::parse(
            r#"{ "id": "q", "topic": "t", "kind": "true-false", "prompt": "P", "answer": true,
                 "explanation": "E", "source": 4 }"#,
        )
        .unwrap();
        assert_eq!(old.sources, [Source::Reference(4)]);
        let round_trip: Question = json::parse(&json::to_string(&q)).unwrap();
        assert_eq!(round_trip, q);
        assert!(json::parse::<Question>(
            r#"{ "id": "q", "topic": "t", "kind": "true-false", "prompt": "P", "answer": true,
                 "explanation": "E", "sources": ["the page"] }"#
        )
        .is_err());
    }

    /// A valid set to break one rule at a time.
    fn fixture() -> QuestionSet {
        QuestionSet::parse(
            r#"{
              "language": "en",
              "topics": [{ "id": "t", "name": "Topic" }],
              "references": [{ "id": 1, "title": "Source" }],
              "questions": [
                { "id": "one", "topic": "t", "kind": "single", "prompt": "P?",
                  "options": [{ "id": "a", "text": "A" }, { "id": "b", "text": "B" }], "answer": "a",
                  "explanation": "E.", "source": 1 },
                { "id": "many", "topic": "t", "kind": "multiple", "prompt": "P?",
                  "options": [{ "id": "a", "text": "A" }, { "id": "b", "text": "B" }], "answer": ["a"],
                  "explanation": "E.", "source": 1 },
                { "id": "tf", "topic": "t", "kind": "true-false", "prompt": "P.", "answer": true,
                  "explanation": "E.", "source": 1 },
                { "id": "sort", "topic": "t", "kind": "sort", "prompt": "P?",
                  "categories": [{ "id": "x", "text": "X" }, { "id": "y", "text": "Y" }],
                  "statements": [{ "id": "s", "text": "S", "answer": "x" }],
                  "explanation": "E.", "source": 1 }
              ]
            }"#,
        )
        .unwrap()
    }

    fn question<'a>(set: &'a mut QuestionSet, id: &str) -> &'a mut Question {
        set.questions.iter_mut().find(|q| q.id == id).unwrap()
    }

    #[test]
    fn the_fixture_is_valid() {
        assert_eq!(fixture().problems(), Vec::<String>::new());
    }

    #[test]
    fn each_broken_rule_is_reported_in_plain_words() {
        type Break = fn(&mut QuestionSet);
        let cases: &[(&str, Break, &str)] = &[
            (
                "duplicate question id",
                |s| question(s, "many").id = "one".into(),
                "question id \"one\" is used twice",
            ),
            (
                "unknown topic",
                |s| question(s, "one").topic = "nope".into(),
                "topic \"nope\" is not one of",
            ),
            (
                "unknown source",
                |s| question(s, "one").sources = vec![Source::Reference(9)],
                "source 9 is not one of",
            ),
            (
                "no source",
                |s| question(s, "one").sources.clear(),
                "it needs a source",
            ),
            (
                "the page cited with no page named",
                |s| question(s, "one").sources.push(Source::Page),
                "cites \"page\", but the set names no \"page\"",
            ),
            (
                "unknown further reading",
                |s| {
                    question(s, "one")
                        .sources
                        .push(Source::Further("dq".into()))
                },
                "further reading \"dq\" is not in",
            ),
            (
                "a source cited twice",
                |s| question(s, "one").sources.push(Source::Reference(1)),
                "source 1 is cited twice",
            ),
            (
                "empty prompt",
                |s| question(s, "one").prompt = " ".into(),
                "its prompt is empty",
            ),
            (
                "empty explanation",
                |s| question(s, "one").explanation = String::new(),
                "its explanation is empty",
            ),
            (
                "single answer not an option",
                |s| {
                    if let Body::Single { answer, .. } = &mut question(s, "one").body {
                        *answer = "z".into();
                    }
                },
                "answer \"z\" is not one of its options",
            ),
            (
                "multiple with no correct answer",
                |s| {
                    if let Body::Multiple { answer, .. } = &mut question(s, "many").body {
                        answer.clear();
                    }
                },
                "needs at least one correct answer",
            ),
            (
                "multiple answer not an option",
                |s| {
                    if let Body::Multiple { answer, .. } = &mut question(s, "many").body {
                        answer.push("z".into());
                    }
                },
                "answer \"z\" is not one of its options",
            ),
            (
                "duplicate option id",
                |s| {
                    if let Body::Single { options, .. } = &mut question(s, "one").body {
                        options[1].id = "a".into();
                    }
                },
                "option id \"a\" is used twice",
            ),
            (
                "too few options",
                |s| {
                    if let Body::Single { options, .. } = &mut question(s, "one").body {
                        options.truncate(1);
                    }
                },
                "needs at least two options",
            ),
            (
                "statement in an unknown category",
                |s| {
                    if let Body::Sort { statements, .. } = &mut question(s, "sort").body {
                        statements[0].answer = "z".into();
                    }
                },
                "belongs to \"z\", which is not one of its categories",
            ),
            (
                "no statements",
                |s| {
                    if let Body::Sort { statements, .. } = &mut question(s, "sort").body {
                        statements.clear();
                    }
                },
                "needs at least one statement",
            ),
            (
                "translation without a review mark",
                |s| s.language = "cy".into(),
                "translator_reviewed",
            ),
            (
                "unknown language",
                |s| s.language = "fr".into(),
                "language is \"fr\"",
            ),
            (
                "no questions",
                |s| s.questions.clear(),
                "there are no questions",
            ),
            (
                "overlong text",
                |s| question(s, "one").prompt = "x".repeat(2001),
                "longer than 2000",
            ),
        ];
        for (name, break_it, expected) in cases {
            let mut set = fixture();
            break_it(&mut set);
            let problems = set.problems();
            assert!(
                problems.iter().any(|p| p.contains(expected)),
                "{name}: expected {expected:?} in {problems:?}"
            );
        }
    }

    #[test]
    fn translations_must_match_in_structure() {
        let mut translated = fixture();
        if let Body::Single { answer, .. } = &mut question(&mut translated, "one").body {
            *answer = "b".into();
        }
        let problems = fixture().translation_problems(&translated);
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert!(problems[0].contains("\"one\""));

        let mut reordered = fixture();
        reordered.questions.reverse();
        assert!(!fixture().translation_problems(&reordered).is_empty());
    }

    fn fixture_json(language: &str) -> String {
        let mut set = fixture();
        set.language = language.into();
        if language != "en" {
            for q in &mut set.questions {
                q.translator_reviewed = Some(false);
                q.prompt = format!("{language}: {}", q.prompt);
            }
        }
        json::to_string(&set)
    }

    #[test]
    fn no_host_sets_means_the_built_in_ones() {
        let content = QuizContent::from_host(&[]).unwrap();
        assert_eq!(content.bank().questions.len(), en().questions.len());
        assert_eq!(content.for_lang(Lang::Welsh).language, "cy");
    }

    #[test]
    fn a_valid_host_set_replaces_the_built_in_bank() {
        let content = QuizContent::from_host(&[fixture_json("en")]).unwrap();
        assert_eq!(content.bank().questions.len(), 4);
        // English only: a Welsh reader gets the English set, marked as English by the view.
        assert_eq!(content.for_lang(Lang::Welsh).language, "en");
        let both = QuizContent::from_host(&[fixture_json("en"), fixture_json("cy")]).unwrap();
        assert!(both.for_lang(Lang::Welsh).questions[0]
            .prompt
            .starts_with("cy: "));
    }

    #[test]
    fn invalid_host_sets_are_a_list_of_problems_naming_the_set() {
        let mut broken = fixture();
        broken.questions[0].sources = vec![Source::Reference(42)];
        let problems =
            QuizContent::from_host(&[json::to_string(&broken), "not json".into()]).unwrap_err();
        assert!(
            problems
                .iter()
                .any(|p| p.starts_with("question set 1: question \"one\": source 42")),
            "{problems:?}"
        );
        assert!(
            problems
                .iter()
                .any(|p| p.starts_with("question set 2: the question set is not valid")),
            "{problems:?}"
        );
        let twice = QuizContent::from_host(&[fixture_json("en"), fixture_json("en")]).unwrap_err();
        assert!(
            twice
                .iter()
                .any(|p| p.contains("two question sets in \"en\"")),
            "{twice:?}"
        );
    }

    #[test]
    fn host_translations_must_match_the_first_set() {
        let mut cy = fixture();
        cy.language = "cy".into();
        cy.questions.pop();
        for q in &mut cy.questions {
            q.translator_reviewed = Some(true);
        }
        let problems =
            QuizContent::from_host(&[fixture_json("en"), json::to_string(&cy)]).unwrap_err();
        assert!(
            problems.iter().any(|p| p.contains("same questions")),
            "{problems:?}"
        );
    }

    #[test]
    fn a_question_missing_what_its_kind_needs_is_named() {
        let mut json: serde_json::Value = serde_json::from_str(&fixture_json("en")).unwrap();
        let cases = [
            (
                "single",
                "options",
                "\"options\" and one option id as \"answer\"",
            ),
            ("true-false", "answer", "true or false as \"answer\""),
        ];
        for (kind, field, needs) in cases {
            let question = json["questions"]
                .as_array_mut()
                .unwrap()
                .iter_mut()
                .find(|q| q["kind"] == kind)
                .unwrap();
            let id = question["id"].as_str().unwrap().to_owned();
            let kept = question.as_object_mut().unwrap().remove(field).unwrap();
            let problems = QuestionSet::parse(&json.to_string()).unwrap_err();
            assert!(
                problems[0].contains(&format!("question \"{id}\" needs {needs}")),
                "{problems:?}"
            );
            let question = json["questions"]
                .as_array_mut()
                .unwrap()
                .iter_mut()
                .find(|q| q["id"] == id.as_str())
                .unwrap();
            question.as_object_mut().unwrap().insert(field.into(), kept);
        }
        // Put back, it reads again, the same as written.
        assert_eq!(QuestionSet::parse(&json.to_string()), Ok(fixture()));
    }

    #[test]
    fn json_that_is_not_a_question_set_is_one_plain_problem() {
        let problems = QuestionSet::parse("{\"questions\": 5}").unwrap_err();
        assert_eq!(problems.len(), 1);
        assert!(problems[0].starts_with("the question set is not valid"));
    }
}
