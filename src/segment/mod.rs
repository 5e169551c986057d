//! Segmentation: a document's structure (sections, paragraphs, list items), page-break repair,
//! sentences and words. Each passage is segmented once; its tokens serve the tagger and the index.
//!
//! - [`markdown`], [`html`] and [`text`] read the structure of each format into blocks with a
//!   section path (headings, and bold lead-ins such as `**我们承诺实施补救：**`);
//! - page breaks are repaired: a paragraph that stops without sentence-final punctuation and is
//!   continued by the next paragraph is joined with it;
//! - [`sentences`] splits clean text into sentences, and words come from jieba (Han runs of the
//!   normalized text, with hria's rights terms in the dictionary) and Unicode word bounds (other
//!   runs, case-folded and Snowball-stemmed with the English stemmer whatever the passage's
//!   language, so that a query's words meet the text's).

mod block;
pub(crate) use block::{after_article_number, digit_value, numeral_len};
mod html;
pub(crate) mod markdown;
mod sentence;
mod split;
mod text;
mod words;

pub use html::MAX_DEPTH as MAX_HTML_DEPTH;

/// A copy of an HTML text with the tags nested deeper than [`MAX_HTML_DEPTH`] blanked out (same
/// offsets), for any other reader of the HTML; `None` when nothing nests that deep.
pub(crate) fn flatten_html(src: &str) -> Option<String> {
    html::flatten(src, 0..src.len()).map(|(copy, _)| copy)
}

pub(crate) use block::{unspace_free_text, without_invisible, MAX_SECTION_NAME};
pub use sentence::sentences;
pub use split::MAX_PASSAGE_CHARS;
pub(crate) use words::other_spelling;

use crate::model::{Document, Format, Passage, PassageKind, Token, WordEdges};
use block::Block;
use std::borrow::Cow;
use std::collections::HashMap;
use std::ops::Range;
use std::sync::{Arc, OnceLock};

/// hria's rights terms, added to jieba's dictionary so that they stay whole (`word [freq]` a line).
pub const USER_DICT: &str = include_str!("../data/userdict.txt");

/// Segments documents. Holds the Jieba dictionary, loaded once per process and shared by all threads.
#[derive(Clone)]
pub struct Segmenter {
    jieba: Arc<jieba_rs::Jieba>,
    stemmer: Arc<rust_stemmers::Stemmer>,
}

impl Default for Segmenter {
    fn default() -> Self {
        Self::new()
    }
}

/// The process-wide dictionary: jieba's default one plus [`USER_DICT`].
fn dictionary() -> Arc<jieba_rs::Jieba> {
    static JIEBA: OnceLock<Arc<jieba_rs::Jieba>> = OnceLock::new();
    JIEBA
        .get_or_init(|| {
            let mut j = jieba_rs::Jieba::new();
            for line in USER_DICT.lines() {
                let line = line.trim();
                if line.is_empty() || line.starts_with('#') {
                    continue;
                }
                let mut parts = line.split_whitespace();
                let Some(word) = parts.next() else { continue };
                let freq = parts.next().and_then(|f| f.parse().ok());
                // Never below what it takes to keep the term whole.
                let freq = freq.map(|f: usize| f.max(j.suggest_freq(word)));
                j.add_word(word, freq, parts.next());
            }
            Arc::new(j)
        })
        .clone()
}

impl Segmenter {
    /// A segmenter sharing the process-wide dictionary (loaded on first use, with hria's rights terms).
    pub fn new() -> Self {
        Segmenter {
            jieba: dictionary(),
            stemmer: Arc::new(rust_stemmers::Stemmer::create(
                rust_stemmers::Algorithm::English,
            )),
        }
    }

