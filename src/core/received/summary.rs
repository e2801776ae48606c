//! What the supervisor sees of the feedback received over a period: per domain, how many
//! pieces, the spread of ratings 1 to 5 and Not applicable, and the median, beside their own
//! ratings of the sessions they gave; the comments by domain; each domain by quarter.

use super::piece::{Piece, Received};
use crate::core::feedback::form::Date;
use crate::core::feedback::model::{Role, Session, DOMAIN_COUNT};

/// The periods to look back over, from today.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Period {
    Months3,
    #[default]
    Months12,
    Years3,
    All,
}

impl Period {
    pub const ALL: [Period; 4] = [
        Period::Months3,
        Period::Months12,
        Period::Years3,
        Period::All,
    ];

    /// The first day in the period: today's date that many months back (the month's last day
    /// when it has no such day), or none for all.
    pub fn first_day(self, today: Date) -> Option<Date> {
        let months = match self {
            Period::Months3 => 3,
            Period::Months12 => 12,
            Period::Years3 => 36,
            Period::All => return None,
        };
        let index = today.year * 12 + (today.month - 1) - months;
        let (year, month) = (index / 12, index % 12 + 1);
        (1..=today.day)
            .rev()
            .find_map(|day| Date::new(year, month, day))
    }

    /// Whether a session on `date` (`YYYY-MM-DD`) falls in the period, today included.
    pub fn holds(self, date: &str, today: Date) -> bool {
        let Some(date) = Date::parse_iso(date) else {
            return false;
        };
        date <= today && self.first_day(today).is_none_or(|first| date >= first)
    }
}

/// One domain over the period.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct DomainSummary {
    /// Pieces that rated it or said Not applicable.
    pub pieces: usize,
    /// How many rated it 1, 2, 3, 4 and 5.
    pub counts: [usize; 5],
    pub not_applicable: usize,
    /// The middle rating (the mean of the two middle ones for an even count; Not applicable
    /// left out), or none when nobody rated it.
    pub median: Option<f32>,
}

type Ratings = [Option<u8>; DOMAIN_COUNT];

/// Each domain's summary over a set of ratings: what supervisees sent, or the supervisor's own
/// ratings of the sessions they gave.
pub fn summarise<'a>(all: impl IntoIterator<Item = &'a Ratings>) -> [DomainSummary; DOMAIN_COUNT] {
    let mut summary: [DomainSummary; DOMAIN_COUNT] = Default::default();
    for ratings in all {
        for (domain, &rating) in summary.iter_mut().zip(ratings) {
            domain.pieces += 1;
            match rating {
                Some(r @ 1..=5) => domain.counts[usize::from(r) - 1] += 1,
                _ => domain.not_applicable += 1,
            }
        }
    }
    for domain in &mut summary {
        domain.median = median(&domain.counts);
    }
    summary
}

/// What the period holds: its pieces, newest session first; each domain summed up; and the
/// same of the supervisor's own ratings of the sessions they gave ("What I thought").
pub struct Figures<'a> {
    pub pieces: Vec<&'a Piece>,
    pub said: [DomainSummary; DOMAIN_COUNT],
    pub thought: [DomainSummary; DOMAIN_COUNT],
    /// How many sessions they gave in the period.
    pub own: usize,
}

pub fn figures<'a>(
    kept: &'a [Received],
    sessions: &[Session],
    period: Period,
    today: Date,
) -> Figures<'a> {
    let mut pieces: Vec<&Piece> = kept
        .iter()
        .map(|r| &r.piece)
        .filter(|p| period.holds(&p.date, today))
        .collect();
    pieces.sort_by(|a, b| b.date.cmp(&a.date));
    let own = own_in_period(sessions, period, today);
    Figures {
        said: summarise(pieces.iter().map(|p| &p.ratings)),
        own: own.len(),
        thought: summarise(own),
        pieces,
    }
}

/// "What I thought": the supervisor's own ratings of the supervision they gave in the period.
pub fn own_in_period(sessions: &[Session], period: Period, today: Date) -> Vec<&Ratings> {
    sessions
        .iter()
        .filter(|s| s.role == Role::Gave && period.holds(&s.date, today))
        .map(|s| &s.ratings)
        .collect()
}

/// Each domain's comments, newest session first, with the session's date.
pub fn comments_by_domain<'a>(pieces: &[&'a Piece]) -> [Vec<(&'a str, &'a str)>; DOMAIN_COUNT] {
    let mut newest: Vec<&Piece> = pieces.to_vec();
    newest.sort_by(|a, b| b.date.cmp(&a.date));
    std::array::from_fn(|domain| {
        newest
            .iter()
            .filter(|p| !p.comments[domain].trim().is_empty())
            .map(|p| (p.date.as_str(), p.comments[domain].as_str()))
            .collect()
    })
}

