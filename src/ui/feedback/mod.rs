//! Six-domain supervision feedback: the component that owns the feedback state and its storage,
//! and one view function per screen (Feedback on my supervision, with its own state and storage,
//! is the one other component).

mod about_page;
mod account_view;
mod actions_page;
mod check_page;
mod compare_views;
mod domain_page;
mod domains_page;
mod follow_up_page;
mod form_page;
mod history_view;
mod radar_chart;
mod received;
mod send_feedback;
mod session_view;
mod trend_view;
mod your_actions_view;

use std::rc::Rc;

use yew::prelude::*;

use crate::core::config::HeadingLevel;
use crate::ui::privacy::data_transfer::{export_all, ExportLock};

use super::browser::today;
use super::focus::{focus_target, use_focus_move};
use super::persist::{use_persist, use_reload, Kept, AUTOSAVE_DELAY_MS};
use super::state::{now_iso, StoreHandle};
use crate::core::feedback::actions::followed_up;
use crate::core::feedback::flow::{
    Confirm, FbAction, FbFocus, FeedbackState, SavedDraft, Screen, DRAFT,
};
use crate::core::feedback::form::{Field, Page, Problem};
use crate::core::feedback::history::previous;
use crate::core::feedback::model::{Session, SESSIONS};
use crate::core::lang::Lang;
use crate::core::messages::{fill, format_date, text, Key};
use crate::core::store::StorageNotice;
use crate::ui::confirm_panel::{confirm_panel, ConfirmPanelProps};

use about_page::about_page;
use account_view::{account_view, AccountViewProps};
use actions_page::actions_page;
use check_page::check_page;
use domain_page::domain_page;
use domains_page::domains_page;
use follow_up_page::follow_up_page;
use form_page::PageProps;
use history_view::{history_view, HistoryViewProps};
use received::ReceivedView;
use session_view::{session_view, SessionViewProps};
use trend_view::{trend_view, TrendViewProps};
use your_actions_view::{your_actions_view, YourActionsViewProps};

impl Reducible for FeedbackState {
    type Action = FbAction;

    fn reduce(self: Rc<Self>, action: FbAction) -> Rc<Self> {
        Rc::new((*self).clone().apply(action))
    }
}

#[derive(Properties, PartialEq)]
pub struct FeedbackProps {
    pub lang: Lang,
    pub level: HeadingLevel,
    pub store: StoreHandle,
    pub on_notice: Callback<StorageNotice>,
    /// Goes up when another tab or widget saved: reload in place.
    pub outside_epoch: u32,
}

/// Elements the feedback part moves focus to.
#[derive(Clone, Default, PartialEq)]
pub struct FeedbackRefs {
    pub heading: NodeRef,
    pub error_summary: NodeRef,
    pub confirm: NodeRef,
    /// The button that asked the last question (see [`FeedbackRefs::opener_if`]).
    pub opener: NodeRef,
    pub outcome: NodeRef,
    /// The history's table.
    pub table: NodeRef,
    /// What comparing two views found, and the file to compare with.
    pub compare_result: NodeRef,
    pub compare_file: NodeRef,
}

impl FeedbackRefs {
    /// The opener ref for the button that asks `question`, if it was the last one asked; a
    /// detached ref for every other.
    pub fn opener_if(&self, asked: &Option<Confirm>, question: &Confirm) -> NodeRef {
        if asked.as_ref() == Some(question) {
            self.opener.clone()
        } else {
            NodeRef::default()
        }
    }
}

/// The words for a problem with a field.
pub fn problem_key(problem: Problem) -> Key {
    match problem {
        Problem::ChooseRole => Key::FbErrorRole,
        Problem::ChooseKind => Key::FbErrorKind,
        Problem::DateMissing => Key::FbErrorDateMissing,
        Problem::DateNotReal => Key::FbErrorDateNotReal,
        Problem::DateInFuture => Key::FbErrorDateFuture,
        Problem::LabelTooLong => Key::FbErrorLabelLong,
        Problem::ChooseRating => Key::FbErrorRating,
        Problem::CommentTooLong => Key::FbErrorCommentLong,
        Problem::ActionTooLong => Key::FbErrorActionLong,
        Problem::ActionDateNotReal => Key::FbErrorActionDate,
        Problem::ActionDateInPast => Key::FbErrorActionPast,
        Problem::NoteTooLong => Key::FbErrorNoteLong,
    }
}

/// The id of the input an error links to (the first of a group).
pub fn field_id(field: Field) -> String {
    match field {
        Field::Role => "sw-fb-role-received".into(),
        Field::Kind => "sw-fb-kind-professional".into(),
        Field::Date => "sw-fb-date-day".into(),
        Field::Label => "sw-fb-label".into(),
        Field::Rating(i) => format!("sw-fb-rating-{i}-1"),
        Field::Comment(i) => format!("sw-fb-comment-{i}"),
        Field::Action(i) => format!("sw-fb-action-{i}"),
        Field::ActionBy(i) => format!("sw-fb-action-{i}-by-day"),
        Field::FollowUpNote(j) => format!("sw-fb-fu-{j}-note"),
    }
}

