//! The structural pass shared by the Markdown, HTML and plain-text readers: a [`Builder`] that
//! collects clean text with its offset map into [`Block`]s and keeps the section path.

use crate::model::{OffsetMap, PassageKind};
use std::ops::Range;

/// A structural unit before page-break repair, sentences and words.
#[derive(Debug, Clone)]
pub(crate) struct Block {
    pub kind: PassageKind,
    pub section: Vec<String>,
    pub range: Range<usize>,
    pub text: String,
    pub map: OffsetMap,
    /// A heading, or a paragraph whose bold lead-in opened a sub-section: never joined onto.
    pub opens_section: bool,
    /// A table row or code block: a unit of its own, never part of a page-break repair.
    pub whole: bool,
    /// Whether its text ended with a soft hyphen (left out of the clean text): a word that a
    /// page break cut goes on in the next block.
    pub hyphenated: bool,
    /// Whether it is a numbered point (`（一）…`, see [`point_marker`]): a list item that a
    /// page break may cut as it cuts a paragraph.
    pub point: bool,
}

impl Block {
    /// Moves the block's source range and offset map from a text read without the BOMs that
    /// open its lines back into the whole text: `cuts` are where each BOM was left out, as
    /// offsets of the text without them, in order. A start at a cut moves past its BOM, an end
    /// at one stays before it, and a verbatim run over one is cut in two around it, so that the
    /// map stays exact and no clean char maps to a BOM.
    pub(crate) fn restore_boms(&mut self, cuts: &[usize]) {
        const BOM: usize = '\u{FEFF}'.len_utf8();
        let start = |x: usize| x + BOM * cuts.partition_point(|&q| q <= x);
        let end = |x: usize| x + BOM * cuts.partition_point(|&q| q < x);
        let s = start(self.range.start);
        self.range = s..end(self.range.end).max(s);
        let mut map = OffsetMap::new();
        for r in self.map.runs() {
            let orig_end = r.orig_start + r.orig_len;
            if r.clean_len == r.orig_len {
                // A cut follows a line break (a char boundary of both texts) or another cut.
                let first = cuts.partition_point(|&q| q <= r.orig_start);
                let mut from = r.orig_start;
                for &q in cuts[first..].iter().take_while(|&&q| q < orig_end) {
                    map.push(
                        r.clean_start + from - r.orig_start,
                        q - from,
                        start(from),
                        q - from,
                    );
                    from = q;
                }
                let len = orig_end - from;
                map.push(r.clean_start + from - r.orig_start, len, start(from), len);
            } else {
                // A span that maps back only as a whole (an entity) keeps a BOM inside it.
                let s = start(r.orig_start);
                map.push(r.clean_start, r.clean_len, s, end(orig_end).max(s) - s);
            }
        }
        self.map = map;
    }
}

/// Where a bold run at the start of a paragraph stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Lead {
    /// No text yet: a bold run starting now is a lead-in candidate.
    Ready,
    /// Inside a bold run that began the paragraph (clean start offset).
    Open(usize),
    /// The bold run that began the paragraph (clean range).
    Closed(usize, usize),
    /// Not a lead-in paragraph.
    No,
}

struct Cur {
    /// Clean offsets of the spaces that stand for a table-cell boundary or a `<br>`: words on
    /// either side never belong together, so letter spacing is never read across them.
    hard_spaces: Vec<usize>,
    whole: bool,
    point: bool,
    /// A numbered title (`一、审核范围`, see [`chinese_title`]): a heading one level below the
    /// last real heading, as a bold lead-in is.
    title: bool,
    kind: PassageKind,
    heading_level: u32,
    start: Option<usize>,
    text: String,
    map: OffsetMap,
    lead: Lead,
}

/// Collects blocks from a reader's events, in source order.
pub(crate) struct Builder<'a> {
    src: &'a str,
    pub blocks: Vec<Block>,
    cur: Option<Cur>,
    /// Open sections as `(depth, name)`: headings at `2 × level`, lead-ins one deeper than their heading.
    sections: Vec<(u32, String)>,
    /// A break waiting to see the next text: its source range, and whether it is hard (see
    /// [`Builder::hard_break`]).
    pending_sep: Option<(Range<usize>, bool)>,
    /// End of the previous block's range: blocks never overlap.
    last_end: usize,
}

/// Chars after which, before a CJK char, a line break carries no space.
pub(crate) fn is_cjk(c: char) -> bool {
    crate::lang::is_han(c)
        || matches!(c as u32, 0x3000..=0x303F | 0xFF00..=0xFFEF | 0x3040..=0x30FF | 0x2018..=0x201F)
}

impl<'a> Builder<'a> {
    pub fn new(src: &'a str) -> Self {
        Builder {
            src,
            blocks: Vec::new(),
            cur: None,
            sections: Vec::new(),
            pending_sep: None,
            last_end: 0,
        }
    }

    /// Ends the current block (if any) and starts a new one of `kind` at `start` (or, when `None`,
    /// where its first text stands).
    /// `lead_in` says whether a bold run at its start may open a sub-section.
    pub fn open(
        &mut self,
        kind: PassageKind,
        start: Option<usize>,
        heading_level: u32,
        lead_in: bool,
    ) {
        self.close(start.unwrap_or(self.last_end));
        self.cur = Some(Cur {
            kind,
            heading_level,
            start,
            text: String::new(),
            map: OffsetMap::new(),
            lead: if lead_in { Lead::Ready } else { Lead::No },
            whole: false,
            point: false,
            title: false,
            hard_spaces: Vec::new(),
        });
    }

    /// Starts a numbered title (`一、审核范围`, see [`chinese_title`]): a heading that opens a
    /// section one level below the last heading.
    pub fn open_title(&mut self, start: usize) {
        self.open(PassageKind::Heading, Some(start), 0, false);
        if let Some(cur) = self.cur.as_mut() {
            cur.title = true;
        }
    }

    /// Starts a numbered point (`（一）…`): a list item.
    pub fn open_point(&mut self, start: usize) {
        self.open(PassageKind::ListItem, Some(start), 0, false);
        if let Some(cur) = self.cur.as_mut() {
            cur.point = true;
        }
    }

    /// Starts a block of `kind` that is a unit of its own (see [`Block::whole`]): a table row, a
    /// code block, a caption.
    pub fn open_whole(&mut self, kind: PassageKind, start: Option<usize>) {
        self.open(kind, start, 0, false);
        if let Some(cur) = self.cur.as_mut() {
            cur.whole = true;
        }
    }

    /// The depth of a sub-section (a bold lead-in or a numbered title): one below the last
    /// heading.
    fn sub_section_depth(&self) -> u32 {
        let heading = self
            .sections
            .iter()
            .rev()
            .find(|(d, _)| d % 2 == 0)
            .map_or(0, |(d, _)| *d);
        heading + 1
    }

    /// Whether a block is being built.
    pub fn is_open(&self) -> bool {
        self.cur.is_some()
    }

    /// Ends a paragraph at a line that starts a list item of its own (`① …`, `（二）…`, `a) …`
    /// after `（一）…` on the line before): the paragraph so far is a list item too when it began
    /// with such a marker, and a new list item starts at `line`.
    pub fn split_list_line(&mut self, end: usize, line: usize) {
        if let Some(cur) = self.cur.as_mut() {
            if cur.kind == PassageKind::Paragraph && numbered_line_marker(&cur.text).is_some() {
                cur.kind = PassageKind::ListItem;
                cur.lead = Lead::No;
                cur.point = true;
            }
        }
        self.close(end);
        self.open_point(line);
    }

    /// The clean text of the block being built, so far ("" when none is open).
    pub fn open_text(&self) -> &str {
        self.cur.as_ref().map_or("", |c| c.text.as_str())
    }

    /// Whether the block being built is a paragraph.
    pub fn is_paragraph(&self) -> bool {
        self.cur
            .as_ref()
            .is_some_and(|c| c.kind == PassageKind::Paragraph)
    }

    /// Adds text that stands in the source at `range` and reads `decoded` once markup and
    /// entities are resolved. Starts a block of `kind` if none is open.
    pub fn text(&mut self, range: Range<usize>, decoded: &str, kind: PassageKind) {
        if decoded.is_empty() {
            return;
        }
        let range = clamp_range(self.src, range);
        if self.cur.is_none() {
            self.cur = Some(Cur {
                kind,
                heading_level: 0,
                start: None,
                text: String::new(),
                map: OffsetMap::new(),
                lead: Lead::No,
                whole: false,
                point: false,
                title: false,
                hard_spaces: Vec::new(),
            });
        }
        let (mut range, mut decoded) = (range, decoded);
        if let Some((sep, hard)) = self.pending_sep.take() {
            if hard {
                // Whitespace after a cell boundary or a `<br>` is not shown (a pretty-printed
                // table has a line break and an indent before every cell): the hard space
                // stands alone, and a text of nothing else waits for the next one.
                let lead = decoded.len() - decoded.trim_start().len();
                if lead == decoded.len() {
                    self.pending_sep = Some((sep, hard));
                    return;
                }
                if lead > 0 && self.src.get(range.start..range.start + lead) == decoded.get(..lead)
                {
                    range.start += lead;
                    decoded = &decoded[lead..];
                }
            }
            // Chars that read as nothing are looked past: 强迫\u{200B}⏎劳动 is 强迫劳动. A text
            // of nothing else leaves the separator to the next one (`<br>&shy;<span>child`).
            match decoded.chars().find(|&c| !is_dropped(c)) {
                None => self.pending_sep = Some((sep, hard)),
                next => self.separator(sep, hard, next),
            }
        }
        let Some(cur) = self.cur.as_mut() else { return };
        if cur.lead == Lead::Ready {
            cur.lead = Lead::No;
        }
        push_text(self.src, &mut cur.text, &mut cur.map, range, decoded);
    }

