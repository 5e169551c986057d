//! `hria tag`: tag documents, or JSON Lines passages from stdin, against the taxonomy.

use super::common::{report_skips, InputArgs, EXIT_OK, EXIT_PARTIAL};
use anyhow::Context;
use hria::model::{Lang, Tag};
use hria::tag::{Tagger, DEFAULT_THRESHOLD};
use hria::taxonomy::Taxonomy;
use rayon::prelude::*;
use serde::Serialize;
use std::borrow::Cow;
use std::io::{BufRead, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Output format of `hria tag`.
#[derive(clap::ValueEnum, Debug, Clone, Copy, PartialEq, Eq)]
pub enum OutputFormat {
    /// One line per passage: id, then its tags with basis and score.
    Table,
    /// One JSON object per passage, with tags and evidence.
    Jsonl,
}

/// Arguments of `hria tag`.
#[derive(clap::Args, Debug)]
pub struct Args {
    #[command(flatten)]
    pub input: InputArgs,
    /// Read JSON Lines `{"id": ..., "text": ..., "lang": ...}` from stdin instead of files, and
    /// write one JSON line `{"id": ..., "tags": [...]}` per input line, in input order.
    #[arg(long, conflicts_with_all = ["paths", "encoding", "follow", "max_file_size", "format"])]
    pub stdin: bool,
    /// Output format (files only; `--stdin` always writes JSON Lines).
    #[arg(long, value_enum, default_value_t = OutputFormat::Table)]
    pub format: OutputFormat,
    /// Taxonomy file to use instead of the built-in one.
    #[arg(long, value_name = "FILE")]
    pub taxonomy: Option<PathBuf>,
    /// Drop tags scoring below this (0 to 1).
    #[arg(long, value_name = "X", default_value_t = DEFAULT_THRESHOLD)]
    pub threshold: f32,
}

/// Loads `--taxonomy FILE`, or the built-in taxonomy.
pub fn load_taxonomy(path: Option<&Path>) -> anyhow::Result<Cow<'static, Taxonomy>> {
    super::taxonomy::load(path)
}

/// Builds the tagger for `--taxonomy` and `--threshold`.
pub fn build_tagger(taxonomy: &Taxonomy, threshold: f32) -> anyhow::Result<Tagger> {
    if !(0.0..=1.0).contains(&threshold) {
        anyhow::bail!("--threshold must be between 0 and 1, got {threshold}");
    }
    Ok(Tagger::try_new(taxonomy)?.with_threshold(threshold))
}

/// Runs `hria tag`.
pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let taxonomy = load_taxonomy(args.taxonomy.as_deref())?;
    let tagger = build_tagger(&taxonomy, args.threshold)?;
    if args.stdin {
        let stdin = std::io::stdin();
        let stdout = std::io::stdout();
        let mut out = std::io::BufWriter::new(stdout.lock());
        // A closed pipe ends the output: the lines skipped so far are still reported.
        let bad = tag_stream(&tagger, stdin.lock(), &mut out)?;
        super::common::pipe_closed(out.flush().map_err(Into::into))?;
        for b in &bad {
            report!("hria: stdin line {}: {}", b.0, b.1);
        }
        if !bad.is_empty() {
            report!("hria: {} line(s) skipped", bad.len());
            return Ok(ExitCode::from(EXIT_PARTIAL));
        }
        return Ok(ExitCode::from(EXIT_OK));
    }
    tag_files(&args, &tagger)
}

/// One passage of `hria tag --format jsonl`.
#[derive(Serialize)]
struct PassageOut<'a> {
    id: &'a str,
    doc: &'a str,
    section: &'a [String],
    kind: &'a str,
    lang: Lang,
    range: std::ops::Range<usize>,
    tags: &'a [Tag],
}

