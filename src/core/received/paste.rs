//! Feedback as text to paste into a Teams chat or an e-mail: a plain line saying what it is,
//! then `SWFB1` and the feedback's JSON framed with its length and a CRC-32, in base32 (only
//! A–Z and 2–7: nothing a chat client turns into a smart quote, a dash, a list, an emoji or
//! italics). Reading it back ignores whatever the trip added: line breaks and spaces inside it,
//! zero-width characters, e-mail quote marks (`>`), and the greeting and signature around it.
//! A cut or damaged text is refused, never half read.

/// What comes before the feedback: the format's name, then its version.
const MARKER: &str = "SWFB";
pub const VERSION: u32 = 1;
/// The most a decoded text may hold (a maximal piece is about 13 KB).
pub const MAX_BYTES: usize = 64 * 1024;
/// Characters in a line of the code, so that it wraps the same everywhere.
const LINE: usize = 64;
const ALPHABET: &[u8; 32] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

/// Why a pasted text cannot be read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PasteError {
    /// No feedback in it at all (a message without the code, or something else).
    NotFound,
    /// Made by a newer version of the tool.
    NewerVersion,
    /// It stops before the end: part of it was not copied.
    Cut,
    /// It is all there, but changed on the way.
    Damaged,
    /// Longer than any feedback.
    TooBig,
}

/// The text to paste: `intro` (a line in the sender's language saying what it is and how to
/// open it), then the framed `json` in lines of 64 characters.
pub fn encode(intro: &str, json: &str) -> String {
    let mut frame = Vec::with_capacity(json.len() + 8);
    frame.extend_from_slice(&(json.len() as u32).to_be_bytes());
    frame.extend_from_slice(json.as_bytes());
    frame.extend_from_slice(&crc32(json.as_bytes()).to_be_bytes());
    let code = to_base32(&frame);
    let lines: Vec<&str> = code
        .as_bytes()
        .chunks(LINE)
        .filter_map(|line| std::str::from_utf8(line).ok())
        .collect();
    format!("{intro}\n\n{MARKER}{VERSION}\n{}\n", lines.join("\n"))
}

/// The JSON inside a pasted text, whatever was added around and inside it on the way.
pub fn decode(text: &str) -> Result<String, PasteError> {
    let (version, rest) = find_marker(text).ok_or(PasteError::NotFound)?;
    if version > VERSION {
        return Err(PasteError::NewerVersion);
    }
    // The code's 5-bit values in order, to the first character that cannot be in it.
    let mut values = rest
        .chars()
        .filter(|c| !ignorable(*c))
        .map_while(|c| symbol(c.to_ascii_uppercase()));
    let mut take = |n: usize| -> Result<Vec<u8>, PasteError> {
        let taken: Vec<u8> = values.by_ref().take(n).collect();
        if taken.len() < n {
            return Err(PasteError::Cut);
        }
        Ok(taken)
    };
    // Eight characters are five bytes: the length, and the first byte of the JSON.
    let mut code = take(8)?;
    let head = from_base32(&code);
    let length = u32::from_be_bytes([head[0], head[1], head[2], head[3]]) as usize;
    if length > MAX_BYTES {
        return Err(PasteError::TooBig);
    }
    let needed = ((length + 8) * 8).div_ceil(5);
    code.extend(take(needed - 8)?);
    let frame = from_base32(&code);
    let (json, sum) = frame[4..length + 8].split_at(length);
    if crc32(json).to_be_bytes() != sum {
        return Err(PasteError::Damaged);
    }
    String::from_utf8(json.to_vec()).map_err(|_| PasteError::Damaged)
}

/// The version after the first `SWFB` followed by digits, and the text after them.
fn find_marker(text: &str) -> Option<(u32, &str)> {
    let mut from = 0;
    while let Some(at) = text[from..].find(MARKER) {
        let after = &text[from + at + MARKER.len()..];
        let digits = after.len() - after.trim_start_matches(|c: char| c.is_ascii_digit()).len();
        if digits > 0 {
            return Some((
                after[..digits].parse().unwrap_or(u32::MAX),
                &after[digits..],
            ));
        }
        from += at + MARKER.len();
    }
    None
}

/// What a chat client or a mail program adds inside a block of text: spaces, line breaks
/// (any Unicode whitespace), zero-width characters, and `>` quote marks.
fn ignorable(c: char) -> bool {
    c.is_whitespace() || matches!(c, '\u{200B}'..='\u{200D}' | '\u{2060}' | '\u{FEFF}' | '>')
}

fn symbol(c: char) -> Option<u8> {
    match c {
        'A'..='Z' => Some(c as u8 - b'A'),
        '2'..='7' => Some(c as u8 - b'2' + 26),
        _ => None,
    }
}

/// RFC 4648 base32, without padding.
fn to_base32(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len().div_ceil(5) * 8);
    let (mut buffer, mut bits) = (0u32, 0u32);
    for &byte in bytes {
        buffer = (buffer << 8) | u32::from(byte);
        bits += 8;
        while bits >= 5 {
            bits -= 5;
            out.push(ALPHABET[((buffer >> bits) & 31) as usize] as char);
        }
    }
    if bits > 0 {
        out.push(ALPHABET[((buffer << (5 - bits)) & 31) as usize] as char);
    }
    out
}

