//! What the subcommands share: exit codes, ingestion options, output helpers.

use std::path::PathBuf;

/// Everything went fine.
pub const EXIT_OK: u8 = 0;
/// The command ran, and found what `--fail-on` asked about (gaps), or a check failed.
pub const EXIT_FINDINGS: u8 = 1;
/// A fatal error: nothing (more) could be done.
pub const EXIT_ERROR: u8 = 2;
/// The batch finished, but some inputs were skipped or degraded (see the summary on stderr).
pub const EXIT_PARTIAL: u8 = 3;

/// The most worker threads `--threads` accepts.
pub const MAX_THREADS: usize = 256;

/// The default corpus folder.
pub const DEFAULT_CORPUS: &str = "corpus";
/// The default index folder.
pub const DEFAULT_INDEX: &str = "index";

/// Ingestion options shared by `segment`, `tag`, `index` and `bench`.
#[derive(clap::Args, Debug, Clone)]
pub struct InputArgs {
    /// Files or folders to read (default: `corpus/`).
    pub paths: Vec<PathBuf>,
    /// Follow symlinks and read hidden files (symlink loops are reported, not followed).
    #[arg(long)]
    pub follow: bool,
    /// Encoding to use for files without a BOM (e.g. GB18030, Big5, UTF-16LE), instead of detecting it.
    #[arg(long, value_name = "LABEL")]
    pub encoding: Option<String>,
    /// Skip files larger than this many bytes.
    #[arg(long, value_name = "BYTES", default_value_t = 64 << 20)]
    pub max_file_size: u64,
}

impl InputArgs {
    /// The paths to read, defaulting to `corpus/`.
    pub fn paths(&self) -> Vec<PathBuf> {
        if self.paths.is_empty() {
            vec![PathBuf::from(DEFAULT_CORPUS)]
        } else {
            self.paths.clone()
        }
    }

    /// Ingestion options from the flags.
    pub fn options(&self) -> hria::ingest::IngestOptions {
        hria::ingest::IngestOptions {
            follow: self.follow,
            hidden: self.follow,
            encoding: self.encoding.clone(),
            max_file_size: self.max_file_size,
        }
    }
}

/// Prints skipped or degraded inputs to stderr, one line each, with a count.
pub fn report_skips(skips: &[hria::ingest::Skip]) {
    if skips.is_empty() {
        return;
    }
    eprintln!("hria: {} input(s) skipped or degraded:", skips.len());
    for s in skips {
        eprintln!("  {}: {}", s.path.display(), s.reason);
    }
}
