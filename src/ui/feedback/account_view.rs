//! A reflective account for revalidation about a saved session: four headings, as a CPD or
//! revalidation portfolio asks (the NMC's reflective accounts form, the HCPC's CPD), the first
//! filled in from the session and the others typed here, kept with the session as typed, and
//! printed (or saved as PDF) on its own.

use wasm_bindgen::JsCast;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::FeedbackRefs;
use crate::core::feedback::content::domain;
use crate::core::feedback::export::{rating_words, role_key, type_key, THEME_KEYS};
use crate::core::feedback::flow::FbAction;
use crate::core::feedback::form::{ReflectionEdit, Session, DOMAIN_COUNT, REFLECTION_LIMIT};
use crate::core::lang::Lang;
use crate::core::messages::{fill, format_date, text, Key};
use crate::core::privacy::Place;
use crate::ui::browser;
use crate::ui::choice::{choice, Choice};
use crate::ui::heading::Heading;
use crate::ui::kept_status::kept_status;
use crate::ui::text_field::TextField;

pub struct AccountViewProps {
    pub lang: Lang,
    pub session: Session,
    pub refs: FeedbackRefs,
    pub act: Callback<FbAction>,
    /// Where the account was saved, once it is.
    pub kept: Option<Place>,
}

pub fn account_view(props: &AccountViewProps) -> Html {
    let lang = props.lang;
    let session = &props.session;
    let account = &session.reflection;
    let date = format_date(lang, &session.date);
    let edit = |make: fn(String) -> ReflectionEdit| {
        let id = session.id.clone();
        props
            .act
            .reform(move |value: String| FbAction::EditAccount(id.clone(), make(value)))
    };
    let hint = Some(AttrValue::from(text(lang, Key::FbAccountHint)));
    let nature = (0..DOMAIN_COUNT).map(|i| {
        html! {
            <div class="sw-summary-list__row">
                <dt class="sw-summary-list__key">{ domain(lang, i).name }</dt>
                <dd class="sw-summary-list__value">{ rating_words(lang, session.ratings[i]) }</dd>
            </div>
        }
    });
    let themes = THEME_KEYS.iter().enumerate().map(|(i, key)| {
        let id = session.id.clone();
        let onchange = props.act.reform(move |event: Event| {
            let on = event
                .target()
                .and_then(|t| t.dyn_into::<HtmlInputElement>().ok())
                .is_some_and(|input| input.checked());
            FbAction::EditAccount(id.clone(), ReflectionEdit::Theme(i, on))
        });
        choice(Choice {
            kind: "checkbox",
            id: format!("sw-fb-theme-{i}"),
            name: "sw-fb-themes".into(),
            label: text(lang, *key).into(),
            checked: account.themes[i],
            disabled: false,
            onchange,
            hint: None,
            tag: html! {},
        })
    });
    let back = {
        let id = session.id.clone();
        props
            .act
            .reform(move |_: MouseEvent| FbAction::Open(id.clone()))
    };
    html! {
        <div class="sw-fb-account">
            <Heading depth={2} class="sw-fb__heading" focus_ref={props.refs.heading.clone()}>{ text(lang, Key::FbAccountHeading) }</Heading>
            <p>{ fill(text(lang, Key::FbAccountIntro), &[("date", &date)]) }</p>
            <Heading depth={3}>{ text(lang, Key::FbAccountNature) }</Heading>
            <dl class="sw-summary-list">
                <div class="sw-summary-list__row">
                    <dt class="sw-summary-list__key">{ text(lang, Key::FbCsvDate) }</dt>
                    <dd class="sw-summary-list__value">{ &date }</dd>
                </div>
                <div class="sw-summary-list__row">
                    <dt class="sw-summary-list__key">{ text(lang, Key::FbCsvType) }</dt>
                    <dd class="sw-summary-list__value">{ text(lang, type_key(session.kind)) }</dd>
                </div>
                <div class="sw-summary-list__row">
                    <dt class="sw-summary-list__key">{ text(lang, Key::FbCsvRole) }</dt>
                    <dd class="sw-summary-list__value">{ text(lang, role_key(session.role)) }</dd>
                </div>
                { for nature }
            </dl>
            <TextField {lang} id="sw-fb-account-learned" label={text(lang, Key::FbAccountLearned)} label_depth={Some(3)}
                hint={hint.clone()} value={account.learned.clone()} multiline=true print_value=true limit={Some(REFLECTION_LIMIT)}
                oninput={edit(ReflectionEdit::Learned)} />
            <TextField {lang} id="sw-fb-account-changed" label={text(lang, Key::FbAccountChanged)} label_depth={Some(3)}
                hint={hint.clone()} value={account.changed.clone()} multiline=true print_value=true limit={Some(REFLECTION_LIMIT)}
                oninput={edit(ReflectionEdit::Changed)} />
            <Heading depth={3}>{ text(lang, Key::FbAccountRelevance) }</Heading>
            <div class="sw-form-group">
                <fieldset class="sw-fieldset" aria-describedby="sw-fb-themes-hint">
                    <legend class="sw-fieldset__legend">{ text(lang, Key::FbAccountThemes) }</legend>
                    <div class="sw-hint" id="sw-fb-themes-hint">{ text(lang, Key::FbAccountThemesHint) }</div>
                    <div class="sw-checkboxes">{ for themes }</div>
                </fieldset>
            </div>
            <TextField {lang} id="sw-fb-account-other" label={text(lang, Key::FbAccountOther)}
                hint={hint} value={account.other.clone()} multiline=true print_value=true limit={Some(REFLECTION_LIMIT)}
                oninput={edit(ReflectionEdit::Other)} />
            { kept_status(lang, props.kept) }
            <div class="sw-button-group sw-no-print">
                <button type="button" class="sw-button" onclick={browser::print_alone_on_click("")}>{ text(lang, Key::FbPrint) }</button>
                <button type="button" class="sw-link-button" onclick={back}>{ text(lang, Key::FbAccountBack) }</button>
            </div>
        </div>
    }
}
