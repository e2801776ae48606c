//! The geometry of the pictures, kept pure so it can be tested: the radar (spider) chart of one
//! session's six ratings, and each domain's ratings over time. "Not applicable" is a gap, never
//! a zero: no point, and no line through it.

use super::model::DOMAIN_COUNT;

/// A point in SVG user units.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Point {
    pub x: f64,
    pub y: f64,
}

/// The highest rating.
pub const MAX_RATING: u8 = 5;

/// The cosine and sine of each domain's axis: straight up, then every 60° clockwise. A table,
/// so the bundle needs no trigonometry (a test checks it against `cos` and `sin`).
const AXES: [(f64, f64); DOMAIN_COUNT] = {
    const HALF_ROOT_3: f64 = 0.866_025_403_784_438_6;
    [
        (0.0, -1.0),
        (HALF_ROOT_3, -0.5),
        (HALF_ROOT_3, 0.5),
        (0.0, 1.0),
        (-HALF_ROOT_3, 0.5),
        (-HALF_ROOT_3, -0.5),
    ]
};

/// A radar chart centred on `center`, a rating of 5 reaching `radius`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Radar {
    pub center: Point,
    pub radius: f64,
}

/// The drawable shape of one session's ratings.
#[derive(Clone, Debug, PartialEq)]
pub struct Shape {
    /// A point per rated domain, with its index.
    pub points: Vec<(usize, Point)>,
    /// Lines between neighbouring rated domains only.
    pub edges: Vec<(Point, Point)>,
    /// Whether all six are rated, so the shape can be filled.
    pub closed: bool,
}

impl Radar {
    /// Where `domain`'s axis points at `fraction` of the radius; domain 0 straight up, then
    /// clockwise.
    fn along(&self, domain: usize, fraction: f64) -> Point {
        let (cos, sin) = AXES[domain % DOMAIN_COUNT];
        Point {
            x: self.center.x + self.radius * fraction * cos,
            y: self.center.y + self.radius * fraction * sin,
        }
    }

    /// The end of a domain's axis.
    pub fn axis_end(&self, domain: usize) -> Point {
        self.along(domain, 1.0)
    }

    /// Where a domain's name goes, just beyond its axis.
    pub fn label(&self, domain: usize) -> Point {
        self.along(domain, 1.18)
    }

    /// A rating's point on its axis.
    pub fn point(&self, domain: usize, rating: u8) -> Point {
        self.along(
            domain,
            f64::from(rating.min(MAX_RATING)) / f64::from(MAX_RATING),
        )
    }

    /// The grid ring for a rating level.
    pub fn ring(&self, level: u8) -> Vec<Point> {
        (0..DOMAIN_COUNT).map(|d| self.point(d, level)).collect()
    }

    /// The shape of a session's ratings (`None` = not applicable).
    pub fn shape(&self, ratings: &[Option<u8>; DOMAIN_COUNT]) -> Shape {
        let points: Vec<(usize, Point)> = (0..DOMAIN_COUNT)
            .filter_map(|d| ratings[d].map(|r| (d, self.point(d, r))))
            .collect();
        let edges = (0..DOMAIN_COUNT)
            .filter_map(|d| {
                let next = (d + 1) % DOMAIN_COUNT;
                Some((self.point(d, ratings[d]?), self.point(next, ratings[next]?)))
            })
            .collect();
        Shape {
            points,
            edges,
            closed: ratings.iter().all(Option::is_some),
        }
    }
}

/// The runs of one domain's ratings over time in a `width` × `height` box (rating 1 at the
/// bottom, 5 at the top), split wherever a session was "not applicable" (or a quarter had no
/// rating: a median may fall between two ratings).
pub fn trend_runs(values: &[Option<f32>], width: f64, height: f64) -> Vec<Vec<Point>> {
    let step = if values.len() > 1 {
        width / (values.len() - 1) as f64
    } else {
        0.0
    };
    let mut runs: Vec<Vec<Point>> = Vec::new();
    let mut current: Vec<Point> = Vec::new();
    for (i, value) in values.iter().enumerate() {
        match value {
            Some(rating) => {
                let x = if values.len() > 1 {
                    i as f64 * step
                } else {
                    width / 2.0
                };
                let top = f64::from(MAX_RATING);
                let level = (f64::from(*rating).clamp(1.0, top) - 1.0) / (top - 1.0);
                current.push(Point {
                    x,
                    y: height - level * height,
                });
            }
            None => {
                if !current.is_empty() {
                    runs.push(std::mem::take(&mut current));
                }
            }
        }
    }
    if !current.is_empty() {
        runs.push(current);
    }
    runs
}

/// Points as an SVG `points` attribute, to one decimal place.
pub fn points_attr(points: &[Point]) -> String {
    points
        .iter()
        .map(|p| format!("{},{}", coord(p.x), coord(p.y)))
        .collect::<Vec<_>>()
        .join(" ")
}

