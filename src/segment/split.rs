//! Cutting overlong blocks into passages of bounded length.
//!
//! A passage is the unit an analyst reads as evidence and the unit tags co-occur in. A text
//! without paragraph breaks (a plain-text dump of a PDF, a file written on one line) would
//! otherwise be a single passage of megabytes: unreadable as evidence, every tag of the document
//! in one place, and all its words held at once. Such a block is cut at sentence ends into
//! pieces of at most [`MAX_PASSAGE_CHARS`] chars, each keeping its exact map to the source.

use super::block::{sub_map_from, Block};
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
        // Pieces come in text order: the first run of each is searched from the previous one's.
        let mut first_run = 0;
        for (k, r) in pieces.into_iter().enumerate() {
            // A stretch of zero-width chars cut out of a long block is no passage either.
            if !super::invisible(&b.text[r.clone()]) {
                out.push(piece(&b, r, k == 0, k == last, &mut first_run));
            }
        }
    }
    out
}

/// The piece being filled by [`cut`]: clean byte offsets and its length in chars.
struct Open {
    start: usize,
    chars: usize,
    end: usize,
}

/// Clean byte ranges of the pieces of `text`, in order, each trimmed and non-empty. Sentences
/// are kept whole while a piece stays within `max` chars; a longer sentence is cut after the last
/// whitespace or clause mark that fits, or else after `max` chars, on a grapheme boundary. No cut
/// falls inside a run of `map` whose clean text differs in length from its source (a decoded
/// entity, or markup whose text maps back only as a whole): the piece before takes in the whole
/// run, so such a piece may exceed `max` by the run's length.
fn cut(text: &str, map: &OffsetMap, max: usize) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut open: Option<Open> = None;
    // Text before this offset is in a piece already.
    let mut done = 0;
    for s in sentences(text) {
        if s.end <= done {
            continue;
        }
        let mut from = s.start.max(done);
        if let Some(o) = open.take() {
            // Whitespace between the sentences joins them too.
            let with = o.chars + text[o.end..s.end].chars().count();
            if with <= max {
                open = Some(Open {
                    end: s.end,
                    chars: with,
                    ..o
                });
                done = s.end;
                continue;
            }
            let close = run_across(map, o.end, from).unwrap_or(o.end);
            push_trimmed(&mut out, text, o.start..close);
            done = done.max(close);
            from = from.max(close);
            if from >= s.end {
                continue;
            }
        }
        // A new piece starts in this sentence; what is longer than a passage is cut first.
        loop {
            let to = hard_cut(text, map, from..s.end, max);
            if to >= s.end {
                let rest = &text[from..s.end];
                let from = from + (rest.len() - rest.trim_start().len());
                open = (from < s.end).then(|| Open {
                    start: from,
                    chars: text[from..s.end].chars().count(),
                    end: s.end,
                });
                break;
            }
            push_trimmed(&mut out, text, from..to);
            from = to;
        }
        done = s.end;
    }
    if let Some(o) = open {
        out.push(o.start..o.end);
    }
    out
}

/// Where to end a piece of `text[r]` of at most `max` chars: after the last whitespace or
/// clause mark in the second half of those chars (so that pieces stay long), else after `max`
/// chars, moved back to a grapheme boundary (an accent stays with its letter) and off any run
/// that maps only as a whole. Always past `r.start`.
fn hard_cut(text: &str, map: &OffsetMap, r: Range<usize>, max: usize) -> usize {
    let s = &text[r.clone()];
    let Some((limit, _)) = s.char_indices().nth(max) else {
        return r.end;
    };
    let window = &s[..limit];
    let half = window.char_indices().nth(max / 2).map_or(0, |(i, _)| i);
    let soft = window[half..]
        .char_indices()
        .rev()
        .find(|&(_, c)| {
            c.is_whitespace() || matches!(c, '，' | '、' | '：' | ',' | ':' | '）' | ')')
        })
        .map(|(i, c)| half + i + c.len_utf8());
    let mut at = r.start + soft.unwrap_or(limit);
    let mut cursor = unicode_segmentation::GraphemeCursor::new(at, text.len(), true);
    if let (Ok(false), Ok(Some(prev))) =
        (cursor.is_boundary(text, 0), cursor.prev_boundary(text, 0))
    {
        if prev > r.start {
            at = prev;
        }
    }
    off_entity(map, at, r.start).min(r.end)
}

