//! Text helpers for the tagger: a fast normalization with a sparse offset map, sentence and
//! clause boundaries, and word-boundary tests.

use crate::normalize::is_invisible;

/// Builds the fold table now rather than on the first passage.
pub(crate) fn warm_up() {
    crate::normalize::warm_up();
}

/// A normalized copy of a text (the same char-for-char folding as [`crate::normalize::normalize`],
/// plus whitespace folding, see [`NormText::fill`]) with a sparse map back to the source: a
/// checkpoint is stored only where a char changed its UTF-8 length or a whitespace run was folded,
/// so plain ASCII and Chinese text cost no map entries at all.
#[derive(Debug, Default)]
pub(crate) struct NormText {
    /// The normalized text.
    pub text: String,
    /// `(normalized offset, source offset)` pairs; between two checkpoints both texts advance
    /// byte for byte. Always starts with `(0, 0)`. A line wrap removed between two Han chars
    /// leaves two checkpoints at the same normalized offset: the source offsets before and
    /// after it.
    checkpoints: Vec<(usize, usize)>,
}

impl NormText {
    /// Normalizes `source`.
    #[cfg(test)]
    pub fn new(source: &str) -> Self {
        let mut n = NormText::default();
        n.fill(source);
        n
    }

    /// Normalizes `source` into this buffer, reusing its allocations.
    ///
    /// Besides the char folding, every whitespace run (spaces, tabs, no-break and ideographic
    /// spaces, line breaks) becomes one char, so that multi-word keywords match across hard
    /// line wraps and doubled spaces: a line break stays a line break (a sentence end) only
    /// where the run holds a blank line or the next line starts a list item; a single line
    /// break inside a sentence is a soft wrap and becomes a space, or nothing between two Han
    /// chars (Chinese has no spaces, and 强迫\n劳动 is 强迫劳动).
    pub fn fill(&mut self, source: &str) {
        let NormText { text, checkpoints } = self;
        text.clear();
        checkpoints.clear();
        checkpoints.push((0, 0));
        // The stretches between foldable whitespace runs get the shared char folding.
        let fold = |text: &mut String, checkpoints: &mut Vec<(usize, usize)>, from, to| {
            let base = text.len();
            crate::normalize::fold_into(&source[from..to], text, |n, s| {
                checkpoints.push((base + n, from + s))
            });
        };
        let bytes = source.as_bytes();
        let mut folded = 0;
        let mut i = 0;
        let separator = |c: char| c.is_whitespace() || is_invisible(c);
        while let Some(&b) = bytes.get(i) {
            let ws = match b {
                0..0x80 => b.is_ascii_whitespace(),
                // Han chars of U+4000..U+9FFF, most of a Chinese text, in one tight loop.
                0xE4..=0xE9 => {
                    i += 3;
                    while let Some(0xE4..=0xE9) = bytes.get(i) {
                        i += 3;
                    }
                    continue;
                }
                // Only these bytes start a non-ASCII whitespace or invisible char (U+0085,
                // U+00A0, U+00AD, U+1680, U+180E, U+2000–U+2069, U+3000, U+FE0F, U+FEFF): the
                // rest of a Chinese text, its punctuation (、。《》“”) included, is stepped over
                // without decoding it.
                0xC2 | 0xE1 | 0xE2 | 0xE3 => {
                    // The one or two bytes after the lead byte (one for U+0080..U+07FF).
                    let next = &bytes[i + 1..bytes.len().min(i + 3)];
                    let maybe = matches!(
                        (b, next),
                        (0xC2, [0x85 | 0xA0 | 0xAD, ..])
                            | (0xE1, [0x9A | 0xA0, _])
                            | (0xE2, [0x80 | 0x81, _])
                            | (0xE3, [0x80, 0x80])
                    );
                    maybe && source[i..].chars().next().is_some_and(separator)
                }
                0xEF => matches!(bytes.get(i + 1..i + 3), Some([0xBB, 0xBF] | [0xB8, 0x8F])),
                _ => false,
            };
            if !ws {
                i += match b {
                    0..0x80 => 1,
                    0xC0..0xE0 => 2,
                    0xE0..0xF0 => 3,
                    _ => 4,
                };
                continue;
            }
            let len = source[i..]
                .find(|c: char| !separator(c))
                .unwrap_or(source.len() - i);
            let end = i + len;
            if len == 1 && b == b' ' {
                i = end;
                continue;
            }
            fold(text, checkpoints, folded, i);
            // Invisible chars (a zero-width space, a soft hyphen, a BOM pasted mid-text) are
            // not there for matching: 强迫\u{200B}劳动 is 强迫劳动, and "forced \u{FEFF}labour"
            // has one space.
            let with = if source[i..end].chars().any(char::is_whitespace) {
                match space_fold(source, i, end) {
                    // A word hyphenated at a line wrap with a soft hyphen ("for\u{AD}⏎ced") is
                    // one word.
                    " " if source[i..end].starts_with('\u{AD}') => "",
                    with => with,
                }
            } else {
                invisible_fold(source, i, end)
            };
            if with.is_empty() {
                checkpoints.push((text.len(), i));
            }
            text.push_str(with);
            if with.len() != len {
                checkpoints.push((text.len(), end));
            }
            folded = end;
            i = end;
        }
        fold(text, checkpoints, folded, source.len());
    }

