//! HTML structure via scraper: headings `h1`–`h6`, paragraphs, list items and other blocks;
//! `script`, `style` and the like dropped. The parser does not report source positions, so every
//! text node is located in the original source, in order, by walking over tags, comments and
//! character references (which become non-verbatim runs of the offset map).

use super::block::{Block, Builder};
use crate::model::PassageKind;
use scraper::{Html, Node};
use std::ops::Range;

/// Elements whose content is never text of the document.
const DROPPED: &[&str] = &[
    "script", "style", "noscript", "template", "xmp", "iframe", "noembed", "noframes", "object",
    "svg", "math",
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

/// Reads the blocks of an HTML text.
pub(crate) fn blocks(src: &str) -> Vec<Block> {
    let html = Html::parse_document(src);
    let mut b = Builder::new(src);
    walk(&html, &mut b, src, 0..src.len());
    b.close(src.len());
    b.blocks
}

/// Adds the text of a raw HTML block inside another format (a `<div>` or `<table>` in Markdown)
/// at `range` of `src` to `b`, as blocks of their own.
pub(crate) fn fragment(b: &mut Builder<'_>, src: &str, range: Range<usize>) {
    let Some(part) = src.get(range.clone()) else {
        return;
    };
    b.close(range.start);
    walk(&Html::parse_fragment(part), b, src, range.clone());
    b.close(range.end);
}

/// Walks a parsed tree, locating each text node in `src[within]`, in order. Only there: an HTML
/// block inside Markdown whose text is not found where expected must not claim a copy of it
/// further down the document.
fn walk(html: &Html, b: &mut Builder<'_>, src: &str, within: Range<usize>) {
    let mut cursor = within.start;
    let src_within = &src[..within.end];
    // Open elements that decide a text's kind: heading level, or 0 for a list item.
    let mut ctx: Vec<u32> = Vec::new();
    let mut hidden = 0usize; // inside <head>: located but not kept
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
                    if hidden == 0 {
                        for (range, d) in pieces {
                            b.text(range, &t[d], kind);
                        }
                    }
                }
            }
            Node::Element(e) => {
                let name = e.name();
                if DROPPED.contains(&name) {
                    continue;
                }
                let level = heading_level(name);
                if !closing {
                    stack.push((node, true));
                    for child in node.children().rev() {
                        stack.push((child, false));
                    }
                    if name == "head" {
                        hidden += 1;
                    }
                    if let Some(l) = level {
                        ctx.push(l);
                        b.open(PassageKind::Heading, None, l, false);
                    } else if name == "li" {
                        ctx.push(0);
                        b.open(PassageKind::ListItem, None, 0, false);
                    } else if name == "p" {
                        b.open(PassageKind::Paragraph, None, 0, ctx.is_empty());
                    } else if BLOCKS.contains(&name) {
                        b.close(cursor);
                    } else if name == "strong" || name == "b" {
                        b.strong_start();
                    } else if name == "br" {
                        b.hard_break(cursor..skip_markup(src, cursor));
                    }
                } else {
                    if name == "head" {
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
/// Falls back to a plain search; `None` when the text cannot be found.
fn locate(src: &str, from: usize, t: &str) -> Option<Located> {
    if t.is_empty() {
        return Some((Vec::new(), from));
    }
    let start = skip_markup(src, from);
    if let Some(found) = align(src, start, t) {
        return Some(found);
    }
    let pos = from + src.get(from..)?.find(t)?;
    Some((vec![(pos..pos + t.len(), 0..t.len())], pos + t.len()))
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
        if sc == c && !(c == '&' && entity_len(&bytes[p..]).is_some()) {
            if run.is_none() {
                run = Some((p, d));
            }
            p += c.len_utf8();
            chars.next();
        } else if sc == '&' && entity_len(&bytes[p..]).is_some() {
            flush(&mut run, &mut pieces, p, d);
            let len = entity_len(&bytes[p..])?;
            pieces.push((p..p + len, d..d + c.len_utf8()));
            p += len;
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
        } else {
            return None;
        }
    }
    flush(&mut run, &mut pieces, p, t.len());
    Some((pieces, p))
}

/// Length of a character reference (`&amp;`, `&#39;`, `&#x4e2d;`) at the start of `b`.
fn entity_len(b: &[u8]) -> Option<usize> {
    if b.first() != Some(&b'&') {
        return None;
    }
    let body = b.get(1..)?;
    let n = body
        .iter()
        .take(40)
        .take_while(|c| c.is_ascii_alphanumeric() || **c == b'#')
        .count();
    (n > 0 && body.get(n) == Some(&b';')).then_some(n + 2)
}

/// Skips tags, comments, doctypes and the content of raw-text elements starting at `p`.
fn skip_markup(src: &str, mut p: usize) -> usize {
    let b = src.as_bytes();
    loop {
        if b.get(p) != Some(&b'<') {
            return p;
        }
        let next = b.get(p + 1).copied().unwrap_or(0);
        if src[p..].starts_with("<!--") {
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
                let close = format!("</{name}");
                let rest = src[p..].to_ascii_lowercase();
                p = rest.find(&close).map_or(src.len(), |i| p + i);
            }
        } else {
            return p;
        }
    }
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