    /// Adds text as [`Builder::text`] does, except that the whitespace around each of the
    /// `wraps` chars in it (a line break inside an HTML paragraph, a form feed inside a line)
    /// is a [`Builder::soft_break`]: nothing between Chinese chars, one break elsewhere.
    pub fn text_wrapped(
        &mut self,
        range: Range<usize>,
        decoded: &str,
        kind: PassageKind,
        wraps: Wraps,
    ) {
        // A vectorized byte search: most text has none, and this runs on every piece of it.
        let find = |t: &str| match wraps {
            Wraps::FormFeed => memchr::memchr(0x0C, t.as_bytes()),
            Wraps::Lines => memchr::memchr3(b'\n', b'\r', 0x0C, t.as_bytes()),
        };
        let (mut range, mut decoded) = (range, decoded);
        // The indent after a wrap that stood in a piece of its own (a Windows line end, which
        // the HTML parser reads as one `\n`) belongs to the wrap.
        if let Some((sep, false)) = &self.pending_sep {
            let lead = decoded.len() - decoded.trim_start().len();
            if lead > 0 && sep.end == range.start && range.len() == decoded.len() {
                self.pending_sep = Some((sep.start..range.start + lead, false));
                range.start += lead;
                decoded = &decoded[lead..];
            }
        }
        if find(decoded).is_none() {
            self.text(range, decoded, kind);
            return;
        }
        if range.len() != decoded.len() {
            // A Windows line end or a character reference, which maps to its source as a whole.
            if decoded.chars().all(char::is_whitespace) {
                self.soft_break(range);
            } else {
                self.text(range, decoded, kind);
            }
            return;
        }
        let mut done = 0;
        while let Some(i) = find(&decoded[done..]) {
            let at = done + i;
            let start = decoded[..at].trim_end().len().max(done);
            let end = decoded.len() - decoded[at..].trim_start().len();
            if start > done {
                let r = range.start + done..range.start + start;
                self.text(r, &decoded[done..start], kind);
            }
            self.soft_break(range.start + start..range.start + end);
            done = end;
        }
        if done < decoded.len() {
            self.text(range.start + done..range.end, &decoded[done..], kind);
        }
    }

    /// A line break at `range`: a space-like separator unless CJK text meets CJK text (a
    /// Chinese line wrapped in the source is one line).
    pub fn soft_break(&mut self, range: Range<usize>) {
        if self.cur.as_ref().is_some_and(|c| !c.text.is_empty()) {
            let hard = self.pending_sep.as_ref().is_some_and(|p| p.1);
            self.pending_sep = Some((clamp_range(self.src, range), hard));
        }
    }

    /// A boundary between table cells, or a `<br>`: always a separator, also between CJK text,
    /// since the words on either side never belong together.
    pub fn hard_break(&mut self, range: Range<usize>) {
        if self.cur.as_ref().is_some_and(|c| !c.text.is_empty()) {
            self.pending_sep = Some((clamp_range(self.src, range), true));
        }
    }

    fn separator(&mut self, range: Range<usize>, hard: bool, next: Option<char>) {
        let Some(cur) = self.cur.as_mut() else { return };
        if hard {
            // Whitespace before the boundary is not shown either, and a line break there would
            // read as a wrapped line (two cells' Han words as one): the text ends at its last
            // char, and the hard space is a space or a tab, never a line break.
            let kept = cur.text.trim_end().len();
            if kept < cur.text.len() {
                // In place, from the end: a row of many cells or `<br>`s stays linear.
                cur.map.truncate(kept);
                cur.text.truncate(kept);
                while cur.hard_spaces.last().is_some_and(|&h| h >= kept) {
                    cur.hard_spaces.pop();
                }
                if let Lead::Open(s) | Lead::Closed(s, _) = cur.lead {
                    if s > kept {
                        cur.lead = Lead::No;
                    }
                }
                if let Lead::Closed(s, e) = cur.lead {
                    cur.lead = Lead::Closed(s, e.min(kept));
                }
            }
            if cur.text.is_empty() || next.is_none_or(char::is_whitespace) {
                return;
            }
            cur.hard_spaces.push(cur.text.len());
            let clean = cur.text.len();
            // A space between the tags, never one inside a tag (`<br><a href=…>`).
            let mut in_tag = false;
            match self.src[range.clone()].char_indices().find(|&(_, c)| {
                match c {
                    '<' => in_tag = true,
                    '>' => in_tag = false,
                    _ => return !in_tag && (c == ' ' || c == '\t'),
                }
                false
            }) {
                Some((i, c)) => {
                    cur.text.push(c);
                    cur.map.push(clean, 1, range.start + i, 1);
                }
                // `a|b` or `a<br>b`: a space that stands for no source char of its own (an
                // empty run, so that the map never claims the `|` or the tag reads as a space).
                None => {
                    cur.text.push(' ');
                    cur.map.push(clean, 1, range.start, 0);
                }
            }
            return;
        }
        let Some(prev) = cur.text.chars().rev().find(|&c| !is_dropped(c)) else {
            return;
        };
        if prev.is_whitespace() || next.is_none_or(|n| n.is_whitespace()) {
            return;
        }
        if is_cjk(prev) && next.is_some_and(is_cjk) {
            return;
        }
        if let Some((i, c)) = break_char(&self.src[range.clone()]) {
            let at = range.start + i;
            push_break(&mut cur.text, &mut cur.map, at, c);
        }
    }

    /// A bold run starts.
    pub fn strong_start(&mut self) {
        if let Some(cur) = self.cur.as_mut() {
            if cur.lead == Lead::Ready {
                cur.lead = Lead::Open(cur.text.len());
            }
        }
    }

    /// A bold run ends.
    pub fn strong_end(&mut self) {
        if let Some(cur) = self.cur.as_mut() {
            if let Lead::Open(s) = cur.lead {
                cur.lead = Lead::Closed(s, cur.text.len());
            }
        }
    }

    /// Opens a section named after `text` at `depth`, unless the name is empty (a heading of
    /// control chars alone): an empty name would read back as no section once indexed. A name
    /// longer than [`MAX_SECTION_NAME`] chars is cut there, with `…`: every passage under it
    /// carries it, so a page of text marked as a heading would be copied once per passage (a
    /// 300 KB heading over 2,000 paragraphs took 1.6 GB and 13 s to segment); the heading's own
    /// passage keeps its whole text.
    fn open_section(&mut self, depth: u32, text: &str) -> bool {
        let mut name = section_name(text);
        if name.is_empty() {
            return false;
        }
        if let Some((cut, _)) = name.char_indices().nth(MAX_SECTION_NAME) {
            name.truncate(cut);
            name.push('…');
        }
        self.sections.push((depth, name));
        true
    }

