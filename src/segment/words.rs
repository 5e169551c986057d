//! Words: the text is normalized once (Traditional → Simplified, full-width → half-width, case
//! folded), split into Han and non-Han runs; Han runs go to jieba, the rest to Unicode word
//! bounds (stemmed when asked). Every token's range points into the un-normalized text.

use crate::lang::{is_alphanumeric, is_han};
use crate::model::Token;
use compact_str::CompactString;
use jieba_rs::Jieba;
use rust_stemmers::Stemmer;
use std::cell::RefCell;
use unicode_segmentation::UnicodeSegmentation;

/// Buffers reused by every call on a thread: the normalized text and its offset shifts.
#[derive(Default)]
struct Scratch {
    norm: String,
    shifts: Vec<(usize, isize)>,
}

thread_local! {
    static SCRATCH: RefCell<Scratch> = RefCell::new(Scratch::default());
}

/// Appends the words of `text` to `out`.
pub(crate) fn tokens(jieba: &Jieba, stemmer: Option<&Stemmer>, text: &str, out: &mut Vec<Token>) {
    SCRATCH.with(|scratch| match scratch.try_borrow_mut() {
        Ok(mut s) => {
            let Scratch { norm, shifts } = &mut *s;
            tokens_with(jieba, stemmer, text, norm, shifts, out);
            // A huge text should not pin its buffer for the thread's life.
            if norm.capacity() > 1 << 20 {
                *norm = String::new();
                *shifts = Vec::new();
            }
        }
        // Only if a stemmer or jieba ever called back in here: fresh buffers then.
        Err(_) => tokens_with(
            jieba,
            stemmer,
            text,
            &mut String::new(),
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
                emit(jieba, stemmer, n, shifts, s..i, h, out);
                run = Some((i, han));
            }
            None => run = Some((i, han)),
            _ => {}
        }
    }
    if let Some((s, h)) = run {
        emit(jieba, stemmer, n, shifts, s..n.len(), h, out);
    }
}

fn emit(
    jieba: &Jieba,
    stemmer: Option<&Stemmer>,
    norm: &str,
    shifts: &[(usize, isize)],
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
        for w in jieba.cut(part, false) {
            // Punctuation inside the run comes out as tokens of its own.
            if !w.word.chars().any(is_alphanumeric) {
                continue;
            }
            out.push(Token {
                term: w.word.into(),
                range: to_source(r.start + w.byte_start, r.start + w.byte_end),
            });
            push_subwords(jieba, w.word, r.start + w.byte_start, &to_source, out);
        }
        return;
    }
    for (i, w) in part.unicode_word_indices() {
        if !w.chars().any(is_alphanumeric) {
            continue;
        }
        let term = match stemmer {
            Some(s) => CompactString::from(&*s.stem(w)),
            None => w.into(),
        };
        out.push(Token {
            term,
            range: to_source(r.start + i, r.start + i + w.len()),
        });
    }
}

/// After a long Han word, its dictionary words of two and three chars, as jieba's search mode
/// offers them: so that 劳动 finds 强迫劳动 although the dictionary keeps the term whole. Their
/// ranges lie inside the word's range, which is how the index recognises them (same position).
fn push_subwords(
    jieba: &Jieba,
    word: &str,
    start: usize,
    to_source: &impl Fn(usize, usize) -> std::ops::Range<usize>,
    out: &mut Vec<Token>,
) {
    // Short words have no sub-words: most words end here, without a look at their chars.
    if word.chars().nth(2).is_none() {
        return;
    }
    // Char starts of the word, on the stack for any dictionary word (a longer word takes the
    // slow path below).
    let mut bounds = [0usize; 33];
    let mut chars = 0;
    for (i, _) in word.char_indices() {
        if chars == 32 {
            return push_subwords_long(jieba, word, start, to_source, out);
        }
        bounds[chars] = i;
        chars += 1;
    }
    bounds[chars] = word.len();
    grams(jieba, word, &bounds[..=chars], start, to_source, out);
}

fn push_subwords_long(
    jieba: &Jieba,
    word: &str,
    start: usize,
    to_source: &impl Fn(usize, usize) -> std::ops::Range<usize>,
    out: &mut Vec<Token>,
) {
    let bounds: Vec<usize> = word
        .char_indices()
        .map(|(i, _)| i)
        .chain([word.len()])
        .collect();
    grams(jieba, word, &bounds, start, to_source, out);
}

/// The 2- and 3-char dictionary words of `word`, whose char starts (and end) are `bounds`.
fn grams(
    jieba: &Jieba,
    word: &str,
    bounds: &[usize],
    start: usize,
    to_source: &impl Fn(usize, usize) -> std::ops::Range<usize>,
    out: &mut Vec<Token>,
) {
    let chars = bounds.len() - 1;
    for n in [2, 3] {
        if chars <= n {
            continue;
        }
        for i in 0..=chars - n {
            let gram = &word[bounds[i]..bounds[i + n]];
            if jieba.has_word(gram) {
                out.push(Token {
                    term: gram.into(),
                    range: to_source(start + bounds[i], start + bounds[i + n]),
                });
            }
        }
    }
}
