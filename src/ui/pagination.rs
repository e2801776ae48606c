//! The NHS.UK pagination pattern for a list shown a page at a time: Previous page, the page
//! numbers (the first, the last, the current one and its neighbours, an ellipsis for the rest),
//! Next page. Buttons rather than links, as the pages have no address of their own; the current
//! page is marked `aria-current`. Nothing shows when everything fits on one page.

use yew::prelude::*;

use crate::ui::button::send;

use crate::core::feedback::history::Pages;
use crate::core::lang::Lang;
use crate::core::messages::{fill, text, Key};

pub struct PaginationProps {
    pub lang: Lang,
    /// What the pages are of, naming the navigation landmark.
    pub label: AttrValue,
    pub pages: Pages,
    pub on_page: Callback<usize>,
}

/// What a paged list says politely: how many rows it shows (`shown`, already in words), and
/// which page when there is more than one.
pub fn paged_status(lang: Lang, shown: String, pages: Pages) -> String {
    if pages.count <= 1 {
        return shown;
    }
    let (page, of) = ((pages.current + 1).to_string(), pages.count.to_string());
    fill(
        text(lang, Key::PageStatus),
        &[("shown", &shown), ("page", &page), ("pages", &of)],
    )
}

pub fn pagination(props: &PaginationProps) -> Html {
    let (lang, Pages { current, count }) = (props.lang, props.pages);
    if count <= 1 {
        return Html::default();
    }
    let go = |page: usize| send(&props.on_page, page);
    let step = |page: usize, key: Key, class: &'static str| {
        html! {
            <li ~className={class}>
                <button type="button" class="sw-link-button sw-pagination__link" onclick={go(page)}>{ text(lang, key) }</button>
            </li>
        }
    };
    let numbers = props.pages.links().into_iter().map(|link| match link {
        Some(page) => {
            let number = (page + 1).to_string();
            html! {
                <li class="sw-pagination__item">
                    <button type="button" class="sw-link-button sw-pagination__link"
                        aria-label={fill(text(lang, Key::PageNumber), &[("number", &number)])}
                        aria-current={(page == current).then_some("page")} onclick={go(page)}>{ number }</button>
                </li>
            }
        }
        // The pages left out; the numbers either side say which.
        None => html! { <li class="sw-pagination__item sw-pagination__item--ellipsis" aria-hidden="true">{ "⋯" }</li> },
    });
    html! {
        <nav class="sw-pagination sw-no-print" aria-label={props.label.clone()}>
            <ul class="sw-pagination__list">
                if current > 0 { { step(current - 1, Key::PagePrevious, "sw-pagination__previous") } }
                { for numbers }
                if current + 1 < count { { step(current + 1, Key::PageNext, "sw-pagination__next") } }
            </ul>
        </nav>
    }
}
