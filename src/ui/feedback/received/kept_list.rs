//! The feedback kept, twenty pieces a page: each to open in full above the list or to delete
//! after asking, with the button pressed taking focus back when what it opened closes.

use yew::prelude::*;

use crate::core::config::HeadingLevel;
use crate::ui::button::on_click;

use super::{piece_list, then_focus, RecvFocus, RecvRefs};
use crate::core::feedback::export::type_key;
use crate::core::lang::Lang;
use crate::core::messages::{counted, fill, format_date, text, Key};
use crate::core::received::flow::{ReceivedAction, ReceivedState};
use crate::ui::confirm_panel::{confirm_panel, ConfirmPanelProps};
use crate::ui::heading::Heading;
use crate::ui::pagination::{paged_status, pagination, PaginationProps};
use crate::ui::scroll_table::{columns, scroll_table, ScrollTableProps};

pub struct KeptListProps<'a> {
    pub lang: Lang,
    pub level: HeadingLevel,
    pub state: &'a ReceivedState,
    pub refs: &'a RecvRefs,
    /// Does an action, then moves focus.
    pub act: Callback<(ReceivedAction, RecvFocus)>,
}

pub fn kept_list(props: &KeptListProps) -> Html {
    let level = props.level;
    let KeptListProps {
        lang, state, refs, ..
    } = props;
    let lang = *lang;
    let newest = state.newest_first();
    let pages = state.pages();
    let kept_rows = newest[pages.rows(newest.len())].iter().map(|received| {
        let date = format_date(lang, &received.piece.date);
        // Open and Delete name their piece; the one that was pressed takes focus back when
        // what it opened closes.
        let button = |key: Key, opening: bool, action: ReceivedAction, target: RecvFocus| {
            let go = then_focus(&props.act, action, target);
            let pressed_last = state.asked.as_ref().is_some_and(|(id, open)| *id == received.id && *open == opening);
            let opener = pressed_last.then(|| refs.opener.clone());
            html! {
                <button type="button" class="sw-link-button" ref={opener.unwrap_or_default()}
                    onclick={on_click(&go)}>
                    { text(lang, key) }<span class="sw-visually-hidden">{ " " }{ &date }{ " " }{ &received.label }</span>
                </button>
            }
        };
        html! {
            <tr key={received.id.clone()}>
                <td>{ &date }</td>
                <td>{ text(lang, type_key(received.piece.kind)) }</td>
                <td>{ &received.label }</td>
                <td class="sw-table__actions">
                    { button(Key::FbOpen, true, ReceivedAction::Open(Some(received.id.clone())), RecvFocus::Opened) }
                    { button(Key::FbDelete, false, ReceivedAction::AskDelete(received.id.clone()), RecvFocus::Question) }
                </td>
            </tr>
        }
    });
    let opened = state.opened.as_ref().and_then(|id| {
        let received = state.kept.iter().find(|r| &r.id == id)?;
        let close = then_focus(&props.act, ReceivedAction::Open(None), RecvFocus::Opener);
        Some(html! {
            <div class="sw-received__preview">
                { Heading::new(level, 4).focus(&refs.opened).show(html! {
                    { fill(text(lang, Key::RecvPreviewHeading), &[("date", &format_date(lang, &received.piece.date))]) }
                }) }
                { piece_list(lang, &received.piece) }
                <button type="button" class="sw-link-button" onclick={on_click(&close)}>{ text(lang, Key::RecvClose) }</button>
            </div>
        })
    });
    let on_page = props
        .act
        .reform(|page: usize| (ReceivedAction::Page(page), RecvFocus::List));
    let delete_question = state.confirm_delete.as_ref().and_then(|id| {
        let received = state.kept.iter().find(|r| &r.id == id)?;
        let delete = then_focus(
            &props.act,
            ReceivedAction::Delete(id.clone()),
            RecvFocus::Deleted,
        );
        let cancel = then_focus(&props.act, ReceivedAction::CancelDelete, RecvFocus::Opener);
        Some(confirm_panel(ConfirmPanelProps {
            level,
            id: "sw-recv-delete",
            question: fill(
                text(lang, Key::FbDeleteQuestion),
                &[("date", &format_date(lang, &received.piece.date))],
            )
            .into(),
            details: Vec::new(),
            confirm: text(lang, Key::FbDeleteConfirm),
            cancel: text(lang, Key::ClearCancel),
            question_ref: refs.question.clone(),
            on_confirm: delete,
            on_cancel: cancel,
            before: Html::default(),
            form: None,
        }))
    });
    html! { <>
           { Heading::new(level, 3).show(html! { { text(lang, Key::RecvListHeading) } }) }
           { for delete_question }
           { for opened }
           { scroll_table(ScrollTableProps {
               caption: text(lang, Key::RecvListHeading),
               region_ref: refs.list.clone(),
               columns: columns(lang, &[Key::FbCsvDate, Key::FbCsvType, Key::FbCsvLabel, Key::FbColActions]),
    rows: kept_rows.collect(),
           }) }
           <p class="sw-hint" role="status">{ paged_status(lang, counted(lang, Key::RecvPiecesKept, newest.len() as u64), pages) }</p>
           { pagination(&PaginationProps { lang, label: text(lang, Key::RecvListHeading).into(), pages, on_page }) }
       </> }
}
