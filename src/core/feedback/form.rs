//! The feedback form: a draft answered page by page (about the session, one page per domain,
//! check your answers), the GOV.UK-style rules each page must meet, and the saved session.

use crate::core::json::{self, write_variant, FromJson, SerJson, SerJsonState, Shape, Value};

use super::actions::{
    action_offered, action_problems, answered, planned, ActionDraft, FollowUpDraft,
};
use super::model::{
    Reflection, Role, Session, SessionType, COMMENT_LIMIT, DOMAIN_COUNT, LABEL_LIMIT, NOTE_LIMIT,
};

/// A rating of one domain: 1 (not at all) to 5 (fully), or not applicable.
/// Stored as `{"score":4}` or `"not-applicable"`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Rating {
    Score(u8),
    NotApplicable,
}

impl SerJson for Rating {
    fn ser_json(&self, _: usize, s: &mut SerJsonState) {
        match self {
            Rating::Score(score) => write_variant(s, "score", score),
            Rating::NotApplicable => s.label("not-applicable"),
        }
    }
}

impl FromJson for Rating {
    fn from_json(value: &Value) -> Result<Self, Shape> {
        match value.variant()? {
            ("not-applicable", None) => Ok(Rating::NotApplicable),
            ("score", data) => json::variant_data(data, "score").map(Rating::Score),
            (name, _) => Err(json::not_allowed(name)),
        }
    }
}

/// A calendar date.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    pub year: u32,
    pub month: u32,
    pub day: u32,
}

impl Date {
    /// Reads `YYYY-MM-DD` (the start of an ISO timestamp is fine).
    pub fn parse_iso(text: &str) -> Option<Date> {
        let year = text.get(0..4)?.parse().ok()?;
        let month = text.get(5..7)?.parse().ok()?;
        let day = text.get(8..10)?.parse().ok()?;
        Date::new(year, month, day)
    }

    /// A date, if it exists in the calendar.
    pub fn new(year: u32, month: u32, day: u32) -> Option<Date> {
        let leap =
            (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400);
        let days = match month {
            1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
            4 | 6 | 9 | 11 => 30,
            2 if leap => 29,
            2 => 28,
            _ => return None,
        };
        (1..=days)
            .contains(&day)
            .then_some(Date { year, month, day })
    }

