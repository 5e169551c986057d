//! Markdown structure via pulldown-cmark: headings, paragraphs, list items, bold lead-ins, with
//! the source range of every piece of text.

use super::block::{bullet, chinese_title, dash_bullet, point_marker, Block, Builder, Wraps};
use crate::model::PassageKind;
use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};
use std::ops::Range;

/// Whether a Markdown text opens with YAML front matter: a `---` line, then only `key: value`
/// lines (one at least), their indented or `- ` continuations, comments and blank lines, up to a
/// closing `---` or `...`, where a key names metadata (`title:`, `date:`, see [`METADATA_KEYS`])
/// or no value is a sentence. A `---` rule before text (`---` ⏎ `We prohibit forced labour.` ⏎
/// … ⏎ `---`) is no front matter, nor is a block whose keys name no metadata and one of whose
/// values is a sentence (`Purpose: This policy sets out our commitment to prohibit forced
/// labour.`): read as such, their text was lost.
pub(crate) fn has_front_matter(src: &str) -> bool {
    let mut lines = src.trim_start_matches('\u{feff}').lines();
    if lines.next().map(str::trim_end) != Some("---") {
        return false;
    }
    let (mut keys, mut known, mut prose) = (0, false, false);
    // The value of the last key, with its continuation lines.
    let mut value = String::new();
    for line in lines {
        let l = line.trim_end();
        let key = l.split_once(':').filter(|(k, _)| {
            !k.is_empty()
                && k.chars()
                    .all(|c| c.is_alphanumeric() || c == '_' || c == '-')
        });
        if l == "---" || l == "..." || key.is_some() {
            prose |= is_sentence(&value);
            value.clear();
        }
        if l == "---" || l == "..." {
            return keys > 0 && (known || !prose);
        }
        if let Some((k, v)) = key {
            keys += 1;
            known |= METADATA_KEYS.contains(&k.to_ascii_lowercase().replace('_', "-").as_str());
            value.push_str(v.trim());
        } else if l.starts_with([' ', '\t']) || l.starts_with("- ") {
            value.push(' ');
            value.push_str(l.trim());
        } else if !(l.is_empty() || l.starts_with('#')) {
            return false;
        }
    }
    false
}

/// Keys of YAML front matter that name metadata, as pandoc, static site generators and note
/// apps write them (lower case, `-` for `_`): under one of them, even a sentence is metadata
/// (`description: This policy sets out…`).
const METADATA_KEYS: &[&str] = &[
    "abstract",
    "aliases",
    "author",
    "authors",
    "bibliography",
    "canonical",
    "categories",
    "category",
    "cover",
    "created",
    "cssclass",
    "cssclasses",
    "date",
    "description",
    "draft",
    "excerpt",
    "geometry",
    "header-includes",
    "id",
    "image",
    "keywords",
    "lang",
    "language",
    "lastmod",
    "layout",
    "license",
    "locale",
    "modified",
    "nav-order",
    "organisation",
    "organization",
    "output",
    "parent",
    "permalink",
    "published",
    "publisher",
    "redirect-from",
    "rights",
    "sidebar-label",
    "sidebar-position",
    "slug",
    "source",
    "subject",
    "subtitle",
    "summary",
    "tags",
    "template",
    "title",
    "toc",
    "type",
    "updated",
    "url",
    "version",
    "weight",
    "year",
];

/// Whether a front-matter value reads as a sentence of prose rather than a value: it ends with
/// sentence-final punctuation and has six words or more, or twelve Han chars. A quoted string, a
/// block scalar (`|`, `>`) or a flow collection is written for YAML, and is a value.
fn is_sentence(value: &str) -> bool {
    let value = value.trim();
    if value.starts_with(['"', '\'', '|', '>', '[', '{']) {
        return false;
    }
    let words = value.split_whitespace().count();
    let han = value.chars().filter(|&c| crate::lang::is_han(c)).count();
    value.ends_with(['.', '!', '?', '。', '！', '？']) && (words >= 6 || han >= 12)
}

