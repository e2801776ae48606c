//! How an answer scores, and what to say about each option chosen or missed.
//!
//! Every question is worth one point. "Select all that apply" gives partial credit: correct
//! ticks minus wrong ticks, over the number of correct options, never below zero. A sorting
//! question scores the share of statements put in the right category.

use crate::core::gather;
use crate::core::json::{self, write_variant, FromJson, SerJson, SerJsonState, Shape, Value};
use crate::core::sorted::{SortedMap, SortedSet};

use super::content::{Body, Question};

/// What the person answered to one question. Stored as `{"choice":"b"}`, `{"choices":[..]}`,
/// `{"truth":true}` or `{"sorted":{..}}`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Answer {
    /// The chosen option of a single-choice question.
    Choice(String),
    /// The ticked options of a multiple-choice question.
    Choices(SortedSet),
    /// True or false.
    Truth(bool),
    /// Statement id to the category chosen for it.
    Sorted(SortedMap<String>),
}

impl SerJson for Answer {
    fn ser_json(&self, _: usize, s: &mut SerJsonState) {
        match self {
            Answer::Choice(id) => write_variant(s, "choice", id),
            Answer::Choices(ids) => write_variant(s, "choices", ids),
            Answer::Truth(truth) => write_variant(s, "truth", truth),
            Answer::Sorted(sorted) => write_variant(s, "sorted", sorted),
        }
    }
}

impl FromJson for Answer {
    fn from_json(value: &Value) -> Result<Self, Shape> {
        let (name, data) = value.variant()?;
        match name {
            "choice" => json::variant_data(data, name).map(Answer::Choice),
            "choices" => json::variant_data(data, name).map(Answer::Choices),
            "truth" => json::variant_data(data, name).map(Answer::Truth),
            "sorted" => json::variant_data(data, name).map(Answer::Sorted),
            _ => Err(json::not_allowed(name)),
        }
    }
}

/// Credit for one question: `got` parts out of `of` (the question is worth `got / of` points).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Credit {
    pub got: u32,
    pub of: u32,
}

impl Credit {
    /// The question's points, from 0 to 1.
    pub fn points(self) -> f64 {
        if self.of == 0 {
            0.0
        } else {
            f64::from(self.got) / f64::from(self.of)
        }
    }

    pub fn is_full(self) -> bool {
        self.got == self.of
    }
}

/// The right answer to a question, as an [`Answer`] (for the review, and for tests).
pub fn right_answer(question: &Question) -> Answer {
    match &question.body {
        Body::Single { answer, .. } => Answer::Choice(answer.clone()),
        Body::Multiple { answer, .. } => Answer::Choices(gather(answer.iter().cloned())),
        Body::TrueFalse { answer } => Answer::Truth(*answer),
        Body::Sort { statements, .. } => Answer::Sorted(gather(
            statements.iter().map(|s| (s.id.clone(), s.answer.clone())),
        )),
    }
}

/// Whether an answer is complete enough to check: something chosen, every statement sorted.
pub fn is_complete(question: &Question, answer: Option<&Answer>) -> bool {
    match (&question.body, answer) {
        (Body::Single { .. }, Some(Answer::Choice(_))) => true,
        (Body::Multiple { .. }, Some(Answer::Choices(ticked))) => !ticked.is_empty(),
        (Body::TrueFalse { .. }, Some(Answer::Truth(_))) => true,
        (Body::Sort { statements, .. }, Some(Answer::Sorted(sorted))) => {
            statements.iter().all(|s| sorted.contains_key(&s.id))
        }
        _ => false,
    }
}

/// The credit an answer earns. A missing answer, or one of the wrong kind, earns nothing.
pub fn credit(question: &Question, answer: Option<&Answer>) -> Credit {
    match &question.body {
        Body::Single { answer: right, .. } => {
            let got = matches!(answer, Some(Answer::Choice(chosen)) if chosen == right);
            Credit {
                got: u32::from(got),
                of: 1,
            }
        }
        Body::TrueFalse { answer: right } => {
            let got = matches!(answer, Some(Answer::Truth(chosen)) if chosen == right);
            Credit {
                got: u32::from(got),
                of: 1,
            }
        }
        Body::Multiple { answer: right, .. } => {
            let of = right.len() as u32;
            let Some(Answer::Choices(ticked)) = answer else {
                return Credit { got: 0, of };
            };
            let correct = ticked.iter().filter(|id| right.contains(id)).count() as u32;
            let wrong = ticked.len() as u32 - correct;
            Credit {
                got: correct.saturating_sub(wrong),
                of,
            }
        }
        Body::Sort { statements, .. } => {
            let of = statements.len() as u32;
            let Some(Answer::Sorted(sorted)) = answer else {
                return Credit { got: 0, of };
            };
            let got = statements
                .iter()
                .filter(|s| sorted.get(&s.id) == Some(&s.answer))
                .count() as u32;
            Credit { got, of }
        }
    }
}

