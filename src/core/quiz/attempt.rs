//! One attempt at the quiz: which questions, in what order, what was answered and checked, and
//! the results. An attempt is saved as it goes, so it resumes after a reload.

use crate::core::json::{self, FromJson, SerJson, Shape, Value};
use crate::core::sorted::{SortedMap, SortedSet};

use crate::core::typed::cut_to_limit;

use super::content::{Body, Question, QuestionSet};
use super::scoring::{credit, is_complete, Answer};
use crate::core::storage::RecordSpec;

/// The saved attempt in progress.
pub const PROGRESS: RecordSpec = RecordSpec {
    name: "quiz",
    version: 1,
    migrations: &[],
};
/// The saved results of finished attempts. Version 2 keeps each attempt's questions and answers
/// and the person's notes, for a learning record.
pub const HISTORY: RecordSpec = RecordSpec {
    name: "quiz-history",
    version: 2,
    migrations: &[history_v1_to_v2],
};

/// Version 1 to 2: each result gains an empty list of questions (version 1 did not keep them)
/// and empty notes; its scores stay as they were. Read through the record's own type.
fn history_v1_to_v2(data: &str) -> Option<String> {
    let history: Vec<AttemptRecord> = json::parse(data).ok()?;
    Some(json::to_string(&history))
}

/// The longest note in a learning record, in characters.
pub const NOTES_LIMIT: usize = 2000;
/// How many finished attempts the history keeps.
pub const HISTORY_LIMIT: usize = 50;

/// How the page author set the quiz up (attributes `questions`, `shuffle`, `pass-mark`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, SerJson)]
pub struct QuizSettings {
    /// Draw this many questions (balanced across topics); all when `None`.
    pub count: Option<usize>,
    /// Shuffle question and option order; `false` keeps the authored order.
    pub shuffle: bool,
    /// A pass mark in percent; `None` means a self-check with no pass mark.
    pub pass_mark: Option<u8>,
}

impl FromJson for QuizSettings {
    fn from_json(value: &Value) -> Result<Self, Shape> {
        let members = value.members()?;
        Ok(QuizSettings {
            count: members.get("count")?,
            shuffle: members.get("shuffle")?,
            pass_mark: members.get("pass_mark")?,
        })
    }
}

impl Default for QuizSettings {
    fn default() -> Self {
        QuizSettings {
            count: None,
            shuffle: true,
            pass_mark: None,
        }
    }
}

/// A question of the attempt and the order its options (or statements) are shown in.
#[derive(Clone, Debug, PartialEq, Eq, SerJson)]
pub struct Item {
    pub id: String,
    pub order: Vec<String>,
}

impl FromJson for Item {
    fn from_json(value: &Value) -> Result<Self, Shape> {
        let members = value.members()?;
        Ok(Item {
            id: members.get("id")?,
            order: members.get("order")?,
        })
    }
}

/// Why "Check answer" did nothing.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CheckError {
    /// Nothing (or not everything) was answered.
    Unanswered,
}

/// An attempt in progress.
#[derive(Clone, Debug, PartialEq, SerJson)]
pub struct Attempt {
    /// Which question set it was drawn from.
    pub bank: String,
    pub items: Vec<Item>,
    pub answers: SortedMap<Answer>,
    pub checked: SortedSet,
    /// The index of the question showing; `items.len()` once finished.
    pub current: usize,
    pub started_at: String,
    /// The settings it started with, which it keeps if the page changes them. Absent from
    /// attempts saved before it was recorded (older readers ignore it, so no version step).
    pub settings: Option<QuizSettings>,
}

impl FromJson for Attempt {
    fn from_json(value: &Value) -> Result<Self, Shape> {
        let members = value.members()?;
        Ok(Attempt {
            bank: members.get("bank")?,
            items: members.get("items")?,
            answers: members.get("answers")?,
            checked: members.get("checked")?,
            current: members.get("current")?,
            started_at: members.get("started_at")?,
            settings: members.get("settings")?,
        })
    }
}

/// A topic's share of the score.
#[derive(Clone, Debug, PartialEq, SerJson)]
pub struct TopicScore {
    pub topic: String,
    #[nserde(proxy = "crate::core::json::Number")]
    pub score: f64,
    pub possible: u32,
}

