//! Text a person types into a record that has a limit: kept only up to the limit, so what is
//! stored always passes the checks an import makes.

/// `text` cut to at most `limit` characters (not bytes: Welsh letters such as ŵ are one).
pub fn cut_to_limit(text: String, limit: usize) -> String {
    match text.char_indices().nth(limit) {
        Some((end, _)) => text[..end].to_owned(),
        None => text,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cuts_by_characters_and_leaves_short_text_alone() {
        assert_eq!(cut_to_limit("ŵŷâ".into(), 2), "ŵŷ");
        assert_eq!(cut_to_limit("short".into(), 10), "short");
        assert_eq!(cut_to_limit("exact".into(), 5), "exact");
        assert_eq!(cut_to_limit(String::new(), 0), "");
    }
}
