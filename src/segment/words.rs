//! Words: the text is normalized once (Traditional → Simplified, full-width → half-width, case
//! folded), split into Han and non-Han runs; Han runs go to jieba, the rest to Unicode word
//! bounds (stemmed when asked). Every token's range points into the un-normalized text.

use crate::lang::{is_alphanumeric, is_han};
use crate::model::Token;
use compact_str::CompactString;
use jieba_rs::Jieba;
use rust_stemmers::Stemmer;
use std::borrow::Cow;
use std::cell::RefCell;
use std::collections::HashMap;
use std::ops::Range;
use std::sync::atomic::{AtomicU64, Ordering};
use unicode_segmentation::UnicodeSegmentation;

/// Buffers and the cache reused by every call on a thread.
#[derive(Default)]
struct Scratch {
    /// The normalized text and its offset shifts.
    norm: String,
    shifts: Vec<(usize, isize)>,
    /// The run ([`new_run`]) `stems` was filled in.
    run: u64,
    /// Stems of the words seen on this thread: a corpus repeats a few thousand words, and a
    /// lookup costs a fraction of a Snowball run.
    stems: Stems,
}

/// Bumped by [`new_run`]; a thread's cache is emptied at its next use when it was filled in
/// another run.
static RUN: AtomicU64 = AtomicU64::new(0);

/// Starts a new run: every thread's stem cache starts empty at its next use, so that a run
/// that segments texts again measures what a first run does.
pub(crate) fn new_run() {
    RUN.fetch_add(1, Ordering::Relaxed);
}

thread_local! {
    static SCRATCH: RefCell<Scratch> = RefCell::new(Scratch::default());
}

/// Appends the words of `text` to `out`. Without `jieba`, each stretch of Han letters is one
/// token, uncut.
pub(crate) fn tokens(
    jieba: Option<&Jieba>,
    stemmer: Option<&Stemmer>,
    text: &str,
    out: &mut Vec<Token>,
) {
    SCRATCH.with(|scratch| match scratch.try_borrow_mut() {
        Ok(mut s) => {
            let Scratch {
                norm,
                shifts,
                run,
                stems,
            } = &mut *s;
            let now = RUN.load(Ordering::Relaxed);
            if *run != now {
                *run = now;
                stems.clear();
            }
            tokens_with((jieba, stemmer, stems), text, norm, shifts, out);
            // A huge text should not pin its buffer for the thread's life.
            if norm.capacity() > 1 << 20 {
                *norm = String::new();
                *shifts = Vec::new();
            }
        }
        // Only if a stemmer or jieba ever called back in here: fresh buffers then.
        Err(_) => tokens_with(
            (jieba, stemmer, &mut Stems::default()),
            text,
            &mut String::new(),
            &mut Vec::new(),
            out,
        ),
    })
}

fn tokens_with(
    (jieba, stemmer, stems): (Option<&Jieba>, Option<&Stemmer>, &mut Stems),
    text: &str,
    norm: &mut String,
    shifts: &mut Vec<(usize, isize)>,
    out: &mut Vec<Token>,
) {
    // Char-for-char normalization; offsets are mapped back in `emit`. Where normalized and
    // source offsets drift apart (a full-width char folded to ASCII, say):
    // `(normalized offset, source − normalized from there on)`. Usually empty.
    norm.clear();
    shifts.clear();
    crate::normalize::fold_into(text, norm, |n, s| shifts.push((n, s as isize - n as isize)));
    let n = norm.as_str();
    let bytes = n.as_bytes();
    // Runs change only where Han letters meet other letters or digits: punctuation and spaces
    // stay in the current run, so that a Chinese passage goes to jieba in few calls.
    let mut run: Option<(usize, bool)> = None;
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        // Classified by bytes where they settle the class: ASCII, Han ([`crate::lang::han_at`]),
        // which most chars of a Chinese text are, and the CJK punctuation and general
        // punctuation that are neither Han nor letters (、。《》“”).
        let (han, len) = match b {
            0..0x80 if !b.is_ascii_alphanumeric() => {
                i += 1;
                continue;
            }
            0..0x80 => (false, 1),
            // Inside a Han run, Han chars (most of a Chinese text) only extend it.
            0xE4..=0xE9 if crate::lang::han_at(bytes, i) => {
                if matches!(run, Some((_, true))) {
                    i += 3;
                    while crate::lang::han_at(bytes, i) {
                        i += 3;
                    }
                    continue;
                }
                (true, 3)
            }
            0xE2 | 0xE3 if crate::lang::punctuation_at(bytes, i) => {
                i += 3;
                continue;
            }
            _ => {
                let Some(c) = n.get(i..).and_then(|t| t.chars().next()) else {
                    break;
                };
                // `is_han` first: most chars of a Chinese text are Han.
                let han = is_han(c);
                if !han && !is_alphanumeric(c) {
                    i += c.len_utf8();
                    continue;
                }
                (han, c.len_utf8())
            }
        };
        match run {
            Some((s, h)) if h != han => {
                emit((jieba, stemmer, stems), n, shifts, s..i, h, out);
                run = Some((i, han));
            }
            None => run = Some((i, han)),
            _ => {}
        }
        i += len;
    }
    if let Some((s, h)) = run {
        emit((jieba, stemmer, stems), n, shifts, s..n.len(), h, out);
    }
}

