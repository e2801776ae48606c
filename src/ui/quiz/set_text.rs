//! The question set's own words, marked with their language where it is not the interface's
//! (WCAG 3.1.2): all of them when a host's set is in the other language, or else the titles a
//! Welsh set leaves in English.

use yew::prelude::*;

use crate::core::lang::{phrase_pieces, Lang};
use crate::core::quiz::content::QuestionSet;

/// `words` from `set`, ready to show in an interface in `lang`.
pub fn set_text(lang: Lang, set: &QuestionSet, words: &str) -> Html {
    if set.language != lang.code() {
        return html! { <span class="sw-lang-mark" lang={set.language.clone()}>{ words.to_owned() }</span> };
    }
    phrase_pieces(words, &set.english_phrases)
        .into_iter()
        .map(|(piece, english)| {
            if english {
                html! { <span class="sw-lang-mark" lang="en">{ piece.to_owned() }</span> }
            } else {
                html! { piece.to_owned() }
            }
        })
        .collect()
}

/// `template` with its `{name}` filled by `value`, which may carry its own language marks.
pub fn fill_html(template: &str, name: &str, value: Html) -> Html {
    let (before, after) = template
        .split_once(&format!("{{{name}}}"))
        .unwrap_or((template, ""));
    html! { <>{ before.to_owned() }{ value }{ after.to_owned() }</> }
}
