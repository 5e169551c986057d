//! HTML structure via scraper: headings `h1`–`h6`, paragraphs, list items and other blocks;
//! `script`, `style` and the like dropped. The parser does not report source positions, so every
//! text node is located in the original source, in order, by walking over tags, comments and
//! character references (which become non-verbatim runs of the offset map).

use super::block::{Block, Builder, Wraps};
use crate::model::PassageKind;
use html5ever::data::NAMED_ENTITIES;
use scraper::{Html, Node};
use std::ops::Range;

/// Elements whose content is never text of the document. A site's navigation (`<nav>`: "Home
/// About us Privacy Careers") is none either, and its link words would be tagged as topics.
const DROPPED: &[&str] = &[
    "script", "style", "noscript", "template", "xmp", "iframe", "noembed", "noframes", "object",
    "svg", "math", "nav",
];
/// Elements whose content is raw text in the source (no tags, no character references).
const RAW: &[&str] = &[
    "script", "style", "noscript", "xmp", "iframe", "noembed", "noframes",
];
/// Elements that end a block of running text.
const BLOCKS: &[&str] = &[
    "p",
    "div",
    "dt",
    "dd",
    "td",
    "th",
    "tr",
    "blockquote",
    "pre",
    "section",
    "article",
    "header",
    "footer",
    "main",
    "nav",
    "aside",
    "figure",
    "figcaption",
    "caption",
    "table",
    "ul",
    "ol",
    "dl",
    "form",
    "fieldset",
    "address",
    "hr",
    "body",
    "html",
    "head",
    "title",
    "details",
    "summary",
];

/// How deep elements may nest before their tags are ignored. The HTML parser checks the open
/// elements on every tag, so deeper nesting costs time quadratic in the depth (32,000 nested
/// `div`s took 9 s); real documents stay far below this.
pub const MAX_DEPTH: usize = 2_000;

/// Elements whose end tag may be left out: an unclosed one does not nest its next sibling.
const OPTIONAL_END: &[&str] = &[
    "p", "li", "dt", "dd", "tr", "td", "th", "thead", "tbody", "tfoot", "option", "optgroup", "rb",
    "rt", "rp", "rtc", "colgroup", "caption", "html", "head", "body",
];
/// Elements without content.
const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track",
    "wbr",
];

/// Reads the blocks of an HTML text.
pub(crate) fn blocks(src: &str) -> Vec<Block> {
    let flat = flatten(src, 0..src.len());
    let (located, blanked) = match &flat {
        Some((copy, blanked)) => (copy.as_str(), blanked.as_slice()),
        None => (src, &[][..]),
    };
    let html = Html::parse_document(located);
    let mut b = Builder::new(src);
    walk(&html, &mut b, located, 0..src.len(), blanked);
    b.close(src.len());
    b.blocks
}

/// Adds the text of a raw HTML block inside another format (a `<div>` or `<table>` in Markdown)
/// at `range` of `src` to `b`, as blocks of their own.
pub(crate) fn fragment(b: &mut Builder<'_>, src: &str, range: Range<usize>) {
    if src.get(range.clone()).is_none() {
        return;
    }
    let flat = flatten(src, range.clone());
    let (located, blanked) = match &flat {
        Some((copy, blanked)) => (copy.as_str(), blanked.as_slice()),
        None => (src, &[][..]),
    };
    b.close(range.start);
    let html = Html::parse_fragment(&located[range.clone()]);
    walk(&html, b, located, range.clone(), blanked);
    b.close(range.end);
}

/// Start tags that end SVG or MathML content and go back to HTML, as the parser reads them (and
/// the end tags `</p>` and `</br>`); `font` does so only with some attributes, and is left out.
const BREAKOUT: &[&str] = &[
    "b",
    "big",
    "blockquote",
    "body",
    "br",
    "center",
    "code",
    "dd",
    "div",
    "dl",
    "dt",
    "em",
    "embed",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "head",
    "hr",
    "i",
    "img",
    "li",
    "listing",
    "menu",
    "meta",
    "nobr",
    "ol",
    "p",
    "pre",
    "ruby",
    "s",
    "small",
    "span",
    "strong",
    "strike",
    "sub",
    "sup",
    "table",
    "tt",
    "u",
    "ul",
    "var",
];