fn emit(
    (jieba, stemmer, stems): (Option<&Jieba>, Option<&Stemmer>, &mut Stems),
    norm: &str,
    shifts: &[(usize, isize)],
    r: std::ops::Range<usize>,
    han: bool,
    out: &mut Vec<Token>,
) {
    let part = &norm[r.clone()];
    let mut map = ToSource::new(shifts);
    if han {
        let Some(jieba) = jieba else {
            // Uncut: the stretches of letters between the run's punctuation and spaces.
            let mut start = None;
            for (i, c) in part.char_indices().chain([(part.len(), ' ')]) {
                match (start, is_han(c) || is_alphanumeric(c)) {
                    (None, true) => start = Some(i),
                    (Some(s), false) => {
                        out.push(Token {
                            term: part[s..i].into(),
                            range: map.at(r.start + s)..map.at(r.start + i),
                        });
                        start = None;
                    }
                    _ => {}
                }
            }
            return;
        };
        // The plain cut: words only. Their dictionary sub-words, which search needs, are
        // looked up where the index is written ([`sub_words`]).
        let words = jieba.cut(part, false);
        out.reserve(words.len());
        for w in &words {
            // Punctuation inside the run comes out as tokens of its own.
            if has_alphanumeric(w.word) {
                map.push(out, r.start, w);
            }
        }
        return;
    }
    for (i, w) in part.unicode_word_indices() {
        if !w.chars().any(is_alphanumeric) {
            continue;
        }
        let term = match stemmer {
            Some(s) => stem(stems, s, w),
            None => w.into(),
        };
        out.push(Token {
            term,
            range: map.at(r.start + i)..map.at(r.start + i + w.len()),
        });
    }
}

/// Calls `f` with the byte range in `term` of each dictionary sub-word of `term`, a word of
/// [`tokens`]: the 2-char, then the 3-char, … dictionary words inside a Chinese word longer than
/// them, up to [`MAX_SUB_WORD`] chars, in order. Search finds 劳动 inside 强迫劳动 through them,
/// and 影响评估 inside 人权影响评估 and 人民法院 inside 最高人民法院, which jieba's search mode (2
/// and 3 chars only) would not add. A Latin word gives its runs of letters and of digits
/// instead ([`letter_digit_parts`]).
pub(crate) fn sub_words(jieba: &Jieba, term: &str, mut f: impl FnMut(Range<usize>)) {
    // Most words have one or two chars: settled after reading three. A word from a Han run
    // holds a Han char; one from a Latin run never does.
    if term.chars().nth(2).is_none() {
        return;
    }
    if !term.chars().any(is_han) {
        letter_digit_parts(term, f);
        return;
    }
    // Char boundaries of the word's first chars: no dictionary word is longer.
    let mut bounds = [0usize; MAX_WORD_CHARS + 1];
    let mut m = 0;
    let ends = term.char_indices().map(|(i, _)| i).chain([term.len()]);
    for (slot, i) in bounds.iter_mut().zip(ends) {
        *slot = i;
        m += 1;
    }
    let chars = m - 1;
    for n in 2..chars.min(MAX_SUB_WORD + 1) {
        for k in n..=chars {
            let gram = bounds[k - n]..bounds[k];
            if jieba.has_word(&term[gram.clone()]) {
                f(gram);
            }
        }
    }
}

