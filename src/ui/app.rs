//! The root component: holds the shell's state, saves preferences, moves focus and composes the
//! header, notices, navigation, the current part (or, while locked, the unlock screen) and the
//! footer.

use std::rc::Rc;

use yew::prelude::*;

use crate::ui::effect::{drop_later, use_effect_when};

use crate::ui::privacy::data_transfer::{export_all, ExportLock};

use super::button::{on_click, secondary_button};
use super::focus::{focus_target, use_focus_move};
use super::footer::{footer, FooterProps};
use super::header::header;
use super::print_header::print_header;
use super::privacy::keeping;
use super::privacy::offer::{offer_at_start, privacy_offer, PrivacyOfferProps};
use super::privacy::storage_notices::{storage_notices, StorageNoticesProps};
use super::privacy::unlock::{unlock, UnlockProps};
use super::quiz::read_question_sets;
use super::section_nav::{section_nav, SectionNavProps};
use super::section_page::{section_page, SectionPageProps};
use super::state::{now_iso, StoreHandle};
use crate::core::config::{Mode, WidgetConfig};
use crate::core::lang::Lang;
use crate::core::messages::{fill, text, Key};
use crate::core::privacy::{clear_keeping_setting, LockState, SETTING};
use crate::core::shell::{Action, Focus, LockEvent, Prefs, Section, ShellState, PREFS};
use crate::ui::browser::clock_time;

#[derive(Properties, PartialEq, Clone)]
pub struct AppProps {
    pub config: WidgetConfig,
    pub store: StoreHandle,
    /// Called once, after the first render.
    pub on_ready: Callback<()>,
}

/// Elements that the shell moves focus to.
#[derive(Default, Clone, PartialEq)]
pub struct FocusRefs {
    pub section_heading: NodeRef,
    pub clear_question: NodeRef,
    pub clear_button: NodeRef,
    pub clear_outcome: NodeRef,
    pub unlock_heading: NodeRef,
    pub lock_outcome: NodeRef,
    pub forgot_question: NodeRef,
    pub forgot_button: NodeRef,
    pub offer: NodeRef,
}

impl FocusRefs {
    fn get(&self, target: Focus) -> &NodeRef {
        match target {
            Focus::SectionHeading => &self.section_heading,
            Focus::ClearQuestion => &self.clear_question,
            Focus::ClearButton => &self.clear_button,
            Focus::ClearOutcome => &self.clear_outcome,
            Focus::UnlockHeading => &self.unlock_heading,
            Focus::LockOutcome => &self.lock_outcome,
            Focus::ForgotQuestion => &self.forgot_question,
            Focus::ForgotButton => &self.forgot_button,
            Focus::Offer => &self.offer,
        }
    }
}

