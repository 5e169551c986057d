//! `hria index`.

use super::common::{self, InputArgs};
use hria::index::writer::{self, BuildOptions, BuildSummary, Event};
use indicatif::{ProgressBar, ProgressStyle};
use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

/// Output format of the summary.
#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// Human-readable lines on stderr.
    Table,
    /// One JSON object on stdout.
    Json,
}

/// Arguments of `hria index`.
#[derive(clap::Args, Debug)]
pub struct Args {
    #[command(flatten)]
    pub input: InputArgs,
    /// Index directory.
    #[arg(long, value_name = "DIR", default_value = common::DEFAULT_INDEX)]
    pub index: PathBuf,
    /// Worker threads, 1 to 256 (default: all cores).
    #[arg(long, value_name = "N",
          value_parser = clap::value_parser!(u16).range(1..=common::MAX_THREADS as i64))]
    pub threads: Option<u16>,
    /// Re-read every document and replace the index's content in one commit (in place; an index
    /// of another layout, or a damaged one, is replaced by a fresh one), instead of updating it.
    #[arg(long)]
    pub rebuild: bool,
    /// No progress bar.
    #[arg(long, short)]
    pub quiet: bool,
    /// Summary format.
    #[arg(long, value_enum, default_value_t = Format::Table)]
    pub format: Format,
    /// Taxonomy file to tag with (default: the built-in taxonomy).
    #[arg(long, value_name = "FILE")]
    pub taxonomy: Option<PathBuf>,
    /// Index writer memory budget per thread, in MiB (15 to 4000).
    #[arg(long, value_name = "MB", default_value_t = 50,
          value_parser = clap::value_parser!(u64).range(15..=4000))]
    pub memory_budget: u64,
    /// Test hook, hidden from the help: hold the index lock this many milliseconds before
    /// working, after printing a line saying so. The lock and kill tests use it to have a run
    /// hold the lock (or be part-way) at a known moment; it changes nothing else.
    #[arg(long, hide = true, value_name = "MS")]
    pub hold_lock_ms: Option<u64>,
    /// Debug: print peak memory (VmHWM) to stderr at the end.
    #[arg(long, hide = true)]
    pub report_rss: bool,
}

fn progress_bar(quiet: bool) -> ProgressBar {
    if quiet || !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let pb = ProgressBar::new(0);
    pb.set_style(
        ProgressStyle::with_template(
            "{spinner} [{elapsed_precise}] {bar:30} {bytes}/{total_bytes} {binary_bytes_per_sec} ETA {eta} {msg}",
        )
        .unwrap_or_else(|_| ProgressStyle::default_bar()),
    );
    pb.enable_steady_tick(Duration::from_millis(200));
    pb
}

fn print_table(s: &BuildSummary, index: &std::path::Path) {
    use hria::ingest::SkipKind;
    // A degraded document is indexed, and a manifest problem loses no document: neither is
    // counted as a skipped input.
    let count = |f: fn(SkipKind) -> bool| s.skipped.iter().filter(|k| f(k.kind)).count();
    let degraded = count(|k| k == SkipKind::Degraded);
    let manifest = count(|k| k == SkipKind::Manifest);
    let skipped = s.skipped.len() - degraded - manifest;
    let mut others = String::new();
    if degraded > 0 {
        others.push_str(&format!(
            ", {degraded} degraded (indexed despite a problem reported above)"
        ));
    }
    if manifest > 0 {
        others.push_str(&format!(", {manifest} manifest problem(s)"));
    }
    report!(
        "hria: index {}: {} indexed, {} unchanged, {} removed, {} skipped{others}; {} passages, {} tags{}",
        common::shown_path(index),
        s.indexed,
        s.unchanged,
        s.removed,
        skipped,
        s.passages,
        s.tags,
        match (s.taxonomy_changed, s.pipeline_changed) {
            (true, _) => " (taxonomy changed: documents tagged with another are re-tagged)",
            (false, true) => {
                " (made by another version of hria: documents it made are read again)"
            }
            _ => "",
        }
    );
    report!(
        "hria: {:.2} MB in {:.2} s ({:.2} MB/s); index holds {} documents, {} passages{}",
        s.bytes as f64 / 1e6,
        s.elapsed_s,
        s.mb_per_s,
        s.total_documents,
        s.total_passages,
        if s.committed {
            ""
        } else {
            " (nothing to commit)"
        }
    );
    if s.other_language_documents > 0 {
        report!(
            "hria: note: {}",
            other_language_note(s.other_language_documents, "")
        );
    }
}