/// A [`DROPPED`] element past the nesting limit, whose tags and content are blanked together.
struct Dropping<'a> {
    name: &'a str,
    /// Elements of the same name open inside it, itself included.
    depth: usize,
    start: usize,
    /// SVG or MathML: HTML breakout tags end it, and no element in it is raw text.
    foreign: bool,
}

/// A copy of `src` in which the tags of `range` that nest deeper than [`MAX_DEPTH`] are blanked
/// out with spaces of the same length, so that every offset stays that of the original, and the
/// blanked ranges in order; `None` when no element nests that deep (the common case: no copy).
/// Past the limit, an element whose content is never text (`svg`, `template`, ...) is blanked
/// with its content, so that what the parser would drop is dropped there too.
pub(crate) fn flatten(src: &str, range: Range<usize>) -> Option<(String, Vec<Range<usize>>)> {
    let b = src.as_bytes();
    // Open elements: name and whether their tags are blanked.
    let mut open: Vec<(&str, bool)> = Vec::new();
    let mut kept = 0usize;
    let mut blank: Vec<Range<usize>> = Vec::new();
    let mut dropping: Option<Dropping> = None;
    let mut p = range.start;
    while let Some(i) = src[p..range.end].find('<') {
        let at = p + i;
        let next = b.get(at + 1).copied().unwrap_or(0);
        // One construct at a time: `skip_markup` would also pass over the tags after it.
        if src[at..range.end].starts_with("<!--") {
            p = src[at + 4..range.end]
                .find("-->")
                .map_or(range.end, |i| at + 4 + i + 3);
            continue;
        }
        if dropping.as_ref().is_some_and(|d| d.foreign)
            && src[at..range.end].starts_with("<![CDATA[")
        {
            // Foreign content has CDATA sections, which may hold `>` and tags.
            p = src[at + 9..range.end]
                .find("]]>")
                .map_or(range.end, |i| at + 9 + i + 3);
            continue;
        }
        if matches!(next, b'!' | b'?') {
            p = tag_end(b, at + 1).min(range.end);
            continue;
        }
        let closing = next == b'/';
        let name_at = at + 1 + usize::from(closing);
        if !b.get(name_at).is_some_and(u8::is_ascii_alphabetic) {
            p = at + 1;
            continue;
        }
        let end = tag_end(b, at + 1).min(range.end);
        // As the tokenizer reads a tag name: up to whitespace, `/` or `>` (`svg:rect` is not
        // `svg`).
        let name_len = b[name_at..end]
            .iter()
            .take_while(|c| !(c.is_ascii_whitespace() || **c == b'/' || **c == b'>'))
            .count();
        let name = &src[name_at..name_at + name_len];
        let is = |set: &[&str]| set.iter().any(|n| n.eq_ignore_ascii_case(name));
        let self_closing = b[..end].ends_with(b"/>");
        p = end;
        if let Some(d) = &mut dropping {
            let same = name.eq_ignore_ascii_case(d.name);
            // As below, the parser looks a few elements up for the one an end tag closes.
            let top = open.len().saturating_sub(16);
            let outer = closing
                && open[top..]
                    .iter()
                    .any(|(n, _)| n.eq_ignore_ascii_case(name));
            let breaks_out = d.foreign && (is(BREAKOUT) && (!closing || is(&["p", "br"])));
            if same && closing {
                d.depth -= 1;
                if d.depth == 0 {
                    blank.push(d.start..end);
                    dropping = None;
                }
                continue;
            }
            if !(outer || breaks_out) {
                if same && !self_closing {
                    d.depth += 1;
                } else if !closing && !d.foreign && is(RAW) {
                    p = raw_end(&src[..range.end], end, name);
                }
                continue;
            }
            // The element ends before this tag, which is read as any other.
            blank.push(d.start..at);
            dropping = None;
        }
        let deep = kept >= MAX_DEPTH;
        if closing {
            // The parser closes up to the matching element; a stray end tag closes nothing.
            let top = open.len().saturating_sub(16);
            let matching = open[top..]
                .iter()
                .rposition(|(n, _)| n.eq_ignore_ascii_case(name));
            match matching {
                Some(k) => {
                    if open[top + k].1 {
                        blank.push(at..end);
                    }
                    for (_, blanked) in open.drain(top + k..) {
                        kept -= usize::from(!blanked);
                    }
                }
                None if deep => blank.push(at..end),
                None => {}
            }
            continue;
        }
        if is(RAW) {
            // Its content is no markup; past the limit, it goes with its tags.
            p = raw_end(&src[..range.end], end, name);
            if deep {
                blank.push(at..p);
            }
            continue;
        }
        if deep && is(DROPPED) && !self_closing {
            // Past the limit the parser no longer sees the element, so its content (an SVG's
            // labels, a template) would read as text: it goes with its tags.
            dropping = Some(Dropping {
                name,
                depth: 1,
                start: at,
                foreign: is(&["svg", "math"]),
            });
            continue;
        }
        if deep {
            // Every tag down there, even one that opens nothing, costs the parser a scope check.
            blank.push(at..end);
        }
        if !(is(OPTIONAL_END) || is(VOID) || self_closing) {
            kept += usize::from(!deep);
            open.push((name, deep));
        }
    }
    if let Some(d) = dropping {
        blank.push(d.start..range.end);
    }
    if blank.is_empty() {
        return None;
    }
    let mut bytes = src.as_bytes().to_vec();
    for r in &blank {
        bytes[r.clone()].fill(b' ');
    }
    // Blanked stretches start at a `<` and end after a `>` or at the end of the range, all on
    // char boundaries, so the copy is still UTF-8.
    Some((String::from_utf8(bytes).ok()?, blank))
}

