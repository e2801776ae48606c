//! Each domain's ratings over time: one small SVG chart per domain (oldest on the left, gaps for
//! not applicable), readable with 2 sessions or 200, and the same numbers as a table.

use yew::prelude::*;

use crate::core::config::HeadingLevel;
use crate::ui::paragraph::paragraph;
use crate::ui::scroll_table::{scroll_table, ScrollTableProps};

use crate::ui::heading::Heading;

use super::FeedbackRefs;
use crate::core::feedback::actions::done_at;
use crate::core::feedback::chart::{coord, points_attr, trend_runs, Point};
use crate::core::feedback::content::domain;
use crate::core::feedback::export::rating_words;
use crate::core::feedback::history::{newest_first, Filter};
use crate::core::feedback::model::{Session, DOMAIN_COUNT};
use crate::core::lang::Lang;
use crate::core::messages::{fill, format_date, text, Key};

pub struct TrendViewProps {
    pub lang: Lang,
    pub level: HeadingLevel,
    pub sessions: std::rc::Rc<Vec<Session>>,
    pub refs: FeedbackRefs,
}

/// The plot area inside each small chart's 320 × 100 view box.
const LEFT: f64 = 24.0;
const TOP: f64 = 8.0;
const WIDTH: f64 = 286.0;
const HEIGHT: f64 = 72.0;
/// Up to this many sessions each gets a dot; beyond, the line alone stays readable.
const DOTS_UP_TO: usize = 40;

pub fn trend_view(props: &TrendViewProps) -> Html {
    let level = props.level;
    let lang = props.lang;
    let mut oldest_first = newest_first(&props.sessions, &Filter::default());
    oldest_first.reverse();
    let heading = html! {
        { Heading::new(level, 2).class("sw-fb__heading").focus(&props.refs.heading).show(html! { { text(lang, Key::FbTrendHeading) } }) }
    };
    if oldest_first.len() < 2 {
        return html! { <div class="sw-fb-trend">{ heading }{ paragraph(text(lang, Key::FbTrendTooFew)) }</div> };
    }
    let names: Vec<String> = (0..DOMAIN_COUNT)
        .map(|i| domain(lang, i).name.to_owned())
        .collect();
    let first = format_date(lang, &oldest_first[0].date);
    let last = format_date(lang, &oldest_first[oldest_first.len() - 1].date);
    let charts = (0..DOMAIN_COUNT).map(|d| {
        let values: Vec<Option<f32>> = oldest_first
            .iter()
            .map(|s| s.ratings[d].map(f32::from))
            .collect();
        // The sessions where an action for this domain was followed up as done.
        let done: Vec<usize> = (0..oldest_first.len())
            .filter(|&k| done_at(oldest_first[k], d))
            .collect();
        let done_dates: Vec<String> = done
            .iter()
            .map(|&k| format_date(lang, &oldest_first[k].date))
            .collect();
        let mut description = fill(
            text(lang, Key::FbTrendChartDescription),
            &[
                ("count", &oldest_first.len().to_string()),
                ("first", &first),
                ("last", &last),
            ],
        );
        if !done.is_empty() {
            description += " ";
            description += &fill(
                text(lang, Key::FbTrendDoneDescription),
                &[("dates", &done_dates.join(", "))],
            );
        }
        trend_chart(&TrendChart {
            id: format!("sw-trend-{d}"),
            name: &names[d],
            title: fill(text(lang, Key::FbTrendChartTitle), &[("domain", &names[d])]),
            description,
            values: &values,
            first: &first,
            last: &last,
            marks: &done,
        })
    });
    let rows = oldest_first.iter().map(|session| html! {
        <tr>
            <th scope="row">{ format_date(lang, &session.date) }</th>
            { for (0..DOMAIN_COUNT).map(|d| html! { <td>
                { session.ratings[d].map_or_else(|| rating_words(lang, None).to_owned(), |r| r.to_string()) }
                if done_at(session, d) { { " (" }{ text(lang, Key::FbTrendDoneMark) }{ ")" } }
            </td> }) }
        </tr>
    });
    html! {
        <div class="sw-fb-trend">
            { heading }
            { paragraph(text(lang, Key::FbTrendIntro)) }
            // The key to the one mark that is not a rating.
            <p class="sw-hint">{ text(lang, Key::FbTrendDoneKey) }</p>
            <div class="sw-trend">{ for charts }</div>
            <details class="sw-details">
                <summary class="sw-details__summary">{ text(lang, Key::FbTrendTable) }</summary>
                    { scroll_table(ScrollTableProps {
                        caption: text(lang, Key::FbTrendCaption),
                        region_ref: NodeRef::default(),
                        columns: std::iter::once(AttrValue::from(text(lang, Key::FbCsvDate))).chain(names.iter().map(|n| AttrValue::from(n.clone()))).collect(),
                        rows: rows.collect(),
                    }) }
            </details>
        </div>
    }
}

