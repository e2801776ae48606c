//! What supervisees said over the period, per domain: the spread of ratings (a small bar per
//! rating, with the numbers in the table), the median, and beside it what the supervisor
//! thought of the sessions they gave; then the comments by domain and each domain by quarter.

use std::rc::Rc;

use yew::prelude::*;

use crate::core::config::HeadingLevel;
use crate::core::feedback::chart::coord;
use crate::core::feedback::content::domain;
use crate::core::feedback::model::Session;
use crate::core::feedback::model::DOMAIN_COUNT;
use crate::core::lang::Lang;
use crate::core::messages::{counted, fill, format_date, text, Key};
use crate::core::received::piece::{Piece, Received};
use crate::core::received::summary::{
    by_quarter, comments_by_domain, figures, DomainSummary, Period, Quarter,
};
use crate::ui::browser::today;
use crate::ui::feedback::trend_view::{trend_chart, TrendChart};
use crate::ui::heading::Heading;
use crate::ui::paragraph::paragraph;
use crate::ui::scroll_table::{columns, scroll_table, ScrollTableProps};

/// A median in words: one decimal, or "None" when nobody rated it. Integer formatting, as the
/// charts' coordinates: float formatting would add about 16 KB of tables to the bundle.
fn median_words(lang: Lang, median: Option<f32>) -> String {
    median.map_or_else(
        || text(lang, Key::RecvNoMedian).to_owned(),
        |m| coord(f64::from(m)),
    )
}

/// The spread as six small bars (1 to 5, then Not applicable), each as tall as its share of
/// the pieces. Hidden from screen readers: the same numbers are the row's cells.
fn spread_bars(summary: &DomainSummary) -> Html {
    let most = summary.pieces.max(1) as f64;
    let counts = summary.counts.iter().chain([&summary.not_applicable]);
    let bars = counts.enumerate().map(|(i, &n)| {
        let height = 20.0 * n as f64 / most;
        let (x, y, height) = ((i * 10).to_string(), coord(22.0 - height), coord(height));
        // Fixed classes: an SVG element's class is not its `className` property, and Yew's
        // `class={…}` builds a `Classes` set (issue 26).
        if i == 5 {
            html! { <rect class="sw-spread__bar sw-spread__bar--na" {x} {y} width="8" {height} /> }
        } else {
            html! { <rect class="sw-spread__bar" {x} {y} width="8" {height} /> }
        }
    });
    html! {
        <svg class="sw-spread" viewBox="0 0 60 24" width="60" height="24" aria-hidden="true" focusable="false">
            <line class="sw-spread__base" x1="0" x2="58" y1="22.5" y2="22.5" />
            { for bars }
        </svg>
    }
}

/// The table of the period: per domain, the pieces, the spread, the median, and what the
/// supervisor thought. Shown on the screen and in the revalidation record.
pub fn summary_table(
    lang: Lang,
    said: &[DomainSummary; DOMAIN_COUNT],
    thought: &[DomainSummary; DOMAIN_COUNT],
) -> Html {
    let rows = said.iter().zip(thought).enumerate().map(|(i, (d, mine))| {
        html! {
            <tr>
                <th scope="row">{ domain(lang, i).name }</th>
                <td>{ d.pieces }</td>
                <td>{ spread_bars(d) }</td>
                { for d.counts.iter().map(|n| html! { <td>{ n }</td> }) }
                <td>{ d.not_applicable }</td>
                <td>{ median_words(lang, d.median) }</td>
                <td>{ median_words(lang, mine.median) }</td>
            </tr>
        }
    });
    scroll_table(ScrollTableProps {
        caption: text(lang, Key::RecvTable),
        region_ref: NodeRef::default(),
        columns: [Key::FbColDomain, Key::RecvColPieces, Key::RecvColSpread]
            .map(|key| text(lang, key))
            .into_iter()
            .chain(["1", "2", "3", "4", "5"])
            .chain(
                [Key::FbNotApplicable, Key::RecvColSaid, Key::RecvColThought]
                    .map(|key| text(lang, key)),
            )
            .map(AttrValue::from)
            .collect(),
        rows: rows.collect(),
    })
}

