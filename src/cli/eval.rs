//! `hria eval`: score the tagger against labelled passages.

use super::common::{EXIT_ERROR, EXIT_OK, EXIT_PARTIAL};
use super::tag::{build_tagger, load_taxonomy};
use hria::eval::{
    counted, parse_gold, score_files, unknown_tags, Example, GoldLine, Report, Scores,
};
use hria::model::Tag;
use hria::query::reader::printable_id;
use hria::tag::{Tagger, DEFAULT_THRESHOLD};
use rayon::prelude::*;
use serde::Serialize;
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

/// Output format of `hria eval`.
#[derive(clap::ValueEnum, Debug, Clone, Copy, PartialEq, Eq)]
pub enum OutputFormat {
    /// Tables per file, then a combined summary.
    Table,
    /// One JSON document with every report.
    Json,
}

/// Arguments of `hria eval`.
#[derive(clap::Args, Debug)]
pub struct Args {
    /// Gold files (JSON Lines: id, text, lang, expected, judged).
    #[arg(required = true, value_name = "GOLD.jsonl")]
    pub gold: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = OutputFormat::Table)]
    pub format: OutputFormat,
    /// How many worst false positives and false negatives to show, each.
    #[arg(long, value_name = "N", default_value_t = 5)]
    pub worst: usize,
    /// Taxonomy file to use instead of the built-in one.
    #[arg(long, value_name = "FILE")]
    pub taxonomy: Option<PathBuf>,
    /// Drop tags scoring below this (0 to 1).
    #[arg(long, value_name = "X", default_value_t = DEFAULT_THRESHOLD)]
    pub threshold: f32,
    /// Count covered instruments as predictions too (by default only cited and matched tags).
    #[arg(long)]
    pub include_covered: bool,
}

/// The report of one file, as printed.
#[derive(Serialize)]
struct FileReport {
    file: String,
    skipped_lines: usize,
    #[serde(flatten)]
    report: Report,
}

/// Everything `--format json` prints.
#[derive(Serialize)]
struct JsonOut {
    files: Vec<FileReport>,
    #[serde(skip_serializing_if = "Option::is_none")]
    combined: Option<Report>,
    unknown_tags: Vec<String>,
}

