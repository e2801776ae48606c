//! "Your data": export everything to one file, and import such a file (keep what is here and
//! add what is new, or replace it after asking). This is how data moves between the intranet
//! page and a saved offline copy, which keep separate storage.

use std::rc::Rc;

use wasm_bindgen::JsCast;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::core::config::HeadingLevel;
use crate::ui::button::{secondary_button, send};
use crate::ui::paragraph::paragraph;

use super::passphrase_check::PassphraseCheck;
use super::passphrase_form::PassphraseForm;
use super::this_computer::{this_computer, use_this_computer, ThisComputerProps};
use crate::core::lang::Lang;
use crate::core::messages::{fill, text, Key};
use crate::core::privacy::data_transfer::{DataAction, DataTransferState, Outcome};
use crate::core::privacy::lock::{LockRecord, COST, LOCK};
use crate::core::privacy::{Keeping, LockState, Privacy};
use crate::core::sorted::SortedMap;
use crate::core::store::StorageNotice;
use crate::core::transfer::{self, ImportError, ImportFailure, ImportMode, MAX_LOCKED_BYTES};
use crate::ui::browser::{self, FileProblem};
use crate::ui::confirm_panel::{confirm_panel, ConfirmPanelProps};
use crate::ui::file_upload::{file_upload, FileUploadProps};
use crate::ui::focus::{request_focus, use_focus_request};
use crate::ui::state::{now_iso, AppStore, StoreHandle};
use crate::ui::text_field::TextField;

#[derive(Properties, PartialEq)]
pub struct DataTransferProps {
    pub lang: Lang,
    pub level: HeadingLevel,
    pub store: StoreHandle,
    /// Called after data was imported, so the parts reload it.
    pub on_imported: Callback<()>,
    /// What is kept on this computer now, and the lock.
    pub keeping: Keeping,
    /// The page author's privacy floor.
    pub floor: Privacy,
    /// Called once a new privacy setting is saved.
    pub on_setting_saved: Callback<()>,
}

/// Where focus goes in "Your data": the replace question when it appears, back to Import after
/// Cancel, and to the outcome once an import is done.
#[derive(Clone, Default, PartialEq)]
struct ImportRefs {
    question: NodeRef,
    import_button: NodeRef,
    outcome: NodeRef,
}

/// The words for why an import did not happen.
pub fn failure_words(lang: Lang, failure: &ImportFailure) -> String {
    let key = match failure {
        ImportFailure::File(ImportError::TooBig) => Key::DataErrorTooBig,
        ImportFailure::File(
            ImportError::TooDeep | ImportError::NotJson | ImportError::NotAnExport,
        ) => Key::DataErrorNotExport,
        ImportFailure::File(ImportError::NewerVersion) => Key::DataErrorNewer,
        ImportFailure::File(ImportError::Locked) => Key::DataErrorLocked,
        ImportFailure::File(ImportError::WrongPassphrase) => Key::DataErrorWrongPassphrase,
        ImportFailure::File(ImportError::LockOutOfBounds) => Key::DataErrorLockOutOfBounds,
        ImportFailure::File(ImportError::TooMany) => Key::DataErrorTooMany,
        ImportFailure::File(ImportError::BadItem { list, position, .. }) => {
            let list = text(
                lang,
                match *list {
                    "quiz_history" => Key::DataListResults,
                    "feedback_received" => Key::DataListReceived,
                    _ => Key::DataListSessions,
                },
            );
            return fill(
                text(lang, Key::DataErrorBadItem),
                &[("position", &position.to_string()), ("list", list)],
            );
        }
        // What is stored could not be read (or a newer version wrote it): never written over.
        ImportFailure::Storage(StorageNotice::Unreadable | StorageNotice::Newer) => {
            Key::DataErrorProtected
        }
        ImportFailure::Storage(_) => Key::DataErrorSave,
    };
    text(lang, key).to_owned()
}

/// Downloads what is kept aside or cannot be used, exactly as stored (key to raw text):
/// unreadable values' copies, copies kept when two tabs clashed, newer versions' records.
pub fn download_kept_aside(store: &StoreHandle) {
    let copies: SortedMap<String> = store.kept_aside_as_stored().into_iter().collect();
    let contents = crate::core::json::to_string(&copies);
    browser::download(
        "supervision-widget-data-as-stored.json",
        &contents,
        "application/json",
    );
}