fn tag_files(args: &Args, tagger: &Tagger) -> anyhow::Result<ExitCode> {
    let opts = args.input.options();
    opts.validate()?;
    let (candidates, mut skips) = hria::ingest::walk(&args.input.paths(), &opts);
    let segmenter = hria::segment::Segmenter::shared();
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let render = |doc: &hria::model::Document, buf: &mut dyn Write| -> anyhow::Result<()> {
        for tp in hria::pipeline::tagged(doc, segmenter, tagger) {
            let p = &tp.passage;
            match args.format {
                OutputFormat::Jsonl => {
                    let line = PassageOut {
                        id: &p.id,
                        doc: &p.doc,
                        section: &p.section,
                        kind: p.kind.as_str(),
                        lang: p.lang,
                        range: p.range.clone(),
                        tags: &tp.tags,
                    };
                    serde_json::to_writer(&mut *buf, &line)?;
                    writeln!(buf)?;
                }
                OutputFormat::Table => {
                    let tags: Vec<String> = tp
                        .tags
                        .iter()
                        .map(|t| {
                            // A step only planned says so, as `search` does.
                            let planned = if t.planned { ", planned" } else { "" };
                            format!("{} ({} {:.2}{planned})", t.tag, basis_word(t), t.score)
                        })
                        .collect();
                    let tags = if tags.is_empty() {
                        "-".to_string()
                    } else {
                        tags.join(", ")
                    };
                    writeln!(
                        buf,
                        "{}\t{}",
                        hria::query::reader::printable_id(&p.id),
                        tags
                    )?;
                }
            }
        }
        Ok(())
    };
    let rendered = super::common::render_in_order(&candidates, &opts, render, &mut out, &mut skips);
    if !super::common::pipe_closed(rendered)? {
        super::common::pipe_closed(out.flush().map_err(Into::into))?;
    }
    report_skips(&skips);
    Ok(ExitCode::from(if skips.is_empty() {
        EXIT_OK
    } else {
        EXIT_PARTIAL
    }))
}

fn basis_word(t: &Tag) -> &'static str {
    match t.basis {
        hria::model::Basis::Cited => "cited",
        hria::model::Basis::Covered => "covered",
        hria::model::Basis::Matched => "matched",
    }
}

/// One input line of `hria tag --stdin`.
#[derive(serde::Deserialize)]
struct InLine<'a> {
    /// Kept as written, so that a number id (`123456789012345678901234`, `1e2`) comes back
    /// as it was given, not as a float.
    #[serde(borrow)]
    id: Option<&'a serde_json::value::RawValue>,
    text: Option<serde_json::Value>,
    #[serde(default)]
    lang: Option<String>,
}

/// One output line of `hria tag --stdin`.
#[derive(Serialize)]
struct OutLine<'a> {
    id: &'a serde_json::value::RawValue,
    tags: Vec<Tag>,
}

/// Lines tagged in parallel at a time: enough to keep the cores busy, few enough to stream.
const CHUNK: usize = 256;

/// A longer input line is skipped with its reason, without holding it: a stream without line
/// breaks (`< /dev/zero`) would otherwise grow without bound. As large as the largest file
/// `hria tag` reads by default.
pub const MAX_LINE: usize = 64 << 20;

/// Reads one line of at most [`MAX_LINE`] bytes into `buf`. A longer one is read to its end
/// without being kept and `buf` holds only its first [`MAX_LINE`] bytes; returns the bytes read
/// and whether the line was cut.
pub fn read_capped_line(
    input: &mut impl BufRead,
    buf: &mut Vec<u8>,
) -> std::io::Result<(usize, bool)> {
    use std::io::Read;
    let n = input
        .by_ref()
        .take(MAX_LINE as u64 + 1)
        .read_until(b'\n', buf)?;
    if buf.len() <= MAX_LINE || buf.ends_with(b"\n") {
        return Ok((n, false));
    }
    buf.truncate(MAX_LINE);
    let mut total = n;
    loop {
        let avail = input.fill_buf()?;
        if avail.is_empty() {
            break;
        }
        let (used, end) = match avail.iter().position(|&b| b == b'\n') {
            Some(i) => (i + 1, true),
            None => (avail.len(), false),
        };
        input.consume(used);
        total += used;
        if end {
            break;
        }
    }
    Ok((total, true))
}