#[function_component]
pub fn App(props: &AppProps) -> Html {
    let level = props.config.heading_level;
    let state = use_reducer({
        let (config, store) = (props.config.clone(), props.store.clone());
        move || initial_state(&config, &store)
    });
    let refs = use_memo((), |_| FocusRefs::default());
    // The page's question sets are read when the quiz shows (again if the page changes them).
    let quiz_content = use_memo(
        (
            props.config.question_sets.clone(),
            state.section == Section::Quiz,
        ),
        |(sets, shown)| shown.then(|| read_question_sets(sets)),
    );
    use_attribute_changes(&props.config, state.dispatcher());
    let on_setting_saved = {
        let (store, floor, dispatch) = (
            props.store.clone(),
            props.config.privacy,
            state.dispatcher(),
        );
        Callback::from(move |()| keeping::follow_setting(&store, floor, &dispatch))
    };
    use_other_tabs(&props.store, on_setting_saved.clone(), state.dispatcher());
    let relock = {
        let (store, floor, dispatch) = (
            props.store.clone(),
            props.config.privacy,
            state.dispatcher(),
        );
        Callback::from(move |event: LockEvent| {
            if store.keeping(floor).lock != LockState::Open {
                return;
            }
            dispatch.dispatch(Action::Lock(event));
            store.shut_lock();
            dispatch.dispatch(Action::Keeping(store.keeping(floor)));
        })
    };
    keeping::use_time_limit(&props.store, state.keeping, state.dispatcher());
    let (on_activity, idle_warning) =
        keeping::use_idle_lock(state.keeping.lock == LockState::Open, relock.clone());
    // Someone else's records (or someone else's lock): this tab keeps nothing, shows nothing of
    // theirs and changes nothing of theirs, until it closes or reloads.
    let on_tab_only = {
        let (store, floor, dispatch, section) = (
            props.store.clone(),
            props.config.privacy,
            state.dispatcher(),
            state.section,
        );
        Callback::from(move |()| {
            store.use_in_tab_only();
            keeping::follow_setting(&store, floor, &dispatch);
            dispatch.dispatch(Action::Show(section));
        })
    };
    // Unlocked, or the locked data deleted: said, then the records follow.
    let on_unlock_done = {
        let (dispatch, on_setting_saved) = (state.dispatcher(), on_setting_saved.clone());
        Callback::from(move |event: Option<LockEvent>| {
            if let Some(event) = event {
                dispatch.dispatch(Action::Lock(event));
            }
            on_setting_saved.emit(());
        })
    };
    use_focus_move(focus_target(state.focus, &*refs, FocusRefs::get));
    {
        let on_ready = props.on_ready.clone();
        use_effect_when((), move |_| {
            on_ready.emit(());
            None
        });
    }

    // The language and the part last used are remembered for the next visit.
    let remember = {
        let (state, store) = (state.clone(), props.store.clone());
        move |prefs: Prefs| {
            let state = state.clone();
            store.write(move |store| {
                if let Err(notice) = store.save(PREFS, prefs, &now_iso()) {
                    state.dispatch(Action::Notice(notice));
                }
            });
        }
    };
    let on_toggle_lang = {
        let (state, remember) = (state.clone(), remember.clone());
        Callback::from(move |_| {
            let lang = state.lang.other();
            state.dispatch(Action::SetLang(lang));
            remember(Prefs {
                lang,
                section: Some(state.section),
            });
        })
    };
    let on_show = {
        let state = state.clone();
        Callback::from(move |section| {
            state.dispatch(Action::Show(section));
            remember(Prefs {
                lang: state.lang,
                section: Some(section),
            });
        })
    };
    let on_ask_clear = {
        let (state, store) = (state.clone(), props.store.clone());
        Callback::from(move |_| {
            // Both places: this tab may hold records while the computer holds older ones; in
            // this tab only for someone else's computer, only the tab's.
            let computer = match state.keeping.guest {
                true => 0,
                false => store.computer().keys().len(),
            };
            let items = computer + store.tab().keys().len();
            state.dispatch(Action::AskClear { items })
        })
    };
    let on_cancel_clear = {
        let state = state.clone();
        Callback::from(move |_| state.dispatch(Action::CancelClear))
    };
    let on_part_notice = {
        let (state, section) = (state.clone(), state.section);
        Callback::from(move |notice| state.dispatch(Action::PartNotice(section, notice)))
    };
    let on_download_kept_aside = {
        let store = props.store.clone();
        Callback::from(move |()| super::privacy::data_transfer::download_kept_aside(&store))
    };
    let on_start_fresh = {
        let (state, store) = (state.clone(), props.store.clone());
        Callback::from(move |()| {
            let state = state.clone();
            store.write(move |store| match store.start_fresh() {
                Ok(_) => state.dispatch(Action::StartedFresh),
                Err(notice) => state.dispatch(Action::Notice(notice)),
            })
        })
    };
    let on_download_copy = {
        let store = props.store.clone();
        Callback::from(move |()| export_all(&store, store.read(), ExportLock::AsKept))
    };
    let on_download_left = {
        let store = props.store.clone();
        Callback::from(move |()| export_all(&store, store.computer(), ExportLock::AsKept))
    };
    let on_delete_left = {
        let (state, store) = (state.clone(), props.store.clone());
        Callback::from(move |()| {
            let state = state.clone();
            store.write_both(move |computer, _| {
                match clear_keeping_setting(computer, &now_iso(), false) {
                    Ok(_) => state.dispatch(Action::LeftOnComputer(0)),
                    Err(notice) => state.dispatch(Action::Notice(notice)),
                }
            })
        })
    };
    let on_resolve = {
        let (state, store) = (state.clone(), props.store.clone());
        Callback::from(move |keep_mine: bool| {
            let state = state.clone();
            store.write(
                move |store| match store.resolve_conflicts(keep_mine, &now_iso()) {
                    Ok(()) => state.dispatch(Action::ConflictResolved),
                    Err(notice) => state.dispatch(Action::Notice(notice)),
                },
            )
        })
    };
    // Everything goes from both places, but the privacy setting: it protects whoever is next.
    let on_confirm_clear = {
        let (state, store) = (state.clone(), props.store.clone());
        Callback::from(move |_| {
            let (state, guest) = (state.clone(), state.keeping.guest);
            store.write_both(move |computer, tab| {
                let now = now_iso();
                let computer = match guest {
                    true => Ok(0),
                    false => clear_keeping_setting(computer, &now, true),
                };
                for outcome in [computer, tab.clear()] {
                    if let Err(notice) = outcome {
                        state.dispatch(Action::Notice(notice));
                    }
                }
                state.dispatch(Action::Cleared);
            })
        })
    };

    let lang = state.lang;
    html! {
        // Both languages are left-to-right: say so, or a right-to-left host page flips the widget
        // (`:host { all: initial }` does not reset `direction`).
        // A region landmark named by the title, so a screen reader's landmark list finds it.
        <section class="sw" lang={lang.code()} dir="ltr" aria-labelledby="sw-title"
            onkeydown={on_activity.reform(|_| ())} onpointerdown={on_activity.reform(|_| ())}
            oninput={on_activity.reform(|_| ())} onwheel={on_activity.reform(|_| ())}
            onfocusin={on_activity.reform(|_| ())}>
            { print_header(lang) }
            { header(lang, level, &on_toggle_lang) }
            { storage_notices(&StorageNoticesProps {
                expired: state.expired,
                left_on_computer: state.left_on_computer,
                on_download_left,
                on_delete_left,
                lang,
                level,
                notices: state.notices.clone(),
                on_download_kept_aside,
                on_start_fresh,
                on_resolve,
                on_download_copy,
            }) }
            if let Some(lock_at) = idle_warning {
                { idle_warning_panel(lang, lock_at, &on_activity) }
            }
            if let Some(offer) = state.offer() {
                { privacy_offer(PrivacyOfferProps {
                    lang,
                    level,
                    store: props.store.clone(),
                    offer,
                    answered: state.offer_answered,
                    on_kept: { let state = state.clone(); Callback::from(move |saved| state.dispatch(Action::OfferKept(saved))) },
                    on_tab_only: { let (state, on_tab_only) = (state.clone(), on_tab_only.clone()); Callback::from(move |()| { state.dispatch(Action::OfferTabOnly); on_tab_only.emit(()); }) },
                    anchor: refs.offer.clone(),
                }) }
            }
            if state.keeping.lock == LockState::Shut {
                { unlock(UnlockProps {
                    lang,
                    level,
                    store: props.store.clone(),
                    on_done: on_unlock_done,
                    locked: state.lock_event,
                    on_tab_only,
                    forgot: state.forgot,
                    on_forgot: { let state = state.clone(); Callback::from(move |forgot| state.dispatch(Action::Forgot(forgot))) },
                    refs: (refs.unlock_heading.clone(), refs.forgot_question.clone(), refs.forgot_button.clone()),
                }) }
            } else {
            if let Some(key) = lock_outcome_key(state.lock_event) {
                <p class="sw-outcome" role="status" tabindex="-1" ref={refs.lock_outcome.clone()}>{ text(lang, key) }</p>
            }
            if state.mode == Mode::All {
                { section_nav(&SectionNavProps {
                    lang,
                    mode: state.mode,
                    current: state.section,
                    on_show,
                }) }
            }
            { section_page(SectionPageProps {
                lang,
                section: state.section,
                read_only: state.read_only.contains(&state.section),
                config: &props.config,
                store: props.store.clone(),
                on_notice: on_part_notice,
                heading_ref: refs.section_heading.clone(),
                outside_epoch: state.outside_epoch,
                key: state.data_epoch,
                quiz_content: quiz_content.as_ref().as_ref(),
            }) }
            { footer(&FooterProps {
                lang,
                level,
                keeping: state.keeping,
                floor: props.config.privacy,
                on_setting_saved,
                on_lock_now: relock.reform(|_| LockEvent::LockedNow),
                step: state.clear,
                refs: (*refs).clone(),
                on_ask: on_ask_clear,
                on_cancel: on_cancel_clear,
                on_confirm: on_confirm_clear,
                store: props.store.clone(),
                on_imported: { let state = state.clone(); Callback::from(move |()| state.dispatch(Action::Imported)) },
            }) }
            }
        </section>
    }
}

