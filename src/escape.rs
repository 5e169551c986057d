//! How text read from files, and names and paths given, reaches a terminal: the chars that
//! would restyle, rewrite or reorder what the analyst sees written as escapes (`\u{1b}`).

use std::borrow::Cow;
use std::path::Path;

/// Whether a char is a bidirectional embedding, override or isolate (U+202A–U+202E,
/// U+2066–U+2069): shown raw, it reorders what follows it on the line, so that a file name or a
/// sentence reads reversed (`a\u{202e}txt.exe` shows as `aexe.txt`).
fn is_bidi_override(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// Whether a char is an invisible format char (Unicode's general category Cf: direction marks,
/// zero-width spaces and joiners, the soft hyphen, the BOM, tag chars…) or a line or paragraph
/// separator: none shows, so in an id two names that differ by one look the same.
fn is_format(c: char) -> bool {
    matches!(
        c,
        '\u{AD}'
            | '\u{600}'..='\u{605}'
            | '\u{61C}'
            | '\u{6DD}'
            | '\u{70F}'
            | '\u{890}'..='\u{891}'
            | '\u{8E2}'
            | '\u{180E}'
            | '\u{200B}'..='\u{200F}'
            | '\u{2028}'..='\u{202E}'
            | '\u{2060}'..='\u{2064}'
            | '\u{2066}'..='\u{206F}'
            | '\u{FEFF}'
            | '\u{FFF9}'..='\u{FFFB}'
            | '\u{110BD}'
            | '\u{110CD}'
            | '\u{13430}'..='\u{1343F}'
            | '\u{1BCA0}'..='\u{1BCA3}'
            | '\u{1D173}'..='\u{1D17A}'
            | '\u{E0001}'
            | '\u{E0020}'..='\u{E007F}'
    )
}

/// Whether a char of text is hidden on a terminal: a control char other than a line break or a
/// tab, a bidirectional override, or a format char that has no place in running text (the
/// deprecated format chars, interlinear annotation, tag chars, which can hide text from the
/// eye). Zero-width spaces and joiners, direction marks, soft hyphens and BOMs are left: they
/// are common in web and Word text, and change no order or letters.
fn hidden_in_text(c: char) -> bool {
    (c.is_control() && c != '\n' && c != '\t')
        || is_bidi_override(c)
        || matches!(
            c,
            '\u{206A}'..='\u{206F}' | '\u{FFF9}'..='\u{FFFB}' | '\u{E0001}' | '\u{E0020}'..='\u{E007F}'
        )
}

/// Document text as shown on a terminal: control chars other than line breaks and tabs, and
/// bidirectional overrides and other format chars that hide or reorder text, are written as
/// escapes (`\u{1b}`, `\u{202e}`), since an escape sequence in a third party's file could
/// restyle or rewrite what the analyst sees, and an override could make it read reversed.
pub fn printable(s: &str) -> Cow<'_, str> {
    escaped(s, hidden_in_text)
}

/// A document or passage id, a path, or a table cell, as shown on a terminal: every control char
/// written as an escape (`\u{1b}`), line breaks and tabs too, and so is every invisible format
/// char (a bidirectional override, a zero-width space), since ids come from file names, which
/// may hold any of them, and an id must read as what it is.
pub fn printable_id(s: &str) -> Cow<'_, str> {
    escaped(s, |c| c.is_control() || is_format(c))
}

/// An id as a table showed it ([`printable_id`]), pasted back: each `\u{…}` escape made the char
/// it stands for again. `None` when `s` holds no such escape.
pub fn unescape_id(s: &str) -> Option<String> {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    let mut changed = false;
    while let Some(at) = rest.find("\\u{") {
        out.push_str(&rest[..at]);
        let tail = &rest[at + 3..];
        let c = tail
            .find('}')
            .and_then(|end| u32::from_str_radix(&tail[..end], 16).ok().map(|n| (n, end)))
            .and_then(|(n, end)| char::from_u32(n).map(|c| (c, end)));
        match c {
            Some((c, end)) => {
                out.push(c);
                rest = &tail[end + 1..];
                changed = true;
            }
            None => {
                out.push_str("\\u{");
                rest = tail;
            }
        }
    }
    out.push_str(rest);
    changed.then_some(out)
}

/// `s` with the chars `hidden` picks written as escapes (`\u{1b}`).
fn escaped(s: &str, hidden: impl Fn(char) -> bool) -> Cow<'_, str> {
    if !s.chars().any(&hidden) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        if hidden(c) {
            out.extend(c.escape_unicode());
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// A path as a message or report line shows it: escaped as ids are ([`printable_id`]), a line
/// break or an escape sequence in a file name too, and each byte that is not UTF-8 written
/// `\xNN`, so that two such names differ and neither can start a line of its own.
pub fn printable_path(path: &Path) -> String {
    let mut out = String::new();
    for chunk in path.as_os_str().as_encoded_bytes().utf8_chunks() {
        out.push_str(&printable_id(chunk.valid()));
        for b in chunk.invalid() {
            out.push_str(&format!("\\x{b:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_escaped_id_pasted_back_is_the_id() {
        let id = "new\nline\u{202e}.txt#0000-0a1b2c3d";
        let shown = printable_id(id);
        assert_eq!(unescape_id(&shown).as_deref(), Some(id));
        assert_eq!(unescape_id("plain.md"), None);
        // Not an escape: left as written.
        assert_eq!(
            unescape_id("a\\u{zz}b\\u{41}").as_deref(),
            Some("a\\u{zz}bA")
        );
    }
}