    pub fn iso(self) -> String {
        format!("{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// The date as typed into the three GOV.UK date fields, kept as text so nothing typed is lost.
#[derive(Clone, Debug, Default, PartialEq, Eq, SerJson)]
pub struct DateFields {
    pub day: String,
    pub month: String,
    pub year: String,
}

impl FromJson for DateFields {
    fn from_json(value: &Value) -> Result<Self, Shape> {
        let members = value.members()?;
        Ok(DateFields {
            day: members.get("day")?,
            month: members.get("month")?,
            year: members.get("year")?,
        })
    }
}

impl DateFields {
    pub fn of(date: Date) -> Self {
        DateFields {
            day: date.day.to_string(),
            month: date.month.to_string(),
            year: date.year.to_string(),
        }
    }
}

/// One domain's answer in the draft.
#[derive(Clone, Debug, Default, PartialEq, Eq, SerJson)]
pub struct DomainAnswer {
    pub rating: Option<Rating>,
    pub comment: String,
}

impl FromJson for DomainAnswer {
    fn from_json(value: &Value) -> Result<Self, Shape> {
        let members = value.members()?;
        Ok(DomainAnswer {
            rating: members.get("rating")?,
            comment: members.get("comment")?,
        })
    }
}

/// The form as filled in so far; autosaved, so it survives a reload.
#[derive(Clone, Debug, Default, PartialEq, Eq, SerJson)]
pub struct Draft {
    pub role: Option<Role>,
    pub kind: Option<SessionType>,
    pub date: DateFields,
    pub label: String,
    pub domains: [DomainAnswer; DOMAIN_COUNT],
    /// One action a domain, as typed on the actions page (version 2 on).
    pub actions: [ActionDraft; DOMAIN_COUNT],
    /// The earlier actions to follow up, with the answers so far (version 2 on).
    pub follow_ups: Vec<FollowUpDraft>,
    /// One domain a page, with its questions, then the actions on a page of their own, for
    /// those who reflect slowly; otherwise all six on one page with their actions. Kept from
    /// one session to the next.
    pub one_at_a_time: bool,
}

impl FromJson for Draft {
    fn from_json(value: &Value) -> Result<Self, Shape> {
        let members = value.members()?;
        Ok(Draft {
            role: members.get("role")?,
            kind: members.get("kind")?,
            date: members.get("date")?,
            label: members.get("label")?,
            domains: members.get("domains")?,
            actions: members.get_or_default("actions")?,
            follow_ups: members.get_or_default("follow_ups")?,
            one_at_a_time: members.get_or_default("one_at_a_time")?,
        })
    }
}

/// A page of the form.
/// Stored as `"about"`, `"follow-up"`, `"domains"`, `{"domain":2}`, `"actions"` or `"check"`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Page {
    About,
    /// How the actions planned last time went; only when there are open ones.
    FollowUp,
    /// All six domains, each with its comment and action.
    Domains,
    /// One domain, when the person asked for one a page.
    Domain(usize),
    /// What the person will do before the next session (after one domain a page).
    Actions,
    Check,
}

impl SerJson for Page {
    fn ser_json(&self, _: usize, s: &mut SerJsonState) {
        match self {
            Page::About => s.label("about"),
            Page::FollowUp => s.label("follow-up"),
            Page::Domains => s.label("domains"),
            Page::Domain(index) => write_variant(s, "domain", index),
            Page::Actions => s.label("actions"),
            Page::Check => s.label("check"),
        }
    }
}

impl FromJson for Page {
    fn from_json(value: &Value) -> Result<Self, Shape> {
        match value.variant()? {
            ("about", None) => Ok(Page::About),
            ("follow-up", None) => Ok(Page::FollowUp),
            ("domains", None) => Ok(Page::Domains),
            ("actions", None) => Ok(Page::Actions),
            ("check", None) => Ok(Page::Check),
            ("domain", data) => json::variant_data(data, "domain").map(Page::Domain),
            (name, _) => Err(json::not_allowed(name)),
        }
    }
}

impl Page {
    /// The page after this one in `draft`'s form.
    pub fn next(self, draft: &Draft) -> Page {
        match self {
            Page::About if draft.has_follow_up() => Page::FollowUp,
            Page::About | Page::FollowUp => draft.domains_page(0),
            Page::Domain(i) if i + 1 < DOMAIN_COUNT => Page::Domain(i + 1),
            Page::Domain(_) => Page::Actions,
            Page::Domains | Page::Actions | Page::Check => Page::Check,
        }
    }

    /// The page before this one (for "Back").
    pub fn previous(self, draft: &Draft) -> Option<Page> {
        match self {
            Page::About => None,
            Page::FollowUp => Some(Page::About),
            Page::Domains | Page::Domain(0) if draft.has_follow_up() => Some(Page::FollowUp),
            Page::Domains | Page::Domain(0) => Some(Page::About),
            Page::Domain(i) => Some(Page::Domain(i - 1)),
            Page::Actions => Some(Page::Domain(DOMAIN_COUNT - 1)),
            Page::Check => Some(draft.actions_page()),
        }
    }
}

/// A field of the form, for error messages and their links.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Field {
    Role,
    Kind,
    Date,
    Label,
    Rating(usize),
    Comment(usize),
    /// A domain's action, and its "by" date.
    Action(usize),
    ActionBy(usize),
    /// The note on how the follow-up list's action `i` went.
    FollowUpNote(usize),
}

/// What is wrong with a field.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Problem {
    ChooseRole,
    ChooseKind,
    DateMissing,
    DateNotReal,
    DateInFuture,
    LabelTooLong,
    ChooseRating,
    CommentTooLong,
    ActionTooLong,
    ActionDateNotReal,
    ActionDateInPast,
    NoteTooLong,
}

/// The date in the fields, if they hold a real one.
fn date_in(fields: &DateFields) -> Result<Date, Problem> {
    let parts = [&fields.day, &fields.month, &fields.year];
    if parts.iter().any(|p| p.trim().is_empty()) {
        return Err(Problem::DateMissing);
    }
    let number = |text: &String| text.trim().parse::<u32>().ok();
    let (Some(day), Some(month), Some(year)) = (
        number(&fields.day),
        number(&fields.month),
        number(&fields.year),
    ) else {
        return Err(Problem::DateNotReal);
    };
    if !(1900..=9999).contains(&year) {
        return Err(Problem::DateNotReal);
    }
    Date::new(year, month, day).ok_or(Problem::DateNotReal)
}

/// The session's date in the fields, or what is wrong with it.
pub fn read_date(fields: &DateFields, today: Date) -> Result<Date, Problem> {
    let date = date_in(fields)?;
    if date > today {
        return Err(Problem::DateInFuture);
    }
    Ok(date)
}

