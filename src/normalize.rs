//! Normalization for matching and indexing: Traditional → Simplified Chinese, ideographs written
//! with compatibility code points → their unified form, full-width → half-width, case folding,
//! and Chinese punctuation variants.
//!
//! Every step maps one char to one char, so a normalized text keeps a char-for-char
//! correspondence with its source and offsets map back exactly.

use std::sync::OnceLock;

/// First and last code points of the CJK blocks converted from Traditional to Simplified.
const CJK_START: u32 = 0x3400;
const CJK_END: u32 = 0xA000;

/// Char-level Traditional → Simplified table over `CJK_START..CJK_END`, built once from OpenCC's
/// t2s dictionary and, for chars it leaves alone, its Hong Kong one. A char table (rather than phrase conversion) keeps the 1:1 char mapping that
/// offsets rely on; the phrase-level differences it misses are rare in rights language.
fn t2s_table() -> &'static [char] {
    static TABLE: OnceLock<Vec<char>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let chars: Vec<char> = (CJK_START..CJK_END).filter_map(char::from_u32).collect();
        let mut table: Vec<char> = (CJK_START..CJK_END)
            .map(|u| char::from_u32(u).unwrap_or('\u{FFFD}'))
            .collect();
        // Hong Kong and Taiwan write some chars in variants of their own (衞 for 衛 in
        // 人權捍衞者, 衞生), which the plain t2s dictionary leaves as they are: the regional
        // dictionaries fold those of the chars it leaves alone.
        use ferrous_opencc::config::BuiltinConfig::{Hk2s, T2s};
        for (pass, config) in [T2s, Hk2s].into_iter().enumerate() {
            let Ok(cc) = ferrous_opencc::OpenCC::from_config(config) else {
                continue;
            };
            let unchanged: Vec<char> = chars
                .iter()
                .copied()
                .filter(|&c| table[(c as u32 - CJK_START) as usize] == c)
                .collect();
            // Newline-separated so that OpenCC converts each char on its own, never as a phrase.
            let joined: String = unchanged.iter().flat_map(|&c| [c, '\n']).collect();
            let converted = cc.convert(&joined);
            let pairs: Vec<(char, char)> = unchanged
                .iter()
                .zip(converted.split('\n'))
                .filter_map(|(&src, dst)| {
                    let mut it = dst.chars();
                    let d = it.next().filter(|_| it.next().is_none())?;
                    (d != src).then_some((src, d))
                })
                .collect();
            // A regional variant only toward a char the t2s dictionary makes of another (卫 of 衛),
            // a Simplified one: Hk2s also writes 抬 as 擡.
            let simplified: std::collections::HashSet<char> = chars
                .iter()
                .map(|&c| (c, table[(c as u32 - CJK_START) as usize]))
                .filter(|&(c, d)| c != d && (CJK_START..CJK_END).contains(&(d as u32)))
                .map(|(_, d)| d)
                .filter(|&d| table[(d as u32 - CJK_START) as usize] == d)
                .collect();
            for (src, d) in pairs {
                if pass == 0 || simplified.contains(&d) {
                    table[(src as u32 - CJK_START) as usize] = d;
                }
            }
        }
        table
    })
}

/// Whether a char is invisible format or separator text that carries no letters: the soft
/// hyphen, the Mongolian vowel separator, zero-width spaces and joiners, direction marks and the
/// bidirectional embeddings, overrides and isolates, the word joiner and invisible operators, the
/// emoji presentation selector and the BOM. Web pages and PDF exports leave them inside words and
/// between paragraphs.
pub fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{AD}'
            | '\u{180E}'
            | '\u{200B}'..='\u{200F}'
            | '\u{202A}'..='\u{202E}'
            | '\u{2060}'..='\u{2064}'
            | '\u{2066}'..='\u{2069}'
            | '\u{FE0F}'
            | '\u{FEFF}'
    )
}

/// Forces the normalization tables to be built now (they are otherwise built on first use).
pub fn warm_up() {
    let _ = fold_table();
}

/// [`fold_char`] for every char of the Basic Multilingual Plane, computed once: the same
/// results, at the cost of a table lookup per char (the per-char Unicode case lookups it does
/// otherwise dominated normalization). A bitset of the chars that change, small enough to stay
/// in the L1 cache, spares most lookups.
pub(crate) struct FoldTable {
    to: Vec<char>,
    /// One bit per BMP code point; a fixed size, so that a lookup needs no bounds check.
    changes: Box<[u64; 0x1_0000 / 64]>,
}