    /// Source byte offset of a normalized byte offset (a char boundary of `text`, or its length)
    /// where something starts: after a removed line wrap, not before it.
    pub fn to_source(&self, at: usize) -> usize {
        // Most texts fold without a change of length: nothing to look up.
        if self.checkpoints.len() == 1 {
            return at;
        }
        let i = self.checkpoints.partition_point(|&(n, _)| n <= at);
        let (n, s) = self.checkpoints[i.saturating_sub(1)];
        s + (at - n)
    }

    /// Source byte offset of a normalized byte offset where something ends: before a removed
    /// line wrap, so that evidence does not take in the line break after it.
    pub fn to_source_end(&self, at: usize) -> usize {
        if self.checkpoints.len() == 1 {
            return at;
        }
        let i = self.checkpoints.partition_point(|&(n, _)| n < at);
        match self.checkpoints.get(i) {
            Some(&(n, s)) if n == at => s,
            _ => {
                let (n, s) = self.checkpoints[i.saturating_sub(1)];
                s + (at - n)
            }
        }
    }

    /// Source byte range of a normalized byte range.
    pub fn range_to_source(&self, r: std::ops::Range<usize>) -> std::ops::Range<usize> {
        self.to_source(r.start)..self.to_source_end(r.end).max(self.to_source(r.start))
    }
}

/// What a run of invisible chars `source[start..end]` (no whitespace) folds to: nothing, except
/// a zero-width space between two Latin letters or digits, which separates two words.
fn invisible_fold(source: &str, start: usize, end: usize) -> &'static str {
    let latin = |c: Option<char>| c.is_some_and(crate::lang::is_word_char);
    if source[start..end].contains('\u{200B}')
        && latin(source[..start].chars().next_back())
        && latin(source[end..].chars().next())
    {
        " "
    } else {
        ""
    }
}

/// A keyword or heading normalized as passages are, whitespace included.
pub(crate) fn normalize_pattern(s: &str) -> String {
    let mut n = NormText::default();
    n.fill(s);
    n.text
}

/// What the whitespace run `source[start..end]` folds to: `"\n"` where it ends a sentence (a
/// blank line, or a line break before a list item), `""` for a line wrap between two Han chars,
/// else `" "`.
fn space_fold(source: &str, start: usize, end: usize) -> &'static str {
    let run = &source[start..end];
    let mut lines = 0;
    let mut cs = run.chars().peekable();
    while let Some(c) = cs.next() {
        lines += match c {
            '\r' if cs.peek() == Some(&'\n') => 0,
            '\n' | '\r' | '\u{0B}' | '\u{85}' | '\u{2028}' => 1,
            '\u{0C}' | '\u{2029}' => 2,
            _ => 0,
        };
    }
    if lines == 0 {
        return " ";
    }
    let next = &source[end..];
    if lines >= 2 || starts_list_item(next) {
        return "\n";
    }
    let han_before = source[..start]
        .chars()
        .next_back()
        .is_some_and(crate::lang::is_han);
    let han_after = next.chars().next().is_some_and(crate::lang::is_han);
    if han_before && han_after {
        ""
    } else {
        " "
    }
}