/// How an export file is locked.
pub enum ExportLock {
    /// As what is kept here is: with its passphrase when the lock is open, plain otherwise.
    AsKept,
    /// Plain, because the person asked (and typed the passphrase again) for a file without it.
    Plain,
    /// With a passphrase chosen for this file.
    Chosen(String),
}

/// Offers everything `store` holds (saved, or only in memory) as an export file, locked as
/// `lock` says.
pub fn export_all(handle: &StoreHandle, store: &AppStore, lock: ExportLock) {
    let now = now_iso();
    let mut contents = transfer::export(transfer::current(store, &now), &now);
    // Sealing needs the browser's secure random numbers; without them nothing is offered locked.
    let sealed_with = handle.random().and_then(|random| {
        let lock = match lock {
            ExportLock::AsKept => store.load::<LockRecord>(LOCK, &now).data.zip(handle.key()),
            // A new lock for the file alone, its passphrase in Unicode NFC as every new lock's is.
            ExportLock::Chosen(passphrase) => {
                LockRecord::new(browser::passphrase(&passphrase).form(true), COST, random)
            }
            ExportLock::Plain => None,
        };
        lock.map(|(lock, key)| (lock, key, random))
    });
    let locked = match sealed_with {
        Some((lock, key, random)) => {
            contents = transfer::export_locked(&contents, &lock, &key, random);
            "-locked"
        }
        None => "",
    };
    let day = now.get(..10).unwrap_or("export");
    browser::download(
        &format!("supervision-widget-data-{day}{locked}.json"),
        &contents,
        "application/json",
    );
}

impl Reducible for DataTransferState {
    type Action = DataAction;

    fn reduce(self: Rc<Self>, action: DataAction) -> Rc<Self> {
        Rc::new((*self).clone().apply(action))
    }
}

