//! The few browser services the feedback part needs beyond storage: today's date, a file
//! download made in the page (a `blob:` link; nothing leaves the computer), the clipboard and
//! printing. Each fails quietly with a `false` or `Err` the caller turns into a message.

use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Blob, BlobPropertyBag, HtmlAnchorElement, HtmlInputElement, Url};

use crate::core::feedback::form::Date;

/// Today's date on this computer.
pub fn today() -> Date {
    let now = js_sys::Date::new_0();
    Date::new(now.get_full_year(), now.get_month() + 1, now.get_date()).unwrap_or(Date {
        year: 2026,
        month: 1,
        day: 1,
    })
}

/// A passphrase as typed, with its Unicode NFC form made by the browser's own
/// `String.prototype.normalize` (no tables in the bundle).
pub fn passphrase(typed: &str) -> crate::core::privacy::lock::Passphrase {
    let nfc = String::from(js_sys::JsString::from(typed).normalize("NFC"));
    crate::core::privacy::lock::Passphrase::new(typed.to_owned(), nfc)
}

/// The time of day on this computer at `ms` (milliseconds since 1970), as "10:42", or with
/// `seconds` as "10:42:30".
pub fn clock_time(ms: f64, seconds: bool) -> String {
    let date = js_sys::Date::new(&JsValue::from_f64(ms));
    let time = format!("{:02}:{:02}", date.get_hours(), date.get_minutes());
    if seconds {
        format!("{time}:{:02}", date.get_seconds())
    } else {
        time
    }
}

/// The local date (`YYYY-MM-DD`) and time ("07:40") of an ISO 8601 moment, if it is one.
pub fn local_date_time(iso: &str) -> Option<(String, String)> {
    let date = js_sys::Date::new(&JsValue::from_str(iso));
    let ms = date.get_time();
    if ms.is_nan() {
        return None;
    }
    let day = format!(
        "{:04}-{:02}-{:02}",
        date.get_full_year(),
        date.get_month() + 1,
        date.get_date()
    );
    Some((day, clock_time(ms, false)))
}

/// Offers `contents` as a file called `name`. Returns whether the browser accepted it.
pub fn download(name: &str, contents: &str, mime: &str) -> bool {
    (|| {
        let parts = js_sys::Array::of1(&contents.into());
        let options = BlobPropertyBag::new();
        options.set_type(mime);
        let blob = Blob::new_with_str_sequence_and_options(&parts, &options).ok()?;
        let url = Url::create_object_url_with_blob(&blob).ok()?;
        let document = web_sys::window()?.document()?;
        let link: HtmlAnchorElement = document.create_element("a").ok()?.dyn_into().ok()?;
        link.set_href(&url);
        link.set_download(name);
        link.click();
        let _ = Url::revoke_object_url(&url);
        Some(())
    })()
    .is_some()
}

/// Copies text to the clipboard; resolves to whether it worked. On a page that is not a secure
/// context (a plain `http://` intranet) `navigator.clipboard` is undefined: that is a `false`
/// (the caller shows the text to copy by hand), never a call on undefined.
pub async fn copy(text: &str) -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    let clipboard = js_sys::Reflect::get(&window.navigator(), &"clipboard".into())
        .ok()
        .filter(JsValue::is_object)
        .map(JsCast::unchecked_into::<web_sys::Clipboard>);
    let Some(clipboard) = clipboard else {
        return false;
    };
    let promise = clipboard.write_text(text);
    wasm_bindgen_futures::JsFuture::from(promise).await.is_ok()
}

/// A Print button's click: prints the record of the widget the button is in, alone; `part`
/// names a shorter print the stylesheet knows (`"summary"`), or is empty for the whole record.
pub fn print_alone_on_click(part: &'static str) -> yew::Callback<web_sys::MouseEvent> {
    yew::Callback::from(move |event: web_sys::MouseEvent| {
        if let Some(button) = event
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        {
            print_alone(&button, part);
        }
    })
}

/// The attribute a widget's element carries while it prints its own record.
pub const PRINTING_ATTRIBUTE: &str = "data-sw-printing";

/// Opens the browser's print dialogue (where "Save as PDF" lives) for the widget's record
/// alone: `from` is any element of the widget. Until the print is over (`afterprint`), its
/// element is marked (with `part` as the mark's value) and a stylesheet on the host document
/// hides the rest of the page.
pub fn print_alone(from: &web_sys::Element, part: &str) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let isolated = (|| {
        let host = from
            .get_root_node()
            .dyn_into::<web_sys::ShadowRoot>()
            .ok()?
            .host();
        let document = window.document()?;
        let sheet = web_sys::CssStyleSheet::new().ok()?;
        sheet.replace_sync(include_str!("print_alone.css")).ok()?;
        let key = JsValue::from_str("adoptedStyleSheets");
        let sheets: js_sys::Array = js_sys::Reflect::get(&document, &key)
            .ok()?
            .dyn_into()
            .ok()?;
        js_sys::Reflect::set(&document, &key, &sheets.concat(&js_sys::Array::of1(&sheet))).ok()?;
        host.set_attribute(PRINTING_ATTRIBUTE, part).ok()?;
        Some((host, document, sheet, key))
    })();
    if let Some((host, document, sheet, key)) = isolated {
        gloo::events::EventListener::once(&window, "afterprint", move |_| {
            let _ = host.remove_attribute(PRINTING_ATTRIBUTE);
            if let Some(sheets) = js_sys::Reflect::get(&document, &key)
                .ok()
                .and_then(|s| s.dyn_into::<js_sys::Array>().ok())
            {
                let sheet: &JsValue = sheet.as_ref();
                let kept = sheets.filter(&mut |s, _, _| &s != sheet);
                let _ = js_sys::Reflect::set(&document, &key, &kept);
            }
        })
        .forget();
    }
    let _ = window.print();
}

/// Why a chosen file could not be read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FileProblem {
    NoneChosen,
    TooBig,
    Unreadable,
}

/// The text of the file chosen in a file input, refused unread if it is over `max_bytes`.
pub async fn read_chosen_file(
    input: Option<HtmlInputElement>,
    max_bytes: usize,
) -> Result<String, FileProblem> {
    let file = input
        .and_then(|i| i.files())
        .and_then(|files| files.get(0))
        .ok_or(FileProblem::NoneChosen)?;
    if file.size() > max_bytes as f64 {
        return Err(FileProblem::TooBig);
    }
    let text = wasm_bindgen_futures::JsFuture::from(file.text())
        .await
        .map_err(|_| FileProblem::Unreadable)?;
    text.as_string().ok_or(FileProblem::Unreadable)
}