/// The end of the run of `map` that maps only as a whole and would be split by ending a piece
/// at `end` and starting the next at `next`, if there is one.
fn run_across(map: &OffsetMap, end: usize, next: usize) -> Option<usize> {
    let last = end.checked_sub(1)?;
    let runs = map.runs();
    let i = runs.partition_point(|r| r.clean_start + r.clean_len <= last);
    let r = runs.get(i)?;
    let run_end = r.clean_start + r.clean_len;
    (r.clean_len != r.orig_len && r.clean_start <= last && run_end > next).then_some(run_end)
}

/// `at`, or, when a run of `map` that maps only as a whole holds it strictly inside, that run's
/// start (or its end, if the run starts at or before `from`, where the piece begins).
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
/// `first_run` is where the search for the piece's first run starts, and is left there: pieces
/// come in text order, so each block's runs are read about once however many pieces it makes.
/// A run that maps only as a whole keeps its whole source in each piece it falls in: hard cuts
/// avoid such runs, but a sentence end inside one may cut it.
fn piece(b: &Block, r: Range<usize>, first: bool, last: bool, first_run: &mut usize) -> Block {
    let map = sub_map_from(&b.map, r.clone(), first_run);
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
        point: b.point,
        hyphenated: b.hyphenated && last,
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
            hyphenated: false,
            point: false,
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

    #[test]
    fn a_sentence_end_inside_a_whole_run_does_not_lift_the_limit() {
        // `. B` decoded from a source span of another length (as a code span over a line break
        // maps): a sentence ends inside it, and a long sentence follows.
        let text = "Intro. A. B ".to_string() + &"x ".repeat(3_000) + ".";
        let mut map = OffsetMap::new();
        map.push(0, 8, 0, 8);
        map.push(8, 3, 8, 5);
        map.push(11, text.len() - 11, 13, text.len() - 11);
        let b = Block {
            map,
            range: 0..text.len() + 2,
            ..block(&text)
        };
        let out = split_long(vec![b]);
        assert!(out.len() >= 3, "{}", out.len());
        for (k, p) in out.iter().enumerate() {
            assert!(p.text.chars().count() <= MAX_PASSAGE_CHARS + 3, "piece {k}");
            if k > 0 {
                assert!(out[k - 1].range.end <= p.range.start, "piece {k}");
            }
        }
        // The whole run stays in one piece.
        assert!(out[0].text.ends_with("A. B"), "{:?}", &out[0].text);
    }

    #[test]
    fn zero_width_pieces_are_dropped() {
        let text = "word ".repeat(100) + &"\u{200B}".repeat(4_000);
        let out = split_long(vec![block(&text)]);
        assert_eq!(out.len(), 1);
        assert!(out[0].text.starts_with("word"));
    }

    #[test]
    fn hard_cuts_keep_graphemes_whole() {
        let text = "e\u{301}".repeat(1_500);
        let out = split_long(vec![block(&text)]);
        assert!(out.len() >= 2);
        for p in &out {
            assert!(
                !p.text.starts_with('\u{301}'),
                "a piece starts with a combining mark"
            );
        }
        let joined: String = out.iter().map(|p| p.text.as_str()).collect();
        assert_eq!(joined, text);
    }

    #[test]
    fn many_pieces_of_a_block_with_many_runs_map_back() {
        // An entity run every six chars, 600 pieces: each piece's runs are found from the last.
        let unit = "a & b ";
        let n = 200_000;
        let text = unit.repeat(n);
        let mut map = OffsetMap::new();
        let (mut c, mut o) = (0, 0);
        for _ in 0..n {
            map.push(c, 2, o, 2);
            map.push(c + 2, 1, o + 2, 5);
            map.push(c + 3, 3, o + 7, 3);
            c += 6;
            o += 10;
        }
        let b = Block {
            map,
            range: 0..o,
            ..block(&text)
        };
        let out = split_long(vec![b]);
        assert!(out.len() > 500);
        let mut at = 0;
        for p in &out {
            // Every piece's map covers its text, and sends its start where it stands.
            let last = p.map.runs().last().unwrap();
            assert_eq!(last.clean_start + last.clean_len, p.text.len());
            let found = text[at..].find(&p.text).unwrap() + at;
            assert_eq!(
                p.map.to_orig(0),
                found / 6 * 10 + [0, 1, 2, 7, 8, 9][found % 6]
            );
            at = found + p.text.len();
        }
    }
}
