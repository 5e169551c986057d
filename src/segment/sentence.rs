//! Sentence bounds: Unicode sentence boundaries (UAX #29, which already ends sentences at
//! 。！？ and closing quotes after them), further split after the Chinese semicolon `；`.
//! Text of Han and kana without letters of other scripts takes a faster path: a sentence ends
//! after 。！？；｡!? (and closing quotes or brackets after them), after a full stop (`.`, `．`)
//! that a space follows or that ends a run of two Han chars (not a list number: `1．`, `一．`),
//! and at line breaks. UAX #29 would end a sentence at every full stop a Han char follows, list
//! numbers included.

use std::ops::Range;
use unicode_segmentation::UnicodeSegmentation;

/// Closing quotes and brackets that stay with the sentence they end (and Markdown emphasis marks,
/// which plain text keeps).
pub(super) fn is_closer(c: char) -> bool {
    matches!(
        c,
        '”' | '’'
            | '」'
            | '』'
            | '）'
            | ')'
            | '》'
            | '】'
            | '〕'
            | '〉'
            | '"'
            | '\''
            | ']'
            | '］'
            | '*'
            | '_'
    )
}

/// Sentence byte ranges of `text`, trimmed of whitespace, covering all of its non-space text.
pub fn sentences(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    if cjk(text, &mut out) {
        return out;
    }
    out.clear();
    // UAX #29 breaks only after a paragraph separator or a sentence terminator (rules SB4 and
    // SB11), so ASCII text with neither (headings, list items, table cells) is one sentence.
    if text
        .bytes()
        .all(|b| b.is_ascii() && !matches!(b, b'.' | b'!' | b'?' | b'\r' | b'\n'))
    {
        push_trimmed(&mut out, text, 0..text.len());
        return out;
    }
    // A line break before a small letter is a wrap (PDF exports, hard-wrapped text), which
    // UAX #29 would take for a paragraph end: bounds are found as if it were a space (same
    // length). Other line breaks end what is on the line (a list, a table of contents).
    let unwrapped;
    let bounds_of = if text.contains(['\n', '\r']) {
        unwrapped = unwrap_lines(text);
        unwrapped.as_str()
    } else {
        text
    };
    for (off, s) in bounds_of.split_sentence_bound_indices() {
        let mut from = 0;
        let mut it = s.char_indices().peekable();
        while let Some((i, c)) = it.next() {
            if c == '；' {
                let mut end = i + c.len_utf8();
                while let Some(&(j, d)) = it.peek() {
                    if !is_closer(d) {
                        break;
                    }
                    end = j + d.len_utf8();
                    it.next();
                }
                push_trimmed(&mut out, text, off + from..off + end);
                from = end;
            }
        }
        push_trimmed(&mut out, text, off + from..off + s.len());
    }
    out
}

/// `text` with each line break that a small letter follows (not a point marker such as `b)`,
/// nor after a colon) turned into a space.
fn unwrap_lines(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    // The text before the current whitespace run, trimmed: what a line break follows.
    let mut before = 0;
    let mut i = 0;
    while i < text.len() {
        let rest = &text[i..];
        let Some(c) = rest.chars().next() else { break };
        if c != '\n' && c != '\r' {
            if !c.is_whitespace() {
                before = i + c.len_utf8();
            }
            out.push(c);
            i += c.len_utf8();
            continue;
        }
        // The whole run of blank space from here is read once: every break in it ends the same
        // line and goes before the same next one.
        let run = rest.len() - rest.trim_start_matches([' ', '\t', '\r', '\n']).len();
        let mut next = text[i + run..].chars();
        let last = &text[..before];
        // After a colon or a semicolon (`…; and`), a line opens an item of a list; after a line
        // in capitals (a running header), a new text.
        let listed = last.ends_with([':', ';', '：', '；'])
            || [" and", " or"]
                .iter()
                .any(|w| last.ends_with(w) && last[..last.len() - w.len()].ends_with([';', ',']));
        let line = last.rsplit(['\n', '\r']).next().unwrap_or("");
        let header = super::block::in_capitals(line);
        let wrap = !listed
            && !header
            && next.next().is_some_and(char::is_lowercase)
            && !matches!(next.next(), Some(')' | '.'));
        for b in text[i..i + run].chars() {
            out.push(if wrap && (b == '\n' || b == '\r') {
                ' '
            } else {
                b
            });
        }
        i += run;
    }
    out
}