/// What unlocking or deleting the locked data did, said above the part (locking is said on the
/// unlock screen).
fn lock_outcome_key(event: Option<LockEvent>) -> Option<Key> {
    match event? {
        LockEvent::Unlocked => Some(Key::LockUnlocked),
        LockEvent::Deleted => Some(Key::LockDeleted),
        LockEvent::LockedIdle | LockEvent::LockedNow => None,
    }
}

/// "This tool will lock at 10:42 unless you use it", with a button to stay unlocked: said as an
/// alert, without moving focus, two minutes before the idle lock.
fn idle_warning_panel(lang: Lang, lock_at: f64, on_use: &Callback<()>) -> Html {
    html! {
        <div class="sw-callout sw-idle-warning" role="alert">
            <p>{ fill(text(lang, Key::IdleWarning), &[("time", &clock_time(lock_at, false))]) }</p>
            <div class="sw-button-group">
                { secondary_button(text(lang, Key::IdleStay), on_click(on_use)) }
            </div>
        </div>
    }
}

/// The state at start-up: records placed where the privacy setting says, with the remembered
/// preferences and any notice loading them gave.
fn initial_state(config: &WidgetConfig, store: &StoreHandle) -> ShellState {
    // First: where records live decides where the preferences are read from.
    let (keeping, actions) = keeping::start(store, config.privacy);
    let loaded = store.read().load::<Prefs>(PREFS, &now_iso());
    let mut state = ShellState::new(config, loaded.data.as_ref());
    state.keeping = keeping;
    let notice = loaded.notice.map(Action::Notice);
    let state = notice
        .into_iter()
        .chain(actions)
        .fold(state, ShellState::apply);
    let offer = offer_at_start(store, state.keeping);
    state.with_offer(offer)
}