/// Calls `f` with the runs of letters and of digits of an ASCII word that has both, each of
/// two chars or more: `fy2023` gives `fy` and `2023`, so that a search for 2023 finds "FY2023"
/// and one for covid finds "COVID19". A word of letters only, or with other chars, gives nothing.
fn letter_digit_parts(term: &str, mut f: impl FnMut(Range<usize>)) {
    let b = term.as_bytes();
    if !b.iter().all(u8::is_ascii_alphanumeric)
        || !b.iter().any(u8::is_ascii_digit)
        || !b.iter().any(u8::is_ascii_alphabetic)
    {
        return;
    }
    let mut start = 0;
    for i in 1..=b.len() {
        if i == b.len() || b[i].is_ascii_digit() != b[start].is_ascii_digit() {
            if i - start >= 2 {
                f(start..i);
            }
            start = i;
        }
    }
}

/// The longest sub-word [`sub_words`] looks up, in chars.
const MAX_SUB_WORD: usize = 8;
/// The chars of a word [`sub_words`] looks inside: the longest words of the dictionary have fewer.
const MAX_WORD_CHARS: usize = 32;

/// The range in `source` of the chars at byte range `r` of `term`, where `term` is the
/// normalization of `source`, char for char.
pub(crate) fn source_range(source: &str, term: &str, r: Range<usize>) -> Range<usize> {
    let at = |x: usize| {
        let k = term[..x].chars().count();
        source
            .char_indices()
            .nth(k)
            .map_or(source.len(), |(i, _)| i)
    };
    at(r.start)..at(r.end)
}

/// Maps normalized offsets back to the source through the shifts of [`tokens_with`]. Offsets
/// are asked for in nearly increasing order, so the span between two shifts that holds the
/// previous offset is kept: most offsets fall in it and cost two comparisons.
struct ToSource<'a> {
    shifts: &'a [(usize, isize)],
    /// How many shifts lie at or before the last offset asked for.
    k: usize,
    /// The span `lo..hi` of normalized offsets with `k` shifts at or before them, and the
    /// source − normalized difference there.
    lo: usize,
    hi: usize,
    d: isize,
}

impl<'a> ToSource<'a> {
    fn new(shifts: &'a [(usize, isize)]) -> Self {
        ToSource {
            shifts,
            k: 0,
            lo: 0,
            hi: shifts.first().map_or(usize::MAX, |s| s.0),
            d: 0,
        }
    }

    /// The source offset of normalized offset `n`.
    #[inline]
    fn at(&mut self, n: usize) -> usize {
        if n < self.lo || n >= self.hi {
            self.seek(n);
        }
        n.wrapping_add_signed(self.d)
    }

    /// Moves the span to the one that holds `n`.
    #[cold]
    fn seek(&mut self, n: usize) {
        let s = self.shifts;
        while self.k < s.len() && s[self.k].0 <= n {
            self.k += 1;
        }
        while self.k > 0 && s[self.k - 1].0 > n {
            self.k -= 1;
        }
        (self.lo, self.d) = match self.k {
            0 => (0, 0),
            k => s[k - 1],
        };
        self.hi = s.get(self.k).map_or(usize::MAX, |s| s.0);
    }

    /// Appends a jieba token of the run starting at normalized offset `base`.
    #[inline(always)]
    fn push(&mut self, out: &mut Vec<Token>, base: usize, t: &jieba_rs::Token<'_>) {
        let range = self.at(base + t.byte_start)..self.at(base + t.byte_end);
        out.push(Token {
            term: t.word.into(),
            range,
        });
    }
}

/// Whether a word has a letter or digit; a word starting with a Han char of U+5000..U+9FFF
/// (most Chinese words) is answered from its first byte.
#[inline]
fn has_alphanumeric(w: &str) -> bool {
    if matches!(w.as_bytes().first(), Some(0xE5..=0xE9)) {
        return true;
    }
    // A loop rather than `Iterator::any`, which was not inlined.
    for c in w.chars() {
        if is_alphanumeric(c) {
            return true;
        }
    }
    false
}