    /// The process-wide segmenter, so that the CLI and the index's tokenizer share one dictionary.
    pub fn shared() -> &'static Segmenter {
        static SHARED: OnceLock<Segmenter> = OnceLock::new();
        SHARED.get_or_init(Segmenter::new)
    }

    /// The shared Jieba instance (for benches, tests and the tagger's cut of unsegmented text).
    pub fn jieba(&self) -> &jieba_rs::Jieba {
        &self.jieba
    }

    /// Starts a new run with cold caches. Each thread caches the stems of the words it has
    /// seen (a corpus repeats a few thousand words); after this call every thread's cache
    /// starts empty at its next use, for every segmenter of the process (they share one
    /// stemmer and dictionary, so the caches are shared too). A benchmark that segments the
    /// same texts again calls it before each timed run, so that each run measures what one
    /// `hria index` run over the corpus gets. Output never depends on the caches.
    pub fn clear_caches(&self) {
        words::new_run();
    }

    /// Splits a document into passages, in document order.
    pub fn segment(&self, doc: &Document) -> Vec<Passage> {
        self.passages(doc).collect()
    }

    /// The passages of a document, in document order, each made when it is asked for: the
    /// document's structure is read at once, but its words are cut passage by passage, so that
    /// a caller handing each passage on (the index) never holds a large document's words all at
    /// once.
    pub fn passages<'a>(&'a self, doc: &'a Document) -> impl Iterator<Item = Passage> + 'a {
        // A UTF-8 BOM is kept in the text, so that its ranges are the file's bytes: the text
        // without it is read (a Markdown heading on the first line is still one), and every range
        // moved back past it. So is one that opens a later line (two files joined).
        let (text, boms) = without_line_boms(&doc.text);
        let text: &str = &text;
        let blocks = match doc.format {
            Format::Markdown => markdown::blocks(text),
            Format::Html => html::blocks(text),
            Format::Text => text::blocks(text),
        };
        // The plain-text reader tells points from wrapped lines itself.
        let blocks = match doc.format {
            Format::Text => blocks,
            Format::Markdown | Format::Html => number_points(blocks),
        };
        let mut blocks = split::split_long(repair_page_breaks(text, blocks));
        if !boms.is_empty() {
            for b in &mut blocks {
                b.restore_boms(&boms);
            }
        }
        blocks.into_iter().enumerate().map(move |(i, b)| {
            let lang = crate::lang::detect_in(&b.text, doc.lang);
            let tokens = self.tokens(&b.text);
            Passage {
                id: passage_id(&doc.id, i, &b.text),
                doc: doc.id.clone(),
                section: b.section,
                kind: b.kind,
                lang,
                range: b.range,
                sentences: sentences(&b.text),
                edges: WordEdges::of(&tokens),
                tokens,
                text: b.text,
                map: b.map,
            }
        })
    }

    /// Words of a clean text, with byte ranges into it; Latin words are Snowball-stemmed
    /// (English) whatever the text's language. A query cannot know the language of the passages it
    /// is to find, so every passage's words are cut as a query's are: a French `enfants` is found
    /// by `enfants`, and an English passage that names Côte d'Ivoire (which may be detected as
    /// `other`) by `audits`.
    pub fn tokens(&self, text: &str) -> Vec<Token> {
        let mut out = Vec::with_capacity(text.len() / 4);
        words::tokens(Some(&self.jieba), Some(&*self.stemmer), text, &mut out);
        out
    }

    /// Calls `f` with the byte range in `term` of each dictionary sub-word of `term`, a word of
    /// [`Segmenter::tokens`]: the 2-char, then the 3-char, … dictionary words inside a Chinese
    /// word longer than them (强迫 and 劳动 in 强迫劳动), or the runs of letters and of digits of
    /// a Latin word with both (fy and 2023 in fy2023). Segmentation keeps words whole; the index
    /// adds these at their word's position, so that a search for 劳动 finds 强迫劳动.
    pub fn sub_words(&self, term: &str, f: impl FnMut(std::ops::Range<usize>)) {
        words::sub_words(&self.jieba, term, f);
    }

    /// `tokens`, words of `text` from [`Segmenter::tokens`], each followed by its sub-words
    /// ([`Segmenter::sub_words`]) with their ranges in `text`, and by the closed form of the
    /// hyphenated compound it ends ([`Segmenter::compound`]): the terms the index holds for the
    /// text, in the order it holds them.
    pub fn with_sub_words(&self, text: &str, tokens: Vec<Token>) -> Vec<Token> {
        let mut out = Vec::with_capacity(tokens.len() + tokens.len() / 4);
        for (i, t) in tokens.iter().enumerate() {
            let (term, start) = (&t.term, t.range.start);
            let source = text.get(t.range.clone()).unwrap_or_default();
            out.push(t.clone());
            self.sub_words(term, |g| {
                let r = words::source_range(source, term, g.clone());
                out.push(Token {
                    term: term[g].into(),
                    range: start + r.start..start + r.end,
                });
            });
            out.extend(self.compound(text, &tokens, i));
        }
        out
    }

    /// The closed form of the two-part hyphenated compound whose second part is `tokens[i]`,
    /// words of `text`: the term of "whistleblower" for "whistle-blower", of "email" for
    /// "e-mail", over both parts. The index holds it at the second part's position beside the
    /// two parts, so that a search for whistleblower finds "whistle-blower" (and search turns
    /// an unquoted `whistle-blower` into either form). A compound of three parts or more
    /// ("state-of-the-art"), one starting with a digit ("2022-23") or with Chinese gives none.
    pub fn compound(&self, text: &str, tokens: &[Token], i: usize) -> Option<Token> {
        let (a, b) = (tokens.get(i.checked_sub(1)?)?, tokens.get(i)?);
        // Most pairs are settled by the gap's length: a hyphen is one byte, or three (U+2010,
        // U+2011).
        if !matches!(b.range.start.checked_sub(a.range.end), Some(1 | 3)) {
            return None;
        }
        let is_hyphen = |c: char| matches!(c, '-' | '\u{2010}' | '\u{2011}');
        let gap = text.get(a.range.end..b.range.start)?;
        if !gap.chars().next().is_some_and(is_hyphen) || gap.chars().nth(1).is_some() {
            return None;
        }
        let (first, second) = (text.get(a.range.clone())?, text.get(b.range.clone())?);
        let latin = |w: &str| !w.chars().any(crate::lang::is_han);
        if !first.chars().next().is_some_and(char::is_alphabetic) || !latin(first) || !latin(second)
        {
            return None;
        }
        if text[..a.range.start]
            .chars()
            .next_back()
            .is_some_and(is_hyphen)
        {
            return None;
        }
        let mut after = text[b.range.end..].chars();
        if after.next().is_some_and(is_hyphen) && after.next().is_some_and(char::is_alphanumeric) {
            return None;
        }
        let mut joined = self.tokens(&format!("{first}{second}"));
        match (joined.pop(), joined.is_empty()) {
            (Some(t), true) => Some(Token {
                term: t.term,
                range: a.range.start..b.range.end,
            }),
            _ => None,
        }
    }
}

