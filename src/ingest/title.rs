//! Titles of documents without a manifest title: the first heading, else the file stem.

use crate::model::Format;
use crate::segment::MAX_SECTION_NAME;
use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};
use std::path::Path;

/// The title of a document: its front matter's `title:` or else its first heading (Markdown),
/// its `<title>` or first `<h1>` (HTML, not an inline SVG's), else the file stem; cut, as section
/// names are, after [`MAX_SECTION_NAME`] chars with `…`, since every hit of the document shows it.
pub(crate) fn title_of(text: &str, format: Format, path: &Path) -> String {
    let found = match format {
        Format::Markdown => markdown_heading(text),
        Format::Html => html_title(text),
        Format::Text => None,
    };
    let mut title = found.unwrap_or_else(|| {
        path.file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default()
    });
    if let Some((cut, _)) = title.char_indices().nth(MAX_SECTION_NAME) {
        title.truncate(cut);
        title.push('…');
    }
    title
}

/// How much of a Markdown document is parsed first when looking for its title.
const HEAD: usize = 8 << 10;

/// Text of the first Markdown heading with any text in it (code blocks are not headings).
///
/// The parser builds the block structure of all the text it is given, so the head of the
/// document is tried first. Cutting after a line cannot turn a line before the cut into a
/// heading, so a heading found there is the document's first heading too.
fn markdown_heading(text: &str) -> Option<String> {
    if text.len() > HEAD {
        let mut end = HEAD;
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        if let Some(nl) = text[..end].rfind('\n') {
            if let Some(title) = first_heading(&text[..=nl]) {
                return Some(title);
            }
        }
    }
    first_heading(text)
}

/// The first heading's text, or rather the `title:` of YAML front matter (`---` ⏎ `title: …` ⏎
/// `---`, as pandoc writes it), which names the document where a heading may name its first
/// section.
fn first_heading(text: &str) -> Option<String> {
    let mut in_heading = false;
    let mut in_metadata = false;
    let mut buf = String::new();
    // Front matter (`---` ... `---`) would otherwise read as a setext heading.
    let opts = if crate::segment::markdown::has_front_matter(text) {
        Options::ENABLE_YAML_STYLE_METADATA_BLOCKS
    } else {
        Options::empty()
    };
    let parser = Parser::new_ext(text, opts);
    for event in parser {
        match event {
            Event::Start(Tag::MetadataBlock(_)) => in_metadata = true,
            Event::End(TagEnd::MetadataBlock(_)) => in_metadata = false,
            Event::Text(t) if in_metadata => {
                if let Some(title) = yaml_title(&t) {
                    return Some(title);
                }
            }
            Event::Start(Tag::Heading { .. }) => {
                in_heading = true;
                buf.clear();
            }
            Event::End(TagEnd::Heading(_)) => {
                in_heading = false;
                let title = collapse_ws(&buf);
                if !title.is_empty() {
                    return Some(title);
                }
            }
            Event::Text(t) | Event::Code(t) if in_heading => buf.push_str(&t),
            Event::SoftBreak | Event::HardBreak if in_heading => buf.push(' '),
            _ => {}
        }
    }
    None
}

/// The value of a top-level `title:` key of YAML front matter when it is a plain or quoted
/// scalar on its line (`title: Human Rights Policy`, `title: "人权政策"`); a block scalar or a
/// list is left to the headings.
fn yaml_title(yaml: &str) -> Option<String> {
    let value = yaml.lines().find_map(|l| l.strip_prefix("title:"))?.trim();
    let value = match value.chars().next()? {
        q @ ('"' | '\'') => value[1..].strip_suffix(q)?,
        '|' | '>' | '[' | '{' | '&' | '*' | '!' => return None,
        // A comment after a plain scalar is no part of it.
        _ => value.split(" #").next().unwrap_or(value),
    };
    let title = collapse_ws(value);
    (!title.is_empty()).then_some(title)
}