/// An optional date: `None` when all three fields are empty; a real date; or not a real date.
pub fn read_optional_date(fields: &DateFields) -> Result<Option<Date>, Problem> {
    if [&fields.day, &fields.month, &fields.year]
        .iter()
        .all(|p| p.trim().is_empty())
    {
        return Ok(None);
    }
    date_in(fields)
        .map(Some)
        .map_err(|_| Problem::ActionDateNotReal)
}

impl Draft {
    /// A new draft, dated today.
    pub fn new(today: Date) -> Draft {
        Draft {
            date: DateFields::of(today),
            ..Draft::default()
        }
    }

    /// Everything wrong on one page, in the order the fields appear.
    pub fn problems(&self, page: Page, today: Date) -> Vec<(Field, Problem)> {
        let mut problems = Vec::new();
        match page {
            Page::About => {
                if self.role.is_none() {
                    problems.push((Field::Role, Problem::ChooseRole));
                }
                if self.kind.is_none() {
                    problems.push((Field::Kind, Problem::ChooseKind));
                }
                if let Err(problem) = read_date(&self.date, today) {
                    problems.push((Field::Date, problem));
                }
                if self.label.chars().count() > LABEL_LIMIT {
                    problems.push((Field::Label, Problem::LabelTooLong));
                }
            }
            Page::Domain(i) => {
                let Some(answer) = self.domains.get(i) else {
                    return problems;
                };
                if answer.rating.is_none() {
                    problems.push((Field::Rating(i), Problem::ChooseRating));
                }
                if answer.comment.chars().count() > COMMENT_LIMIT {
                    problems.push((Field::Comment(i), Problem::CommentTooLong));
                }
            }
            // In the order the page shows them: each domain's rating, comment and action.
            Page::Domains => {
                for i in 0..DOMAIN_COUNT {
                    problems.extend(self.problems(Page::Domain(i), today));
                    problems.extend(self.action_problems(i, today));
                }
            }
            Page::FollowUp => {
                for (i, follow_up) in self.follow_ups.iter().enumerate() {
                    if follow_up.note.chars().count() > NOTE_LIMIT {
                        problems.push((Field::FollowUpNote(i), Problem::NoteTooLong));
                    }
                }
            }
            Page::Actions => {
                for i in 0..DOMAIN_COUNT {
                    problems.extend(self.action_problems(i, today));
                }
            }
            Page::Check => {
                for page in self.pages() {
                    problems.extend(self.problems(page, today));
                }
            }
        }
        problems
    }

    /// What is wrong with domain `i`'s action, if the form asks for one.
    fn action_problems(&self, i: usize, today: Date) -> Vec<(Field, Problem)> {
        if !action_offered(&self.domains[i], &self.actions[i]) {
            return Vec::new();
        }
        let [text, by] = action_problems(&self.actions[i], today);
        let text = text.map(|p| (Field::Action(i), p));
        text.into_iter()
            .chain(by.map(|p| (Field::ActionBy(i), p)))
            .collect()
    }

    /// How many domains are rated (or marked not applicable) so far.
    pub fn rated(&self) -> usize {
        self.domains.iter().filter(|d| d.rating.is_some()).count()
    }

    /// Whether the form has the follow-up page.
    pub fn has_follow_up(&self) -> bool {
        !self.follow_ups.is_empty()
    }

    /// The page where domain `i` is rated.
    pub fn domains_page(&self, i: usize) -> Page {
        if self.one_at_a_time {
            Page::Domain(i)
        } else {
            Page::Domains
        }
    }

    /// The page where the actions are planned.
    pub fn actions_page(&self) -> Page {
        if self.one_at_a_time {
            Page::Actions
        } else {
            Page::Domains
        }
    }

    /// The pages before Check, in order.
    pub fn pages(&self) -> Vec<Page> {
        let mut pages = vec![Page::About];
        if self.has_follow_up() {
            pages.push(Page::FollowUp);
        }
        if self.one_at_a_time {
            pages.extend((0..DOMAIN_COUNT).map(Page::Domain));
            pages.push(Page::Actions);
        } else {
            pages.push(Page::Domains);
        }
        pages
    }

    /// The first page with a problem, if any (where Save sends someone back to).
    pub fn first_incomplete_page(&self, today: Date) -> Option<Page> {
        self.pages()
            .into_iter()
            .find(|page| !self.problems(*page, today).is_empty())
    }

