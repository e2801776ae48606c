//! Yew function components. The root ([`App`]) holds the one reducer and talks to storage; every
//! other component renders its props and reports what the user did through callbacks.

mod app;
mod browser;
mod button;
mod choice;
mod clear_data;
mod confirm_panel;
mod data_transfer;
mod error_summary;
mod feedback;
mod focus;
mod footer;
mod header;
mod heading;
mod language_toggle;
mod pagination;
mod persist;
mod print_header;
mod quiz;
mod read_only_part;
mod scroll_table;
mod section_nav;
mod section_page;
mod state;
mod storage_notices;
mod text_field;

pub use app::{App, AppProps};
pub use persist::WaitingSaves;
pub use state::{AppStore, StorageServices, StoreHandle};