/// Whether a line starts with a list marker: a bullet (`-`, `*`, `•`, `●`, ...), a number or
/// letter marker (`1.`, `2)`, `3、`, `(a)`, `（一）`, `一、`, `①`) or an article heading (`第三条`).
fn starts_list_item(line: &str) -> bool {
    let mut cs = line.chars().map(fold_width);
    let Some(first) = cs.next() else {
        return false;
    };
    let second = cs.clone().next();
    let spaced = |c: Option<char>| c.is_none_or(char::is_whitespace);
    match first {
        '-' | '*' | '+' => return spaced(second),
        '•'
        | '·'
        | '●'
        | '○'
        | '◦'
        | '▪'
        | '▫'
        | '■'
        | '□'
        | '◆'
        | '◇'
        | '►'
        | '▶'
        | '➢'
        | '‣'
        | '✓'
        | '✔'
        | '√'
        | '\u{2460}'..='\u{2473}' => return true,
        '(' => {
            // `(1)`, `(12)`, `(a)`, `（一）`: at most three chars before the closing bracket.
            let head: Vec<char> = cs.take(4).collect();
            let Some(n) = head.iter().position(|&c| c == ')') else {
                return false;
            };
            let inner = &head[..n];
            return n > 0
                && (inner
                    .iter()
                    .all(|&c| c.is_ascii_digit() || is_zh_numeral(c))
                    || (n == 1 && inner[0].is_ascii_alphabetic()));
        }
        _ => {}
    }
    if first == '第' {
        let rest: String = cs.take(6).collect();
        let digits = rest
            .chars()
            .take_while(|&c| c.is_ascii_digit() || is_zh_numeral(c));
        let n = digits.count();
        return n > 0
            && rest
                .chars()
                .nth(n)
                .is_some_and(|c| matches!(c, '条' | '章' | '节'));
    }
    let marker: String = std::iter::once(first).chain(cs.take(4)).collect();
    let digits = marker.chars().take_while(|c| c.is_ascii_digit()).count();
    let numerals = marker.chars().take_while(|&c| is_zh_numeral(c)).count();
    let after = |k: usize| {
        let mut rest = marker.chars().skip(k);
        (rest.next(), rest.next())
    };
    match (digits, numerals) {
        (1..=3, _) => match after(digits) {
            (Some('.' | ')'), next) => spaced(next),
            (Some('、'), _) => true,
            _ => false,
        },
        (_, 1..=3) => matches!(after(numerals), (Some('、'), _)),
        _ => first.is_ascii_alphabetic() && matches!(after(1), (Some(')'), next) if spaced(next)),
    }
}

/// Whether `c` is a Chinese numeral of a list marker (一 … 十).
fn is_zh_numeral(c: char) -> bool {
    matches!(
        c,
        '一' | '二' | '三' | '四' | '五' | '六' | '七' | '八' | '九' | '十'
    )
}

/// Whether `c` ends a sentence (after normalization: full-width marks are already half-width).
fn is_sentence_end(c: char) -> bool {
    matches!(c, '。' | '!' | '?' | ';' | '\n' | '…')
}

/// Sentence boundaries of a normalized text: the sorted end offsets of every sentence but the
/// last. A sentence ends after 。!?;… or a line break, and after `.` followed by whitespace or
/// the end (so `1.5` and `e.g.x` do not split). [`NormText`] keeps a line break only where a
/// blank line or a list item ends the sentence, not where a line merely wraps.
#[cfg(test)]
pub(crate) fn sentence_breaks(text: &str) -> Vec<usize> {
    let mut out = Vec::new();
    sentence_breaks_into(text, &mut out);
    out
}

