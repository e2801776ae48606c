//! "Send this feedback to your supervisor", on a supervisee's saved session: what goes (the
//! ratings always, the comments and the actions as chosen), exactly what that is, and two ways
//! to take it: a file, or a text to paste into a Teams chat or an e-mail. Nothing is sent from
//! the widget; the person sends it with what they already use.

use yew::prelude::*;

use super::received::piece_list;
use crate::core::config::HeadingLevel;
use crate::core::feedback::flow::{FbAction, SessionScreen};
use crate::core::feedback::model::Session;
use crate::core::lang::Lang;
use crate::core::messages::{fill, format_date, text, Key};
use crate::core::received::paste;
use crate::core::received::piece::{sent_file, Piece, Sending};
use crate::ui::browser;
use crate::ui::button::{secondary_button, send};
use crate::ui::choice::{choice, Choice};
use crate::ui::heading::Heading;
use crate::ui::paragraph::paragraph;
use crate::ui::state::now_iso;

pub struct SendFeedbackProps<'a> {
    pub lang: Lang,
    pub level: HeadingLevel,
    pub session: &'a Session,
    /// What is chosen to send, and whether the text was copied.
    pub shown: &'a SessionScreen,
    /// Told when the feedback is made ready to send, so the session records when.
    pub act: &'a Callback<FbAction>,
}

pub fn send_feedback(props: SendFeedbackProps) -> Html {
    let level = props.level;
    let lang = props.lang;
    let session = props.session;
    let shown = props.shown;
    let sending = Sending {
        comments: shown.send_comments,
        actions: shown.send_actions,
    };
    let piece = Piece::of(session, sending);
    let file = sent_file(session, sending, &now_iso());
    let intro = fill(
        text(lang, Key::SendIntroLine),
        &[("date", &format_date(lang, &session.date))],
    );
    let message = paste::encode(&intro, &file);

    let toggle = |key: Key, id: &str, on: bool, flipped: Sending| {
        choice(Choice {
            kind: "checkbox",
            id: id.to_owned(),
            name: id.to_owned(),
            label: text(lang, key).into(),
            checked: on,
            disabled: false,
            onchange: send(
                props.act,
                FbAction::SendChoice {
                    comments: flipped.comments,
                    actions: flipped.actions,
                },
            ),
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
        let (act, message) = (props.act.clone(), message.clone());
        Callback::from(move |_: MouseEvent| {
            let (act, message, sent) = (act.clone(), message.clone(), sent.clone());
            wasm_bindgen_futures::spawn_local(async move {
                act.emit(FbAction::SendCopied(browser::copy(&message).await));
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
                        { toggle(Key::SendComments, "sw-send-comments", sending.comments, Sending { comments: !sending.comments, ..sending }) }
                        if !session.actions.is_empty() {
                            { toggle(Key::SendActions, "sw-send-actions", sending.actions, Sending { actions: !sending.actions, ..sending }) }
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
                if shown.send_copied == Some(true) { { paragraph(text(lang, Key::SendCopied)) } }
                if shown.send_copied == Some(false) { { paragraph(text(lang, Key::SendCopyFailed)) } }
            </div>
            if shown.send_copied == Some(false) {
                <div class="sw-form-group">
                    <label class="sw-label" for="sw-send-text">{ text(lang, Key::SendTextLabel) }</label>
                    <textarea class="sw-textarea" id="sw-send-text" rows="8" readonly=true value={message} />
                </div>
            }
            </div>
        </details>
    }
}
