//! A table that scrolls sideways inside its own box when the widget is too narrow for it, so the
//! page never does (WCAG 1.4.10 at 320 px): the box is a region named by the table's caption
//! that the keyboard can reach and scroll.

use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ScrollTableProps {
    pub caption: AttrValue,
    /// The scrolling region, for moving focus to the table (after a page change).
    #[prop_or_default]
    pub region_ref: NodeRef,
    /// The table's `thead` and `tbody`.
    pub children: Html,
}

#[function_component]
pub fn ScrollTable(props: &ScrollTableProps) -> Html {
    html! {
        <div class="sw-table-scroll" role="region" tabindex="0" aria-label={props.caption.clone()} ref={props.region_ref.clone()}>
            <table class="sw-table">
                <caption class="sw-table__caption">{ props.caption.clone() }</caption>
                { props.children.clone() }
            </table>
        </div>
    }
}