    /// Ends the current block at `end` (exclusive source offset).
    pub fn close(&mut self, end: usize) {
        self.pending_sep = None;
        let Some(cur) = self.cur.take() else { return };
        let lead_name = match cur.lead {
            Lead::Closed(s, e) if cur.kind == PassageKind::Paragraph => {
                lead_in_name(&cur.text, s, e)
                    .map(|name| unspaced_name(&name))
                    .filter(|name| !name.is_empty())
            }
            _ => None,
        };
        let hyphenated = cur.text.trim_end().ends_with('\u{AD}');
        // Before trimming, while the hard spaces' offsets hold.
        let (text, map) = unspace(cur.text, cur.map, &cur.hard_spaces);
        let (text, map) = trim(text, map);
        // Nothing to show (a lone U+200B): no passage, and no section named after it. A heading
        // without text (`##`, an image alone) still ends the sections at its level and deeper.
        if text.is_empty() || super::invisible(&text) {
            if cur.kind == PassageKind::Heading && !cur.title {
                let depth = 2 * cur.heading_level.max(1);
                self.sections.retain(|(d, _)| *d < depth && d % 2 == 0);
            }
            return;
        }
        let runs = map.runs();
        let first = runs.first().map_or(0, |r| r.orig_start);
        let last = runs.last().map_or(0, |r| r.orig_start + r.orig_len);
        let mut start = cur.start.unwrap_or(first).min(first).max(self.last_end);
        while !self.src.is_char_boundary(start) {
            start -= 1;
        }
        let mut end = end.min(self.src.len()).max(start);
        while !self.src.is_char_boundary(end) {
            end += 1;
        }
        let trimmed = self.src[start..end].trim_end().len();
        let end = (start + trimmed).max(last);
        self.last_end = end;

        let mut opens_section = false;
        match cur.kind {
            PassageKind::Heading if cur.title => {
                // Beside the nearest open section numbered the same way (`八、…` a Markdown
                // heading, `九、…` a line; `第五章` after `## 第四章` and `### 第一节`); else below
                // the nearest one numbered at a higher level (`第一节` under `第一章`); else one
                // level below the last heading.
                let unit = title_rank(&text);
                let same = self
                    .sections
                    .iter()
                    .rev()
                    .find(|(_, name)| unit.is_some() && title_rank(name) == unit);
                let higher = self.sections.iter().rev().find(|(_, name)| {
                    title_rank(name)
                        .zip(unit)
                        .is_some_and(|(r, u)| r.0 == u.0 && r.1 < u.1)
                });
                let depth = match (same, higher) {
                    (Some((d, _)), _) => *d,
                    (None, Some((d, _))) => d + 1,
                    (None, None) => self.sub_section_depth(),
                };
                self.sections.retain(|(d, _)| *d < depth);
                opens_section = self.open_section(depth, &text);
            }
            PassageKind::Heading => {
                let depth = 2 * cur.heading_level.max(1);
                // A heading closes deeper headings and every lead-in sub-section.
                self.sections.retain(|(d, _)| *d < depth && d % 2 == 0);
                opens_section = self.open_section(depth, &text);
            }
            PassageKind::Paragraph => {
                if let Some(name) = lead_name {
                    let depth = self.sub_section_depth();
                    self.sections.retain(|(d, _)| *d < depth);
                    opens_section = self.open_section(depth, &name);
                }
            }
            PassageKind::ListItem => {}
        }
        self.blocks.push(Block {
            kind: cur.kind,
            section: self.sections.iter().map(|(_, n)| n.clone()).collect(),
            range: start..end,
            text,
            map,
            opens_section,
            whole: cur.whole,
            hyphenated,
            point: cur.point,
        });
    }
}

/// The sub-section name of a bold run at `s..e` of a paragraph's (untrimmed) clean text, if the run
/// is a lead-in: it ends with a colon, or a colon follows it.
fn lead_in_name(text: &str, s: usize, e: usize) -> Option<String> {
    let bold = text.get(s..e)?.trim();
    let after = text.get(e..)?.trim_start();
    let colon = |c: char| c == '：' || c == ':';
    let ends = bold.ends_with(colon);
    if !(ends || after.starts_with(colon) || after.is_empty()) {
        return None;
    }
    let name = bold.trim_end_matches(colon).trim();
    // A whole bold paragraph is a pseudo-heading only when it is short.
    if name.is_empty()
        || name.chars().count() > 60
        || (after.is_empty() && !ends && name.chars().count() > 30)
    {
        return None;
    }
    Some(name.to_string())
}

/// Appends the break char `c` found at source byte `at`: copied, so that the map stays verbatim,
/// except a lone `\r` (an old Mac line end) or a form feed, written `\n` and standing for no
/// source char of its own, as a hard space does.
pub(crate) fn push_break(text: &mut String, map: &mut OffsetMap, at: usize, c: char) {
    let clean = text.len();
    if matches!(c, '\r' | '\u{C}') {
        text.push('\n');
        map.push(clean, 1, at, 0);
    } else {
        text.push(c);
        map.push(clean, c.len_utf8(), at, c.len_utf8());
    }
}

/// The whitespace char of a gap that best stands for it in a clean text, with its offset: a line
/// break, else a space or a tab, else any. A Windows line end or a form feed (a page break of
/// `pdftotext`) would otherwise put a `\r` or `\x0C` into the text, which a terminal shows as a
/// jump.
pub(crate) fn break_char(gap: &str) -> Option<(usize, char)> {
    let mut found = None;
    // Whitespace inside a tag or comment of the gap (`<!-- page 3 -->`) is markup, not a break:
    // with none outside, the caller's break stands for no source char.
    let mut in_tag = false;
    for (i, c) in gap.char_indices() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            _ if in_tag => {}
            '\n' => return Some((i, c)),
            ' ' | '\t' if !matches!(found, Some((_, ' ' | '\t'))) => found = Some((i, c)),
            c if c.is_whitespace() && found.is_none() => found = Some((i, c)),
            _ => {}
        }
    }
    found
}

/// The number of a point that Markdown does not know as a list marker (the plain-text reader's
/// own markers are `- `, `• `, `1. `): a circled number (`①`, `❶`), a Chinese or Arabic numeral,
/// a letter or a Roman numeral in brackets (`（一）`, `(2)`, `（１）`, `(b)`, `(iv)`), or a letter
/// with a closing bracket (`a)`), followed by a space or, after a full-width bracket or circled
/// number, by anything, and after a bracket by a Han char (`(一)员工`); or Arabic digits and a
/// dot before a Han char (`1.员工`). PDFs, word processors and Chinese laws number the points of
/// a paragraph so, a line each.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Point {
    /// Byte length of the marker (and the space after it, when it needs one).
    pub len: usize,
    /// How the number is written and its value; a letter that is also a Roman numeral (`(i)`,
    /// `(v)`) has both readings.
    numbers: [Option<(PointStyle, u32)>; 2],
}

/// How a point's number is written: points of one list share it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum PointStyle {
    Circled,
    Chinese,
    Digits,
    /// `1.员工`: digits and a dot before a Han char.
    DigitsDot,
    Letter,
    Roman,
    LetterParen,
}

impl Point {
    /// Whether this point's number is the one after `prev`'s, in the same style.
    pub fn follows(&self, prev: &Point) -> bool {
        self.numbers.iter().flatten().any(|&(s, n)| {
            prev.numbers
                .iter()
                .flatten()
                .any(|&(ps, pn)| ps == s && pn + 1 == n)
        })
    }

    /// Whether this point is numbered 1 (`①`, `（一）`, `(a)`, `(i)`).
    pub fn is_first(&self) -> bool {
        self.numbers.iter().flatten().any(|&(_, n)| n == 1)
    }

    /// Whether this is the first point of a list written so that no sentence holds it (`①`,
    /// `a)`), where `(1)` and `（一）` also cite a paragraph of a law (`section 54⏎(1)`,
    /// `第⏎（一）项`).
    pub fn opens_a_list(&self) -> bool {
        self.numbers
            .iter()
            .flatten()
            .any(|&(s, n)| n == 1 && matches!(s, PointStyle::Circled | PointStyle::LetterParen))
    }
}

/// The value of a Chinese numeral up to 九十九 (`十二`, `二十`, `三十五`).
fn chinese_value(s: &str) -> Option<u32> {
    let chars: Vec<char> = s.chars().collect();
    let ten = |c: &char| matches!(c, '十' | '拾');
    match chars.as_slice() {
        [t] if ten(t) => Some(10),
        [d] => digit_value(*d),
        [t, d] if ten(t) => Some(10 + digit_value(*d)?),
        [d, t] if ten(t) => Some(10 * digit_value(*d)?),
        [d, t, e] if ten(t) => Some(10 * digit_value(*d)? + digit_value(*e)?),
        _ => None,
    }
}

/// The value of a Chinese digit, plain (`三`) or formal, as Taiwan's reports number their parts
/// (`參`, `叁`).
pub(crate) fn digit_value(c: char) -> Option<u32> {
    Some(match c {
        '一' | '壹' => 1,
        '二' | '贰' | '貳' => 2,
        '三' | '叁' | '參' => 3,
        '四' | '肆' => 4,
        '五' | '伍' => 5,
        '六' | '陆' | '陸' => 6,
        '七' | '柒' => 7,
        '八' | '捌' => 8,
        '九' | '玖' => 9,
        _ => return None,
    })
}

