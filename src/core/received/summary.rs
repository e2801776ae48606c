//! What the supervisor sees of the feedback received over a period: per domain, how many
//! pieces, the spread of ratings 1 to 5 and Not applicable, and the median.

use super::piece::Piece;
use crate::core::feedback::form::{Date, DOMAIN_COUNT};

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

/// Each domain's summary over `pieces`.
pub fn summarise<'a>(pieces: impl IntoIterator<Item = &'a Piece>) -> [DomainSummary; DOMAIN_COUNT] {
    let mut summary: [DomainSummary; DOMAIN_COUNT] = Default::default();
    for piece in pieces {
        for (domain, rating) in summary.iter_mut().zip(piece.ratings) {
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
    use crate::core::feedback::form::SessionType;

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
        let s = summarise(&pieces);
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
        let one = summarise(&pieces[..1]);
        assert_eq!((one[0].pieces, one[0].median), (1, Some(4.0)));
        let none = summarise(&[]);
        assert_eq!(none[0], DomainSummary::default());
    }
}
