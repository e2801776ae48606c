//! Browser tests (wasm-bindgen-test in headless Chromium): the localStorage adapter against the
//! real localStorage, and the mounted widget inside a shadow root, driven as a user would.
//! Run by `cargo xtask test`; natively this file compiles to nothing.

#![cfg(target_arch = "wasm32")]

use std::cell::Cell;
use std::rc::Rc;

use gloo_timers::future::TimeoutFuture;
use supervision_widget::core::store::{Backend, BackendError};
use supervision_widget::embed::{mount, WebStorage, Widget, READY_EVENT};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{HtmlElement, ShadowRoot, ShadowRootInit, ShadowRootMode, Storage};

wasm_bindgen_test_configure!(run_in_browser);

fn local_storage() -> Storage {
    web_sys::window().unwrap().local_storage().unwrap().unwrap()
}

/// Lets Yew's scheduler render.
async fn settle() {
    // A turn for timers and storage events first, then until Yew has nothing left to render:
    // its scheduler yields to the browser every 16 ms, so no fixed delay is enough when busy.
    TimeoutFuture::new(20).await;
    yew::scheduler::flush().await;
}

/// What `key` holds once a write has landed that `done` accepts. Writes wait for the cross-tab
/// lock, which a busy machine grants later: this polls for up to 5 s rather than guessing a
/// delay, and fails with what is there if nothing acceptable comes.
async fn stored_when(key: &str, done: impl Fn(&str) -> bool) -> String {
    stored_in(&local_storage(), key, done).await
}

/// [`stored_when`] in `storage` (this tab's sessionStorage, say).
async fn stored_in(storage: &Storage, key: &str, done: impl Fn(&str) -> bool) -> String {
    for _ in 0..250 {
        if let Some(value) = storage.get_item(key).unwrap() {
            if done(&value) {
                return value;
            }
        }
        TimeoutFuture::new(20).await;
    }
    panic!(
        "{key} was not written as expected: {:?}",
        local_storage().get_item(key)
    )
}

/// A host element with `attributes`, mounted like the bundle mounts one; returns the widget,
/// the host and its shadow root.
fn mount_widget(attributes: &[(&str, &str)]) -> (Widget, HtmlElement, ShadowRoot) {
    let document = web_sys::window().unwrap().document().unwrap();
    let host: HtmlElement = document.create_element("div").unwrap().unchecked_into();
    for (name, value) in attributes {
        host.set_attribute(name, value).unwrap();
    }
    document.body().unwrap().append_child(&host).unwrap();
    let shadow = host
        .attach_shadow(&ShadowRootInit::new(ShadowRootMode::Open))
        .unwrap();
    let root = document.create_element("div").unwrap();
    shadow.append_child(&root).unwrap();
    (mount(host.clone(), root), host, shadow)
}

/// Waits until the widget shows `needle`, for up to 5 s: what follows a save (Clear my data,
/// say) waits for the cross-tab lock, which a busy machine grants later. Fails with what is
/// shown instead.
async fn shows(shadow: &ShadowRoot, needle: &str) {
    for _ in 0..250 {
        if text(shadow).contains(needle) {
            return;
        }
        settle().await;
    }
    panic!("{needle:?} is not shown: {}", text(shadow))
}

fn text(shadow: &ShadowRoot) -> String {
    shadow.text_content().unwrap_or_default()
}

fn click(shadow: &ShadowRoot, selector: &str) {
    let element: HtmlElement = shadow
        .query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("no element matches {selector}"))
        .unchecked_into();
    element.click();
}

/// Clicks the button whose text is `label`, as a person would pick it by its words.
fn click_button(shadow: &ShadowRoot, label: &str) {
    let buttons = shadow.query_selector_all("button").unwrap();
    let button: HtmlElement = (0..buttons.length())
        .filter_map(|i| buttons.item(i))
        .find(|b| b.text_content().is_some_and(|t| t.trim() == label))
        .unwrap_or_else(|| panic!("no button {label:?}"))
        .unchecked_into();
    button.click();
}

