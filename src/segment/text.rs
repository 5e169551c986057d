//! Plain-text structure: paragraphs are separated by blank lines; a line starting with a list
//! marker (`- `, `* `, `• `, `●`, `■`, `1. `, `1) `; `– ` where an item may start) is a list
//! item, continued by the non-blank lines after it; so is a line opening with a point's number
//! (`（一）`, `①`, `(2)`, `a)`) that opens a block, follows the point before it, or comes after a
//! line that ends its sentence or a title. A short line numbered as a Chinese section title
//! (`一、审核范围`, `第二章 人权承诺`) is a heading, and so is an English one, numbered or in
//! capitals (`1. Introduction`, `Article 3 …`, `OUR SALIENT ISSUES`).
//! A text without any blank line has a paragraph a line.

use super::block::{
    bullet, chinese_number, chinese_title, dash_bullet, latin_title, may_open_with_chinese_number,
    point_marker, title_rank, Block, Builder, Point, Wraps,
};
use super::PageNumber;
use crate::model::PassageKind;
use std::collections::HashMap;

/// Reads the blocks of a plain text.
pub(crate) fn blocks(src: &str) -> Vec<Block> {
    let mut b = Builder::new(src);
    // A text with no blank line at all (one sentence or paragraph a line, as extracted from
    // PDFs) has a paragraph a line; page-break repair rejoins lines cut mid-sentence.
    let body = src.trim();
    let line_mode = lines_of(body).count() > 3 && lines_of(body).all(|l| !l.trim().is_empty());
    let mut start = 0usize;
    let mut lines = lines_of(src).peekable();
    // The last non-blank line read, whether it may be a title (it opened its block, or the line
    // before it ended its sentence), the last numbered point of the list being read, whether
    // the last block was a page number, and how many lines the open block has.
    let mut last_line = "";
    let mut title_ok = false;
    let mut after_page = false;
    let mut last_point: Option<Point> = None;
    let mut block_lines = 0usize;
    // Whether the open block is a list item opened with a dash (`– Water`): a dash after it
    // opens the next item.
    let mut dash_item = false;
    // How often each line occurs, counted on first need: a capitalised line said again is a
    // running header, no title.
    let mut counts: Option<HashMap<&str, u32>> = None;
    // Whether a line starts with a form feed (`pdftotext`'s page break) after its indent.
    let fed = |line: &str| {
        line.trim_end_matches(['\n', '\r'])
            .chars()
            .take_while(|c| c.is_whitespace())
            .any(|c| c == '\u{C}')
    };
    while let Some(line) = lines.next() {
        let line_start = start;
        start += line.len();
        let content = line.trim_end_matches(['\n', '\r']);
        let body = content.trim_start();
        if body.trim_end().is_empty() {
            b.close(line_start);
            block_lines = 0;
            continue;
        }
        // A form feed ends a paragraph (a list item goes on): page-break repair joins the halves
        // of one it cut.
        if fed(line) && b.is_paragraph() {
            b.close(line_start);
        }
        let lead = content.len() - body.len();
        let body = body.trim_end();
        let at = line_start + lead;
        let page = super::page_number(body);
        let next = lines.peek();
        let alone =
            line_mode || (!b.is_open() && next.is_none_or(|l| l.trim().is_empty() || fed(l)));
        let at_break = fed(line) || next.is_some_and(|l| fed(l));
        // The line before is a document's title on a line of its own (`华远集团人权政策` right
        // above `一、目的`): short, no sentence in it, the only line of its block.
        let after_title = block_lines == 1
            && last_line.chars().count() <= 30
            && !last_line.contains(['。', '，', '；', '：', '.', ',', ';', ':']);
        if (page != PageNumber::No && at_break) || (page == PageNumber::Marked && alone) {
            // A page number at a page break, or a marked one on a line of its own (`- 3 -` is no
            // list item): a block of its own, which page-break repair leaves out where it cuts a
            // paragraph. Elsewhere a number on a line is read as it was (`- 3` is a list item).
            b.open(PassageKind::Paragraph, Some(at), 0, false);
            b.text(at..at + body.len(), body, PassageKind::Paragraph);
            b.close(at + body.len());
            block_lines = 0;
            after_page = true;
            continue;
        } else if (may_open_with_chinese_number(body)
            && chinese_title(body)
            && (!b.is_open() || super::ends_sentence(last_line) || after_title)
            && !in_a_list(last_line, body, next_text_line(&src[start..])))
            // Not in a text of a line a paragraph (a PDF dump): its lines seldom end their
            // sentences, so that titles would be found here and there, and all the text after
            // one would be put in its section.
            || (latin_title(body)
                && !line_mode
                && (!b.is_open() || super::ends_sentence(last_line) || after_title)
                && latin_title_here(last_line, body, next_text_line(&src[start..]))
                && (title_rank(body) != Some((3, 0)) || {
                    let counts = counts.get_or_insert_with(|| {
                        let mut m = HashMap::new();
                        for l in lines_of(src) {
                            *m.entry(l.trim()).or_insert(0) += 1;
                        }
                        m
                    });
                    counts.get(body).is_none_or(|&n| n < 2)
                }))
        {
            // A numbered title on a line of its own, as Chinese reports name their sections
            // (`一、审核范围`; one followed by a line numbered the same way is an item of a list of
            // short lines; `第一章` before `第一节` is a title), and English reports and codes
            // exported to text (`1. Introduction`, `2.1 Scope`, `Article 3 Non-discrimination`,
            // or in capitals, `OUR SALIENT ISSUES`): the section of the lines after it.
            b.close(line_start);
            b.open_title(at);
            b.text(at..at + body.len(), body, PassageKind::Heading);
            b.close(at + body.len());
            block_lines = 0;
            last_point = None;
        } else if let Some(p) = point_marker(body).filter(|p| {
            !b.is_open()
                || last_point.is_some_and(|q| p.follows(&q))
                || super::ends_sentence(last_line)
                || p.opens_a_list()
                // A title: a short line that opened its block or followed a sentence's end.
                || (p.is_first() && title_ok && last_line.chars().count() <= 30)
        }) {
            // A point numbered as Chinese and legal texts number them (`（一）`, `①`, `(2)`,
            // `a)`): a list item of its own, its marker kept, as in Markdown. One opens a block,
            // follows the point before it, comes after a line that ends its sentence, or is the
            // first, as `①` or `a)`, or first after a title. A wrap that puts `(1)` or `（一）项`
            // first in a line goes on reading as text.
            b.close(line_start);
            b.open_point(at);
            dash_item = false;
            b.text_wrapped(
                at..at + body.len(),
                body,
                PassageKind::ListItem,
                Wraps::FormFeed,
            );
            last_point = Some(p);
            block_lines = 1;
        } else if let Some(m) = list_marker(body).or_else(|| {
            // A dash opens an item where one may start, not a wrapped line of prose.
            dash_bullet(body).filter(|&m| {
                dash_item
                    || super::ends_sentence(last_line)
                    || after_title
                    || (!b.is_open() && !starts_small(&body[m..]))
            })
        }) {
            dash_item = dash_bullet(body).is_some();
            b.open(PassageKind::ListItem, Some(at), 0, false);
            block_lines = 1;
            b.text_wrapped(
                at + m..at + body.len(),
                &body[m..],
                PassageKind::ListItem,
                Wraps::FormFeed,
            );
        } else {
            if b.is_open() && !line_mode {
                b.soft_break(line_start.saturating_sub(2)..line_start);
                block_lines += 1;
            } else {
                b.open(PassageKind::Paragraph, Some(at), 0, false);
                dash_item = false;
                block_lines = 1;
                // A new paragraph ends the list, unless a page break cut it (a wrap that
                // cites `(3)` must not follow an old `(2)`).
                if !after_page && !line_mode {
                    last_point = None;
                }
            }
            b.text_wrapped(
                at..at + body.len(),
                body,
                PassageKind::Paragraph,
                Wraps::FormFeed,
            );
        }
        title_ok = block_lines == 1 || super::ends_sentence(last_line);
        last_line = body;
        after_page = false;
    }
    b.close(src.len());
    b.blocks
}