/// [`sentence_breaks`] into a reused buffer.
///
/// Every sentence end is ASCII or one of two three-byte chars (。 and …), whose lead bytes never
/// occur inside another char, so a lead byte followed by the char's other two bytes is the char
/// and only `.` decodes the char after it; decoding every char made this pass over an English
/// passage cost a fifth of the automaton's. The bytes are found by vectorized searches (memchr:
/// up to three bytes a pass) and the ends they make sorted: a loop over every byte cost about
/// four times as many instructions.
pub(crate) fn sentence_breaks_into(text: &str, out: &mut Vec<usize>) {
    out.clear();
    let bytes = text.as_bytes();
    let mut push = |end: usize| {
        if end < text.len() {
            out.push(end);
        }
    };
    for i in memchr::memchr3_iter(b'!', b'?', b';', bytes) {
        push(i + 1);
    }
    for i in memchr::memchr3_iter(b'\n', b'.', 0xE3, bytes) {
        match bytes[i] {
            b'\n' => push(i + 1),
            b'.' if text[i + 1..]
                .chars()
                .next()
                .is_some_and(char::is_whitespace)
                && !numbering_mark(&bytes[..i], &text[i + 1..]) =>
            {
                push(i + 1)
            }
            // 。 (U+3002).
            0xE3 if bytes.get(i + 1..i + 3) == Some(&[0x80, 0x82]) => push(i + 3),
            _ => {}
        }
    }
    // … (U+2026).
    for i in memchr::memchr_iter(0xE2, bytes) {
        if bytes.get(i + 1..i + 3) == Some(&[0x80, 0xA6]) {
            push(i + 3);
        }
    }
    // No end is found twice: an ASCII end and a three-byte one cannot meet, since the last two
    // bytes of 。 and … are not ASCII.
    out.sort_unstable();
}

/// Whether a full stop after `before` (normalized text) and before `after` marks a number, not
/// a sentence end: "convention no. 111", "art. 5", "para. 3".
fn numbering_mark(before: &[u8], after: &str) -> bool {
    const MARKS: &[&[u8]] = &[
        b"no", b"nos", b"art", b"arts", b"para", b"paras", b"p", b"pp",
    ];
    let word = before
        .iter()
        .rposition(|b| !b.is_ascii_alphabetic())
        .map_or(before, |k| &before[k + 1..]);
    MARKS.contains(&word) && after.trim_start().starts_with(|c: char| c.is_ascii_digit())
}

/// Index of the sentence containing byte offset `at`, given [`sentence_breaks`].
pub(crate) fn sentence_of(breaks: &[usize], at: usize) -> usize {
    breaks.partition_point(|&b| b <= at)
}

/// Where the sentence holding offset `at` starts, given the sentence `breaks`.
pub(crate) fn sentence_start(breaks: &[usize], at: usize) -> usize {
    match sentence_of(breaks, at) {
        0 => 0,
        s => breaks[s - 1],
    }
}

/// Where the sentence holding offset `at` of a text of `len` bytes ends, given the sentence
/// `breaks`.
pub(crate) fn sentence_end(breaks: &[usize], at: usize, len: usize) -> usize {
    breaks.get(sentence_of(breaks, at)).copied().unwrap_or(len)
}

/// The sentence of `t` holding offset `at`, given the sentence `breaks`.
pub(crate) fn sentence_around<'a>(t: &'a str, breaks: &[usize], at: usize) -> &'a str {
    t.get(sentence_start(breaks, at)..sentence_end(breaks, at, t.len()))
        .unwrap_or("")
}

/// Whether `c` separates clauses (negation does not reach across it).
pub(crate) fn is_clause_break(c: char) -> bool {
    is_sentence_end(c) || matches!(c, ',' | '、' | ':' | '.' | '—' | '(' | ')' | '《' | '》')
}