impl FromJson for TopicScore {
    fn from_json(value: &Value) -> Result<Self, Shape> {
        let members = value.members()?;
        Ok(TopicScore {
            topic: members.get("topic")?,
            score: members.get("score")?,
            possible: members.get("possible")?,
        })
    }
}

/// A finished attempt's scores, as kept in the history.
#[derive(Clone, Debug, Default, PartialEq, SerJson)]
pub struct AttemptRecord {
    pub finished_at: String,
    #[nserde(proxy = "crate::core::json::Number")]
    pub score: f64,
    pub possible: u32,
    pub by_topic: Vec<TopicScore>,
    /// The question set it was drawn from (its fingerprint). Version 2 on.
    pub bank: String,
    /// Its questions in the order asked, with the person's answers. Version 2 on.
    pub asked: Vec<AskedQuestion>,
    /// The pass mark it was taken with; `None` for a self-check.
    pub pass_mark: Option<u8>,
    /// What the person wrote about it, for a learning record.
    pub notes: LearningNotes,
}

impl FromJson for AttemptRecord {
    fn from_json(value: &Value) -> Result<Self, Shape> {
        let members = value.members()?;
        Ok(AttemptRecord {
            finished_at: members.get("finished_at")?,
            score: members.get("score")?,
            possible: members.get("possible")?,
            by_topic: members.get("by_topic")?,
            bank: members.get_or_default("bank")?,
            asked: members.get_or_default("asked")?,
            pass_mark: members.get("pass_mark")?,
            notes: members.get_or_default("notes")?,
        })
    }
}

/// One question of a finished attempt and the person's answer.
#[derive(Clone, Debug, PartialEq, Eq, SerJson)]
pub struct AskedQuestion {
    pub id: String,
    pub answer: Option<Answer>,
}

impl FromJson for AskedQuestion {
    fn from_json(value: &Value) -> Result<Self, Shape> {
        let members = value.members()?;
        Ok(AskedQuestion {
            id: members.get("id")?,
            answer: members.get("answer")?,
        })
    }
}

/// What the person learned from an attempt and will do differently, typed for a learning record.
#[derive(Clone, Debug, Default, PartialEq, Eq, SerJson)]
pub struct LearningNotes {
    pub learned: String,
    pub differently: String,
}

impl FromJson for LearningNotes {
    fn from_json(value: &Value) -> Result<Self, Shape> {
        let members = value.members()?;
        Ok(LearningNotes {
            learned: members.get("learned")?,
            differently: members.get("differently")?,
        })
    }
}

/// A change to a learning record's notes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum NotesEdit {
    Learned(String),
    Differently(String),
}

impl LearningNotes {
    /// Applies an edit, cut at [`NOTES_LIMIT`] characters.
    pub fn edit(&mut self, edit: NotesEdit) {
        let limited = |text: String| cut_to_limit(text, NOTES_LIMIT);
        match edit {
            NotesEdit::Learned(text) => self.learned = limited(text),
            NotesEdit::Differently(text) => self.differently = limited(text),
        }
    }

    /// Whether both notes are within the limit.
    pub fn within_limits(&self) -> bool {
        self.learned.chars().count() <= NOTES_LIMIT
            && self.differently.chars().count() <= NOTES_LIMIT
    }
}

impl AttemptRecord {
    /// The score as a whole percentage.
    pub fn percent(&self) -> u32 {
        if self.possible == 0 {
            0
        } else {
            (self.score * 100.0 / f64::from(self.possible)).round() as u32
        }
    }

    /// Whether it reaches `pass_mark` percent.
    pub fn passed(&self, pass_mark: u8) -> bool {
        self.percent() >= u32::from(pass_mark)
    }
}

/// A short fingerprint of a question set's ids, so a saved attempt is only resumed against the
/// set it was drawn from (FNV-1a, 64 bits).
pub fn fingerprint(set: &QuestionSet) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for question in &set.questions {
        for byte in question.id.bytes().chain([0]) {
            hash ^= u64::from(byte);
            hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
        }
    }
    format!("{hash:016x}")
}