/// The process-wide [`FoldTable`].
pub(crate) fn fold_table() -> &'static FoldTable {
    static TABLE: OnceLock<FoldTable> = OnceLock::new();
    TABLE.get_or_init(|| {
        let to: Vec<char> = (0u32..0x1_0000)
            .map(|u| char::from_u32(u).map_or('\u{FFFD}', fold_char))
            .collect();
        let mut changes = Box::new([0u64; 0x1_0000 / 64]);
        for (u, &f) in to.iter().enumerate() {
            if f as usize != u {
                changes[u / 64] |= 1 << (u % 64);
            }
        }
        FoldTable { to, changes }
    })
}

impl FoldTable {
    /// Whether the BMP code point `u` folds to another char.
    #[inline]
    fn changes(&self, u: usize) -> bool {
        self.changes[(u / 64) % self.changes.len()] & (1 << (u % 64)) != 0
    }

    /// [`fold_char`] through the table; `None` when the char stays as it is.
    #[inline]
    pub(crate) fn fold(&self, c: char) -> Option<char> {
        let u = c as usize;
        if u < 0x1_0000 {
            if !self.changes(u) {
                None
            } else {
                Some(self.to[u])
            }
        } else {
            let f = fold_char(c);
            (f != c).then_some(f)
        }
    }
}

/// Appends the normalization of `source` (see [`fold_char`]) to `out`, and calls
/// `shift(normalized offset, source offset)` (both relative to the start of `source`'s
/// normalization) just after every char whose UTF-8 length changed: between two such points
/// both texts advance byte for byte, so plain ASCII and Chinese text usually need none.
pub(crate) fn fold_into(source: &str, out: &mut String, mut shift: impl FnMut(usize, usize)) {
    let base = out.len();
    out.reserve(source.len());
    // Most English passages are pure ASCII: one bulk check, copy and lowercase.
    if source.is_ascii() {
        out.push_str(source);
        out[base..].make_ascii_lowercase();
        return;
    }
    let table = fold_table();
    let changes = &*table.changes;
    let bytes = source.as_bytes();
    // Copy unchanged runs in bulk and write only the chars that fold to another char
    // (Traditional → Simplified, full-width forms); ASCII is lowercased at the end, if it
    // has capitals at all.
    let mut copied = 0;
    let mut upper = false;
    let mut i = 0;
    loop {
        // A run of three-byte chars (Han, CJK punctuation, full-width forms: most of a Chinese
        // text) that stay as they are, looked up in the bitset from their bytes.
        while let Some(&[b0 @ 0xE0..0xF0, b1, b2]) = bytes.get(i..i + 3) {
            let u = (usize::from(b0 & 0x0F) << 12)
                | (usize::from(b1 & 0x3F) << 6)
                | usize::from(b2 & 0x3F);
            // `u < 0x10000`, so the index is in bounds (checked at compile time).
            if changes[u >> 6] & (1 << (u & 63)) != 0 {
                break;
            }
            i += 3;
        }
        while let Some(&b) = bytes.get(i).filter(|b| b.is_ascii()) {
            upper |= b.is_ascii_uppercase();
            i += 1;
        }
        // Other chars, those that change, and the first of a run after ASCII are decoded.
        let Some(c) = source.get(i..).and_then(|t| t.chars().next()) else {
            break;
        };
        let len = c.len_utf8();
        if let Some(f) = table.fold(c) {
            out.push_str(&source[copied..i]);
            out.push(f);
            copied = i + len;
            if f.len_utf8() != len {
                shift(out.len() - base, copied);
            }
        }
        i += len;
    }
    out.push_str(&source[copied..]);
    if upper {
        out[base..].make_ascii_lowercase();
    }
}

/// The CJK radicals (the radicals supplement and the Kangxi radicals).
pub(crate) const RADICALS: std::ops::RangeInclusive<u32> = 0x2E80..=0x2FDF;

/// Whether `u` stands for an ideograph with a code point of another block: the CJK radicals,
/// and the CJK compatibility ideographs and their supplement.
fn is_compatibility_ideograph(u: u32) -> bool {
    RADICALS.contains(&u) || matches!(u, 0xF900..=0xFAFF | 0x2F800..=0x2FA1F)
}

