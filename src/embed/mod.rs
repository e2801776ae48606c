//! The Rust side of the `<supervision-widget>` custom element.
//!
//! The element itself is defined by the bundle's JavaScript (`loader.js`), which attaches an open
//! shadow root, adopts the stylesheet, starts the wasm once per page and calls [`mount`] for each
//! element. Everything from there on (reading attributes, storage, rendering) happens here.

mod attributes;
mod web_storage;
mod write_lock;

use std::any::Any;
use std::rc::Rc;

use gloo::events::EventListener;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{BeforeUnloadEvent, CustomEvent, CustomEventInit, Element, HtmlElement};
use yew::{AppHandle, Callback, Renderer};

use crate::core::config::{Mode, TypedSetting, WidgetConfig};
use crate::core::lang::Lang;
use crate::core::messages;
use crate::core::privacy::lock::Random;
use crate::core::privacy::{personal_records, Place};
use crate::core::quiz::content::QuizContent;
use crate::ui::{App, AppProps, StorageServices, StoreHandle};

pub use web_storage::WebStorage;
use write_lock::WriteLock;

/// The event an element dispatches after its first render.
pub const READY_EVENT: &str = "supervision-widget:ready";

/// One mounted widget, owned by its element.
#[wasm_bindgen]
pub struct Widget {
    host: HtmlElement,
    root: Element,
    props: AppProps,
    app: Option<AppHandle<App>>,
    /// Asks before the tab is closed while it holds records kept nowhere else.
    _leaving: EventListener,
}

/// Renders a widget for `host` (the custom element) into `root` (a `<div>` in its shadow root).
#[wasm_bindgen]
pub fn mount(host: HtmlElement, root: Element) -> Widget {
    let props = props(&host, attributes::read_config(&host));
    if props.config.mode != Mode::Feedback && props.config.question_sets.is_empty() {
        // The quiz's built-in questions, which its first render would parse anyway (once per
        // page; they are shared): parsed here so that the bench can tell the two apart.
        QuizContent::built_in();
    }
    mark("content");
    let app = start_app(&root, &props);
    Widget {
        _leaving: warn_before_leaving(&props.store),
        host,
        root,
        props,
        app: Some(app),
    }
}

/// Checks a value a wrapper's editor typed for one of the element's attributes (`storage-key`,
/// `questions`, `pass-mark`) by the rules the element applies: `undefined` when the element
/// would use it, else what it takes, from the message catalogue in `lang` (a language tag).
#[wasm_bindgen(js_name = checkSetting)]
pub fn check_setting(name: &str, value: &str, lang: &str) -> Result<Option<String>, JsError> {
    let setting = TypedSetting::from_attribute(name)
        .ok_or_else(|| JsError::new(&format!("{name} is not a typed setting")))?;
    let lang = Lang::from_tag(lang).unwrap_or_default();
    Ok(setting
        .check(value)
        .err()
        .map(|problem| messages::text(lang, problem).to_owned()))
}

#[wasm_bindgen]
impl Widget {
    /// Re-reads the attributes after one changed. A new storage namespace means different saved
    /// data, so the app starts again; anything else updates it in place.
    pub fn refresh(&mut self) {
        let config = attributes::read_config(&self.host);
        if config == self.props.config {
            return;
        }
        // A new namespace means other records; a new privacy floor may mean another place.
        if config.namespace != self.props.config.namespace
            || config.privacy != self.props.config.privacy
        {
            // The old app is torn down later by Yew's scheduler: give the new one a fresh
            // mount point so the two never share DOM nodes.
            self.destroy();
            if let Some(fresh) = fresh_mount_point(&self.root) {
                self.root = fresh;
            }
            self.props = props(&self.host, config);
            self._leaving = warn_before_leaving(&self.props.store);
            self.app = Some(start_app(&self.root, &self.props));
        } else {
            self.props.config = config;
            if let Some(app) = self.app.as_mut() {
                app.update(self.props.clone());
            }
        }
    }

    /// Tears the app down when the element leaves the page.
    pub fn destroy(&mut self) {
        if let Some(app) = self.app.take() {
            app.destroy();
        }
    }
}