/// The length of a Chinese section number at the start of `line` (`一、`, `十二、`, `第三章`,
/// `第二节`, `第一部分`, and the space after the last three), if it has one, and its unit (`、`,
/// `章`, `节`, `部分`): numbers of one unit number sections of one level.
pub(crate) fn chinese_number(line: &str) -> Option<(usize, &'static str)> {
    let numeral = |s: &str| {
        s.char_indices()
            .find(|&(_, c)| !is_chinese_numeral(c))
            .map_or(s.len(), |(i, _)| i)
    };
    let n = numeral(line);
    if n > 0 && chinese_value(&line[..n]).is_some() && line[n..].starts_with('、') {
        return Some((n + '、'.len_utf8(), "、"));
    }
    let rest = line.strip_prefix('第')?;
    // `第三章`, or with Arabic digits, `第3章`.
    let n = match numeral(rest) {
        0 => rest.bytes().take_while(u8::is_ascii_digit).count().min(4),
        n => {
            chinese_value(&rest[..n])?;
            n
        }
    };
    if n == 0 {
        return None;
    }
    let unit = ["章", "节", "節", "部分"]
        .into_iter()
        .find(|u| rest[n..].starts_with(u))?;
    let mut at = '第'.len_utf8() + n + unit.len();
    // `第三部分：人权承诺`: a colon may part the number from the name.
    if line[at..].starts_with(['：', ':']) {
        at += line[at..].chars().next().map_or(0, char::len_utf8);
    }
    let space = line[at..].len() - line[at..].trim_start().len();
    Some((at + space, if unit == "節" { "节" } else { unit }))
}

/// Whether `text` opens with a Chinese article or section number followed by a space
/// (`第一百零五条 `, `第3条 `, `第二章 `) or with `三、`: the start of a unit of its own, which no
/// page break cut off.
pub(crate) fn opens_chinese_unit(text: &str) -> bool {
    if !may_open_with_chinese_number(text) {
        return false;
    }
    if !text.starts_with('第') {
        return chinese_number(text).is_some();
    }
    let rest = &text['第'.len_utf8()..];
    let n = numeral_len(rest);
    // A unit of its own has its text after a space (`第一条　为了…`, `第二章 总则`); a reference
    // goes on a sentence (`第三十六条的规定…`).
    let unit = rest[n..]
        .strip_prefix(['条', '條', '款', '编', '編', '章', '节', '節'])
        .or_else(|| rest[n..].strip_prefix("部分"));
    n > 0 && unit.is_some_and(|after| after.is_empty() || after.starts_with(char::is_whitespace))
}

/// The length of the number opening `s` as articles, items and sections are numbered: Han
/// numerals (`一百零五`, `十二`) or ASCII digits.
pub(crate) fn numeral_len(s: &str) -> usize {
    s.char_indices()
        .find(|&(_, c)| !(is_chinese_numeral(c) || "百千零〇".contains(c) || c.is_ascii_digit()))
        .map_or(s.len(), |(i, _)| i)
}

/// The text after a Chinese article's number opening `text` (`第一百零五条`, `第3条`), if it
/// opens with one.
pub(crate) fn after_article_number(text: &str) -> Option<&str> {
    let rest = text.strip_prefix('第')?;
    let n = numeral_len(rest);
    if n == 0 {
        return None;
    }
    rest[n..].strip_prefix(['条', '條'])
}

/// The level of a Chinese section number's unit, outermost first: parts hold chapters, chapters
/// sections, and `一、` numbers what is inside them.
fn unit_rank(unit: &str) -> u8 {
    match unit {
        "部分" => 0,
        "章" => 1,
        "节" => 2,
        _ => 3,
    }
}

/// Whether `c` is a digit of a Chinese number up to 99, or 十 (plain or formal).
fn is_chinese_numeral(c: char) -> bool {
    matches!(c, '十' | '拾') || digit_value(c).is_some()
}

/// Whether `text` may open with a Chinese section number (see [`chinese_number`]): a cheap test
/// of its first char, for every paragraph and line.
pub(crate) fn may_open_with_chinese_number(text: &str) -> bool {
    text.chars()
        .next()
        .is_some_and(|c| c == '第' || is_chinese_numeral(c))
}

/// Whether `line` (trimmed) is a numbered title of a Chinese report or policy, a section's name
/// on a line of its own: `一、审核范围`, `第二章 人权承诺`. Its name is short (at most 25
/// chars) and is no sentence or clause: no `。，；：` in it, no `、` at its end, as in `一、尊重
/// 人权；` or an amendment `一、将第三条修改为：…`, which are items.
pub(crate) fn chinese_title(line: &str) -> bool {
    let Some((n, _)) = chinese_number(line) else {
        return false;
    };
    let name = line[n..].trim();
    let chars = name.chars().count();
    // `一、二级供应商…` and `十、百、千名…` count things: a wrapped sentence, no title (while
    // `第一节 一般规定` is one).
    let digits = name
        .char_indices()
        .find(|&(_, c)| !is_chinese_numeral(c) && !"百千万零〇两".contains(c))
        .map_or(name.len(), |(i, _)| i);
    let counts = name.starts_with(|c: char| c.is_ascii_digit())
        || (digits > 0
            && name[digits..]
                .chars()
                .next()
                .is_none_or(|c| "、级名个".contains(c) || c.is_ascii_digit()));
    // `陆、海、空` enumerates, and so does any name that is one char before a `、`.
    let enumerates = name.chars().nth(1) == Some('、');
    !counts
        && !enumerates
        && (1..=25).contains(&chars)
        && !name.contains(['。', '，', '；', '：', '！', '？', ',', ';', ':', '!', '?'])
        && !name.ends_with(['、', '.'])
}

/// The family and level of a section number that opens `line`: Chinese numbers (family 0; see
/// [`chinese_number`]), decimal numbers (family 1; `1.`, `2.3`, `4.1.2`, by their parts), named
/// divisions (family 2; `Part II`, `Chapter 3`, `Section 4`, `Article 5`, `Annex A`), and an
/// all-capitals line (family 3). Titles of one family and level number sections beside each
/// other; a lower level of the same family numbers the sections inside.
pub(crate) fn title_rank(line: &str) -> Option<(u8, u8)> {
    if let Some((_, unit)) = chinese_number(line) {
        return Some((0, unit_rank(unit)));
    }
    if let Some((_, rank)) = decimal_number(line) {
        return Some((1, rank));
    }
    if let Some((_, rank)) = division(line) {
        return Some((2, rank));
    }
    capitals(line).then_some((3, 0))
}

/// A decimal section number at the start of `line` (`1. `, `2.3 `, `4.1.2. `, `3⇥`; parts of one
/// or two digits): its length with the space after it, and how many parts it has. A bare number
/// (`12 Suppliers`) counts only before a tab, as word processors write it.
fn decimal_number(line: &str) -> Option<(usize, u8)> {
    let bytes = line.as_bytes();
    let mut i = 0;
    let mut parts = 0u8;
    loop {
        let n = bytes[i..].iter().take_while(|b| b.is_ascii_digit()).count();
        if n == 0 || n > 2 || parts == 4 {
            return None;
        }
        i += n;
        parts += 1;
        if bytes.get(i) == Some(&b'.') && bytes.get(i + 1).is_some_and(u8::is_ascii_digit) {
            i += 1;
            continue;
        }
        break;
    }
    let dot = bytes.get(i) == Some(&b'.');
    if dot {
        i += 1;
    }
    let space = line[i..].len() - line[i..].trim_start().len();
    let tab = line[i..].starts_with('\t');
    (space > 0 && (dot || parts > 1 || tab)).then_some((i + space, parts))
}

/// A named division at the start of `line` (`Part II`, `CHAPTER 3:`, `Article 5 –`, `Annex A`):
/// its length with what parts it from its name, and its level.
fn division(line: &str) -> Option<(usize, u8)> {
    const NAMES: [(&str, u8); 8] = [
        ("part", 0),
        ("annex", 0),
        ("appendix", 0),
        ("schedule", 0),
        ("chapter", 1),
        ("section", 2),
        ("article", 3),
        ("clause", 3),
    ];
    let word = line.split(' ').next()?;
    let (_, rank) = NAMES.iter().find(|(n, _)| n.eq_ignore_ascii_case(word))?;
    if !word.starts_with(|c: char| c.is_ascii_uppercase()) {
        return None;
    }
    let rest = line[word.len()..].trim_start();
    let number = rest.split([' ', '.', ':', '\t']).next()?;
    let numbered = (1..=3).contains(&number.len())
        && (number.bytes().all(|b| b.is_ascii_digit())
            || number.bytes().all(|b| b"IVXL".contains(&b))
            || (number.len() == 1 && number.as_bytes()[0].is_ascii_uppercase()));
    if !numbered {
        return None;
    }
    let after = &rest[number.len()..];
    let sep = after
        .char_indices()
        .find(|&(_, c)| !(c.is_whitespace() || ".:–—-".contains(c)))
        .map_or(after.len(), |(k, _)| k);
    if sep == 0 && !after.is_empty() {
        return None;
    }
    Some((line.len() - after.len() + sep, *rank))
}

/// Whether `line` is written in capitals as a title is (`OUR SALIENT ISSUES`): two words or
/// more, at least eight letters, every letter a capital, no `|`.
fn capitals(line: &str) -> bool {
    // `|` parts the fields of a running header (`MODERN SLAVERY ACT 2015 | STATEMENT 2022`).
    !line.contains('|') && in_capitals(line)
}

