//! Yew function components. The root ([`App`]) holds the one reducer and talks to storage; every
//! other component renders its props and reports what the user did through callbacks.

mod app;
mod clear_data;
mod footer;
mod header;
mod language_toggle;
mod section_nav;
mod section_page;
mod state;
mod storage_notices;

pub use app::{App, AppProps};
pub use state::StoreHandle;
