//! `hria search`.

use super::common;
use hria::index::open_reader;
use hria::model::Lang;
use hria::query::search::{self, SearchError, SearchRequest};
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

/// Output format.
#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// Human-readable blocks.
    Table,
    /// One JSON object per hit.
    Jsonl,
    /// One row per hit with a fixed header, for a spreadsheet.
    Csv,
}

/// The header of `--format csv`: the hit's rank and score, its document (id, title and manifest
/// entry), the passage (id, section, kind, language, byte range in the document's decoded text),
/// its tags and covered instruments, the snippet with the matched words in `[[...]]`, and the
/// passage's text.
pub const CSV_HEADER: &str = "rank,score,doc,title,org,doc_kind,year,passage,section,kind,lang,\
                              start,end,tags,covers,snippet,text";

/// Arguments of `hria search`.
#[derive(clap::Args, Debug)]
pub struct Args {
    /// Query in tantivy syntax: words (ANDed), "phrases", OR, NOT / -word, field:value. `*`
    /// matches every passage (use with filters); an empty query is an error, so that an unset
    /// shell variable does not silently ask for the whole index.
    pub query: String,
    /// Only passages tagged TAG or a tag under it, by whole path segments: `right/labour`, not
    /// `right/lab` (repeatable; all must hold). An instrument tag (`instrument/PALERMO`,
    /// `instrument`) matches passages that cite or cover it. An unknown tag is an error.
    #[arg(long, value_name = "TAG")]
    pub tag: Vec<String>,
    /// Only passages that cite INSTRUMENT by name, not those that only cover it (e.g. ICCPR or
    /// instrument/ICCPR; repeatable).
    #[arg(long, value_name = "INSTRUMENT")]
    pub cited: Vec<String>,
    /// Only passages of these documents (ids as indexed; repeat or separate with commas; an id
    /// with a comma in it is taken whole; an id the index does not hold is an error; one
    /// starting with `-`, from a file name, is taken as written).
    #[arg(long = "doc", value_name = "ID", allow_hyphen_values = true)]
    pub docs: Vec<String>,
    /// Documents selected by their manifest entry.
    #[command(flatten)]
    pub documents: common::DocFilterArgs,
    /// Only passages in this language (zh, en, other).
    #[arg(long, value_parser = parse_lang)]
    pub lang: Option<Lang>,
    /// Maximum number of hits (0 gives none; more than the index holds gives all).
    #[arg(long, default_value_t = 10)]
    pub limit: usize,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Table)]
    pub format: Format,
    /// Start CSV output with a UTF-8 byte-order mark (for Excel).
    #[arg(long)]
    pub bom: bool,
    /// Index directory.
    #[arg(long, value_name = "DIR", default_value = common::DEFAULT_INDEX)]
    pub index: PathBuf,
    /// Taxonomy in use (default: built-in); a warning is printed when the index used another.
    #[arg(long, value_name = "FILE")]
    pub taxonomy: Option<PathBuf>,
}

fn parse_lang(s: &str) -> Result<Lang, String> {
    Lang::parse(s).ok_or_else(|| format!("unknown language {s:?} (zh, en or other)"))
}

/// Says how many of the matching passages are shown.
fn shown(hits: usize, total: u64) -> String {
    if hits == 0 {
        format!("{total} matching passage(s), none shown (--limit 0)")
    } else {
        format!("{hits} of {total} matching passages shown; --limit N shows more")
    }
}

/// A hit's tags as the table and the CSV list them: those it names or matched, then the
/// instruments it covers. Covered instruments are inferred, not named: listed apart so that an
/// analyst does not read them as citations. A step stated only as planned, pledged or expected of
/// suppliers says so (`hrdd/remedy (planned)`), so that it does not read as one taken.
fn tag_lists(tags: &[hria::model::Tag]) -> [Vec<String>; 2] {
    let id = |t: &hria::model::Tag| {
        if t.planned {
            format!("{} (planned)", t.tag)
        } else {
            t.tag.clone()
        }
    };
    let (covered, named): (Vec<_>, Vec<_>) = tags
        .iter()
        .partition(|t| t.basis == hria::model::Basis::Covered);
    [
        named.into_iter().map(id).collect(),
        covered.into_iter().map(id).collect(),
    ]
}

