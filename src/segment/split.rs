//! Cutting overlong blocks into passages of bounded length.
//!
//! A passage is the unit an analyst reads as evidence and the unit tags co-occur in. A text
//! without paragraph breaks (a plain-text dump of a PDF, a file written on one line) would
//! otherwise be a single passage of megabytes: unreadable as evidence, every tag of the document
//! in one place, and all its words held at once. Such a block is cut at sentence ends into
//! pieces of at most [`MAX_PASSAGE_CHARS`] chars, each keeping its exact map to the source.

use super::block::Block;
use super::sentence::{push_trimmed, sentences};
use crate::model::OffsetMap;
use std::ops::Range;

/// The longest passage, in chars. Real paragraphs stay below it: of 356,545 passages of 3,504
/// Chinese laws three exceed it (runs of articles on consecutive lines, up to 2,762 chars), and
/// the longest of 10,643 in 151 English statements has 1,842. So it cuts text that has lost its
/// paragraph breaks, not paragraphs.
pub const MAX_PASSAGE_CHARS: usize = 2_000;

/// Cuts every block longer than [`MAX_PASSAGE_CHARS`] into pieces; other blocks pass unchanged.
pub(crate) fn split_long(blocks: Vec<Block>) -> Vec<Block> {
    // A char takes at least a byte: most documents have no block this long in bytes.
    if blocks.iter().all(|b| b.text.len() <= MAX_PASSAGE_CHARS) {
        return blocks;
    }
    let mut out = Vec::with_capacity(blocks.len());
    for b in blocks {
        if b.text.len() <= MAX_PASSAGE_CHARS || b.text.chars().count() <= MAX_PASSAGE_CHARS {
            out.push(b);
            continue;
        }
        let pieces = cut(&b.text, &b.map, MAX_PASSAGE_CHARS);
        let last = pieces.len().saturating_sub(1);
        for (k, r) in pieces.into_iter().enumerate() {
            out.push(piece(&b, r, k == 0, k == last));
        }
    }
    out
}

/// Clean byte ranges of the pieces of `text`, in order, each trimmed, non-empty and at most
/// `max` chars. Sentences are kept whole where they fit; a longer sentence is cut after the last
/// whitespace or clause mark that fits, or else after `max` chars. No cut falls inside a run of
/// `map` whose clean text differs in length from its source (a decoded entity, or markup whose
/// text maps back as a whole), so a piece holding such a run may exceed `max` by its length.
fn cut(text: &str, map: &OffsetMap, max: usize) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    // The open piece: its start, chars and end.
    let mut open: Option<(usize, usize, usize)> = None;
    for s in sentences(text) {
        if let Some((st, chars, end)) = open {
            // Whitespace between the sentences joins them too.
            let with = chars + text[end..s.end].chars().count();
            // A run that maps only as a whole is never split between two pieces, even past `max`.
            if with <= max || splits_run(map, end, s.start) {
                open = Some((st, with, s.end));
                continue;
            }
            out.push(st..end);
        }
        // A new piece starts with this sentence; one longer than a passage is cut first.
        let mut from = s.start;
        loop {
            let to = hard_cut(text, map, from..s.end, max);
            if to >= s.end {
                let rest = &text[from..s.end];
                let from = from + (rest.len() - rest.trim_start().len());
                open = (from < s.end).then(|| (from, text[from..s.end].chars().count(), s.end));
                break;
            }
            push_trimmed(&mut out, text, from..to);
            from = to;
        }
    }
    if let Some((st, _, end)) = open {
        out.push(st..end);
    }
    out
}

/// Where to end a piece of `text[r]` of at most `max` chars: after the last whitespace or
/// clause mark within that many chars, and never inside an entity run.
fn hard_cut(text: &str, map: &OffsetMap, r: Range<usize>, max: usize) -> usize {
    let s = &text[r.clone()];
    let limit = s
        .char_indices()
        .nth(max)
        .map_or(r.end, |(i, _)| r.start + i);
    if limit >= r.end {
        return r.end;
    }
    let window = &text[r.start..limit];
    // Only in the second half of the window, so that pieces stay long.
    let soft = window
        .char_indices()
        .rev()
        .take_while(|&(i, _)| i >= window.len() / 2)
        .find(|&(_, c)| {
            c.is_whitespace() || matches!(c, '，' | '、' | '：' | ',' | ':' | '）' | ')')
        })
        .map(|(i, c)| r.start + i + c.len_utf8());
    off_entity(map, soft.unwrap_or(limit), r.start).min(r.end)
}

/// Whether a piece ending at `end` and the next starting at `next` would split a run of `map`
/// whose clean text differs in length from its source (which maps only as a whole).
fn splits_run(map: &OffsetMap, end: usize, next: usize) -> bool {
    let Some(last) = end.checked_sub(1) else {
        return false;
    };
    let runs = map.runs();
    let i = runs.partition_point(|r| r.clean_start + r.clean_len <= last);
    runs.get(i).is_some_and(|r| {
        r.clean_len != r.orig_len && r.clean_start <= last && r.clean_start + r.clean_len > next
    })
}

/// `at`, or, when a non-verbatim run of `map` holds it strictly inside, that run's start (or its
/// end, if the run starts the piece that began at `from`).
fn off_entity(map: &OffsetMap, at: usize, from: usize) -> usize {
    let runs = map.runs();
    let i = runs.partition_point(|r| r.clean_start + r.clean_len <= at);
    match runs.get(i) {
        Some(r) if r.clean_len != r.orig_len && r.clean_start < at => {
            if r.clean_start > from {
                r.clean_start
            } else {
                r.clean_start + r.clean_len
            }
        }
        _ => at,
    }
}