/// Runs `hria eval`.
pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let taxonomy = load_taxonomy(args.taxonomy.as_deref())?;
    let tagger = build_tagger(&taxonomy, args.threshold)?;
    let mut partial = false;
    let mut files: Vec<FileReport> = Vec::new();
    let mut all_lines: Vec<(usize, GoldLine)> = Vec::new();
    // The file of each line of `all_lines`, by its index in `files`.
    let mut all_files: Vec<usize> = Vec::new();
    let mut all_preds: Vec<Vec<Tag>> = Vec::new();
    // Where each judged tag first appears, to point at a tag the taxonomy lacks.
    let mut first_seen: std::collections::HashMap<String, String> =
        std::collections::HashMap::new();
    let mut read_files = std::collections::HashSet::new();
    for path in &args.gold {
        // For messages; the report (JSON's `file` too) keeps the name as given.
        let shown = super::common::shown_path(path);
        let src = match read_gold_file(path) {
            Ok(s) => s,
            Err(e) => {
                report!("hria: {shown}: {e}");
                partial = true;
                continue;
            }
        };
        let gold = parse_gold(&src);
        for b in &gold.bad {
            report!("hria: {shown}:{}: {}", b.line, b.reason);
        }
        warn_inconsistent(&shown, &gold.lines);
        if let Ok(real) = std::fs::canonicalize(path) {
            if !read_files.insert(real) {
                report!("hria: warning: {shown}: given twice: its lines are counted twice");
            }
        }
        partial |= !gold.bad.is_empty();
        let name = path.display().to_string();
        if gold.lines.is_empty() {
            // Nothing scored: a wrong or empty file would otherwise pass as all zeros.
            let why = if gold.bad.is_empty() {
                "it holds no line (an empty file?)"
            } else {
                "every line of it was skipped"
            };
            report!("hria: warning: {shown}: nothing to score: {why}");
            partial = true;
        }
        let preds = predict(&tagger, &gold.lines);
        let names = vec![name.as_str(); gold.lines.len()];
        let report = score_with(
            &gold.lines,
            &names,
            &preds,
            args.worst,
            args.include_covered,
        );
        all_files.extend(std::iter::repeat_n(files.len(), gold.lines.len()));
        files.push(FileReport {
            file: name,
            skipped_lines: gold.bad.len(),
            report,
        });
        for (n, l) in &gold.lines {
            for t in &l.judged {
                // A lookup first: cloning every judged tag of every line cost an allocation each.
                if !first_seen.contains_key(t) {
                    first_seen.insert(t.clone(), format!("{shown}:{n}"));
                }
            }
        }
        all_lines.extend(gold.lines);
        all_preds.extend(preds);
    }
    if files.is_empty() {
        report!("hria: no gold file could be read");
        return Ok(ExitCode::from(EXIT_ERROR));
    }
    let unknown = unknown_tags(all_lines.iter().map(|(_, l)| l), &taxonomy);
    for t in &unknown {
        let at = first_seen
            .get(t)
            .map_or(String::new(), |w| format!("{w}: "));
        report!(
            "hria: warning: {at}judged tag {t:?} is not in the taxonomy: no prediction can match it, so every line expecting it counts as missed"
        );
    }
    // Scored, but not as asked: the exit code says so, as for a skipped line.
    partial |= !unknown.is_empty();
    let combined = (files.len() > 1).then(|| {
        let names: Vec<&str> = all_files.iter().map(|&f| files[f].file.as_str()).collect();
        score_with(
            &all_lines,
            &names,
            &all_preds,
            args.worst,
            args.include_covered,
        )
    });
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let written = (|| -> anyhow::Result<()> {
        match args.format {
            OutputFormat::Json => {
                let json = JsonOut {
                    files,
                    combined,
                    unknown_tags: unknown,
                };
                serde_json::to_writer_pretty(&mut out, &json)?;
                writeln!(out)?;
            }
            OutputFormat::Table => {
                for f in &files {
                    print_report(&mut out, &f.file, &f.report, f.skipped_lines)?;
                }
                if let Some(c) = &combined {
                    writeln!(out, "== combined ({} files)", files.len())?;
                    print_averages(&mut out, c)?;
                }
            }
        }
        out.flush()?;
        Ok(())
    })();
    // A closed pipe ends the output; the exit code still says what was skipped.
    super::common::pipe_closed(written)?;
    Ok(ExitCode::from(if partial { EXIT_PARTIAL } else { EXIT_OK }))
}

/// A gold file larger than this is refused: it is read whole, and a device or a stream without
/// end (`/dev/zero`) would otherwise fill the memory.
const MAX_GOLD: u64 = 256 << 20;

/// Reads a gold file whole, up to [`MAX_GOLD`] bytes; a pipe or a process substitution works.
/// Warns of gold lines that contradict themselves, which are scored as written: a tag expected
/// under a judged parent the line does not expect (a prediction of the child is a match of the
/// parent, so a false positive), and ids given to more than one line. The first of each kind
/// is named, with how many there are.
fn warn_inconsistent(shown: &str, lines: &[(usize, GoldLine)]) {
    let mut parent_missing = lines.iter().filter_map(|(n, g)| {
        g.expected.iter().find_map(|e| {
            g.judged
                .iter()
                .find(|j| {
                    e.strip_prefix(j.as_str())
                        .is_some_and(|r| r.starts_with('/'))
                        && !g.expected.contains(j)
                })
                .map(|j| (*n, e, j))
        })
    });
    if let Some((n, e, j)) = parent_missing.next() {
        let more = parent_missing.count();
        report!(
            "hria: warning: {shown}:{n}: expects {e} and judges {j} without expecting it, so a prediction of {e} counts as a false positive of {j}{}",
            if more > 0 { format!(" ({more} more such line(s))") } else { String::new() }
        );
    }
    let mut seen = std::collections::HashMap::new();
    let mut dups = lines.iter().filter_map(|(n, g)| {
        seen.insert(g.id.as_str(), *n)
            .map(|first| (first, *n, &g.id))
    });
    if let Some((first, n, id)) = dups.next() {
        let more = dups.count();
        report!(
            "hria: warning: {shown}:{n}: id {} is also on line {first}; both are scored{}",
            printable_id(id),
            if more > 0 {
                format!(" ({more} more repeated id(s))")
            } else {
                String::new()
            }
        );
    }
}

