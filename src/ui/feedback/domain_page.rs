//! Pages 2 to 7: one domain each. What the domain means for a supervision session, prompts for
//! the person's own view of it, the five-point scale with Not applicable, and a comment.

use yew::prelude::*;

use crate::ui::form_group_class;

use super::error_for;
use super::form_page::{form_page, FormPageProps, PageProps};
use crate::core::feedback::content::domain;
use crate::core::feedback::export::scale_key;
use crate::core::feedback::flow::Edit;
use crate::core::feedback::form::{Field, Rating, Role, COMMENT_LIMIT, DOMAIN_COUNT};
use crate::core::messages::{fill, text, Key};
use crate::ui::choice::{choice, Choice};
use crate::ui::text_field::TextField;

pub fn domain_page(props: &PageProps, index: usize) -> Html {
    let lang = props.lang;
    let i = index.min(DOMAIN_COUNT - 1);
    let domain = domain(lang, i);
    let answer = &props.state.form.draft.domains[i];
    let role = props.state.form.draft.role.unwrap_or(Role::Received);
    let errors = &props.state.errors;
    let rating_error = error_for(lang, errors, Field::Rating(i));
    let error_id = format!("sw-fb-rating-{i}-error");
    let rating = |value: Rating, id: String, label: String| {
        choice(Choice {
            kind: "radio",
            id,
            name: format!("sw-fb-rating-{i}"),
            label,
            checked: answer.rating == Some(value),
            disabled: false,
            onchange: props.on_edit.reform(move |_: Event| Edit::Rating(i, value)),
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
    // The rating group and the comment name their domain: heard alone, they still make sense.
    let named = [("domain", domain.name)];
    let caption = fill(
        text(lang, Key::FbDomainProgress),
        &[("number", &(i + 1).to_string())],
    );
    html! {
        { form_page(&FormPageProps {
            lang,
            state: props.state.clone(),
            refs: props.refs.clone(),
            caption: Some(caption),
            heading: domain.name.to_owned(),
            act: props.act.clone(),
            children: html! { <>
                <p>{ domain.meaning }</p>
                <p class="sw-fb__prompts-intro">{ text(lang, Key::FbPromptsIntro) }</p>
                <ul class="sw-list sw-fb__prompts">
                    { for domain.prompts(role).iter().map(|p| html! { <li>{ *p }</li> }) }
                </ul>
                <div class={form_group_class(rating_error.is_some())}>
                    <fieldset class="sw-fieldset" aria-describedby={rating_error.as_ref().map(|_| error_id.clone())}>
                        <legend class="sw-fieldset__legend sw-fieldset__legend--m">{ fill(text(lang, Key::FbScaleLegend), &named) }</legend>
                        if let Some(error) = &rating_error {
                            <p class="sw-error-message" id={error_id.clone()}>
                                <span class="sw-visually-hidden">{ text(lang, Key::ErrorPrefix) }{ " " }</span>{ error.clone() }
                            </p>
                        }
                        <div class="sw-radios">
                            { for scale }
                            <div class="sw-radios__divider" aria-hidden="true"></div>
                            { rating(Rating::NotApplicable, format!("sw-fb-rating-{i}-na"), text(lang, Key::FbNotApplicable).into()) }
                        </div>
                    </fieldset>
                </div>
                <TextField {lang} id={format!("sw-fb-comment-{i}")} label={fill(text(lang, Key::FbCommentLabel), &named)}
                    hint={Some(AttrValue::from(text(lang, Key::FbCommentHint)))} error={error_for(lang, errors, Field::Comment(i))}
                    value={answer.comment.clone()} multiline=true limit={Some(COMMENT_LIMIT)}
                    oninput={props.on_edit.reform(move |text| Edit::Comment(i, text))} />

            </> },
        }) }
    }
}
