//! NHS.UK's file upload in the widget's language: a "Choose file" button and the chosen file's
//! name, over which the real input lies transparent (styles/file-upload.css), so the browser's
//! own control does the choosing and the reading out.

use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::core::lang::Lang;
use crate::core::messages::{text, Key};

#[derive(Properties, PartialEq)]
pub struct FileUploadProps {
    pub lang: Lang,
    pub id: AttrValue,
    pub input_ref: NodeRef,
    #[prop_or_default]
    pub describedby: Option<AttrValue>,
}

#[function_component]
pub fn FileUpload(props: &FileUploadProps) -> Html {
    let chosen = use_state(|| None::<String>);
    let onchange = {
        let chosen = chosen.clone();
        Callback::from(move |event: Event| {
            let name = event
                .target_dyn_into::<HtmlInputElement>()
                .and_then(|input| input.files())
                .and_then(|files| files.get(0))
                .map(|file| file.name());
            chosen.set(name);
        })
    };
    let status = chosen
        .as_deref()
        .unwrap_or_else(|| text(props.lang, Key::FileNoneChosen));
    html! {
        <div class="sw-file-upload sw-no-print">
            <input class="sw-file-upload__input" type="file" id={props.id.clone()} accept=".json,application/json"
                ref={props.input_ref.clone()} aria-describedby={props.describedby.clone()} {onchange} />
            <span class="sw-button sw-button--secondary sw-file-upload__button" aria-hidden="true">{ text(props.lang, Key::FileChoose) }</span>
            <span class="sw-file-upload__status" aria-hidden="true">{ status.to_owned() }</span>
        </div>
    }
}