/// Walks a parsed tree, locating each text node in `src[within]`, in order. Only there: an HTML
/// block inside Markdown whose text is not found where expected must not claim a copy of it
/// further down the document.
///
/// `src` may be a flattened copy of the builder's text: the spaces that stand for its `blanked`
/// tags are left out of the text.
fn walk(
    html: &Html,
    b: &mut Builder<'_>,
    src: &str,
    within: Range<usize>,
    blanked: &[Range<usize>],
) {
    let mut cursor = within.start;
    let src_within = &src[..within.end];
    // Open elements that decide a text's kind: heading level, or 0 for a list item.
    let mut ctx: Vec<u32> = Vec::new();
    // Per open table, innermost last: whether one of its rows is being read. A row is one
    // passage, as in Markdown, its cells kept apart by hard breaks: the cells of a row (a topic,
    // what is done about it, a page) belong together, and a cell is never joined to the next
    // one as if a page break had cut it.
    let mut rows: Vec<bool> = Vec::new();
    let mut hidden = 0usize; // inside <head> or a hidden element: located but not kept
    let mut pre = 0usize; // inside preformatted text, whose line breaks are the text's own
    let mut apart = 0usize; // inside elements whose blocks page-break repair never joins
    let mut stack = vec![(html.tree.root(), false)];
    while let Some((node, closing)) = stack.pop() {
        match node.value() {
            Node::Text(t) => {
                let t: &str = t;
                let kind = match ctx.last() {
                    Some(0) => PassageKind::ListItem,
                    Some(_) => PassageKind::Heading,
                    None => PassageKind::Paragraph,
                };
                if let Some((pieces, end)) = locate(src_within, cursor, t) {
                    cursor = end;
                    if hidden == 0 && apart > 0 && !b.is_open() && !t.trim().is_empty() {
                        b.open_whole(kind, None);
                    }
                    if hidden == 0 {
                        for (range, d) in pieces {
                            if blanked.is_empty() {
                                wrapped_text(b, range, &t[d], kind, pre > 0);
                                continue;
                            }
                            for (range, d) in outside(range, d, blanked) {
                                wrapped_text(b, range, &t[d], kind, pre > 0);
                            }
                        }
                    }
                }
            }
            Node::Element(e) => {
                let name = e.name();
                if DROPPED.contains(&name) {
                    continue;
                }
                // A `<sup>` of nothing but a footnote marker (one text node, as `skip_markup`
                // sees it in the source: no markup or reference inside).
                let mut children = node.children();
                if name == "sup"
                    && matches!(
                        (children.next().map(|c| c.value()), children.next()),
                        (Some(Node::Text(t)), None) if is_footnote_marker(t)
                    )
                {
                    continue;
                }
                // A `<div role="heading" aria-level="2">` is a heading as an `<h2>` is.
                let level = heading_level(name).or_else(|| {
                    e.attr("role")
                        .is_some_and(|r| r.trim().eq_ignore_ascii_case("heading"))
                        .then(|| {
                            e.attr("aria-level")
                                .and_then(|l| l.trim().parse::<u32>().ok())
                                .filter(|l| (1..=6).contains(l))
                                .unwrap_or(2)
                        })
                });
                if !closing {
                    // Its children next, then the element again, closing.
                    stack.push((node, true));
                    for child in node.children().rev() {
                        stack.push((child, false));
                    }
                }
                let in_row = rows.last() == Some(&true);
                if in_row
                    && name != "tr"
                    && name != "table"
                    && (BLOCKS.contains(&name) || level.is_some() || name == "li")
                {
                    // A cell, or a paragraph, list or heading inside one: a break within the row.
                    b.hard_break(cursor..skip_markup(src, cursor));
                    continue;
                }
                if name == "table" && closing {
                    rows.pop();
                    b.close(cursor);
                    // The rest of the row a nested table stood in is still a row.
                    if rows.last() == Some(&true) {
                        b.open_whole(PassageKind::Paragraph, None);
                    }
                    continue;
                } else if name == "table" {
                    rows.push(false);
                } else if name == "tr" {
                    // A page laid out in a table: a cell holding a heading with paragraphs or
                    // lists, or two headings, is layout, not a data row. Its content is read as
                    // blocks. A data table's cells may hold paragraphs, lists and wrapper `div`s
                    // (a GRI index, a KPI list), and its header cells headings (`<th><h4>`).
                    let layout = !closing && {
                        let cells = node.children().filter(|c| {
                            c.value()
                                .as_element()
                                .is_some_and(|e| matches!(e.name(), "td" | "th"))
                        });
                        cells.into_iter().any(|cell| {
                            // Not into a nested table, whose rows are weighed on their own:
                            // each node is looked at once.
                            let (mut headings, mut blocks) = (0usize, 0usize);
                            let mut todo: Vec<_> = cell.children().collect();
                            while let Some(n) = todo.pop() {
                                let Some(e) = n.value().as_element() else {
                                    continue;
                                };
                                let name = e.name();
                                let heading = heading_level(name).is_some()
                                    || e.attr("role")
                                        .is_some_and(|r| r.trim().eq_ignore_ascii_case("heading"));
                                if heading {
                                    headings += 1;
                                } else {
                                    match name {
                                        "table" => continue,
                                        "p" | "ul" | "ol" | "blockquote" => blocks += 1,
                                        _ => {}
                                    }
                                }
                                if headings >= 2 || (headings > 0 && blocks > 0) {
                                    return true;
                                }
                                todo.extend(n.children());
                            }
                            false
                        })
                    };
                    if let Some(row) = rows.last_mut() {
                        *row = !closing && !layout;
                    }
                    if !closing && !layout {
                        b.open_whole(PassageKind::Paragraph, None);
                    } else {
                        b.close(cursor);
                    }
                    continue;
                }
                for (counted, n) in [(PREFORMATTED, &mut pre), (APART, &mut apart)] {
                    if counted.contains(&name) {
                        *n = if closing { n.saturating_sub(1) } else { *n + 1 };
                    }
                }
                // The head, and what the page never shows (`hidden`, `display: none`, a cookie
                // banner or a draft note left in the markup): located but not kept.
                let concealed = name == "head" || never_shown(e);
                if !closing {
                    if concealed {
                        hidden += 1;
                    }
                    if let Some(l) = level {
                        ctx.push(l);
                        if hidden == 0 {
                            b.open(PassageKind::Heading, None, l, false);
                        } else {
                            // A heading the page never shows (its text is not kept) ends no
                            // section, as an empty one would.
                            b.close(cursor);
                        }
                    } else if name == "li" {
                        ctx.push(0);
                        b.open(PassageKind::ListItem, None, 0, false);
                    } else if name == "p" && ctx.last() == Some(&0) {
                        // A list item's paragraph (`<li><p>…</p></li>`) is the item's text.
                        b.open(PassageKind::ListItem, None, 0, false);
                    } else if name == "p" && apart > 0 {
                        b.open_whole(PassageKind::Paragraph, None);
                    } else if name == "p" {
                        b.open(PassageKind::Paragraph, None, 0, ctx.is_empty());
                    } else if name == "caption" || name == "figcaption" {
                        // A caption names its table or figure: it continues no paragraph cut
                        // by a page break.
                        b.open_whole(PassageKind::Paragraph, None);
                    } else if BLOCKS.contains(&name) {
                        b.close(cursor);
                    } else if name == "strong" || name == "b" {
                        b.strong_start();
                    } else if name == "br" {
                        b.hard_break(cursor..skip_markup(src, cursor));
                    }
                } else {
                    if concealed {
                        hidden = hidden.saturating_sub(1);
                    }
                    if level.is_some() || name == "li" {
                        ctx.pop();
                        b.close(cursor);
                    } else if BLOCKS.contains(&name) {
                        b.close(cursor);
                    } else if name == "strong" || name == "b" {
                        b.strong_end();
                    }
                }
            }
            _ => {
                if !closing {
                    for child in node.children().rev() {
                        stack.push((child, false));
                    }
                }
            }
        }
    }
}

