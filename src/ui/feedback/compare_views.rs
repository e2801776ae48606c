//! Comparing two views of one session: the person shares this session as a file, or reads the
//! other person's shared file (only read, never saved) to see both radars side by side, each
//! domain's two ratings and comments, with the caution that they are not strictly comparable.

use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::core::config::HeadingLevel;
use crate::ui::button::{secondary_button, send};
use crate::ui::paragraph::paragraph;

use crate::ui::scroll_table::{scroll_table, ScrollTableProps};

use crate::ui::heading::Heading;

use super::radar_chart::{radar_chart, RadarChartProps};
use super::FeedbackRefs;
use crate::core::feedback::export::rating_words;
use crate::core::feedback::flow::{Comparison, FbAction, SessionScreen};
use crate::core::feedback::model::{Role, Session, DOMAIN_COUNT};
use crate::core::lang::Lang;
use crate::core::messages::{counted, fill, format_date, text, Key};
use crate::core::transfer::{self, ImportError, ImportFailure, MAX_BYTES};
use crate::ui::browser::{self, FileProblem};
use crate::ui::class_list;
use crate::ui::file_upload::{file_upload, FileUploadProps};
use crate::ui::privacy::data_transfer::failure_words;
use crate::ui::state::now_iso;

pub struct CompareViewsProps<'a> {
    pub lang: Lang,
    pub level: HeadingLevel,
    pub session: &'a Session,
    pub names: &'a [String],
    /// The file chosen and what comparing found.
    pub shown: &'a SessionScreen,
    /// The comparison's heading and the file input, which focus moves to.
    pub refs: &'a FeedbackRefs,
    pub act: &'a Callback<FbAction>,
}

const FILE_ID: &str = "sw-compare-file";
const ERROR_ID: &str = "sw-compare-file-error";