/// Whether `line` is written in capitals, as titles and running headers are: two words or more,
/// at least eight letters, every letter a capital.
pub(crate) fn in_capitals(line: &str) -> bool {
    line.chars().filter(|c| c.is_alphabetic()).count() >= 8
        && line.split_whitespace().count() >= 2
        && line
            .chars()
            .all(|c| !c.is_alphabetic() || c.is_ascii_uppercase())
}

/// Whether `line` (trimmed) is a numbered or capitalised title of an English report or code on a
/// line of its own: `1. Introduction`, `2.1 Scope`, `Article 3 Non-discrimination`, `PART II`,
/// `OUR SALIENT ISSUES`. Its name is short (at most 8 words and 80 chars), starts with a
/// capital, and is no sentence: no full stop or other sentence punctuation in or at the end of it,
/// nor a page number at its end as a table of contents has (`Introduction ..... 3`), nor a
/// word that leaves a sentence open (`1. Wages are paid in full and`).
pub(crate) fn latin_title(line: &str) -> bool {
    let start = decimal_number(line)
        .map(|(n, _)| n)
        .or_else(|| division(line).map(|(n, _)| n))
        .or_else(|| capitals(line).then_some(0));
    let Some(start) = start else {
        return false;
    };
    let name = line[start..].trim();
    // A decimal number may name a Chinese section too (`1.1 禁止强迫劳动`), as a Chinese title
    // names it.
    if name.starts_with(crate::lang::is_han) {
        return decimal_number(line).is_some()
            && name.chars().count() <= 25
            && !name.contains(['。', '，', '；', '：', '！', '？', ',', ';', ':'])
            && !name.ends_with('、');
    }
    let words = name.split_whitespace().count();
    let last = name.split_whitespace().next_back().unwrap_or("");
    // A division may stand alone (`ARTICLE 3`, its name on the next line); a number may not.
    (words > 0 || (start > 0 && division(line).is_some()))
        && words <= 8
        && name.len() <= 80
        && name.chars().next().is_none_or(|c| c.is_uppercase())
        && !name.ends_with(['.', ',', ';', ':', '!', '?'])
        && !name.contains(". ")
        && !(words > 1 && last.bytes().all(|b| b.is_ascii_digit()))
        && !name.contains("...")
        && !super::OPEN_ENDED
            .iter()
            .any(|o| o.eq_ignore_ascii_case(last))
}

/// The value of a lower-case Roman numeral up to `xxxix`.
fn roman_value(s: &str) -> Option<u32> {
    const UNITS: [&str; 10] = ["", "i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix"];
    let tens = s.bytes().take_while(|&b| b == b'x').count();
    let unit = UNITS.iter().position(|u| *u == &s[tens..])?;
    (tens <= 3 && tens * 10 + unit > 0).then_some((tens * 10 + unit) as u32)
}

/// Whether the text after a bracketed number goes on a sentence rather than opening a point:
/// a citation of a paragraph that a wrap or a page break put first in a line (`(1) of the
/// Covenant`, `（一）项规定的`, `(2) and (3)`), or a footnote mark (`①，各缔约国`).
fn goes_on_a_sentence(rest: &str) -> bool {
    const WORDS: &[&str] = &[
        "of", "and", "or", "nor", "thereof", "hereof", "above", "below", "shall", "may", "is",
        "are", "was", "were",
    ];
    let rest = rest.trim_start_matches([' ', '\u{3000}']);
    let Some(c) = rest.chars().next() else {
        return false;
    };
    // Punctuation that goes on a sentence; markup (`**`, `[`, `` ` ``) may open a point.
    if ",.;:)]}!?，、。；：）】」』".contains(c) || "项款目条号段".contains(c) {
        return true;
    }
    let word: &str = rest
        .split(|c: char| !c.is_ascii_alphabetic())
        .next()
        .unwrap_or("");
    WORDS.contains(&word)
}

/// Whether a bracketed number opens a phone number, its area code (`(11) 3333-4444`), rather
/// than a point: groups of digits and nothing but digits, spaces and dashes after them to the
/// line's end (`(1) 2021-2023 年` and `(3) 120 000 workers` are points). A line `(c) 2023 …`
/// stays a point: in text with a line a sentence, reading it as a copyright line would join it
/// to the line before.
fn is_phone(numbers: [Option<(PointStyle, u32)>; 2], rest: &str) -> bool {
    let line = rest.lines().next().unwrap_or("").trim();
    let bytes = line.as_bytes();
    let digits = |b: &[u8]| b.iter().take_while(|b| b.is_ascii_digit()).count();
    let lead = digits(bytes);
    matches!(numbers[0], Some((PointStyle::Digits, _)))
        && lead >= 3
        && matches!(bytes.get(lead), Some(b'-' | b' ' | b'.'))
        && digits(&bytes[lead + 1..]) >= 3
        && bytes
            .iter()
            .all(|b| b.is_ascii_digit() || matches!(b, b'-' | b' ' | b'.' | b'/'))
}

/// The point that opens `line`, if one does (see [`Point`]).
pub(crate) fn point_marker(line: &str) -> Option<Point> {
    let first = line.chars().next()?;
    let point = |at: usize, tight: bool, numbers| {
        let rest = &line[at..];
        ((tight || rest.starts_with([' ', '\u{3000}']))
            && !rest.trim().is_empty()
            && !goes_on_a_sentence(rest)
            && !is_phone(numbers, rest))
        .then_some(Point { len: at, numbers })
    };
    if let Some(n) = match first {
        '\u{2460}'..='\u{2473}' => Some(first as u32 - 0x2460 + 1),
        '\u{2776}'..='\u{277F}' => Some(first as u32 - 0x2776 + 1),
        _ => None,
    } {
        return point(
            first.len_utf8(),
            true,
            [Some((PointStyle::Circled, n)), None],
        );
    }
    if matches!(first, '（' | '(') {
        let open = first.len_utf8();
        let inner_len = line[open..]
            .char_indices()
            .find(|&(_, c)| !c.is_alphanumeric() || c.is_uppercase())
            .map_or(line.len() - open, |(i, _)| i);
        let inner = &line[open..open + inner_len];
        let at = open + inner_len;
        let close = if line[at..].starts_with('）') {
            '）'.len_utf8()
        } else if line[at..].starts_with(')') {
            1
        } else {
            return None;
        };
        // Half- or full-width digits, read without a copy: this runs on every bracketed line.
        let digit = |c: char| match c {
            '0'..='9' => Some(c as u32 - '0' as u32),
            '０'..='９' => Some(c as u32 - '０' as u32),
            _ => None,
        };
        let value = inner.chars().try_fold(0u32, |n, c| {
            digit(c).map(|d| n.saturating_mul(10).saturating_add(d))
        });
        let numbers = if let Some(n) = value.filter(|_| !inner.is_empty()) {
            // Up to (99), and not from 0: `(418) 624-4565` and `(02) 9876 5432` open phone
            // numbers, `(2023)` a year.
            let leading_zero = inner.chars().next().and_then(digit) == Some(0);
            if inner.chars().count() > 2 || leading_zero {
                return None;
            }
            [Some((PointStyle::Digits, n)), None]
        } else if let Some(n) = chinese_value(inner) {
            [Some((PointStyle::Chinese, n)), None]
        } else if inner.len() == 1 && inner.bytes().all(|b| b.is_ascii_lowercase()) {
            let letter = (PointStyle::Letter, (inner.as_bytes()[0] - b'a' + 1) as u32);
            [
                Some(letter),
                roman_value(inner).map(|n| (PointStyle::Roman, n)),
            ]
        } else if let Some(n) = roman_value(inner) {
            [Some((PointStyle::Roman, n)), None]
        } else {
            return None;
        };
        // After an ASCII bracket, a space or a Han char: `(1) x` and `(一)员工` open a point,
        // `(1)x` is text.
        let tight =
            first == '（' || close != 1 || line[at + close..].starts_with(crate::lang::is_han);
        return point(at + close, tight, numbers);
    }
    // `1.员工：…`, as Chinese documents number their points, with no space after the dot.
    // Only before a Han char: `1.5%`, `3.Introduction` and `1. Wages` are read elsewhere.
    let digits = line.bytes().take_while(u8::is_ascii_digit).count();
    if (1..=2).contains(&digits)
        && !line.starts_with('0')
        && line[digits..].starts_with('.')
        && line[digits + 1..].starts_with(crate::lang::is_han)
    {
        let n = line[..digits].parse().unwrap_or(0);
        return point(digits + 1, true, [Some((PointStyle::DigitsDot, n)), None]);
    }
    if first.is_ascii_lowercase() && line[1..].starts_with(')') {
        let n = (first as u8 - b'a' + 1) as u32;
        return point(2, false, [Some((PointStyle::LetterParen, n)), None]);
    }
    None
}