/// Reads the blocks of a Markdown text.
pub(crate) fn blocks(src: &str) -> Vec<Block> {
    let mut b = Builder::new(src);
    // Footnotes: without them a definition whose text has no space (`[^1]: 本声明所称…`) reads
    // as a link definition, and its text is lost.
    // YAML front matter (`---` ⏎ `title: …` ⏎ `---`, as `pandoc -s` writes it) is metadata, not
    // a setext heading naming the whole document's section.
    let mut opts =
        Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH | Options::ENABLE_FOOTNOTES;
    if has_front_matter(src) {
        opts |= Options::ENABLE_YAML_STYLE_METADATA_BLOCKS;
    }
    // Open block-level containers, innermost last, to know what kind a text belongs to.
    let mut items = 0usize;
    let mut heading = false;
    let mut hidden = 0usize; // inside an image or an HTML block: text not kept
                             // Literal `**` runs the parser left as text in this paragraph (0 = none yet, 1 = one opened a
                             // lead-in, 2 = done). CommonMark does not close `**定义人权：**作为` (punctuation before the
                             // closing run and a letter after it), so such runs are resolved here.
    let mut stars = 0u8;
    let mut code = false;
    let mut footnote = 0usize; // inside a footnote's definition
    let mut page = false; // inside a list item that is a page number (see `page_item`)
    let mut pend: Option<(Range<usize>, PassageKind)> = None;
    // Inside the first line of a paragraph that is a numbered title (`一、审核范围`).
    let mut title = false;
    // The end of an inline `<sup>` holding a footnote marker, whose events are left out.
    let mut sup_end = 0usize;
    for (ev, range) in Parser::new_ext(src, opts).into_offset_iter() {
        if range.start < sup_end && matches!(ev, Event::Text(_) | Event::InlineHtml(_)) {
            continue;
        }
        let verbatim = matches!(&ev, Event::Text(t) if src.get(range.clone()) == Some(&**t));
        if !verbatim {
            flush(&mut b, src, pend.take(), &mut stars);
        }
        let kind = kind_of(heading, items);
        let page_line = match ev {
            Event::Start(Tag::Item) if hidden == 0 => page_item(src, &range),
            _ => None,
        };
        match ev {
            Event::Start(tag) => match tag {
                Tag::Heading { level, .. } => {
                    heading = true;
                    b.open(PassageKind::Heading, Some(range.start), level as u32, false);
                }
                // `- 5 -` on a line of its own is a page number that PDF extraction left, not a
                // list item `5 -`: read as a line of text, so that page-break repair sees it.
                Tag::Item if page_line.is_some() => {
                    let line = page_line.clone().unwrap_or_default();
                    b.open(PassageKind::Paragraph, Some(line.start), 0, false);
                    b.text(line.clone(), &src[line], PassageKind::Paragraph);
                    hidden += 1;
                    page = true;
                }
                Tag::Item => {
                    items += 1;
                    b.open(PassageKind::ListItem, Some(range.start), 0, false);
                }
                Tag::Paragraph if footnote > 0 && items == 0 => {
                    // A footnote's text is a passage of its own, never the rest of a paragraph
                    // cut by a page break (its marker, `[^1]`, is left out where it stands).
                    stars = 0;
                    b.open_whole(PassageKind::Paragraph, Some(range.start));
                }
                Tag::Paragraph if items == 0 => {
                    stars = 0;
                    title = opens_with_title(src, range.clone());
                    if title {
                        b.open_title(range.start);
                    } else {
                        b.open(PassageKind::Paragraph, Some(range.start), 0, true);
                    }
                }
                Tag::FootnoteDefinition(_) => footnote += 1,
                Tag::Paragraph => {
                    // A second paragraph of a loose list item continues the item.
                    if !b.is_open() {
                        b.open(PassageKind::ListItem, Some(range.start), 0, false);
                    } else {
                        b.soft_break(range.start.saturating_sub(2)..range.start);
                    }
                }
                Tag::CodeBlock(_) | Tag::TableRow | Tag::TableHead => {
                    code = matches!(tag, Tag::CodeBlock(_));
                    b.open_whole(kind, Some(range.start));
                }
                Tag::TableCell => b.hard_break(range.start.saturating_sub(1)..range.start),
                Tag::Strong => b.strong_start(),
                Tag::HtmlBlock => {
                    // Its text is kept, read as HTML; the block's own `Html` events are not.
                    if hidden == 0 {
                        super::html::fragment(&mut b, src, range.clone());
                    }
                    hidden += 1;
                }
                Tag::Image { .. } | Tag::MetadataBlock(_) => hidden += 1,
                _ => {}
            },
            Event::End(tag) => match tag {
                TagEnd::Heading(_) => {
                    heading = false;
                    b.close(range.end);
                }
                TagEnd::Item if page => {
                    page = false;
                    hidden = hidden.saturating_sub(1);
                    b.close(range.end);
                }
                TagEnd::Item => {
                    items = items.saturating_sub(1);
                    b.close(range.end);
                }
                TagEnd::Paragraph if items == 0 => {
                    title = false;
                    b.close(range.end)
                }
                TagEnd::FootnoteDefinition => footnote = footnote.saturating_sub(1),
                TagEnd::CodeBlock | TagEnd::TableRow | TagEnd::TableHead => {
                    code = false;
                    b.close(range.end)
                }
                TagEnd::Strong => b.strong_end(),
                TagEnd::Image | TagEnd::HtmlBlock | TagEnd::MetadataBlock(_) => {
                    hidden = hidden.saturating_sub(1)
                }
                _ => {}
            },
            Event::Text(_) if hidden == 0 && !code && verbatim => {
                // Verbatim text: gather adjacent pieces, so that `**` split over events is seen whole.
                match pend.as_mut() {
                    Some((r, _)) if r.end == range.start => r.end = range.end,
                    _ => {
                        flush(&mut b, src, pend.take(), &mut stars);
                        pend = Some((range, kind));
                    }
                }
            }
            Event::Code(t) if hidden == 0 => {
                // The range includes the backticks; the code itself is a verbatim copy inside it.
                let inner = src[range.clone()].find(&*t).map(|i| range.start + i);
                match inner {
                    Some(i) => b.text(i..i + t.len(), &t, kind),
                    None => b.text(range, &t, kind),
                }
            }
            Event::Text(t) if hidden == 0 => b.text_wrapped(range, &t, kind, Wraps::FormFeed),
            // The end of a title's line: the lines after it are its section's paragraph.
            Event::SoftBreak | Event::HardBreak if title && hidden == 0 => {
                title = false;
                let next = &src[range.end..];
                let line = range.end + next.len() - next.trim_start().len();
                b.close(range.start);
                b.open(PassageKind::Paragraph, Some(line), 0, true);
            }
            // A line of a paragraph that opens with a bullet Markdown does not know (`● 强迫劳动`,
            // `■ Health`, a Word bullet that `pdftotext` wrote): a paragraph of its own, which
            // is read as a list item (see `number_points`). A dash opens one only after a
            // sentence's end or another item opened with a dash.
            Event::SoftBreak
                if hidden == 0
                    && items == 0
                    && !heading
                    && b.is_open()
                    && bullet_line(src[range.end..].trim_start(), b.open_text()) =>
            {
                let next = &src[range.end..];
                let line = next.trim_start();
                b.close(range.start);
                b.open(
                    PassageKind::Paragraph,
                    Some(range.end + next.len() - line.len()),
                    0,
                    false,
                );
            }
            // The points of a paragraph numbered a line each (`① …⏎② …`): a list item each,
            // where the line's point follows the paragraph's own, the line before ends its
            // sentence or is a title, or the point is a first `①` or `a)`. A wrap that puts `(1)`
            // first in a line stays text.
            Event::SoftBreak
                if hidden == 0
                    && items == 0
                    && !heading
                    && b.is_open()
                    && point_marker(src[range.end..].trim_start()).is_some_and(|p| {
                        let so_far = b.open_text();
                        point_marker(so_far).is_some_and(|q| p.follows(&q))
                            || super::ends_sentence(so_far)
                            || p.opens_a_list()
                            || (p.is_first() && follows_a_title(&src[..range.start]))
                    }) =>
            {
                let next = &src[range.end..];
                let line = next.trim_start();
                b.split_list_line(range.start, range.end + next.len() - line.len());
            }
            Event::SoftBreak | Event::HardBreak if hidden == 0 => b.soft_break(range),
            Event::InlineHtml(h) if hidden == 0 && is_line_break(&h) => b.hard_break(range),
            // `labour<sup>1</sup>`: the marker is left out as the HTML reader leaves it out, so
            // that it does not stick to the word (`labour1`).
            Event::InlineHtml(h) if hidden == 0 => {
                if let Some(end) = footnote_sup(src, &h, range.end) {
                    sup_end = end;
                }
            }
            _ => {}
        }
    }
    flush(&mut b, src, pend.take(), &mut stars);
    b.close(src.len());
    b.blocks
}

