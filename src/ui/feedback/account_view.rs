//! A reflective account for revalidation about a saved session: four headings, as a CPD or
//! revalidation portfolio asks (the NMC's reflective accounts form, the HCPC's CPD), the first
//! filled in from the session and the others typed here, kept with the session as typed, and
//! printed (or saved as PDF) on its own.

use wasm_bindgen::JsCast;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::core::config::HeadingLevel;
use crate::ui::button::send;

use super::FeedbackRefs;
use crate::core::feedback::content::domain;
use crate::core::feedback::export::{rating_words, role_key, type_key, THEME_KEYS};
use crate::core::feedback::flow::FbAction;
use crate::core::feedback::model::{
    Reflection, ReflectionEdit, Session, DOMAIN_COUNT, REFLECTION_LIMIT,
};
use crate::core::lang::Lang;
use crate::core::messages::{fill, format_date, text, Key};
use crate::core::privacy::Place;
use crate::ui::browser;
use crate::ui::choice::{choice, Choice};
use crate::ui::heading::Heading;
use crate::ui::kept_status::kept_status;
use crate::ui::summary_list::summary_row;
use crate::ui::text_field::TextField;

pub struct AccountViewProps {
    pub lang: Lang,
    pub level: HeadingLevel,
    pub session: Session,
    pub refs: FeedbackRefs,
    pub act: Callback<FbAction>,
    /// Where the account was saved, once it is.
    pub kept: Option<Place>,
}

pub fn account_view(props: &AccountViewProps) -> Html {
    let level = props.level;
    let lang = props.lang;
    let session = &props.session;
    let account = &session.reflection;
    let date = format_date(lang, &session.date);
    let nature = (0..DOMAIN_COUNT).map(|i| {
        summary_row(
            domain(lang, i).name,
            html! { rating_words(lang, session.ratings[i]) },
        )
    });
    let on_edit = {
        let id = session.id.clone();
        props
            .act
            .reform(move |edit| FbAction::EditAccount(id.clone(), edit))
    };
    let back = send(&props.act, FbAction::Open(session.id.clone()));
    html! {
        <div class="sw-fb-account">
            { Heading::new(level, 2).class("sw-fb__heading").focus(&props.refs.heading).show(html! { { text(lang, Key::FbAccountHeading) } }) }
            <p>{ fill(text(lang, Key::FbAccountIntro), &[("date", &date)]) }</p>
            { Heading::new(level, 3).show(html! { { text(lang, Key::FbAccountNature) } }) }
            <dl class="sw-summary-list">
                { summary_row(text(lang, Key::FbCsvDate), html! { &date }) }
                { summary_row(text(lang, Key::FbCsvType), html! { text(lang, type_key(session.kind)) }) }
                { summary_row(text(lang, Key::FbCsvRole), html! { text(lang, role_key(session.role)) }) }
                { for nature }
            </dl>
            { reflection_fields(lang, level, account, "sw-fb", 3, on_edit) }
            { kept_status(lang, props.kept) }
            <div class="sw-button-group sw-no-print">
                <button type="button" class="sw-button" onclick={browser::print_alone_on_click("")}>{ text(lang, Key::FbPrint) }</button>
                <button type="button" class="sw-link-button" onclick={back}>{ text(lang, Key::FbAccountBack) }</button>
            </div>
        </div>
    }
}

/// The four questions of a reflective account, as fields (ids begin `prefix`, questions are
/// headings of `depth`): about a session, and about the feedback a supervisor received. What
/// was typed prints in full.
pub fn reflection_fields(
    lang: Lang,
    level: HeadingLevel,
    account: &Reflection,
    prefix: &str,
    depth: u8,
    on_edit: Callback<ReflectionEdit>,
) -> Html {
    let edit = |make: fn(String) -> ReflectionEdit| on_edit.reform(make);
    let hint = Some(AttrValue::from(text(lang, Key::FbAccountHint)));
    let hint_id = format!("{prefix}-themes-hint");
    let themes = THEME_KEYS.iter().enumerate().map(|(i, key)| {
        let onchange = on_edit.reform(move |event: Event| {
            let on = event
                .target()
                .and_then(|t| t.dyn_into::<HtmlInputElement>().ok())
                .is_some_and(|input| input.checked());
            ReflectionEdit::Theme(i, on)
        });
        choice(Choice {
            kind: "checkbox",
            id: format!("{prefix}-theme-{i}"),
            name: format!("{prefix}-themes"),
            label: text(lang, *key).into(),
            checked: account.themes[i],
            disabled: false,
            onchange,
            hint: None,
            tag: html! {},
        })
    });
    html! { <>
        <TextField {lang} id={format!("{prefix}-account-learned")} label={text(lang, Key::FbAccountLearned)} label_heading={Some((level, depth))}
            hint={hint.clone()} value={account.learned.clone()} multiline=true print_value=true limit={Some(REFLECTION_LIMIT)}
            oninput={edit(ReflectionEdit::Learned)} />
        <TextField {lang} id={format!("{prefix}-account-changed")} label={text(lang, Key::FbAccountChanged)} label_heading={Some((level, depth))}
            hint={hint.clone()} value={account.changed.clone()} multiline=true print_value=true limit={Some(REFLECTION_LIMIT)}
            oninput={edit(ReflectionEdit::Changed)} />
        { Heading::new(level, depth).show(html! { { text(lang, Key::FbAccountRelevance) } }) }
        <div class="sw-form-group">
            <fieldset class="sw-fieldset" aria-describedby={hint_id.clone()}>
                <legend class="sw-fieldset__legend">{ text(lang, Key::FbAccountThemes) }</legend>
                <div class="sw-hint" id={hint_id}>{ text(lang, Key::FbAccountThemesHint) }</div>
                <div class="sw-checkboxes">{ for themes }</div>
            </fieldset>
        </div>
        <TextField {lang} id={format!("{prefix}-account-other")} label={text(lang, Key::FbAccountOther)}
            hint={hint} value={account.other.clone()} multiline=true print_value=true limit={Some(REFLECTION_LIMIT)}
            oninput={edit(ReflectionEdit::Other)} />
    </> }
}