/// The words of `text` as [`Segmenter::tokens`] makes them (normalized, Latin words stemmed),
/// except that Han text is not cut into words: each stretch of Han chars between punctuation is
/// one token. It needs no dictionary, so none is loaded (about 0.13 s): for a caller that looks
/// up a keyword's parts among an index's terms itself, as `gaps` does.
pub fn uncut_tokens(text: &str) -> Vec<Token> {
    static STEMMER: OnceLock<rust_stemmers::Stemmer> = OnceLock::new();
    let stemmer =
        STEMMER.get_or_init(|| rust_stemmers::Stemmer::create(rust_stemmers::Algorithm::English));
    let mut out = Vec::new();
    words::tokens(None, Some(stemmer), text, &mut out);
    out
}

/// `{doc}#{index:04}-{the text's CRC-32 in 8 hex digits}`, written without the formatting
/// machinery (which cost more than the hash on short passages). The hash only marks a changed
/// text (the ordinal keeps ids apart): a checksum does that, at a tenth of what BLAKE3 cost on
/// short passages.
fn passage_id(doc: &str, index: usize, text: &str) -> String {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let hash = crc32fast::hash(text.as_bytes()).to_be_bytes();
    let mut id = String::with_capacity(doc.len() + 14);
    id.push_str(doc);
    id.push('#');
    if index < 10_000 {
        for d in [1000, 100, 10, 1] {
            id.push(char::from(b'0' + (index / d % 10) as u8));
        }
    } else {
        id.push_str(&index.to_string());
    }
    id.push('-');
    for b in hash {
        id.push(char::from(HEX[usize::from(b >> 4)]));
        id.push(char::from(HEX[usize::from(b & 15)]));
    }
    id
}

/// The document id and passage ordinal written in a passage id ([`passage_id`]'s inverse, less
/// the hash); `None` for a string that is not one.
pub fn parse_passage_id(id: &str) -> Option<(&str, u64)> {
    let (doc, rest) = id.rsplit_once('#')?;
    let (ordinal, hash) = rest.split_once('-')?;
    if hash.len() != 8 || !hash.bytes().all(|b| b.is_ascii_hexdigit()) {
        return None;
    }
    Some((doc, ordinal.parse().ok()?))
}

/// `text` without the BOMs (U+FEFF) that open a line, and where each was left out, as offsets
/// of the text without them, in order. Files saved with a UTF-8 BOM and joined (`cat p1.md
/// p2.md`) put one before the second file's first line, where it hid a Markdown heading
/// (`\u{FEFF}# Grievance mechanism` read as text), a list item or a numbered title from the
/// readers, as the one opening the file would. Elsewhere a BOM is an invisible char of the
/// text, left out of the clean text (see `block::invisible_chars`).
fn without_line_boms(text: &str) -> (Cow<'_, str>, Vec<usize>) {
    const BOM: &str = "\u{FEFF}";
    let mut at = Vec::new();
    let mut after = 0; // the end of the last BOM left out: one right after it opens its line too
    for i in memchr::memmem::find_iter(text.as_bytes(), BOM) {
        if i == after || matches!(text.as_bytes()[i - 1], b'\n' | b'\r') {
            at.push(i);
            after = i + BOM.len();
        }
    }
    match at.as_slice() {
        [] => (Cow::Borrowed(text), at),
        // The common case, a file's own BOM: no copy.
        [0] => (Cow::Borrowed(&text[BOM.len()..]), at),
        _ => {
            let mut out = String::with_capacity(text.len());
            let mut cuts = Vec::with_capacity(at.len());
            let mut last = 0;
            for i in at {
                out.push_str(&text[last..i]);
                cuts.push(out.len());
                last = i + BOM.len();
            }
            out.push_str(&text[last..]);
            (Cow::Owned(out), cuts)
        }
    }
}

/// Whether a text shows nothing: only whitespace and zero-width format chars (a paragraph of a
/// lone U+200B is common in web-sourced Markdown). The block builder makes no block of such a
/// text, so it is no passage, names no section and does not stand between the halves of a
/// paragraph cut by a page break; nor is such a piece of a cut block a passage.
fn invisible(text: &str) -> bool {
    text.chars()
        .all(|c| c.is_whitespace() || crate::normalize::is_invisible(c))
}

/// Whether a clean text ends a sentence (or a lead-in to what follows).
fn ends_sentence(text: &str) -> bool {
    let t = text.trim_end_matches(|c: char| c.is_whitespace() || sentence::is_closer(c));
    t.ends_with([
        '。', '！', '？', '；', '.', '!', '?', ';', ':', '：', '…', '．', '｡',
    ])
}