/// An SVG coordinate to one decimal place, halves rounded up. Integer formatting: float
/// formatting would add its tables to the bundle for this one use.
pub fn coord(value: f64) -> String {
    let tenths = (value * 10.0 + 0.5).floor() as i64;
    let sign = if tenths < 0 { "-" } else { "" };
    let tenths = tenths.unsigned_abs();
    format!("{sign}{}.{}", tenths / 10, tenths % 10)
}

#[cfg(test)]
mod tests {
    use super::*;

    const RADAR: Radar = Radar {
        center: Point { x: 100.0, y: 100.0 },
        radius: 50.0,
    };

    fn close(a: Point, b: Point) -> bool {
        (a.x - b.x).abs() < 1e-9 && (a.y - b.y).abs() < 1e-9
    }

    #[test]
    fn the_first_axis_points_up_and_a_five_reaches_the_edge() {
        assert!(close(RADAR.point(0, 5), Point { x: 100.0, y: 50.0 }));
        assert!(close(RADAR.point(0, 1), Point { x: 100.0, y: 90.0 }));
        // The fourth domain points straight down.
        assert!(close(RADAR.point(3, 5), Point { x: 100.0, y: 150.0 }));
        assert!(close(RADAR.axis_end(2), RADAR.point(2, 5)));
    }

    #[test]
    fn a_full_set_of_ratings_is_a_closed_shape_of_six_edges() {
        let shape = RADAR.shape(&[Some(5), Some(4), Some(3), Some(2), Some(1), Some(5)]);
        assert!(shape.closed);
        assert_eq!(shape.points.len(), 6);
        assert_eq!(shape.edges.len(), 6);
    }

    #[test]
    fn not_applicable_is_a_gap_not_a_zero() {
        let shape = RADAR.shape(&[Some(5), None, Some(3), Some(3), Some(3), Some(3)]);
        assert!(!shape.closed);
        assert_eq!(
            shape.points.iter().map(|(d, _)| *d).collect::<Vec<_>>(),
            [0, 2, 3, 4, 5]
        );
        // The edges 0-1 and 1-2 are missing; nothing is drawn at the centre for domain 1.
        assert_eq!(shape.edges.len(), 4);
        assert!(shape.points.iter().all(|(_, p)| !close(*p, RADAR.center)));
    }

    #[test]
    fn no_ratings_draws_nothing() {
        let shape = RADAR.shape(&[None; 6]);
        assert!(shape.points.is_empty() && shape.edges.is_empty());
    }

    #[test]
    fn trends_split_at_not_applicable_and_span_the_width() {
        let runs = trend_runs(
            &[Some(1.0), Some(5.0), None, Some(3.0), Some(3.0)],
            100.0,
            40.0,
        );
        assert_eq!(runs.len(), 2);
        assert_eq!(
            runs[0],
            [Point { x: 0.0, y: 40.0 }, Point { x: 25.0, y: 0.0 }]
        );
        assert_eq!(
            runs[1],
            [Point { x: 75.0, y: 20.0 }, Point { x: 100.0, y: 20.0 }]
        );
    }

    #[test]
    fn a_single_session_trend_is_one_point_in_the_middle() {
        assert_eq!(
            trend_runs(&[Some(5.0)], 100.0, 40.0),
            [vec![Point { x: 50.0, y: 0.0 }]]
        );
        assert!(trend_runs(&[None, None], 100.0, 40.0).is_empty());
        // A median between two ratings sits between their heights.
        assert_eq!(
            trend_runs(&[Some(3.5)], 100.0, 40.0),
            [vec![Point { x: 50.0, y: 15.0 }]]
        );
    }

    #[test]
    fn two_hundred_sessions_stay_inside_the_box() {
        let values: Vec<Option<f32>> = (0..200).map(|i| Some((i % 5 + 1) as f32)).collect();
        let runs = trend_runs(&values, 280.0, 60.0);
        let points: Vec<Point> = runs.concat();
        assert_eq!(points.len(), 200);
        assert!(points
            .iter()
            .all(|p| (0.0..=280.0).contains(&p.x) && (0.0..=60.0).contains(&p.y)));
    }

    #[test]
    fn points_attributes_have_one_decimal() {
        assert_eq!(
            points_attr(&[Point { x: 1.0, y: 2.25 }, Point { x: 3.333, y: 4.0 }]),
            "1.0,2.3 3.3,4.0"
        );
        assert_eq!(coord(-0.04), "0.0");
        assert_eq!(coord(-12.35), "-12.3");
        assert_eq!(coord(286.0), "286.0");
    }

    #[test]
    fn the_axis_table_is_every_sixtieth_degree_from_straight_up() {
        for (domain, (cos, sin)) in AXES.iter().enumerate() {
            let angle = -std::f64::consts::FRAC_PI_2
                + domain as f64 * std::f64::consts::TAU / DOMAIN_COUNT as f64;
            assert!((angle.cos() - cos).abs() < 1e-12, "cos of axis {domain}");
            assert!((angle.sin() - sin).abs() < 1e-12, "sin of axis {domain}");
        }
    }
}