/// The table's lines of a hit's tags ([`tag_lists`]): `tags:`, then `covers (not named):`. A list
/// that is empty has no line.
fn tag_lines(tags: &[hria::model::Tag]) -> Vec<String> {
    ["tags", "covers (not named)"]
        .into_iter()
        .zip(tag_lists(tags))
        .filter(|(_, v)| !v.is_empty())
        .map(|(label, v)| format!("{label}: {}", v.join(", ")))
        .collect()
}

/// The hits as CSV records under [`CSV_HEADER`], in rank order. Cells are escaped as the table's
/// lines are and hold no line break, as `gaps --format csv` keeps them: CSV goes to a terminal as
/// often as to a spreadsheet, which shows a break inside a cell poorly. `start` and `end` locate
/// the passage in its source, as `hria explain` does.
fn csv_rows(hits: &[search::Hit]) -> String {
    use super::coverage::{csv_line, csv_text};
    use hria::query::reader::{printable_id, printable_section};
    let mut out = String::from(CSV_HEADER);
    out.push_str("\r\n");
    for (i, h) in hits.iter().enumerate() {
        let [named, covered] = tag_lists(&h.tags);
        let id = |v: Option<&str>| v.map(|v| printable_id(v).into_owned()).unwrap_or_default();
        let cells = [
            (i + 1).to_string(),
            format!("{:.3}", h.score),
            printable_id(&h.doc).into_owned(),
            printable_id(&h.title).into_owned(),
            id(h.organisation.as_deref()),
            id(h.doc_kind.as_deref()),
            h.year.map(|y| y.to_string()).unwrap_or_default(),
            printable_id(&h.id).into_owned(),
            printable_section(&h.section),
            h.kind.clone(),
            h.lang.clone(),
            h.range.start.to_string(),
            h.range.end.to_string(),
            named.join("; "),
            covered.join("; "),
            csv_text(&search::mark(&h.snippet, &h.highlights, "[[", "]]")),
            csv_text(&h.text),
        ];
        csv_line(&mut out, &cells);
    }
    out
}

/// What to tell a user whose query began with an exclusion (`hria search -remedy`), which clap
/// reads as an unknown option: its own tip names the wrong token (`-- -r`). `None` for any other
/// parse error, which clap reports as it does.
pub fn exclusion_hint(err: &clap::Error, args: &[String]) -> Option<String> {
    use clap::error::{ContextKind, ContextValue, ErrorKind};
    if err.kind() != ErrorKind::UnknownArgument || args.get(1).map(String::as_str) != Some("search")
    {
        return None;
    }
    let Some(ContextValue::String(arg)) = err.get(ContextKind::InvalidArg) else {
        return None;
    };
    // The token as given: clap names `-r` of `-remedy`.
    let at = args
        .iter()
        .skip(2)
        .position(|a| a.starts_with(arg.as_str()) && !a.starts_with("--"))?
        + 2;
    let given = &args[at];
    // A second word not quoted with the first (`hria search forced labour`): clap reads it as
    // an unexpected argument, with no dash to blame.
    if !given.starts_with('-') {
        let before = args[..at]
            .iter()
            .skip(2)
            .rev()
            .take_while(|a| !a.starts_with('-'))
            .map(String::as_str)
            .collect::<Vec<_>>();
        let mut query: Vec<&str> = before.into_iter().rev().collect();
        query.push(given);
        return Some(format!(
            "`{given}` is one word too many: quote the whole query (`'{}'`)",
            query.join(" ")
        ));
    }
    let mut words = query_tokens(given).into_iter();
    let first = words.next()?;
    // An operator left at the front once the exclusion moves to the end joins nothing.
    let rest: Vec<&str> = words
        .skip_while(|w| matches!(*w, "AND" | "OR" | "&&" | "||"))
        .collect();
    let word = first.trim_start_matches('-');
    // Only exclusions: their mirror would be refused too.
    if !rest.is_empty() && rest.iter().all(|w| w.starts_with('-')) {
        let not: Vec<String> = std::iter::once(first)
            .chain(rest.iter().copied())
            .map(|w| format!("NOT {}", w.trim_start_matches('-')))
            .collect();
        return Some(format!(
            "`{given}` was read as an option: exclusions alone match nothing: write `'* {}'` \
             for the passages without those words",
            not.join(" ")
        ));
    }
    (given.len() > 2).then(|| {
        if rest.is_empty() {
            format!(
                "`{given}` was read as an option: quote the whole query, with what an exclusion \
                 excludes from before it (`'audit {given}'`); alone it matches nothing: write \
                 `'* NOT {word}'` for the passages without the word"
            )
        } else {
            format!(
                "`{given}` was read as an option: put a word before the exclusion (`'{} {first}'`)",
                rest.join(" ")
            )
        }
    })
}