/// Spellings of one word that start otherwise, as (one, the other) starts of a word: "labor",
/// "laborers" and "labour", "labourers" are then one term. Applied to any word starting so (a
/// British "honorary" too), on the index's and the query's side alike. The direction keeps word
/// families whole under the English stemmer: "defence" becomes "defense", which it stems with
/// "defensive".
const SPELLINGS: [(&str, &str); 20] = [
    ("labor", "labour"),
    ("behavior", "behaviour"),
    ("color", "colour"),
    ("favor", "favour"),
    ("honor", "honour"),
    ("neighbor", "neighbour"),
    ("harbor", "harbour"),
    ("endeavor", "endeavour"),
    ("rumor", "rumour"),
    ("vigor", "vigour"),
    ("humor", "humour"),
    ("savior", "saviour"),
    ("odor", "odour"),
    ("armor", "armour"),
    ("defence", "defense"),
    ("offence", "offense"),
    ("judgement", "judgment"),
    ("fulfill", "fulfil"),
    ("enroll", "enrol"),
    ("travell", "travel"),
];

/// -ise/-yse verbs and their -ize/-yze spelling, folded only before a verb's endings
/// ([`one_spelling`]), toward -ize, which the stemmer strips: "organise" stems with
/// "organization", "criticise" with "criticism", and "organism" stays. Listed word by word: a
/// rule would also turn words that are no such verbs away from their families ("precise" from
/// "precision").
const ISE_VERBS: [(&str, &str); 28] = [
    ("organis", "organiz"),
    ("recognis", "recogniz"),
    ("prioritis", "prioritiz"),
    ("criminalis", "criminaliz"),
    ("marginalis", "marginaliz"),
    ("minimis", "minimiz"),
    ("maximis", "maximiz"),
    ("realis", "realiz"),
    ("mobilis", "mobiliz"),
    ("authoris", "authoriz"),
    ("characteris", "characteriz"),
    ("summaris", "summariz"),
    ("apologis", "apologiz"),
    ("standardis", "standardiz"),
    ("harmonis", "harmoniz"),
    ("utilis", "utiliz"),
    ("categoris", "categoriz"),
    ("stigmatis", "stigmatiz"),
    ("legalis", "legaliz"),
    ("institutionalis", "institutionaliz"),
    ("sensitis", "sensitiz"),
    ("finalis", "finaliz"),
    ("criticis", "criticiz"),
    ("emphasis", "emphasiz"),
    ("penalis", "penaliz"),
    ("empathis", "empathiz"),
    ("analys", "analyz"),
    ("paralys", "paralyz"),
];

/// The other spelling of a lower-case English word spelled two ways, British to American and
/// back: "labour" ↔ "labor", "organisation" ↔ "organization", "centre" ↔ "center",
/// "fulfilment" ↔ "fulfillment"; `None` for any other word. The tagger adds it to its keywords,
/// so that a taxonomy need not list both ([`one_spelling`] is the index's one-way fold).
pub(crate) fn other_spelling(word: &str) -> Option<String> {
    // Whole words: their inflections are spelled alike (fulfilled, enrolled, centred is rare).
    const WHOLE: [(&str, &str); 12] = [
        ("centre", "center"),
        ("centres", "centers"),
        ("programme", "program"),
        ("programmes", "programs"),
        ("fulfil", "fulfill"),
        ("fulfils", "fulfills"),
        ("fulfilment", "fulfillment"),
        ("enrol", "enroll"),
        ("enrols", "enrolls"),
        ("enrolment", "enrollment"),
        ("judgement", "judgment"),
        ("judgements", "judgments"),
    ];
    for (uk, us) in WHOLE {
        if word == uk {
            return Some(us.into());
        }
        if word == us {
            return Some(uk.into());
        }
    }
    // `(one, other)` starts of a word whose endings are spelled alike; "laboratory" is no labour.
    for (one, other) in SPELLINGS.iter().take(16) {
        for (from, to) in [(one, other), (other, one)] {
            if let Some(rest) = word.strip_prefix(from) {
                if *from == "labor" && rest.starts_with("at") {
                    return None;
                }
                return Some(format!("{to}{rest}"));
            }
        }
    }
    const ENDINGS: [&str; 9] = [
        "e", "es", "ed", "ing", "er", "ers", "ation", "ations", "ational",
    ];
    ISE_VERBS.iter().find_map(|(uk, us)| {
        [(uk, us), (us, uk)].into_iter().find_map(|(from, to)| {
            let rest = word.strip_prefix(from)?;
            ENDINGS.contains(&rest).then(|| format!("{to}{rest}"))
        })
    })
}

