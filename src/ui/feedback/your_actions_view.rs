//! "Your actions": every action planned, newest first, with its domain, dates and where it
//! stands; shown all, open or done, twenty to a page, as a table (and a CSV of those shown).

use std::rc::Rc;

use yew::prelude::*;

use super::history_view::selected;
use super::FeedbackRefs;
use crate::core::config::HeadingLevel;
use crate::core::feedback::actions::{tracked, ActionFilter, Tracked};
use crate::core::feedback::content::domain;
use crate::core::feedback::export::{actions_csv, status_words};
use crate::core::feedback::flow::FbAction;
use crate::core::feedback::form::Date;
use crate::core::feedback::history::Pages;
use crate::core::feedback::model::{Session, DOMAIN_COUNT};
use crate::core::lang::Lang;
use crate::core::messages::{counted, format_date, text, Key};
use crate::ui::browser;
use crate::ui::button::secondary_button;
use crate::ui::heading::Heading;
use crate::ui::pagination::{paged_status, pagination, PaginationProps};
use crate::ui::paragraph::paragraph;
use crate::ui::scroll_table::{columns, scroll_table, ScrollTableProps};

pub struct YourActionsViewProps {
    pub lang: Lang,
    pub level: HeadingLevel,
    pub sessions: Rc<Vec<Session>>,
    pub filter: ActionFilter,
    /// The page asked for (0-based); a page past the end shows the last.
    pub page: usize,
    pub today: Date,
    pub refs: FeedbackRefs,
    pub act: Callback<FbAction>,
}

fn filter_key(filter: ActionFilter) -> Key {
    match filter {
        ActionFilter::All => Key::FbActionsShowAll,
        ActionFilter::Open => Key::FbActionsShowOpen,
        ActionFilter::Done => Key::FbActionsShowDone,
    }
}

pub fn your_actions_view(props: &YourActionsViewProps) -> Html {
    let level = props.level;
    let (lang, filter, today) = (props.lang, props.filter, props.today);
    let all = tracked(&props.sessions);
    let shown: Vec<&Tracked> = all.iter().filter(|t| filter.matches(t.status)).collect();
    let on_filter = props.act.reform(|event: Event| {
        FbAction::FilterActions(
            ActionFilter::ALL
                .get(selected(event))
                .copied()
                .unwrap_or_default(),
        )
    });
    // Those shown, on every page; made when asked for, not on each render.
    let on_csv = {
        let sessions = props.sessions.clone();
        Callback::from(move |_: MouseEvent| {
            let all = tracked(&sessions);
            let shown: Vec<&Tracked> = all.iter().filter(|t| filter.matches(t.status)).collect();
            browser::download(
                "supervision-actions.csv",
                &actions_csv(lang, &shown, today),
                "text/csv;charset=utf-8",
            );
        })
    };
    let pages = Pages::of(shown.len(), props.page);
    let status = paged_status(
        lang,
        counted(lang, Key::FbActionsShown, shown.len() as u64),
        pages,
    );
    let rows = shown[pages.rows(shown.len())].iter().map(|t| {
        let note = t.outcome.map(|(follow_up, _)| follow_up.note.clone()).unwrap_or_default();
        html! {
            <tr key={format!("{}-{}", t.session.id, t.action.domain)}>
                <td class="sw-comment">{ &t.action.text }</td>
                <td>{ domain(lang, t.action.domain.min(DOMAIN_COUNT - 1)).name }</td>
                <td>{ format_date(lang, &t.session.date) }</td>
                <td>{ t.action.by.as_deref().map(|by| format_date(lang, by)).unwrap_or_default() }</td>
                <td>{ status_words(lang, t, today) }</td>
                <td class="sw-comment">{ note }</td>
            </tr>
        }
    });
    html! {
        <div class="sw-fb-actions">
            { Heading::new(level, 2).class("sw-fb__heading").focus(&props.refs.heading).show(html! { { text(lang, Key::FbYourActionsHeading) } }) }
            if all.is_empty() {
                { paragraph(text(lang, Key::FbYourActionsNone)) }
            } else {
                { paragraph(text(lang, Key::FbYourActionsIntro)) }
                <div class="sw-filters sw-no-print">
                    <div class="sw-form-group">
                        <label class="sw-label" for="sw-fb-actions-show">{ text(lang, Key::FbActionsShow) }</label>
                        <select class="sw-select" id="sw-fb-actions-show" onchange={on_filter}>
                            { for ActionFilter::ALL.iter().map(|f| html! { <option selected={filter == *f}>{ text(lang, filter_key(*f)) }</option> }) }
                        </select>
                    </div>
                </div>
                // Said politely when the filter changes how many rows there are.
                <p role="status">{ status }</p>
                if shown.is_empty() {
                    { paragraph(text(lang, Key::FbYourActionsNoMatch)) }
                } else {
                    { scroll_table(ScrollTableProps {
                        caption: text(lang, Key::FbActionsCaption),
                        region_ref: props.refs.table.clone(),
                        columns: columns(lang, &[Key::FbColAction, Key::FbColDomain, Key::FbColPlanned, Key::FbColDueBy, Key::FbColStatus, Key::FbColNote]),
                        rows: rows.collect(),
                    }) }
                    { pagination(&PaginationProps {
                        lang,
                        label: text(lang, Key::FbActionsPagesLabel).into(),
                        pages,
                        on_page: props.act.reform(FbAction::ActionsPage),
                    }) }
                    <div class="sw-button-group sw-no-print">
                        { secondary_button(text(lang, Key::FbDownloadActionsCsv), on_csv) }
                    </div>
                }
            }
        </div>
    }
}