/// Unicode's table of the unified ideographs that CJK radicals and strokes look the same as
/// (the Equivalent_Unified_Ideograph property of the Unicode Character Database, unmodified;
/// its licence is `src/data/unicode/LICENSE`).
const EQUIVALENT_UNIFIED_IDEOGRAPH: &str =
    include_str!("data/unicode/EquivalentUnifiedIdeograph.txt");

/// `(first, last, ideograph)` for the radicals of [`EQUIVALENT_UNIFIED_IDEOGRAPH`], in order.
fn radical_table() -> &'static [(u32, u32, char)] {
    static TABLE: OnceLock<Vec<(u32, u32, char)>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut table: Vec<(u32, u32, char)> = EQUIVALENT_UNIFIED_IDEOGRAPH
            .lines()
            .filter_map(parse_equivalent)
            .filter(|(first, _, _)| RADICALS.contains(first))
            .collect();
        table.sort_unstable();
        table
    })
}

/// A mapping line of [`EQUIVALENT_UNIFIED_IDEOGRAPH`] (`2E8C..2E8D ; 5C0F  # ...`); `None` for
/// comments and blank lines.
fn parse_equivalent(line: &str) -> Option<(u32, u32, char)> {
    let data = line.split('#').next()?;
    let (range, to) = data.split_once(';')?;
    let hex = |h: &str| u32::from_str_radix(h.trim(), 16).ok();
    let (first, last) = match range.split_once("..") {
        Some((a, b)) => (hex(a)?, hex(b)?),
        None => (hex(range)?, hex(range)?),
    };
    Some((first, last, char::from_u32(hex(to)?)?))
}

/// The unified ideograph that a radical (by [`radical_table`]) or a compatibility ideograph (by
/// its Unicode compatibility decomposition, NFKC) stands for: `⼈` (U+2F08 KANGXI RADICAL MAN)
/// is `人`, `⺠` (U+2EA0 CJK RADICAL CIVILIAN) is `民`. `None` for the few radicals without one.
fn unified_ideograph(c: char) -> Option<char> {
    let u = c as u32;
    if RADICALS.contains(&u) {
        let table = radical_table();
        let i = table.partition_point(|&(_, last, _)| last < u);
        return table
            .get(i)
            .filter(|&&(first, _, _)| first <= u)
            .map(|&(_, _, h)| h);
    }
    let mut one = None;
    let mut count = 0;
    unicode_normalization::char::decompose_compatible(c, |d| {
        one = Some(d);
        count += 1;
    });
    one.filter(|&d| count == 1 && d != c && crate::lang::is_han(d))
}

/// Normalizes one char: Traditional → Simplified, an ideograph written with a compatibility code
/// point to its unified form, full-width → half-width, lowercase, and Chinese punctuation variants
/// folded to one form. Always exactly one char out.
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
    // Text extracted from PDFs often writes common ideographs with the radicals that look the
    // same (`⼈⺠`, `⽣产`) or with compatibility ideographs; they read as the ideograph.
    if is_compatibility_ideograph(u) {
        if let Some(h) = unified_ideograph(c) {
            return fold_char(h);
        }
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
        // The half-width and small ideographic commas (､ ﹑) are the list comma 、.
        '､' | '﹑' => '、',
        // Blocks without capitals (general punctuation, CJK symbols and kana, full-width forms):
        // no case lookup needed.
        _ if matches!(u, 0x2000..=0x206F | 0x3000..=0x33FF | 0xFE30..=0xFFEF) => c,
        _ => lower_one(c),
    }
}

