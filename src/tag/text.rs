//! Text helpers for the tagger: a fast normalization with a sparse offset map, sentence and
//! clause boundaries, and word-boundary tests.

/// Builds the fold table now rather than on the first passage.
pub(crate) fn warm_up() {
    crate::normalize::warm_up();
}

/// A normalized copy of a text (the same char-for-char folding as [`crate::normalize::normalize`])
/// with a sparse map back to the source: a checkpoint is stored only where a char changed its
/// UTF-8 length, so plain ASCII and Chinese text cost no map entries at all.
#[derive(Debug, Default)]
pub(crate) struct NormText {
    /// The normalized text.
    pub text: String,
    /// `(normalized offset, source offset)` pairs; between two checkpoints both texts advance
    /// byte for byte. Always starts with `(0, 0)`.
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
    pub fn fill(&mut self, source: &str) {
        let checkpoints = &mut self.checkpoints;
        self.text.clear();
        checkpoints.clear();
        checkpoints.push((0, 0));
        crate::normalize::fold_into(source, &mut self.text, |n, s| checkpoints.push((n, s)));
    }

    /// Source byte offset of a normalized byte offset (a char boundary of `text`, or its length).
    pub fn to_source(&self, at: usize) -> usize {
        let i = self.checkpoints.partition_point(|&(n, _)| n <= at);
        let (n, s) = self.checkpoints[i.saturating_sub(1)];
        s + (at - n)
    }
}

/// Whether `c` ends a sentence (after normalization: full-width marks are already half-width).
fn is_sentence_end(c: char) -> bool {
    matches!(c, '。' | '!' | '?' | ';' | '\n' | '…')
}

/// Sentence boundaries of a normalized text: the sorted end offsets of every sentence but the
/// last. A sentence ends after 。!?;… or a newline, and after `.` followed by whitespace or the
/// end (so `1.5` and `e.g.x` do not split).
#[cfg(test)]
pub(crate) fn sentence_breaks(text: &str) -> Vec<usize> {
    let mut out = Vec::new();
    sentence_breaks_into(text, &mut out);
    out
}

/// [`sentence_breaks`] into a reused buffer.
pub(crate) fn sentence_breaks_into(text: &str, out: &mut Vec<usize>) {
    out.clear();
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
}

/// Index of the sentence containing byte offset `at`, given [`sentence_breaks`].
pub(crate) fn sentence_of(breaks: &[usize], at: usize) -> usize {
    breaks.partition_point(|&b| b <= at)
}

/// Whether `c` separates clauses (negation does not reach across it).
pub(crate) fn is_clause_break(c: char) -> bool {
    is_sentence_end(c) || matches!(c, ',' | '、' | ':' | '.' | '—' | '(' | ')' | '《' | '》')
}

/// Whether `c` is part of a Latin-script word (Han characters are not: Chinese has no spaces,
/// so `ILO公约` still has `ILO` on a word boundary).
pub(crate) fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() && !crate::lang::is_han(c)
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
    fn matches_the_shared_normalization_and_maps_back() {
        for src in [
            "",
            "Ａ強迫x勞動 ＩＬＯ Convention",
            "We do NOT tolerate Forced Labour.",
            "《世界人權宣言》「人權」，　全角　空格",
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

    #[test]
    fn word_chars() {
        assert!(is_word_char('a') && is_word_char('7') && is_word_char('é'));
        assert!(!is_word_char('公') && !is_word_char(' ') && !is_word_char('-'));
        assert_eq!(fold_width('Ｉ'), 'I');
    }
}
