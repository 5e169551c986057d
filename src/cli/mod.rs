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

/// Where in a source path the folder of one of [`INDEX_CRATES`] starts (`tantivy-0.27.0/…`,
/// `ownedbytes-0.9.0/…`, `tantivy/…`), the last such folder, so that the message names the
/// crate's file, not a build folder; a crate's name inside a folder name (`my-tantivy-notes`)
/// is none.
fn index_crate_at(file: &str) -> Option<usize> {
    let mut at = 0;
    let mut found = None;
    for part in file.split_inclusive(['/', '\\']) {
        let name = part.trim_end_matches(['/', '\\']);
        // `tantivy-0.27.0`, `tantivy-columnar-0.27.0`, `ownedbytes-0.9.0`, or a vendored `tantivy`.
        let crate_folder = INDEX_CRATES.iter().any(|c| {
            name.strip_prefix(c)
                .is_some_and(|rest| rest.is_empty() || rest.starts_with('-'))
        });
        if crate_folder && part.len() > name.len() {
            found = Some(at);
        }
        at += part.len();
    }
    found
}

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
        match info
            .location()
            .filter(|l| index_crate_at(l.file()).is_some())
        {
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
                let file = index_crate_at(file).map_or(file, |i| &file[i..]);
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

#[cfg(test)]
mod tests {
    use super::index_crate_at;

    /// A panic's file names the index's crates by their folders, not by a name inside another.
    #[test]
    fn index_crates_are_told_by_their_folders() {
        fn at(f: &str) -> Option<&str> {
            index_crate_at(f).map(|i| &f[i..])
        }
        let reg = "/home/u/.cargo/registry/src/index.crates.io-1949cf8c6b5b557f/";
        assert_eq!(
            at(&format!("{reg}ownedbytes-0.9.0/src/lib.rs")),
            Some("ownedbytes-0.9.0/src/lib.rs")
        );
        assert_eq!(
            at(&format!("{reg}tantivy-columnar-0.27.0/src/a.rs")),
            Some("tantivy-columnar-0.27.0/src/a.rs")
        );
        assert_eq!(
            at("/w/tantivy-work/vendor/bitpacking/src/b.rs"),
            Some("bitpacking/src/b.rs")
        );
        assert_eq!(at("src/query/reader.rs"), None);
        assert_eq!(at("/w/my-tantivy-notes/src/main.rs"), None);
    }
}