/// The block of the clean range `r` of `b`: its text, its map shifted to start at 0, and its
/// source range (the first piece keeps the block's start, the last its end, so that markup
/// before and after the text stays inside the passage's range as it did).
fn piece(b: &Block, r: Range<usize>, first: bool, last: bool) -> Block {
    let mut map = OffsetMap::new();
    for run in b.map.runs() {
        let (cs, ce) = (run.clean_start, run.clean_start + run.clean_len);
        if ce <= r.start || cs >= r.end {
            continue;
        }
        let (s, e) = (cs.max(r.start), ce.min(r.end));
        if run.clean_len == run.orig_len {
            map.push(s - r.start, e - s, run.orig_start + (s - cs), e - s);
        } else {
            // Hard cuts avoid these runs; a sentence end inside one keeps its whole source.
            map.push(s - r.start, e - s, run.orig_start, run.orig_len);
        }
    }
    let orig = b.map.range_to_orig(r.clone());
    Block {
        kind: b.kind,
        section: b.section.clone(),
        range: if first { b.range.start } else { orig.start }..if last {
            b.range.end
        } else {
            orig.end
        },
        text: b.text[r].to_string(),
        map,
        opens_section: b.opens_section && first,
        whole: b.whole,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::PassageKind;

    fn block(text: &str) -> Block {
        let mut map = OffsetMap::new();
        map.push(0, text.len(), 10, text.len());
        Block {
            kind: PassageKind::Paragraph,
            section: vec!["S".into()],
            range: 8..10 + text.len() + 2,
            text: text.into(),
            map,
            opens_section: false,
            whole: false,
        }
    }

    #[test]
    fn short_blocks_pass_unchanged() {
        let b = block("我们尊重人权。We respect human rights.");
        let out = split_long(vec![b.clone()]);
        assert_eq!(out.len(), 1);
        assert_eq!(out[0].text, b.text);
        assert_eq!(out[0].range, b.range);
    }

    #[test]
    fn long_blocks_are_cut_at_sentence_ends_and_map_back() {
        let sentence = "我们禁止强迫劳动和童工，尊重结社自由。";
        let text = sentence.repeat(400);
        let out = split_long(vec![block(&text)]);
        assert!(out.len() > 1);
        let mut at = 0;
        for (k, p) in out.iter().enumerate() {
            assert!(p.text.chars().count() <= MAX_PASSAGE_CHARS);
            // Whole sentences only.
            assert!(
                p.text.starts_with("我们") && p.text.ends_with('。'),
                "piece {k}"
            );
            let found = text[at..].find(&p.text).unwrap() + at;
            // The map sends the piece's first and last char to where they stand in the source.
            assert_eq!(p.map.to_orig(0), 10 + found);
            assert_eq!(
                p.map.range_to_orig(0..p.text.len()).end,
                10 + found + p.text.len()
            );
            if k > 0 {
                assert_eq!(p.range.start, 10 + found);
                assert!(out[k - 1].range.end <= p.range.start);
            }
            at = found + p.text.len();
        }
        assert_eq!(out[0].range.start, 8);
        assert_eq!(out.last().unwrap().range.end, 10 + text.len() + 2);
        let joined: String = out.iter().map(|p| p.text.as_str()).collect();
        assert_eq!(joined, text);
    }

    #[test]
    fn a_sentence_longer_than_a_passage_is_cut_at_whitespace() {
        let text = "word ".repeat(1_000) + "end";
        let out = split_long(vec![block(&text)]);
        assert!(out.len() >= 3);
        for p in &out {
            assert!(p.text.chars().count() <= MAX_PASSAGE_CHARS);
            assert!(!p.text.starts_with(' ') && !p.text.ends_with(' '));
            assert!(p.text.starts_with("word") || p.text == "end");
        }
        let words: usize = out.iter().map(|p| p.text.split(' ').count()).sum();
        assert_eq!(words, 1_001);
    }

    #[test]
    fn text_without_any_break_is_cut_on_char_boundaries() {
        let text = "权".repeat(5_001);
        let out = split_long(vec![block(&text)]);
        let counts: Vec<usize> = out.iter().map(|p| p.text.chars().count()).collect();
        assert_eq!(counts, [2_000, 2_000, 1_001]);
    }

    #[test]
    fn cuts_avoid_entity_runs() {
        // `abc` decoded from ten source bytes, where a hard cut after 2,000 chars would fall.
        let text = "x".repeat(1_999) + "abc" + &"y".repeat(1_000);
        let mut map = OffsetMap::new();
        map.push(0, 1_999, 0, 1_999);
        map.push(1_999, 3, 1_999, 10);
        map.push(2_002, 1_000, 2_009, 1_000);
        let b = Block {
            map,
            range: 0..3_009,
            ..block(&text)
        };
        assert_eq!(off_entity(&b.map, 2_000, 0), 1_999);
        assert_eq!(off_entity(&b.map, 2_000, 1_999), 2_002);
        assert_eq!(off_entity(&b.map, 1_999, 0), 1_999);
        let out = split_long(vec![b]);
        let texts: Vec<usize> = out.iter().map(|p| p.text.len()).collect();
        assert_eq!(texts, [1_999, 1_003]);
        assert_eq!(out[1].map.to_orig(0), 1_999);
        assert_eq!(out[1].map.to_orig(3), 2_009);
        assert_eq!(out[1].range, 1_999..3_009);
        for p in &out {
            let last = p.map.runs().last().unwrap();
            assert_eq!(last.clean_start + last.clean_len, p.text.len());
        }
    }
}