/// Chars that mark a list item at a line's start, with or without a space after them: the
/// bullets of word processors, of Chinese reports (`●`, `■`, `・`, `※`) and the private-use
/// Symbol and Wingdings bullets `pdftotext` writes for Word's lists (U+F0B7 and others).
const BULLETS: &[char] = &[
    '•', '▪', '◦', '●', '■', '◆', '◇', '○', '➢', '►', '▶', '✓', '・', '※', '\u{F0B7}', '\u{F0A7}',
    '\u{F0D8}', '\u{F076}', '\u{F0FC}',
];

/// A bullet that opens `line` (see [`BULLETS`]; also `- `, `* `, `+ ` and `· `, which need
/// their space): the byte length of the bullet and the spaces after it, when text follows. A
/// run of one bullet char (`○○公司`, a placeholder name; `■■■`, a rule) is no bullet. En and
/// em dashes are read by [`dash_bullet`], which only some lines may open with.
pub(crate) fn bullet(line: &str) -> Option<usize> {
    let first = line.chars().next()?;
    let after = &line[first.len_utf8()..];
    let spaced = after.starts_with([' ', '\t', '\u{3000}', '\u{A0}']);
    let ok = if first == '○' {
        // Also a zero in Chinese dates (二○二三年), so only with a space after it.
        spaced
    } else if BULLETS.contains(&first) {
        !after.starts_with(first)
    } else {
        matches!(first, '-' | '*' | '+' | '·') && spaced
    };
    let rest = after.trim_start();
    (ok && !rest.trim_end().is_empty()).then(|| line.len() - rest.len())
}

/// An en or em dash and a space that open `line` (`– Water`), as [`bullet`] reads a bullet. A
/// dash also opens a wrapped line of prose (`the rights of workers⏎— including migrants —`), so
/// the readers take it for a bullet only where a list item may start: it opens its block,
/// follows a line that ends its sentence, or follows an item opened with a dash.
pub(crate) fn dash_bullet(line: &str) -> Option<usize> {
    let first = line.chars().next().filter(|&c| matches!(c, '–' | '—'))?;
    let after = &line[first.len_utf8()..];
    if !after.starts_with([' ', '\t', '\u{3000}', '\u{A0}']) {
        return None;
    }
    let rest = after.trim_start();
    (!rest.trim_end().is_empty()).then(|| line.len() - rest.len())
}

/// The length of the point marker that opens `line`, if one does (see [`point_marker`]).
pub(crate) fn numbered_line_marker(line: &str) -> Option<usize> {
    point_marker(line).map(|p| p.len)
}

/// The chars that [`Builder::text_wrapped`] reads as a wrap of the source.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Wraps {
    /// A form feed: a page break that a converter left inside a line.
    FormFeed,
    /// Line breaks and form feeds: in HTML outside `<pre>`, where the source's lines are no
    /// lines of the text.
    Lines,
}

/// Clamps a range into `src` on char boundaries.
fn clamp_range(src: &str, r: Range<usize>) -> Range<usize> {
    let mut s = r.start.min(src.len());
    let mut e = r.end.min(src.len()).max(s);
    while !src.is_char_boundary(s) {
        s -= 1;
    }
    while !src.is_char_boundary(e) {
        e += 1;
    }
    s..e
}

/// Appends `decoded` (which stands at `range` of `src`) to a clean text, with verbatim runs
/// wherever it is a copy of the source.
pub(crate) fn push_text(
    src: &str,
    text: &mut String,
    map: &mut OffsetMap,
    range: Range<usize>,
    decoded: &str,
) {
    let orig = &src[range.clone()];
    if orig == decoded {
        map.push(text.len(), decoded.len(), range.start, decoded.len());
        text.push_str(decoded);
        return;
    }
    if orig.len() == decoded.len() {
        // Same length but different text would read as verbatim: keep the source text instead.
        map.push(text.len(), orig.len(), range.start, orig.len());
        text.push_str(orig);
    } else {
        // A character reference or escape: the decoded text maps to its source span as a whole.
        map.push(text.len(), decoded.len(), range.start, orig.len());
        text.push_str(decoded);
    }
}

/// The part `r` of a clean text's map, re-based to start at 0.
pub(crate) fn sub_map(map: &OffsetMap, r: Range<usize>) -> OffsetMap {
    sub_map_from(map, r, &mut 0)
}

/// [`sub_map`] for parts taken in text order. `first_run` is the index of a run of `map` at or
/// before the part's first one, and is moved on to that run: the next part, starting at or
/// after this one, is looked for from there, so that many parts of one map read its runs about
/// once in all instead of once per part.
pub(crate) fn sub_map_from(map: &OffsetMap, r: Range<usize>, first_run: &mut usize) -> OffsetMap {
    let runs = map.runs();
    // A step at a time: consecutive parts (a text with a cut every few bytes) mostly start in
    // the run where the last one did or in the next.
    while runs
        .get(*first_run)
        .is_some_and(|x| x.clean_start + x.clean_len <= r.start)
    {
        *first_run += 1;
    }
    let mut out = OffsetMap::new();
    // Runs are in clean order and do not overlap: those from here that start before the part's
    // end are the ones it overlaps.
    for run in runs[*first_run..]
        .iter()
        .take_while(|x| x.clean_start < r.end)
    {
        let (cs, ce) = (run.clean_start, run.clean_start + run.clean_len);
        let (s, e) = (cs.max(r.start), ce.min(r.end));
        if s >= e {
            continue;
        }
        if run.clean_len == run.orig_len {
            out.push(s - r.start, e - s, run.orig_start + (s - cs), e - s);
        } else {
            out.push(s - r.start, e - s, run.orig_start, run.orig_len);
        }
    }
    out
}

/// Whether a char is an ideograph, or a radical standing for one in text extracted from a PDF.
fn is_ideograph(c: char) -> bool {
    crate::lang::is_han(c) || crate::normalize::RADICALS.contains(&(c as u32))
}

/// The spaces of letter-spaced Chinese in a clean text, as byte ranges: PDFs of spaced-out
/// headings (`目  录`, `人 权 政 策`) and justified lines put spaces between ideographs, which
/// would keep every word apart. A run of spaces (ASCII or ideographic, no line break) counts
/// when the ideographs on both sides stand alone: no ideograph before the one before it, nor
/// after the one after it. Spaces between words of two or more ideographs (`人权 政策`) stay, and
/// so does a run holding one of the `hard` spaces (clean offsets: a table-cell boundary, a `<br>`).
fn letter_spacing(text: &str, hard: &[usize]) -> Vec<Range<usize>> {
    let bytes = text.as_bytes();
    let is_space = |c: char| matches!(c, ' ' | '\u{3000}' | '\u{A0}');
    let ideograph = |c: Option<char>| c.is_some_and(is_ideograph);
    // A text with no byte an ideograph can hold (the first byte of U+3000..U+9FFF, of U+F900..,
    // of the planes above, or the second of a radical's U+2E80..U+2FFF) has no Chinese to be
    // spaced out: an English text (a space every few bytes) is passed over in one sweep that the
    // compiler vectorizes. Curly quotes and dashes (E2 80 ..) hold none of them.
    if !bytes.chunks(64).any(|c| {
        c.iter().fold(false, |any, &b| {
            any | matches!(b, 0xBA..=0xBF | 0xE3..=0xE9 | 0xEF | 0xF0)
        })
    }) {
        return Vec::new();
    }
    // Spaces (ASCII, U+3000, whose first byte 0xE3 starts CJK punctuation too, or a no-break
    // space, `人&nbsp;&nbsp;权`) that follow a char of three or more bytes (an ASCII letter rules
    // most out at once), found with a vectorized search: most of a Chinese text has no space to
    // look at.
    let starts = memchr::memchr3_iter(b' ', 0xE3, 0xC2, bytes).filter(|&i| {
        i >= 3
            && bytes[i - 1] >= 0x80
            && match bytes[i] {
                b' ' => true,
                0xE3 => bytes.get(i + 1..i + 3) == Some(&[0x80, 0x80]),
                _ => bytes.get(i + 1) == Some(&0xA0),
            }
    });
    let mut cuts: Vec<Range<usize>> = Vec::new();
    for Range { start, end } in runs(text, starts, is_space) {
        let mut before = text[..start].chars().rev();
        let mut after = text[end..].chars();
        let alone_before = ideograph(before.next()) && !ideograph(before.next());
        let alone_after = ideograph(after.next()) && !ideograph(after.next());
        if alone_before && alone_after && !holds_hard(hard, &(start..end)) {
            cuts.push(start..end);
        }
    }
    cuts
}

/// The runs of chars that `is` holds for, each from one of the offsets `starts` (char
/// boundaries, in order) to the first char it does not hold for; an offset inside an earlier run
/// is passed over.
fn runs<'a>(
    text: &'a str,
    starts: impl IntoIterator<Item = usize> + 'a,
    is: impl Fn(char) -> bool + 'a,
) -> impl Iterator<Item = Range<usize>> + 'a {
    let mut done = 0;
    starts.into_iter().filter_map(move |start| {
        if start < done {
            return None;
        }
        done = text[start..]
            .find(|c: char| !is(c))
            .map_or(text.len(), |run| start + run);
        Some(start..done)
    })
}