#[function_component]
pub fn DataTransfer(props: &DataTransferProps) -> Html {
    let level = props.level;
    let lang = props.lang;
    let state = use_reducer(|| DataTransferState::new(props.keeping.privacy));
    let act = state.dispatcher().to_callback();
    let keeping_act = act.reform(DataAction::Keeping);
    let keeping_parts = use_this_computer(props.keeping.privacy, &state.keeping, &keeping_act);
    let file_ref = use_node_ref();
    let refs = use_memo((), |_| ImportRefs::default());
    let focus = use_focus_request();
    // Counted when the section is opened (reading makes any waiting write first).
    let on_toggle = {
        let (store, act) = (props.store.clone(), act.clone());
        Callback::from(move |_: Event| {
            act.emit(DataAction::Opened(store.read().kept_aside().len()))
        })
    };

    // From a locked store, an export is locked too, unless the person asks for a plain one and
    // types the passphrase again; from any other, it can be locked with a passphrase of its own.
    let on_export = {
        let store = props.store.clone();
        Callback::from(move |_: MouseEvent| export_all(&store, store.read(), ExportLock::AsKept))
    };
    let on_export_plain = {
        let store = props.store.clone();
        Callback::from(move |key: Option<_>| {
            if key.is_some() {
                export_all(&store, store.read(), ExportLock::Plain);
            }
            true
        })
    };
    let on_export_locked = {
        let (store, act) = (props.store.clone(), act.clone());
        Callback::from(move |passphrase: String| {
            act.emit(DataAction::LockingFile(true));
            let (store, act) = (store.clone(), act.clone());
            // Let "Locking" show before the key is made.
            gloo::timers::callback::Timeout::new(30, move || {
                export_all(&store, store.read(), ExportLock::Chosen(passphrase));
                act.emit(DataAction::LockingFile(false));
            })
            .forget();
        })
    };
    let check_box = |id: &'static str, key: Key, checked: bool, toggle: DataAction| {
        crate::ui::choice::choice(crate::ui::choice::Choice {
            kind: "checkbox",
            id: id.into(),
            name: id.into(),
            label: text(lang, key).into(),
            checked,
            disabled: false,
            onchange: send(&act, toggle),
            hint: None,
            tag: html! {},
        })
    };
    let locked_here = props.keeping.lock == LockState::Open;
    let can_lock = props.store.random().is_some();
    // Reads the chosen file and imports it; every failure becomes a message, never a panic.
    let run_import = {
        let (store, act, file_ref, on_imported, focus, outcome_ref) = (
            props.store.clone(),
            act.clone(),
            file_ref.clone(),
            props.on_imported.clone(),
            focus.clone(),
            refs.outcome.clone(),
        );
        let (mode, passphrase) = (state.mode, state.passphrase.clone());
        let time_limit = matches!(props.keeping.privacy, Privacy::KeepFor(_));
        Callback::from(move |()| {
            let (store, on_imported, act, passphrase) = (
                store.clone(),
                on_imported.clone(),
                act.clone(),
                passphrase.clone(),
            );
            // Every outcome, done or refused, takes focus so it is read out where it appears.
            let outcome = {
                let (act, focus, outcome_ref) = (act.clone(), focus.clone(), outcome_ref.clone());
                move |result: Outcome| {
                    act.emit(DataAction::Done(result));
                    request_focus(&focus, &outcome_ref);
                }
            };
            let input = file_ref.cast::<HtmlInputElement>();
            wasm_bindgen_futures::spawn_local(async move {
                let contents = match browser::read_chosen_file(input, MAX_LOCKED_BYTES).await {
                    Ok(contents) => contents,
                    Err(problem) => {
                        let words = match problem {
                            FileProblem::NoneChosen => text(lang, Key::DataNoFile).to_owned(),
                            FileProblem::TooBig => {
                                failure_words(lang, &ImportFailure::File(ImportError::TooBig))
                            }
                            FileProblem::Unreadable => text(lang, Key::DataErrorRead).to_owned(),
                        };
                        outcome(Outcome::Failed(words));
                        return;
                    }
                };
                // A locked file opens with its passphrase (asked for once one is met).
                let contents =
                    match transfer::open_locked(&contents, &browser::passphrase(&passphrase)) {
                        Ok(contents) => contents,
                        Err(error) => {
                            act.emit(DataAction::NeedsPassphrase);
                            outcome(Outcome::Failed(failure_words(
                                lang,
                                &ImportFailure::File(error),
                            )));
                            return;
                        }
                    };
                store.write(move |store| {
                    match transfer::import_into(store, &contents, mode, &now_iso(), time_limit) {
                        Ok(count) => {
                            outcome(Outcome::Imported {
                                added: count.added,
                                skipped: count.skipped,
                            });
                            on_imported.emit(());
                        }
                        Err(failure) => outcome(Outcome::Failed(failure_words(lang, &failure))),
                    }
                });
            });
        })
    };
    let on_import = {
        let (act, run_import, focus, question_ref) = (
            act.clone(),
            run_import.clone(),
            focus.clone(),
            refs.question.clone(),
        );
        let mode = state.mode;
        Callback::from(move |_: MouseEvent| {
            if mode == ImportMode::Replace {
                act.emit(DataAction::Ask);
                request_focus(&focus, &question_ref);
            } else {
                run_import.emit(());
            }
        })
    };
    let mode_choice = |value: ImportMode, id: &'static str, key: Key| {
        let act = act.clone();
        let onchange = Callback::from(move |event: Event| {
            if event
                .target()
                .and_then(|t| t.dyn_into::<HtmlInputElement>().ok())
                .is_some_and(|i| i.checked())
            {
                act.emit(DataAction::Mode(value));
            }
        });
        crate::ui::choice::choice(crate::ui::choice::Choice {
            kind: "radio",
            id: id.into(),
            name: "sw-import-mode".into(),
            label: text(lang, key).into(),
            checked: state.mode == value,
            disabled: false,
            onchange,
            hint: None,
            tag: html! {},
        })
    };
    html! {
        // Folded away by default: it is needed now and then, and should not crowd the page.
        <details class="sw-details sw-data" ontoggle={on_toggle}>
            <summary class="sw-details__summary">{ text(lang, Key::DataHeading) }</summary>
            { this_computer(ThisComputerProps {
                lang,
                level,
                store: &props.store,
                keeping: props.keeping,
                floor: props.floor,
                on_saved: &props.on_setting_saved,
                state: &state.keeping,
                act: &keeping_act,
                parts: &keeping_parts,
            }) }
            { paragraph(text(lang, Key::DataIntro)) }
            <div class="sw-checkboxes">
                if locked_here {
                    { check_box("sw-export-plain", Key::DataExportPlain, state.plain, DataAction::TogglePlain) }
                } else if can_lock {
                    { check_box("sw-export-lock", Key::DataExportLock, state.lock_file, DataAction::ToggleLockFile) }
                }
            </div>
            if locked_here && state.plain {
                <PassphraseCheck {lang} {level} store={props.store.clone()} id="sw-export-again" hint={Key::LockRecheckHint}
                    submit={Key::DataExport} working={Key::LockRecheckWorking} on_opened={on_export_plain} />
            } else if !locked_here && can_lock && state.lock_file {
                <PassphraseForm {lang} {level} id="sw-export-lock" submit={Key::DataExport} warning={Key::DataExportLockWarning}
                    working={state.locking_file} on_submit={on_export_locked} />
                <p role="status">{ if state.locking_file { text(lang, Key::LockWorking) } else { "" } }</p>
            } else {
                <div class="sw-button-group">
                    { secondary_button(text(lang, Key::DataExport), on_export) }
                </div>
            }
            if state.kept_aside > 0 {
                { paragraph(text(lang, Key::DataKeptAsideIntro)) }
                <div class="sw-button-group">
                    { secondary_button(text(lang, Key::DataKeptAsideDownload), { let store = props.store.clone(); Callback::from(move |_: MouseEvent| download_kept_aside(&store)) }) }
                </div>
            }
            <div class="sw-form-group">
                <label class="sw-label" for="sw-import-file">{ text(lang, Key::DataImportLabel) }</label>
                <div class="sw-hint" id="sw-import-file-hint">{ text(lang, Key::DataImportHint) }</div>
                { file_upload(FileUploadProps {
                    lang,
                    id: "sw-import-file",
                    input_ref: file_ref,
                    describedby: Some("sw-import-file-hint"),
                    chosen: state.file_name.as_deref(),
                    on_chosen: act.reform(DataAction::FileChosen),
                }) }
            </div>
            if state.needs_passphrase {
                <TextField {lang} id="sw-import-passphrase" label={text(lang, Key::DataFilePassphrase)}
                    value={state.passphrase.clone()} password=true
                    oninput={act.reform(DataAction::Typed)} />
            }
            <div class="sw-form-group">
                <fieldset class="sw-fieldset">
                    <legend class="sw-fieldset__legend">{ text(lang, Key::DataModeLegend) }</legend>
                    <div class="sw-radios">
                        { mode_choice(ImportMode::Merge, "sw-import-merge", Key::DataMerge) }
                        { mode_choice(ImportMode::Replace, "sw-import-replace", Key::DataReplace) }
                    </div>
                </fieldset>
            </div>
            <div class="sw-button-group">
                <button type="button" class="sw-button sw-button--secondary" onclick={on_import}
                    ref={refs.import_button.clone()}>{ text(lang, Key::DataImport) }</button>
            </div>
            if state.confirming {
                { confirm_panel(ConfirmPanelProps {
                    level,
                    id: "sw-import-replace-question",
                    question: text(lang, Key::DataReplaceQuestion).into(),
                    details: vec![text(lang, Key::DataReplaceWarning).to_owned()],
                    confirm: text(lang, Key::DataReplaceConfirm),
                    cancel: text(lang, Key::ClearCancel),
                    question_ref: refs.question.clone(),
                    on_confirm: { let (act, run_import) = (act.clone(), run_import.clone()); Callback::from(move |()| { act.emit(DataAction::Answered); run_import.emit(()); }) },
                    on_cancel: { let (act, focus, button) = (act.clone(), focus.clone(), refs.import_button.clone()); Callback::from(move |()| { act.emit(DataAction::Answered); request_focus(&focus, &button); }) },
                    before: Html::default(),
                    form: None,
                }) }
            }
            // Focused when it appears, so it is read out; not also a live region, or it is read twice.
            <div class="sw-data__outcome">
                { match &state.outcome {
                    Some(Outcome::Imported { added, skipped }) => html! {
                        <p class="sw-outcome" tabindex="-1" ref={refs.outcome.clone()}>{ fill(text(lang, Key::DataImported), &[("added", &added.to_string()), ("skipped", &skipped.to_string())]) }</p>
                    },
                    Some(Outcome::Failed(words)) => html! { <p class="sw-error-message" tabindex="-1" ref={refs.outcome.clone()}>{ words }</p> },
                    None => html! {},
                } }
            </div>
        </details>
    }
}
