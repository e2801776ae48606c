//! Any bytes offered as an import file, or as a host page's question set, must be accepted or
//! refused with a reason: never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use supervision_widget::core::quiz::content::QuizContent;
use supervision_widget::core::transfer::read;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let _ = read(text);
    let _ = QuizContent::from_host(&[text.to_owned()]);
});
