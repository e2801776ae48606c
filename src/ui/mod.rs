//! The widget's view. The root ([`App`]) holds the one reducer and talks to storage; every other
//! piece renders its props and reports what the user did through callbacks. A piece that keeps
//! state or uses a hook is a Yew function component; a stateless one is a plain function
//! returning `Html` (`footer(&FooterProps { … })`), because each function component adds its own
//! lifecycle, props builder and drop code to the bundle (about 0.5 KiB compressed each). Screens
//! built from plain functions are keyed where they are chosen, so a change of screen replaces the
//! elements as a change of component would.

mod app;
mod browser;
mod button;
mod choice;
mod confirm_panel;
mod date_input;
mod effect;
mod error_summary;
mod feedback;
mod file_upload;
mod focus;
mod footer;
mod header;
mod heading;
mod kept_status;
mod language_toggle;
mod pagination;
mod paragraph;
mod persist;
mod print_header;
mod privacy;
mod quiz;
mod read_only_part;
mod scroll_table;
mod section_nav;
mod section_page;
mod state;
mod summary_list;
mod text_field;

pub use app::{App, AppProps};

/// The NHS.UK form group's class, marked when its field has an error.
fn form_group_class(error: bool) -> &'static str {
    if error {
        "sw-form-group sw-form-group--error"
    } else {
        "sw-form-group"
    }
}
pub use effect::{drop_later, use_effect_when, Cleanup};
pub use persist::WaitingSaves;
pub use state::{AppStore, StorageServices, StoreHandle};

/// A class attribute from fixed names, each there when `Some`: one string, not Yew's `Classes`
/// set, whose code is kilobytes for what a join does (issue 26). A class worked out when
/// rendering is set as the `className` property (`~className={…}`): `class={…}` would make it a
/// `Classes` whatever its type. Not on SVG elements, whose `className` is not their class.
pub fn class_list(names: &[Option<&str>]) -> String {
    names
        .iter()
        .flatten()
        .copied()
        .collect::<Vec<_>>()
        .join(" ")
}