/// Tags JSON Lines from `input` to `out`, in input order, chunk by chunk. Returns the malformed
/// lines as `(1-based line number, reason)`; they produce no output.
pub fn tag_stream(
    tagger: &Tagger,
    mut input: impl BufRead,
    out: &mut impl Write,
) -> anyhow::Result<Vec<(usize, String)>> {
    let mut bad = Vec::new();
    let mut line_no = 0;
    let mut done = false;
    while !done {
        let mut chunk: Vec<(usize, Vec<u8>)> = Vec::with_capacity(CHUNK);
        while chunk.len() < CHUNK {
            let mut buf = Vec::new();
            let (n, cut) = read_capped_line(&mut input, &mut buf).context("reading stdin")?;
            if n == 0 {
                done = true;
                break;
            }
            line_no += 1;
            if cut {
                bad.push((
                    line_no,
                    format!("longer than {} MiB: skipped", MAX_LINE >> 20),
                ));
                continue;
            }
            if buf.starts_with(b"\xEF\xBB\xBF") {
                // A UTF-8 byte-order mark (files saved by Windows tools, each of files joined
                // with `cat`) is not part of the JSON.
                buf.drain(..3);
            }
            chunk.push((line_no, buf));
        }
        let results: Vec<Result<String, String>> = chunk
            .par_iter()
            .map(|(_, bytes)| tag_line(tagger, bytes))
            .collect();
        for ((n, _), r) in chunk.iter().zip(results) {
            match r {
                Ok(line) => {
                    if super::common::pipe_closed(writeln!(out, "{line}").map_err(Into::into))? {
                        return Ok(bad);
                    }
                }
                Err(reason) => bad.push((*n, reason)),
            }
        }
        if super::common::pipe_closed(out.flush().map_err(Into::into))? {
            return Ok(bad);
        }
    }
    Ok(bad)
}

/// Tags one input line, giving the output JSON or the reason it is malformed.
fn tag_line(tagger: &Tagger, bytes: &[u8]) -> Result<String, String> {
    let s = std::str::from_utf8(bytes).map_err(|e| format!("not valid UTF-8: {e}"))?;
    let s = s.trim();
    if s.is_empty() {
        return Err("empty line".into());
    }
    let not_object = || "each line must be a JSON object {\"id\": ..., \"text\": ...}".to_string();
    let line: InLine = serde_json::from_str(s).map_err(|e| match e.classify() {
        serde_json::error::Category::Data if !s.starts_with('{') => not_object(),
        serde_json::error::Category::Data => format!("invalid line: {e}"),
        _ => format!("invalid JSON: {e}"),
    })?;
    // A struct also parses from an array (`[1, 2]`).
    if !s.starts_with('{') {
        return Err(not_object());
    }
    let id = match line.id {
        // A string or a number, as written.
        // A string is echoed as written, so it must be one a reader can parse back: a lone
        // surrogate escape (`"a\ud800"`) is none.
        Some(v) if v.get().starts_with('"') => {
            serde_json::from_str::<String>(v.get())
                .map_err(|e| format!("\"id\" is not a valid string: {e}"))?;
            v
        }
        Some(v)
            if v.get()
                .starts_with(|c: char| c == '-' || c.is_ascii_digit()) =>
        {
            v
        }
        Some(_) => return Err("\"id\" must be a string or a number".into()),
        None => return Err("missing \"id\"".into()),
    };
    let text = match line.text {
        Some(serde_json::Value::String(t)) => t,
        Some(_) => return Err("\"text\" must be a string".into()),
        None => return Err("missing \"text\"".into()),
    };
    let lang = line.lang.as_deref().and_then(Lang::parse);
    let tags = tagger.tag_text(&text, lang);
    serde_json::to_string(&OutLine { id, tags }).map_err(|e| format!("cannot write: {e}"))
}
