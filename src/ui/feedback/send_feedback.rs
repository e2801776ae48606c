//! "Send this feedback to your supervisor", on a supervisee's saved session: what goes (the
//! ratings always, the comments and the actions as chosen), exactly what that is, and two ways
//! to take it: a file, or a text to paste into a Teams chat or an e-mail. Nothing is sent from
//! the widget; the person sends it with what they already use.

use yew::prelude::*;

use super::received::piece_list;
use crate::core::config::HeadingLevel;
use crate::core::feedback::flow::FbAction;
use crate::core::feedback::model::Session;
use crate::core::lang::Lang;
use crate::core::messages::{fill, format_date, text, Key};
use crate::core::received::paste;
use crate::core::received::piece::{sent_file, Piece, Sending};
use crate::ui::browser;
use crate::ui::button::secondary_button;
use crate::ui::choice::{choice, Choice};
use crate::ui::heading::Heading;
use crate::ui::paragraph::paragraph;
use crate::ui::state::now_iso;

#[derive(Properties, PartialEq)]
pub struct SendFeedbackProps {
    pub lang: Lang,
    pub level: HeadingLevel,
    pub session: Session,
    /// Told when the feedback is made ready to send, so the session records when.
    pub act: Callback<FbAction>,
}

#[function_component]
pub fn SendFeedback(props: &SendFeedbackProps) -> Html {
    let level = props.level;
    let lang = props.lang;
    let session = &props.session;
    let sending = use_state(Sending::default);
    let copy_failed = use_state(|| None::<bool>);
    let piece = Piece::of(session, *sending);
    let file = sent_file(session, *sending, &now_iso());
    let intro = fill(
        text(lang, Key::SendIntroLine),
        &[("date", &format_date(lang, &session.date))],
    );
    let message = paste::encode(&intro, &file);

    let toggle = |key: Key, id: &str, on: bool, flip: fn(Sending) -> Sending| {
        let sending = sending.clone();
        choice(Choice {
            kind: "checkbox",
            id: id.to_owned(),
            name: id.to_owned(),
            label: text(lang, key).into(),
            checked: on,
            disabled: false,
            onchange: Callback::from(move |_: Event| sending.set(flip(*sending))),
            hint: None,
            tag: html! {},
        })
    };
    let sent = {
        let (act, id) = (props.act.clone(), session.id.clone());
        move || {
            act.emit(FbAction::Sent {
                id: id.clone(),
                now: now_iso(),
            })
        }
    };
    let on_download = {
        let sent = sent.clone();
        let (name, file) = (
            format!(
                "supervision-feedback-{}-for-my-supervisor.json",
                session.date
            ),
            file.clone(),
        );
        Callback::from(move |_: MouseEvent| {
            browser::download(&name, &file, "application/json");
            sent();
        })
    };
    let on_copy = {
        let (copy_failed, message) = (copy_failed.clone(), message.clone());
        Callback::from(move |_: MouseEvent| {
            let (copy_failed, message, sent) = (copy_failed.clone(), message.clone(), sent.clone());
            wasm_bindgen_futures::spawn_local(async move {
                let copied = browser::copy(&message).await;
                copy_failed.set(Some(!copied));
                // Shown to copy by hand, it is as ready to send as copied.
                sent();
            });
        })
    };
    html! {
        // Folded: the saved session stays quick to read for those who send nothing.
        <details class="sw-details sw-send sw-no-print">
            <summary class="sw-details__summary">{ text(lang, Key::SendHeading) }</summary>
            <div class="sw-details__text">
            if let Some(at) = &session.sent_at {
                <p>{ fill(text(lang, Key::SendMadeReady), &[("date", &format_date(lang, at.get(..10).unwrap_or(at)))]) }</p>
            }
            { paragraph(text(lang, Key::SendIntro)) }
            <div class="sw-form-group">
                <fieldset class="sw-fieldset" aria-describedby="sw-send-hint">
                    <legend class="sw-fieldset__legend">{ text(lang, Key::SendLegend) }</legend>
                    <div class="sw-hint" id="sw-send-hint">{ text(lang, Key::SendHint) }</div>
                    <div class="sw-checkboxes">
                        { toggle(Key::SendComments, "sw-send-comments", sending.comments, |s| Sending { comments: !s.comments, ..s }) }
                        if !session.actions.is_empty() {
                            { toggle(Key::SendActions, "sw-send-actions", sending.actions, |s| Sending { actions: !s.actions, ..s }) }
                        }
                    </div>
                </fieldset>
            </div>
            <p class="sw-inset-text">{ text(lang, Key::SendReminder) }</p>
            { Heading::new(level, 3).show(html! { { text(lang, Key::SendPreview) } }) }
            { piece_list(lang, &piece) }
            <div class="sw-button-group">
                { secondary_button(text(lang, Key::SendDownload), on_download) }
                { secondary_button(text(lang, Key::SendCopy), on_copy) }
            </div>
            <div role="status">
                if *copy_failed == Some(false) { { paragraph(text(lang, Key::SendCopied)) } }
                if *copy_failed == Some(true) { { paragraph(text(lang, Key::SendCopyFailed)) } }
            </div>
            if *copy_failed == Some(true) {
                <div class="sw-form-group">
                    <label class="sw-label" for="sw-send-text">{ text(lang, Key::SendTextLabel) }</label>
                    <textarea class="sw-textarea" id="sw-send-text" rows="8" readonly=true value={message} />
                </div>
            }
            </div>
        </details>
    }
}
