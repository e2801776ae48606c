//! "Feedback on my supervision": a supervisor adds what supervisees sent (a file, or the text
//! pasted from a message), sees it before keeping it, and sees what was said over a period, per
//! domain. Kept with their own records: the privacy setting, the time limits, the lock, Clear
//! my data, export and import cover it.

mod kept_list;
mod plan;
mod record;
mod summary;

use std::rc::Rc;

use web_sys::{HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;

use crate::core::config::HeadingLevel;
use crate::core::feedback::content::domain;
use crate::core::feedback::export::{rating_words, type_key};
use crate::core::feedback::model::{Session, DOMAIN_COUNT, LABEL_LIMIT};
use crate::core::lang::Lang;
use crate::core::messages::{fill, format_date, text, Key};
use crate::core::received::flow::{Adding, ReceivedAction, ReceivedState, Refusal};
use crate::core::received::paste::PasteError;
use crate::core::received::piece::{Piece, ReceiveError, Received, MAX_BYTES, RECEIVED};
use crate::core::received::plan::{Plan, PLAN};
use crate::core::received::summary::{figures, Period};
use crate::core::store::StorageNotice;
use crate::ui::browser::{self, today, FileProblem};
use crate::ui::button::{on_click, secondary_button};
use crate::ui::class_list;
use crate::ui::file_upload::{file_upload, FileUploadProps};
use crate::ui::focus::{request_focus, use_focus_request};
use crate::ui::heading::Heading;
use crate::ui::paragraph::paragraph;
use crate::ui::persist::{use_persist, use_reload, Kept, AUTOSAVE_DELAY_MS};
use crate::ui::state::{now_iso, StoreHandle};
use crate::ui::summary_list::summary_row;
use crate::ui::text_field::TextField;
use kept_list::{kept_list, KeptListProps};
use plan::plan_fields;
use record::{record, RecordProps};
use summary::PeriodSummary;

impl Reducible for ReceivedState {
    type Action = ReceivedAction;

    fn reduce(self: std::rc::Rc<Self>, action: ReceivedAction) -> std::rc::Rc<Self> {
        std::rc::Rc::new((*self).clone().apply(action))
    }
}

/// The kept pieces and the plan as stored (at start-up and after another tab's save); storage
/// trouble goes to `on_notice`.
fn load_stored(store: &StoreHandle, on_notice: &Callback<StorageNotice>) -> (Vec<Received>, Plan) {
    let store = store.read();
    let (kept, plan) = (
        store.load::<Vec<Received>>(RECEIVED, &now_iso()),
        store.load::<Plan>(PLAN, &now_iso()),
    );
    for notice in [kept.notice, plan.notice].into_iter().flatten() {
        on_notice.emit(notice);
    }
    (kept.data.unwrap_or_default(), plan.data.unwrap_or_default())
}

/// Where focus goes once `next` shows.
fn focus_after(next: &Adding) -> RecvFocus {
    match next {
        Adding::Preview(_) => RecvFocus::Preview,
        Adding::Refused(_) => RecvFocus::Problem,
        _ => RecvFocus::Outcome,
    }
}

#[derive(Properties, PartialEq)]
pub struct ReceivedViewProps {
    pub lang: Lang,
    pub level: HeadingLevel,
    pub store: StoreHandle,
    pub on_notice: Callback<StorageNotice>,
    pub outside_epoch: u32,
    pub heading_ref: NodeRef,
    /// The supervisor's own sessions: what they thought of the supervision they gave.
    pub sessions: Rc<Vec<Session>>,
}

/// Does `action`, then moves focus to `target`, each time it is called.
fn then_focus(
    act: &Callback<(ReceivedAction, RecvFocus)>,
    action: ReceivedAction,
    target: RecvFocus,
) -> Callback<()> {
    act.reform(move |()| (action.clone(), target))
}

/// Where focus goes after adding (the piece shown, what became of it, or the problem) and
/// around a delete (the question, back to the button that asked, or what was deleted).
#[derive(Clone, Copy, PartialEq)]
enum RecvFocus {
    Preview,
    Outcome,
    Problem,
    Question,
    Opener,
    Opened,
    Deleted,
    Record,
    RecordButton,
    List,
}

#[derive(Clone, Default, PartialEq)]
struct RecvRefs {
    preview: NodeRef,
    outcome: NodeRef,
    problem: NodeRef,
    question: NodeRef,
    opener: NodeRef,
    opened: NodeRef,
    deleted: NodeRef,
    record: NodeRef,
    record_button: NodeRef,
    list: NodeRef,
    file: NodeRef,
    paste: NodeRef,
}

impl RecvRefs {
    /// The element `target` names.
    fn get(&self, target: RecvFocus) -> &NodeRef {
        match target {
            RecvFocus::Preview => &self.preview,
            RecvFocus::Outcome => &self.outcome,
            RecvFocus::Problem => &self.problem,
            RecvFocus::Question => &self.question,
            RecvFocus::Opener => &self.opener,
            RecvFocus::Opened => &self.opened,
            RecvFocus::Deleted => &self.deleted,
            RecvFocus::Record => &self.record,
            RecvFocus::RecordButton => &self.record_button,
            RecvFocus::List => &self.list,
        }
    }
}

fn refusal_key(refusal: Refusal) -> Key {
    match refusal {
        Refusal::NothingGiven => Key::RecvErrorNothing,
        Refusal::Paste(PasteError::NotFound) => Key::RecvErrorNotFound,
        Refusal::Paste(PasteError::Cut) => Key::RecvErrorCut,
        Refusal::Paste(PasteError::Damaged) | Refusal::File(ReceiveError::Damaged) => {
            Key::RecvErrorDamaged
        }
        Refusal::Paste(PasteError::NewerVersion) | Refusal::File(ReceiveError::NewerVersion) => {
            Key::RecvErrorNewer
        }
        Refusal::Paste(PasteError::TooBig) | Refusal::File(ReceiveError::TooBig) => {
            Key::RecvErrorTooBig
        }
        Refusal::File(ReceiveError::WholeExport) => Key::RecvErrorWholeExport,
        Refusal::File(ReceiveError::QuizFile) => Key::RecvErrorQuiz,
        Refusal::File(ReceiveError::GivenNotReceived) => Key::RecvErrorGiven,
        Refusal::File(ReceiveError::NotJson | ReceiveError::NotFeedback) => {
            Key::RecvErrorNotFeedback
        }
    }
}

fn period_key(period: Period) -> Key {
    match period {
        Period::Months3 => Key::RecvPeriod3m,
        Period::Months12 => Key::RecvPeriod12m,
        Period::Years3 => Key::RecvPeriod3y,
        Period::All => Key::RecvPeriodAll,
    }
}

/// A piece as a summary list: the type of supervision, and each domain's rating, comment and
/// action. What a supervisee sends is shown so before it goes, and so on arrival.
pub fn piece_list(lang: Lang, piece: &Piece) -> Html {
    let rows = (0..DOMAIN_COUNT).map(|i| {
        summary_row(
            domain(lang, i).name,
            html! { <>
                { rating_words(lang, piece.ratings[i]) }
                if !piece.comments[i].is_empty() { <p>{ &piece.comments[i] }</p> }
                if let Some(action) = piece.actions.iter().find(|a| a.domain == i) {
                    <p>{ text(lang, Key::FbSummaryAction) }{ ": " }{ &action.text }</p>
                }
            </> },
        )
    });
    html! {
        <dl class="sw-summary-list">
            { summary_row(text(lang, Key::FbCsvType), html! { text(lang, type_key(piece.kind)) }) }
            { for rows }
        </dl>
    }
}

#[function_component]
pub fn ReceivedView(props: &ReceivedViewProps) -> Html {
    let level = props.level;
    let lang = props.lang;
    let state = use_reducer({
        let (store, on_notice) = (props.store.clone(), props.on_notice.clone());
        move || {
            let (kept, plan) = load_stored(&store, &on_notice);
            ReceivedState::new(kept, plan)
        }
    });
    let save = use_persist(
        &props.store,
        RECEIVED,
        (Kept::Received(state.kept.clone()), state.reloads),
        &props.on_notice,
        0,
        None,
    );
    let plan_save = use_persist(
        &props.store,
        PLAN,
        (Kept::Plan(state.plan.clone()), state.reloads),
        &props.on_notice,
        if state.typing { AUTOSAVE_DELAY_MS } else { 0 },
        None,
    );
    use_reload(props.outside_epoch, vec![save, plan_save], {
        let (store, state, on_notice) =
            (props.store.clone(), state.clone(), props.on_notice.clone());
        Callback::from(move |()| {
            let (kept, plan) = load_stored(&store, &on_notice);
            state.dispatch(ReceivedAction::Reloaded(kept, plan))
        })
    });
    let refs = use_memo((), |_| RecvRefs::default());
    // The plan's folds open from the start where something is written (as the screen opens).
    let plan_open = *use_memo((), {
        let plan = state.plan.clone();
        move |_| (!plan.changes.is_empty(), !plan.reflection.is_empty())
    });
    let focus = use_focus_request();
    // The piece whose Open (true) or Delete (false) was pressed last.
    // What the buttons do, and where focus goes after.
    let act = {
        let (state, focus, refs) = (state.clone(), focus.clone(), refs.clone());
        Callback::from(move |(action, target): (ReceivedAction, RecvFocus)| {
            state.dispatch(action);
            request_focus(&focus, refs.get(target));
        })
    };

    // The file chosen if there is one, else the text pasted.
    let on_read = {
        let (state, focus, refs) = (state.clone(), focus.clone(), refs.clone());
        Callback::from(move |_: MouseEvent| {
            let (state, focus, refs) = (state.clone(), focus.clone(), refs.clone());
            let input = refs.file.cast::<HtmlInputElement>();
            let pasted = refs
                .paste
                .cast::<HtmlTextAreaElement>()
                .map(|area| area.value())
                .unwrap_or_default();
            wasm_bindgen_futures::spawn_local(async move {
                let adding = match browser::read_chosen_file(input, MAX_BYTES).await {
                    Ok(text) => state.read(Some(&text), false),
                    Err(FileProblem::NoneChosen) => state.read(Some(&pasted), true),
                    Err(FileProblem::TooBig) => {
                        Adding::Refused(Refusal::File(ReceiveError::TooBig))
                    }
                    Err(FileProblem::Unreadable) => {
                        Adding::Refused(Refusal::File(ReceiveError::NotJson))
                    }
                };
                let target = focus_after(&adding);
                state.dispatch(ReceivedAction::Shown(adding));
                request_focus(&focus, refs.get(target));
            });
        })
    };

    let problem = match state.adding {
        Adding::Refused(refusal) => Some(text(lang, refusal_key(refusal))),
        _ => None,
    };
    let outcome = match state.adding {
        Adding::Kept => Some(Key::RecvKept),
        Adding::AlreadyKept => Some(Key::RecvAlready),
        Adding::NotKept => Some(Key::RecvNotKept),
        _ => None,
    };
    let preview = match &state.adding {
        Adding::Preview(piece) => {
            let on_label = {
                let state = state.clone();
                Callback::from(move |label: String| state.dispatch(ReceivedAction::Label(label)))
            };
            // Kept when pressed, with the time it was pressed (not when the preview showed).
            let keep =
                act.reform(|()| (ReceivedAction::Keep { now: now_iso() }, RecvFocus::Outcome));
            let dont = then_focus(&act, ReceivedAction::DontKeep, RecvFocus::Outcome);
            html! {
                <div class="sw-received__preview">
                    { Heading::new(level, 4).focus(&refs.preview).show(html! {
                        { fill(text(lang, Key::RecvPreviewHeading), &[("date", &format_date(lang, &piece.date))]) }
                    }) }
                    { piece_list(lang, piece) }
                    <TextField {lang} id="sw-recv-label" label={text(lang, Key::RecvLabel)}
                        hint={Some(AttrValue::from(text(lang, Key::RecvLabelHint)))} value={state.label.clone()}
                        limit={Some(LABEL_LIMIT)} oninput={on_label} />
                    <div class="sw-button-group">
                        <button type="button" class="sw-button" onclick={on_click(&keep)}>{ text(lang, Key::RecvKeep) }</button>
                        { secondary_button(text(lang, Key::RecvDontKeep), on_click(&dont)) }
                    </div>
                </div>
            }
        }
        _ => Html::default(),
    };

    if state.record {
        let today = today();
        let figures = figures(&state.kept, &props.sessions, state.period, today);
        let back = then_focus(&act, ReceivedAction::Record(false), RecvFocus::RecordButton);
        return record(&RecordProps {
            lang,
            level,
            period: text(lang, period_key(state.period)),
            pieces: figures
                .pieces
                .iter()
                .map(|p| (p.date.as_str(), type_key(p.kind)))
                .collect(),
            said: &figures.said,
            thought: &figures.thought,
            own_count: figures.own,
            plan: &state.plan,
            today: format_date(lang, &today.iso()),
            heading_ref: refs.record.clone(),
            on_back: on_click(&back),
        });
    }

    let periods = Period::ALL.iter().map(|&period| {
        html! { <option selected={state.period == period}>{ text(lang, period_key(period)) }</option> }
    });
    let on_period = {
        let state = state.clone();
        Callback::from(move |event: Event| {
            let index = event
                .target_dyn_into::<web_sys::HtmlSelectElement>()
                .map_or(0, |select| select.selected_index().max(0) as usize);
            state.dispatch(ReceivedAction::Period(Period::ALL[index.min(3)]));
        })
    };
    let on_plan = {
        let state = state.clone();
        Callback::from(move |edit| state.dispatch(ReceivedAction::EditPlan(edit)))
    };
    let show_record = then_focus(&act, ReceivedAction::Record(true), RecvFocus::Record);
    html! {
        <div class="sw-received">
            { Heading::new(level, 2).class("sw-fb__heading").focus(&props.heading_ref).show(html! { { text(lang, Key::RecvLink) } }) }
            { paragraph(text(lang, Key::RecvIntro)) }
            { Heading::new(level, 3).show(html! { { text(lang, Key::RecvAddHeading) } }) }
            <div ~className={class_list(&[Some("sw-form-group"), problem.map(|_| "sw-form-group--error")])}>
                if let Some(problem) = problem {
                    <p class="sw-error-message" id="sw-recv-error" tabindex="-1" ref={refs.problem.clone()}>
                        <span class="sw-visually-hidden">{ text(lang, Key::ErrorPrefix) }{ " " }</span>{ problem }
                    </p>
                }
                <label class="sw-label" for="sw-recv-file">{ text(lang, Key::RecvFileLabel) }</label>
                { file_upload(FileUploadProps {
                    lang,
                    id: "sw-recv-file",
                    input_ref: refs.file.clone(),
                    describedby: problem.map(|_| "sw-recv-error"),
                    chosen: state.file_name.as_deref(),
                    on_chosen: { let state = state.clone(); Callback::from(move |name| state.dispatch(ReceivedAction::FileChosen(name))) },
                }) }
                <label class="sw-label" for="sw-recv-paste">{ text(lang, Key::RecvPasteLabel) }</label>
                <textarea class="sw-textarea" id="sw-recv-paste" rows="4" ref={refs.paste.clone()}
                    aria-describedby={problem.map(|_| "sw-recv-error")} />
            </div>
            <div class="sw-button-group">
                { secondary_button(text(lang, Key::RecvRead), on_read) }
            </div>
            if let Some(key) = outcome {
                <p class="sw-outcome" tabindex="-1" ref={refs.outcome.clone()}>{ text(lang, key) }</p>
            }
            { preview }
            if let Some(date) = &state.deleted {
                <p class="sw-outcome" tabindex="-1" ref={refs.deleted.clone()}>
                    { fill(text(lang, Key::RecvDeleted), &[("date", &format_date(lang, date))]) }
                </p>
            }
            { Heading::new(level, 3).show(html! { { text(lang, Key::RecvSummaryHeading) } }) }
            if state.kept.is_empty() {
                { paragraph(text(lang, Key::RecvNone)) }
            } else {
                <div class="sw-form-group">
                    <label class="sw-label" for="sw-recv-period">{ text(lang, Key::RecvPeriod) }</label>
                    <select class="sw-select" id="sw-recv-period" onchange={on_period}>{ for periods }</select>
                </div>
                <PeriodSummary {lang} {level} kept={state.kept.clone()} period={state.period} sessions={props.sessions.clone()} />
                { plan_fields(lang, level, &state.plan, plan_open, &on_plan) }
                <div class="sw-button-group">
                    <button type="button" class="sw-button" ref={refs.record_button.clone()}
                        onclick={on_click(&show_record)}>{ text(lang, Key::RecvRecordButton) }</button>
                </div>
                { kept_list(&KeptListProps { lang, level, state: &state, refs: &refs, act: act.clone() }) }
            }
        </div>
    }
}
