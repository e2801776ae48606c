//! Headings at the level the page asked for (`heading-level`): the widget's title at that level
//! and every other heading a fixed number of steps below it, so the widget's outline sits under
//! the host page's own heading. Deeper than h6 they stay h6: screen readers handle `aria-level`
//! 7 and beyond poorly, and HTML has no deeper heading.
//!
//! The level is passed down with the language rather than through a Yew context: a context
//! costs a provider component and a subscription per heading, for one number.

use yew::prelude::*;

use crate::core::config::HeadingLevel;

/// A caption ("Domain 1 of 6") to put inside the heading it captions, as NHS.UK does, so that
/// moving focus to the heading reads both; the hidden dash keeps them apart when read.
pub fn caption(text: &str) -> Html {
    html! {
        <span class="sw-caption">{ text }<span class="sw-visually-hidden">{ " – " }</span></span>
    }
}

/// A heading `depth` steps below the widget's title (0: the title itself), built up and then
/// rendered with [`Heading::show`].
#[must_use]
pub struct Heading {
    level: u8,
    depth: u8,
    class: &'static str,
    id: Option<&'static str>,
    focus: Option<NodeRef>,
}

impl Heading {
    pub fn new(level: HeadingLevel, depth: u8) -> Self {
        Heading {
            level: level.at(depth),
            depth,
            class: "",
            id: None,
            focus: None,
        }
    }

    pub fn class(self, class: &'static str) -> Self {
        Heading { class, ..self }
    }

    pub fn id(self, id: &'static str) -> Self {
        Heading {
            id: Some(id),
            ..self
        }
    }

    /// For a heading that focus moves to (it also gets `tabindex="-1"`).
    pub fn focus(self, focus: &NodeRef) -> Self {
        Heading {
            focus: Some(focus.clone()),
            ..self
        }
    }

    #[inline(never)]
    pub fn show(self, children: Html) -> Html {
        let tag = format!("h{}", self.level);
        // Styled by depth, not by element, so the look stays whatever the level.
        let class = match self.class {
            "" => format!("sw-heading-{}", self.depth),
            class => format!("{class} sw-heading-{}", self.depth),
        };
        let tabindex = self.focus.is_some().then_some("-1");
        html! {
            <@{tag} ~className={class} id={self.id} {tabindex} ref={self.focus.unwrap_or_default()}>
                { children }
            </@>
        }
    }
}
