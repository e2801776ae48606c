//! One NHS.UK radio or checkbox with its label: the shared piece of every choice the widget
//! offers (quiz answers, feedback ratings and roles).

use yew::prelude::*;

/// A radio or checkbox to render.
pub struct Choice {
    /// `radio` or `checkbox`.
    pub kind: &'static str,
    pub id: String,
    pub name: String,
    pub label: Html,
    pub checked: bool,
    pub disabled: bool,
    pub onchange: Callback<Event>,
    /// A line under the label that says more (NHS.UK's radio item hint).
    pub hint: Option<&'static str>,
    /// Extra words after the label (a verdict after checking a quiz answer).
    pub tag: Html,
}

/// Renders a [`Choice`].
pub fn choice(choice: Choice) -> Html {
    let class = if choice.kind == "checkbox" {
        "sw-checkboxes"
    } else {
        "sw-radios"
    };
    let hint_id = choice.hint.map(|_| format!("{}-hint", choice.id));
    html! {
        <div ~className={format!("{class}__item")}>
            <input ~className={format!("{class}__input")} type={choice.kind} id={choice.id.clone()} name={choice.name}
                checked={choice.checked} disabled={choice.disabled} onchange={choice.onchange}
                aria-describedby={hint_id.clone()} />
            <label ~className={format!("{class}__label")} for={choice.id}>{ choice.label }{ " " }{ choice.tag }</label>
            if let Some(hint) = choice.hint {
                <div ~className={format!("sw-hint {class}__hint")} id={hint_id}>{ hint }</div>
            }
        </div>
    }
}
