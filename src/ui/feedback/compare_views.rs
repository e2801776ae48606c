//! Comparing two views of one session: the person shares this session as a file, or reads the
//! other person's shared file (only read, never saved) to see both radars side by side, each
//! domain's two ratings and comments, with the caution that they are not strictly comparable.

use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::ui::scroll_table::ScrollTable;

use crate::ui::heading::Heading;

use super::radar_chart::RadarChart;
use crate::core::feedback::export::rating_words;
use crate::core::feedback::form::{Session, DOMAIN_COUNT};
use crate::core::lang::Lang;
use crate::core::messages::{fill, format_date, text, Key};
use crate::core::transfer::{self, ImportError, ImportFailure, MAX_BYTES};
use crate::ui::browser::{self, FileProblem};
use crate::ui::data_transfer::failure_words;
use crate::ui::state::now_iso;

#[derive(Properties, PartialEq)]
pub struct CompareViewsProps {
    pub lang: Lang,
    pub session: Session,
    pub names: Vec<String>,
}

/// What the comparison shows.
#[derive(Clone, PartialEq)]
enum Comparison {
    Other(Box<Session>),
    Problem(String),
}

#[function_component]
pub fn CompareViews(props: &CompareViewsProps) -> Html {
    let lang = props.lang;
    let session = &props.session;
    let comparison = use_state(|| None::<Comparison>);
    let file_ref = use_node_ref();

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
        let (comparison, file_ref, session) =
            (comparison.clone(), file_ref.clone(), session.clone());
        Callback::from(move |_: MouseEvent| {
            let (comparison, session) = (comparison.clone(), session.clone());
            let input = file_ref.cast::<HtmlInputElement>();
            wasm_bindgen_futures::spawn_local(async move {
                let result = match browser::read_chosen_file(input, MAX_BYTES).await {
                    Err(FileProblem::NoneChosen) => {
                        Comparison::Problem(text(lang, Key::DataNoFile).to_owned())
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
                            None => Comparison::Problem(fill(
                                text(lang, Key::FbCompareNone),
                                &[("date", &format_date(lang, &session.date))],
                            )),
                        },
                    },
                };
                comparison.set(Some(result));
            });
        })
    };

    let side_by_side = match &*comparison {
        Some(Comparison::Other(other)) => {
            let rows = (0..DOMAIN_COUNT).map(|i| html! {
                <tr>
                    <th scope="row">{ &props.names[i] }</th>
                    <td>
                        { rating_words(lang, session.ratings[i]) }
                        if !session.comments[i].is_empty() { <p class="sw-comment">{ &session.comments[i] }</p> }
                    </td>
                    <td>
                        { rating_words(lang, other.ratings[i]) }
                        if !other.comments[i].is_empty() { <p class="sw-comment">{ &other.comments[i] }</p> }
                    </td>
                </tr>
            });
            html! {
                <div class="sw-compare__result">
                    <p class="sw-inset">{ text(lang, Key::FbCompareCaution) }</p>
                    <div class="sw-compare__charts">
                        <RadarChart id="sw-compare-mine" {lang} caption={Some(text(lang, Key::FbCompareMine).to_owned())}
                            names={props.names.clone()} session={session.clone()} previous={None::<Session>} />
                        <RadarChart id="sw-compare-theirs" {lang} caption={Some(text(lang, Key::FbCompareTheirs).to_owned())}
                            names={props.names.clone()} session={(**other).clone()} previous={None::<Session>} />
                    </div>
                    <ScrollTable caption={text(lang, Key::FbCompareTable)}>
                        <thead>
                            <tr>
                                <th scope="col">{ text(lang, Key::FbColDomain) }</th>
                                <th scope="col">{ text(lang, Key::FbCompareMine) }</th>
                                <th scope="col">{ text(lang, Key::FbCompareTheirs) }</th>
                            </tr>
                        </thead>
                        <tbody>{ for rows }</tbody>
                    </ScrollTable>
                </div>
            }
        }
        Some(Comparison::Problem(words)) => html! { <p class="sw-error-message">{ words }</p> },
        None => html! {},
    };
    html! {
        <div class="sw-compare">
            <Heading depth={3}>{ text(lang, Key::FbCompareHeading) }</Heading>
            <p>{ text(lang, Key::FbCompareIntro) }</p>
            <div class="sw-button-group sw-no-print">
                <button type="button" class="sw-button sw-button--secondary" onclick={on_share}>{ text(lang, Key::FbCompareShare) }</button>
            </div>
            <div class="sw-form-group sw-no-print">
                <label class="sw-label" for="sw-compare-file">{ text(lang, Key::FbCompareFile) }</label>
                <input class="sw-file-upload" type="file" id="sw-compare-file" accept=".json,application/json" ref={file_ref} />
            </div>
            <div class="sw-button-group sw-no-print">
                <button type="button" class="sw-button sw-button--secondary" onclick={on_compare}>{ text(lang, Key::FbCompareButton) }</button>
            </div>
            <div role="status">{ side_by_side }</div>
        </div>
    }
}
