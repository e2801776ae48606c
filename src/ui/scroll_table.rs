//! A table that scrolls sideways inside its own box when the widget is too narrow for it, so the
//! page never does (WCAG 1.4.10 at 320 px): the box is a region named by the table's caption
//! that the keyboard can reach and scroll. Its column headings are data, so the eleven tables
//! share one head.

use yew::prelude::*;

use crate::core::lang::Lang;
use crate::core::messages::{text, Key};

pub struct ScrollTableProps {
    pub caption: &'static str,
    /// The scrolling region, for moving focus to the table (after a page change).
    pub region_ref: NodeRef,
    /// The column headings, left to right.
    pub columns: Vec<AttrValue>,
    /// The body's rows.
    pub rows: Html,
}

/// Column headings from the catalogue.
pub fn columns(lang: Lang, keys: &[Key]) -> Vec<AttrValue> {
    keys.iter().map(|&key| text(lang, key).into()).collect()
}

pub fn scroll_table(props: ScrollTableProps) -> Html {
    html! {
        <div class="sw-table-scroll" role="region" tabindex="0" aria-label={props.caption} ref={props.region_ref}>
            <table class="sw-table">
                <caption class="sw-table__caption">{ props.caption }</caption>
                <thead>
                    <tr>{ for props.columns.into_iter().map(|name| html! { <th scope="col">{ name }</th> }) }</tr>
                </thead>
                <tbody>{ props.rows }</tbody>
            </table>
        </div>
    }
}
