//! The saved sessions: newest first, filtered by role and type.

use super::model::{Role, Session, SessionType};

/// A filter on the history; `None` means any.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Filter {
    pub role: Option<Role>,
    pub kind: Option<SessionType>,
}

impl Filter {
    pub fn matches(&self, session: &Session) -> bool {
        self.role.is_none_or(|role| role == session.role)
            && self.kind.is_none_or(|kind| kind == session.kind)
    }
}

/// The sessions that pass `filter`, newest first (by session date, then by when saved).
pub fn newest_first<'a>(sessions: &'a [Session], filter: &Filter) -> Vec<&'a Session> {
    let mut shown: Vec<&Session> = sessions.iter().filter(|s| filter.matches(s)).collect();
    shown.sort_unstable_by(|a, b| (&b.date, &b.saved_at).cmp(&(&a.date, &a.saved_at)));
    shown
}

/// The session saved before `session` with the same role (the "previous shape" on its chart).
pub fn previous<'a>(sessions: &'a [Session], session: &Session) -> Option<&'a Session> {
    let filter = Filter {
        role: Some(session.role),
        kind: None,
    };
    newest_first(sessions, &filter)
        .into_iter()
        .find(|s| (&s.date, &s.saved_at) < (&session.date, &session.saved_at))
}

/// How many sessions the history shows at a time: a long-serving supervisor's thousand
/// sessions are a list of pages, not one table to scroll (and one page renders quickly).
pub const PAGE_SIZE: usize = 20;

/// The pages of a list of `rows`, and which one shows (0-based, kept inside the list: a page
/// past the end, after a delete or another tab's save, shows the last).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Pages {
    pub current: usize,
    pub count: usize,
}

impl Pages {
    pub fn of(rows: usize, wanted: usize) -> Pages {
        let count = rows.div_ceil(PAGE_SIZE).max(1);
        Pages {
            current: wanted.min(count - 1),
            count,
        }
    }

    /// The rows on the current page.
    pub fn rows(&self, rows: usize) -> std::ops::Range<usize> {
        let start = (self.current * PAGE_SIZE).min(rows);
        start..(start + PAGE_SIZE).min(rows)
    }

    /// The page numbers to offer, as in the NHS.UK pagination: the first, the last, the current
    /// one and its neighbours; `None` is an ellipsis for the pages left out. An ellipsis never
    /// stands for one page: that page is shown instead.
    pub fn links(&self) -> Vec<Option<usize>> {
        let (current, last) = (self.current, self.count - 1);
        let mut links = Vec::new();
        for page in 0..self.count {
            let shown = page == 0
                || page == last
                || page.abs_diff(current) <= 1
                || (page == 1 && current == 3)
                || (page + 1 == last && current + 3 == last);
            if shown {
                links.push(Some(page));
            } else if links.last() != Some(&None) {
                links.push(None);
            }
        }
        links
    }
}

#[cfg(test)]
pub mod tests {
    use super::*;

    pub fn session(id: &str, date: &str, role: Role, kind: SessionType) -> Session {
        Session {
            id: id.into(),
            role,
            kind,
            date: date.into(),
            label: String::new(),
            ratings: [Some(3); 6],
            comments: Default::default(),
            saved_at: format!("{date}T12:00:00Z"),
            reflection: Default::default(),
            actions: Vec::new(),
            follow_ups: Vec::new(),
            sent_at: None,
        }
    }

    fn sessions() -> Vec<Session> {
        vec![
            session("a", "2026-01-10", Role::Received, SessionType::Clinical),
            session("b", "2026-03-05", Role::Gave, SessionType::Coaching),
            session("c", "2026-02-01", Role::Received, SessionType::Coaching),
            session("d", "2026-04-20", Role::Received, SessionType::Clinical),
        ]
    }

    fn ids(list: Vec<&Session>) -> Vec<&str> {
        list.into_iter().map(|s| s.id.as_str()).collect()
    }

    #[test]
    fn filters_by_role_and_type_newest_first() {
        let all = sessions();
        let cases = [
            (Filter::default(), vec!["d", "b", "c", "a"]),
            (
                Filter {
                    role: Some(Role::Received),
                    kind: None,
                },
                vec!["d", "c", "a"],
            ),
            (
                Filter {
                    role: None,
                    kind: Some(SessionType::Coaching),
                },
                vec!["b", "c"],
            ),
            (
                Filter {
                    role: Some(Role::Gave),
                    kind: Some(SessionType::Clinical),
                },
                vec![],
            ),
        ];
        for (filter, expected) in cases {
            assert_eq!(ids(newest_first(&all, &filter)), expected, "{filter:?}");
        }
    }

    #[test]
    fn a_thousand_sessions_are_fifty_pages_of_twenty() {
        let pages = Pages::of(1000, 0);
        assert_eq!(pages.count, 50);
        assert_eq!(pages.rows(1000), 0..20);
        assert_eq!(Pages::of(1000, 49).rows(1000), 980..1000);
        assert_eq!(
            Pages::of(41, 2).rows(41),
            40..41,
            "the last page holds the rest"
        );
    }

    #[test]
    fn a_page_past_the_end_shows_the_last_and_no_rows_is_one_empty_page() {
        assert_eq!(
            Pages::of(25, 7),
            Pages {
                current: 1,
                count: 2
            }
        );
        assert_eq!(
            Pages::of(0, 3),
            Pages {
                current: 0,
                count: 1
            }
        );
        assert_eq!(Pages::of(0, 0).rows(0), 0..0);
        assert_eq!(Pages::of(20, 0).count, 1, "exactly one full page");
    }

    #[test]
    fn the_links_are_first_last_and_the_current_page_with_its_neighbours() {
        let links = |current, count| Pages { current, count }.links();
        assert_eq!(links(0, 1), [Some(0)]);
        assert_eq!(links(0, 3), [Some(0), Some(1), Some(2)]);
        assert_eq!(links(0, 50), [Some(0), Some(1), None, Some(49)]);
        assert_eq!(
            links(24, 50),
            [Some(0), None, Some(23), Some(24), Some(25), None, Some(49)]
        );
        assert_eq!(
            links(47, 50),
            [Some(0), None, Some(46), Some(47), Some(48), Some(49)]
        );
        // An ellipsis never stands for a single page.
        assert_eq!(links(2, 5), [Some(0), Some(1), Some(2), Some(3), Some(4)]);
        assert_eq!(links(3, 7), (0..7).map(Some).collect::<Vec<_>>());
        assert_eq!(
            links(3, 8),
            [Some(0), Some(1), Some(2), Some(3), Some(4), None, Some(7)]
        );
    }

    #[test]
    fn the_previous_session_is_the_one_before_in_the_same_role() {
        let all = sessions();
        let d = &all[3];
        assert_eq!(previous(&all, d).map(|s| s.id.as_str()), Some("c"));
        assert_eq!(previous(&all, &all[0]), None);
        assert_eq!(previous(&all, &all[1]), None, "no earlier session given");
    }
}
