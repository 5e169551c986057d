//! Command-line interface: one module per subcommand.

pub mod bench;
pub mod common;
pub mod coverage;
pub mod eval;
pub mod explain;
pub mod gaps;
pub mod index;
pub mod search;
pub mod segment;
pub mod tag;
pub mod taxonomy;

use clap::{Parser, Subcommand};
use std::path::Path;
use std::process::ExitCode;
use std::sync::Mutex;

/// hria: which human-rights instruments does a company commit to, which rights does it address,
/// and where are the gaps? Index a corpus, then ask.
#[derive(Parser, Debug)]
#[command(name = "hria", version, about, long_about = None)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands.
#[derive(Subcommand, Debug)]
pub enum Command {
    /// Split documents into passages, sentences and words.
    Segment(segment::Args),
    /// Tag documents or JSON Lines passages against the taxonomy.
    Tag(tag::Args),
    /// List, show or check taxonomies.
    #[command(subcommand)]
    Taxonomy(taxonomy::Cmd),
    /// Score the tagger against labelled passages.
    Eval(eval::Args),
    /// Index a corpus (incremental by default).
    Index(index::Args),
    /// Full-text search with tag filters and highlighted evidence.
    Search(search::Args),
    /// Coverage of instruments, rights, groups, themes, due diligence or SDGs.
    #[command(after_long_help = coverage::HELP)]
    Coverage(coverage::Args),
    /// Gap report: cited-only, not-mentioned, mentioned-only, commitment-only, addressed.
    #[command(after_long_help = gaps::HELP)]
    Gaps(gaps::Args),
    /// Show one passage with every tag and its evidence.
    #[command(after_long_help = explain::HELP)]
    Explain(explain::Args),
    /// Time each stage on a corpus against the raw building blocks.
    Bench(bench::Args),
}

impl Command {
    /// The index a command reads or writes, if it uses one.
    fn index_dir(&self) -> Option<&Path> {
        match self {
            Command::Index(a) => Some(&a.index),
            Command::Search(a) => Some(&a.index),
            Command::Coverage(a) => Some(&a.source.index),
            Command::Gaps(a) => Some(&a.source.index),
            Command::Explain(a) => Some(&a.index),
            _ => None,
        }
    }
}

/// Runs a parsed command line.
pub fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    match cli.command.index_dir().map(Path::to_path_buf) {
        Some(dir) => damage_as_error(&dir, || dispatch(cli.command)),
        None => dispatch(cli.command),
    }
}

/// The crates whose panics [`damage_as_error`] reads as a damaged index.
const INDEX_CRATES: &[&str] = &["tantivy", "ownedbytes", "bitpacking"];

/// What a panic inside tantivy said, and where, while [`damage_as_error`] watches.
static TANTIVY_PANIC: Mutex<Option<String>> = Mutex::new(None);

/// Runs `f`, reporting a panic that tantivy raises as damage of the index at `dir`: tantivy
/// checks the structure of its files with assertions, and a file of the right format that
/// belongs to another index (copied over, restored from another backup) passes every checksum
/// and then fails one. Any other panic stays a panic: it is hria's own bug.
fn damage_as_error(
    dir: &Path,
    f: impl FnOnce() -> anyhow::Result<ExitCode>,
) -> anyhow::Result<ExitCode> {
    let default = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        // tantivy's own crates and those it reads its files with (a swapped positions file
        // fails in `ownedbytes` or `bitpacking`).
        let index_code = |file: &str| INDEX_CRATES.iter().any(|c| file.contains(c));
        match info.location().filter(|l| index_code(l.file())) {
            Some(at) => {
                let said = info
                    .payload()
                    .downcast_ref::<&str>()
                    .map(|s| s.to_string())
                    .or_else(|| info.payload().downcast_ref::<String>().cloned())
                    .unwrap_or_default();
                let mut seen = TANTIVY_PANIC.lock().unwrap_or_else(|e| e.into_inner());
                // From the crate's folder on: where it was built says nothing.
                let file = at.file();
                let file = INDEX_CRATES
                    .iter()
                    .filter_map(|c| file.rfind(c))
                    .min()
                    .map_or(file, |i| &file[i..]);
                seen.get_or_insert_with(|| format!("{said} at {file}:{}", at.line()));
            }
            None => default(info),
        }
    }));
    let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(f));
    let seen = TANTIVY_PANIC
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .take();
    match (outcome, seen) {
        (Ok(result), _) => result,
        (Err(_), Some(seen)) => {
            report!(
                "hria: index {} is corrupt (a file of it does not hold what its other files say: {seen}); rebuild it with `hria index --rebuild`",
                common::shown_path(dir)
            );
            Ok(ExitCode::from(common::EXIT_ERROR))
        }
        (Err(payload), None) => std::panic::resume_unwind(payload),
    }
}

fn dispatch(command: Command) -> anyhow::Result<ExitCode> {
    match command {
        Command::Segment(a) => segment::run(a),
        Command::Tag(a) => tag::run(a),
        Command::Taxonomy(c) => taxonomy::run(c),
        Command::Eval(a) => eval::run(a),
        Command::Index(a) => index::run(a),
        Command::Search(a) => search::run(a),
        Command::Coverage(a) => coverage::run(a),
        Command::Gaps(a) => gaps::run(a),
        Command::Explain(a) => explain::run(a),
        Command::Bench(a) => bench::run(a),
    }
}