/// What an analyst must know of `n` documents (named in `list`, when given) in a language the
/// taxonomy has no keywords for.
pub(crate) fn other_language_note(n: u64, list: &str) -> String {
    let list = if list.is_empty() {
        String::new()
    } else {
        format!(" ({list})")
    };
    format!(
        "{n} document(s){list} in a language other than Chinese and English, which the taxonomy has no keywords for: coverage and gaps cannot tell what they address, their tags coming only from words the languages share; search still finds their words"
    )
}

/// Peak resident memory of this process in kB, from /proc (Linux only).
fn peak_rss_kb() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

/// Runs `hria index`.
pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let ingest = args.input.options();
    ingest.validate()?;
    let roots = args.input.paths();
    // Only a path the user names is taken to be deleted when it is missing: the default folder
    // missing (renamed, or the command run in another folder) is an error, as it always was.
    if args.input.paths.is_empty() {
        for root in &roots {
            if let Err(e) = std::fs::metadata(root) {
                anyhow::bail!("cannot index {}: {e}", common::shown_path(root));
            }
        }
    }
    let taxonomy = super::taxonomy::load(args.taxonomy.as_deref())?;
    let opts = BuildOptions {
        dir: args.index.clone(),
        roots,
        ingest,
        threads: args.threads.map_or(0, usize::from),
        // The range above keeps this well inside usize and tantivy's limit (under 4 GiB).
        memory_budget_per_thread: (args.memory_budget as usize) << 20,
        rebuild: args.rebuild,
        taxonomy: &taxonomy,
        hold_lock: args.hold_lock_ms.map(Duration::from_millis),
    };
    let pb = progress_bar(args.quiet);
    let docs = AtomicU64::new(0);
    let passages = AtomicU64::new(0);
    let total_docs = AtomicU64::new(0);
    let started = std::time::Instant::now();
    let hold = args.hold_lock_ms;
    let on_event = |e: Event| match e {
        Event::LockAcquired => {
            if let Some(ms) = hold {
                report!("hria: holding the index lock for {ms} ms");
            }
        }
        Event::Started { documents, bytes } => {
            pb.set_length(bytes);
            pb.set_message(format!("0/{documents} documents"));
            total_docs.store(documents, Ordering::Relaxed);
        }
        Event::Document { bytes, passages: n } => {
            let d = docs.fetch_add(1, Ordering::Relaxed) + 1;
            let p = passages.fetch_add(n, Ordering::Relaxed) + n;
            pb.inc(bytes);
            let total = total_docs.load(Ordering::Relaxed);
            let rate = p as f64 / started.elapsed().as_secs_f64().max(1e-3);
            pb.set_message(format!("{d}/{total} documents, {rate:.0} passages/s"));
        }
        Event::Committing => pb.set_message("committing"),
    };
    let result = writer::build(&opts, &on_event);
    pb.finish_and_clear();
    let summary = result?;
    common::report_skips(&summary.skipped);
    // Nothing to read is no skip, but an index that readers will refuse: said now, not by them.
    if summary.found == 0 && summary.skipped.is_empty() && summary.unchanged == 0 {
        report!(
            "hria: warning: no document was found in {} (Markdown, text or HTML files)",
            args.input
                .paths()
                .iter()
                .map(|p| hria::escape::printable_path(p))
                .collect::<Vec<_>>()
                .join(", ")
        );
    }
    for g in &summary.gone {
        let s = if g.removed == 1 { "" } else { "s" };
        report!(
            "hria: {} no longer exists: the {} document{s} indexed from it removed",
            hria::escape::printable_id(&g.path),
            g.removed
        );
    }
    match args.format {
        Format::Table => print_table(&summary, &args.index),
        Format::Json => {
            let mut out = std::io::stdout().lock();
            let written = serde_json::to_writer(&mut out, &summary)
                .map_err(anyhow::Error::from)
                .and_then(|()| writeln!(out).map_err(Into::into));
            // A closed pipe ends the output; the index is written and the exit code still says
            // what was skipped.
            common::pipe_closed(written)?;
        }
    }
    if args.report_rss {
        if let Some(kb) = peak_rss_kb() {
            report!("hria: peak RSS {kb} kB");
        }
    }
    Ok(ExitCode::from(if summary.skipped.is_empty() {
        common::EXIT_OK
    } else {
        common::EXIT_PARTIAL
    }))
}