fn keys_with_prefix(prefix: &str) -> Vec<String> {
    let storage = local_storage();
    (0..storage.length().unwrap())
        .filter_map(|i| storage.key(i).unwrap())
        .filter(|key| key.starts_with(prefix))
        .collect()
}

#[wasm_bindgen_test]
fn web_storage_backends_read_write_list_and_remove_each_in_its_own_place() {
    let (computer, tab) = WebStorage::open();
    let (computer, tab): (&dyn Backend, &dyn Backend) = (&computer, &tab);
    for (backend, other) in [(computer, tab), (tab, computer)] {
        backend.set("browser-test:a", "1").unwrap();
        assert_eq!(backend.get("browser-test:a"), Ok(Some("1".to_owned())));
        assert_eq!(other.get("browser-test:a"), Ok(None), "the two are apart");
        assert!(backend
            .keys()
            .unwrap()
            .contains(&"browser-test:a".to_owned()));
        backend.remove("browser-test:a").unwrap();
        assert_eq!(backend.get("browser-test:a"), Ok(None));
    }
    // The tab's records are in the page's memory: nothing in sessionStorage, which the browser
    // writes to disk and brings back with a restored tab.
    tab.set("browser-test:b", "2").unwrap();
    let session = web_sys::window()
        .unwrap()
        .session_storage()
        .unwrap()
        .unwrap();
    assert_eq!(session.length().unwrap(), 0);
    assert_eq!(
        WebStorage::open().1.get("browser-test:b"),
        Ok(Some("2".to_owned())),
        "another widget of the page sees it"
    );
    tab.remove("browser-test:b").unwrap();
}

#[wasm_bindgen_test]
fn local_storage_backend_reports_a_full_quota_as_full() {
    let (backend, _) = WebStorage::open();
    let chunk = "x".repeat(1024 * 1024);
    let mut written = Vec::new();
    let mut outcome = Ok(());
    // Chromium allows about 5 MiB per origin (counted in UTF-16), so this fills it.
    for i in 0..32 {
        let key = format!("browser-test:fill:{i}");
        outcome = backend.set(&key, &chunk);
        if outcome.is_err() {
            break;
        }
        written.push(key);
    }
    for key in &written {
        backend.remove(key).unwrap();
    }
    assert_eq!(outcome, Err(BackendError::Full));
}

#[wasm_bindgen_test]
async fn renders_in_the_element_language_and_announces_ready() {
    let document = web_sys::window().unwrap().document().unwrap();
    let readies = Rc::new(Cell::new(0));
    let counter = readies.clone();
    let listener = Closure::<dyn Fn()>::new(move || counter.set(counter.get() + 1));
    document
        .add_event_listener_with_callback(READY_EVENT, listener.as_ref().unchecked_ref())
        .unwrap();

    let (mut widget, _host, shadow) = mount_widget(&[("lang", "cy"), ("storage-key", "bt-ready")]);
    settle().await;
    shows(&shadow, "Hwb Goruchwylio").await;
    assert_eq!(
        readies.get(),
        1,
        "the ready event bubbled out of the shadow root once"
    );
    widget.destroy();
}

#[wasm_bindgen_test]
async fn the_language_toggle_switches_and_is_remembered_under_the_namespace() {
    local_storage().remove_item("bt-toggle:prefs").unwrap();
    let (mut widget, _host, shadow) = mount_widget(&[("storage-key", "bt-toggle")]);
    settle().await;
    shows(&shadow, "Supervision Hub").await;
    click(&shadow, ".sw-lang-toggle");
    settle().await;
    shows(&shadow, "Hwb Goruchwylio").await;
    stored_when("bt-toggle:prefs", |stored| {
        stored.contains("\"lang\":\"cy\"")
    })
    .await;
    widget.destroy();

    // A new widget with the same namespace starts in the remembered language, even though
    // the page says English.
    let (mut again, _host, shadow) = mount_widget(&[("storage-key", "bt-toggle"), ("lang", "en")]);
    settle().await;
    shows(&shadow, "Hwb Goruchwylio").await;
    again.destroy();
}