/// One spelling for words English spells two ways, so that a query in either finds a text in
/// either: `child labor` finds "child labour", `organization` "organisation", `center`
/// "centre". The word is lower case; see [`SPELLINGS`] and [`ISE_VERBS`].
fn one_spelling(word: &str) -> Cow<'_, str> {
    // The endings an -ise/-yse verb takes, a possessive after them: "organism", "criticism",
    // "analysis" and "emphasis" are other words.
    const ENDINGS: [&str; 9] = [
        "e", "es", "ed", "ing", "er", "ers", "ation", "ations", "ational",
    ];
    let verb_ending = |rest: &str| {
        let bare = rest
            .strip_suffix("'s")
            .or_else(|| rest.strip_suffix("\u{2019}s"))
            .unwrap_or(rest);
        ENDINGS.contains(&bare)
    };
    for (one, other) in SPELLINGS {
        if let Some(rest) = word.strip_prefix(one) {
            // "laboratory" is no labour.
            if one == "labor" && rest.starts_with("at") {
                break;
            }
            return Cow::Owned(format!("{other}{rest}"));
        }
    }
    for (one, other) in ISE_VERBS {
        if let Some(rest) = word.strip_prefix(one).filter(|r| verb_ending(r)) {
            return Cow::Owned(format!("{other}{rest}"));
        }
    }
    // Whole words only: -er/-re drops the e before -ed and -ing (centred, centring), and a
    // prefix rule would turn "programmed" into "programd".
    let whole = match word {
        "center" => Some("centre"),
        "centers" => Some("centres"),
        "centered" => Some("centred"),
        "centering" => Some("centring"),
        "programme" => Some("program"),
        "programmes" => Some("programs"),
        _ => None,
    };
    Cow::Borrowed(whole.unwrap_or(word))
}

/// Word → stem, hashed with foldhash: SipHash, the default, cost about as much per lookup as
/// the Snowball runs the cache saves.
type Stems = HashMap<CompactString, CompactString, foldhash::fast::RandomState>;

/// Words cached at most; past it the cache starts over (a corpus's vocabulary is much smaller).
const STEM_CACHE: usize = 1 << 16;

/// The stem of `word`, from the cache when seen before. Only one stemmer (English) is ever used,
/// so the cache is keyed by the word alone.
fn stem(stems: &mut Stems, s: &Stemmer, word: &str) -> CompactString {
    if let Some(t) = stems.get(word) {
        return t.clone();
    }
    // A typeset apostrophe (organisation’s, from Word or a PDF) is the stemmer's `'`.
    let plain: Cow<str> = if word.contains('\u{2019}') {
        Cow::Owned(word.replace('\u{2019}', "'"))
    } else {
        Cow::Borrowed(word)
    };
    let plain = if plain.is_ascii() {
        plain
    } else {
        Cow::Owned(fold_latin(&plain))
    };
    let t = CompactString::from(&*s.stem(&one_spelling(&plain)));
    if stems.len() >= STEM_CACHE {
        stems.clear();
    }
    stems.insert(word.into(), t.clone());
    t
}

