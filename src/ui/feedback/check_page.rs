//! Check your answers: every answer in a summary list with a Change link that goes to its page
//! and comes back here; then Save.

use yew::prelude::*;

use crate::ui::heading::Heading;

use super::form_page::{form_page, FormPageProps};
use super::FeedbackRefs;
use crate::core::feedback::content::domain;
use crate::core::feedback::export::{rating_words, role_key, type_key};
use crate::core::feedback::flow::{FbAction, FeedbackState};
use crate::core::feedback::form::{read_date, Page, Rating, DOMAIN_COUNT};
use crate::core::lang::Lang;
use crate::core::messages::{format_date, text, Key};

pub struct CheckPageProps {
    pub lang: Lang,
    pub state: FeedbackState,
    pub refs: FeedbackRefs,
    pub act: Callback<FbAction>,
}

pub fn check_page(props: &CheckPageProps) -> Html {
    let lang = props.lang;
    let state = &props.state;
    let draft = &state.form.draft;
    let not_given = || text(lang, Key::FbNotGiven).to_owned();
    let row = |name: String, value: Html, page: Page| {
        let onclick = props
            .act
            .reform(move |_: MouseEvent| FbAction::Change(page));
        html! {
            <div class="sw-summary-list__row">
                <dt class="sw-summary-list__key">{ name.clone() }</dt>
                <dd class="sw-summary-list__value">{ value }</dd>
                <dd class="sw-summary-list__actions">
                    <button type="button" class="sw-link-button" {onclick}>
                        { text(lang, Key::FbChange) }<span class="sw-visually-hidden">{ " " }{ name }</span>
                    </button>
                </dd>
            </div>
        }
    };
    let date = read_date(&draft.date, state.today)
        .map(|d| format_date(lang, &d.iso()))
        .unwrap_or_else(|_| not_given());
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
            Page::Domain(i),
        )
    });
    html! {
        { form_page(&FormPageProps {
            lang,
            state: state.clone(),
            refs: props.refs.clone(),
            caption: None,
            heading: text(lang, Key::FbCheckHeading).to_owned(),
            act: props.act.clone(),
            children: html! { <>
                <Heading depth={3}>{ text(lang, Key::FbCheckSession) }</Heading>
                <dl class="sw-summary-list">
                    { row(text(lang, Key::FbCsvRole).into(), html! { { draft.role.map(|r| text(lang, role_key(r)).to_owned()).unwrap_or_else(not_given) } }, Page::About) }
                    { row(text(lang, Key::FbCsvType).into(), html! { { draft.kind.map(|k| text(lang, type_key(k)).to_owned()).unwrap_or_else(not_given) } }, Page::About) }
                    { row(text(lang, Key::FbCsvDate).into(), html! { { date } }, Page::About) }
                    { row(text(lang, Key::FbCsvLabel).into(), html! { { if draft.label.trim().is_empty() { not_given() } else { draft.label.clone() } } }, Page::About) }
                </dl>
                <Heading depth={3}>{ text(lang, Key::FbCheckDomains) }</Heading>
                <dl class="sw-summary-list">{ for domain_rows }</dl>

            </> },
        }) }
    }
}
