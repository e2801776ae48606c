//! One domain a page (for those who chose to reflect slowly): what the domain means for a
//! supervision session, prompts for the person's own view of it, the five-point scale with Not
//! applicable, and a comment. The rating, comment and prompts serve the page of all six too.

use yew::prelude::*;

use crate::ui::form_group_class;

use super::error_for;
use super::form_page::{form_page, FormPageProps, PageProps};
use crate::core::feedback::content::domain;
use crate::core::feedback::export::scale_key;
use crate::core::feedback::flow::Edit;
use crate::core::feedback::form::{Field, Rating};
use crate::core::feedback::model::{Role, COMMENT_LIMIT, DOMAIN_COUNT};
use crate::core::messages::{fill, text, Key};
use crate::ui::choice::{choice, Choice};
use crate::ui::text_field::TextField;

/// Domain `i`'s rating: 1 to 5 and Not applicable, in a fieldset whose legend is `legend`,
/// described by `hint` (its id `sw-fb-rating-{i}-hint`, when there is one) and by its error.
pub fn rating_group(props: &PageProps, i: usize, legend: Html, hint: Option<Html>) -> Html {
    let lang = props.lang;
    let answer = &props.state.form.draft.domains[i];
    let rating_error = error_for(lang, &props.state.errors, Field::Rating(i));
    let error_id = format!("sw-fb-rating-{i}-error");
    let hint_id = format!("sw-fb-rating-{i}-hint");
    let described: Vec<&str> = [
        hint.as_ref().map(|_| hint_id.as_str()),
        rating_error.as_ref().map(|_| error_id.as_str()),
    ]
    .into_iter()
    .flatten()
    .collect();
    let rating = |value: Rating, id: String, label: String| {
        choice(Choice {
            kind: "radio",
            id,
            name: format!("sw-fb-rating-{i}"),
            label: label.into(),
            checked: answer.rating == Some(value),
            disabled: false,
            onchange: props.on_edit.reform(move |_: Event| Edit::Rating(i, value)),
            hint: None,
            tag: html! {},
        })
    };
    let scale = (1..=5u8).map(|n| {
        rating(
            Rating::Score(n),
            format!("sw-fb-rating-{i}-{n}"),
            text(lang, scale_key(n)).into(),
        )
    });
    html! {
        <div ~className={form_group_class(rating_error.is_some())}>
            <fieldset class="sw-fieldset" aria-describedby={(!described.is_empty()).then(|| described.join(" "))}>
                <legend class="sw-fieldset__legend sw-fieldset__legend--m">{ legend }</legend>
                if let Some(hint) = hint {
                    <div class="sw-hint" id={hint_id.clone()}>{ hint }</div>
                }
                if let Some(error) = &rating_error {
                    <p class="sw-error-message" id={error_id.clone()}>
                        <span class="sw-visually-hidden">{ text(lang, Key::ErrorPrefix) }{ " " }</span>{ error.clone() }
                    </p>
                }
                <div class="sw-radios sw-radios--inline">
                    { for scale }
                    <div class="sw-radios__divider" aria-hidden="true"></div>
                    { rating(Rating::NotApplicable, format!("sw-fb-rating-{i}-na"), text(lang, Key::FbNotApplicable).into()) }
                </div>
            </fieldset>
        </div>
    }
}

/// Domain `i`'s comment, with its limit, and the reminder to keep names out when the page does
/// not already say it (once a page is enough).
pub fn comment_field(props: &PageProps, i: usize, reminder: bool) -> Html {
    let lang = props.lang;
    let named = [("domain", domain(lang, i).name)];
    html! {
        <TextField {lang} id={format!("sw-fb-comment-{i}")} label={fill(text(lang, Key::FbCommentLabel), &named)}
            hint={reminder.then(|| AttrValue::from(text(lang, Key::FbCommentHint)))} error={error_for(lang, &props.state.errors, Field::Comment(i))}
            value={props.state.form.draft.domains[i].comment.clone()} multiline=true limit={Some(COMMENT_LIMIT)}
            oninput={props.on_edit.reform(move |text| Edit::Comment(i, text))} />
    }
}

/// The prompts for the person's own view of domain `i`.
pub fn prompts(props: &PageProps, i: usize) -> Html {
    let role = props.state.form.draft.role.unwrap_or(Role::Received);
    html! {
        <ul class="sw-list sw-fb__prompts">
            { for domain(props.lang, i).prompts(role).iter().map(|p| html! { <li>{ *p }</li> }) }
        </ul>
    }
}

pub fn domain_page(props: &PageProps, index: usize) -> Html {
    let level = props.level;
    let lang = props.lang;
    let i = index.min(DOMAIN_COUNT - 1);
    let domain = domain(lang, i);
    // The rating group and the comment name their domain: heard alone, they still make sense.
    let legend = fill(text(lang, Key::FbScaleLegend), &[("domain", domain.name)]);
    let caption = fill(
        text(lang, Key::FbDomainProgress),
        &[("number", &(i + 1).to_string())],
    );
    html! {
        { form_page(&FormPageProps {
            lang,
            level,
            state: props.state.clone(),
            refs: props.refs.clone(),
            caption: Some(caption),
            heading: domain.name.to_owned(),
            act: props.act.clone(),
            children: html! { <>
                <p>{ domain.meaning }</p>
                <p class="sw-fb__prompts-intro">{ text(lang, Key::FbPromptsIntro) }</p>
                { prompts(props, i) }
                { rating_group(props, i, html! { legend }, None) }
                { comment_field(props, i, true) }
            </> },
        }) }
    }
}
