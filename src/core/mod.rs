//! Pure logic with no web APIs, tested natively.

pub mod config;
pub mod feedback;
#[cfg(test)]
mod golden;
pub mod json;
pub mod lang;
pub mod messages;
pub mod privacy;
#[rustfmt::skip]
mod messages_tables;
pub mod quiz;
pub mod received;
pub mod shell;
pub mod sorted;
pub mod storage;
pub mod store;
pub mod transfer;
pub mod typed;

/// Collects into a set or map by inserting one item at a time. `collect()` into a BTreeSet or
/// BTreeMap sorts first, which puts a stable sort per item type in the bundle (4 to 6 KiB each).
pub fn gather<C: Default + Extend<T>, T>(items: impl IntoIterator<Item = T>) -> C {
    let mut collection = C::default();
    collection.extend(items);
    collection
}

/// For the tests that compile content files into Rust source (`messages_tables.rs`,
/// `feedback/domain_tables.rs`): writes `expected` to `file` (a path in the crate) and fails if
/// the committed copy was different, so an edited content file cannot ship without its tables.
#[cfg(test)]
fn assert_generated_file_is_current(file: &str, expected: &str, sources: &str) {
    let path = format!("{}/{file}", env!("CARGO_MANIFEST_DIR"));
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    if committed != expected {
        std::fs::write(&path, expected).unwrap_or_else(|e| panic!("writing {file}: {e}"));
        panic!("{file} was out of date with {sources}; it has been rewritten: check it, then commit it");
    }
}