/// Elements whose text is no running text a page break could have cut, nor continued: a term
/// and its definition, code, a summary, a quotation, a page's header, footer and side bars. The
/// page-break repair of PDF-derived text never joins their blocks to another.
const APART: &[&str] = &[
    "dt",
    "dd",
    "pre",
    "listing",
    "summary",
    "blockquote",
    "header",
    "footer",
    "nav",
    "aside",
    "address",
    "figure",
    "form",
    "fieldset",
];

/// Elements whose line breaks are kept as they stand.
const PREFORMATTED: &[&str] = &["pre", "listing", "textarea", "plaintext"];

/// Adds a located piece of text (at `range` in the source, reading `decoded`). Outside
/// preformatted text a line break and the whitespace around it are a wrap of the source, as a
/// soft break is in Markdown: nothing between Chinese chars (`强迫⏎劳动` is 强迫劳动, one word
/// in one sentence), one separator elsewhere, and no indentation kept.
fn wrapped_text(
    b: &mut Builder<'_>,
    range: Range<usize>,
    decoded: &str,
    kind: PassageKind,
    pre: bool,
) {
    if pre {
        b.text(range, decoded, kind);
    } else {
        b.text_wrapped(range, decoded, kind, Wraps::Lines);
    }
}

/// The parts of a located piece outside the `blanked` ranges (sorted); only a verbatim piece
/// (as long in the source as decoded) can cover one.
fn outside(
    range: Range<usize>,
    d: Range<usize>,
    blanked: &[Range<usize>],
) -> Vec<(Range<usize>, Range<usize>)> {
    if range.len() != d.len() {
        return vec![(range, d)];
    }
    let mut out = Vec::new();
    let mut at = range.start;
    let first = blanked.partition_point(|r| r.end <= range.start);
    for r in blanked[first..].iter().take_while(|r| r.start < range.end) {
        if r.start > at {
            out.push((
                at..r.start,
                d.start + (at - range.start)..d.start + (r.start - range.start),
            ));
        }
        at = at.max(r.end);
    }
    if at < range.end {
        out.push((at..range.end, d.start + (at - range.start)..d.end));
    }
    out
}

