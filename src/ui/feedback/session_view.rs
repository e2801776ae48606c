//! A saved session: the confirmation (when just saved), the radar chart with its table, the
//! comments per domain, the "not a validated measure" caution, and the ways to take it away.

use yew::prelude::*;

use crate::core::config::HeadingLevel;
use crate::ui::button::{on_click, secondary_button, send};
use crate::ui::paragraph::paragraph;

use crate::ui::scroll_table::{columns, scroll_table, ScrollTableProps};

use crate::ui::heading::Heading;

use super::compare_views::{compare_views, CompareViewsProps};
use super::delete_question;
use super::radar_chart::{radar_chart, RadarChartProps};
use super::send_feedback::{send_feedback, SendFeedbackProps};
use super::FeedbackRefs;
use crate::core::feedback::content::domain;
use crate::core::feedback::export::{
    csv, due_words, outcome_words, rating_words, role_key, summary, type_key,
};
use crate::core::feedback::flow::{Confirm, FbAction, SaveOutcome, SessionScreen};
use crate::core::feedback::model::{Action, FollowUp, Role, Session, DOMAIN_COUNT};
use crate::core::lang::Lang;
use crate::core::messages::{fill, format_date, text, Key};
use crate::ui::browser;
use crate::ui::browser::today;
use crate::ui::summary_list::summary_row;

pub struct SessionViewProps {
    pub lang: Lang,
    pub level: HeadingLevel,
    pub session: Session,
    pub previous: Option<Session>,
    /// The earlier actions this session followed up, with how they went.
    pub followed_up: Vec<(FollowUp, Action)>,
    pub just_saved: Option<SaveOutcome>,
    /// Downloads everything, including what only lives in memory.
    pub on_download_copy: Callback<()>,
    pub confirm: Option<Confirm>,
    /// The last question asked (its Delete button takes focus back on Cancel).
    pub asked: Option<Confirm>,
    pub refs: FeedbackRefs,
    pub act: Callback<FbAction>,
    /// What the screen said or had chosen (Copy summary, what to send).
    pub shown: SessionScreen,
}

