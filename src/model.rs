//! The types that flow through the pipeline: ingest → segment → tag → index.
//!
//! Every offset that leaves a stage is a byte offset into [`Document::text`], the
//! decoded original text, so that evidence can always be shown in its source.

use serde::{Deserialize, Serialize};
use std::ops::Range;
use std::path::PathBuf;

/// Language of a document or passage, as far as hria distinguishes them.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, Default,
)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// Chinese (Simplified or Traditional).
    Zh,
    /// English.
    En,
    /// Anything else, or too little text to tell.
    #[default]
    Other,
}

impl Lang {
    /// The lowercase code used in output and in the index (`zh`, `en`, `other`).
    pub fn code(self) -> &'static str {
        match self {
            Lang::Zh => "zh",
            Lang::En => "en",
            Lang::Other => "other",
        }
    }

    /// Parses `zh`, `en` or `other` (case-insensitive; `zh-Hans`, `zh-CN`, `en-GB` and the like too).
    pub fn parse(s: &str) -> Option<Lang> {
        let s = s.trim().to_ascii_lowercase();
        let primary = s.split(['-', '_']).next().unwrap_or("");
        match primary {
            "zh" | "cmn" | "chi" | "zho" => Some(Lang::Zh),
            "en" | "eng" => Some(Lang::En),
            "other" | "und" => Some(Lang::Other),
            _ => None,
        }
    }
}

impl std::fmt::Display for Lang {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.code())
    }
}

/// Source format of a document, chosen by file extension.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    /// Markdown (`.md`, `.markdown`).
    Markdown,
    /// Plain text (`.txt`).
    Text,
    /// HTML (`.html`, `.htm`).
    Html,
}

/// Descriptive metadata of a document, from the corpus manifest or inferred.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DocMeta {
    /// Title (manifest, else the first heading, else the file stem).
    pub title: String,
    /// Organisation that published it, if known.
    pub organisation: Option<String>,
    /// Kind of document: statement, report, policy, code-of-conduct, ...
    pub kind: Option<String>,
    /// Year of publication, if known.
    pub year: Option<i32>,
    /// Where it came from (URL or citation), if known.
    pub source: Option<String>,
}

/// One decoded input file.
#[derive(Debug, Clone)]
pub struct Document {
    /// Stable id: the path relative to the corpus root it was found under, with `/` separators.
    pub id: String,
    /// Path as found on disk.
    pub path: PathBuf,
    /// Source format.
    pub format: Format,
    /// The decoded original text. All offsets in hria point into this string.
    pub text: String,
    /// Encoding the bytes were decoded from (an `encoding_rs` name such as `UTF-8`, `GB18030`, `Big5`, `UTF-16LE`).
    pub encoding: String,
    /// How the encoding was chosen: `bom`, `option`, `declared` (an HTML page's `<meta>` charset),
    /// `detected`, `guessed` (detection was unsure; the document is reported as degraded) or
    /// `option-over-utf-8` (`--encoding` named another encoding for a valid UTF-8 file, which
    /// it garbles; reported as degraded too).
    pub encoding_source: String,
    /// Number of invalid byte sequences replaced by U+FFFD while decoding.
    pub replaced: usize,
    /// Hex BLAKE3 hash of the raw bytes, for incremental indexing.
    pub hash: String,
    /// Document language (manifest, else detected from the text).
    pub lang: Lang,
    /// Metadata.
    pub meta: DocMeta,
}

/// What structural unit a passage is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum PassageKind {
    /// A heading (Markdown `#`, HTML `h1`–`h6`).
    Heading,
    /// A paragraph of running text.
    Paragraph,
    /// One item of a list.
    ListItem,
}

impl PassageKind {
    /// The kebab-case name used in output and in the index.
    pub fn as_str(self) -> &'static str {
        match self {
            PassageKind::Heading => "heading",
            PassageKind::Paragraph => "paragraph",
            PassageKind::ListItem => "list-item",
        }
    }
}

