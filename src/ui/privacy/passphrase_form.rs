//! Choosing a passphrase (to set the lock, to change it, or to lock an exported file): the
//! passphrase twice, checked, with the plain warning that a forgotten one cannot be recovered,
//! said before it is set.

use yew::prelude::*;

use crate::core::config::HeadingLevel;
use crate::core::lang::Lang;
use crate::core::messages::{text, Key};
use crate::core::privacy::passphrase::{weakness, Weak};
use crate::ui::error_summary::{error_summary, ErrorSummaryProps};
use crate::ui::focus::{request_focus, use_focus_request};
use crate::ui::text_field::TextField;

#[derive(Properties, PartialEq)]
pub struct PassphraseFormProps {
    pub lang: Lang,
    pub level: HeadingLevel,
    /// Unique within the widget: the fields' ids start with it.
    pub id: &'static str,
    /// The button's words.
    pub submit: Key,
    /// What a forgotten passphrase costs, said before one is chosen.
    pub warning: Key,
    /// While the key is being made: the button waits.
    pub working: bool,
    /// Called with a passphrase that passed the checks.
    pub on_submit: Callback<String>,
}

/// What is wrong with a passphrase and its repetition, if anything, and which field to fix.
fn problem(passphrase: &str, again: &str) -> Option<(Key, bool)> {
    let nfc = crate::ui::browser::passphrase(passphrase);
    if let Some(weak) = weakness(nfc.form(true)) {
        Some((
            match weak {
                Weak::TooShort => Key::LockErrorShort,
                Weak::Common => Key::LockErrorCommon,
            },
            false,
        ))
    } else if passphrase != again {
        Some((Key::LockErrorMatch, true))
    } else {
        None
    }
}

#[function_component]
pub fn PassphraseForm(props: &PassphraseFormProps) -> Html {
    let level = props.level;
    let lang = props.lang;
    let passphrase = use_state(String::new);
    let again = use_state(String::new);
    let error = use_state(|| None::<(Key, bool)>);
    let summary_ref = use_node_ref();
    let focus = use_focus_request();
    let (first_id, again_id) = (format!("{}-new", props.id), format!("{}-again", props.id));
    // A real form: Enter in either field submits, as people expect.
    let onsubmit = {
        let (passphrase, again, error, on_submit, focus, summary_ref) = (
            passphrase.clone(),
            again.clone(),
            error.clone(),
            props.on_submit.clone(),
            focus.clone(),
            summary_ref.clone(),
        );
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            match problem(&passphrase, &again) {
                Some(found) => {
                    error.set(Some(found));
                    request_focus(&focus, &summary_ref);
                }
                None => {
                    error.set(None);
                    on_submit.emit((*passphrase).clone());
                    // Nothing typed stays in the page once it has been used.
                    passphrase.set(String::new());
                    again.set(String::new());
                }
            }
        })
    };
    let error_on = |on_again: bool| {
        error
            .filter(|(_, at)| *at == on_again)
            .map(|(key, _)| AttrValue::from(text(lang, key)))
    };
    let summary = error.map(|(key, on_again)| {
        let field = if on_again { &again_id } else { &first_id };
        error_summary(&ErrorSummaryProps {
            level,
            lang,
            errors: vec![(text(lang, key).to_owned(), field.clone())],
            summary_ref: summary_ref.clone(),
        })
    });
    html! {
        <form class="sw-passphrase" novalidate=true {onsubmit}>
            <p class="sw-inset-text">{ text(lang, props.warning) }</p>
            { for summary }
            <TextField {lang} id={first_id} label={text(lang, Key::LockNewLabel)} hint={text(lang, Key::LockNewHint)}
                error={error_on(false)} value={(*passphrase).clone()} password=true
                oninput={Callback::from(move |value| passphrase.set(value))} />
            <TextField {lang} id={again_id} label={text(lang, Key::LockAgainLabel)}
                error={error_on(true)} value={(*again).clone()} password=true
                oninput={Callback::from(move |value| again.set(value))} />
            <div class="sw-button-group">
                <button type="submit" class="sw-button" disabled={props.working}>{ text(lang, props.submit) }</button>
            </div>
        </form>
    }
}