/// Makes list items of the paragraphs that open with a marker Markdown and HTML do not know as
/// one (`（一）`, `①`, `(2)`, `a)`), as Chinese and legal texts number their points, each a
/// paragraph of its own. Page-break repair joins a point's halves as a paragraph's.
///
/// A paragraph that opens with a bullet Markdown does not know (`●`, `■`, `➢`, a Word bullet in
/// the private-use area; see [`block::bullet`]) is a list item too, its bullet left out as
/// Markdown's `-` is. A dash opens one after a block that ends its sentence or is no paragraph,
/// or before a capital: `— including migrants` goes on the sentence a page break cut.
fn number_points(mut blocks: Vec<Block>) -> Vec<Block> {
    for i in 0..blocks.len() {
        let (before, rest) = blocks.split_at_mut(i);
        let b = &mut rest[0];
        if b.kind != PassageKind::Paragraph || b.whole || b.opens_section {
            continue;
        }
        if block::numbered_line_marker(&b.text).is_some() {
            b.kind = PassageKind::ListItem;
            b.point = true;
            continue;
        }
        let after_end = || {
            before
                .last()
                .is_none_or(|p| p.kind != PassageKind::Paragraph || ends_sentence(&p.text))
        };
        let marker = block::bullet(&b.text).or_else(|| {
            block::dash_bullet(&b.text)
                .filter(|&m| after_end() || !b.text[m..].starts_with(char::is_lowercase))
        });
        if let Some(m) = marker.filter(|_| page_number(&b.text) == PageNumber::No) {
            b.kind = PassageKind::ListItem;
            b.map = block::sub_map(&b.map, m..b.text.len());
            b.text.drain(..m);
        }
    }
    blocks
}

/// Words a sentence does not end with: what follows them was cut off.
const OPEN_ENDED: &[&str] = &[
    "the", "a", "an", "of", "to", "for", "with", "in", "on", "at", "by", "from", "and", "or", "as",
    "than", "that", "our", "their", "its", "is", "are", "was", "were", "be", "has", "have",
];

/// Whether `a` is cut off by a page break and continued by `b`.
fn continues(a: &Block, b: &Block) -> bool {
    // A numbered point (`（一）`) is cut as a paragraph is; a Markdown list item is not joined.
    if (a.kind != PassageKind::Paragraph && !a.point)
        || b.kind != PassageKind::Paragraph
        || a.whole
        || b.whole
        || b.opens_section
        || a.section != b.section
        || ends_sentence(&a.text)
    {
        return false;
    }
    // A short single line is a title or a signature, not a cut-off paragraph (only a short text
    // is looked through: `a` may be a long chain of joins).
    if a.text.len() <= 80 && a.text.chars().count() <= 20 && !a.text.contains('\n') {
        return false;
    }
    // A page break does not go on from an English sentence to a Chinese one, nor back: one side
    // is Latin text without a Han char, the other Han text (Chinese naming SCoC or Xbox Live is
    // Han text, and goes on as before). Only the ends that meet are looked at (`a` may be a long
    // chain of joins).
    let (a_end, b_start) = (Script::of(a.text.chars().rev()), Script::of(b.text.chars()));
    if matches!(
        (a_end, b_start),
        (Script::Latin, Script::Han) | (Script::Han, Script::Latin)
    ) {
        return false;
    }
    // In Latin script a new sentence starts with a capital (after any quote or bracket), and
    // a small letter goes on the sentence before.
    match b.text.chars().find(|c| c.is_alphanumeric()) {
        Some(c) if c.is_uppercase() => return false,
        Some(c) if c.is_lowercase() => return true,
        _ => {}
    }
    // Nor a figure, unless the words before it cannot end a sentence (`each of the` / `250`).
    if a.text
        .trim_end()
        .rsplit(|c: char| !c.is_alphanumeric())
        .next()
        .is_some_and(|w| OPEN_ENDED.iter().any(|o| o.eq_ignore_ascii_case(w)))
    {
        return true;
    }
    // In Chinese nothing tells a new sentence apart so plainly, but a particle or a
    // punctuation mark never opens one (`…〈…条例〉` / `的决定》修正`), nor does the unit of a
    // figure cut off (`并于2022` / `年启动了…`).
    let tail_digit = a.text.trim_end().ends_with(|c: char| c.is_ascii_digit());
    if b.text.starts_with([
        '的', '了', '着', '地', '得', '之', '等', '者', '，', '、', '。', '；', '：', '）', '》',
        '」',
    ]) || (tail_digit
        && b.text.starts_with([
            '年', '月', '日', '号', '%', '％', '万', '亿', '个', '项', '次', '件', '人', '名',
            '家', '元',
        ]))
    {
        return true;
    }
    // An article or a section (`第一条 …`, `三、`) starts afresh.
    if block::opens_chinese_unit(&b.text) {
        return false;
    }
    // A figure ends a Chinese data point (`签署率达到100%`, `已整改121项`), which report
    // highlights and KPI lists set one to a paragraph without a full stop (`article 2` / `(3) of
    // the Covenant` is English, read below).
    let tail: Vec<char> = a.text.trim_end().chars().rev().take(3).collect();
    let figure = tail
        .iter()
        .enumerate()
        .any(|(k, &c)| c.is_ascii_digit() || (k == 0 && (c == '%' || c == '％')));
    // A date is no data point: `于2022年` / `启动了…` goes on.
    let date =
        matches!(tail.as_slice(), [u, d, ..] if "年月日号".contains(*u) && d.is_ascii_digit());
    // Only the end is looked at: `a` may be a long chain of joins.
    let han = a
        .text
        .chars()
        .rev()
        .take(16)
        .find(|c| c.is_alphabetic())
        .is_some_and(crate::lang::is_han);
    if figure && han && !date {
        return false;
    }
    // A line of short labels and their whole dates (`更新日期：2024年9月1日　生效日期：2024年9月15日`)
    // is a heading's metadata, whole; not a date the break cut (`生效日期：2024年9月` / `1日起施行`).
    if han && !a.text.contains('\n') && a.text.chars().count() <= 60 {
        let text = a.text.trim_end();
        let value = text.rsplit(['：', ':']).next().unwrap_or("");
        let label = text.split(['：', ':']).next().unwrap_or("");
        let whole_date = value.ends_with(['日', '号'])
            && value
                .chars()
                .rev()
                .nth(1)
                .is_some_and(|c| c.is_ascii_digit());
        if value.len() < text.len()
            && value.chars().count() <= 16
            && whole_date
            && label.chars().count() <= 8
            && !label.contains(['，', ','])
        {
            return false;
        }
    }
    // What a page break cut off goes on to the end of its sentence, or runs on as text does: a
    // short piece without a full stop is another highlight, title or table line.
    ends_sentence(&b.text) || b.text.contains('\n') || b.text.chars().count() > 60
}