/// Sentences of a text of Han and kana; `false` (with `out` partly filled) as soon as a letter
/// of another script shows that the text needs UAX #29. Scans bytes: every sentence end but
/// `!?.` and line breaks is a three-byte char with the lead byte 0xE3 or 0xEF, told apart by its
/// bytes, and the other lead bytes of three-byte chars (Han, most of a Chinese text) are skipped
/// whole.
fn cjk(text: &str, out: &mut Vec<Range<usize>>) -> bool {
    let bytes = text.as_bytes();
    let mut from = 0;
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        // Han chars and the other three-byte chars that end no sentence, first: they are most
        // of a Chinese text.
        if matches!(b, 0xE4..=0xEE) {
            i += 3;
            continue;
        }
        let end = match b {
            // U+0800–U+1FFF: the letters of Indic, Southeast Asian, Georgian, Hangul Jamo,
            // Ethiopic, extended Latin and Greek, ...
            0xE0 | 0xE1 => return false,
            0xE2 | 0xE3 | 0xEF => match (b, bytes.get(i + 1), bytes.get(i + 2)) {
                // 。 ！ ？ ； ｡
                (0xE3, Some(0x80), Some(0x82))
                | (0xEF, Some(0xBC), Some(0x81 | 0x9F | 0x9B))
                | (0xEF, Some(0xBD), Some(0xA1)) => after_closers(text, i + 3),
                // U+2028, U+2029
                (0xE2, Some(0x80), Some(0xA8 | 0xA9)) => i + 3,
                // ．
                (0xEF, Some(0xBC), Some(0x8E)) => match full_stop_end(text, i, i + 3) {
                    Some(end) => end,
                    None => {
                        i += 3;
                        continue;
                    }
                },
                // Full-width Latin letters (Ａ–Ｚ, ａ–ｚ)
                (0xEF, Some(0xBC), Some(0xA1..=0xBA)) | (0xEF, Some(0xBD), Some(0x81..=0x9A)) => {
                    return false
                }
                _ => {
                    i += 3;
                    continue;
                }
            },
            b'!' | b'?' => after_closers(text, i + 1),
            b'\n' | b'\r' => i + 1,
            b'.' => match full_stop_end(text, i, i + 1) {
                Some(end) => end,
                None => {
                    i += 1;
                    continue;
                }
            },
            _ if b.is_ascii_alphabetic() => return false,
            0..0x80 => {
                i += 1;
                continue;
            }
            // U+0080–U+07FF: the letters of Latin-1 and extended Latin, Greek, Cyrillic, Hebrew,
            // Arabic, ...; not `·`, `×`, `°`, `§`.
            0xC2..=0xDF => {
                if text[i..].chars().next().is_some_and(char::is_alphabetic) {
                    return false;
                }
                i += 2;
                continue;
            }
            // A four-byte char (a rare Han char, an emoji).
            _ => {
                i += b.leading_ones() as usize;
                continue;
            }
        };
        push_trimmed(out, text, from..end);
        from = end;
        i = end;
    }
    push_trimmed(out, text, from..text.len());
    true
}

/// Where the sentence ends if the full stop at `at..after` ends it: a space (or the text's end)
/// follows it, or it ends a run of at least two Han chars (人权．我们, not `一．总则`); never
/// before a digit (`3.5`, `3．5`).
fn full_stop_end(text: &str, at: usize, after: usize) -> Option<usize> {
    let next = text[after..].chars().next();
    if next.is_some_and(|c| c.is_ascii_digit() || ('０'..='９').contains(&c)) {
        return None;
    }
    let mut before = text[..at].chars().rev();
    let han_run = before.next().is_some_and(crate::lang::is_han)
        && before.next().is_some_and(crate::lang::is_han);
    let spaced = next.is_none_or(char::is_whitespace);
    (spaced || han_run).then(|| after_closers(text, after))
}

/// The end of the closing quotes and brackets that start at `at`.
fn after_closers(text: &str, at: usize) -> usize {
    let rest = text.get(at..).unwrap_or_default();
    at + rest.find(|d| !is_closer(d)).unwrap_or(rest.len())
}