fn heading_level(name: &str) -> Option<u32> {
    match name {
        "h1" => Some(1),
        "h2" => Some(2),
        "h3" => Some(3),
        "h4" => Some(4),
        "h5" => Some(5),
        "h6" => Some(6),
        _ => None,
    }
}

/// Pieces of a decoded text node as `(source range, decoded range)`, and the source offset after it.
type Located = (Vec<(Range<usize>, Range<usize>)>, usize);

/// Finds the decoded text `t` in `src` at or after `from`: markup before it is skipped, verbatim
/// stretches become one piece each and every character reference (or CRLF) a piece of its own.
/// Falls back to the text as it is, verbatim, after nothing but markup and whitespace (an `&`
/// the parser kept that reads as a reference); `None` when the text is not there. Text the
/// parser moved (a table's stray text goes before the table) is then left out rather than
/// claimed further down, which would lose every node in between.
fn locate(src: &str, from: usize, t: &str) -> Option<Located> {
    if t.is_empty() {
        return Some((Vec::new(), from));
    }
    let start = skip_markup(src, from);
    if let Some(found) = align(src, start, t) {
        return Some(found);
    }
    let mut p = start;
    loop {
        let c = src.get(p..)?.chars().next()?;
        let q = skip_markup(src, p);
        p = if q > p {
            q
        } else if c.is_whitespace() {
            p + c.len_utf8()
        } else {
            break;
        };
    }
    src[p..]
        .starts_with(t)
        .then(|| (vec![(p..p + t.len(), 0..t.len())], p + t.len()))
}