/// Whether the paragraph at `para` of `src` opens with a numbered title on a line of its own
/// (`一、审核范围`, see [`chinese_title`]), not an item of a list of short lines (see
/// [`super::text::in_a_list`]).
fn opens_with_title(src: &str, para: Range<usize>) -> bool {
    let text = &src[para.clone()];
    if !super::block::may_open_with_chinese_number(text) {
        return false;
    }
    let first = text.lines().next().unwrap_or("").trim();
    let last = src[..para.start]
        .trim_end()
        .rsplit('\n')
        .next()
        .unwrap_or("");
    let after = para.start + text.find('\n').map_or(text.len(), |i| i + 1);
    chinese_title(first)
        && !super::text::in_a_list(last, first, super::text::next_text_line(&src[after..]))
}

/// The source line of a list item that is a marked page number (`- 5 -`, `— 12 —`), trimmed.
fn page_item(src: &str, item: &Range<usize>) -> Option<Range<usize>> {
    let text = src.get(item.clone())?;
    let line = text.trim_end();
    if line.contains('\n') {
        return None;
    }
    let lead = line.len() - line.trim_start().len();
    (super::page_number(line) == super::PageNumber::Marked)
        .then(|| item.start + lead..item.start + line.len())
}

/// Whether the line at the start of `next` opens a list item with a bullet (see
/// [`bullet`]), after a paragraph whose clean text so far is `so_far`.
fn bullet_line(next: &str, so_far: &str) -> bool {
    let line = next.lines().next().unwrap_or("").trim_end();
    super::page_number(line) == super::PageNumber::No
        && (bullet(line).is_some()
            || dash_bullet(line).is_some()
                && (super::ends_sentence(so_far) || dash_bullet(so_far).is_some()))
}