/// Bytes from 5-bit values; bits left over at the end are dropped.
fn from_base32(values: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(values.len() * 5 / 8);
    let (mut buffer, mut bits) = (0u32, 0u32);
    for &value in values {
        buffer = (buffer << 5) | u32::from(value);
        bits += 5;
        if bits >= 8 {
            bits -= 8;
            out.push((buffer >> bits) as u8);
        }
    }
    out
}

/// CRC-32 (IEEE 802.3, as zip and PNG use), bit by bit: a few kilobytes, once.
fn crc32(bytes: &[u8]) -> u32 {
    let mut crc = !0u32;
    for &byte in bytes {
        crc ^= u32::from(byte);
        for _ in 0..8 {
            crc = (crc >> 1) ^ (0xEDB8_8320 & 0u32.wrapping_sub(crc & 1));
        }
    }
    !crc
}

#[cfg(test)]
mod tests {
    use super::*;

    const JSON: &str = r#"{"format":"supervision-widget-feedback","comments":["Rhy “fyr” — ŵ"]}"#;

    fn code_of(text: &str) -> &str {
        text.split_once("SWFB1").unwrap().1
    }

    #[test]
    fn base32_and_crc32_match_their_standards() {
        // RFC 4648 section 10, without padding; the CRC-32 check value.
        for (plain, coded) in [
            ("", ""),
            ("f", "MY"),
            ("fo", "MZXQ"),
            ("foo", "MZXW6"),
            ("foob", "MZXW6YQ"),
            ("fooba", "MZXW6YTB"),
            ("foobar", "MZXW6YTBOI"),
        ] {
            assert_eq!(to_base32(plain.as_bytes()), coded);
            let values: Vec<u8> = coded.chars().filter_map(symbol).collect();
            assert_eq!(from_base32(&values), plain.as_bytes());
        }
        assert_eq!(crc32(b"123456789"), 0xCBF4_3926);
    }

    #[test]
    fn a_text_comes_back_as_sent() {
        let text = encode(
            "Feedback on our supervision session. Open it in the Supervision Hub.",
            JSON,
        );
        assert!(text.starts_with("Feedback on our supervision session."));
        assert!(code_of(&text)
            .chars()
            .all(|c| c.is_ascii_uppercase() || ('2'..='7').contains(&c) || c == '\n'));
        assert_eq!(decode(&text), Ok(JSON.to_owned()));
    }

    #[test]
    fn what_a_chat_client_or_mail_adds_is_ignored() {
        let text = encode("Adborth ar ein sesiwn goruchwylio.", JSON);
        let code = code_of(&text).trim();
        // Wrapped at other places, with Windows line ends, spaces, a non-breaking space and
        // zero-width characters inside, quoted in a reply, and a greeting and signature around.
        let rewrapped: String = code
            .replace('\n', "")
            .chars()
            .enumerate()
            .flat_map(|(i, c)| {
                let extra = match i % 23 {
                    0 => "\r\n> ",
                    7 => " ",
                    11 => "\u{a0}",
                    13 => "\u{200b}",
                    _ => "",
                };
                std::iter::once(c).chain(extra.chars())
            })
            .collect();
        let pasted = format!("Hi Sam,\n\n“Here’s my feedback” — as promised:\n\nSWFB1 {rewrapped}\n\nThanks,\nAlex\nSent from Outlook");
        assert_eq!(decode(&pasted), Ok(JSON.to_owned()));
        // Lower case (a client that changed it) reads too.
        assert_eq!(
            decode(&format!("SWFB1 {}", code.to_lowercase())),
            Ok(JSON.to_owned())
        );
    }

    #[test]
    fn a_cut_or_changed_text_is_refused_never_half_read() {
        let text = encode("Feedback.", JSON);
        let code: String = code_of(&text).split_whitespace().collect();
        let cut = format!("SWFB1 {}", &code[..code.len() - 9]);
        assert_eq!(decode(&cut), Err(PasteError::Cut));
        // Cut, with a signature after it: its letters are read as code, and do not add up.
        assert_eq!(
            decode(&format!("{cut}\nThanks ALEX")),
            Err(PasteError::Damaged)
        );
        // One character changed.
        let mut changed: Vec<char> = code.chars().collect();
        changed[40] = if changed[40] == 'A' { 'B' } else { 'A' };
        let changed: String = changed.into_iter().collect();
        assert_eq!(
            decode(&format!("SWFB1 {changed}")),
            Err(PasteError::Damaged)
        );
        assert_eq!(decode("SWFB1"), Err(PasteError::Cut));
        assert_eq!(
            decode("Here is my feedback, see you Tuesday"),
            Err(PasteError::NotFound)
        );
        assert_eq!(
            decode("SWFB is not followed by a version"),
            Err(PasteError::NotFound)
        );
        assert_eq!(
            decode(&text.replace("SWFB1", "SWFB2")),
            Err(PasteError::NewerVersion)
        );
        // A length past any feedback is refused before anything else is read.
        let huge = to_base32(&(1_000_000u32).to_be_bytes());
        assert_eq!(
            decode(&format!("SWFB1 {huge}AAAA")),
            Err(PasteError::TooBig)
        );
    }

    #[test]
    fn six_comments_of_a_thousand_characters_fit_one_teams_message() {
        let comment = "ŵ".repeat(1000);
        let json = format!(
            r#"{{"comments":[{}]}}"#,
            vec![format!("\"{comment}\""); 6].join(",")
        );
        let text = encode("Feedback on our supervision session.", &json);
        assert!(
            text.chars().count() < 28_000,
            "{} characters",
            text.chars().count()
        );
        assert_eq!(decode(&text), Ok(json));
    }
}