/// Maps byte offsets in a passage's clean text back to byte offsets in the original document text.
///
/// Stored as runs: each run says that `clean[clean_start..clean_start+clean_len]` came from
/// `orig[orig_start..orig_start+orig_len]`. In a verbatim run the two lengths are equal and the
/// mapping is byte for byte; otherwise (an entity such as `&amp;` decoded to `&`) every byte of the
/// clean run maps to the start of its original span.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct OffsetMap {
    runs: Vec<Run>,
}

/// One run of an [`OffsetMap`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Run {
    /// Start of the run in the clean text.
    pub clean_start: usize,
    /// Length in bytes in the clean text.
    pub clean_len: usize,
    /// Start of the run in the original text.
    pub orig_start: usize,
    /// Length in bytes in the original text.
    pub orig_len: usize,
}

impl OffsetMap {
    /// An empty map.
    pub fn new() -> Self {
        Self::default()
    }

    /// Appends a run; runs must be pushed in increasing clean order. Adjacent verbatim runs are
    /// merged, and so are adjacent pieces of one non-verbatim span.
    pub fn push(
        &mut self,
        clean_start: usize,
        clean_len: usize,
        orig_start: usize,
        orig_len: usize,
    ) {
        if clean_len == 0 {
            return;
        }
        if let Some(last) = self.runs.last_mut() {
            let verbatim = last.clean_len == last.orig_len && clean_len == orig_len;
            let adjacent = last.clean_start + last.clean_len == clean_start;
            if verbatim && adjacent && last.orig_start + last.orig_len == orig_start {
                last.clean_len += clean_len;
                last.orig_len += orig_len;
                return;
            }
            // Two pieces of one span that does not read as its source (a code span read across a
            // line end, with letter spacing left out between): still one run, so that the map
            // never claims the same source twice nor goes back.
            if !verbatim && adjacent && last.orig_start == orig_start && last.orig_len == orig_len {
                last.clean_len += clean_len;
                return;
            }
        }
        self.runs.push(Run {
            clean_start,
            clean_len,
            orig_start,
            orig_len,
        });
    }

    /// Keeps the map of the first `clean_len` bytes of the clean text only. A run cut in two keeps
    /// its whole source span unless it is verbatim (its bytes are then cut alike).
    pub fn truncate(&mut self, clean_len: usize) {
        while self.runs.last().is_some_and(|r| r.clean_start >= clean_len) {
            self.runs.pop();
        }
        if let Some(last) = self.runs.last_mut() {
            let end = last.clean_start + last.clean_len;
            if end > clean_len {
                let cut = end - clean_len;
                if last.clean_len == last.orig_len {
                    last.orig_len -= cut;
                }
                last.clean_len -= cut;
            }
        }
    }

    /// The runs, in clean-text order.
    pub fn runs(&self) -> &[Run] {
        &self.runs
    }

    /// Original byte offset of the clean byte offset `clean` (which may equal the clean length,
    /// meaning "end of text": then the end of the last run is returned).
    pub fn to_orig(&self, clean: usize) -> usize {
        let i = self
            .runs
            .partition_point(|r| r.clean_start + r.clean_len <= clean);
        match self.runs.get(i) {
            Some(r) if clean >= r.clean_start => {
                if r.clean_len == r.orig_len {
                    r.orig_start + (clean - r.clean_start)
                } else {
                    r.orig_start
                }
            }
            Some(r) => r.orig_start,
            None => self
                .runs
                .last()
                .map(|r| r.orig_start + r.orig_len)
                .unwrap_or(0),
        }
    }

    /// Original byte range of the clean byte range `clean` (end exclusive, mapped to the end of the
    /// original span of its last byte).
    pub fn range_to_orig(&self, clean: Range<usize>) -> Range<usize> {
        if clean.is_empty() {
            let p = self.to_orig(clean.start);
            return p..p;
        }
        let start = self.to_orig(clean.start);
        let last = clean.end - 1;
        let i = self
            .runs
            .partition_point(|r| r.clean_start + r.clean_len <= last);
        let end = match self.runs.get(i) {
            Some(r) if r.clean_len == r.orig_len => r.orig_start + (clean.end - r.clean_start),
            Some(r) => r.orig_start + r.orig_len,
            None => self.to_orig(clean.end),
        };
        start..end.max(start)
    }
}