/// Each domain's comments of the period (its pieces newest first), with their dates.
fn comments(lang: Lang, level: HeadingLevel, pieces: &[&Piece]) -> Html {
    let by_domain = comments_by_domain(pieces);
    let any = by_domain.iter().any(|c| !c.is_empty());
    let domains = by_domain
        .iter()
        .enumerate()
        .filter(|(_, c)| !c.is_empty())
        .map(|(i, said)| {
            html! { <>
                { Heading::new(level, 4).show(html! { { domain(lang, i).name } }) }
                <ul class="sw-list sw-comment">
                    { for said.iter().map(|(date, comment)| html! {
                        <li><strong>{ format_date(lang, date) }{ ": " }</strong>{ *comment }</li>
                    }) }
                </ul>
            </> }
        });
    html! {
        <details class="sw-details">
            <summary class="sw-details__summary">{ text(lang, Key::RecvCommentsHeading) }</summary>
            <div class="sw-details__text">
                if any { { for domains } } else { { paragraph(text(lang, Key::RecvNoComments)) } }
            </div>
        </details>
    }
}

fn quarter_name(lang: Lang, quarter: &Quarter) -> String {
    fill(
        text(lang, Key::RecvQuarter),
        &[
            ("number", &quarter.number.to_string()),
            ("year", &quarter.year.to_string()),
        ],
    )
}

/// Each domain's median by quarter: the trend's small charts, and the same as a table.
fn quarters(lang: Lang, pieces: &[&Piece]) -> Html {
    let quarters = by_quarter(pieces);
    let body = if quarters.len() < 2 {
        html! { { paragraph(text(lang, Key::RecvQuarterTooFew)) } }
    } else {
        let (first, last) = (
            quarter_name(lang, &quarters[0]),
            quarter_name(lang, &quarters[quarters.len() - 1]),
        );
        let description = fill(
            text(lang, Key::RecvQuarterChart),
            &[
                ("count", &quarters.len().to_string()),
                ("first", &first),
                ("last", &last),
            ],
        );
        let charts = (0..DOMAIN_COUNT).map(|d| {
            let values: Vec<Option<f32>> = quarters.iter().map(|q| q.medians[d]).collect();
            let name = domain(lang, d).name;
            trend_chart(&TrendChart {
                id: format!("sw-recv-trend-{d}"),
                name,
                title: fill(text(lang, Key::FbTrendChartTitle), &[("domain", name)]),
                description: description.clone(),
                values: &values,
                first: &first,
                last: &last,
                marks: &[],
            })
        });
        let rows = quarters.iter().map(|q| {
            html! {
                <tr>
                    <th scope="row">{ quarter_name(lang, q) }</th>
                    <td>{ q.pieces }</td>
                    { for q.medians.iter().map(|m| html! { <td>{ median_words(lang, *m) }</td> }) }
                </tr>
            }
        });
        html! { <>
            <div class="sw-trend">{ for charts }</div>
            { scroll_table(ScrollTableProps {
                caption: text(lang, Key::RecvQuarterTable),
                region_ref: NodeRef::default(),
                columns: columns(lang, &[Key::RecvColQuarter, Key::RecvColPieces])
                    .into_iter()
                    .chain((0..DOMAIN_COUNT).map(|d| domain(lang, d).name.into()))
                    .collect(),
                rows: rows.collect(),
            }) }
        </> }
    };
    html! {
        <details class="sw-details">
            <summary class="sw-details__summary">{ text(lang, Key::RecvQuarterHeading) }</summary>
            <div class="sw-details__text">{ body }</div>
        </details>
    }
}

#[derive(Properties, PartialEq)]
pub struct PeriodSummaryProps {
    pub lang: Lang,
    pub level: HeadingLevel,
    pub kept: Rc<Vec<Received>>,
    pub period: Period,
    /// The supervisor's own sessions, for What I thought.
    pub sessions: Rc<Vec<Session>>,
}

/// The period summed up: What I thought's count, the table, and the comments and quarters folded
/// under it. A component of its own, so typing in the plan beside it does not build it again
/// (its props compare by pointer first: the kept pieces and the sessions are shared `Rc`s).
#[function_component]
pub fn PeriodSummary(props: &PeriodSummaryProps) -> Html {
    let level = props.level;
    let lang = props.lang;
    let figures = figures(&props.kept, &props.sessions, props.period, today());
    if figures.pieces.is_empty() {
        return html! { { paragraph(text(lang, Key::RecvNoneInPeriod)) } };
    }
    html! { <>
        <p class="sw-hint">{ counted(lang, Key::RecvThoughtHint, figures.own as u64) }</p>
        { summary_table(lang, &figures.said, &figures.thought) }
        { comments(lang, level, &figures.pieces) }
        { quarters(lang, &figures.pieces) }
    </> }
}