/// Full-width ASCII variants to ASCII, nothing else (abbreviations compare case-sensitively).
pub(crate) fn fold_width(c: char) -> char {
    match c as u32 {
        u @ 0xFF01..=0xFF5E => char::from_u32(u - 0xFEE0).unwrap_or(c),
        _ => c,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_non_ascii_separator_is_folded_wherever_it_stands() {
        // Found by their leading bytes (see `NormText::fill`): none may be stepped over.
        let separators = (0x80..=0x10FFFFu32)
            .filter_map(char::from_u32)
            .filter(|&c| c.is_whitespace() || is_invisible(c));
        for c in separators {
            for src in [
                format!("{c}"),
                format!("强{c}"),
                format!("强{c}迫"),
                format!("a{c}b"),
            ] {
                assert!(!NormText::new(&src).text.contains(c), "U+{:04X}", c as u32);
            }
        }
    }

    #[test]
    fn matches_the_shared_normalization_and_maps_back() {
        for src in [
            "",
            "Ａ強迫x勞動 ＩＬＯ Convention",
            "We do NOT tolerate Forced Labour.",
            "《世界人權宣言》「人權」，全角空格",
            "Ünïcode ÀÉ ß İ",
        ] {
            let n = NormText::new(src);
            assert_eq!(n.text, crate::normalize::normalize_str(src), "{src}");
            let reference = crate::normalize::normalize(src);
            for (i, _) in n.text.char_indices() {
                assert_eq!(n.to_source(i), reference.to_source(i), "{src} at {i}");
            }
            assert_eq!(n.to_source(n.text.len()), src.len());
        }
    }

    /// The source text of a normalized range.
    fn source_of<'a>(n: &NormText, src: &'a str, r: std::ops::Range<usize>) -> &'a str {
        &src[n.range_to_source(r)]
    }

    #[test]
    fn whitespace_runs_fold_to_one_char_and_map_back() {
        for (src, norm) in [
            ("forced\nlabour", "forced labour"),
            ("forced\r\nlabour", "forced labour"),
            ("forced\u{a0}labour", "forced labour"),
            ("forced  \t labour", "forced labour"),
            ("Forced\u{3000}Labour", "forced labour"),
            ("强迫\n劳动", "强迫劳动"),
            ("強迫\r\n勞動。", "强迫劳动。"),
            ("强迫 劳动", "强迫 劳动"),
            ("ILO\n公约", "ilo 公约"),
            ("end\n\nnext", "end\nnext"),
            ("第一段\n\n第二段", "第一段\n第二段"),
            (
                "items:\n- forced labour\n- child labour",
                "items:\n- forced labour\n- child labour",
            ),
            ("目标\n1. 禁止\n2、消除", "目标\n1. 禁止\n2、消除"),
            ("要求\n（一）禁止", "要求\n(一)禁止"),
            ("要求\n第三条 禁止", "要求\n第三条 禁止"),
            ("the third\nparty", "the third party"),
            ("costs\n1.5 million", "costs 1.5 million"),
            ("  lead and trail \n", " lead and trail "),
            // Invisible chars fold away, or into the whitespace run they touch.
            ("forced \u{FEFF}labour", "forced labour"),
            ("forced\u{200B}labour", "forced labour"),
            ("la\u{AD}bour", "labour"),
            ("强迫\u{200B}劳动", "强迫劳动"),
            (
                "\u{202B}强迫劳动\u{202C} and \u{2067}forced\u{2069} labour",
                "强迫劳动 and forced labour",
            ),
            ("\u{FEFF}人权", "人权"),
            ("end\u{200D}\n\nnext", "end\nnext"),
            ("for\u{AD}\nced labour", "forced labour"),
        ] {
            let n = NormText::new(src);
            assert_eq!(n.text, norm, "{src:?}");
            // The text starts at its first char that is not removed (after a leading BOM).
            let removed = src.len() - src.trim_start_matches(is_invisible).len();
            assert_eq!(n.to_source(0), removed, "{src:?}");
            assert_eq!(n.to_source(n.text.len()), src.len(), "{src:?}");
            // Every char boundary maps to a char boundary of the source, in order.
            let mut last = 0;
            for (i, _) in n.text.char_indices() {
                let s = n.to_source(i);
                assert!(src.is_char_boundary(s) && s >= last, "{src:?} at {i}");
                last = s;
            }
        }
        // Words keep their exact source characters, and a match across a removed wrap takes it
        // in but stops before what follows.
        let src = "We prohibit Forced\u{a0}\u{a0}labour.\n强迫\r\n勞動。";
        let n = NormText::new(src);
        let at = n.text.find("forced labour").unwrap();
        assert_eq!(source_of(&n, src, at..at + 13), "Forced\u{a0}\u{a0}labour");
        let at = n.text.find("强迫劳动").unwrap();
        assert_eq!(source_of(&n, src, at..at + 12), "强迫\r\n勞動");
        assert_eq!(source_of(&n, src, at..at + 6), "强迫");
        assert_eq!(source_of(&n, src, at + 6..at + 12), "勞動");
    }

    #[test]
    fn list_markers_are_recognised() {
        for yes in [
            "- a",
            "* a",
            "• a",
            "1. a",
            "12) a",
            "3、甲",
            "(a) x",
            "（1）x",
            "（一）甲",
            "一、甲",
            "①甲",
            "第十二条 甲",
        ] {
            assert!(starts_list_item(yes), "{yes}");
        }
        for no in [
            "-based",
            "1.5 m",
            "2023. ",
            "第三方",
            "(see",
            "(abcd)",
            "a",
            "",
            "十分",
        ] {
            assert!(!starts_list_item(no), "{no}");
        }
    }

    #[test]
    fn sentences_split_on_marks_not_decimals() {
        let t = "第一句。第二句;third one. 1.5 percent? last";
        let b = sentence_breaks(t);
        let parts: Vec<&str> = std::iter::once(0)
            .chain(b.iter().copied())
            .zip(b.iter().copied().chain(std::iter::once(t.len())))
            .map(|(s, e)| &t[s..e])
            .collect();
        assert_eq!(
            parts,
            vec![
                "第一句。",
                "第二句;",
                "third one.",
                " 1.5 percent?",
                " last"
            ]
        );
        assert_eq!(sentence_of(&b, 0), 0);
        assert_eq!(sentence_of(&b, t.find("第二").unwrap()), 1);
        assert!(sentence_breaks("").is_empty());
    }

    /// The char-by-char definition of [`sentence_breaks`].
    fn sentence_breaks_by_char(text: &str) -> Vec<usize> {
        let mut out = Vec::new();
        let mut it = text.char_indices().peekable();
        while let Some((i, c)) = it.next() {
            let end = i + c.len_utf8();
            let brk = if c == '.' {
                it.peek().is_none_or(|&(_, n)| n.is_whitespace())
            } else {
                is_sentence_end(c)
            };
            if brk && end < text.len() {
                out.push(end);
            }
        }
        out
    }

    proptest::proptest! {

        #![proptest_config(crate::test_support::regressions_beside_source())]
        /// Any mix of the sentence ends, their look-alikes (same lead bytes, other chars) and
        /// whitespace breaks where the char-by-char definition does.
        #[test]
        fn sentence_breaks_agree_with_their_definition_on_any_text(
            t in "[a.!?;\n \u{3000}\u{a0}\u{2028}。…、〃‥‧，；：人]{0,40}"
        ) {
            proptest::prop_assert_eq!(sentence_breaks(&t), sentence_breaks_by_char(&t));
        }
    }

    #[test]
    fn sentence_breaks_agree_with_their_char_by_char_definition() {
        for t in [
            "",
            ".",
            ". ",
            "a.b. c.\u{3000}d.\u{a0}e.\u{2028}f.",
            "第一句。第二句…第三句;第四句!第五句?",
            "。…!?;\n.",
            "ok.。x…",
            "\u{3001}\u{3003}\u{2025}\u{2027}\u{e280}.x",
            "1.5 and e.g.x end.\n\nnext",
        ] {
            assert_eq!(sentence_breaks(t), sentence_breaks_by_char(t), "{t:?}");
        }
    }

    #[test]
    fn word_chars() {
        use crate::lang::is_word_char;
        assert!(is_word_char('a') && is_word_char('7') && is_word_char('é'));
        assert!(!is_word_char('公') && !is_word_char(' ') && !is_word_char('-'));
        assert_eq!(fold_width('Ｉ'), 'I');
    }
}