fn read_gold_file(path: &std::path::Path) -> std::io::Result<Vec<u8>> {
    use std::io::Read;
    let mut src = Vec::new();
    std::fs::File::open(path)?
        .take(MAX_GOLD + 1)
        .read_to_end(&mut src)?;
    if src.len() as u64 > MAX_GOLD {
        return Err(std::io::Error::other(format!(
            "larger than {} MiB: a gold file is read whole, so it is not scored",
            MAX_GOLD >> 20
        )));
    }
    Ok(src)
}

fn predict(tagger: &Tagger, lines: &[(usize, GoldLine)]) -> Vec<Vec<Tag>> {
    lines
        .par_iter()
        .map(|(_, l)| tagger.tag_text(&l.text, l.lang))
        .collect()
}

fn score_with(
    lines: &[(usize, GoldLine)],
    files: &[&str],
    preds: &[Vec<Tag>],
    worst: usize,
    include_covered: bool,
) -> Report {
    let refs: Vec<Vec<&Tag>> = preds.iter().map(|p| counted(p, include_covered)).collect();
    score_files(lines, files, &refs, worst)
}

fn row(out: &mut impl Write, name: &str, s: &Scores) -> std::io::Result<()> {
    writeln!(
        out,
        "{:<44} {:>6} {:>6} {:>6} {:>6.3} {:>6.3} {:>6.3}",
        name, s.tp, s.fp, s.fn_, s.precision, s.recall, s.f1
    )
}

fn header(out: &mut impl Write) -> std::io::Result<()> {
    writeln!(
        out,
        "{:<44} {:>6} {:>6} {:>6} {:>6} {:>6} {:>6}",
        "tag", "TP", "FP", "FN", "P", "R", "F1"
    )
}

fn print_averages(out: &mut impl Write, r: &Report) -> std::io::Result<()> {
    header(out)?;
    row(out, "macro", &r.macro_avg)?;
    row(out, "micro", &r.micro_avg)?;
    writeln!(out)
}

fn print_report(
    out: &mut impl Write,
    file: &str,
    r: &Report,
    skipped: usize,
) -> std::io::Result<()> {
    writeln!(
        out,
        "== {}: {} lines scored, {skipped} skipped",
        printable_id(file),
        r.lines
    )?;
    header(out)?;
    for (tag, s) in &r.tags {
        row(out, &printable_id(tag), s)?;
    }
    row(out, "macro", &r.macro_avg)?;
    row(out, "micro", &r.micro_avg)?;
    print_examples(out, "worst false positives", &r.worst_fp)?;
    print_examples(out, "worst false negatives", &r.worst_fn)?;
    writeln!(out)
}

fn print_examples(out: &mut impl Write, title: &str, ex: &[Example]) -> std::io::Result<()> {
    if ex.is_empty() {
        return Ok(());
    }
    writeln!(out, "-- {title}")?;
    // Gold text and what matched in it are escaped as ids are, line breaks and tabs included:
    // each example is one line, and a control char of a third party's text must not restyle
    // or rewrite the terminal.
    for e in ex {
        let what = match (&e.predicted, e.score) {
            (Some(p), Some(s)) => format!(
                " predicted {} {s:.2} by {}",
                printable_id(p),
                printable_id(&e.evidence.join("; "))
            ),
            _ => String::new(),
        };
        writeln!(
            out,
            "{} (line {}) {}{what}",
            printable_id(&e.id),
            e.line,
            printable_id(&e.tag)
        )?;
        writeln!(out, "    {}", printable_id(&shorten(&e.text, 200)))?;
    }
    Ok(())
}

/// The first `max` chars of a text, with `…` when cut.
fn shorten(text: &str, max: usize) -> String {
    match text.char_indices().nth(max) {
        Some((i, _)) => format!("{}…", &text[..i]),
        None => text.to_string(),
    }
}