/// "Delete the session of <date>?", asked from the history and from the session itself.
fn delete_question(
    lang: Lang,
    level: HeadingLevel,
    date: &str,
    refs: &FeedbackRefs,
    act: &Callback<FbAction>,
) -> Html {
    confirm_panel(ConfirmPanelProps {
        level,
        id: "sw-fb-delete",
        question: fill(
            text(lang, Key::FbDeleteQuestion),
            &[("date", &format_date(lang, date))],
        )
        .into(),
        details: Vec::new(),
        confirm: text(lang, Key::FbDeleteConfirm),
        cancel: text(lang, Key::ClearCancel),
        question_ref: refs.confirm.clone(),
        on_confirm: act.reform(|()| FbAction::Confirmed),
        on_cancel: act.reform(|()| FbAction::Cancel),
        before: Html::default(),
        form: None,
    })
}

/// The error message for `field`, if the last Continue found one.
pub fn error_for(lang: Lang, errors: &[(Field, Problem)], field: Field) -> Option<AttrValue> {
    errors
        .iter()
        .find(|(f, _)| *f == field)
        .map(|(_, p)| AttrValue::from(text(lang, problem_key(*p))))
}

/// The stored draft and sessions (at start-up and after another tab's save); storage trouble
/// goes to `on_notice`.
fn load_stored(
    store: &StoreHandle,
    on_notice: &Callback<StorageNotice>,
) -> (Option<SavedDraft>, Vec<Session>) {
    let store = store.read();
    let (draft, sessions) = (
        store.load::<SavedDraft>(DRAFT, &now_iso()),
        store.load::<Vec<Session>>(SESSIONS, &now_iso()),
    );
    for notice in [draft.notice, sessions.notice].into_iter().flatten() {
        on_notice.emit(notice);
    }
    (draft.data, sessions.data.unwrap_or_default())
}

