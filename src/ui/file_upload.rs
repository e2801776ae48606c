//! NHS.UK's file upload in the widget's language: a "Choose file" button and the chosen file's
//! name, over which the real input lies transparent (styles/file-upload.css), so the browser's
//! own control does the choosing and the reading out.

use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::core::lang::Lang;
use crate::core::messages::{text, Key};

pub struct FileUploadProps<'a> {
    pub lang: Lang,
    pub id: &'static str,
    pub input_ref: NodeRef,
    pub describedby: Option<&'static str>,
    /// The name of the file chosen, kept in the part's state.
    pub chosen: Option<&'a str>,
    /// Called with the name of the file chosen (`None`: the choice was cancelled).
    pub on_chosen: Callback<Option<String>>,
}

pub fn file_upload(props: FileUploadProps) -> Html {
    let onchange = props.on_chosen.reform(|event: Event| {
        event
            .target_dyn_into::<HtmlInputElement>()
            .and_then(|input| input.files())
            .and_then(|files| files.get(0))
            .map(|file| file.name())
    });
    let status = props
        .chosen
        .unwrap_or_else(|| text(props.lang, Key::FileNoneChosen));
    html! {
        <div class="sw-file-upload sw-no-print">
            <input class="sw-file-upload__input" type="file" id={props.id} accept=".json,application/json"
                ref={props.input_ref} aria-describedby={props.describedby} {onchange} />
            <span class="sw-button sw-button--secondary sw-file-upload__button" aria-hidden="true">{ text(props.lang, Key::FileChoose) }</span>
            <span class="sw-file-upload__status" aria-hidden="true">{ status.to_owned() }</span>
        </div>
    }
}