/// One word of a passage, as the index and the tagger see it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Token {
    /// The normalized term (Simplified, half-width, case-folded; Latin words stemmed). Stored
    /// inline up to 24 bytes (every Chinese word and most Latin ones), so that a token costs no
    /// heap allocation; it derefs to `&str`.
    pub term: compact_str::CompactString,
    /// Byte range in the passage's clean text.
    pub range: Range<usize>,
}

/// Where a passage's words start and end: two bits per byte of the clean text, one set where a
/// word starts and one where a word ends. The tagger asks which word holds an offset for every
/// Chinese keyword match; reading these few bits instead of the tokens (40 bytes each) keeps the
/// tokens, long out of the CPU caches when a passage is tagged after others were segmented, from
/// being read again.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct WordEdges {
    starts: Vec<u64>,
    ends: Vec<u64>,
}

impl WordEdges {
    /// The edges of the words of `tokens`, in text order. A passage's tokens are words only, but
    /// a token inside the word before it (a sub-word, as [`crate::segment::Segmenter::with_sub_words`]
    /// adds them) is not a word of its own: a token starting at or after the end of the last word
    /// is the next word.
    pub fn of(tokens: &[Token]) -> Self {
        let Some(last) = tokens.iter().map(|t| t.range.end).max() else {
            return WordEdges::default();
        };
        let n = last / 64 + 1;
        let (mut starts, mut ends) = (vec![0u64; n], vec![0u64; n]);
        let mut end = 0;
        for t in tokens {
            if t.range.start >= end && t.range.start < t.range.end {
                end = t.range.end;
                starts[t.range.start / 64] |= 1 << (t.range.start % 64);
                ends[end / 64] |= 1 << (end % 64);
            }
        }
        WordEdges { starts, ends }
    }

    /// Whether there are no words.
    pub fn is_empty(&self) -> bool {
        self.starts.is_empty()
    }

    /// The whole word that holds offset `x` strictly inside it (starts before `x`, ends after
    /// it), as a byte range.
    pub fn word_holding(&self, x: usize) -> Option<Range<usize>> {
        let start = last_set_at_or_before(&self.starts, x)?;
        if start == x {
            return None;
        }
        // Words do not overlap: the first end after a word's start is its end.
        let end = first_set_after(&self.ends, start)?;
        (end > x).then_some(start..end)
    }
}

/// The highest set bit at or below `x`.
fn last_set_at_or_before(bits: &[u64], x: usize) -> Option<usize> {
    let mut i = (x / 64).min(bits.len().checked_sub(1)?);
    let mut word = if i == x / 64 {
        bits[i] & (u64::MAX >> (63 - x % 64))
    } else {
        bits[i]
    };
    loop {
        if word != 0 {
            return Some(i * 64 + 63 - word.leading_zeros() as usize);
        }
        i = i.checked_sub(1)?;
        word = bits[i];
    }
}

/// The lowest set bit above `x`.
fn first_set_after(bits: &[u64], x: usize) -> Option<usize> {
    let from = x + 1;
    let mut i = from / 64;
    let mut word = bits.get(i)? & (u64::MAX << (from % 64));
    loop {
        if word != 0 {
            return Some(i * 64 + word.trailing_zeros() as usize);
        }
        i += 1;
        word = *bits.get(i)?;
    }
}

/// A passage: the unit that is tagged, indexed and shown as evidence.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Passage {
    /// Stable id: `{doc id}#{ordinal}-{short hash of the text}`; the same when the corpus is read again.
    pub id: String,
    /// Id of the document it belongs to.
    pub doc: String,
    /// Section path from the headings and bold lead-ins above it (outermost first).
    pub section: Vec<String>,
    /// Structural kind.
    pub kind: PassageKind,
    /// Detected language.
    pub lang: Lang,
    /// Byte range of the whole source span in [`Document::text`] (markup included).
    pub range: Range<usize>,
    /// Clean text: markup removed, page breaks joined.
    pub text: String,
    /// Maps clean-text offsets back to the original.
    pub map: OffsetMap,
    /// Sentence byte ranges in the clean text.
    pub sentences: Vec<Range<usize>>,
    /// Words, in order.
    pub tokens: Vec<Token>,
    /// Where the whole words of `tokens` start and end (see [`WordEdges`]).
    #[serde(skip)]
    pub edges: WordEdges,
}

