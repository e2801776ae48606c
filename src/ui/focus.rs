//! The one way focus moves: a state asks for a target (with a counter, so asking twice moves
//! twice), and after the render that shows it this hook focuses the element. Keeping the
//! request in state, not in the event handler, means the element exists when it is focused.

use wasm_bindgen::JsCast;
use web_sys::HtmlElement;
use yew::prelude::*;

use super::effect::use_effect_when;

/// A component's request for focus: the element, and a count so that asking twice moves twice.
pub type FocusRequest = UseStateHandle<Option<(NodeRef, u32)>>;

/// Asks, from a component's own state, for focus on `target` after the next render.
pub fn request_focus(focus: &FocusRequest, target: &NodeRef) {
    let count = focus.as_ref().map_or(0, |(_, n)| n.wrapping_add(1));
    focus.set(Some((target.clone(), count)));
}

/// A component's focus request, moved after each render that changes it. One state type for
/// every component (their own target enums each cost a copy of the state hook; issue 26).
#[hook]
pub fn use_focus_request() -> FocusRequest {
    let focus = use_state(|| None);
    use_focus_move((*focus).clone());
    focus
}

/// The element a reducer's focus request (a target and a count) points at, picked from the
/// part's refs, for [`use_focus_move`].
pub fn focus_target<F: Copy, R>(
    focus: Option<(F, u32)>,
    refs: &R,
    pick: fn(&R, F) -> &NodeRef,
) -> Option<(NodeRef, u32)> {
    focus.map(|(target, count)| (pick(refs, target).clone(), count))
}

/// Focuses the element `target` points at after the render that shows it, each time its count
/// changes. Not generic over the parts' targets: each type it was called with cost its own copy
/// of the hook and its effect (13 KB of wasm for eight before wasm-opt; issue 26).
#[hook]
pub fn use_focus_move(target: Option<(NodeRef, u32)>) {
    use_effect_when(target, move |target| {
        if let Some((target, _)) = target {
            if let Some(element) = target.cast::<HtmlElement>() {
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
        None
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