/// Text of the page's `<title>`, else of the first `<h1>`, whitespace collapsed. An inline
/// SVG's `<title>` (an icon's tooltip, `Menu icon`) names the drawing, not the page: only
/// elements of HTML count, not those of SVG or MathML inside it.
fn html_title(text: &str) -> Option<String> {
    // Parsed as the segmenter parses it: tags nested past its limit would make this quadratic.
    let flat = crate::segment::flatten_html(text);
    let doc = scraper::Html::parse_document(flat.as_deref().unwrap_or(text));
    ["title", "h1"].iter().find_map(|sel| {
        let selector = scraper::Selector::parse(sel).ok()?;
        doc.select(&selector)
            .filter(|el| &*el.value().name.ns == "http://www.w3.org/1999/xhtml")
            .map(|el| collapse_ws(&el.text().collect::<String>()))
            .find(|t| !t.is_empty())
    })
}

fn collapse_ws(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_skips_code_and_empty_headings() {
        let t = "```\n# code\n```\n\n#\n\n### Real *one*  `x`\n";
        assert_eq!(markdown_heading(t).as_deref(), Some("Real one x"));
        assert_eq!(markdown_heading("no heading"), None);
        assert_eq!(markdown_heading("---\nweight: 1\n---\n"), None);
        assert_eq!(
            markdown_heading("---\nweight: 1\n---\n\n# After\n").as_deref(),
            Some("After")
        );
    }

    #[test]
    fn markdown_front_matter_title_comes_first() {
        let t = "---\ntitle: Modern  Slavery Statement\nauthor: Acme plc\n---\n\n# Introduction\n";
        assert_eq!(
            markdown_heading(t).as_deref(),
            Some("Modern Slavery Statement")
        );
        let t = "---\ntitle: \"人权政策\" \nsubtitle: x\n---\n\ntext\n";
        assert_eq!(markdown_heading(t).as_deref(), Some("人权政策"));
        // A block scalar, an empty title or a nested key is left to the headings.
        for t in [
            "---\ntitle: |\n  Long\n---\n\n# H\n",
            "---\ntitle:\n---\n\n# H\n",
            "---\nmeta:\n  title: x\n---\n\n# H\n",
        ] {
            assert_eq!(markdown_heading(t).as_deref(), Some("H"), "{t}");
        }
    }

    #[test]
    fn heading_past_the_head_is_found() {
        let mut t = "x\n".repeat(HEAD);
        t.push_str("# Late\n");
        assert_eq!(markdown_heading(&t).as_deref(), Some("Late"));
        let t = format!("```\n{}```\n# Real\n", "# in code\n".repeat(HEAD / 4));
        assert_eq!(markdown_heading(&t).as_deref(), Some("Real"));
    }

    #[test]
    fn html_prefers_title_then_h1() {
        assert_eq!(
            html_title("<title> A\n B </title><h1>C</h1>").as_deref(),
            Some("A B")
        );
        assert_eq!(html_title("<h1>C <b>D</b></h1>").as_deref(), Some("C D"));
        assert_eq!(html_title("<p>x</p>"), None);
    }

    #[test]
    fn an_inline_svg_title_is_not_the_page_title() {
        let page = "<html><body><svg viewBox=\"0 0 8 8\"><title>Menu icon</title><path d=\"M0 0\"/></svg><h1>Human Rights Policy</h1><p>We respect human rights.</p></body></html>";
        assert_eq!(html_title(page).as_deref(), Some("Human Rights Policy"));
        let page = "<html><head><title>人权政策</title></head><body><svg><title>Logo</title></svg><math><mi>x</mi></math></body></html>";
        assert_eq!(html_title(page).as_deref(), Some("人权政策"));
        // A title written in the body of the page is still the page's.
        assert_eq!(
            html_title("<body><svg><title>Logo</title></svg><title>Policy</title><p>x</p>")
                .as_deref(),
            Some("Policy")
        );
    }

    /// A heading of a megabyte is no title to print beside every hit: cut as section names are.
    #[test]
    fn a_huge_title_is_cut() {
        let heading = format!("# {}\n\nText.\n", "人权政策".repeat(100));
        let t = title_of(&heading, Format::Markdown, Path::new("p.md"));
        assert_eq!(t.chars().count(), MAX_SECTION_NAME + 1);
        assert!(t.ends_with('…') && t.starts_with("人权政策人权政策"), "{t}");
        assert_eq!(
            title_of(
                "# Human Rights Policy\n",
                Format::Markdown,
                Path::new("p.md")
            ),
            "Human Rights Policy"
        );
    }

    #[test]
    fn falls_back_to_stem() {
        assert_eq!(
            title_of("# A", Format::Text, Path::new("d/notes.v2.txt")),
            "notes.v2"
        );
    }
}
