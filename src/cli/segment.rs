//! `hria segment`: print the passages (and optionally the words) of documents.

use super::common::{self, InputArgs};
use hria::model::Passage;
use hria::segment::Segmenter;
use std::io::Write;
use std::process::ExitCode;

/// Output format of `hria segment`.
#[derive(clap::ValueEnum, Debug, Clone, Copy, PartialEq, Eq)]
pub enum OutFormat {
    /// One readable block per passage.
    Table,
    /// One JSON object per passage and line.
    Jsonl,
}

/// Arguments of `hria segment`.
#[derive(clap::Args, Debug)]
pub struct Args {
    /// What to read.
    #[command(flatten)]
    pub input: InputArgs,
    /// Output format.
    #[arg(long, value_enum, default_value_t = OutFormat::Table)]
    pub format: OutFormat,
    /// Also print each passage's words with their byte ranges in the clean text.
    #[arg(long)]
    pub tokens: bool,
}

/// Runs `hria segment`.
pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let opts = args.input.options();
    opts.validate()?;
    let (candidates, mut skips) = hria::ingest::walk(&args.input.paths(), &opts);
    let segmenter = Segmenter::shared();
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let render = |doc: &hria::model::Document, buf: &mut dyn Write| {
        for p in segmenter.passages(doc) {
            match args.format {
                OutFormat::Jsonl => write_json(buf, &p, args.tokens)?,
                OutFormat::Table => write_table(buf, &p, args.tokens)?,
            }
        }
        Ok(())
    };
    let rendered = common::render_in_order(&candidates, &opts, render, &mut out, &mut skips);
    if !common::pipe_closed(rendered)? {
        common::pipe_closed(out.flush().map_err(Into::into))?;
    }
    common::report_skips(&skips);
    Ok(ExitCode::from(if skips.is_empty() {
        common::EXIT_OK
    } else {
        common::EXIT_PARTIAL
    }))
}

/// One passage of `--format jsonl`, its fields in this order.
#[derive(serde::Serialize)]
struct PassageOut<'a> {
    id: &'a str,
    doc: &'a str,
    section: &'a [String],
    kind: hria::model::PassageKind,
    lang: hria::model::Lang,
    range: &'a std::ops::Range<usize>,
    text: &'a str,
    sentences: &'a [std::ops::Range<usize>],
    #[serde(skip_serializing_if = "Option::is_none")]
    tokens: Option<&'a [hria::model::Token]>,
}

fn write_json(out: &mut (impl Write + ?Sized), p: &Passage, tokens: bool) -> anyhow::Result<()> {
    let line = PassageOut {
        id: &p.id,
        doc: &p.doc,
        section: &p.section,
        kind: p.kind,
        lang: p.lang,
        range: &p.range,
        text: &p.text,
        sentences: &p.sentences,
        tokens: tokens.then_some(&p.tokens[..]),
    };
    serde_json::to_writer(&mut *out, &line)?;
    writeln!(out)?;
    Ok(())
}

fn write_table(out: &mut (impl Write + ?Sized), p: &Passage, tokens: bool) -> anyhow::Result<()> {
    writeln!(out, "{}", hria::query::reader::printable_id(&p.id))?;
    writeln!(
        out,
        "  {} · {} · {} · bytes {}..{} · {}",
        hria::query::reader::printable_id(&p.doc),
        p.kind.as_str(),
        p.lang,
        p.range.start,
        p.range.end,
        if p.section.is_empty() {
            "(no section)".to_string()
        } else {
            hria::query::reader::printable_section(&p.section)
        }
    )?;
    writeln!(
        out,
        "  {}",
        hria::query::reader::printable(&p.text).replace('\n', "\n  ")
    )?;
    if tokens {
        let words: Vec<String> = p
            .tokens
            .iter()
            .map(|t| format!("{}@{}", t.term, t.range.start))
            .collect();
        writeln!(out, "  words: {}", words.join(" "))?;
    }
    writeln!(out)?;
    Ok(())
}