/// Pushes `r` trimmed of whitespace, unless nothing is left.
pub(super) fn push_trimmed(out: &mut Vec<Range<usize>>, text: &str, r: Range<usize>) {
    let s = &text[r.clone()];
    let t = s.trim_start();
    let start = r.start + (s.len() - t.len());
    let t = t.trim_end();
    if !t.is_empty() {
        out.push(start..start + t.len());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The UAX #29 path, without the fast path for text without Latin letters.
    fn uax29(text: &str) -> Vec<Range<usize>> {
        let mut out = Vec::new();
        for (off, s) in text.split_sentence_bound_indices() {
            push_trimmed(&mut out, text, off..off + s.len());
        }
        out
    }

    /// The fast path as first written, char by char.
    fn cjk_chars(text: &str) -> Vec<Range<usize>> {
        let mut out = Vec::new();
        let mut from = 0;
        let mut it = text.char_indices().peekable();
        while let Some((i, c)) = it.next() {
            let end = match c {
                '。' | '！' | '？' | '；' | '!' | '?' | '｡' => {
                    let mut end = i + c.len_utf8();
                    while let Some(&(j, d)) = it.peek() {
                        if !is_closer(d) {
                            break;
                        }
                        end = j + d.len_utf8();
                        it.next();
                    }
                    end
                }
                '.' | '．' => match full_stop_end(text, i, i + c.len_utf8()) {
                    Some(end) => {
                        while it.peek().is_some_and(|&(j, _)| j < end) {
                            it.next();
                        }
                        end
                    }
                    None => continue,
                },
                '\n' | '\r' | '\u{2028}' | '\u{2029}' => i + c.len_utf8(),
                _ => continue,
            };
            push_trimmed(&mut out, text, from..end);
            from = end;
        }
        push_trimmed(&mut out, text, from..text.len());
        out
    }

    proptest::proptest! {

        #![proptest_config(crate::test_support::regressions_beside_source())]
        #[test]
        fn byte_scan_agrees_with_the_char_scan(
            t in "[。！？；!?｡”’」』）)》】〕〉\"'\\]］\n\r\u{2028}\u{2029}\u{2026}\u{3001}\u{FF0C} 我们好，1２é.．Жｘ·×]{0,40}"
        ) {
            // Where the byte scan takes the text, it cuts it as the char scan does; elsewhere
            // UAX #29 does.
            let mut fast = Vec::new();
            if cjk(&t, &mut fast) {
                proptest::prop_assert_eq!(&fast, &cjk_chars(&t));
                proptest::prop_assert_eq!(sentences(&t), fast);
            } else {
                proptest::prop_assert!(t.contains(['é', 'Ж', 'ｘ']));
            }
        }
    }

    proptest::proptest! {

        #![proptest_config(crate::test_support::regressions_beside_source())]
        #[test]
        fn ascii_without_terminators_or_breaks_is_one_sentence_as_in_uax29(
            t in "[a-zA-Z0-9 ,;:'\"()\\[\\]\t&/-]{0,80}"
        ) {
            proptest::prop_assert_eq!(sentences(&t), uax29(&t));
        }
    }

    #[test]
    fn full_stops_end_chinese_sentences_but_not_list_numbers() {
        let cut = |t: &str| -> Vec<String> {
            sentences(t).into_iter().map(|r| t[r].to_string()).collect()
        };
        assert_eq!(
            cut("我们尊重人权. 我们禁止强迫劳动. 我们开展审核."),
            ["我们尊重人权.", "我们禁止强迫劳动.", "我们开展审核."]
        );
        assert_eq!(
            cut("我們尊重人權．我們禁止強迫勞動．"),
            ["我們尊重人權．", "我們禁止強迫勞動．"]
        );
        // List numbers and decimals end nothing; `·`, `×` and `°` are no letters.
        assert_eq!(
            cut("1．中华人民共和国国旗法；"),
            ["1．中华人民共和国国旗法；"]
        );
        assert_eq!(cut("一．总则"), ["一．总则"]);
        assert_eq!(cut("2．“基础科学研究”是指"), ["2．“基础科学研究”是指"]);
        assert_eq!(
            cut("营收3.5亿元。增长12．5%。"),
            ["营收3.5亿元。", "增长12．5%。"]
        );
        assert_eq!(
            cut("张三·李四出席会议。“人权是基本权利”是我们的信念。"),
            ["张三·李四出席会议。", "“人权是基本权利”是我们的信念。"]
        );
        assert!(cjk("请在×个月内反馈。倾角30°。", &mut Vec::new()));
    }

    #[test]
    fn other_scripts_leave_the_fast_path() {
        for t in [
            "Мы уважаем права человека. Мы запрещаем принудительный труд.",
            "Σεβόμαστε τα δικαιώματα. Απαγορεύουμε την εργασία.",
        ] {
            assert!(!cjk(t, &mut Vec::new()), "{t}");
            assert_eq!(sentences(t), uax29(t), "{t}");
            assert!(sentences(t).len() >= 2, "{t}");
        }
    }

    #[test]
    fn latin_letters_leave_the_fast_path() {
        // `c` comes after a sentence end the fast path has already cut: UAX #29 decides anyway.
        let t = "好。 “x”？c";
        let mut fast = Vec::new();
        assert!(!cjk(t, &mut fast));
        assert_eq!(sentences(t), uax29(t));
    }

    #[test]
    fn fast_path_agrees_with_uax29_on_chinese_prose() {
        let t =
            "我们承诺尊重人权。我们反对强迫劳动！是否？他说：“好。”见《宣言》。）\n第二行 2030 年";
        assert_eq!(sentences(t), uax29(t));
        let got: Vec<&str> = sentences(t).into_iter().map(|r| &t[r]).collect();
        assert_eq!(got[3], "他说：“好。”");
        assert_eq!(got.len(), 6);
        // UAX #29 counts an opening bracket as a closer; the fast path does not.
        let t = "好。（见下文。）";
        let got: Vec<&str> = sentences(t).into_iter().map(|r| &t[r]).collect();
        assert_eq!(got, ["好。", "（见下文。）"]);
    }
}