/// A calendar quarter's medians, per domain.
#[derive(Clone, Debug, PartialEq)]
pub struct Quarter {
    pub year: u32,
    /// 1 to 4.
    pub number: u32,
    pub pieces: usize,
    pub medians: [Option<f32>; DOMAIN_COUNT],
}

/// Each quarter with feedback, oldest first, and every quarter between (empty ones with no
/// medians, so a chart's gaps show the time that passed).
pub fn by_quarter(pieces: &[&Piece]) -> Vec<Quarter> {
    let index = |p: &Piece| Date::parse_iso(&p.date).map(|d| d.year * 4 + (d.month - 1) / 3);
    let indices: Vec<u32> = pieces.iter().filter_map(|p| index(p)).collect();
    let (Some(&first), Some(&last)) = (indices.iter().min(), indices.iter().max()) else {
        return Vec::new();
    };
    (first..=last)
        .map(|q| {
            let in_quarter: Vec<&Ratings> = pieces
                .iter()
                .filter(|p| index(p) == Some(q))
                .map(|p| &p.ratings)
                .collect();
            let summary = summarise(in_quarter.iter().copied());
            Quarter {
                year: q / 4,
                number: q % 4 + 1,
                pieces: in_quarter.len(),
                medians: summary.map(|d| d.median),
            }
        })
        .collect()
}