/// Where a `<sup>` start tag (`tag`, ending at `at` of `src`) holding nothing but a footnote
/// marker ends, after its `</sup>`.
fn footnote_sup(src: &str, tag: &str, at: usize) -> Option<usize> {
    let name = tag.strip_prefix('<')?.get(..3)?;
    let after = tag[4..].chars().next()?;
    if !name.eq_ignore_ascii_case("sup") || !(after == '>' || after.is_ascii_whitespace()) {
        return None;
    }
    let rest = src.get(at..)?;
    let close = rest.find("</")?;
    (super::html::is_footnote_marker(&rest[..close])
        && rest[close..]
            .get(..6)
            .is_some_and(|t| t.eq_ignore_ascii_case("</sup>")))
    .then_some(at + close + 6)
}

/// Whether inline HTML is a `<br>` (`<br>`, `<br/>`, `<BR />`).
fn is_line_break(tag: &str) -> bool {
    let t = tag
        .trim_start_matches('<')
        .trim_end_matches('>')
        .trim_end_matches('/');
    t.trim().eq_ignore_ascii_case("br")
}

fn kind_of(heading: bool, items: usize) -> PassageKind {
    if heading {
        PassageKind::Heading
    } else if items > 0 {
        PassageKind::ListItem
    } else {
        PassageKind::Paragraph
    }
}

/// Adds gathered verbatim text, dropping literal `**` runs; the first two of a paragraph may
/// delimit its bold lead-in.
fn flush(
    b: &mut Builder<'_>,
    src: &str,
    pend: Option<(Range<usize>, PassageKind)>,
    stars: &mut u8,
) {
    let Some((range, kind)) = pend else { return };
    let t = &src[range.clone()];
    let mut last = 0;
    for i in double_stars(t) {
        b.text_wrapped(
            range.start + last..range.start + i,
            &t[last..i],
            kind,
            Wraps::FormFeed,
        );
        if *stars == 0 {
            b.strong_start();
        } else if *stars == 1 {
            b.strong_end();
        }
        *stars = stars.saturating_add(1);
        last = i + 2;
    }
    b.text_wrapped(
        range.start + last..range.end,
        &t[last..],
        kind,
        Wraps::FormFeed,
    );
}

/// Offsets of the `**` in `t`, left to right without overlap (as `t.match_indices("**")`), found
/// by a search for `*` (a word-at-a-time byte search): most texts have none, and a substring
/// searcher costs more to set up.
fn double_stars(t: &str) -> impl Iterator<Item = usize> + '_ {
    let bytes = t.as_bytes();
    let mut at = 0;
    std::iter::from_fn(move || loop {
        // `at` follows a `*`, so it is a char boundary.
        let i = at + t.get(at..)?.find('*')?;
        if bytes.get(i + 1) == Some(&b'*') {
            at = i + 2;
            return Some(i);
        }
        at = i + 1;
    })
}

/// Whether the source before a line break ends with a title: a short line that opens its
/// paragraph or follows a line that ends its sentence.
fn follows_a_title(before: &str) -> bool {
    let mut lines = before.trim_end_matches(['\r', '\n']).rsplit('\n');
    let last = lines.next().unwrap_or("").trim();
    let opens = lines
        .next()
        .is_none_or(|l| l.trim().is_empty() || super::ends_sentence(l));
    opens && !last.is_empty() && last.chars().count() <= 30
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn double_stars_as_match_indices() {
        for t in [
            "",
            "*",
            "**",
            "***",
            "****a*b**",
            "**定义人权：**作为",
            "a*b*c",
            "x***y**",
        ] {
            let want: Vec<usize> = t.match_indices("**").map(|(i, _)| i).collect();
            assert_eq!(double_stars(t).collect::<Vec<_>>(), want, "{t}");
        }
    }
}