/// Feedback on one option or statement after checking.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Verdict {
    /// Chosen, and right to choose.
    ChosenCorrect,
    /// Chosen, but wrong.
    ChosenWrong,
    /// Not chosen, but it is a right answer.
    Missed,
    /// Not chosen, and rightly so.
    RightlyLeft,
}

/// The verdict on each option id (single and multiple choice), each of "true"/"false", or each
/// statement id (sorting: chosen-correct or chosen-wrong, or missed if left unsorted).
pub fn verdicts(question: &Question, answer: Option<&Answer>) -> Vec<(String, Verdict)> {
    let verdict = |chosen: bool, right: bool| match (chosen, right) {
        (true, true) => Verdict::ChosenCorrect,
        (true, false) => Verdict::ChosenWrong,
        (false, true) => Verdict::Missed,
        (false, false) => Verdict::RightlyLeft,
    };
    match &question.body {
        Body::Single {
            options,
            answer: right,
        } => options
            .iter()
            .map(|o| {
                let chosen = matches!(answer, Some(Answer::Choice(c)) if c == &o.id);
                (o.id.clone(), verdict(chosen, &o.id == right))
            })
            .collect(),
        Body::Multiple {
            options,
            answer: right,
        } => options
            .iter()
            .map(|o| {
                let chosen = matches!(answer, Some(Answer::Choices(t)) if t.contains(&o.id));
                (o.id.clone(), verdict(chosen, right.contains(&o.id)))
            })
            .collect(),
        Body::TrueFalse { answer: right } => [true, false]
            .into_iter()
            .map(|value| {
                let chosen = matches!(answer, Some(Answer::Truth(c)) if *c == value);
                (value.to_string(), verdict(chosen, value == *right))
            })
            .collect(),
        Body::Sort { statements, .. } => statements
            .iter()
            .map(|s| {
                let placed = match answer {
                    Some(Answer::Sorted(sorted)) => sorted.get(&s.id),
                    _ => None,
                };
                let v = match placed {
                    Some(category) if *category == s.answer => Verdict::ChosenCorrect,
                    Some(_) => Verdict::ChosenWrong,
                    None => Verdict::Missed,
                };
                (s.id.clone(), v)
            })
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::quiz::content::{Choice, Statement};

    fn question(body: Body) -> Question {
        Question {
            id: "q".into(),
            topic: "t".into(),
            prompt: "p".into(),
            body,
            explanation: "e".into(),
            sources: vec![crate::core::quiz::content::Source::Reference(1)],
            translator_reviewed: None,
        }
    }

    fn choices(ids: &[&str]) -> Vec<Choice> {
        ids.iter()
            .map(|id| Choice {
                id: (*id).into(),
                text: id.to_uppercase(),
            })
            .collect()
    }

    fn ticked(ids: &[&str]) -> Answer {
        Answer::Choices(ids.iter().map(|s| (*s).to_owned()).collect())
    }

    fn multiple() -> Question {
        // Four options, three of them right.
        question(Body::Multiple {
            options: choices(&["a", "b", "c", "d"]),
            answer: vec!["a".into(), "b".into(), "c".into()],
        })
    }

    fn sort() -> Question {
        let statements = [
            ("s1", "coaching"),
            ("s2", "mentoring"),
            ("s3", "both"),
            ("s4", "coaching"),
        ]
        .iter()
        .map(|(id, cat)| Statement {
            id: (*id).into(),
            text: id.to_uppercase(),
            answer: (*cat).into(),
        })
        .collect();
        question(Body::Sort {
            categories: choices(&["coaching", "mentoring", "both"]),
            statements,
        })
    }

    #[test]
    fn single_choice_scores_one_for_the_right_option_only() {
        let q = question(Body::Single {
            options: choices(&["a", "b", "c"]),
            answer: "b".into(),
        });
        let cases = [
            (Some(Answer::Choice("b".into())), 1),
            (Some(Answer::Choice("a".into())), 0),
            (Some(Answer::Choice("not-an-option".into())), 0),
            (Some(Answer::Truth(true)), 0),
            (None, 0),
        ];
        for (answer, got) in cases {
            assert_eq!(
                credit(&q, answer.as_ref()),
                Credit { got, of: 1 },
                "{answer:?}"
            );
        }
    }

    #[test]
    fn true_false_scores_the_right_value() {
        let q = question(Body::TrueFalse { answer: false });
        assert_eq!(credit(&q, Some(&Answer::Truth(false))).got, 1);
        assert_eq!(credit(&q, Some(&Answer::Truth(true))).got, 0);
        assert_eq!(credit(&q, None).got, 0);
    }

    #[test]
    fn multiple_choice_partial_credit_is_right_minus_wrong_never_below_zero() {
        let q = multiple();
        let cases: &[(&[&str], u32)] = &[
            (&["a", "b", "c"], 3),      // all right
            (&["a", "b"], 2),           // one missed
            (&["a"], 1),                // two missed
            (&["a", "b", "c", "d"], 2), // all right plus one wrong
            (&["a", "d"], 0),           // one right, one wrong
            (&["d"], 0),                // only wrong: zero, not below
            (&[], 0),                   // nothing ticked
        ];
        for (ids, got) in cases {
            assert_eq!(
                credit(&q, Some(&ticked(ids))),
                Credit { got: *got, of: 3 },
                "{ids:?}"
            );
        }
        assert!((credit(&q, Some(&ticked(&["a", "b"]))).points() - 2.0 / 3.0).abs() < 1e-9);
    }

    #[test]
    fn sorting_scores_the_share_of_statements_in_the_right_category() {
        let q = sort();
        let sorted = |pairs: &[(&str, &str)]| {
            Answer::Sorted(
                pairs
                    .iter()
                    .map(|(s, c)| ((*s).to_owned(), (*c).to_owned()))
                    .collect(),
            )
        };
        let all_right = sorted(&[
            ("s1", "coaching"),
            ("s2", "mentoring"),
            ("s3", "both"),
            ("s4", "coaching"),
        ]);
        assert_eq!(credit(&q, Some(&all_right)), Credit { got: 4, of: 4 });
        let two_wrong = sorted(&[
            ("s1", "coaching"),
            ("s2", "both"),
            ("s3", "mentoring"),
            ("s4", "coaching"),
        ]);
        assert_eq!(credit(&q, Some(&two_wrong)), Credit { got: 2, of: 4 });
        let partial = sorted(&[("s1", "coaching")]);
        assert_eq!(credit(&q, Some(&partial)), Credit { got: 1, of: 4 });
        assert!(
            !is_complete(&q, Some(&partial)),
            "every statement must be sorted before checking"
        );
        assert!(is_complete(&q, Some(&all_right)));
    }

    #[test]
    fn an_empty_selection_is_not_complete() {
        assert!(!is_complete(&multiple(), Some(&ticked(&[]))));
        assert!(!is_complete(&multiple(), None));
        assert!(is_complete(&multiple(), Some(&ticked(&["d"]))));
    }

    #[test]
    fn verdicts_say_what_was_chosen_rightly_wrongly_or_missed() {
        let got = verdicts(&multiple(), Some(&ticked(&["a", "d"])));
        assert_eq!(
            got,
            [
                ("a".to_owned(), Verdict::ChosenCorrect),
                ("b".to_owned(), Verdict::Missed),
                ("c".to_owned(), Verdict::Missed),
                ("d".to_owned(), Verdict::ChosenWrong),
            ]
        );
        let tf = verdicts(
            &question(Body::TrueFalse { answer: true }),
            Some(&Answer::Truth(false)),
        );
        assert_eq!(
            tf,
            [
                ("true".to_owned(), Verdict::Missed),
                ("false".to_owned(), Verdict::ChosenWrong)
            ]
        );
    }
}
