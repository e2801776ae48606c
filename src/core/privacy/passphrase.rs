//! What makes a passphrase worth the name, checked when one is set or changed (a lock set
//! before keeps working with the passphrase it was made with): at least [`MIN_CHARS`]
//! characters, and not a common password, nor one with only digits and symbols around it.
//! The list is `content/common-passwords.txt` (its header says where it comes from).
//! The browser puts the passphrase into Unicode NFC before it comes here, so "é" typed as one
//! character or as "e" and an accent is the same passphrase.

/// The fewest characters a new passphrase may have.
pub const MIN_CHARS: usize = 12;

const COMMON: &str = include_str!("../../../content/common-passwords.txt");

/// Why a passphrase will not do.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Weak {
    TooShort,
    Common,
}

/// The two parts of the list: entries refused as they are, and cores refused with only digits
/// and symbols around them.
fn lists() -> (&'static str, &'static str) {
    let body = COMMON.split_once("[long]\n").map_or("", |(_, rest)| rest);
    body.split_once("[core]\n").unwrap_or((body, ""))
}

/// What is wrong with `passphrase` as a new one, if anything.
pub fn weakness(passphrase: &str) -> Option<Weak> {
    if passphrase.chars().count() < MIN_CHARS {
        return Some(Weak::TooShort);
    }
    // ASCII case and letters: the list is ASCII, so Unicode's case tables (9 KB of the bundle,
    // compressed) would find nothing more to refuse. Any other character counts as a letter.
    let lower = passphrase.to_ascii_lowercase();
    let core = lower.trim_matches(|c: char| c.is_ascii() && !c.is_ascii_alphabetic());
    let (long, cores) = lists();
    let common = long.lines().any(|entry| entry == lower)
        || cores.lines().any(|entry| entry == core)
        || repeats(&lower);
    common.then_some(Weak::Common)
}

/// Whether `text` is one short piece over and over ("aaaaaaaaaaaa", "abcabcabcabc").
fn repeats(text: &str) -> bool {
    let chars: Vec<char> = text.chars().collect();
    (1..=chars.len() / 3).any(|unit| {
        chars.len().is_multiple_of(unit) && chars.chunks(unit).all(|chunk| chunk == &chars[..unit])
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_new_passphrase_is_long_and_not_a_common_password() {
        let cases = [
            ("short one", Some(Weak::TooShort)),
            ("elevenchars", Some(Weak::TooShort)),
            // Twelve characters, but counted as characters, not bytes.
            ("ŵŵŵ ŷŷŷ âêîô", None),
            ("qwerty123456", Some(Weak::Common)),
            ("QWERTY123456", Some(Weak::Common)),
            ("Password2026!", Some(Weak::Common)),
            ("!!iloveyou123456", Some(Weak::Common)),
            ("passwordpasswordpassword", Some(Weak::Common)),
            ("aaaaaaaaaaaa", Some(Weak::Common)),
            ("abcabcabcabc", Some(Weak::Common)),
            ("correct horse battery", None),
            ("Daniel's garden 2026", None),
            ("ward seven kettle", None),
            ("1234DRAGON!!!!", Some(Weak::Common)),
            // Welsh letters are letters: part of the word, not around it.
            ("ŵŵdragonŵŵŵŵ", None),
        ];
        for (passphrase, expected) in cases {
            assert_eq!(weakness(passphrase), expected, "{passphrase:?}");
        }
    }

    #[test]
    fn the_list_has_both_parts() {
        let (long, cores) = lists();
        assert!(long.lines().count() > 150 && cores.lines().count() == 1000);
        assert!(long.lines().chain(cores.lines()).all(|entry| {
            !entry.is_empty() && entry == entry.to_lowercase() && entry.is_ascii()
        }));
        assert!(long.lines().all(|entry| entry.chars().count() >= MIN_CHARS));
    }
}