#[wasm_bindgen_test]
async fn a_page_that_keeps_nothing_writes_to_this_tab_only() {
    let attributes = [("storage-key", "bt-none"), ("privacy", "none")];
    let (mut widget, _host, shadow) = mount_widget(&attributes);
    settle().await;
    shows(&shadow, "Nothing is kept on this computer").await;
    click(&shadow, ".sw-lang-toggle");
    settle().await;
    shows(&shadow, "Hwb Goruchwylio").await;
    assert_eq!(
        keys_with_prefix("bt-none:"),
        Vec::<String>::new(),
        "nothing on the computer"
    );
    let session = web_sys::window()
        .unwrap()
        .session_storage()
        .unwrap()
        .unwrap();
    assert_eq!(
        session.length().unwrap(),
        0,
        "nothing the browser keeps on disk"
    );
    widget.destroy();

    // In this page it lasts: a new widget starts in the language chosen.
    let (mut again, _host, shadow) = mount_widget(&attributes);
    settle().await;
    shows(&shadow, "Hwb Goruchwylio").await;
    again.destroy();
}

#[wasm_bindgen_test]
async fn changing_the_mode_attribute_and_refreshing_re_renders() {
    let (mut widget, host, shadow) = mount_widget(&[("storage-key", "bt-mode")]);
    settle().await;
    // The navigation between the quiz and the feedback (the feedback has a menu of its own).
    let section_nav = "nav.sw-nav";
    assert!(shadow.query_selector(section_nav).unwrap().is_some());
    host.set_attribute("mode", "feedback").unwrap();
    widget.refresh();
    settle().await;
    assert!(shadow.query_selector(section_nav).unwrap().is_none());
    shows(&shadow, "Supervision feedback").await;
    widget.destroy();
}

#[wasm_bindgen_test]
async fn clear_my_data_asks_then_removes_only_this_namespace() {
    let storage = local_storage();
    storage.set_item("bt-clear:prefs", "{not json").unwrap();
    storage.set_item("bt-clear-other:prefs", "keep").unwrap();
    let (mut widget, _host, shadow) = mount_widget(&[("storage-key", "bt-clear")]);
    settle().await;
    shows(&shadow, "could not be read").await;
    assert_eq!(
        keys_with_prefix("bt-clear:").len(),
        2,
        "the record and its quarantine copy"
    );

    click_button(&shadow, "Clear my data");
    settle().await;
    shows(&shadow, "This will remove 2 saved items").await;
    click_button(&shadow, "Yes, clear my data");
    settle().await;
    shows(&shadow, "Your data has been cleared").await;
    assert_eq!(keys_with_prefix("bt-clear:"), Vec::<String>::new());
    assert_eq!(
        storage.get_item("bt-clear-other:prefs").unwrap().as_deref(),
        Some("keep")
    );
    storage.remove_item("bt-clear-other:prefs").unwrap();
    widget.destroy();
}