/// The lowercase of a capital or titlecase letter (ǅ), when it is one char; İ, whose lowercase is
/// i with a combining dot, is i, as "istanbul" is searched for.
fn lower_one(c: char) -> char {
    if c == 'İ' {
        return 'i';
    }
    let mut low = c.to_lowercase();
    match (low.next(), low.next()) {
        (Some(l), None) => l,
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
    fold_into(source, out, |_, _| {});
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
        assert_eq!(normalize_str("林业､草原﹑水利"), "林业、草原、水利");
    }

    #[test]
    fn regional_variants_and_special_capitals_fold() {
        // Hong Kong's 衞 (for 衛), and variants toward Simplified chars only: 抬 stays.
        assert_eq!(
            normalize_str("人權捍衞者 衞生 敍述"),
            "人权捍卫者 卫生 叙述"
        );
        assert_eq!(normalize_str("抬头 擡頭 土著 顯著"), "抬头 擡头 土著 显著");
        // İ's lowercase is two chars; titlecase digraphs have a one-char lowercase.
        assert_eq!(normalize_str("İstanbul ǅemal"), "istanbul ǆemal");
    }

    #[test]
    fn compatibility_ideographs_read_as_the_unified_ideograph() {
        // Radicals as PDF text extraction gives them: the Kangxi radicals ⼈ ⽣ ⼯ ⽌ (U+2F08,
        // 2F63, 2F2F, 2F4C) and the simplified radicals ⺠ ⻓ ⻅ (U+2EA0, 2ED3, 2EC5).
        assert_eq!(
            normalize_str("⼈⺠ ⽣产 ⼯作 禁⽌ ⻓期 ⻅证"),
            "人民 生产 工作 禁止 长期 见证"
        );
        // A radical of a range (U+2E8C..2E8D: 小).
        assert_eq!(normalize_str("\u{2E8D}"), "小");
        // Compatibility ideographs: their unified forms (領 for U+F9B4, 豈 for U+F900) are
        // Traditional, and are then simplified.
        assert_eq!(normalize_str("\u{F9B4}\u{F900}"), "领岂");
        // Outside the BMP: U+2F800 is 丽 (U+4E3D).
        assert_eq!(normalize_str("\u{2F800}"), "丽");
        // A radical with no unified ideograph (U+2E80 CJK RADICAL REPEAT) stays as it is.
        assert_eq!(normalize_str("\u{2E80}"), "\u{2E80}");
        // Char for char: offsets map back to the radical.
        let src = "禁⽌强迫劳动";
        let n = normalize(src);
        let at = n.text.find("止").unwrap();
        assert_eq!(&src[n.range_to_source(at..at + "止".len())], "⽌");
    }

    /// `fold_char` as first written, without fast paths.
    fn fold_char_reference(c: char) -> char {
        let c = if is_compatibility_ideograph(c as u32) {
            unified_ideograph(c).unwrap_or(c)
        } else {
            c
        };
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
            '､' | '﹑' => '、',
            _ if c.is_ascii() => c.to_ascii_lowercase(),
            _ => lower_one(c),
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
    fn every_mapping_line_of_the_unicode_table_parses() {
        let lines: Vec<&str> = EQUIVALENT_UNIFIED_IDEOGRAPH
            .lines()
            .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
            .collect();
        assert!(lines.len() > 300, "{}", lines.len());
        for line in lines {
            assert!(parse_equivalent(line).is_some(), "{line}");
        }
        // Every radical of the Kangxi block that NFKC maps maps to the same ideograph here.
        for u in 0x2F00..=0x2FD5u32 {
            let c = char::from_u32(u).unwrap();
            let nfkc: String =
                unicode_normalization::UnicodeNormalization::nfkc(c.to_string().as_str()).collect();
            assert_eq!(
                unified_ideograph(c).map(String::from),
                Some(nfkc),
                "U+{u:04X}"
            );
        }
    }

    #[test]
    fn fold_into_folds_every_char_as_fold_char() {
        let mut out = String::new();
        for c in (0..=0x10FFFFu32).filter_map(char::from_u32) {
            let src = format!("Q{c}é");
            out.clear();
            fold_into(&src, &mut out, |_, _| {});
            let want: String = src.chars().map(fold_char).collect();
            assert_eq!(out, want, "U+{:04X}", c as u32);
        }
    }

    #[test]
    fn fold_into_keeps_the_prefix_and_reports_length_changes() {
        let mut buf = String::from("X");
        normalize_into("AB", &mut buf);
        assert_eq!(buf, "Xab");
        let mut buf = String::from("Y");
        let mut shifts = Vec::new();
        fold_into("Ａ強x　Ｂ", &mut buf, |n, s| shifts.push((n, s)));
        assert_eq!(buf, "Ya强x b");
        // Ａ (3 bytes) became `a`, the ideographic space ` `, Ｂ `b`: offsets after each.
        assert_eq!(shifts, [(1, 3), (6, 10), (7, 13)]);
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
