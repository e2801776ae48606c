//! Taking a record away: CSV for one session or all, and a plain-text summary for the
//! clipboard. Both are text only, so markup in a comment stays as typed, never as markup.

use super::actions::{overdue, Status, Tracked};

use super::content::domain;
use super::form::Date;
use super::model::{
    Action, Outcome, Reflection, Role, Session, SessionType, DOMAIN_COUNT, THEME_COUNT,
};
use crate::core::lang::Lang;
use crate::core::messages::{fill, format_date, text, Key};

/// The catalogue key of a role.
pub fn role_key(role: Role) -> Key {
    match role {
        Role::Received => Key::FbRoleReceived,
        Role::Gave => Key::FbRoleGave,
    }
}

/// The catalogue key of how an action went.
pub fn outcome_key(outcome: Outcome) -> Key {
    match outcome {
        Outcome::Done => Key::FbOutcomeDone,
        Outcome::Partly => Key::FbOutcomePartly,
        Outcome::NotYet => Key::FbOutcomeNotYet,
        Outcome::NoLongerNeeded => Key::FbOutcomeNoLongerNeeded,
    }
}

/// How an earlier action went, in words, and whether it was carried forward: "Not yet. Carried
/// forward."
pub fn outcome_words(lang: Lang, outcome: Outcome, carried: bool) -> String {
    let words = text(lang, outcome_key(outcome));
    if carried {
        format!("{words}. {}.", text(lang, Key::FbCarriedForward))
    } else {
        words.to_owned()
    }
}

/// When an open action is to be done by, in words: overdue is said, not only shown in colour.
pub fn due_words(lang: Lang, action: &Action, today: Date) -> Option<String> {
    let by = action.by.as_deref()?;
    let key = if overdue(action, today) {
        Key::FbOverdue
    } else {
        Key::FbDueBy
    };
    Some(fill(text(lang, key), &[("date", &format_date(lang, by))]))
}

/// The catalogue key of a type of supervision.
pub fn type_key(kind: SessionType) -> Key {
    match kind {
        SessionType::Professional => Key::FbTypeProfessional,
        SessionType::Managerial => Key::FbTypeManagerial,
        SessionType::Restorative => Key::FbTypeRestorative,
        SessionType::Clinical => Key::FbTypeClinical,
        SessionType::Coaching => Key::FbTypeCoaching,
        SessionType::Mentoring => Key::FbTypeMentoring,
        SessionType::Preceptorship => Key::FbTypePreceptorship,
        SessionType::Other => Key::FbTypeOther,
    }
}

/// What the hub page says a type of supervision is, as a hint under it; the page defines only
/// coaching, mentoring and preceptorship, so the others have none.
pub fn type_hint_key(kind: SessionType) -> Option<Key> {
    match kind {
        SessionType::Coaching => Some(Key::FbTypeCoachingHint),
        SessionType::Mentoring => Some(Key::FbTypeMentoringHint),
        SessionType::Preceptorship => Some(Key::FbTypePreceptorshipHint),
        _ => None,
    }
}

/// The catalogue key of a scale point, 1 to 5.
pub fn scale_key(rating: u8) -> Key {
    match rating {
        1 => Key::FbScale1,
        2 => Key::FbScale2,
        3 => Key::FbScale3,
        4 => Key::FbScale4,
        _ => Key::FbScale5,
    }
}

/// The catalogue keys of the NMC Code's four themes, in the order of `Reflection::themes`.
pub const THEME_KEYS: [Key; THEME_COUNT] = [
    Key::FbThemePeople,
    Key::FbThemePractise,
    Key::FbThemeSafety,
    Key::FbThemeTrust,
];

/// The themes chosen in an account, in words, separated by semicolons.
pub fn theme_words(lang: Lang, reflection: &Reflection) -> String {
    THEME_KEYS
        .iter()
        .zip(reflection.themes)
        .filter(|(_, on)| *on)
        .map(|(key, _)| text(lang, *key))
        .collect::<Vec<_>>()
        .join("; ")
}