/// The ids of the options (or statements) of a question, in authored order.
fn authored_order(question: &Question) -> Vec<String> {
    match &question.body {
        Body::Single { options, .. } | Body::Multiple { options, .. } => {
            options.iter().map(|o| o.id.clone()).collect()
        }
        Body::TrueFalse { .. } => vec!["true".into(), "false".into()],
        Body::Sort { statements, .. } => statements.iter().map(|s| s.id.clone()).collect(),
    }
}

/// Picks `count` questions, taking topics in turn so each is represented as evenly as the bank
/// allows. With shuffling, each topic's questions are drawn at random; without, in order.
pub fn draw<'a>(
    set: &'a QuestionSet,
    count: usize,
    shuffle: bool,
    rng: &mut fastrand::Rng,
) -> Vec<&'a Question> {
    let mut pools: Vec<Vec<&Question>> = set
        .topics
        .iter()
        .map(|topic| {
            set.questions
                .iter()
                .filter(|q| q.topic == topic.id)
                .collect()
        })
        .collect();
    if shuffle {
        for pool in &mut pools {
            rng.shuffle(pool);
        }
    }
    let mut picked = Vec::new();
    let mut round = 0;
    while picked.len() < count && pools.iter().any(|pool| round < pool.len()) {
        for pool in &pools {
            if picked.len() < count {
                if let Some(question) = pool.get(round) {
                    picked.push(*question);
                }
            }
        }
        round += 1;
    }
    picked
}

impl Attempt {
    /// Starts an attempt: draws and orders the questions and their options.
    pub fn start(set: &QuestionSet, settings: &QuizSettings, seed: u64, now: &str) -> Attempt {
        let mut rng = fastrand::Rng::with_seed(seed);
        let count = settings
            .count
            .unwrap_or(set.questions.len())
            .min(set.questions.len());
        let mut picked = draw(set, count, settings.shuffle, &mut rng);
        if settings.shuffle {
            rng.shuffle(&mut picked);
        } else {
            // The authored order, by filtering rather than sorting (no sort code in the bundle).
            picked = set
                .questions
                .iter()
                .filter(|q| picked.iter().any(|p| std::ptr::eq(*p, *q)))
                .collect();
        }
        let items = picked
            .into_iter()
            .map(|question| {
                let mut order = authored_order(question);
                // True / false keeps its order: "True" first is what people expect.
                if settings.shuffle && !matches!(question.body, Body::TrueFalse { .. }) {
                    rng.shuffle(&mut order);
                }
                Item {
                    id: question.id.clone(),
                    order,
                }
            })
            .collect();
        Attempt {
            bank: fingerprint(set),
            items,
            answers: SortedMap::default(),
            checked: SortedSet::default(),
            current: 0,
            started_at: now.to_owned(),
            settings: Some(*settings),
        }
    }

    /// The pass mark this attempt is marked against: the one it started with, or `current` for
    /// an attempt saved before its settings were recorded.
    pub fn pass_mark(&self, current: &QuizSettings) -> Option<u8> {
        self.settings.unwrap_or(*current).pass_mark
    }

    /// Whether the page's settings now differ from those this attempt started with.
    pub fn settings_changed(&self, current: &QuizSettings) -> bool {
        self.settings.is_some_and(|started| started != *current)
    }

    /// Whether a saved attempt still fits `set`: same bank, every question and option present.
    pub fn fits(&self, set: &QuestionSet) -> bool {
        self.bank == fingerprint(set)
            && self.current <= self.items.len()
            && self.items.iter().all(|item| {
                // The same ids in any order (ids within a question are unique: validated).
                set.question(&item.id).is_some_and(|q| {
                    let expected = authored_order(q);
                    expected.len() == item.order.len()
                        && expected.iter().all(|id| item.order.contains(id))
                })
            })
    }

    /// The item showing, if the attempt is not finished.
    pub fn current_item(&self) -> Option<&Item> {
        self.items.get(self.current)
    }

    pub fn is_finished(&self) -> bool {
        self.current >= self.items.len()
    }

    /// Whether any question has an answer (checked or not): starting again would lose it.
    pub fn has_answers(&self) -> bool {
        !self.answers.is_empty()
    }

