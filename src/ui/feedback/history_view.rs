//! The saved sessions, newest first, filtered by role and type, twenty to a page: open one,
//! delete one (asks first), download them all as CSV.

use std::rc::Rc;

use wasm_bindgen::JsCast;
use web_sys::HtmlSelectElement;
use yew::prelude::*;

use crate::core::config::HeadingLevel;
use crate::ui::button::{secondary_button, send};
use crate::ui::paragraph::paragraph;

use crate::ui::scroll_table::{columns, scroll_table, ScrollTableProps};

use crate::ui::heading::Heading;

use super::delete_question;
use super::FeedbackRefs;
use crate::core::feedback::actions::open_count;
use crate::core::feedback::export::{csv, role_key, type_key};
use crate::core::feedback::flow::{Confirm, FbAction};
use crate::core::feedback::history::{newest_first, Filter, Pages};
use crate::core::feedback::model::{Role, Session, SessionType};
use crate::core::lang::Lang;
use crate::core::messages::{counted, fill, format_date, text, Key};
use crate::ui::browser;
use crate::ui::pagination::{paged_status, pagination, PaginationProps};

pub struct HistoryViewProps {
    pub lang: Lang,
    pub level: HeadingLevel,
    pub sessions: Rc<Vec<Session>>,
    pub filter: Filter,
    /// The page asked for (0-based); a page past the end shows the last.
    pub page: usize,
    pub confirm: Option<Confirm>,
    /// The last question asked (its Delete button takes focus back on Cancel).
    pub asked: Option<Confirm>,
    /// The date of the session deleted just now.
    pub deleted: Option<String>,
    pub refs: FeedbackRefs,
    pub act: Callback<FbAction>,
}

/// The selected option's index, from a `<select>` change.
pub fn selected(event: Event) -> usize {
    event
        .target()
        .and_then(|t| t.dyn_into::<HtmlSelectElement>().ok())
        .map_or(0, |s| s.selected_index().max(0) as usize)
}

