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
use std::process::ExitCode;

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
    Coverage(coverage::Args),
    /// Gap report: cited-only, not-mentioned, mentioned-only, commitment-only, addressed.
    Gaps(gaps::Args),
    /// Show one passage with every tag and its evidence.
    Explain(explain::Args),
    /// Time each stage on a corpus against the raw building blocks.
    Bench(bench::Args),
}

/// Runs a parsed command line.
pub fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    match cli.command {
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