#[wasm_bindgen_test]
async fn the_quiz_saves_each_answer_and_resumes_in_a_new_widget() {
    let storage = local_storage();
    storage.remove_item("bt-quiz:quiz").unwrap();
    let (mut widget, _host, shadow) = mount_widget(&[
        ("storage-key", "bt-quiz"),
        ("mode", "quiz"),
        ("shuffle", "false"),
        ("questions", "3"),
    ]);
    settle().await;
    shows(&shadow, "3 questions").await;
    click_button(&shadow, "Start the quiz");
    settle().await;
    shows(&shadow, "Question 1 of 3").await;
    click(&shadow, ".sw-radios__input");
    settle().await;
    click_button(&shadow, "Check answer");
    settle().await;
    assert!(
        text(&shadow).contains("Sources:[1] "),
        "feedback with its source: {}",
        text(&shadow)
    );
    // The checked list with a question in it: choosing the answer saved an empty one first.
    stored_when("bt-quiz:quiz", |saved| {
        saved.contains("\"checked\":[\"") && !saved.contains("\"checked\":[]")
    })
    .await;
    widget.destroy();

    let (mut again, _host, shadow) = mount_widget(&[
        ("storage-key", "bt-quiz"),
        ("mode", "quiz"),
        ("shuffle", "false"),
        ("questions", "3"),
    ]);
    settle().await;
    assert!(
        text(&shadow).contains("question 1 of 3"),
        "offered to carry on: {}",
        text(&shadow)
    );
    click(&shadow, ".sw-quiz-start .sw-button");
    settle().await;
    assert!(
        text(&shadow).contains("Question 1 of 3") && text(&shadow).contains("Your answer: "),
        "{}",
        text(&shadow)
    );
    storage.remove_item("bt-quiz:quiz").unwrap();
    again.destroy();
}

#[wasm_bindgen_test]
async fn the_feedback_draft_is_autosaved_and_restored_in_a_new_widget() {
    let storage = local_storage();
    storage.remove_item("bt-fb:feedback-draft").unwrap();
    let (mut widget, _host, shadow) =
        mount_widget(&[("storage-key", "bt-fb"), ("mode", "feedback")]);
    settle().await;
    click(&shadow, "#sw-fb-role-gave");
    click(&shadow, "#sw-fb-kind-mentoring");
    // One domain a page, as chosen: it resumes on that page, that way.
    click(&shadow, "#sw-fb-one-at-a-time");
    settle().await;
    click_button(&shadow, "Continue");
    settle().await;
    shows(&shadow, "Domain 1 of 6").await;
    click(&shadow, "#sw-fb-rating-0-5");
    // The draft is written once typing pauses (400 ms), not on every change.
    TimeoutFuture::new(600).await;
    stored_when("bt-fb:feedback-draft", |saved| {
        saved.contains("\"role\":\"gave\"") && saved.contains("\"score\":5")
    })
    .await;
    widget.destroy();

    let (mut again, _host, shadow) =
        mount_widget(&[("storage-key", "bt-fb"), ("mode", "feedback")]);
    settle().await;
    assert!(
        text(&shadow).contains("Domain 1 of 6"),
        "resumes on its page: {}",
        text(&shadow)
    );
    let five: web_sys::HtmlInputElement = shadow
        .query_selector("#sw-fb-rating-0-5")
        .unwrap()
        .unwrap()
        .unchecked_into();
    assert!(five.checked());
    // The supervisor's prompts, because the role was "gave".
    shows(&shadow, "Did you make room for your supervisee").await;
    storage.remove_item("bt-fb:feedback-draft").unwrap();
    again.destroy();
}