/// One domain's small chart over time: the values oldest on the left (gaps where there is
/// none), the rating axis 1 to 5, the first and last dates, and upright marks at `marks`.
pub struct TrendChart<'a> {
    pub id: String,
    pub name: &'a str,
    pub title: String,
    pub description: String,
    pub values: &'a [Option<f32>],
    pub first: &'a str,
    pub last: &'a str,
    pub marks: &'a [usize],
}

pub fn trend_chart(chart: &TrendChart) -> Html {
    let values = chart.values;
    let runs = trend_runs(values, WIDTH, HEIGHT);
    let step = WIDTH / values.len().saturating_sub(1).max(1) as f64;
    let (title_id, desc_id) = (format!("{}-title", chart.id), format!("{}-desc", chart.id));
    // The rating axis, 1 to 5 (lines at 1, 3 and 5).
    let grid = [1u8, 2, 3, 4, 5].map(|level| {
        let y = TOP + HEIGHT - f64::from(level - 1) / 4.0 * HEIGHT;
        html! {
            <>
                if level % 2 == 1 {
                    <line class="sw-trend__grid" x1={coord(LEFT)} x2={coord(LEFT + WIDTH)} y1={coord(y)} y2={coord(y)} />
                }
                <text class="sw-trend__axis" x="4" y={coord(y + 4.0)}>{ level }</text>
            </>
        }
    });
    html! {
        <figure class="sw-trend__item">
            // The domain's name above its chart.
            <figcaption class="sw-trend__name">{ chart.name }</figcaption>
            <svg class="sw-trend__svg" viewBox="0 0 320 100" role="img" aria-labelledby={format!("{title_id} {desc_id}")}>
                <title id={title_id}>{ &chart.title }</title>
                <desc id={desc_id}>{ &chart.description }</desc>
                { for grid }
                // The time axis: the first and the last dates.
                <text class="sw-trend__axis" x={coord(LEFT)} y="97">{ chart.first }</text>
                <text class="sw-trend__axis" x={coord(LEFT + WIDTH)} y="97" text-anchor="end">{ chart.last }</text>
                { for chart.marks.iter().map(|&k| {
                    let x = coord(LEFT + k as f64 * step);
                    html! { <line class="sw-trend__done" x1={x.clone()} x2={x} y1={coord(TOP)} y2={coord(TOP + HEIGHT)} /> }
                }) }
                { for runs.iter().map(|run| {
                    let points: Vec<Point> = run.iter().map(|p| Point { x: p.x + LEFT, y: p.y + TOP }).collect();
                    html! {
                        <>
                            <polyline class="sw-trend__line" points={points_attr(&points)} />
                            if values.len() <= DOTS_UP_TO || run.len() == 1 {
                                { for points.iter().map(|p| html! { <circle class="sw-trend__point" cx={coord(p.x)} cy={coord(p.y)} r="3" /> }) }
                            }
                        </>
                    }
                }) }
            </svg>
        </figure>
    }
}