    /// Whether the current question has been checked.
    pub fn current_checked(&self) -> bool {
        self.current_item()
            .is_some_and(|item| self.checked.contains(&item.id))
    }

    /// Records an answer to the current question (ignored once it is checked).
    pub fn answer(&mut self, answer: Answer) {
        if let Some(item) = self.current_item() {
            if !self.checked.contains(&item.id) {
                let id = item.id.clone();
                self.answers.insert(id, answer);
            }
        }
    }

    /// Checks the current question's answer.
    pub fn check(&mut self, set: &QuestionSet) -> Result<(), CheckError> {
        let item = self.current_item().ok_or(CheckError::Unanswered)?;
        let question = set.question(&item.id).ok_or(CheckError::Unanswered)?;
        if !is_complete(question, self.answers.get(&item.id)) {
            return Err(CheckError::Unanswered);
        }
        let id = item.id.clone();
        self.checked.insert(id);
        Ok(())
    }

    /// Moves to the next question once this one is checked.
    pub fn next(&mut self) {
        if self.current_checked() {
            self.current += 1;
        }
    }

    /// The scores of the attempt so far, overall and per topic.
    pub fn record(
        &self,
        set: &QuestionSet,
        finished_at: &str,
        pass_mark: Option<u8>,
    ) -> AttemptRecord {
        let mut by_topic: Vec<TopicScore> = Vec::new();
        for topic in &set.topics {
            let questions: Vec<&Question> = self
                .items
                .iter()
                .filter_map(|item| set.question(&item.id))
                .filter(|q| q.topic == topic.id)
                .collect();
            if questions.is_empty() {
                continue;
            }
            let score = questions
                .iter()
                .map(|q| credit(q, self.answers.get(&q.id)).points())
                .sum();
            by_topic.push(TopicScore {
                topic: topic.id.clone(),
                score,
                possible: questions.len() as u32,
            });
        }
        AttemptRecord {
            finished_at: finished_at.to_owned(),
            score: by_topic.iter().map(|t| t.score).sum(),
            possible: self.items.len() as u32,
            by_topic,
            bank: self.bank.clone(),
            asked: self
                .items
                .iter()
                .map(|item| AskedQuestion {
                    id: item.id.clone(),
                    answer: self.answers.get(&item.id).cloned(),
                })
                .collect(),
            pass_mark,
            notes: LearningNotes::default(),
        }
    }
}

