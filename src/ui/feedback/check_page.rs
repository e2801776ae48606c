//! Check your answers: every answer in a summary list with a Change link that goes to its page
//! and comes back here; then Save.

use yew::prelude::*;

use crate::ui::button::send;

use crate::ui::heading::Heading;

use super::form_page::{form_page, FormPageProps, PageProps};
use crate::core::feedback::actions::{action_offered, planned, planned_in};
use crate::core::feedback::content::domain;
use crate::core::feedback::export::{due_words, outcome_words, rating_words, role_key, type_key};
use crate::core::feedback::flow::FbAction;
use crate::core::feedback::form::{read_date, Page, Rating};
use crate::core::feedback::model::DOMAIN_COUNT;
use crate::core::messages::{fill, format_date, text, Key};

pub fn check_page(props: &PageProps) -> Html {
    let level = props.level;
    let lang = props.lang;
    let state = &props.state;
    let draft = &state.form.draft;
    let not_given = || text(lang, Key::FbNotGiven).to_owned();
    // `changes`: what the Change link names when the row's key alone would repeat another's.
    let named_row = |name: String, changes: String, value: Html, page: Page| {
        let onclick = send(&props.act, FbAction::Change(page));
        html! {
            <div class="sw-summary-list__row">
                <dt class="sw-summary-list__key">{ name }</dt>
                <dd class="sw-summary-list__value">{ value }</dd>
                <dd class="sw-summary-list__actions">
                    <button type="button" class="sw-link-button" {onclick}>
                        { text(lang, Key::FbChange) }<span class="sw-visually-hidden">{ " " }{ changes }</span>
                    </button>
                </dd>
            </div>
        }
    };
    let row = |name: String, value: Html, page: Page| named_row(name.clone(), name, value, page);
    // A draft restored from another day keeps its date: say so, so a new session is not saved
    // under an old one's date.
    let date = match read_date(&draft.date, state.today) {
        Ok(date) => html! { <>
            <p>{ format_date(lang, &date.iso()) }</p>
            if date != state.today { <p class="sw-hint" id="sw-fb-date-not-today">{ text(lang, Key::FbCheckDateNotToday) }</p> }
        </> },
        Err(_) => html! { { not_given() } },
    };
    let domain_rows = (0..DOMAIN_COUNT).map(|i| {
        let answer = &draft.domains[i];
        let rating = match answer.rating {
            Some(Rating::Score(n)) => rating_words(lang, Some(n)).to_owned(),
            Some(Rating::NotApplicable) => rating_words(lang, None).to_owned(),
            None => not_given(),
        };
        let comment = if answer.comment.trim().is_empty() { text(lang, Key::FbNoComment).to_owned() } else { answer.comment.clone() };
        row(
            domain(lang, i).name.to_owned(),
            html! { <><p class="sw-summary-list__rating">{ rating }</p><p class="sw-summary-list__comment">{ comment }</p></> },
            draft.domains_page(i),
        )
    });
    // How the earlier actions went (only when there were some to follow up).
    let follow_up_rows = draft.follow_ups.iter().filter_map(|f| {
        let (_, action) = planned_in(&state.sessions, &f.session, f.domain)?;
        let outcome = match f.outcome {
            Some(outcome) => outcome_words(lang, outcome, f.carry && outcome.can_carry()),
            None => text(lang, Key::FbNotAnswered).to_owned(),
        };
        Some(row(
            action.text.clone(),
            html! { <><p class="sw-summary-list__rating">{ outcome }</p>
                if !f.note.trim().is_empty() { <p class="sw-summary-list__comment">{ f.note.clone() }</p> }</> },
            Page::FollowUp,
        ))
    });
    // This session's actions: each domain that offers one, with its words or "No action".
    let session_actions = planned(&draft.domains, &draft.actions);
    let action_rows = (0..DOMAIN_COUNT)
        .filter(|&i| action_offered(&draft.domains[i], &draft.actions[i]))
        .map(|i| {
            let value = match session_actions.iter().find(|a| a.domain == i) {
                Some(action) => html! { <>
                    <p class="sw-summary-list__comment">{ action.text.clone() }</p>
                    if let Some(due) = due_words(lang, action, state.today) { <p>{ due }</p> }
                </> },
                None => html! { { text(lang, Key::FbNotGiven) } },
            };
            // "Change action for Safe", not a second "Change Safe".
            let name = domain(lang, i).name;
            let changes = fill(text(lang, Key::FbActionFor), &[("domain", name)]);
            named_row(name.to_owned(), changes, value, draft.actions_page())
        })
        .collect::<Vec<Html>>();
    let no_actions = action_rows.is_empty().then(|| {
        row(
            text(lang, Key::FbCheckActions).into(),
            html! { { text(lang, Key::FbNoActions) } },
            draft.actions_page(),
        )
    });
    html! {
        { form_page(&FormPageProps {
            lang,
            level,
            state: state.clone(),
            refs: props.refs.clone(),
            caption: None,
            heading: text(lang, Key::FbCheckHeading).to_owned(),
            act: props.act.clone(),
            children: html! { <>
                { Heading::new(level, 3).show(html! { { text(lang, Key::FbCheckSession) } }) }
                <dl class="sw-summary-list">
                    { row(text(lang, Key::FbCsvRole).into(), html! { { draft.role.map(|r| text(lang, role_key(r)).to_owned()).unwrap_or_else(not_given) } }, Page::About) }
                    { row(text(lang, Key::FbCsvType).into(), html! { { draft.kind.map(|k| text(lang, type_key(k)).to_owned()).unwrap_or_else(not_given) } }, Page::About) }
                    { row(text(lang, Key::FbCsvDate).into(), date, Page::About) }
                    { row(text(lang, Key::FbCsvLabel).into(), html! { { if draft.label.trim().is_empty() { not_given() } else { draft.label.clone() } } }, Page::About) }
                </dl>
                { Heading::new(level, 3).show(html! { { text(lang, Key::FbCheckDomains) } }) }
                <dl class="sw-summary-list">{ for domain_rows }</dl>
                if draft.has_follow_up() {
                    { Heading::new(level, 3).show(html! { { text(lang, Key::FbCheckFollowUps) } }) }
                    <dl class="sw-summary-list">{ for follow_up_rows }</dl>
                }
                { Heading::new(level, 3).show(html! { { text(lang, Key::FbCheckActions) } }) }
                <dl class="sw-summary-list">{ for action_rows }{ for no_actions }</dl>

            </> },
        }) }
    }
}