pub fn session_view(props: &SessionViewProps) -> Html {
    let level = props.level;
    let lang = props.lang;
    let session = &props.session;
    let copied = props.shown.copied;
    let names: Vec<String> = (0..DOMAIN_COUNT)
        .map(|i| domain(lang, i).name.to_owned())
        .collect();
    let date = format_date(lang, &session.date);

    let on_copy = {
        let (act, text) = (props.act.clone(), summary(lang, session));
        Callback::from(move |_: MouseEvent| {
            let (act, text) = (act.clone(), text.clone());
            wasm_bindgen_futures::spawn_local(async move {
                act.emit(FbAction::Copied(browser::copy(&text).await));
            });
        })
    };
    let on_csv = {
        let (name, contents) = (
            format!("supervision-feedback-{}.csv", session.date),
            csv(lang, &[session]),
        );
        Callback::from(move |_: MouseEvent| {
            browser::download(&name, &contents, "text/csv;charset=utf-8");
        })
    };
    let rows = (0..DOMAIN_COUNT).map(|i| {
        html! {
            <tr>
                <th scope="row">{ &names[i] }</th>
                <td>{ rating_words(lang, session.ratings[i]) }</td>
                if let Some(previous) = &props.previous {
                    <td>{ rating_words(lang, previous.ratings[i]) }</td>
                }
            </tr>
        }
    });
    let comments = (0..DOMAIN_COUNT)
        .filter(|i| !session.comments[*i].is_empty())
        .map(|i| summary_row(&names[i], html! { &session.comments[i] }));
    let actions = session.actions.iter().map(|action| {
        summary_row(
            &names[action.domain.min(DOMAIN_COUNT - 1)],
            html! { <>
                <p>{ &action.text }</p>
                if let Some(due) = due_words(lang, action, today()) { <p>{ due }</p> }
            </> },
        )
    });
    let followed_up = props.followed_up.iter().map(|(follow_up, action)| {
        summary_row(
            &action.text,
            html! { <>
                <p>{ outcome_words(lang, follow_up.outcome, follow_up.carried) }</p>
                if !follow_up.note.is_empty() { <p>{ &follow_up.note }</p> }
            </> },
        )
    });
    let act = |action: FbAction| send(&props.act, action);
    // Never "saved" for what lives only in memory: say so, and offer a copy to keep.
    let only_in_memory = match props.just_saved {
        Some(SaveOutcome::NotStored) => Some((Key::FbNotSavedTitle, Key::FbNotSavedBody)),
        Some(SaveOutcome::KeptInTab) => Some((Key::FbKeptTabTitle, Key::FbKeptTabBody)),
        _ => None,
    };
    html! {
        <div class="sw-fb-session">
            // Focused when the write's outcome is known, so it is read out.
            <div>
                if props.just_saved == Some(SaveOutcome::Stored) {
                    <div class="sw-panel sw-panel--confirmation" tabindex="-1" ref={props.refs.outcome.clone()}>
                        <p class="sw-panel__title">{ text(lang, Key::FbSavedTitle) }</p>
                    </div>
                }
                if let Some((title, body)) = only_in_memory {
                    <div class="sw-callout" tabindex="-1" ref={props.refs.outcome.clone()}>
                        <p class="sw-callout__label">{ text(lang, title) }</p>
                        <p>{ text(lang, body) }</p>
                        <div class="sw-button-group">
                            { secondary_button(text(lang, Key::FbNotSavedDownload), on_click(&props.on_download_copy)) }
                        </div>
                    </div>
                }
            </div>
            { Heading::new(level, 2).class("sw-fb__heading").focus(&props.refs.heading).show(html! {
                { fill(text(lang, Key::FbSessionHeading), &[("date", &date)]) }
            }) }
            <dl class="sw-summary-list">
                <div class="sw-summary-list__row"><dt>{ text(lang, Key::FbCsvRole) }</dt><dd>{ text(lang, role_key(session.role)) }</dd></div>
                <div class="sw-summary-list__row"><dt>{ text(lang, Key::FbCsvType) }</dt><dd>{ text(lang, type_key(session.kind)) }</dd></div>
                if !session.label.is_empty() {
                    <div class="sw-summary-list__row"><dt>{ text(lang, Key::FbCsvLabel) }</dt><dd>{ &session.label }</dd></div>
                }
            </dl>
            { radar_chart(&RadarChartProps {
                id: "sw-radar".into(),
                lang,
                caption: None,
                names: names.clone(),
                session: session.clone(),
                previous: props.previous.clone(),
            }) }
            { scroll_table(ScrollTableProps {
                caption: text(lang, Key::FbTableCaption),
                region_ref: NodeRef::default(),
                columns: columns(lang, if props.previous.is_some() {
                    &[Key::FbColDomain, Key::FbColThis, Key::FbColPrevious]
                } else {
                    &[Key::FbColDomain, Key::FbColThis]
                }),
                rows: rows.collect(),
            }) }
            if session.comments.iter().any(|c| !c.is_empty()) {
                { Heading::new(level, 3).show(html! { { text(lang, Key::FbCommentsHeading) } }) }
                <dl class="sw-summary-list">{ for comments }</dl>
            }
            if !props.followed_up.is_empty() {
                { Heading::new(level, 3).show(html! { { text(lang, Key::FbCheckFollowUps) } }) }
                <dl class="sw-summary-list">{ for followed_up }</dl>
            }
            if !session.actions.is_empty() {
                { Heading::new(level, 3).show(html! { { text(lang, Key::FbCheckActions) } }) }
                <dl class="sw-summary-list">{ for actions }</dl>
            }
            <p class="sw-inset">{ text(lang, Key::FbNotAMeasure) }</p>
            <div class="sw-button-group sw-no-print">
                <button type="button" class="sw-button" onclick={browser::print_alone_on_click("")}>{ text(lang, Key::FbPrint) }</button>
                { secondary_button(text(lang, Key::FbCopy), on_copy) }
                { secondary_button(text(lang, Key::FbDownloadCsv), on_csv) }
                { secondary_button(text(lang, Key::FbAccountButton), act(FbAction::OpenAccount(session.id.clone()))) }
            </div>
            <div class="sw-no-print" role="status">
                if copied == Some(true) {
                    { paragraph(text(lang, Key::FbCopied)) }
                }
                if copied == Some(false) {
                    { paragraph(text(lang, Key::FbCopyFailed)) }
                }
            </div>
            if copied == Some(false) {
                <div class="sw-form-group sw-no-print">
                    <label class="sw-label" for="sw-fb-summary">{ text(lang, Key::FbSummaryLabel) }</label>
                    <textarea class="sw-textarea" id="sw-fb-summary" rows="10" readonly=true value={summary(lang, session)} />
                </div>
            }
            if session.role == Role::Received {
                { send_feedback(SendFeedbackProps { lang, level, session, shown: &props.shown, act: &props.act }) }
            }
            { compare_views(CompareViewsProps {
                lang,
                level,
                session,
                names: &names,
                shown: &props.shown,
                refs: &props.refs,
                act: &props.act,
            }) }
            <div class="sw-button-group sw-no-print">
                <button type="button" class="sw-link-button" onclick={act(FbAction::AskDelete(session.id.clone()))}
                    ref={props.refs.opener_if(&props.asked, &Confirm::Delete(session.id.clone()))}>{ text(lang, Key::FbDelete) }</button>
            </div>
            if props.confirm == Some(Confirm::Delete(session.id.clone())) {
                { delete_question(lang, level, &session.date, &props.refs, &props.act) }
            }
        </div>
    }
}
