//! The one way focus moves: a state asks for a target (with a counter, so asking twice moves
//! twice), and after the render that shows it this hook focuses the element. Keeping the
//! request in state, not in the event handler, means the element exists when it is focused.

use wasm_bindgen::JsCast;
use web_sys::HtmlElement;
use yew::prelude::*;

/// Asks, from a component's own state, for focus on `target` after the next render (a new
/// count, so asking twice moves twice). The state is what [`use_focus_move`] watches.
pub fn request_focus<F: Copy + 'static>(focus: &UseStateHandle<Option<(F, u32)>>, target: F) {
    let count = focus.map_or(0, |(_, n)| n.wrapping_add(1));
    focus.set(Some((target, count)));
}

#[hook]
pub fn use_focus_move<F, R>(focus: Option<(F, u32)>, refs: &R, pick: fn(&R, F) -> &NodeRef)
where
    F: PartialEq + Copy + 'static,
    R: Clone + 'static,
{
    let refs = refs.clone();
    use_effect_with(focus, move |focus| {
        if let Some((target, _)) = focus {
            if let Some(element) = pick(&refs, *target).cast::<HtmlElement>() {
                // Scrolled past (Continue is at the bottom of a long page): the new step's
                // heading comes to the top, not to wherever focusing would leave it.
                if element.get_bounding_client_rect().top() < 0.0 {
                    element.scroll_into_view_with_bool(true);
                }
                let _ = element.focus();
                // Focusing may leave it below the fold (Next, under a quiz answer's
                // explanation): its bottom comes to the bottom of the window, with what leads
                // to it in view above.
                let below = web_sys::window()
                    .and_then(|window| window.inner_height().ok()?.as_f64())
                    .is_some_and(|height| element.get_bounding_client_rect().bottom() > height);
                if below {
                    element.scroll_into_view_with_bool(false);
                }
            }
        }
    });
}

/// Focuses the element with `id` in the shadow root that holds `anchor` (ids are unique within
/// a widget, not within the page).
pub fn focus_by_id(anchor: &NodeRef, id: &str) {
    let root = anchor
        .get()
        .and_then(|node| node.get_root_node().dyn_into::<web_sys::ShadowRoot>().ok());
    if let Some(element) = root.and_then(|root| root.get_element_by_id(id)) {
        if let Ok(element) = element.dyn_into::<HtmlElement>() {
            let _ = element.focus();
        }
    }
}