fn align(src: &str, start: usize, t: &str) -> Option<Located> {
    let bytes = src.as_bytes();
    let mut pieces: Vec<(Range<usize>, Range<usize>)> = Vec::new();
    let mut p = start;
    // Current verbatim stretch: (source start, decoded start).
    let mut run: Option<(usize, usize)> = None;
    let flush = |run: &mut Option<(usize, usize)>,
                 pieces: &mut Vec<(Range<usize>, Range<usize>)>,
                 p: usize,
                 d: usize| {
        if let Some((sp, sd)) = run.take() {
            pieces.push((sp..p, sd..d));
        }
    };
    let mut chars = t.char_indices().peekable();
    while let Some(&(d, c)) = chars.peek() {
        let sc = src.get(p..)?.chars().next()?;
        let reference = match sc {
            '&' => reference(&src[p..]).filter(|(_, named)| match named {
                Some(chars) => t[d..].starts_with(chars.as_str()),
                None => true,
            }),
            _ => None,
        };
        if let Some((len, named)) = reference {
            flush(&mut run, &mut pieces, p, d);
            let n = named.map_or(c.len_utf8(), |chars| chars.len());
            pieces.push((p..p + len, d..d + n));
            p += len;
            while chars.next_if(|&(i, _)| i < d + n).is_some() {}
        } else if sc == c {
            // Also a `&` that the parser kept as it is (`&unknown;`, `& `).
            if run.is_none() {
                run = Some((p, d));
            }
            p += c.len_utf8();
            chars.next();
        } else if sc == '\r' && c == '\n' {
            flush(&mut run, &mut pieces, p, d);
            let len = if bytes.get(p + 1) == Some(&b'\n') {
                2
            } else {
                1
            };
            pieces.push((p..p + len, d..d + 1));
            p += len;
            chars.next();
        } else if sc == '<' {
            let q = skip_markup(src, p);
            if q == p {
                return None;
            }
            flush(&mut run, &mut pieces, p, d);
            p = q;
        } else if sc.is_whitespace() {
            // Whitespace the parser drops: before the first text, between `<html>` and `<body>`,
            // the line break after `<pre>`.
            flush(&mut run, &mut pieces, p, d);
            p += sc.len_utf8();
        } else {
            return None;
        }
    }
    flush(&mut run, &mut pieces, p, t.len());
    Some((pieces, p))
}

