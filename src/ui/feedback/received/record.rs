//! The revalidation record: one printable page (or two) of the period's feedback received, the
//! summary, what the supervisor will change and their reflective account: what an NMC
//! registrant shows their confirmer, and evidence of learning from feedback for the HCPC and
//! Social Care Wales. Shown alone, so it prints alone.

use yew::prelude::*;

use super::summary::summary_table;
use crate::core::config::HeadingLevel;
use crate::core::feedback::content::domain;
use crate::core::feedback::export::{outcome_key, theme_words};
use crate::core::feedback::model::{Reflection, DOMAIN_COUNT};
use crate::core::lang::Lang;
use crate::core::messages::{counted, fill, format_date, text, Key};
use crate::core::received::plan::Plan;
use crate::core::received::summary::DomainSummary;
use crate::ui::browser;
use crate::ui::heading::Heading;
use crate::ui::paragraph::paragraph;
use crate::ui::scroll_table::{columns, scroll_table, ScrollTableProps};
use crate::ui::summary_list::summary_row;

pub struct RecordProps<'a> {
    pub lang: Lang,
    pub level: HeadingLevel,
    /// The period, in words.
    pub period: &'a str,
    /// The period's pieces, newest first: their session dates and types.
    pub pieces: Vec<(&'a str, Key)>,
    pub said: &'a [DomainSummary; DOMAIN_COUNT],
    pub thought: &'a [DomainSummary; DOMAIN_COUNT],
    /// How many sessions the supervisor gave in the period (what "What I thought" is of).
    pub own_count: usize,
    pub plan: &'a Plan,
    pub today: String,
    pub heading_ref: NodeRef,
    pub on_back: Callback<MouseEvent>,
}

/// A summary list of `rows`; a row with nothing written says so.
fn rows(lang: Lang, rows: Vec<(String, String)>) -> Html {
    let rows = rows.into_iter().map(|(key, value)| {
        let value = if value.trim().is_empty() {
            text(lang, Key::RecvNoneWritten).to_owned()
        } else {
            value
        };
        summary_row(&key, html! { value })
    });
    html! { <dl class="sw-summary-list">{ for rows }</dl> }
}

fn account_rows(lang: Lang, account: &Reflection) -> Vec<(String, String)> {
    [
        (Key::FbAccountLearned, account.learned.clone()),
        (Key::FbAccountChanged, account.changed.clone()),
        (Key::FbAccountThemes, theme_words(lang, account)),
        (Key::FbAccountOther, account.other.clone()),
    ]
    .map(|(key, value)| (text(lang, key).to_owned(), value))
    .into()
}

pub fn record(props: &RecordProps) -> Html {
    let level = props.level;
    let lang = props.lang;
    let intro = fill(
        text(lang, Key::RecvRecordIntro),
        &[
            ("period", props.period),
            (
                "pieces",
                &counted(lang, Key::RecvPiecesReceived, props.pieces.len() as u64),
            ),
            ("date", &props.today),
        ],
    );
    let pieces = props.pieces.iter().map(|(date, kind)| {
        html! { <tr><td>{ format_date(lang, date) }</td><td>{ text(lang, *kind) }</td></tr> }
    });
    let changes: Vec<(String, String)> = props
        .plan
        .changes
        .iter()
        .map(|change| {
            // "Start on time (Done). Most weeks", any part left out when there is none.
            let mut said = change.text.trim().to_owned();
            if let Some(outcome) = change.outcome {
                let outcome = text(lang, outcome_key(outcome));
                said = match said.is_empty() {
                    true => outcome.to_owned(),
                    false => format!("{said} ({outcome})"),
                };
            }
            if !change.note.is_empty() {
                said = match said.is_empty() {
                    true => change.note.clone(),
                    false => format!("{said}. {}", change.note),
                };
            }
            (domain(lang, change.domain).name.to_owned(), said)
        })
        .collect();
    html! {
           <div class="sw-received sw-recv-record">
               { Heading::new(level, 2).class("sw-fb__heading").focus(&props.heading_ref).show(html! { { text(lang, Key::RecvRecordHeading) } }) }
               <p>{ intro }</p>
               { scroll_table(ScrollTableProps {
                   caption: text(lang, Key::RecvListHeading),
                   region_ref: NodeRef::default(),
                   columns: columns(lang, &[Key::FbCsvDate, Key::FbCsvType]),
    rows: pieces.collect(),
               }) }
               <p>{ counted(lang, Key::RecvThoughtHint, props.own_count as u64) }</p>
               { summary_table(lang, props.said, props.thought) }
               { Heading::new(level, 3).show(html! { { text(lang, Key::RecvChangeHeading) } }) }
               if changes.is_empty() {
                   { paragraph(text(lang, Key::RecvNoneWritten)) }
               } else {
                   { rows(lang, changes) }
               }
               { Heading::new(level, 3).show(html! { { text(lang, Key::RecvAccountHeading) } }) }
               { rows(lang, account_rows(lang, &props.plan.reflection)) }
               <div class="sw-button-group sw-no-print">
                   <button type="button" class="sw-button" onclick={browser::print_alone_on_click("")}>{ text(lang, Key::FbPrint) }</button>
                   <button type="button" class="sw-link-button" onclick={props.on_back.clone()}>{ text(lang, Key::RecvRecordBack) }</button>
               </div>
           </div>
       }
}
