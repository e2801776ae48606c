//! The radar (spider) chart of one session, drawn as SVG by the widget: six spokes, rings for
//! ratings 1 to 5, this session's shape, and the previous session's shape lighter and dashed
//! behind it. Not applicable is a gap. A title and description name it for screen readers; the
//! table beside it carries the same numbers.

use yew::prelude::*;

use crate::core::feedback::chart::{coord, points_attr, Point, Radar, Shape};
use crate::core::feedback::model::{Session, DOMAIN_COUNT};
use crate::core::lang::Lang;
use crate::core::messages::{fill, format_date, text, Key};

const RADAR: Radar = Radar {
    center: Point { x: 200.0, y: 170.0 },
    radius: 110.0,
};

pub struct RadarChartProps {
    /// Unique within the widget: the chart's title and description ids derive from it.
    pub id: AttrValue,
    pub lang: Lang,
    /// A heading over the chart (when two are side by side).
    pub caption: Option<String>,
    pub names: Vec<String>,
    pub session: Session,
    pub previous: Option<Session>,
}

/// A shape's marks, in a `<g>` whose class (fixed where it is used: an SVG element's class is
/// not its `className` property, and Yew's `class={…}` builds a `Classes` set) says which.
fn shape(shape: &Shape) -> Html {
    let points: Vec<Point> = shape.points.iter().map(|(_, p)| *p).collect();
    html! {
        <>
            if shape.closed {
                <polygon class="sw-radar__area" points={points_attr(&points)} />
            }
            { for shape.edges.iter().map(|(a, b)| html! {
                <line class="sw-radar__edge" x1={coord(a.x)} y1={coord(a.y)} x2={coord(b.x)} y2={coord(b.y)} />
            }) }
            { for points.iter().map(|p| html! {
                <circle class="sw-radar__point" cx={coord(p.x)} cy={coord(p.y)} r="4" />
            }) }
        </>
    }
}

pub fn radar_chart(props: &RadarChartProps) -> Html {
    let lang = props.lang;
    let rings = (1..=5u8).map(|level| html! { <polygon class="sw-radar__ring" points={points_attr(&RADAR.ring(level))} /> });
    let spokes = (0..DOMAIN_COUNT).map(|d| {
        let end = RADAR.axis_end(d);
        html! { <line class="sw-radar__spoke" x1={coord(RADAR.center.x)} y1={coord(RADAR.center.y)} x2={coord(end.x)} y2={coord(end.y)} /> }
    });
    let labels = props.names.iter().enumerate().map(|(d, name)| {
        let at = RADAR.label(d);
        let anchor = if (at.x - RADAR.center.x).abs() < 1.0 { "middle" } else if at.x > RADAR.center.x { "start" } else { "end" };
        html! { <text class="sw-radar__label" x={coord(at.x)} y={coord(at.y + 5.0)} text-anchor={anchor}>{ name }</text> }
    });
    let mut description = text(lang, Key::FbChartDescription).to_owned();
    if let Some(previous) = &props.previous {
        description.push(' ');
        description.push_str(&fill(
            text(lang, Key::FbChartPrevious),
            &[("date", &format_date(lang, &previous.date))],
        ));
    }
    let title_id = format!("{}-title", props.id);
    let title = match &props.caption {
        Some(caption) => format!("{caption}: {}", text(lang, Key::FbChartTitle)),
        None => text(lang, Key::FbChartTitle).to_owned(),
    };
    html! {
        <figure class="sw-radar">
            if let Some(caption) = &props.caption {
                <p class="sw-radar__caption">{ caption }</p>
            }
            // 50 units spare each side: the longest label ("Person-ganolog") ends past x = 0.
            // Named once, by its title, which points to the table; the visible caption explains
            // how to read it (a <desc> repeating it was read twice).
            <svg class="sw-radar__svg" viewBox="-50 0 500 340" role="img" aria-labelledby={title_id.clone()}>
                <title id={title_id}>{ title }</title>
                { for rings }
                { for spokes }
                if let Some(previous) = &props.previous {
                    <g class="sw-radar__previous">{ shape(&RADAR.shape(&previous.ratings)) }</g>
                }
                <g class="sw-radar__current">{ shape(&RADAR.shape(&props.session.ratings)) }</g>
                { for labels }
            </svg>
            <figcaption class="sw-hint">{ description }</figcaption>
        </figure>
    }
}
