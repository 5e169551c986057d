//! Normalization for matching and indexing: Traditional → Simplified Chinese, full-width →
//! half-width, case folding, and Chinese punctuation variants.
//!
//! Every step maps one char to one char, so a normalized text keeps a char-for-char
//! correspondence with its source and offsets map back exactly.

use std::sync::OnceLock;

/// First and last code points of the CJK blocks converted from Traditional to Simplified.
const CJK_START: u32 = 0x3400;
const CJK_END: u32 = 0xA000;

/// Char-level Traditional → Simplified table over `CJK_START..CJK_END`, built once from OpenCC's
/// t2s dictionary. A char table (rather than phrase conversion) keeps the 1:1 char mapping that
/// offsets rely on; the phrase-level differences it misses are rare in rights language.
fn t2s_table() -> &'static [char] {
    static TABLE: OnceLock<Vec<char>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let chars: Vec<char> = (CJK_START..CJK_END).filter_map(char::from_u32).collect();
        let mut table: Vec<char> = (CJK_START..CJK_END)
            .map(|u| char::from_u32(u).unwrap_or('\u{FFFD}'))
            .collect();
        let Ok(cc) =
            ferrous_opencc::OpenCC::from_config(ferrous_opencc::config::BuiltinConfig::T2s)
        else {
            return table;
        };
        // Newline-separated so that OpenCC converts each char on its own, never as a phrase.
        let joined: String = chars.iter().flat_map(|&c| [c, '\n']).collect();
        let converted = cc.convert(&joined);
        for (src, dst) in chars.iter().zip(converted.split('\n')) {
            let mut it = dst.chars();
            if let (Some(d), None) = (it.next(), it.next()) {
                table[(*src as u32 - CJK_START) as usize] = d;
            }
        }
        table
    })
}

/// Forces the Traditional → Simplified table to be built now (it is otherwise built on first use).
pub fn warm_up() {
    let _ = t2s_table();
}

/// Normalizes one char: Traditional → Simplified, full-width → half-width, lowercase, and
/// Chinese punctuation variants folded to one form. Always exactly one char out.
#[inline]
pub fn fold_char(c: char) -> char {
    let u = c as u32;
    // Fast paths for the chars that make up almost all text: ASCII, then Han (whose table value
    // is final: the Simplified form of a Han char is neither punctuation nor a capital).
    if u < 0x80 {
        return c.to_ascii_lowercase();
    }
    if (CJK_START..CJK_END).contains(&u) {
        return t2s_table()[(u - CJK_START) as usize];
    }
    let c = match u {
        // Full-width ASCII variants.
        0xFF01..=0xFF5E => match char::from_u32(u - 0xFEE0) {
            Some(a) => return a.to_ascii_lowercase(),
            None => c,
        },
        0x3000 => return ' ',
        _ => c,
    };
    match c {
        '「' | '『' | '“' | '〝' => '“',
        '」' | '』' | '”' | '〞' => '”',
        '〈' | '‹' => '《',
        '〉' | '›' => '》',
        '、' => '、',
        // Blocks without capitals (general punctuation, CJK symbols and kana, full-width forms):
        // no case lookup needed.
        _ if matches!(u, 0x2000..=0x206F | 0x3000..=0x33FF | 0xFE30..=0xFFEF) => c,
        _ if c.is_uppercase() => {
            let mut low = c.to_lowercase();
            match (low.next(), low.next()) {
                (Some(l), None) => l,
                _ => c,
            }
        }
        _ => c,
    }
}

/// A normalized copy of a text, with a map from its byte offsets back to the source's.
#[derive(Debug, Clone, Default)]
pub struct Normalized {
    /// The normalized text.
    pub text: String,
    /// `(normalized byte offset, source byte offset)` of every char, in order.
    starts: Vec<(u32, u32)>,
    source_len: usize,
}