/// The terms of a query split at whitespace, a `"phrase"` or a `(group)` kept whole: moved
/// about whole, they parse as they did.
fn query_tokens(query: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let (mut start, mut depth, mut quoted) = (None, 0usize, false);
    for (i, c) in query.char_indices() {
        match c {
            '"' => quoted = !quoted,
            '(' if !quoted => depth += 1,
            ')' if !quoted => depth = depth.saturating_sub(1),
            _ => {}
        }
        if c.is_whitespace() && !quoted && depth == 0 {
            if let Some(s) = start.take() {
                out.push(&query[s..i]);
            }
        } else if start.is_none() {
            start = Some(i);
        }
    }
    if let Some(s) = start {
        out.push(&query[s..]);
    }
    out
}

/// Runs `hria search`.
pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    // A query of spaces or of chars that read as nothing (a zero-width space, a BOM) is empty.
    if args
        .query
        .chars()
        .all(|c| c.is_whitespace() || hria::normalize::is_invisible(c))
    {
        report!("hria: empty query: give words to search for, or `*` for every passage");
        return Ok(ExitCode::from(common::EXIT_ERROR));
    }
    let bom = super::coverage::csv_bom(args.bom, args.format == Format::Csv);
    let handle = open_reader(&args.index)?;
    let taxonomy = super::taxonomy::load(args.taxonomy.as_deref())?;
    if let Some(w) = handle
        .taxonomy_warning(&taxonomy)
        .or_else(|| handle.pipeline_warning())
    {
        report!("hria: warning: {w}");
    }
    let mut req = SearchRequest {
        query: args.query.clone(),
        tags: args.tag.clone(),
        cited: args.cited.clone(),
        // Split as `coverage` and `gaps` split them.
        docs: hria::query::select::doc_ids(&args.docs, |d| {
            handle.document(d).is_ok_and(|r| r.is_some())
        }),
        documents: args.documents.filter(),
        lang: args.lang,
        limit: args.limit,
        snippet_chars: 0,
    };
    let checked = search::check_filters(&handle, &taxonomy, &mut req);
    // Say which instrument a name stands for (`ICC` is the Rome Statute): the hits don't show it.
    for (given, id) in args.cited.iter().zip(&req.cited) {
        if given != id && !id.eq_ignore_ascii_case(&format!("instrument/{given}")) {
            report!("hria: --cited `{given}` is {id}");
        }
    }
    let search::Found { hits, total } = match checked.and_then(|()| search::search(&handle, &req)) {
        Ok(found) => found,
        Err(e @ (SearchError::Query { .. } | SearchError::Filter(_))) => {
            // A filter's message quotes the value given, as main's messages quote theirs.
            report!("hria: {}", hria::query::reader::printable(&e.to_string()));
            return Ok(ExitCode::from(common::EXIT_ERROR));
        }
        Err(e) => return Err(e.into()),
    };
    let mut out = std::io::stdout().lock();
    match args.format {
        Format::Jsonl => {
            for h in &hits {
                serde_json::to_writer(&mut out, h)?;
                writeln!(out)?;
            }
        }
        Format::Csv => {
            out.write_all(bom.as_bytes())?;
            out.write_all(csv_rows(&hits).as_bytes())?;
        }
        Format::Table => {
            let colour = common::colour_stdout();
            let (open, close) = if colour {
                ("\x1b[1;33m", "\x1b[0m")
            } else {
                ("[[", "]]")
            };
            for (i, h) in hits.iter().enumerate() {
                // On one line, as ids are (a title may be a file name's stem, tabs and all).
                let title = hria::query::reader::printable_id(if h.title.is_empty() {
                    &h.doc
                } else {
                    &h.title
                });
                // Who published it, what and when: what an analyst compares documents by.
                // Escaped as the title is: a manifest's value with a line break in it would
                // start a line of its own.
                let about: Vec<String> = [h.organisation.as_deref(), h.doc_kind.as_deref()]
                    .into_iter()
                    .flatten()
                    .map(|v| hria::query::reader::printable_id(v).into_owned())
                    .chain(h.year.map(|y| y.to_string()))
                    .collect();
                let about = if about.is_empty() {
                    String::new()
                } else {
                    format!(" [{}]", about.join(", "))
                };
                writeln!(
                    out,
                    "{}. {}{} ({})  score {:.2}",
                    i + 1,
                    title,
                    about,
                    hria::query::reader::printable_id(&h.doc),
                    h.score
                )?;
                if !h.section.is_empty() {
                    writeln!(
                        out,
                        "   § {}",
                        hria::query::reader::printable_section(&h.section)
                    )?;
                }
                writeln!(
                    out,
                    "   {} {} {}",
                    hria::query::reader::printable_id(&h.id),
                    h.kind,
                    h.lang
                )?;
                for line in tag_lines(&h.tags) {
                    writeln!(out, "   {line}")?;
                }
                let snippet = search::mark(&h.snippet, &h.highlights, open, close);
                writeln!(out, "   {}", snippet.replace('\n', " "))?;
            }
            // The count always ends the table, 0 included, so that a script reads it the same way.
            let gap = if hits.is_empty() { "" } else { "\n" };
            if (hits.len() as u64) < total {
                writeln!(out, "{gap}{}", shown(hits.len(), total))?;
            } else {
                writeln!(out, "{gap}{total} matching passage(s)")?;
            }
        }
    }
    // The machine formats' stdout holds hits only: a cut list is said on stderr.
    if args.format != Format::Table && (hits.len() as u64) < total {
        report!("hria: {}", shown(hits.len(), total));
    }
    if total == 0 {
        for line in topic_hint(&handle, &taxonomy, &req)? {
            report!("hria: {line}");
        }
    }
    // Passages in a language the taxonomy has no keywords for carry next to no tags: a tag
    // filter leaves out what they say on the topic, and the count alone would not tell.
    if (!req.tags.is_empty() || !req.cited.is_empty())
        && matches!(req.lang, None | Some(hria::model::Lang::Other))
    {
        let untagged = SearchRequest {
            tags: Vec::new(),
            cited: Vec::new(),
            lang: Some(hria::model::Lang::Other),
            limit: 0,
            ..req.clone()
        };
        if let Ok(found) = search::search(&handle, &untagged) {
            if found.total > 0 {
                report!(
                    "hria: note: {} passage(s) in languages other than Chinese and English match the query; the taxonomy has keywords in Chinese and English only, so a tag filter finds few of them: search them without --tag or --cited",
                    found.total
                );
            }
        }
    }
    Ok(ExitCode::from(common::EXIT_OK))
}