/// `text` without the byte ranges `cuts` (in order, not overlapping).
fn unspaced(text: &str, cuts: &[Range<usize>]) -> String {
    let mut out = String::with_capacity(text.len());
    let mut from = 0;
    for c in cuts {
        out.push_str(&text[from..c.start]);
        from = c.end;
    }
    out.push_str(&text[from..]);
    out
}

/// Whether a clean text leaves a char out: the invisible chars of [`crate::normalize::is_invisible`]
/// but the joiners and the emoji presentation selector, which belong to emoji sequences and to
/// the spelling of some scripts.
fn is_dropped(c: char) -> bool {
    crate::normalize::is_invisible(c) && !matches!(c, '\u{200C}' | '\u{200D}' | '\u{FE0F}')
}

/// The invisible chars of a clean text that read as nothing, as byte ranges: PDF exports and
/// web pages leave zero-width spaces, soft hyphens, direction marks and BOMs inside words
/// (`强迫\u{200B}劳动`, `for\u{AD}ced`), which would cut them in two for search. A zero-width
/// space between two Latin letters or digits stays, since it separates two words there; a soft
/// hyphen at a line wrap between two letters goes with the wrap (`recom\u{AD}⏎mend`). A `hard`
/// space (clean offset) is never removed.
fn invisible_chars(text: &str, hard: &[usize]) -> Vec<Range<usize>> {
    let bytes = text.as_bytes();
    // Every dropped char starts with C2 (U+00AD), E1 (U+180E), E2 (U+200B..U+2069) or is the BOM
    // (EF BB BF); the first three are lead bytes only, so each hit is a char boundary.
    // Built once: building a searcher per text cost more than the searches.
    static BOM: std::sync::LazyLock<memchr::memmem::Finder<'static>> =
        std::sync::LazyLock::new(|| memchr::memmem::Finder::new("\u{FEFF}"));
    let mut starts: Vec<usize> = memchr::memchr3_iter(0xC2, 0xE1, 0xE2, bytes)
        .chain(BOM.find_iter(bytes))
        .filter(|&i| text[i..].chars().next().is_some_and(is_dropped))
        .collect();
    if starts.is_empty() {
        return Vec::new();
    }
    starts.sort_unstable();
    let latin = |c: Option<char>| c.is_some_and(crate::lang::is_word_char);
    let letter = |c: Option<char>| c.is_some_and(char::is_alphabetic);
    let mut cuts: Vec<Range<usize>> = Vec::new();
    let visible = |c: &char| !crate::normalize::is_invisible(*c);
    // The visible chars around each run, found in one pass over the text however many runs a
    // stretch of invisible chars holds (`a` + `\u{200B}\u{200D}` × n + `b`): the last visible
    // char before the scanned point, and the next visible one with its offset.
    let (mut scanned, mut last_visible) = (0usize, None);
    let mut next_visible: Option<(usize, Option<char>)> = None;
    for Range { start, mut end } in runs(text, starts, is_dropped) {
        let before = text[..start].chars().next_back();
        let dropped = &text[start..end];
        // Between two Latin words (past any joiner next to it), a zero-width space stays as
        // their separator; the rest of its run goes (`for\u{AD}\u{200B}ced` reads `for\u{200B}ced`).
        let apart = dropped.contains('\u{200B}')
            && {
                if let Some(c) = text[scanned..start].chars().rev().find(visible) {
                    last_visible = Some(c);
                }
                scanned = start;
                latin(last_visible)
            }
            && {
                let next = match next_visible {
                    Some((at, c)) if at >= end => c,
                    _ => {
                        let found = text[end..].char_indices().find(|(_, c)| visible(c));
                        let at = found.map_or(text.len(), |(i, _)| end + i);
                        let c = found.map(|(_, c)| c);
                        next_visible = Some((at, c));
                        c
                    }
                };
                latin(next)
            };
        if apart {
            let mut at = start;
            for (i, c) in dropped.char_indices() {
                if c == '\u{200B}' {
                    if at < start + i {
                        cuts.push(at..start + i);
                    }
                    at = start + i + c.len_utf8();
                }
            }
            if at < end {
                cuts.push(at..end);
            }
            continue;
        }
        if dropped.ends_with('\u{AD}') && letter(before) {
            let wrap = text[end..]
                .find(|c: char| !c.is_whitespace())
                .unwrap_or(text.len() - end);
            let space = end..end + wrap;
            if text[space.clone()].matches('\n').count() == 1
                && letter(text[space.end..].chars().next())
                && !holds_hard(hard, &space)
            {
                end = space.end;
            }
        }
        cuts.push(start..end);
    }
    cuts
}

/// `hard` offsets of a text as they stand once the byte ranges `cuts` (in order, not
/// overlapping, none holding a hard offset) are removed.
fn shifted(hard: &[usize], cuts: &[Range<usize>]) -> Vec<usize> {
    // Both in order: one pass over each.
    let mut cuts = cuts.iter().peekable();
    let mut removed = 0;
    hard.iter()
        .map(|&h| {
            while let Some(c) = cuts.next_if(|c| c.end <= h) {
                removed += c.len();
            }
            h - removed
        })
        .collect()
}

/// Removes the [`invisible_chars`] and then the [`letter_spacing`] of a clean text, keeping its
/// map in step: what is left still maps to its own source chars, and a word read across the
/// removed chars maps to the source span that holds them.
fn unspace(text: String, map: OffsetMap, hard: &[usize]) -> (String, OffsetMap) {
    let cuts = invisible_chars(&text, hard);
    let (text, map, hard) = if cuts.is_empty() {
        (text, map, std::borrow::Cow::Borrowed(hard))
    } else {
        let (text, map) = without(&text, &map, &cuts);
        (text, map, std::borrow::Cow::Owned(shifted(hard, &cuts)))
    };
    let cuts = letter_spacing(&text, &hard);
    if cuts.is_empty() {
        return (text, map);
    }
    without(&text, &map, &cuts)
}

/// `text` without the [`invisible_chars`] a clean text leaves out: a search query pasted from a
/// PDF export (`"强迫\u{200B}劳动"`) asks for what the index holds.
pub(crate) fn without_invisible(text: &str) -> std::borrow::Cow<'_, str> {
    let cuts = invisible_chars(text, &[]);
    if cuts.is_empty() {
        std::borrow::Cow::Borrowed(text)
    } else {
        std::borrow::Cow::Owned(unspaced(text, &cuts))
    }
}

/// The most chars of a section's name in a section path ([`Builder::open_section`]).
pub(crate) const MAX_SECTION_NAME: usize = 200;