    /// The saved session, if every page is complete.
    pub fn to_session(&self, id: &str, today: Date, saved_at: &str) -> Option<Session> {
        if !self.problems(Page::Check, today).is_empty() {
            return None;
        }
        let date = read_date(&self.date, today).ok()?;
        let ratings = self.domains.clone().map(|d| match d.rating {
            Some(Rating::Score(n)) => Some(n),
            _ => None,
        });
        Some(Session {
            id: id.to_owned(),
            role: self.role?,
            kind: self.kind?,
            date: date.iso(),
            label: self.label.trim().to_owned(),
            ratings,
            comments: self.domains.clone().map(|d| d.comment.trim().to_owned()),
            saved_at: saved_at.to_owned(),
            reflection: Reflection::default(),
            actions: planned(&self.domains, &self.actions),
            follow_ups: answered(&self.follow_ups),
            sent_at: None,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TODAY: Date = Date {
        year: 2026,
        month: 11,
        day: 26,
    };

    fn fields(day: &str, month: &str, year: &str) -> DateFields {
        DateFields {
            day: day.into(),
            month: month.into(),
            year: year.into(),
        }
    }

    fn complete() -> Draft {
        let mut draft = Draft::new(TODAY);
        draft.role = Some(Role::Received);
        draft.kind = Some(SessionType::Clinical);
        for (i, answer) in draft.domains.iter_mut().enumerate() {
            answer.rating = Some(if i == 3 {
                Rating::NotApplicable
            } else {
                Rating::Score(i as u8 % 5 + 1)
            });
        }
        draft
    }

    #[test]
    fn date_rules() {
        let cases = [
            (fields("26", "11", "2026"), Ok(TODAY)),
            (
                fields(" 1", "3", "2024"),
                Ok(Date {
                    year: 2024,
                    month: 3,
                    day: 1,
                }),
            ),
            (
                fields("29", "2", "2024"),
                Ok(Date {
                    year: 2024,
                    month: 2,
                    day: 29,
                }),
            ),
            (fields("29", "2", "2025"), Err(Problem::DateNotReal)),
            (fields("31", "4", "2026"), Err(Problem::DateNotReal)),
            (fields("0", "1", "2026"), Err(Problem::DateNotReal)),
            (fields("1", "13", "2026"), Err(Problem::DateNotReal)),
            (fields("1", "1", "26"), Err(Problem::DateNotReal)),
            (fields("x", "1", "2026"), Err(Problem::DateNotReal)),
            (fields("", "1", "2026"), Err(Problem::DateMissing)),
            (fields("27", "11", "2026"), Err(Problem::DateInFuture)),
            (fields("1", "1", "2027"), Err(Problem::DateInFuture)),
        ];
        for (input, expected) in cases {
            assert_eq!(read_date(&input, TODAY), expected, "{input:?}");
        }
    }

    #[test]
    fn a_new_draft_is_dated_today() {
        assert_eq!(read_date(&Draft::new(TODAY).date, TODAY), Ok(TODAY));
    }

    #[test]
    fn the_about_page_needs_role_type_and_a_real_past_date() {
        let draft = Draft {
            date: fields("31", "2", "2026"),
            label: "x".repeat(61),
            ..Draft::default()
        };
        let fields: Vec<Field> = draft
            .problems(Page::About, TODAY)
            .into_iter()
            .map(|(f, _)| f)
            .collect();
        assert_eq!(
            fields,
            [Field::Role, Field::Kind, Field::Date, Field::Label]
        );
        assert!(complete().problems(Page::About, TODAY).is_empty());
    }

    #[test]
    fn a_domain_page_needs_a_rating_or_not_applicable_and_a_comment_within_the_limit() {
        let mut draft = complete();
        draft.domains[2].rating = None;
        draft.domains[2].comment = "é".repeat(COMMENT_LIMIT + 1);
        assert_eq!(
            draft.problems(Page::Domain(2), TODAY),
            [
                (Field::Rating(2), Problem::ChooseRating),
                (Field::Comment(2), Problem::CommentTooLong)
            ]
        );
        draft.domains[2].rating = Some(Rating::NotApplicable);
        draft.domains[2].comment = "é".repeat(COMMENT_LIMIT);
        assert!(
            draft.problems(Page::Domain(2), TODAY).is_empty(),
            "the limit counts characters, not bytes"
        );
    }

    #[test]
    fn check_reports_every_page_and_save_goes_back_to_the_first_incomplete_one() {
        let mut draft = complete();
        draft.domains[4].rating = None;
        assert_eq!(
            draft.problems(Page::Check, TODAY),
            [(Field::Rating(4), Problem::ChooseRating)]
        );
        assert_eq!(draft.first_incomplete_page(TODAY), Some(Page::Domains));
        draft.one_at_a_time = true;
        assert_eq!(draft.first_incomplete_page(TODAY), Some(Page::Domain(4)));
        assert_eq!(draft.to_session("s1", TODAY, "now"), None);
    }

    #[test]
    fn a_complete_draft_becomes_a_session_with_not_applicable_as_none() {
        let mut draft = complete();
        draft.label = "  team huddle  ".into();
        draft.domains[0].comment = " <img src=x onerror=alert(1)> ".into();
        let session = draft
            .to_session("s1", TODAY, "2026-11-26T10:00:00Z")
            .unwrap();
        assert_eq!(session.date, "2026-11-26");
        assert_eq!(session.label, "team huddle");
        assert_eq!(
            session.ratings,
            [Some(1), Some(2), Some(3), None, Some(5), Some(1)]
        );
        assert_eq!(
            session.comments[0], "<img src=x onerror=alert(1)>",
            "kept as typed, shown as text"
        );
    }

    #[test]
    fn pages_run_about_then_follow_up_if_any_then_the_domains_then_check() {
        for (follow_up, one_at_a_time) in
            [(false, false), (true, false), (false, true), (true, true)]
        {
            let mut draft = Draft::new(TODAY);
            draft.one_at_a_time = one_at_a_time;
            if follow_up {
                draft.follow_ups = vec![FollowUpDraft {
                    session: "s1".into(),
                    domain: 0,
                    outcome: None,
                    note: String::new(),
                    carry: false,
                }];
            }
            let mut page = Page::About;
            let mut seen = vec![page];
            while page != Page::Check {
                let next = page.next(&draft);
                assert_eq!(next.previous(&draft), Some(page), "back from {next:?}");
                page = next;
                seen.push(page);
            }
            assert_eq!(seen.contains(&Page::FollowUp), follow_up);
            assert_eq!(
                seen[..seen.len() - 1],
                draft.pages()[..],
                "pages() lists them in order"
            );
            if one_at_a_time {
                // Six domain pages, then the actions on their own page.
                assert_eq!(seen.len(), 9 + usize::from(follow_up));
                assert_eq!(seen[seen.len() - 2], Page::Actions);
            } else {
                // All six on one page, with their actions: about, (follow-up,) domains, check.
                assert_eq!(seen.len(), 3 + usize::from(follow_up));
                assert_eq!(seen[seen.len() - 2], Page::Domains);
            }
        }
    }

    #[test]
    fn the_page_of_all_six_finds_every_domains_problems_in_the_order_shown() {
        let mut draft = complete();
        draft.domains[1].rating = None;
        draft.domains[1].comment = "x".repeat(COMMENT_LIMIT + 1);
        draft.domains[4].rating = Some(Rating::Score(1));
        draft.actions[4].text = "y".repeat(super::super::model::ACTION_LIMIT + 1);
        draft.actions[4].by.day = "31".into();
        draft.actions[4].by.month = "2".into();
        draft.actions[4].by.year = "2027".into();
        let fields: Vec<Field> = draft
            .problems(Page::Domains, TODAY)
            .into_iter()
            .map(|(field, _)| field)
            .collect();
        assert_eq!(
            fields,
            [
                Field::Rating(1),
                Field::Comment(1),
                Field::Action(4),
                Field::ActionBy(4)
            ]
        );
        // Save sends the person back to that page, whose problems are all of these.
        assert_eq!(draft.first_incomplete_page(TODAY), Some(Page::Domains));
        draft.one_at_a_time = true;
        assert_eq!(draft.first_incomplete_page(TODAY), Some(Page::Domain(1)));
    }

    #[test]
    fn a_session_is_stored_in_well_under_two_kilobytes() {
        let mut draft = complete();
        draft.label = "Monthly clinical supervision".into();
        for answer in &mut draft.domains {
            answer.comment = "A typical comment of a sentence or two about this domain.".into();
        }
        let session = draft
            .to_session(
                "2026-11-26T10:00:00.000Z-1234",
                TODAY,
                "2026-11-26T10:00:00.000Z",
            )
            .unwrap();
        let bytes = crate::core::json::to_string(&session).len();
        assert!(bytes < 2048, "{bytes} bytes");
    }
}
