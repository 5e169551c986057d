//! Words: the text is normalized once (Traditional → Simplified, full-width → half-width, case
//! folded), split into Han and non-Han runs; Han runs go to jieba, the rest to Unicode word
//! bounds (stemmed when asked). Every token's range points into the un-normalized text.

use crate::lang::{is_alphanumeric, is_han};
use crate::model::Token;
use compact_str::CompactString;
use jieba_rs::Jieba;
use rust_stemmers::Stemmer;
use std::cell::RefCell;
use std::collections::HashMap;
use unicode_segmentation::UnicodeSegmentation;

/// Buffers reused by every call on a thread: the normalized text and its offset shifts.
#[derive(Default)]
struct Scratch {
    norm: String,
    shifts: Vec<(usize, isize)>,
    /// Indices of whole words in a search-mode cut (see [`emit`]).
    word_ends: Vec<usize>,
}

thread_local! {
    static SCRATCH: RefCell<Scratch> = RefCell::new(Scratch::default());
}

/// Appends the words of `text` to `out`.
pub(crate) fn tokens(jieba: &Jieba, stemmer: Option<&Stemmer>, text: &str, out: &mut Vec<Token>) {
    SCRATCH.with(|scratch| match scratch.try_borrow_mut() {
        Ok(mut s) => {
            let Scratch {
                norm,
                shifts,
                word_ends,
            } = &mut *s;
            tokens_with(jieba, stemmer, text, norm, shifts, word_ends, out);
            // A huge text should not pin its buffer for the thread's life.
            if norm.capacity() > 1 << 20 {
                *norm = String::new();
                *shifts = Vec::new();
                *word_ends = Vec::new();
            }
        }
        // Only if a stemmer or jieba ever called back in here: fresh buffers then.
        Err(_) => tokens_with(
            jieba,
            stemmer,
            text,
            &mut String::new(),
            &mut Vec::new(),
            &mut Vec::new(),
            out,
        ),
    })
}

fn tokens_with(
    jieba: &Jieba,
    stemmer: Option<&Stemmer>,
    text: &str,
    norm: &mut String,
    shifts: &mut Vec<(usize, isize)>,
    word_ends: &mut Vec<usize>,
    out: &mut Vec<Token>,
) {
    // Char-for-char normalization; offsets are mapped back below, from the char lengths.
    norm.clear();
    shifts.clear();
    crate::normalize::normalize_into(text, norm);
    let n = norm.as_str();
    // Runs change only where Han letters meet other letters or digits: punctuation and spaces
    // stay in the current run, so that a Chinese passage goes to jieba in few calls.
    let mut run: Option<(usize, bool)> = None;
    // Where normalized and source offsets drift apart (a full-width char folded to ASCII, say):
    // `(normalized offset, source − normalized from there on)`. Usually empty.
    let mut delta = 0isize;
    let mut src_chars = text.chars();
    for (i, c) in n.char_indices() {
        if let Some(s) = src_chars.next() {
            if s.len_utf8() != c.len_utf8() {
                delta += s.len_utf8() as isize - c.len_utf8() as isize;
                shifts.push((i + c.len_utf8(), delta));
            }
        }
        // `is_han` first: most chars of a Chinese text are Han.
        let han = is_han(c);
        if !han && !is_alphanumeric(c) {
            continue;
        }
        match run {
            Some((s, h)) if h != han => {
                emit((jieba, stemmer), n, shifts, word_ends, s..i, h, out);
                run = Some((i, han));
            }
            None => run = Some((i, han)),
            _ => {}
        }
    }
    if let Some((s, h)) = run {
        emit((jieba, stemmer), n, shifts, word_ends, s..n.len(), h, out);
    }
}

fn emit(
    (jieba, stemmer): (&Jieba, Option<&Stemmer>),
    norm: &str,
    shifts: &[(usize, isize)],
    word_ends: &mut Vec<usize>,
    r: std::ops::Range<usize>,
    han: bool,
    out: &mut Vec<Token>,
) {
    let part = &norm[r.clone()];
    let at = |n: usize| {
        let k = shifts.partition_point(|&(p, _)| p <= n);
        let d = if k == 0 { 0 } else { shifts[k - 1].1 };
        (n as isize + d) as usize
    };
    let to_source = |a: usize, b: usize| at(a)..at(b);
    if han {
        // Search mode finds the sub-words in the dictionary matches it already made for the
        // word (no second lookup per 2- or 3-char gram), but puts them before their word.
        let words = jieba.cut_for_search(part, false);
        // Words tile the run and every sub-word lies inside its word, so from the end backwards
        // a token that starts before the current word is the previous word.
        word_ends.clear();
        let mut word_start = usize::MAX;
        for (k, w) in words.iter().enumerate().rev() {
            if w.byte_start < word_start {
                word_ends.push(k);
                word_start = w.byte_start;
            }
        }
        let mut from = 0;
        for &k in word_ends.iter().rev() {
            let w = &words[k];
            // Punctuation inside the run comes out as tokens of its own.
            if w.word.chars().any(is_alphanumeric) {
                out.push(Token {
                    term: w.word.into(),
                    range: to_source(r.start + w.byte_start, r.start + w.byte_end),
                });
                out.extend(words[from..k].iter().map(|g| Token {
                    term: g.word.into(),
                    range: to_source(r.start + g.byte_start, r.start + g.byte_end),
                }));
            }
            from = k + 1;
        }
        return;
    }
    STEMS.with(|stems| {
        let mut stems = stems.borrow_mut();
        for (i, w) in part.unicode_word_indices() {
            if !w.chars().any(is_alphanumeric) {
                continue;
            }
            let term = match stemmer {
                Some(s) => stem(&mut stems, s, w),
                None => w.into(),
            };
            out.push(Token {
                term,
                range: to_source(r.start + i, r.start + i + w.len()),
            });
        }
    });
}

thread_local! {
    /// Stems of the words seen on this thread: a corpus repeats a few thousand words, and a
    /// lookup costs a fraction of a Snowball run.
    static STEMS: RefCell<HashMap<CompactString, CompactString>> = RefCell::new(HashMap::new());
}

/// Words cached at most; past it the cache starts over (a corpus's vocabulary is much smaller).
const STEM_CACHE: usize = 1 << 16;

/// The stem of `word`, from the cache when seen before. Only one stemmer (English) is ever used,
/// so the cache is keyed by the word alone.
fn stem(
    stems: &mut HashMap<CompactString, CompactString>,
    s: &Stemmer,
    word: &str,
) -> CompactString {
    if let Some(t) = stems.get(word) {
        return t.clone();
    }
    let t = CompactString::from(&*s.stem(word));
    if stems.len() >= STEM_CACHE {
        stems.clear();
    }
    stems.insert(word.into(), t.clone());
    t
}