impl Normalized {
    /// Source byte offset of the normalized byte offset `at` (a char boundary of `text`, or its length).
    pub fn to_source(&self, at: usize) -> usize {
        match self.starts.binary_search_by_key(&(at as u32), |&(n, _)| n) {
            Ok(i) => self.starts[i].1 as usize,
            Err(i) if i >= self.starts.len() => self.source_len,
            // Inside a char: snap to the char's start.
            Err(i) => self.starts[i.saturating_sub(1)].1 as usize,
        }
    }

    /// Source byte range of a normalized byte range.
    pub fn range_to_source(&self, r: std::ops::Range<usize>) -> std::ops::Range<usize> {
        self.to_source(r.start)..self.to_source(r.end)
    }
}

/// Normalizes `source` char by char (see [`fold_char`]), keeping the offset correspondence.
pub fn normalize(source: &str) -> Normalized {
    let mut text = String::with_capacity(source.len());
    let mut starts = Vec::with_capacity(source.len());
    for (i, c) in source.char_indices() {
        starts.push((text.len() as u32, i as u32));
        text.push(fold_char(c));
    }
    Normalized {
        text,
        starts,
        source_len: source.len(),
    }
}

/// Normalizes without keeping offsets (queries, keywords).
///
/// ```
/// assert_eq!(hria::normalize::normalize_str("強迫勞動 ＩＬＯ"), "强迫劳动 ilo");
/// ```
pub fn normalize_str(source: &str) -> String {
    let mut out = String::with_capacity(source.len());
    normalize_into(source, &mut out);
    out
}

/// Normalizes `source` onto the end of `out` (a buffer the caller reuses), without offsets.
pub fn normalize_into(source: &str, out: &mut String) {
    out.reserve(source.len());
    for c in source.chars() {
        out.push(fold_char(c));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn traditional_fullwidth_and_case_fold() {
        assert_eq!(normalize_str("強迫勞動"), "强迫劳动");
        assert_eq!(normalize_str("《世界人權宣言》"), "《世界人权宣言》");
        assert_eq!(
            normalize_str("ＩＬＯ Ｃｏｎｖｅｎｔｉｏｎ"),
            "ilo convention"
        );
        assert_eq!(normalize_str("UNGP"), "ungp");
        assert_eq!(normalize_str("「人權」"), "“人权”");
    }

    /// `fold_char` as first written, without fast paths.
    fn fold_char_reference(c: char) -> char {
        let u = c as u32;
        let c = match u {
            0xFF01..=0xFF5E => char::from_u32(u - 0xFEE0).unwrap_or(c),
            0x3000 => ' ',
            CJK_START..CJK_END => t2s_table()[(u - CJK_START) as usize],
            _ => c,
        };
        match c {
            '「' | '『' | '“' | '〝' => '“',
            '」' | '』' | '”' | '〞' => '”',
            '〈' | '‹' => '《',
            '〉' | '›' => '》',
            '、' => '、',
            _ if c.is_ascii() => c.to_ascii_lowercase(),
            _ if c.is_uppercase() => {
                let mut low = c.to_lowercase();
                match (low.next(), low.next()) {
                    (Some(l), None) => l,
                    _ => c,
                }
            }
            _ => c,
        }
    }

    #[test]
    fn fast_paths_fold_every_char_as_the_reference() {
        for c in (0..=0x10FFFFu32).filter_map(char::from_u32) {
            assert_eq!(fold_char(c), fold_char_reference(c), "U+{:04X}", c as u32);
        }
    }

    #[test]
    fn normalize_into_appends() {
        let mut buf = String::from("x");
        normalize_into("ＡＢ強", &mut buf);
        assert_eq!(buf, "xab强");
    }

    #[test]
    fn offsets_map_back_char_for_char() {
        let src = "Ａ強迫x勞動";
        let n = normalize(src);
        assert_eq!(n.text, "a强迫x劳动");
        for (ni, _) in n.text.char_indices() {
            let si = n.to_source(ni);
            assert!(src.is_char_boundary(si));
        }
        let pos = n.text.find("劳动").unwrap();
        let r = n.range_to_source(pos..pos + "劳动".len());
        assert_eq!(&src[r], "勞動");
        assert_eq!(n.to_source(n.text.len()), src.len());
    }
}