pub fn compare_views(props: CompareViewsProps) -> Html {
    let level = props.level;
    let lang = props.lang;
    let session = props.session;
    let comparison = &props.shown.comparison;

    let on_share = {
        let session = session.clone();
        Callback::from(move |_: MouseEvent| {
            let contents = transfer::export_one(&session, &now_iso());
            browser::download(
                &format!("supervision-feedback-{}-to-share.json", session.date),
                &contents,
                "application/json",
            );
        })
    };
    let on_compare = {
        let (act, file, session) = (
            props.act.clone(),
            props.refs.compare_file.clone(),
            session.clone(),
        );
        Callback::from(move |_: MouseEvent| {
            let (act, session) = (act.clone(), session.clone());
            let input = file.cast::<HtmlInputElement>();
            wasm_bindgen_futures::spawn_local(async move {
                let result = match browser::read_chosen_file(input, MAX_BYTES).await {
                    Err(FileProblem::NoneChosen) => {
                        Comparison::Problem(text(lang, Key::FbCompareNoFile).to_owned())
                    }
                    Err(FileProblem::TooBig) => Comparison::Problem(failure_words(
                        lang,
                        &ImportFailure::File(ImportError::TooBig),
                    )),
                    Err(FileProblem::Unreadable) => {
                        Comparison::Problem(text(lang, Key::DataErrorRead).to_owned())
                    }
                    Ok(contents) => match transfer::read(&contents) {
                        Err(error) => {
                            Comparison::Problem(failure_words(lang, &ImportFailure::File(error)))
                        }
                        Ok(file) => match transfer::other_views(&file, &session).first() {
                            Some(other) => Comparison::Other(Box::new((*other).clone())),
                            None => match transfer::nearest_other_views(&file, &session) {
                                elsewhere if !elsewhere.is_empty() => {
                                    Comparison::Elsewhere(elsewhere.into_iter().cloned().collect())
                                }
                                _ => Comparison::Problem(fill(
                                    text(lang, Key::FbCompareNone),
                                    &[("date", &format_date(lang, &session.date))],
                                )),
                            },
                        },
                    },
                };
                act.emit(FbAction::Compared(result));
            });
        })
    };

    // The other view named by whose it is: a supervisee's feedback is compared with their
    // supervisor's, and the other way round.
    let theirs = text(
        lang,
        match session.role {
            Role::Received => Key::FbCompareSupervisor,
            Role::Gave => Key::FbCompareTheirs,
        },
    );
    let side_by_side = match comparison {
        Some(Comparison::Other(other)) => {
            // One person's view of a domain: the rating, the comment and the action planned.
            let view = |view: &Session, i: usize| {
                let action = view.action(i);
                html! {
                    <td>
                        { rating_words(lang, view.ratings[i]) }
                        if !view.comments[i].is_empty() { <p class="sw-comment">{ &view.comments[i] }</p> }
                        if let Some(action) = action {
                            <p class="sw-comment">{ text(lang, Key::FbSummaryAction) }{ ": " }{ &action.text }</p>
                        }
                    </td>
                }
            };
            let rows = (0..DOMAIN_COUNT).map(|i| {
                let differ = session.ratings[i] != other.ratings[i];
                html! {
                    <tr>
                        <th scope="row">
                            { &props.names[i] }
                            if differ { <br /><strong class="sw-tag sw-tag--blue">{ text(lang, Key::FbCompareRatedDifferently) }</strong> }
                        </th>
                        { view(session, i) }
                        { view(other, i) }
                    </tr>
                }
            });
            html! {
                <div class="sw-compare__result">
                    { Heading::new(level, 4).focus(&props.refs.compare_result).show(html! {
                        { fill(text(lang, Key::FbCompareResultHeading), &[("date", &format_date(lang, &session.date))]) }
                    }) }
                    if other.date != session.date {
                        <p><strong>{ fill(text(lang, Key::FbCompareDatesDiffer), &[
                            ("theirs", &format_date(lang, &other.date)), ("mine", &format_date(lang, &session.date))]) }</strong></p>
                    }
                    <p class="sw-inset">{ text(lang, Key::FbCompareCaution) }</p>
                    <div class="sw-compare__charts">
                        { radar_chart(&RadarChartProps {
                            id: "sw-compare-mine".into(),
                            lang,
                            caption: Some(text(lang, Key::FbCompareMine).to_owned()),
                            names: props.names.to_vec(),
                            session: session.clone(),
                            previous: None::<Session>,
                        }) }
                        { radar_chart(&RadarChartProps {
                            id: "sw-compare-theirs".into(),
                            lang,
                            caption: Some(theirs.to_owned()),
                            names: props.names.to_vec(),
                            session: (**other).clone(),
                            previous: None::<Session>,
                        }) }
                    </div>
                    { scroll_table(ScrollTableProps {
                        caption: text(lang, Key::FbCompareTable),
                        region_ref: NodeRef::default(),
                        columns: vec![text(lang, Key::FbColDomain).into(), text(lang, Key::FbCompareMine).into(), theirs.into()],
                        rows: rows.collect(),
                    }) }
                </div>
            }
        }
        Some(Comparison::Elsewhere(views)) => {
            let offers = views.iter().map(|view| {
                let date = format_date(lang, &view.date);
                secondary_button(
                    &fill(text(lang, Key::FbCompareAnyway), &[("date", &date)]),
                    send(
                        props.act,
                        FbAction::Compared(Comparison::Other(Box::new(view.clone()))),
                    ),
                )
            });
            html! {
                <div class="sw-compare__result sw-no-print">
                    { Heading::new(level, 4).focus(&props.refs.compare_result).show(html! {
                        { fill(text(lang, Key::FbCompareElsewhereHeading), &[("date", &format_date(lang, &session.date))]) }
                    }) }
                    { paragraph(text(lang, Key::FbCompareElsewhereBody)) }
                    <div class="sw-button-group">{ for offers }</div>
                </div>
            }
        }
        _ => html! {},
    };
    let problem = match comparison {
        Some(Comparison::Problem(words)) => Some(words.clone()),
        _ => None,
    };
    // A short summary, said politely once the result is there (focus is on its heading).
    let summary = match comparison {
        Some(Comparison::Other(other)) => counted(
            lang,
            Key::FbCompareDiffer,
            (0..DOMAIN_COUNT)
                .filter(|&i| session.ratings[i] != other.ratings[i])
                .count() as u64,
        ),
        _ => String::new(),
    };
    html! {
        <div class="sw-compare">
            { Heading::new(level, 3).show(html! { { text(lang, Key::FbCompareHeading) } }) }
            // The form is for the screen: only a result prints.
            <div class="sw-compare__form">
                { paragraph(text(lang, Key::FbCompareIntro)) }
                <div class="sw-button-group sw-no-print">
                    { secondary_button(text(lang, Key::FbCompareShare), on_share) }
                </div>
                <div ~className={class_list(&[Some("sw-form-group sw-no-print"), problem.as_ref().map(|_| "sw-form-group--error")])}>
                    <label class="sw-label" for={FILE_ID}>{ text(lang, Key::FbCompareFile) }</label>
                    if let Some(words) = &problem {
                        <p class="sw-error-message" id={ERROR_ID}>
                            <span class="sw-visually-hidden">{ text(lang, Key::ErrorPrefix) }{ " " }</span>{ words }
                        </p>
                    }
                    { file_upload(FileUploadProps {
                        lang,
                        id: FILE_ID,
                        input_ref: props.refs.compare_file.clone(),
                        describedby: problem.as_ref().map(|_| ERROR_ID),
                        chosen: props.shown.compare_file.as_deref(),
                        on_chosen: props.act.reform(FbAction::CompareFileChosen),
                    }) }
                </div>
                <div class="sw-button-group sw-no-print">
                    { secondary_button(text(lang, Key::FbCompareButton), on_compare) }
                </div>
            </div>
            <p class="sw-visually-hidden" role="status">{ summary }</p>
            { side_by_side }
        </div>
    }
}