/// A heading's clean text as a section name, on one line: a heading wrapped in its source
/// (`<h2>Human⏎  rights</h2>`, a two-line setext heading) keeps its line breaks in the passage's
/// text, where offsets need them, but a section path is shown on one line and stored joined by a
/// control char ([`crate::index::schema::SECTION_SEP`]). A run of white space or control chars
/// becomes one space, or nothing where a line break falls between Han chars (`基本⏎原则`).
pub(crate) fn section_name(text: &str) -> String {
    let gap = |c: char| c.is_whitespace() || c.is_control();
    if !text.contains(|c: char| gap(c) && c != ' ') && !text.contains("  ") {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text.trim_matches(gap);
    while let Some(at) = rest.find(gap) {
        out.push_str(&rest[..at]);
        let after = rest[at..].trim_start_matches(gap);
        let run = &rest[at..rest.len() - after.len()];
        let han = |c: Option<char>| c.is_some_and(crate::lang::is_han);
        let wrapped = run.contains(['\n', '\r', '\u{2028}', '\u{2029}'])
            && han(out.chars().next_back())
            && han(after.chars().next());
        if !wrapped {
            out.push(' ');
        }
        rest = after;
    }
    out.push_str(rest);
    out
}

/// A name (a bold lead-in) read as [`unspace`] reads a clean text, trimmed.
fn unspaced_name(name: &str) -> String {
    let name = without_invisible(name);
    let name = name.trim();
    unspaced(name, &letter_spacing(name, &[]))
}

/// Whether one of the sorted offsets `hard` lies in `r`.
fn holds_hard(hard: &[usize], r: &Range<usize>) -> bool {
    hard.get(hard.partition_point(|&h| h < r.start))
        .is_some_and(|&h| h < r.end)
}

/// A clean text and its map without the byte ranges `cuts` (in order, not overlapping, not empty).
fn without(text: &str, map: &OffsetMap, cuts: &[Range<usize>]) -> (String, OffsetMap) {
    // The kept parts: before the first cut, between cuts, after the last.
    let starts = std::iter::once(0).chain(cuts.iter().map(|c| c.end));
    let ends = cuts
        .iter()
        .map(|c| c.start)
        .chain(std::iter::once(text.len()));
    let mut out_map = OffsetMap::new();
    let mut kept = 0;
    // The parts come in text order: each one's runs are looked for from the last one's.
    let mut first_run = 0;
    for part in starts.zip(ends).map(|(s, e)| s..e) {
        for run in sub_map_from(map, part.clone(), &mut first_run).runs() {
            out_map.push(
                kept + run.clean_start,
                run.clean_len,
                run.orig_start,
                run.orig_len,
            );
        }
        kept += part.len();
    }
    (unspaced(text, cuts), out_map)
}

/// [`unspace`] for a free text (a line of `hria tag --stdin`): `None` when it has no letter
/// spacing, else the text without it and the map back to `text`.
pub(crate) fn unspace_free_text(text: &str) -> Option<(String, OffsetMap)> {
    let cuts = letter_spacing(text, &[]);
    if cuts.is_empty() {
        return None;
    }
    let mut map = OffsetMap::new();
    map.push(0, text.len(), 0, text.len());
    Some(without(text, &map, &cuts))
}

/// Trims whitespace off a clean text, keeping its map in step.
pub(crate) fn trim(text: String, map: OffsetMap) -> (String, OffsetMap) {
    let t = text.trim();
    if t.len() == text.len() {
        return (text, map);
    }
    let s = text.len() - text.trim_start().len();
    (t.to_string(), sub_map(&map, s..s + t.len()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn article_numbers_are_read_in_any_numerals() {
        assert_eq!(after_article_number("第一百零五条 为了"), Some(" 为了"));
        assert_eq!(after_article_number("第3条"), Some(""));
        assert_eq!(after_article_number("第三章 总则"), None);
        assert_eq!(after_article_number("第条"), None);
        assert_eq!(numeral_len("十二）"), "十二".len());
        assert_eq!(numeral_len("员工"), 0);
    }

    #[test]
    fn section_names_are_one_line() {
        assert_eq!(
            section_name("Human\n  rights policy"),
            "Human rights policy"
        );
        assert_eq!(section_name("基本\n原则"), "基本原则");
        assert_eq!(section_name("第一章 总则"), "第一章 总则");
        assert_eq!(section_name("第一章\n总则"), "第一章总则");
        assert_eq!(section_name("A\u{1f}B\tC"), "A B C");
        assert_eq!(
            section_name("Our commitment to\r\nremedy"),
            "Our commitment to remedy"
        );
        assert_eq!(section_name("Home › About"), "Home › About");
    }

    /// A clean text and its map from `(decoded, source)` pieces laid one after another in the
    /// source, as [`push_text`] maps them: a piece that reads as its source is verbatim, any
    /// other maps to its source span as a whole.
    fn clean(pieces: &[(&str, &str)]) -> (String, OffsetMap) {
        let src: String = pieces.iter().map(|p| p.1).collect();
        let (mut text, mut map, mut at) = (String::new(), OffsetMap::new(), 0);
        for &(decoded, source) in pieces {
            push_text(&src, &mut text, &mut map, at..at + source.len(), decoded);
            at += source.len();
        }
        (text, map)
    }

    /// [`sub_map`] computed plainly, from all the runs of `map`.
    fn sub_map_by_scan(map: &OffsetMap, r: Range<usize>) -> OffsetMap {
        let mut out = OffsetMap::new();
        for run in map.runs() {
            let (cs, ce) = (run.clean_start, run.clean_start + run.clean_len);
            let (s, e) = (cs.max(r.start), ce.min(r.end));
            if s >= e {
                continue;
            }
            if run.clean_len == run.orig_len {
                out.push(s - r.start, e - s, run.orig_start + (s - cs), e - s);
            } else {
                out.push(s - r.start, e - s, run.orig_start, run.orig_len);
            }
        }
        out
    }

    /// [`without`] computed plainly: every kept part's map read off all the runs of `map`.
    fn without_by_scan(text: &str, map: &OffsetMap, cuts: &[Range<usize>]) -> (String, OffsetMap) {
        let mut out = OffsetMap::new();
        let (mut kept, mut from) = (0, 0);
        let ends = cuts.iter().map(|c| (c.start, c.end));
        for (end, next) in ends.chain([(text.len(), text.len())]) {
            for run in sub_map_by_scan(map, from..end).runs() {
                out.push(
                    kept + run.clean_start,
                    run.clean_len,
                    run.orig_start,
                    run.orig_len,
                );
            }
            kept += end - from;
            from = next;
        }
        (unspaced(text, cuts), out)
    }

    /// Removes the invisible chars and then the letter spacing as [`unspace`] does, checking
    /// each step against [`without_by_scan`]; returns how many cuts the two steps made.
    fn check_unspace(text: &str, map: &OffsetMap) -> (usize, usize) {
        let cuts = invisible_chars(text, &[]);
        let (text, map) = if cuts.is_empty() {
            (text.to_string(), map.clone())
        } else {
            let got = without(text, map, &cuts);
            assert_eq!(got, without_by_scan(text, map, &cuts));
            got
        };
        let spacing = letter_spacing(&text, &[]);
        if !spacing.is_empty() {
            assert_eq!(
                without(&text, &map, &spacing),
                without_by_scan(&text, &map, &spacing)
            );
        }
        (cuts.len(), spacing.len())
    }

    #[test]
    fn without_maps_letter_spaced_text_as_a_scan_of_all_runs_does() {
        // `人&nbsp;权&nbsp;…`: a run per char, and a cut at every other one.
        let unit = [
            ("人", "人"),
            ("\u{A0}", "&nbsp;"),
            ("权", "权"),
            ("\u{A0}", "&nbsp;"),
        ];
        let (text, map) = clean(&unit.repeat(500));
        assert_eq!(check_unspace(&text, &map), (0, 999));
        // Spaced words and verbatim spaces between, with an entity inside a word.
        let unit = [
            ("人 权 ", "人 权 "),
            ("政", "&#x653F;"),
            (" 策　", " 策　"),
            ("人权 政策 ", "人权 政策 "),
        ];
        let (text, map) = clean(&unit.repeat(300));
        assert!(check_unspace(&text, &map).1 > 300);
    }

    #[test]
    fn without_maps_zero_width_chars_as_a_scan_of_all_runs_does() {
        // Zero-width chars verbatim and as references, between ideographs and between Latin
        // letters (where a zero-width space stays), with letter spacing after them.
        let unit = [
            ("人\u{200B} 权\u{200B} ", "人\u{200B} 权\u{200B} "),
            ("强", "强"),
            ("\u{200B}", "&#x200B;"),
            ("迫 a\u{200B}\u{AD}b ", "迫 a\u{200B}\u{AD}b "),
            ("\u{FEFF}", "&#xFEFF;"),
            ("劳\u{AD}动 ", "劳&shy;动 "),
        ];
        let (text, map) = clean(&unit.repeat(300));
        let (invisible, spacing) = check_unspace(&text, &map);
        assert!(invisible > 1_000 && spacing >= 300, "{invisible} {spacing}");
    }

    #[test]
    fn without_maps_any_cuts_as_a_scan_of_all_runs_does() {
        // Cuts at every few chars, inside runs that map only as a whole, and next to each other
        // (an empty part between them).
        let unit = [
            ("a&b", "a&amp;b"),
            ("cd", "cd"),
            ("\u{A0}", "&nbsp;"),
            ("éf", "&eacute;f"),
        ];
        let (text, map) = clean(&unit.repeat(50));
        let bounds: Vec<usize> = text.char_indices().map(|(i, _)| i).collect();
        for step in [2, 3, 5, 7] {
            let cuts: Vec<Range<usize>> = bounds
                .chunks(step)
                .filter(|c| c.len() == step)
                .map(|c| c[0]..c[1])
                .collect();
            assert_eq!(
                without(&text, &map, &cuts),
                without_by_scan(&text, &map, &cuts)
            );
            // Two cuts meeting: every other part is empty.
            if step < 3 {
                continue;
            }
            let cuts: Vec<Range<usize>> = bounds
                .chunks(step)
                .filter(|c| c.len() == step)
                .flat_map(|c| [c[0]..c[1], c[1]..c[2]])
                .collect();
            assert_eq!(
                without(&text, &map, &cuts),
                without_by_scan(&text, &map, &cuts)
            );
        }
    }

    #[test]
    fn sub_maps_of_parts_in_order_are_the_parts_sub_maps() {
        let unit = [
            ("x", "x"),
            ("&", "&amp;"),
            ("yz", "yz"),
            ("\u{A0}", "&nbsp;"),
        ];
        let (text, map) = clean(&unit.repeat(100));
        let mut first_run = 0;
        for start in (0..text.len()).step_by(3) {
            let r = start..(start + 5).min(text.len());
            assert_eq!(
                sub_map_from(&map, r.clone(), &mut first_run),
                sub_map_by_scan(&map, r)
            );
        }
    }
}
