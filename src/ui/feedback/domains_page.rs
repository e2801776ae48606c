//! All six domains on one page (the form's default): each a compact fieldset, the domain as
//! its legend and its one-line meaning as the hint, the questions to think about folded away,
//! the scale side by side where the width allows, and "Add a comment" folded too. Under a domain
//! rated 1 or 2, its action, where the low rating is; under any other, "Plan an action" reveals
//! one. The task-cost report measured why this is the default (see `tests/bench/tasks.mjs`).

use yew::prelude::*;

use super::actions_page::{action_fields, action_pick};
use super::domain_page::{comment_field, prompts, rating_group};
use super::form_page::{form_page, FormPageProps, PageProps};
use crate::core::feedback::actions::rating_asks_for_action;
use crate::core::feedback::content::domain;
use crate::core::feedback::model::DOMAIN_COUNT;
use crate::core::messages::{fill, text, Key};
use crate::ui::paragraph::paragraph;

pub fn domains_page(props: &PageProps) -> Html {
    let level = props.level;
    let lang = props.lang;
    let draft = &props.state.form.draft;
    let block = |i: usize| {
        let domain = domain(lang, i);
        let named = [("domain", domain.name)];
        let answer = &draft.domains[i];
        // Open while it holds a comment (folded, a comment would be out of sight).
        let has_comment = !answer.comment.is_empty();
        html! {
            <div class="sw-fb__domain" key={i}>
                { rating_group(props, i, html! { domain.name }, Some(html! { domain.meaning })) }
                // Side by side while folded; one opened takes the width.
                <div class="sw-fb__folds">
                    <details class="sw-details">
                        <summary class="sw-details__summary">{ text(lang, Key::FbPromptsIntro) }</summary>
                        <div class="sw-details__text">{ prompts(props, i) }</div>
                    </details>
                    <details class="sw-details" open={has_comment}>
                        <summary class="sw-details__summary">{ fill(text(lang, Key::FbAddComment), &named) }</summary>
                        <div class="sw-details__text">{ comment_field(props, i, false) }</div>
                    </details>
                    // In the same row while not chosen: one line less a domain.
                    if !rating_asks_for_action(answer) {
                        <div class="sw-checkboxes sw-fb__plan">{ action_pick(props, i, fill(text(lang, Key::FbPlanActionFor), &named)) }</div>
                    }
                </div>
                // The action answers the rating and the comment above it.
                if rating_asks_for_action(answer) {
                    <div class="sw-checkboxes__conditional">{ action_fields(props, i) }</div>
                }
            </div>
        }
    };
    html! {
        { form_page(&FormPageProps {
            lang,
            level,
            state: props.state.clone(),
            refs: props.refs.clone(),
            caption: None,
            heading: text(lang, Key::FbCheckDomains).to_owned(),
            act: props.act.clone(),
            children: html! { <>
                { paragraph(text(lang, Key::FbDomainsIntro)) }
                // The reminder once, for every comment and action on the page.
                <p class="sw-inset-text">{ text(lang, Key::FbCommentHint) }</p>
                { for (0..DOMAIN_COUNT).map(block) }
            </> },
        }) }
    }
}