/// The words of a query, its syntax and its exclusions left out: `"forced labour" AND -child
/// NOT slavery title:x` reads `forced labour title x`. Tagged, they say what the query is about.
fn query_words(query: &str) -> String {
    let mut words = Vec::new();
    let mut negated = false;
    for w in query_tokens(query) {
        if std::mem::take(&mut negated) || w.starts_with('-') {
            continue;
        }
        match w {
            "NOT" => negated = true,
            "AND" | "OR" | "&&" | "||" => {}
            _ => words.push(w.trim_start_matches('+')),
        }
    }
    words
        .join(" ")
        .replace(['"', '(', ')', '^', '~', '*', ':', '[', ']', '{', '}'], " ")
}

/// What to tell a user whose query matched nothing: the taxonomy entries its words name that tag
/// passages under the same filters, each with the search that finds them. Words are matched in
/// one language, tags in every: `forced labour` finds no word of a Chinese statement, but its
/// entry tags the statement's 强迫劳动 passages. Empty where the words name no entry, or none
/// that tags a passage here.
fn topic_hint(
    handle: &hria::index::IndexHandle,
    taxonomy: &hria::taxonomy::Taxonomy,
    req: &SearchRequest,
) -> anyhow::Result<Vec<String>> {
    let words = query_words(&req.query);
    if words.trim().is_empty() {
        return Ok(Vec::new());
    }
    let tagger = hria::tag::Tagger::try_new_light(taxonomy)?;
    let mut ids: Vec<String> = tagger
        .tag_text(&words, None)
        .into_iter()
        // A stance is no topic to look for.
        .filter(|t| t.basis != hria::model::Basis::Covered && !t.tag.starts_with("stance/"))
        .map(|t| t.tag)
        .collect();
    ids.dedup();
    let mut found = Vec::new();
    for id in ids {
        let mut by_tag = req.clone();
        by_tag.query = "*".into();
        by_tag.tags.push(id.clone());
        by_tag.limit = 0;
        let n = search::search(handle, &by_tag)?.total;
        if n > 0 {
            found.push(format!(
                "  {id}: {n} passage(s): `hria search '*' --tag {id}`"
            ));
        }
    }
    if !found.is_empty() {
        found.insert(
            0,
            "no passage holds these words under the options given, but they name topics that \
             the index tags in every language (counted under the same options; add them to the \
             search shown):"
                .into(),
        );
    }
    Ok(found)
}

