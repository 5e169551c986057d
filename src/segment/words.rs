//! Words: the text is normalized once (Traditional → Simplified, full-width → half-width, case
//! folded), split into Han and non-Han runs; Han runs go to jieba, the rest to Unicode word
//! bounds (stemmed when asked). Every token's range points into the un-normalized text.

use crate::lang::is_han;
use crate::model::Token;
use jieba_rs::Jieba;
use rust_stemmers::Stemmer;
use unicode_segmentation::UnicodeSegmentation;

/// Appends the words of `text` to `out`.
pub(crate) fn tokens(jieba: &Jieba, stemmer: Option<&Stemmer>, text: &str, out: &mut Vec<Token>) {
    let norm = crate::normalize::normalize(text);
    let n = norm.text.as_str();
    // Runs change only where Han letters meet other letters or digits: punctuation and spaces
    // stay in the current run, so that a Chinese passage goes to jieba in few calls.
    let mut run: Option<(usize, bool)> = None;
    // Whether every normalized char has its source char's byte length (then offsets are equal).
    let mut same = n.len() == text.len();
    let mut src_chars = text.chars();
    for (i, c) in n.char_indices() {
        if same
            && src_chars
                .next()
                .is_none_or(|s| s.len_utf8() != c.len_utf8())
        {
            same = false;
        }
        // `is_han` first: `is_alphanumeric` is slow on Han chars.
        let han = is_han(c);
        if !han && !c.is_alphanumeric() {
            continue;
        }
        match run {
            Some((s, h)) if h != han => {
                emit(jieba, stemmer, &norm, same, s..i, h, out);
                run = Some((i, han));
            }
            None => run = Some((i, han)),
            _ => {}
        }
    }
    if let Some((s, h)) = run {
        emit(jieba, stemmer, &norm, same, s..n.len(), h, out);
    }
}

fn emit(
    jieba: &Jieba,
    stemmer: Option<&Stemmer>,
    norm: &crate::normalize::Normalized,
    same: bool,
    r: std::ops::Range<usize>,
    han: bool,
    out: &mut Vec<Token>,
) {
    let part = &norm.text[r.clone()];
    let to_source = |a: usize, b: usize| {
        if same {
            a..b
        } else {
            norm.range_to_source(a..b)
        }
    };
    if han {
        for w in jieba.cut(part, false) {
            // Punctuation inside the run comes out as tokens of its own.
            if !w.word.chars().any(|c| is_han(c) || c.is_alphanumeric()) {
                continue;
            }
            out.push(Token {
                term: w.word.to_string(),
                range: to_source(r.start + w.byte_start, r.start + w.byte_end),
            });
        }
        return;
    }
    for (i, w) in part.unicode_word_indices() {
        if !w.chars().any(char::is_alphanumeric) {
            continue;
        }
        let term = match stemmer {
            Some(s) => s.stem(w).into_owned(),
            None => w.to_string(),
        };
        out.push(Token {
            term,
            range: to_source(r.start + i, r.start + i + w.len()),
        });
    }
}