pub fn history_view(props: &HistoryViewProps) -> Html {
    let level = props.level;
    let lang = props.lang;
    let filter = props.filter;
    let shown = newest_first(&props.sessions, &filter);
    let act = |action: FbAction| send(&props.act, action);
    let on_role = props.act.reform(move |event: Event| {
        FbAction::Filter(Filter {
            role: selected(event)
                .checked_sub(1)
                .and_then(|i| Role::ALL.get(i).copied()),
            ..filter
        })
    });
    let on_kind = props.act.reform(move |event: Event| {
        FbAction::Filter(Filter {
            kind: selected(event)
                .checked_sub(1)
                .and_then(|i| SessionType::ALL.get(i).copied()),
            ..filter
        })
    });
    // Every session the filters let through, on every page; made when asked for, not on
    // each render.
    let on_csv = {
        let sessions = props.sessions.clone();
        Callback::from(move |_: MouseEvent| {
            browser::download(
                "supervision-feedback.csv",
                &csv(lang, &newest_first(&sessions, &filter)),
                "text/csv;charset=utf-8",
            );
        })
    };
    let open_actions = open_count(&props.sessions);
    let pages = Pages::of(shown.len(), props.page);
    let status = paged_status(
        lang,
        counted(lang, Key::FbSessionsShown, shown.len() as u64),
        pages,
    );
    let rows = shown[pages.rows(shown.len())].iter().map(|session| {
        let date = format_date(lang, &session.date);
        // The buttons' names tell apart two sessions of one day (one received, one given).
        let which = format!(" {date}, {}, {}", text(lang, type_key(session.kind)), text(lang, role_key(session.role)));
        html! {
            <tr key={session.id.clone()}>
                <td>{ &date }</td>
                <td>{ text(lang, type_key(session.kind)) }</td>
                <td>{ text(lang, role_key(session.role)) }</td>
                <td>{ &session.label }</td>
                <td class="sw-table__actions">
                    <button type="button" class="sw-link-button" onclick={act(FbAction::Open(session.id.clone()))}>
                        { text(lang, Key::FbOpen) }<span class="sw-visually-hidden">{ &which }</span>
                    </button>
                    <button type="button" class="sw-link-button" onclick={act(FbAction::AskDelete(session.id.clone()))}
                        ref={props.refs.opener_if(&props.asked, &Confirm::Delete(session.id.clone()))}>
                        { text(lang, Key::FbDelete) }<span class="sw-visually-hidden">{ which }</span>
                    </button>
                </td>
            </tr>
        }
    });
    let confirm = match &props.confirm {
        Some(Confirm::Delete(id)) => props
            .sessions
            .iter()
            .find(|s| &s.id == id)
            .map(|s| delete_question(lang, level, &s.date, &props.refs, &props.act)),
        _ => None,
    };
    html! {
           <div class="sw-fb-history">
               { Heading::new(level, 2).class("sw-fb__heading").focus(&props.refs.heading).show(html! { { text(lang, Key::FbHistoryHeading) } }) }
               if let Some(date) = &props.deleted {
                   <p class="sw-outcome" tabindex="-1" ref={props.refs.outcome.clone()}>
                       { fill(text(lang, Key::FbDeleted), &[("date", &format_date(lang, date))]) }
                   </p>
               }
               if open_actions > 0 {
                   <p class="sw-fb__open-actions">
                       { counted(lang, Key::FbOpenActions, open_actions as u64) }{ " " }
                       <button type="button" class="sw-link-button" onclick={act(FbAction::ShowActions)}>{ text(lang, Key::FbSeeYourActions) }</button>
                   </p>
               }
               if props.sessions.is_empty() {
                   { paragraph(text(lang, Key::FbHistoryEmpty)) }
               } else {
                   <div class="sw-filters sw-no-print">
                       <div class="sw-form-group">
                           <label class="sw-label" for="sw-fb-filter-role">{ text(lang, Key::FbFilterRole) }</label>
                           <select class="sw-select" id="sw-fb-filter-role" onchange={on_role}>
                               <option selected={filter.role.is_none()}>{ text(lang, Key::FbFilterAny) }</option>
                               { for Role::ALL.iter().map(|r| html! { <option selected={filter.role == Some(*r)}>{ text(lang, role_key(*r)) }</option> }) }
                           </select>
                       </div>
                       <div class="sw-form-group">
                           <label class="sw-label" for="sw-fb-filter-kind">{ text(lang, Key::FbFilterKind) }</label>
                           <select class="sw-select" id="sw-fb-filter-kind" onchange={on_kind}>
                               <option selected={filter.kind.is_none()}>{ text(lang, Key::FbFilterAny) }</option>
                               { for SessionType::ALL.iter().map(|k| html! { <option selected={filter.kind == Some(*k)}>{ text(lang, type_key(*k)) }</option> }) }
                           </select>
                       </div>
                   </div>
                   { for confirm }
                   // Said politely when a filter changes how many rows there are.
                   <p role="status">{ status }</p>
                   if shown.is_empty() {
                       { paragraph(text(lang, Key::FbHistoryNoMatch)) }
                   } else {
                       { scroll_table(ScrollTableProps {
                           caption: text(lang, Key::FbHistoryCaption),
                           region_ref: props.refs.table.clone(),
                           columns: columns(lang, &[Key::FbCsvDate, Key::FbCsvType, Key::FbCsvRole, Key::FbCsvLabel, Key::FbColActions]),
    rows: rows.collect(),
                       }) }
                       { pagination(&PaginationProps {
                           lang,
                           label: text(lang, Key::FbPagesLabel).into(),
                           pages,
                           on_page: props.act.reform(FbAction::HistoryPage),
                       }) }
                       <div class="sw-button-group sw-no-print">
                           { secondary_button(text(lang, Key::FbDownloadAllCsv), on_csv) }
                       </div>
                   }
               }
           </div>
       }
}