/// Adds a finished attempt to the front of the history, keeping the newest [`HISTORY_LIMIT`].
pub fn remember(history: &mut Vec<AttemptRecord>, record: AttemptRecord) {
    history.insert(0, record);
    history.truncate(HISTORY_LIMIT);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::lang::Lang;
    use crate::core::quiz::content::built_in;
    use crate::core::storage::{decode, encode, Envelope};

    const NOW: &str = "2026-11-26T10:00:00.000Z";

    fn bank() -> &'static QuestionSet {
        static BANK: std::sync::OnceLock<QuestionSet> = std::sync::OnceLock::new();
        BANK.get_or_init(|| (*built_in(Lang::English)).clone())
    }

    fn ids(attempt: &Attempt) -> Vec<&str> {
        attempt.items.iter().map(|i| i.id.as_str()).collect()
    }

    fn shuffled(count: Option<usize>) -> QuizSettings {
        QuizSettings {
            count,
            ..QuizSettings::default()
        }
    }

    #[test]
    fn the_same_seed_gives_the_same_attempt_and_another_seed_a_different_one() {
        let a = Attempt::start(bank(), &shuffled(None), 7, NOW);
        assert_eq!(a, Attempt::start(bank(), &shuffled(None), 7, NOW));
        let b = Attempt::start(bank(), &shuffled(None), 8, NOW);
        assert_ne!(ids(&a), ids(&b), "question order reshuffles");
        assert_eq!(a.items.len(), bank().questions.len());
    }

    #[test]
    fn shuffling_moves_options_but_never_true_and_false() {
        let seeds_with_moved_options = (0..20)
            .filter(|seed| {
                let attempt = Attempt::start(bank(), &shuffled(None), *seed, NOW);
                attempt.items.iter().any(|item| {
                    let q = bank().question(&item.id).unwrap();
                    item.order != authored_order(q)
                })
            })
            .count();
        assert!(seeds_with_moved_options > 15);
        for seed in 0..20 {
            let attempt = Attempt::start(bank(), &shuffled(None), seed, NOW);
            for item in &attempt.items {
                if matches!(
                    bank().question(&item.id).unwrap().body,
                    Body::TrueFalse { .. }
                ) {
                    assert_eq!(item.order, ["true", "false"]);
                }
            }
        }
    }

    #[test]
    fn shuffle_false_keeps_the_authored_order() {
        let settings = QuizSettings {
            shuffle: false,
            ..QuizSettings::default()
        };
        let attempt = Attempt::start(bank(), &settings, 99, NOW);
        let authored: Vec<&str> = bank().questions.iter().map(|q| q.id.as_str()).collect();
        assert_eq!(ids(&attempt), authored);
        for item in &attempt.items {
            assert_eq!(
                item.order,
                authored_order(bank().question(&item.id).unwrap())
            );
        }
    }

    #[test]
    fn drawing_n_questions_balances_the_topics() {
        for seed in 0..10 {
            let attempt = Attempt::start(bank(), &shuffled(Some(8)), seed, NOW);
            assert_eq!(attempt.items.len(), 8);
            for topic in &bank().topics {
                let n = attempt
                    .items
                    .iter()
                    .filter(|i| bank().question(&i.id).unwrap().topic == topic.id)
                    .count();
                assert_eq!(
                    n, 2,
                    "8 questions over 4 topics: 2 each (seed {seed}, {})",
                    topic.id
                );
            }
        }
    }

    #[test]
    fn drawing_more_than_a_small_topic_has_fills_from_the_others() {
        // 3 topics have 3 questions; the fourth has more. 14 = 3 + 3 + 3 + 5.
        let attempt = Attempt::start(bank(), &shuffled(Some(14)), 1, NOW);
        assert_eq!(attempt.items.len(), 14);
        let unique: std::collections::BTreeSet<&str> = ids(&attempt).into_iter().collect();
        assert_eq!(unique.len(), 14, "no question twice");
    }

    #[test]
    fn asking_for_more_questions_than_the_bank_has_gives_them_all() {
        assert_eq!(
            Attempt::start(bank(), &shuffled(Some(500)), 1, NOW)
                .items
                .len(),
            bank().questions.len()
        );
    }

    #[test]
    fn check_refuses_an_unanswered_question_and_next_waits_for_a_check() {
        let mut attempt = Attempt::start(
            bank(),
            &QuizSettings {
                shuffle: false,
                ..QuizSettings::default()
            },
            1,
            NOW,
        );
        assert_eq!(attempt.check(bank()), Err(CheckError::Unanswered));
        attempt.next();
        assert_eq!(attempt.current, 0, "cannot skip ahead without checking");
        attempt.answer(Answer::Choice("specific".into()));
        assert_eq!(attempt.check(bank()), Ok(()));
        attempt.answer(Answer::Choice("open".into()));
        assert_eq!(
            attempt.answers["coaching-structure"],
            Answer::Choice("specific".into()),
            "a checked answer is final"
        );
        attempt.next();
        assert_eq!(attempt.current, 1);
    }

    #[test]
    fn the_record_scores_overall_and_per_topic() {
        let settings = QuizSettings {
            shuffle: false,
            ..QuizSettings::default()
        };
        let mut attempt = Attempt::start(bank(), &settings, 1, NOW);
        // Answer the first question right and the "mentoring-helps" one half right.
        attempt.answers.insert(
            "coaching-structure".into(),
            Answer::Choice("specific".into()),
        );
        attempt.answers.insert(
            "mentoring-helps".into(),
            Answer::Choices(["transition".to_owned()].into()),
        );
        let record = attempt.record(bank(), NOW, Some(80));
        assert_eq!(record.possible, bank().questions.len() as u32);
        // Version 2 keeps each question as asked, with the answer given (or none).
        assert_eq!(record.asked.len(), attempt.items.len());
        assert_eq!(record.asked[0].id, attempt.items[0].id);
        let structure = record
            .asked
            .iter()
            .find(|q| q.id == "coaching-structure")
            .unwrap();
        assert_eq!(structure.answer, Some(Answer::Choice("specific".into())));
        assert_eq!(
            record.asked.iter().filter(|q| q.answer.is_none()).count(),
            attempt.items.len() - 2
        );
        assert_eq!(record.bank, attempt.bank);
        assert_eq!(record.pass_mark, Some(80));
        assert!((record.score - 1.5).abs() < 1e-9, "{}", record.score);
        let mentoring = record
            .by_topic
            .iter()
            .find(|t| t.topic == "mentoring-coaching")
            .unwrap();
        assert!((mentoring.score - 1.5).abs() < 1e-9);
        assert_eq!(
            record.by_topic.iter().map(|t| t.possible).sum::<u32>(),
            record.possible
        );
        assert!(!record.passed(80));
    }

    #[test]
    fn version_1_results_keep_their_scores_and_gain_empty_notes() {
        let v1 = r#"[{"finished_at":"2026-11-26T10:10:00.000Z","score":12.5,"possible":16,
            "by_topic":[{"topic":"six-domains","score":3.0,"possible":4}]}]"#;
        let v2: Vec<AttemptRecord> = json::parse(&history_v1_to_v2(v1).unwrap()).unwrap();
        assert_eq!(v2[0].score, 12.5);
        assert_eq!(v2[0].by_topic[0].possible, 4);
        assert!(v2[0].asked.is_empty() && v2[0].pass_mark.is_none());
        assert_eq!(v2[0].notes, LearningNotes::default());
        assert_eq!(
            history_v1_to_v2("[{}]"),
            None,
            "not a result: the step fails whole"
        );
    }

    #[test]
    fn notes_are_cut_at_the_limit() {
        let mut notes = LearningNotes::default();
        notes.edit(NotesEdit::Learned("x".repeat(NOTES_LIMIT + 5)));
        notes.edit(NotesEdit::Differently("Ask sooner".into()));
        assert_eq!(notes.learned.chars().count(), NOTES_LIMIT);
        assert_eq!(notes.differently, "Ask sooner");
        assert!(notes.within_limits());
    }

    #[test]
    fn pass_marks_compare_whole_percentages() {
        let record = |score: f64| AttemptRecord {
            finished_at: NOW.into(),
            score,
            possible: 20,
            ..AttemptRecord::default()
        };
        assert_eq!(record(16.0).percent(), 80);
        assert!(record(16.0).passed(80));
        assert!(!record(15.5).passed(80));
        assert!(record(20.0).passed(100));
    }

    #[test]
    fn an_attempt_in_progress_round_trips_through_storage() {
        let mut attempt = Attempt::start(bank(), &shuffled(Some(6)), 3, NOW);
        let first = attempt.items[0].id.clone();
        attempt.answers.insert(first.clone(), Answer::Truth(true));
        attempt.checked.insert(first);
        attempt.current = 1;
        let raw = encode(&Envelope {
            version: PROGRESS.version,
            rev: 1,
            saved_at: NOW.into(),
            data: attempt.clone(),
        });
        let back: Envelope<Attempt> = decode(&raw, PROGRESS).unwrap();
        assert_eq!(back.data, attempt);
        assert!(back.data.fits(bank()));
    }

    #[test]
    fn a_saved_attempt_does_not_fit_another_bank() {
        let attempt = Attempt::start(bank(), &shuffled(None), 3, NOW);
        let mut other = bank().clone();
        other.questions.pop();
        assert!(!attempt.fits(&other));
        let mut tampered = attempt.clone();
        tampered.items[0].order.push("extra".into());
        assert!(!tampered.fits(bank()));
    }

    #[test]
    fn the_history_keeps_the_newest_fifty() {
        let mut history = Vec::new();
        for i in 0..60 {
            remember(
                &mut history,
                AttemptRecord {
                    finished_at: format!("{i}"),
                    possible: 1,
                    ..AttemptRecord::default()
                },
            );
        }
        assert_eq!(history.len(), HISTORY_LIMIT);
        assert_eq!(history[0].finished_at, "59");
    }
}