/// Where the content of the raw-text element `name` that starts at `from` ends: at its end tag
/// (matched without regard to case), or at the end of `src`.
fn raw_end(src: &str, from: usize, name: &str) -> usize {
    let mut p = from;
    while let Some(i) = src[p..].find("</") {
        let at = p + i;
        let candidate = src.as_bytes().get(at + 2..at + 2 + name.len());
        if candidate.is_some_and(|c| c.eq_ignore_ascii_case(name.as_bytes())) {
            return at;
        }
        p = at + 2;
    }
    src.len()
}

/// Where the element `name` whose start tag ends at `from` closes: at its matching end tag
/// (nested elements of the same name counted, names matched without regard to case), or at the
/// end of `src`.
fn element_end(src: &str, from: usize, name: &str) -> usize {
    let b = src.as_bytes();
    let named = |at: usize| {
        b.get(at..at + name.len())
            .is_some_and(|n| n.eq_ignore_ascii_case(name.as_bytes()))
            && !b
                .get(at + name.len())
                .is_some_and(u8::is_ascii_alphanumeric)
    };
    let mut depth = 1usize;
    let mut p = from;
    while let Some(i) = memchr::memchr(b'<', &b[p..]) {
        let at = p + i;
        if b.get(at + 1) == Some(&b'/') && named(at + 2) {
            depth -= 1;
            if depth == 0 {
                return at;
            }
            p = at + 2;
        } else if named(at + 1) {
            let end = tag_end(b, at + 1);
            if !src[..end].ends_with("/>") {
                depth += 1;
            }
            p = end.max(at + 1);
        } else {
            p = at + 1;
        }
    }
    src.len()
}

/// A character reference at the start of `s` as the HTML tokenizer reads it in text: its length
/// and, when named, the text it stands for (a numeric one stands for one character). Named ones
/// take the longest known name, with or without `;` (`&amp`, `&copy 2023`, `&notit` is `&not`
/// then `it`). `None` when the `&` stays literal: an unknown name, `&#` without digits.
fn reference(s: &str) -> Option<(usize, Option<String>)> {
    let b = s.as_bytes();
    if b.first() != Some(&b'&') {
        return None;
    }
    if b.get(1) == Some(&b'#') {
        let hex = matches!(b.get(2), Some(b'x' | b'X'));
        let start = 2 + usize::from(hex);
        let digits = b[start..]
            .iter()
            .take_while(|c| match hex {
                true => c.is_ascii_hexdigit(),
                false => c.is_ascii_digit(),
            })
            .count();
        let end = start + digits;
        return (digits > 0).then_some((end + usize::from(b.get(end) == Some(&b';')), None));
    }
    let mut found = None;
    let mut n = 1;
    while let Some(&c) = b.get(n) {
        if !(c.is_ascii_alphanumeric() || c == b';') {
            break;
        }
        n += 1;
        // The table holds every prefix of a name, mapped to 0 when it is no name itself.
        match NAMED_ENTITIES.get(&s[1..n]) {
            None => break,
            Some(&(0, _)) => {}
            Some(&(c1, c2)) => found = Some((n, c1, c2)),
        }
        if c == b';' {
            break;
        }
    }
    let (len, c1, c2) = found?;
    let text = [c1, c2]
        .into_iter()
        .filter(|&c| c != 0)
        .filter_map(char::from_u32)
        .collect();
    Some((len, Some(text)))
}