/// The median of ratings given as counts of 1 to 5.
fn median(counts: &[usize; 5]) -> Option<f32> {
    let total: usize = counts.iter().sum();
    if total == 0 {
        return None;
    }
    // The rating at a position (0-based) in the ratings sorted.
    let at = |position: usize| {
        let mut seen = 0;
        counts
            .iter()
            .position(|&n| {
                seen += n;
                seen > position
            })
            .map_or(0.0, |i| (i + 1) as f32)
    };
    Some(if total % 2 == 1 {
        at(total / 2)
    } else {
        (at(total / 2 - 1) + at(total / 2)) / 2.0
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::feedback::model::SessionType;

    const TODAY: Date = Date {
        year: 2026,
        month: 12,
        day: 2,
    };

    fn piece(date: &str, ratings: [Option<u8>; DOMAIN_COUNT]) -> Piece {
        Piece {
            date: date.into(),
            kind: SessionType::Clinical,
            ratings,
            comments: Default::default(),
            actions: Vec::new(),
        }
    }

    #[test]
    fn periods_include_their_first_day_and_today_and_nothing_beyond() {
        let cases = [
            (Period::Months3, "2026-09-02", true),
            (Period::Months3, "2026-09-01", false),
            (Period::Months12, "2025-12-02", true),
            (Period::Months12, "2025-12-01", false),
            (Period::Years3, "2023-12-02", true),
            (Period::Years3, "2023-12-01", false),
            (Period::All, "1999-01-01", true),
            (Period::Months3, "2026-12-02", true),
            (Period::Months3, "2026-12-03", false),
            (Period::All, "not a date", false),
        ];
        for (period, date, held) in cases {
            assert_eq!(period.holds(date, TODAY), held, "{period:?} {date}");
        }
        // A month without the day: its last day.
        let may_31 = Date {
            year: 2026,
            month: 5,
            day: 31,
        };
        assert_eq!(
            Period::Months3.first_day(may_31),
            Some(Date {
                year: 2026,
                month: 2,
                day: 28
            })
        );
        let jan = Date {
            year: 2027,
            month: 1,
            day: 15,
        };
        assert_eq!(
            Period::Months3.first_day(jan),
            Some(Date {
                year: 2026,
                month: 10,
                day: 15
            })
        );
    }

    #[test]
    fn counts_spread_and_median_with_not_applicable_an_empty_domain_and_one_piece() {
        let pieces = [
            piece(
                "2026-11-01",
                [Some(4), Some(2), None, Some(1), Some(5), None],
            ),
            piece(
                "2026-11-08",
                [Some(5), Some(3), None, Some(1), Some(5), None],
            ),
            piece(
                "2026-11-15",
                [Some(2), Some(3), None, Some(2), Some(4), None],
            ),
            piece("2026-11-22", [Some(4), None, None, Some(5), Some(5), None]),
        ];
        let s = summarise(pieces.iter().map(|p| &p.ratings));
        assert_eq!(s[0].counts, [0, 1, 0, 2, 1]);
        assert_eq!(s[0].median, Some(4.0), "2, 4, 4, 5");
        assert_eq!((s[1].pieces, s[1].not_applicable), (4, 1));
        assert_eq!(s[1].median, Some(3.0), "2, 3, 3: Not applicable left out");
        assert_eq!(
            (s[2].not_applicable, s[2].median),
            (4, None),
            "nobody rated it"
        );
        assert_eq!(s[3].median, Some(1.5), "1, 1, 2, 5: between the two middle");
        assert_eq!(s[4].median, Some(5.0));
        let one = summarise([&pieces[0].ratings]);
        assert_eq!((one[0].pieces, one[0].median), (1, Some(4.0)));
        let none = summarise([]);
        assert_eq!(none[0], DomainSummary::default());
    }

    #[test]
    fn what_i_thought_is_the_sessions_i_gave_in_the_period_only() {
        use crate::core::feedback::history::tests::session;
        let mut gave = session("g1", "2026-11-20", Role::Gave, SessionType::Clinical);
        gave.ratings = [Some(2); DOMAIN_COUNT];
        let mut old = session("g0", "2024-01-01", Role::Gave, SessionType::Clinical);
        old.ratings = [Some(5); DOMAIN_COUNT];
        let mut mine = session("r1", "2026-11-21", Role::Received, SessionType::Clinical);
        mine.ratings = [Some(4); DOMAIN_COUNT];
        let sessions = [gave, old, mine];
        let own = own_in_period(&sessions, Period::Months12, TODAY);
        assert_eq!(own, [&[Some(2); DOMAIN_COUNT]]);
        assert_eq!(summarise(own)[0].median, Some(2.0));
        assert_eq!(own_in_period(&sessions, Period::All, TODAY).len(), 2);
    }

    #[test]
    fn the_figures_of_a_period_are_its_pieces_newest_first_and_both_summaries() {
        use crate::core::feedback::history::tests::session;
        use crate::core::received::piece::add;
        let mut kept = Vec::new();
        for (date, first) in [("2026-10-01", 2), ("2026-11-20", 4), ("2024-01-01", 5)] {
            let mut p = piece(date, [Some(3); DOMAIN_COUNT]);
            p.ratings[0] = Some(first);
            kept.push(add(&kept, p, "", "2026-12-01T10:00:00Z").unwrap());
        }
        let mut gave = session("g", "2026-11-01", Role::Gave, SessionType::Clinical);
        gave.ratings[0] = Some(1);
        let f = figures(&kept, &[gave], Period::Months12, TODAY);
        let dates: Vec<&str> = f.pieces.iter().map(|p| p.date.as_str()).collect();
        assert_eq!(dates, ["2026-11-20", "2026-10-01"]);
        assert_eq!(
            (f.said[0].median, f.thought[0].median, f.own),
            (Some(3.0), Some(1.0), 1)
        );
    }

    #[test]
    fn comments_by_domain_newest_first_skipping_blank_ones() {
        let mut a = piece("2026-10-01", [Some(3); DOMAIN_COUNT]);
        a.comments[0] = "older".into();
        a.comments[1] = "  ".into();
        let mut b = piece("2026-11-01", [Some(3); DOMAIN_COUNT]);
        b.comments[0] = "newer".into();
        let by = comments_by_domain(&[&a, &b]);
        assert_eq!(by[0], [("2026-11-01", "newer"), ("2026-10-01", "older")]);
        assert!(by[1].is_empty());
    }

    #[test]
    fn quarters_run_from_the_first_to_the_last_with_empty_ones_between() {
        let pieces = [
            piece("2025-12-31", [Some(2); DOMAIN_COUNT]),
            piece("2026-01-01", [Some(3), None, None, None, None, None]),
            piece("2026-03-31", [Some(4), None, None, None, None, None]),
            piece("2026-07-01", [Some(5); DOMAIN_COUNT]),
        ];
        let refs: Vec<&Piece> = pieces.iter().collect();
        let quarters = by_quarter(&refs);
        let names: Vec<(u32, u32, usize)> = quarters
            .iter()
            .map(|q| (q.year, q.number, q.pieces))
            .collect();
        assert_eq!(
            names,
            [(2025, 4, 1), (2026, 1, 2), (2026, 2, 0), (2026, 3, 1)]
        );
        assert_eq!(quarters[1].medians[0], Some(3.5));
        assert_eq!(quarters[1].medians[1], None, "nobody rated it that quarter");
        assert_eq!(quarters[2].medians, [None; DOMAIN_COUNT]);
        assert!(by_quarter(&[]).is_empty());
    }
}