/// A rating in words: "4 Mostly", or "Not applicable".
pub fn rating_words(lang: Lang, rating: Option<u8>) -> &'static str {
    text(lang, rating.map_or(Key::FbNotApplicable, scale_key))
}

/// One CSV cell: quoted when it holds a comma, quote or line break, and with a leading `'` when
/// it starts like a spreadsheet formula (`=`, `+`, `-`, `@`, tab or carriage return), so opening
/// the file never runs anything.
pub fn csv_cell(value: &str) -> String {
    let neutral = if value.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{value}")
    } else {
        value.to_owned()
    };
    if neutral.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", neutral.replace('"', "\"\""))
    } else {
        neutral
    }
}

fn csv_row(cells: impl IntoIterator<Item = String>) -> String {
    cells
        .into_iter()
        .map(|c| csv_cell(&c))
        .collect::<Vec<_>>()
        .join(",")
}

/// Sessions as CSV with a header row, in `lang`; UTF-8 with a byte-order mark (so spreadsheet
/// programs read Welsh letters right) and CRLF line ends.
pub fn csv(lang: Lang, sessions: &[&Session]) -> String {
    let mut header = vec![
        text(lang, Key::FbCsvDate).to_owned(),
        text(lang, Key::FbCsvRole).to_owned(),
        text(lang, Key::FbCsvType).to_owned(),
        text(lang, Key::FbCsvLabel).to_owned(),
    ];
    for i in 0..DOMAIN_COUNT {
        let name = domain(lang, i).name;
        header.push(fill(text(lang, Key::FbCsvRating), &[("domain", name)]));
        header.push(fill(text(lang, Key::FbCsvComment), &[("domain", name)]));
    }
    for i in 0..DOMAIN_COUNT {
        let name = domain(lang, i).name;
        header.push(fill(text(lang, Key::FbCsvAction), &[("domain", name)]));
        header.push(fill(text(lang, Key::FbCsvActionBy), &[("domain", name)]));
    }
    for key in [
        Key::FbCsvLearned,
        Key::FbCsvChanged,
        Key::FbCsvThemes,
        Key::FbCsvOther,
    ] {
        header.push(text(lang, key).to_owned());
    }
    let mut lines = vec![csv_row(header)];
    for session in sessions {
        let mut row = vec![
            session.date.clone(),
            text(lang, role_key(session.role)).to_owned(),
            text(lang, type_key(session.kind)).to_owned(),
            session.label.clone(),
        ];
        for i in 0..DOMAIN_COUNT {
            row.push(session.ratings[i].map_or_else(
                || text(lang, Key::FbNotApplicable).to_owned(),
                |r| r.to_string(),
            ));
            row.push(session.comments[i].clone());
        }
        for i in 0..DOMAIN_COUNT {
            let action = session.action(i);
            row.push(action.map(|a| a.text.clone()).unwrap_or_default());
            row.push(action.and_then(|a| a.by.clone()).unwrap_or_default());
        }
        let account = &session.reflection;
        row.extend([
            account.learned.clone(),
            account.changed.clone(),
            theme_words(lang, account),
            account.other.clone(),
        ]);
        lines.push(csv_row(row));
    }
    format!("\u{feff}{}\r\n", lines.join("\r\n"))
}

/// Where an action stands, in words (overdue is said, not only shown).
pub fn status_words(lang: Lang, tracked: &Tracked, today: Date) -> String {
    let outcome = tracked.outcome.map(|(follow_up, _)| follow_up.outcome);
    match tracked.status {
        Status::Open => {
            let status = text(
                lang,
                if overdue(tracked.action, today) {
                    Key::FbStatusOverdue
                } else {
                    Key::FbStatusOpen
                },
            );
            match outcome {
                // Partly or Not yet last time, and not carried forward.
                Some(outcome) => fill(
                    text(lang, Key::FbStatusLastTime),
                    &[
                        ("status", status),
                        ("outcome", text(lang, outcome_key(outcome))),
                    ],
                ),
                None => status.to_owned(),
            }
        }
        Status::Done => match tracked.outcome {
            Some((_, when)) => fill(
                text(lang, Key::FbStatusDoneOn),
                &[("date", &format_date(lang, &when.date))],
            ),
            None => text(lang, Key::FbOutcomeDone).to_owned(),
        },
        Status::NoLongerNeeded => text(lang, Key::FbOutcomeNoLongerNeeded).to_owned(),
        Status::CarriedForward => text(lang, Key::FbCarriedForward).to_owned(),
    }
}

