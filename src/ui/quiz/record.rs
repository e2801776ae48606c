//! A learning record of a finished attempt, for a CPD or revalidation portfolio: when it was
//! taken, that it was a self-check (or its pass mark), the score by topic, every question with
//! the answer given and the right one and its sources, and the person's own notes (typed here,
//! kept with the attempt, and put before the questions so a phone reaches them at once),
//! printed or saved as PDF on its own: whole, or as a one-page summary without the questions.

use std::rc::Rc;

use yew::prelude::*;

use crate::core::config::HeadingLevel;
use crate::ui::button::on_click;
use crate::ui::paragraph::paragraph;

use super::results::{score_words, topic_table};
use super::review::review_item;
use crate::core::lang::Lang;
use crate::core::messages::{fill, format_date, text, Key};
use crate::core::privacy::Place;
use crate::core::quiz::attempt::{AttemptRecord, NotesEdit, NOTES_LIMIT};
use crate::core::quiz::content::QuestionSet;
use crate::ui::browser;
use crate::ui::heading::Heading;
use crate::ui::kept_status::kept_status;
use crate::ui::text_field::TextField;

pub struct LearningRecordProps {
    pub lang: Lang,
    pub level: HeadingLevel,
    pub set: Rc<QuestionSet>,
    pub record: AttemptRecord,
    pub heading_ref: NodeRef,
    pub on_notes: Callback<NotesEdit>,
    /// Where the notes typed were saved, once they are.
    pub notes_kept: Option<Place>,
    pub on_home: Callback<()>,
}

pub fn learning_record(props: &LearningRecordProps) -> Html {
    let level = props.level;
    let lang = props.lang;
    let record = &props.record;
    let questions: Vec<Html> = record
        .asked
        .iter()
        .filter_map(|asked| {
            let question = props.set.question(&asked.id)?;
            Some(review_item(
                lang,
                level,
                &props.set,
                question,
                asked.answer.as_ref(),
            ))
        })
        .collect();
    let kind = match record.pass_mark {
        Some(mark) => fill(
            text(lang, Key::QuizRecordPassMark),
            &[("percent", &mark.to_string())],
        ),
        None => text(lang, Key::QuizRecordSelfCheck).to_owned(),
    };
    let hint = Some(AttrValue::from(text(lang, Key::QuizRecordNotesHint)));
    html! {
        <div class="sw-quiz-record">
            { Heading::new(level, 2).class("sw-quiz__heading").focus(&props.heading_ref).show(html! { { text(lang, Key::QuizRecordHeading) } }) }
            <p>{ fill(text(lang, Key::QuizRecordTaken), &[("date", &format_date(lang, &record.finished_at))]) }</p>
            <p><strong>{ kind }</strong></p>
            <p class="sw-quiz-results__score">{ score_words(lang, record) }</p>
            { topic_table(lang, &props.set, record) }
            // The notes and Print first: on a phone they would come after every question.
            <TextField {lang} id="sw-quiz-learned" label={text(lang, Key::QuizRecordLearned)} label_heading={Some((level, 3))}
                hint={hint.clone()} value={record.notes.learned.clone()} multiline=true print_value=true limit={Some(NOTES_LIMIT)}
                oninput={props.on_notes.reform(NotesEdit::Learned)} />
            <TextField {lang} id="sw-quiz-differently" label={text(lang, Key::QuizRecordDifferently)} label_heading={Some((level, 3))}
                hint={hint} value={record.notes.differently.clone()} multiline=true print_value=true limit={Some(NOTES_LIMIT)}
                oninput={props.on_notes.reform(NotesEdit::Differently)} />
            { kept_status(lang, props.notes_kept) }
            <div class="sw-button-group sw-no-print">
                <button type="button" class="sw-button" onclick={browser::print_alone_on_click("summary")}>{ text(lang, Key::QuizPrintSummary) }</button>
                <button type="button" class="sw-button sw-button--secondary" onclick={browser::print_alone_on_click("")}>{ text(lang, Key::QuizPrintFull) }</button>
                <button type="button" class="sw-link-button" onclick={on_click(&props.on_home)}>{ text(lang, Key::QuizBackToStart) }</button>
            </div>
            // Left out of the one-page summary (styles/print.css).
            <div class="sw-quiz-record__answers">
                { Heading::new(level, 3).show(html! { { text(lang, Key::QuizRecordAnswers) } }) }
                if questions.is_empty() {
                    { paragraph(text(lang, Key::QuizRecordNotKept)) }
                } else {
                    <ol class="sw-review">{ for questions }</ol>
                }
            </div>
        </div>
    }
}