/// Whether two lines open with Chinese section numbers of the same unit (`一、`, `第…章`).
pub(super) fn same_unit(a: &str, b: &str) -> bool {
    matches!((chinese_number(a), chinese_number(b)), (Some((_, x)), Some((_, y))) if x == y)
}

/// Whether `line`, numbered as a Chinese title, is rather an item of a list of short lines: the
/// non-blank line before it (`last`) or after it (`next`) is numbered the same way (`三、禁止强迫
/// 劳动` between `二、…` and `四、…`). A title has its section's text after it.
pub(super) fn in_a_list(last: &str, line: &str, next: Option<&str>) -> bool {
    same_unit(last.trim_start(), line) || next.is_some_and(|n| same_unit(line, n))
}

/// Whether `line`, an English title, has its section's text after it rather than being an item
/// of a list of short lines: there is a line after it, which goes on no sentence (it starts with
/// no small letter), and neither that line nor the one before (`last`) is numbered the same way
/// (`2. Oranges` between `1. Apples` and `3. Pears`).
fn latin_title_here(last: &str, line: &str, next: Option<&str>) -> bool {
    let rank = title_rank(line);
    next.is_some_and(|n| title_rank(n) != rank && !n.starts_with(|c: char| c.is_lowercase()))
        && title_rank(last.trim_start()) != rank
}