/// Actions as CSV, as "Your actions" lists them (same format as the sessions' CSV).
pub fn actions_csv(lang: Lang, actions: &[&Tracked], today: Date) -> String {
    let header = [
        Key::FbColAction,
        Key::FbColDomain,
        Key::FbColPlanned,
        Key::FbColDueBy,
        Key::FbColStatus,
        Key::FbColNote,
    ]
    .map(|key| text(lang, key).to_owned());
    let mut lines = vec![csv_row(header)];
    for t in actions {
        lines.push(csv_row([
            t.action.text.clone(),
            domain(lang, t.action.domain.min(DOMAIN_COUNT - 1))
                .name
                .to_owned(),
            t.session.date.clone(),
            t.action.by.clone().unwrap_or_default(),
            status_words(lang, t, today),
            t.outcome
                .map(|(follow_up, _)| follow_up.note.clone())
                .unwrap_or_default(),
        ]));
    }
    format!("\u{feff}{}\r\n", lines.join("\r\n"))
}

/// A plain-text summary of a session, for an e-mail to a supervisor.
pub fn summary(lang: Lang, session: &Session) -> String {
    let mut lines = vec![
        fill(
            text(lang, Key::FbSummaryTitle),
            &[("date", &format_date(lang, &session.date))],
        ),
        format!(
            "{}: {}",
            text(lang, Key::FbCsvRole),
            text(lang, role_key(session.role))
        ),
        format!(
            "{}: {}",
            text(lang, Key::FbCsvType),
            text(lang, type_key(session.kind))
        ),
    ];
    if !session.label.is_empty() {
        lines.push(format!(
            "{}: {}",
            text(lang, Key::FbCsvLabel),
            session.label
        ));
    }
    for i in 0..DOMAIN_COUNT {
        lines.push(String::new());
        lines.push(format!(
            "{}: {}",
            domain(lang, i).name.to_owned(),
            rating_words(lang, session.ratings[i])
        ));
        if !session.comments[i].is_empty() {
            lines.push(format!(
                "{}: {}",
                text(lang, Key::FbSummaryComment),
                session.comments[i]
            ));
        }
        if let Some(action) = session.action(i) {
            lines.push(format!(
                "{}: {}",
                text(lang, Key::FbSummaryAction),
                action.text
            ));
            if let Some(by) = &action.by {
                lines.push(format!(
                    "{}: {}",
                    text(lang, Key::FbSummaryActionBy),
                    format_date(lang, by)
                ));
            }
        }
    }
    lines.push(String::new());
    lines.push(text(lang, Key::FbNotAMeasure).to_owned());
    lines.join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_open_action_says_when_it_is_due_and_says_overdue_in_words() {
        let today = Date::new(2026, 11, 26).unwrap();
        let action = |by: Option<&str>| Action {
            domain: 0,
            text: "x".into(),
            by: by.map(str::to_owned),
        };
        assert_eq!(
            due_words(Lang::English, &action(Some("2026-11-26")), today).as_deref(),
            Some("To do by 26 November 2026.")
        );
        assert_eq!(
            due_words(Lang::English, &action(Some("2026-11-25")), today).as_deref(),
            Some("Overdue: it was to be done by 25 November 2026.")
        );
        assert_eq!(
            due_words(Lang::Welsh, &action(Some("2026-11-25")), today).as_deref(),
            Some("Yn hwyr: roedd i'w wneud erbyn 25 Tachwedd 2026.")
        );
        assert_eq!(due_words(Lang::English, &action(None), today), None);
        assert_eq!(
            outcome_words(Lang::English, Outcome::NotYet, true),
            "Not yet. Carried forward."
        );
        assert_eq!(
            outcome_words(Lang::Welsh, Outcome::Done, false),
            "Wedi'i wneud"
        );
    }

    fn session() -> Session {
        Session {
            id: "s1".into(),
            role: Role::Received,
            kind: SessionType::Clinical,
            date: "2026-11-20".into(),
            label: "Ward round, \"busy\" day".into(),
            ratings: [Some(4), None, Some(5), Some(3), Some(2), Some(1)],
            comments: [
                "=HYPERLINK(\"http://evil\")".into(),
                "line one\nline two".into(),
                "<img src=x onerror=alert(1)>".into(),
                "+44 7700 900000".into(),
                "-minus".into(),
                "@mention, with a comma".into(),
            ],
            saved_at: "2026-11-20T10:00:00Z".into(),
            reflection: Default::default(),
            actions: Vec::new(),
            follow_ups: Vec::new(),
            sent_at: None,
        }
    }

    #[test]
    fn csv_cells_are_escaped_and_formulas_neutralised() {
        let cases = [
            ("plain", "plain"),
            ("a,b", "\"a,b\""),
            ("say \"hi\"", "\"say \"\"hi\"\"\""),
            ("two\nlines", "\"two\nlines\""),
            ("=1+1", "'=1+1"),
            ("+1", "'+1"),
            ("-1", "'-1"),
            ("@SUM(A1)", "'@SUM(A1)"),
            ("\tTab", "'\tTab"),
            ("=A1,B1", "\"'=A1,B1\""),
            ("<b>bold</b>", "<b>bold</b>"),
            ("", ""),
        ];
        for (raw, expected) in cases {
            assert_eq!(csv_cell(raw), expected, "{raw:?}");
        }
    }

    #[test]
    fn csv_has_a_header_and_a_row_per_session() {
        let s = session();
        let out = csv(Lang::English, &[&s, &s]);
        assert!(out.starts_with('\u{feff}'));
        let rows: Vec<&str> = out
            .trim_start_matches('\u{feff}')
            .split("\r\n")
            .filter(|l| !l.is_empty())
            .collect();
        assert_eq!(rows.len(), 3, "{rows:?}");
        assert!(rows[0].starts_with(
            "Date,Role,Type of supervision,Label,Safe: rating,Safe: comment,Timely: rating"
        ));
        assert!(rows[1].starts_with(
            "2026-11-20,I received supervision,Clinical,\"Ward round, \"\"busy\"\" day\",4,"
        ));
        assert!(rows[1].contains(",\"'=HYPERLINK(\"\"http://evil\"\")\","));
        assert!(
            rows[1].contains(",Not applicable,\"line one\nline two\","),
            "{}",
            rows[1]
        );
        assert!(rows[1].contains(",<img src=x onerror=alert(1)>,"));
        assert!(rows[1].contains(",'+44 7700 900000,"));
        // The last comment, then the (empty) actions' twelve columns and the (empty)
        // reflective account's four.
        assert!(
            rows[1].ends_with(&format!(",\"'@mention, with a comma\"{}", ",".repeat(16))),
            "{}",
            rows[1]
        );
        assert!(rows[0].ends_with(
            ",What I learned,How I changed my practice,NMC Code themes,Other standards"
        ));
    }

    #[test]
    fn csv_carries_the_reflective_account() {
        let mut session = session();
        session.reflection = Reflection {
            learned: "=To ask early".into(),
            changed: "A list, each time".into(),
            themes: [true, false, true, false],
            other: "HCPC 4".into(),
        };
        let out = csv(Lang::English, &[&session]);
        assert!(
            out.contains(",'=To ask early,\"A list, each time\",Prioritise people; Preserve safety,HCPC 4\r\n"),
            "{out}"
        );
    }

    #[test]
    fn csv_and_summary_carry_each_action_under_its_domain() {
        let mut session = session();
        session.actions = vec![
            Action {
                domain: 1,
                text: "=I will ask, early".into(),
                by: Some("2026-12-01".into()),
            },
            Action {
                domain: 5,
                text: "I will read the policy".into(),
                by: None,
            },
        ];
        let out = csv(Lang::English, &[&session]);
        assert!(out.contains(",Safe: action,Safe: to do by,Timely: action,Timely: to do by,"));
        assert!(
            out.contains(",,,\"'=I will ask, early\",2026-12-01,,,,,,,I will read the policy,,"),
            "{out}"
        );
        let text = summary(Lang::English, &session);
        assert!(
            text.contains(
                "line two\nAction: =I will ask, early\nTo do by: 1 December 2026\n\nEffective"
            ),
            "{text}"
        );
        assert!(
            text.contains("Action: I will read the policy\n\n"),
            "{text}"
        );
        let welsh = summary(Lang::Welsh, &session);
        assert!(welsh.contains("Cam gweithredu: I will read the policy"));
    }

    #[test]
    fn every_action_has_a_row_saying_where_it_stands() {
        use crate::core::feedback::actions::tracked;
        use crate::core::feedback::history::tests::session as at;
        use crate::core::feedback::model::FollowUp;
        let today = Date::new(2026, 11, 26).unwrap();
        let mut first = at("a", "2026-09-01", Role::Received, SessionType::Clinical);
        first.actions = [
            (0, "=Ask, early", Some("2026-10-01")),
            (1, "Read", None),
            (2, "Book", None),
        ]
        .map(|(domain, text, by): (usize, &str, Option<&str>)| Action {
            domain,
            text: text.into(),
            by: by.map(str::to_owned),
        })
        .to_vec();
        let mut second = at("b", "2026-10-01", Role::Received, SessionType::Clinical);
        second.follow_ups = [(1, Outcome::Done, "Read it"), (2, Outcome::Partly, "")]
            .map(|(domain, outcome, note)| FollowUp {
                session: "a".into(),
                domain,
                outcome,
                note: note.into(),
                carried: false,
            })
            .to_vec();
        let sessions = [first, second];
        let all = tracked(&sessions);
        let words: Vec<String> = all
            .iter()
            .map(|t| status_words(Lang::English, t, today))
            .collect();
        assert_eq!(
            words,
            [
                "Open: overdue",
                "Done (followed up on 1 October 2026)",
                "Open. Last followed up: Partly"
            ]
        );
        let out = actions_csv(Lang::English, &all.iter().collect::<Vec<_>>(), today);
        let rows: Vec<&str> = out.trim_start_matches('\u{feff}').split("\r\n").collect();
        assert_eq!(
            rows[0],
            "Action,Domain,Planned on,To do by,Where it stands,Note"
        );
        assert_eq!(
            rows[1],
            "\"'=Ask, early\",Safe,2026-09-01,2026-10-01,Open: overdue,"
        );
        assert_eq!(
            rows[2],
            "Read,Timely,2026-09-01,,Done (followed up on 1 October 2026),Read it"
        );
        assert!(actions_csv(Lang::Welsh, &[], today).contains("Cam gweithredu,Parth"));
    }

    #[test]
    fn csv_follows_the_language() {
        let out = csv(Lang::Welsh, &[&session()]);
        assert!(out.contains("Dyddiad,Rôl,Math o oruchwyliaeth"));
        assert!(out.contains("Diogel: sgôr") && out.contains("Amherthnasol"));
    }

    #[test]
    fn the_summary_is_plain_text_with_every_domain_and_comment() {
        let text = summary(Lang::English, &session());
        assert!(text.starts_with("Supervision session, 20 November 2026\nRole: I received supervision\nType of supervision: Clinical"));
        assert!(text.contains("Safe: 4 Mostly\nComment: =HYPERLINK"));
        assert!(text.contains("Timely: Not applicable"));
        assert!(
            text.contains("Comment: <img src=x onerror=alert(1)>"),
            "markup is kept as typed text"
        );
        assert!(text.ends_with(
            "not a validated measure: use it to start a conversation, not to score anyone."
        ));
        assert!(summary(Lang::Welsh, &session()).contains("Diogel: 4 Gan mwyaf"));
    }
}