/// The script of the end of a block that page-break repair would join to another.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Script {
    /// Latin letters and no Han char.
    Latin,
    /// Han chars at least as many as the other letters: Chinese text, not an English sentence
    /// that opens with a Chinese company's name.
    Han,
    /// Neither: no letters, other scripts, or Latin text with a few Han chars in it.
    Other,
}

impl Script {
    /// Chars looked at: enough to tell a Chinese sentence naming an English code from English.
    const WINDOW: usize = 120;

    /// The script of the first [`Script::WINDOW`] letters of `chars`, among at most eight times as
    /// many chars (so that a long run of lines without letters, a text table's rules, is not
    /// read again at every join).
    fn of(chars: impl Iterator<Item = char>) -> Script {
        let (mut han, mut latin, mut other) = (0usize, 0usize, 0usize);
        for c in chars
            .take(Self::WINDOW * 8)
            .filter(|c| c.is_alphabetic())
            .take(Self::WINDOW)
        {
            if crate::lang::is_han(c) {
                han += 1;
            } else if c.is_ascii_alphabetic() || matches!(c, '\u{C0}'..='\u{24F}') {
                latin += 1;
            } else {
                other += 1;
            }
        }
        if han > 0 && han >= latin + other {
            Script::Han
        } else if han == 0 && latin > 0 && other == 0 {
            Script::Latin
        } else {
            Script::Other
        }
    }
}

/// What a line that PDF extraction left on its own says about being a page number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum PageNumber {
    /// Not a page number.
    No,
    /// A bare number (`12`, `-10`, `12 / 40`, `3 of 9`): a page number only next to a page break
    /// (a form feed), since a wrapped line can hold a number of the text.
    Bare,
    /// Marked as a page number (`Page 12 of 40`, `p. 12`, `- 12 -`, `第 12 页`, `第12页，共40页`).
    Marked,
}

/// Reads a line as a page number (see [`PageNumber`]).
pub(crate) fn page_number(text: &str) -> PageNumber {
    // Full-width and minus-sign dashes too: Chinese PDFs number pages `－ 3 －`.
    let dash = |c: char| matches!(c, '-' | '–' | '—' | '－' | '−');
    // Settled from the length and the first char for nearly every line, without allocating.
    let first = text.trim_start().chars().next();
    if text.len() > 40
        || !first.is_some_and(|c| {
            c.is_ascii_digit() || ('０'..='９').contains(&c) || dash(c) || "pP第".contains(c)
        })
        || (first == Some('第') && !text.contains(['页', '頁']))
    {
        return PageNumber::No;
    }
    // Traditional 頁 is 页, and full-width digits are digits (`第３頁`).
    let t: String = text
        .chars()
        .filter(|c| !c.is_whitespace())
        .flat_map(char::to_lowercase)
        .map(|c| match c {
            '頁' => '页',
            '０'..='９' => char::from(b'0' + (c as u32 - '０' as u32) as u8),
            c => c,
        })
        .collect();
    let wrapped = t.chars().count() > 2 && t.starts_with(dash) && t.ends_with(dash);
    let t = t.trim_matches(dash);
    // Up to three digits: a line holding a year (`2023`) is no page number.
    let number = |s: &str| (1..=3).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit());
    let of = |s: &str| match s.split_once('/').or_else(|| s.split_once("of")) {
        Some((n, total)) => number(n) && number(total),
        None => number(s),
    };
    let marked = |yes: bool| {
        if yes {
            PageNumber::Marked
        } else {
            PageNumber::No
        }
    };
    if let Some(rest) = t.strip_prefix("page").or_else(|| t.strip_prefix("p.")) {
        return marked(of(rest));
    }
    if let Some(rest) = t.strip_prefix('第') {
        return marked(match rest.split_once('页') {
            Some((n, "")) => number(n),
            Some((n, total)) => {
                let total = total.trim_start_matches([',', '，', '/']);
                number(n)
                    && total
                        .strip_prefix('共')
                        .and_then(|x| x.strip_suffix('页'))
                        .is_some_and(number)
            }
            None => false,
        });
    }
    match (number(t), of(t)) {
        (true, _) if wrapped => PageNumber::Marked,
        (_, true) => PageNumber::Bare,
        _ => PageNumber::No,
    }
}