/// The first non-blank line of `text`, trimmed.
pub(super) fn next_text_line(text: &str) -> Option<&str> {
    lines_of(text).map(str::trim).find(|l| !l.is_empty())
}

/// The lines of a text, each with its line end: `\n`, `\r\n` (or `\r\r\n`), or a lone `\r` (old
/// Mac files and some PDF converters end lines so).
fn lines_of(src: &str) -> impl Iterator<Item = &str> {
    let bytes = src.as_bytes();
    let mut at = 0;
    std::iter::from_fn(move || {
        if at >= src.len() {
            return None;
        }
        let start = at;
        let end = match memchr::memchr2(b'\n', b'\r', &bytes[at..]) {
            None => src.len(),
            Some(i) if bytes[at + i] == b'\r' => {
                // `\r\n`, and `\r\r\n` (a Windows file written again in text mode), end one line;
                // only those are looked at, so that a run of lone `\r` is read in linear time.
                let j = at + i;
                match (bytes.get(j + 1), bytes.get(j + 2)) {
                    (Some(b'\n'), _) => j + 2,
                    (Some(b'\r'), Some(b'\n')) => j + 3,
                    _ => j + 1,
                }
            }
            Some(i) => at + i + 1,
        };
        at = end;
        Some(&src[start..end])
    })
}

/// Whether a text starts with a small letter: it goes on a sentence, which a page break may
/// have cut before a dash (`— including migrants —`).
fn starts_small(text: &str) -> bool {
    text.starts_with(char::is_lowercase)
}

/// Byte length of a list marker and the spaces after it at the start of `line`, if it has one.
fn list_marker(line: &str) -> Option<usize> {
    let after = |rest: &str| line.len() - rest.trim_start().len();
    if let Some(m) = bullet(line) {
        return Some(m);
    }
    let digits = line.bytes().take_while(u8::is_ascii_digit).count();
    if (1..=3).contains(&digits) {
        let rest = &line[digits..];
        for m in [". ", ") "] {
            if let Some(r) = rest.strip_prefix(m) {
                return (!r.trim().is_empty()).then(|| after(r));
            }
        }
    }
    None
}