#[function_component]
pub fn Feedback(props: &FeedbackProps) -> Html {
    let level = props.level;
    let state = use_reducer({
        let (store, on_notice) = (props.store.clone(), props.on_notice.clone());
        move || {
            let (draft, sessions) = load_stored(&store, &on_notice);
            FeedbackState::new(today(), draft, sessions)
        }
    });
    let draft_save = use_persist(
        &props.store,
        DRAFT,
        (
            Kept::Draft(Box::new(state.form.to_store(state.today))),
            state.reloads,
        ),
        &props.on_notice,
        AUTOSAVE_DELAY_MS,
        None,
    );
    let sessions_save = use_persist(
        &props.store,
        SESSIONS,
        (Kept::Sessions(state.sessions.clone()), state.reloads),
        &props.on_notice,
        // Typing a reflective account waits for a pause, as the draft does; the rest is at once.
        if state.typing_account {
            AUTOSAVE_DELAY_MS
        } else {
            0
        },
        Some({
            let store = props.store.clone();
            state
                .dispatcher()
                .to_callback()
                .reform(move |stored| FbAction::SessionsWritten {
                    stored,
                    place: store.place(),
                })
        }),
    );
    use_reload(props.outside_epoch, vec![draft_save, sessions_save], {
        let (store, state, on_notice) = (
            props.store.clone(),
            state.dispatcher(),
            props.on_notice.clone(),
        );
        Callback::from(move |()| {
            let (draft, sessions) = load_stored(&store, &on_notice);
            state.dispatch(FbAction::Reloaded {
                form: draft.map(Box::new),
                sessions,
            });
        })
    });
    let refs = use_memo((), |_| FeedbackRefs::default());
    use_focus_move(focus_target(
        state.focus,
        &*refs,
        |refs, target| match target {
            FbFocus::Heading => &refs.heading,
            FbFocus::ErrorSummary => &refs.error_summary,
            FbFocus::Confirm => &refs.confirm,
            FbFocus::Opener => &refs.opener,
            FbFocus::Outcome => &refs.outcome,
            FbFocus::Table => &refs.table,
            FbFocus::CompareResult => &refs.compare_result,
            FbFocus::CompareFile => &refs.compare_file,
        },
    ));
    let act = {
        let state = state.clone();
        Callback::from(move |action: FbAction| state.dispatch(action))
    };
    let on_edit = act.reform(FbAction::Edit);
    let on_download_copy = {
        let store = props.store.clone();
        Callback::from(move |()| export_all(&store, store.read(), ExportLock::AsKept))
    };
    let lang = props.lang;
    // Each screen is keyed, so changing screen replaces its elements rather than patching one
    // screen's into another's (most screens are plain functions, not distinct components).
    let screen = match &state.screen {
        Screen::Form(page) => {
            let props = PageProps {
                lang,
                level,
                state: (*state).clone(),
                refs: (*refs).clone(),
                on_edit,
                act: act.clone(),
            };
            match page {
                Page::About => html! { <key="about">{ about_page(&props) }</> },
                // Keyed by domain: reusing one page's radios for another moved a checked radio
                // into the next group by its new name, and the browser unticked the rating that
                // group should show.
                Page::Domain(index) => html! { <key={*index}>{ domain_page(&props, *index) }</> },
                Page::FollowUp => html! { <key="follow-up">{ follow_up_page(&props) }</> },
                Page::Domains => html! { <key="domains">{ domains_page(&props) }</> },
                Page::Actions => html! { <key="actions">{ actions_page(&props) }</> },
                Page::Check => html! { <key="check">{ check_page(&props) }</> },
            }
        }
        Screen::Session(id) => match state.session(id) {
            Some(session) => html! {
                <key="session">{ session_view(&SessionViewProps {
                    lang,
                    level,
                    session: session.clone(),
                    previous: previous(&state.sessions, session).cloned(),
                    followed_up: followed_up(&state.sessions, session),
                    just_saved: state.just_saved,
                    on_download_copy: on_download_copy.clone(),
                    confirm: state.confirm.clone(),
                    asked: state.asked.clone(),
                    refs: (*refs).clone(),
                    act: act.clone(),
                    shown: state.session_screen.clone(),
                }) }</>
            },
            None => html! {},
        },
        Screen::Account(id) => match state.session(id) {
            Some(session) => html! {
                <key="account">{ account_view(&AccountViewProps {
                    lang,
                    level,
                    session: session.clone(),
                    refs: (*refs).clone(),
                    act: act.clone(),
                    kept: state.account_kept,
                }) }</>
            },
            None => html! {},
        },
        Screen::History => html! {
            <key="history">{ history_view(&HistoryViewProps {
                lang,
                level,
                sessions: state.sessions.clone(),
                filter: state.filter,
                page: state.history_page,
                confirm: state.confirm.clone(),
                asked: state.asked.clone(),
                deleted: state.deleted.clone(),
                refs: (*refs).clone(),
                act: act.clone(),
            }) }</>
        },
        Screen::YourActions => html! {
            <key="your-actions">{ your_actions_view(&YourActionsViewProps {
                lang,
                level,
                sessions: state.sessions.clone(),
                filter: state.action_filter,
                page: state.actions_page,
                today: state.today,
                refs: (*refs).clone(),
                act: act.clone(),
            }) }</>
        },
        Screen::Trend => html! {
            <key="trend">{ trend_view(&TrendViewProps {
                lang,
                level,
                sessions: state.sessions.clone(),
                refs: (*refs).clone(),
            }) }</>
        },
        Screen::Received => html! {
            <key="received"><ReceivedView {lang} {level} store={props.store.clone()} on_notice={props.on_notice.clone()}
                outside_epoch={props.outside_epoch} heading_ref={refs.heading.clone()}
                sessions={state.sessions.clone()} /></>
        },
    };
    // Past the form's first page, nothing above the task but the task: the parts' and this
    // part's menus and the repeated part heading step aside (styles/feedback.css), and come
    // back with the saved session. Back and Start again stay on every page.
    let task = matches!(state.screen, Screen::Form(page) if page != Page::About);
    html! {
        <div ~className={if task { "sw-feedback-part sw-feedback-part--task" } else { "sw-feedback-part" }}>
            // Keyed like the screens: Yew compares keys only among children that all have one.
            <key="nav">{ feedback_nav(&FeedbackNavProps {
                lang,
                screen: state.screen.clone(),
                // A draft under way is offered as such, with how far it has got.
                under_way: (!state.form.is_untouched()).then(|| state.form.draft.rated()),
                act: act.clone(),
            }) }</>
            { screen }
        </div>
    }
}

struct FeedbackNavProps {
    lang: Lang,
    screen: Screen,
    /// How many domains a draft under way has rated.
    under_way: Option<usize>,
    act: Callback<FbAction>,
}

/// Between the form, the history and the trend; hidden when printing.
fn feedback_nav(props: &FeedbackNavProps) -> Html {
    let lang = props.lang;
    let item = |words: String, current: bool, action: fn() -> FbAction| {
        let onclick = props.act.reform(move |_: MouseEvent| action());
        html! {
            <li><button type="button" class="sw-link-button" aria-current={current.then_some("true")} {onclick}>
                { words }
            </button></li>
        }
    };
    let words = |key: Key| text(lang, key).to_owned();
    let form = match props.under_way {
        Some(rated) => fill(text(lang, Key::FbCarryOn), &[("rated", &rated.to_string())]),
        None => words(Key::FbNewSession),
    };
    let on_form = matches!(props.screen, Screen::Form(_));
    html! {
        <nav class="sw-subnav sw-no-print" aria-label={text(lang, Key::FbNavLabel)}>
            <ul class="sw-subnav__list">
                { item(form, on_form, || FbAction::NewSession { today: today() }) }
                { item(words(Key::FbHistoryLink), props.screen == Screen::History, || FbAction::ShowHistory) }
                { item(words(Key::FbTrendLink), props.screen == Screen::Trend, || FbAction::ShowTrend) }
                { item(words(Key::FbYourActionsLink), props.screen == Screen::YourActions, || FbAction::ShowActions) }
                { item(words(Key::RecvLink), props.screen == Screen::Received, || FbAction::ShowReceived) }
            </ul>
        </nav>
    }
}