/// Joins paragraphs split by page breaks (see [`continues`]). A page number that PDF extraction
/// left between the two halves (a marked one, or a bare number where a form feed shows the page
/// break) is left out; elsewhere, and where nothing shows it is one, it stays as it was read.
fn repair_page_breaks(src: &str, blocks: Vec<Block>) -> Vec<Block> {
    let candidate = |b: &Block| {
        if b.kind != PassageKind::Paragraph || b.whole {
            return PageNumber::No;
        }
        page_number(&b.text)
    };
    // A running header or footer after a page number continues no paragraph: a block whose
    // first 16 chars open another block too (`orionjobs.com QAF 296/Rev 7 June 2022 …` on every
    // page). Only documents with page numbers need the count.
    let opening = |b: &Block| {
        b.text
            .char_indices()
            .nth(16)
            .map(|(i, _)| b.text[..i].to_string())
    };
    let mut kinds: Vec<PageNumber> = blocks.iter().map(candidate).collect();
    let mut openings: HashMap<String, usize> = HashMap::new();
    if kinds.iter().any(|&k| k != PageNumber::No) {
        for o in blocks.iter().filter_map(opening) {
            *openings.entry(o).or_default() += 1;
        }
    }
    let running = |b: &Block| opening(b).is_some_and(|o| openings.get(&o).is_some_and(|&n| n > 1));
    // A short running line of its own right before or after a page number (`Kestrel Mining |
    // Human Rights Report 2023`) is page furniture too: held with the number, so that the sentence a page
    // break cut is joined across both, and left out of it as the number is.
    // Furniture is left out of the sentence it stands in, so a line of text must not pass for it:
    // it is said again elsewhere as a whole (page numbers and dates aside), or it opens another
    // line and holds what headers hold and sentences rarely do (a date, a code, a `|`).
    let mut lines: HashMap<String, usize> = HashMap::new();
    let line_key =
        |b: &Block| -> String { b.text.chars().filter(|c| !c.is_ascii_digit()).collect() };
    if !openings.is_empty() {
        for b in blocks.iter().filter(|b| !b.text.contains('\n')) {
            *lines.entry(line_key(b)).or_default() += 1;
        }
    }
    let furniture = |b: &Block| {
        b.kind == PassageKind::Paragraph
            && !b.whole
            && !b.opens_section
            && b.text.chars().count() <= 100
            && !b.text.contains('\n')
            && !ends_sentence(&b.text)
            && (lines.get(&line_key(b)).is_some_and(|&n| n > 1)
                || (running(b)
                    && b.text
                        .contains(|c: char| c.is_ascii_digit() || "|/©".contains(c))))
    };
    if !openings.is_empty() {
        for i in (0..blocks.len()).chain((0..blocks.len()).rev()) {
            let beside = |j: Option<usize>| {
                j.and_then(|j| kinds.get(j))
                    .is_some_and(|&k| k != PageNumber::No)
            };
            if kinds[i] == PageNumber::No
                && (beside(i.checked_sub(1)) || beside(Some(i + 1)))
                && furniture(&blocks[i])
            {
                kinds[i] = PageNumber::Marked;
            }
        }
    }
    let mut out: Vec<Block> = Vec::with_capacity(blocks.len());
    // Page-number candidates after the last block of `out`, kept until the next block shows
    // whether they sit inside a cut paragraph.
    let mut held: Vec<(Block, PageNumber)> = Vec::new();
    for (b, kind) in blocks.into_iter().zip(kinds) {
        if !out.is_empty() && kind != PageNumber::No {
            held.push((b, kind));
            continue;
        }
        if held.is_empty() {
            push_or_join(src, &mut out, b);
            continue;
        }
        let a = out.last_mut().expect("held only after a block");
        if page_numbers(src, a, &held, Some(&b)) {
            if continues(a, &b) && !running(&b) {
                held.clear();
                join(src, a, b);
            } else {
                // Page numbers where no paragraph was cut: passages of their own.
                out.extend(held.drain(..).map(|(h, _)| h));
                out.push(b);
            }
            continue;
        }
        // Nothing shows they are page numbers: read as any block.
        for (h, _) in held.drain(..) {
            push_or_join(src, &mut out, h);
        }
        push_or_join(src, &mut out, b);
    }
    match out.last() {
        Some(a) if page_numbers(src, a, &held, None) => {
            out.extend(held.into_iter().map(|(h, _)| h))
        }
        _ => {
            for (h, _) in held {
                push_or_join(src, &mut out, h);
            }
        }
    }
    out
}

