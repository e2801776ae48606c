//! A table that scrolls sideways inside its own box when the widget is too narrow for it, so the
//! page never does (WCAG 1.4.10 at 320 px): the box is a region named by the table's caption
//! that the keyboard can reach and scroll.

use yew::prelude::*;

pub struct ScrollTableProps {
    pub caption: &'static str,
    /// The scrolling region, for moving focus to the table (after a page change).
    pub region_ref: NodeRef,
    /// The table's `thead` and `tbody`.
    pub children: Html,
}

pub fn scroll_table(props: ScrollTableProps) -> Html {
    html! {
        <div class="sw-table-scroll" role="region" tabindex="0" aria-label={props.caption} ref={props.region_ref}>
            <table class="sw-table">
                <caption class="sw-table__caption">{ props.caption }</caption>
                { props.children }
            </table>
        </div>
    }
}