/// A word with its Latin letters' diacritics dropped (reparación as reparacion, indígenas as
/// indigenas), so that a search typed without accents finds them, as analysts type. Only
/// letters of the Latin blocks that decompose into a letter and marks are changed: ß, ø, other
/// scripts and Hangul stay as they are.
fn fold_latin(word: &str) -> String {
    use unicode_normalization::char::{decompose_canonical, is_combining_mark};
    let mut out = String::with_capacity(word.len());
    for c in word.chars() {
        // Text in decomposed form (NFD) writes the marks apart, after a Latin letter
        // (`reparacio\u{301}n`): dropped as a composed letter's are.
        if ('\u{300}'..='\u{36F}').contains(&c)
            && out
                .chars()
                .next_back()
                .is_some_and(|p| p.is_ascii_alphabetic())
        {
            continue;
        }
        if !('\u{C0}'..='\u{24F}').contains(&c) && !('\u{1E00}'..='\u{1EFF}').contains(&c) {
            out.push(c);
            continue;
        }
        let mut base = None;
        let mut marks_only = true;
        decompose_canonical(c, |d| {
            if base.is_none() {
                base = Some(d);
            } else if !is_combining_mark(d) {
                marks_only = false;
            }
        });
        match base {
            Some(b) if marks_only && b.is_ascii() => out.push(b),
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn latin_diacritics_fold() {
        assert_eq!(fold_latin("reparación"), "reparacion");
        assert_eq!(fold_latin("indígenas"), "indigenas");
        assert_eq!(fold_latin("ação"), "acao");
        assert_eq!(fold_latin("reparacio\u{301}n"), "reparacion");
        assert_eq!(fold_latin("ac\u{327}a\u{303}o"), "acao");
        assert_eq!(fold_latin("straße"), "straße");
        assert_eq!(fold_latin("føroyar"), "føroyar");
        assert_eq!(fold_latin("한국어"), "한국어");
    }

    fn jieba() -> &'static Jieba {
        static JIEBA: std::sync::OnceLock<Jieba> = std::sync::OnceLock::new();
        JIEBA.get_or_init(Jieba::new)
    }

    proptest::proptest! {
        #![proptest_config(crate::test_support::regressions_beside_source())]
        /// Every token's range is the source of its term, also where normalization changes the
        /// length of chars (full-width forms) before, inside and after Han runs.
        #[test]
        fn token_ranges_are_the_source_of_their_terms(
            t in "([人权强迫劳动強勞動中华共和国的]{1,6}|[Ａ-Ｚａ-ｚ０-９　（）：，。a-zA-Z0-9 .\\-]{1,4}){0,24}"
        ) {
            let mut out = Vec::new();
            tokens(Some(jieba()), None, &t, &mut out);
            for tok in &out {
                let src = t.get(tok.range.clone());
                proptest::prop_assert!(src.is_some(), "{:?} in {:?}", tok.range, t);
                proptest::prop_assert_eq!(
                    crate::normalize::normalize_str(src.unwrap_or_default()),
                    tok.term.as_str()
                );
            }
        }
    }

    /// jieba's search-mode words of a whole Han text cut at once: each word, then its
    /// sub-words, as the segmenter orders them.
    fn cut_whole(text: &str) -> Vec<(String, std::ops::Range<usize>)> {
        let words = jieba().cut_for_search(text, false);
        // A word is a token no longer token holds; its sub-words are the tokens held, which
        // search mode gives before it (中华, 民国, then 中华民国: 中华 is no word of its own,
        // though 民国 starts where it ends).
        let held = |k: usize| {
            let w = &words[k];
            words.iter().any(|o| {
                o.byte_start <= w.byte_start
                    && w.byte_end <= o.byte_end
                    && o.byte_end - o.byte_start > w.byte_end - w.byte_start
            })
        };
        let mut out = Vec::new();
        let mut pending = Vec::new();
        for (k, w) in words.iter().enumerate() {
            if held(k) {
                pending.push(k);
                continue;
            }
            if has_alphanumeric(w.word) {
                out.push((w.word.to_string(), w.byte_start..w.byte_end));
                for g in pending.drain(..) {
                    let g = &words[g];
                    out.push((g.word.to_string(), g.byte_start..g.byte_end));
                }
            }
            pending.clear();
        }
        out
    }

    proptest::proptest! {
        #![proptest_config(crate::test_support::regressions_beside_source())]
        /// A Han run's words are jieba's words of the run, with punctuation left out, and with
        /// their sub-words they are its search-mode words, each whole word first; the same when
        /// cut again.
        #[test]
        fn han_runs_give_each_word_then_its_sub_words(
            t in "(中华人民共和国|人权捍卫者|消除对妇女一切形式歧视公约|[人权强迫劳动中华民共和国的消除一切形式歧视公约]{1,8}|[ ，。、.\\-_%+#&（）]{1,2}){1,16}"
        ) {
            let whole = cut_whole(&t);
            for _ in 0..2 {
                let mut out = Vec::new();
                tokens(Some(jieba()), None, &t, &mut out);
                let mut got = Vec::new();
                for k in &out {
                    got.push((k.term.to_string(), k.range.clone()));
                    sub_words(jieba(), &k.term, |g| {
                        let r = k.range.start + g.start..k.range.start + g.end;
                        let gram = &k.term[g];
                        // Search mode adds the 2- and 3-char ones; longer ones are checked apart.
                        if gram.chars().count() > 3 {
                            assert!(jieba().has_word(gram) && gram.len() < k.term.len());
                        } else {
                            got.push((gram.to_string(), r));
                        }
                    });
                }
                proptest::prop_assert_eq!(&got, &whole);
            }
        }
    }

    /// The stemmed terms of a Latin text.
    fn terms(text: &str) -> Vec<CompactString> {
        let stemmer = Stemmer::create(rust_stemmers::Algorithm::English);
        let mut out = Vec::new();
        tokens(Some(&Jieba::empty()), Some(&stemmer), text, &mut out);
        out.into_iter().map(|t| t.term).collect()
    }

    #[test]
    fn words_spelled_two_ways_are_one_term() {
        for (us, uk) in [
            ("child labor", "child labour"),
            ("laborers", "labourers"),
            ("organization", "organisation"),
            ("organized", "organised"),
            ("recognizing", "recognising"),
            ("analyze", "analyse"),
            ("behavior", "behaviour"),
            ("neighbors", "neighbours"),
            ("center", "centre"),
            ("centered", "centred"),
            ("defense", "defence"),
            ("program", "programme"),
            ("fulfillment", "fulfilment"),
            ("judgment", "judgement"),
            // Families stay whole: the stems the plain stemmer shares are still shared.
            ("defense", "defensive"),
            ("defence", "defensive"),
            ("offence", "offensive"),
            ("programme", "programmed"),
            ("organisation", "organize"),
            ("criticise", "criticism"),
            ("marginalised", "marginal"),
            ("organisation's", "organization"),
            ("organisation\u{2019}s", "organization"),
            ("supervised", "supervise"),
            ("organism", "organisms"),
        ] {
            assert_eq!(terms(us), terms(uk), "{us} / {uk}");
        }
        // Words that only look like them stay apart.
        for (a, b) in [
            ("laboratory", "labour"),
            ("size", "sise"),
            ("prize", "prise"),
        ] {
            assert_ne!(terms(a), terms(b), "{a} / {b}");
        }
    }

    #[test]
    fn words_of_letters_and_digits_give_each_run_of_two_chars_or_more() {
        let parts = |w: &str| {
            let mut out = Vec::new();
            sub_words(&Jieba::empty(), w, |g| out.push(w[g].to_string()));
            out
        };
        assert_eq!(parts("fy2023"), ["fy", "2023"]);
        assert_eq!(parts("iso45001"), ["iso", "45001"]);
        assert_eq!(parts("scope3"), ["scope"]);
        assert_eq!(parts("b2b2c"), Vec::<String>::new());
        assert_eq!(parts("sa8000s"), ["sa", "8000"]);
        for none in ["q4", "2023", "labour", "x86_64", "café2023"] {
            assert!(parts(none).is_empty(), "{none}");
        }
    }

    fn cached(word: &str) -> bool {
        SCRATCH.with(|s| s.borrow().stems.contains_key(word))
    }

    #[test]
    fn a_new_run_starts_with_an_empty_stem_cache() {
        let stem_all = terms;
        let first = stem_all("workers organizing");
        assert!(cached("workers") && cached("organizing"));
        new_run();
        // Only what this run has stemmed is cached, and the stems are the same.
        assert_eq!(stem_all("workers"), first[..1]);
        assert!(cached("workers") && !cached("organizing"));
        assert_eq!(stem_all("workers organizing"), first);
    }
}