#[wasm_bindgen_test]
async fn an_open_action_is_followed_up_and_a_new_action_is_autosaved_with_the_draft() {
    let storage = local_storage();
    storage.remove_item("bt-act:feedback-draft").unwrap();
    // A supervisor's earlier session with one open action (sessions record version 3).
    storage
        .set_item(
            "bt-act:feedback-sessions",
            r#"{"version":3,"rev":1,"saved_at":"2026-10-01T12:00:00.000Z","data":[{"id":"old","role":"gave","kind":"clinical","date":"2026-10-01","label":"","ratings":[2,4,4,4,4,4],"comments":["","","","","",""],"saved_at":"2026-10-01T12:00:00.000Z","reflection":{"learned":"","changed":"","themes":[false,false,false,false],"other":""},"actions":[{"domain":0,"text":"I will make time for a risk review."}],"follow_ups":[]}]}"#,
        )
        .unwrap();
    let (mut widget, _host, shadow) =
        mount_widget(&[("storage-key", "bt-act"), ("mode", "feedback")]);
    settle().await;
    click(&shadow, "#sw-fb-role-gave");
    click(&shadow, "#sw-fb-kind-clinical");
    settle().await;
    click_button(&shadow, "Continue");
    settle().await;
    shows(&shadow, "Last time you planned").await;
    shows(&shadow, "I will make time for a risk review.").await;
    click(&shadow, "#sw-fb-fu-0-done");
    settle().await;
    click_button(&shadow, "Continue");
    // All six on one page: Timely's low rating brings its action under it.
    settle().await;
    shows(&shadow, "The six domains").await;
    for i in 0..6 {
        click(
            &shadow,
            &format!("#sw-fb-rating-{i}-{}", if i == 1 { 1 } else { 4 }),
        );
        settle().await;
    }
    // The supervisor's wording.
    shows(&shadow, "I will make time for").await;
    let action: web_sys::HtmlTextAreaElement = shadow
        .query_selector("#sw-fb-action-1")
        .unwrap()
        .unwrap()
        .unchecked_into();
    action.set_value("I will make time to talk about the rota.");
    let init = web_sys::EventInit::new();
    init.set_bubbles(true);
    action
        .dispatch_event(&web_sys::Event::new_with_event_init_dict("input", &init).unwrap())
        .unwrap();
    TimeoutFuture::new(600).await;
    stored_when("bt-act:feedback-draft", |saved| {
        saved.contains("\"page\":\"domains\"")
            && saved.contains("I will make time to talk about the rota.")
            && saved.contains("\"outcome\":\"done\"")
    })
    .await;
    widget.destroy();

    let (mut again, _host, shadow) =
        mount_widget(&[("storage-key", "bt-act"), ("mode", "feedback")]);
    settle().await;
    let action: web_sys::HtmlTextAreaElement = shadow
        .query_selector("#sw-fb-action-1")
        .unwrap()
        .expect("resumes on the page of all six, with the action")
        .unchecked_into();
    assert_eq!(action.value(), "I will make time to talk about the rota.");
    storage.remove_item("bt-act:feedback-draft").unwrap();
    storage.remove_item("bt-act:feedback-sessions").unwrap();
    again.destroy();
}

/// What the effect hook's test component saw: each run's dependency and each clean-up.
#[derive(Clone, Default, PartialEq)]
struct EffectLog(Rc<std::cell::RefCell<Vec<String>>>);

#[derive(yew::Properties, PartialEq)]
struct EffectProbeProps {
    deps: u32,
    /// Changes on every update, so each update renders even when `deps` does not change.
    render: u32,
    log: EffectLog,
}

#[yew::function_component]
fn EffectProbe(props: &EffectProbeProps) -> yew::Html {
    let log = props.log.0.clone();
    supervision_widget::ui::use_effect_when(props.deps, move |deps| {
        log.borrow_mut().push(format!("run {deps}"));
        let (log, deps) = (log.clone(), *deps);
        Some(Box::new(move || {
            log.borrow_mut().push(format!("clean {deps}"))
        }))
    });
    yew::html! { <p>{ props.render }</p> }
}

#[wasm_bindgen_test]
async fn the_effect_hook_runs_when_its_dependencies_change_and_cleans_up_before_the_next_run() {
    let document = web_sys::window().unwrap().document().unwrap();
    let root = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&root).unwrap();
    let log = EffectLog::default();
    let props = |deps, render| EffectProbeProps {
        deps,
        render,
        log: log.clone(),
    };
    let mut app =
        yew::Renderer::<EffectProbe>::with_root_and_props(root.clone(), props(1, 0)).render();
    settle().await;
    app.update(props(1, 1));
    settle().await;
    assert_eq!(root.text_content().unwrap(), "1", "the update rendered");
    assert_eq!(
        *log.0.borrow(),
        ["run 1"],
        "the same dependencies: no second run"
    );
    app.update(props(2, 2));
    settle().await;
    assert_eq!(*log.0.borrow(), ["run 1", "clean 1", "run 2"]);
    app.destroy();
    settle().await;
    assert_eq!(*log.0.borrow(), ["run 1", "clean 1", "run 2", "clean 2"]);
    root.remove();
}