#[cfg(test)]
mod tests {
    use hria::model::{Basis, Tag};

    fn tag(id: &str, basis: Basis) -> Tag {
        Tag {
            tag: id.into(),
            score: 0.6,
            basis,
            planned: false,
            evidence: Vec::new(),
        }
    }

    /// What a query excludes is not what it is about.
    #[test]
    fn query_words_leave_out_syntax_and_exclusions() {
        assert_eq!(
            super::query_words(r#""forced labour" AND -child NOT slavery -(a OR b) title:x"#)
                .split_whitespace()
                .collect::<Vec<_>>(),
            ["forced", "labour", "title", "x"]
        );
    }

    /// Phrases and groups stay whole, so that a hint moving them about keeps them parsing.
    #[test]
    fn query_tokens_keep_phrases_and_groups_whole() {
        assert_eq!(
            super::query_tokens(r#"-"forced labour" audit (a OR  b) "x (y""#),
            [r#"-"forced labour""#, "audit", "(a OR  b)", r#""x (y""#]
        );
        assert_eq!(super::query_tokens("  a  b "), ["a", "b"]);
    }

    /// A step only planned says so, where a step taken does not.
    #[test]
    fn tag_lines_mark_planned_steps() {
        let mut pledged = tag("hrdd/remedy", Basis::Matched);
        pledged.planned = true;
        let taken = tag("hrdd/tracking", Basis::Matched);
        assert_eq!(
            super::tag_lines(&[pledged, taken]),
            ["tags: hrdd/remedy (planned), hrdd/tracking"]
        );
    }

    /// A hit whose tags are all covered instruments has no empty `tags:` line.
    #[test]
    fn tag_lines_leave_out_an_empty_list() {
        let covered = tag("instrument/ILO-FPRW", Basis::Covered);
        let matched = tag("right/labour/forced-labour", Basis::Matched);
        assert_eq!(
            super::tag_lines(std::slice::from_ref(&covered)),
            ["covers (not named): instrument/ILO-FPRW"]
        );
        assert_eq!(
            super::tag_lines(&[matched.clone(), covered]),
            [
                "tags: right/labour/forced-labour",
                "covers (not named): instrument/ILO-FPRW"
            ]
        );
        assert_eq!(
            super::tag_lines(&[matched]),
            ["tags: right/labour/forced-labour"]
        );
        assert!(super::tag_lines(&[]).is_empty());
    }
}