/// Skips tags, comments, doctypes and the content of raw-text elements starting at `p`.
fn skip_markup(src: &str, mut p: usize) -> usize {
    let b = src.as_bytes();
    loop {
        if b.get(p) != Some(&b'<') {
            return p;
        }
        let next = b.get(p + 1).copied().unwrap_or(0);
        if src[p..].starts_with("<!-->") {
            // An empty comment, closed at once.
            p += 5;
        } else if src[p..].starts_with("<!--->") {
            p += 6;
        } else if src[p..].starts_with("<!--") {
            p = src[p + 4..]
                .find("-->")
                .map_or(src.len(), |i| p + 4 + i + 3);
        } else if next.is_ascii_alphabetic() || matches!(next, b'/' | b'!' | b'?') {
            let end = tag_end(b, p + 1);
            let name: String = src[p + 1..end]
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric())
                .map(|c| c.to_ascii_lowercase())
                .collect();
            p = end;
            if next != b'/' && RAW.contains(&name.as_str()) {
                p = raw_end(src, p, &name);
            } else if name == "sup" && next != b'/' {
                // A footnote marker is left out whole, as the walk leaves it out.
                if let Some(close) = src[p..].find("</").map(|i| p + i) {
                    if is_footnote_marker(&src[p..close])
                        && src[close..]
                            .get(..6)
                            .is_some_and(|t| t.eq_ignore_ascii_case("</sup>"))
                    {
                        p = close + 6;
                    }
                }
            } else if next != b'/'
                && DROPPED.contains(&name.as_str())
                && !src[..end].ends_with("/>")
            {
                // An element left out whole (`<svg>`, `<math>`, `<template>`, `<object>`): its
                // text is no text of the document, and the walk never reads it.
                p = element_end(src, p, &name);
            }
        } else {
            return p;
        }
    }
}

/// Whether an element is never shown: the `hidden` attribute, or an inline style of
/// `display: none` or `visibility: hidden`.
fn never_shown(e: &scraper::node::Element) -> bool {
    if e.attr("hidden").is_some() {
        return true;
    }
    e.attr("style").is_some_and(|style| {
        let style: String = style
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect::<String>()
            .to_ascii_lowercase();
        style
            .split(';')
            .any(|d| d.starts_with("display:none") || d.starts_with("visibility:hidden"))
    })
}

/// Whether the text of a `<sup>` is a footnote marker (`1`, `12`, `[3]`, `(a)`, `*`, `†`): left
/// out of the clean text, since it would otherwise stick to the word before it (`labour1`) and
/// hide that word from search and tagging. An ordinal's `st` stays; a unit's exponent written
/// as a bare number (`km<sup>2</sup>`) goes with the markers, which look the same.
pub(crate) fn is_footnote_marker(text: &str) -> bool {
    let t = text.trim();
    let t = t
        .strip_prefix(['[', '('])
        .and_then(|t| t.strip_suffix([']', ')']))
        .unwrap_or(t);
    let t = t.trim();
    let digits = !t.is_empty() && t.len() <= 3 && t.bytes().all(|b| b.is_ascii_digit());
    let mark = !t.is_empty() && t.chars().count() <= 3 && t.chars().all(|c| "*†‡§¶#".contains(c));
    let letter = t.len() == 1 && t.bytes().all(|b| b.is_ascii_lowercase()) && text.trim() != t;
    digits || mark || letter
}

/// Offset just after the `>` closing a tag that starts before `p`, honouring quoted attributes.
fn tag_end(b: &[u8], mut p: usize) -> usize {
    let mut quote = 0u8;
    let mut prev = 0u8;
    while let Some(&c) = b.get(p) {
        p += 1;
        let before = prev;
        if !c.is_ascii_whitespace() {
            prev = c;
        }
        match c {
            // Only an attribute value opens a quote, so a stray quote cannot swallow the text.
            b'"' | b'\'' if quote == 0 && before == b'=' => quote = c,
            c if c == quote => quote = 0,
            b'>' if quote == 0 => return p,
            _ => {}
        }
    }
    b.len()
}