/// Whether every candidate `held` between blocks `a` and `b` (`None`: the end of the text) is a
/// page number: a marked one, or a bare number with a form feed right before or after it.
fn page_numbers(src: &str, a: &Block, held: &[(Block, PageNumber)], b: Option<&Block>) -> bool {
    held.iter().enumerate().all(|(i, (h, kind))| {
        let before = if i == 0 {
            a.range.end
        } else {
            held[i - 1].0.range.end
        };
        let after = held
            .get(i + 1)
            .map(|(n, _)| n.range.start)
            .or(b.map(|b| b.range.start))
            .unwrap_or(src.len());
        let fed = |r: Range<usize>| src.get(r).is_some_and(|g| g.contains('\u{C}'));
        *kind == PageNumber::Marked || fed(before..h.range.start) || fed(h.range.end..after)
    })
}

/// Appends a block, or joins it onto the last one where a page break cut that.
fn push_or_join(src: &str, out: &mut Vec<Block>, b: Block) {
    match out.last_mut() {
        Some(a) if continues(a, &b) => join(src, a, b),
        _ => out.push(b),
    }
}

fn join(src: &str, a: &mut Block, b: Block) {
    // Appended to in place: a chain of joins (a long run of cut lines) stays linear.
    let map = &mut a.map;
    // Chinese runs on without spaces; anything else keeps one across the break, after a word
    // as after a comma (`rightsholders,` / `including`).
    // A compound hyphenated at the break (`anti-` / `slavery`) stays one word.
    let spaced = |x: Option<char>, y: Option<char>| match (x, y) {
        (Some('-' | '‐'), _) => false,
        // Chinese, and figures within it (`2022` / `年`), run on without spaces.
        (Some(x), Some(y)) => {
            let tight = |c: char| block::is_cjk(c) || c.is_ascii_digit();
            !(tight(x) && tight(y) && (block::is_cjk(x) || block::is_cjk(y)))
        }
        _ => false,
    };
    let word = |c: Option<char>| c.is_some_and(crate::lang::is_word_char);
    let (x, y) = (a.text.chars().next_back(), b.text.chars().next());
    // A word hyphenated with a soft hyphen at the break (`recom\u{AD}` / `mend`) is one word.
    if !a.hyphenated && spaced(x, y) {
        // Keep a whitespace char of the gap between them.
        let gap = a.range.end..b.range.start;
        if let Some((i, c)) = src.get(gap.clone()).and_then(block::break_char) {
            block::push_break(&mut a.text, map, gap.start + i, c);
        } else if (word(x) || matches!(x, Some(',' | ';' | ':' | ')'))) && word(y) {
            // Markup alone between them (`the</p><p>people`, `rightsholders,</p><p>including`): a
            // space that stands for no source char of its own, so that the words stay apart.
            map.push(a.text.len(), 1, gap.start, 0);
            a.text.push(' ');
        }
    }
    let shift = a.text.len();
    for r in b.map.runs() {
        map.push(r.clean_start + shift, r.clean_len, r.orig_start, r.orig_len);
    }
    a.text.push_str(&b.text);
    a.range.end = b.range.end;
    a.hyphenated = b.hyphenated;
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Closed compounds: two Latin parts joined by a hyphen, nothing else.
    #[test]
    fn two_part_hyphenated_words_have_a_closed_form() {
        let s = Segmenter::shared();
        let closed = |text: &str| -> Vec<(String, String)> {
            let tokens = s.tokens(text);
            (0..tokens.len())
                .filter_map(|i| s.compound(text, &tokens, i))
                .map(|t| (t.term.to_string(), text[t.range].to_string()))
                .collect()
        };
        let pair = |t: &str, w: &str| vec![(t.to_string(), w.to_string())];
        assert_eq!(
            closed("our whistle-blowers"),
            pair("whistleblow", "whistle-blowers")
        );
        assert_eq!(closed("by e\u{2011}mail"), pair("email", "e\u{2011}mail"));
        assert_eq!(closed("COVID-19 rules"), pair("covid19", "COVID-19"));
        assert_eq!(closed("Anti-Slavery."), pair("antislaveri", "Anti-Slavery"));
        for none in [
            "state-of-the-art",
            "a three-part-word",
            "in 2022-23",
            "强迫-劳动",
            "labour - rights",
            "labour--rights",
            "labour\u{2014}rights",
            "forced-劳动",
        ] {
            assert!(closed(none).is_empty(), "{none}: {:?}", closed(none));
        }
    }

    /// Point markers: which lines open one, and which point follows which.
    #[test]
    fn point_markers_and_their_order() {
        use block::point_marker;
        let p = |line: &str| point_marker(line).unwrap_or_else(|| panic!("{line:?}"));
        for (prev, next) in [
            ("① a", "② b"),
            ("（九）a", "（十）b"),
            ("（十九）a", "（二十）b"),
            ("（二十九）a", "（三十）b"),
            ("(9) a", "(10) b"),
            ("（１）a", "（２）b"),
            ("(a) x", "(b) y"),
            ("(h) x", "(i) y"),
            ("(i) x", "(ii) y"),
            ("(iv) x", "(v) y"),
            ("(ix) x", "(x) y"),
            ("a) x", "b) y"),
        ] {
            assert!(p(next).follows(&p(prev)), "{prev} {next}");
            assert!(!p(prev).follows(&p(next)), "{prev} {next}");
        }
        assert!(!p("(b) y").follows(&p("(1) x")));
        assert!(!p("b) y").follows(&p("(a) x")));
        assert_eq!(p("（一）立即").len, "（一）".len());
        assert_eq!(p("(1) text").len, 3);
        assert!(p("(i) x").is_first() && p("(a) x").is_first() && !p("(ii) x").is_first());
        assert!(p("a) x").opens_a_list() && p("① x").opens_a_list());
        assert!(!p("(1) x").opens_a_list() && !p("（一）x").opens_a_list());
        assert_eq!(p("(1) **Forced labour** is banned").len, 3);
        assert_eq!(p("(2) [Policy](x) applies").len, 3);
        assert_eq!(p("(1) 2023 年，公司开展人权影响评估").len, 3);
        assert_eq!(p("(c) 2025 Sustainable Protein Plan").len, 3);
        assert_eq!(p("(12) 120 workers were trained").len, 4);
        assert_eq!(p("(1) 2021-2023 年，公司开展审核").len, 3);
        assert_eq!(p("(3) 120 000 workers trained.").len, 3);
        for line in [
            "(418) 624-4565",
            "(02) 9876 5432",
            "(11) 3333-4444",
            "(11) 3333 4444",
            "(2023) 年度报告",
            "(1)x",
            "(Note) text",
            "（注）说明",
            "（一般）情况",
            "(ab) text",
            "(1)",
            "（一）",
            "A) text",
            "(1) of the Covenant",
            "(2) and (3) apply",
            "（一）项规定的",
            "（二）款",
            "①，各缔约国",
            "(c), the State",
        ] {
            assert_eq!(point_marker(line), None, "{line:?}");
        }
    }

    #[test]
    fn page_numbers() {
        use PageNumber::*;
        for (t, k) in [
            ("12", Bare),
            ("-10", Bare),
            ("12 / 40", Bare),
            ("3 of 9", Bare),
            ("- 12 -", Marked),
            ("— 3 —", Marked),
            ("Page 2", Marked),
            ("page 2 of 3", Marked),
            ("PAGE 12 OF 40", Marked),
            ("p. 7", Marked),
            ("第 12 页", Marked),
            ("第12页，共40页", Marked),
            ("第 3 页 共 9 页", Marked),
            ("第 3 頁", Marked),
            ("第３頁，共４０頁", Marked),
            ("－ 3 －", Marked),
            ("－３－", Marked),
            ("−12−", Marked),
            ("１２", Bare),
            ("", No),
            ("2023", No),
            ("- 2023 -", No),
            ("1234", No),
            ("Page", No),
            ("page two", No),
            ("12 workers", No),
            ("- item", No),
            ("1.", No),
            ("第十二页", No),
            ("第12条", No),
            ("12%", No),
            ("3 of", No),
        ] {
            assert_eq!(page_number(t), k, "{t}");
        }
    }

    #[test]
    fn passage_ids_as_formatted() {
        for (i, text) in [
            (0, ""),
            (7, "我们"),
            (123, "abc"),
            (9_999, "x"),
            (10_000, "y"),
            (123_456, "z"),
        ] {
            let want = format!("doc.md#{i:04}-{:08x}", crc32fast::hash(text.as_bytes()));
            assert_eq!(passage_id("doc.md", i, text), want);
            assert_eq!(parse_passage_id(&want), Some(("doc.md", i as u64)));
        }
        // The standard CRC-32 (IEEE), so that an id can be checked with any tool.
        assert_eq!(passage_id("d", 0, "abc"), "d#0000-352441c2");
        // A `#` in the document id is part of it; what is not an id is no id.
        let id = passage_id("a#b.md", 3, "t");
        assert_eq!(parse_passage_id(&id), Some(("a#b.md", 3)));
        for bad in [
            "doc.md",
            "doc.md#12",
            "doc.md#x-0123abcd",
            "doc.md#0001-xyz",
        ] {
            assert_eq!(parse_passage_id(bad), None, "{bad}");
        }
    }

    #[test]
    fn invisible_blocks() {
        for t in [
            "\u{200B}",
            "\u{200B} \u{200B}",
            "\u{FEFF}\n",
            "\u{2060}\u{200D}",
        ] {
            assert!(invisible(t), "{t:?}");
        }
        for t in ["____", "\u{200B}人权", "a", "。"] {
            assert!(!invisible(t), "{t:?}");
        }
    }

    #[test]
    fn sentence_end_with_closers() {
        assert!(ends_sentence("他说：“好。”"));
        assert!(ends_sentence("如下："));
        assert!(!ends_sentence("包括性"));
        assert!(!ends_sentence("Brad Smith, 总裁"));
        assert!(!ends_sentence("（下称《手册》）"));
    }
}
