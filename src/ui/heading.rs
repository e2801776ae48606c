//! Headings at the level the page asked for (`heading-level`): the widget's title at that level
//! and every other heading a fixed number of steps below it, so the widget's outline sits under
//! the host page's own heading. Deeper than h6 they stay h6: screen readers handle `aria-level`
//! 7 and beyond poorly, and HTML has no deeper heading.

use yew::prelude::*;

use crate::core::config::HeadingLevel;

/// A caption ("Domain 1 of 6") to put inside the heading it captions, as NHS.UK does, so that
/// moving focus to the heading reads both; the hidden dash keeps them apart when read.
pub fn caption(text: &str) -> Html {
    html! {
        <span class="sw-caption">{ text }<span class="sw-visually-hidden">{ " – " }</span></span>
    }
}

#[derive(Properties, PartialEq)]
pub struct HeadingProps {
    /// Steps below the widget's title (0: the title itself).
    pub depth: u8,
    #[prop_or_default]
    pub class: Option<AttrValue>,
    #[prop_or_default]
    pub id: Option<AttrValue>,
    /// For a heading that focus moves to (it also gets `tabindex="-1"`).
    #[prop_or_default]
    pub focus_ref: Option<NodeRef>,
    #[prop_or_default]
    pub children: Html,
}

#[function_component]
pub fn Heading(props: &HeadingProps) -> Html {
    let level = use_context::<HeadingLevel>()
        .unwrap_or_default()
        .at(props.depth);
    let tag = format!("h{level}");
    // Styled by depth, not by element, so the look stays whatever the level.
    let class = match &props.class {
        Some(class) => format!("{class} sw-heading-{}", props.depth),
        None => format!("sw-heading-{}", props.depth),
    };
    html! {
        <@{tag} ~className={class} id={props.id.clone()}
            tabindex={props.focus_ref.is_some().then_some("-1")}
            ref={props.focus_ref.clone().unwrap_or_default()}>
            { props.children.clone() }
        </@>
    }
}