/// How a tag was reached.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Basis {
    /// An instrument named in the passage.
    Cited,
    /// An instrument whose protected rights or groups the passage addresses without naming it.
    Covered,
    /// Any other tag, found from its keywords and rules.
    Matched,
}

/// Why a tag was given: a span of text and the keyword or rule that fired.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Evidence {
    /// Byte range in the original document text (for `tag --stdin`, in the input text).
    pub range: Range<usize>,
    /// The text that matched, as it reads in the passage's clean text: the original's chars at
    /// `range`, less any markup, invisible chars or letter spacing between them (`强迫劳动` for
    /// `强 迫 劳 动`).
    pub matched: String,
    /// The keyword or rule that fired (e.g. `keyword:强迫劳动`, `abbr:ICCPR`, `covers:right/labour/forced-labour`).
    pub rule: String,
    /// Byte range of `matched` in the passage's clean text, so that it can be shown exactly
    /// where it was found (the same words may occur twice, and markup shifts source offsets).
    /// Absent for free text (`tag --stdin`), where `range` is already in the text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text_range: Option<Range<usize>>,
}

/// A tag given to a passage.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Tag {
    /// Hierarchical id such as `right/labour/forced-labour`.
    pub tag: String,
    /// Confidence in 0..=1; tags below the tagger's threshold are not emitted.
    pub score: f32,
    /// Cited, covered or matched.
    pub basis: Basis,
    /// A due-diligence step that every match states only as planned, intended, required or
    /// possible ("we will establish remediation procedures", "suppliers must be audited"): the
    /// passage commits to the step rather than reports it taken, and gap reports count it as a
    /// commitment. Always false for other tags.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub planned: bool,
    /// What produced it.
    pub evidence: Vec<Evidence>,
}

/// A passage with its tags: what the index stores.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TaggedPassage {
    /// The passage.
    pub passage: Passage,
    /// Its tags, sorted by tag id.
    pub tags: Vec<Tag>,
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A whole word: the gap before it, its length, and its sub-words as `(offset, length)`.
    type WordSpec = (usize, usize, Vec<(usize, usize)>);

    /// Tokens as `Segmenter::with_sub_words` makes them: each word, then its sub-words clamped
    /// into it.
    fn tokens_of(words: &[WordSpec]) -> Vec<Token> {
        let mut at = 0;
        let mut out = Vec::new();
        for (gap, len, subs) in words {
            let start = at + gap;
            let end = start + len;
            out.push(Token {
                term: "w".into(),
                range: start..end,
            });
            for &(off, n) in subs {
                let s = start + off % len;
                let e = (s + n.max(1)).min(end);
                out.push(Token {
                    term: "s".into(),
                    range: s..e,
                });
            }
            at = end;
        }
        out
    }

    proptest::proptest! {

        #![proptest_config(crate::test_support::regressions_beside_source())]
        /// The word holding an offset is the whole word (a token starting at or after the end
        /// of the previous whole word) that starts before it and ends after it, found by
        /// looking at every token; across gaps, sub-words and 64-bit word edges alike.
        #[test]
        fn word_edges_find_the_whole_word_holding_an_offset(
            words in proptest::collection::vec(
                (0usize..3, 1usize..80, proptest::collection::vec((0usize..80, 0usize..6), 0..4)),
                0..40,
            )
        ) {
            let tokens = tokens_of(&words);
            let edges = WordEdges::of(&tokens);
            proptest::prop_assert_eq!(edges.is_empty(), tokens.is_empty());
            let mut whole: Vec<Range<usize>> = Vec::new();
            for t in &tokens {
                if whole.last().is_none_or(|w| t.range.start >= w.end) {
                    whole.push(t.range.clone());
                }
            }
            let len = tokens.iter().map(|t| t.range.end).max().unwrap_or(0);
            for x in 0..len + 130 {
                let expected = whole.iter().find(|w| w.start < x && x < w.end).cloned();
                proptest::prop_assert_eq!(edges.word_holding(x), expected, "at {}", x);
            }
        }
    }
}