/// Replaces `root` in the shadow root with an empty element of the same kind and class.
fn fresh_mount_point(root: &Element) -> Option<Element> {
    let fresh = root
        .owner_document()?
        .create_element(&root.tag_name())
        .ok()?;
    fresh.set_class_name(&root.class_name());
    root.replace_with_with_node_1(&fresh).ok()?;
    Some(fresh)
}

fn start_app(root: &Element, props: &AppProps) -> AppHandle<App> {
    Renderer::<App>::with_root_and_props(root.clone(), props.clone()).render()
}

/// The app's properties: the settings, stores for their namespace over localStorage and the
/// tab's memory with their browser services, and the ready signal.
fn props(host: &HtmlElement, config: WidgetConfig) -> AppProps {
    let (local, tab) = WebStorage::open();
    let (writer_id, lock_name) = (local.id(), config.namespace.key("lock"));
    let store = StoreHandle::new(
        &config.namespace,
        Box::new(local),
        Box::new(tab),
        secure_random(),
        move |waiting_saves| {
            Rc::new(BrowserStorage {
                lock: WriteLock::new(lock_name, move || waiting_saves.flush_all()),
                writer_id,
            })
        },
    );
    let host = host.clone();
    AppProps {
        config,
        store,
        on_ready: Callback::from(move |()| announce_ready(&host)),
    }
}

/// The browser's `crypto.getRandomValues` (offered on plain http:// pages too) for the
/// passphrase lock's salts and nonces, if it works here; never `Math.random`.
fn secure_random() -> Option<Random> {
    let mut probe = [0u8; 16];
    let crypto = web_sys::window().and_then(|window| window.crypto().ok())?;
    crypto.get_random_values_with_u8_array(&mut probe).ok()?;
    Some(random_bytes)
}

fn random_bytes(bytes: &mut [u8]) {
    if let Some(crypto) = web_sys::window().and_then(|window| window.crypto().ok()) {
        let _ = crypto.get_random_values_with_u8_array(bytes);
    }
}

/// What the browser does around the store: writes take the namespace's Web Lock (and are made
/// when the page is left, with any autosave still waiting), and other tabs' and widgets' writes
/// are heard.
struct BrowserStorage {
    lock: WriteLock,
    /// This widget's storage adapter, whose own write announcements are not news.
    writer_id: u32,
}

impl StorageServices for BrowserStorage {
    fn write(&self, job: Box<dyn FnOnce()>) {
        self.lock.run(job);
    }

    fn flush(&self) {
        self.lock.flush();
    }

    fn watch(&self, on_change: Rc<dyn Fn(Option<String>)>) -> Box<dyn Any> {
        Box::new(web_storage::watch_writes(self.writer_id, on_change))
    }
}

/// While records live in this tab only and it holds some, closing or leaving the tab first asks
/// (the browser's own words: it shows no page's text). The widget's footer says why beforehand.
fn warn_before_leaving(store: &StoreHandle) -> EventListener {
    let store = store.clone();
    let window = web_sys::window().expect("a widget runs in a window");
    EventListener::new(&window, "beforeunload", move |event| {
        if store.place() == Place::Tab && personal_records(store.read()) > 0 {
            event.prevent_default();
            // Older browsers ask only when a return value is set.
            if let Some(event) = event.dyn_ref::<BeforeUnloadEvent>() {
                event.set_return_value("-");
            }
        }
    })
}

/// A start-up phase on the page's performance timeline, beside the loader's (`cargo xtask bench`
/// reads them).
fn mark(phase: &str) {
    if let Some(performance) = web_sys::window().and_then(|window| window.performance()) {
        let _ = performance.mark(&format!("supervision-widget:{phase}"));
    }
}

/// Tells the host page the widget has rendered (bubbling out of the shadow root).
fn announce_ready(host: &HtmlElement) {
    let init = CustomEventInit::new();
    init.set_bubbles(true);
    init.set_composed(true);
    if let Ok(event) = CustomEvent::new_with_event_init_dict(READY_EVENT, &init) {
        let _ = host.dispatch_event(&event);
    }
}