/// Applies attribute changes the page makes after start-up (not the first render's values, so a
/// remembered language is not overridden by the attribute it was chosen over).
#[hook]
fn use_attribute_changes(config: &WidgetConfig, dispatch: UseReducerDispatcher<ShellState>) {
    let applied = use_mut_ref(|| config.clone());
    use_effect_when(config.clone(), move |config| {
        if *applied.borrow() != *config {
            *applied.borrow_mut() = config.clone();
            dispatch.dispatch(Action::Configure {
                mode: config.mode,
                lang: config.lang,
            });
        }
        None
    });
}

/// Hears other tabs' and other widgets' saves (through the element's storage services): the
/// parts reload what changed, and the remembered preferences' revision is picked up so this
/// widget's next save does not clash.
#[hook]
fn use_other_tabs(
    store: &StoreHandle,
    on_setting_changed: Callback<()>,
    dispatch: UseReducerDispatcher<ShellState>,
) {
    let store = store.clone();
    use_effect_when((), move |_| {
        let prefix = store.namespace().key("");
        let setting = store.namespace().key(SETTING.name);
        let reader = store.clone();
        let guard = store.watch(Rc::new(move |key: Option<String>| {
            if key.as_ref().is_none_or(|key| *key == setting) {
                on_setting_changed.emit(());
            }
            // No key: the whole storage was cleared (perhaps by the host page).
            if key.is_none_or(|key| key.starts_with(&prefix)) {
                let _ = reader.read().load::<Prefs>(PREFS, &now_iso());
                dispatch.dispatch(Action::ExternalChange);
            }
        }));
        drop_later(guard)
    });
}
