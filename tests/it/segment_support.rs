//! Helpers shared by the segmentation tests: building documents and checking the invariants every
//! segmentation must keep.
#![allow(dead_code)]

use hria::model::{Document, Format, Lang, Passage};
use std::path::PathBuf;

/// A document with the given id, format and text.
pub fn doc(id: &str, format: Format, text: &str) -> Document {
    Document {
        id: id.to_string(),
        path: PathBuf::from(id),
        format,
        text: text.to_string(),
        encoding: "UTF-8".into(),
        encoding_source: "detected".into(),
        replaced: 0,
        hash: String::new(),
        lang: Lang::Other,
        meta: Default::default(),
    }
}

/// The statement fixture.
pub fn statement() -> Document {
    let text =
        include_str!("../fixtures/index/corpus/microsoft-global-human-rights-statement.zh.md");
    doc("microsoft.zh.md", Format::Markdown, text)
}

/// Checks every invariant of a segmentation; returns a description of the first violation.
pub fn check(doc: &Document, passages: &[Passage]) -> Result<(), String> {
    let src = &doc.text;
    let mut prev_end = 0;
    for p in passages {
        let r = &p.range;
        if r.start < prev_end || r.end < r.start || r.end > src.len() {
            return Err(format!(
                "{}: range {r:?} overlaps or is out of bounds (prev end {prev_end})",
                p.id
            ));
        }
        if !src.is_char_boundary(r.start) || !src.is_char_boundary(r.end) {
            return Err(format!("{}: range {r:?} not on char boundaries", p.id));
        }
        prev_end = r.end;
        if p.text.is_empty() || p.text.trim() != p.text {
            return Err(format!(
                "{}: clean text empty or untrimmed: {:?}",
                p.id, p.text
            ));
        }
        // Runs are in order, inside the range, and verbatim runs copy the source.
        let mut clean_end = 0;
        let mut orig_end = r.start;
        for run in p.map.runs() {
            let orig = run.orig_start..run.orig_start + run.orig_len;
            if run.clean_start != clean_end || orig.start < orig_end || orig.end > r.end {
                return Err(format!(
                    "{}: run {run:?} out of order or outside {r:?}",
                    p.id
                ));
            }
            clean_end = run.clean_start + run.clean_len;
            orig_end = orig.end;
            if run.clean_len == run.orig_len {
                let clean = p.text.get(run.clean_start..clean_end);
                if clean != src.get(orig.clone()) {
                    return Err(format!(
                        "{}: verbatim run {run:?} differs from the source",
                        p.id
                    ));
                }
            } else if src.get(orig.clone()).is_none() {
                return Err(format!("{}: run {run:?} not on char boundaries", p.id));
            }
        }
        if clean_end != p.text.len() {
            return Err(format!(
                "{}: map covers {clean_end} of {} bytes",
                p.id,
                p.text.len()
            ));
        }
        // Every char maps back; in verbatim runs to the same char.
        for (i, c) in p.text.char_indices() {
            let o = p.map.to_orig(i);
            if !r.contains(&o) || !src.is_char_boundary(o) {
                return Err(format!(
                    "{}: char {c:?} at {i} maps to {o}, outside {r:?}",
                    p.id
                ));
            }
            let run = p
                .map
                .runs()
                .iter()
                .find(|x| (x.clean_start..x.clean_start + x.clean_len).contains(&i));
            if run.is_some_and(|x| x.clean_len == x.orig_len) && !src[o..].starts_with(c) {
                return Err(format!(
                    "{}: char {c:?} at {i} maps to {o}, which is not it",
                    p.id
                ));
            }
        }
        check_ranges(p, "sentence", &p.sentences)?;
        let mut covered = vec![false; p.text.len()];
        for s in &p.sentences {
            if p.text[s.clone()].trim() != &p.text[s.clone()] {
                return Err(format!("{}: sentence {s:?} not trimmed", p.id));
            }
            covered[s.clone()].iter_mut().for_each(|b| *b = true);
        }
        if let Some((i, c)) = p
            .text
            .char_indices()
            .find(|(i, c)| !c.is_whitespace() && !covered[*i])
        {
            return Err(format!("{}: char {c:?} at {i} in no sentence", p.id));
        }
        // Tokens are words, which do not overlap (sub-words are the index's business). A word
        // has a letter or digit once normalized (a radical a PDF wrote for 人 is the letter 人).
        let words: Vec<std::ops::Range<usize>> = p.tokens.iter().map(|t| t.range.clone()).collect();
        check_ranges(p, "token", &words)?;
        if let Some(t) = p.tokens.iter().find(|t| {
            t.term.is_empty()
                || !hria::normalize::normalize_str(&p.text[t.range.clone()])
                    .chars()
                    .any(char::is_alphanumeric)
        }) {
            return Err(format!("{}: token {t:?} is empty or punctuation", p.id));
        }
    }
    Ok(())
}

fn check_ranges(p: &Passage, what: &str, ranges: &[std::ops::Range<usize>]) -> Result<(), String> {
    let mut end = 0;
    for r in ranges {
        if r.start < end || r.is_empty() || p.text.get(r.clone()).is_none() {
            return Err(format!(
                "{}: {what} {r:?} empty, overlapping or off char boundaries",
                p.id
            ));
        }
        end = r.end;
    }
    Ok(())
}

/// Whether the chars of `clean` appear, in order, in `orig`.
pub fn in_order(clean: &str, orig: &str) -> bool {
    let mut it = orig.chars();
    clean.chars().all(|c| it.by_ref().any(|o| o == c))
}
