//! The Supervision Hub widget: a self-check quiz and six-domain supervision feedback that a web
//! editor embeds in any page with one script tag and one `<supervision-widget>` element.
//!
//! - [`core`] is pure Rust (no web APIs): configuration, messages, storage envelopes and the shell's
//!   state. Its tests run natively with `cargo test`.
//! - `ui` holds the Yew components and `embed` the custom element's Rust side and the
//!   localStorage adapter; both exist only when compiled to wasm32.
//!
//! Everything stays in the browser: nothing here makes a network request.

// nanoserde's derived readers match on `Option`s where clippy would write `?`: generated code,
// not ours to restyle.
#![allow(clippy::question_mark)]

pub mod core;

#[cfg(target_arch = "wasm32")]
pub mod embed;
#[cfg(target_arch = "wasm32")]
pub mod ui;

/// The allocator: Talc's, for wasm, in place of the standard library's dlmalloc (issue 26).
#[cfg(all(target_arch = "wasm32", not(target_feature = "atomics")))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();
