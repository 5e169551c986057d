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
    report!("hria: {} input(s) skipped or degraded:", skips.len());
    for s in skips {
        // A reason may quote a name (a manifest's key, a link's target): one line all the same.
        report!(
            "  {}: {}",
            shown_path(&s.path),
            hria::escape::printable_id(&s.reason)
        );
    }
}

/// A path for a report line: control chars escaped (a newline in a file name cannot start a
/// line of its own) and bytes that are not UTF-8 written `\xNN`, so that two such names differ.
///
/// Escaped as ids are, so that a file reads the same in a skip report and in a table.
pub fn shown_path(path: &std::path::Path) -> String {
    hria::escape::printable_path(path)
}

/// A document of more text than this is rendered into a temporary file, not into a buffer held
/// in memory until its turn: its output (a line per passage, with tags and evidence) can be many
/// times its size (an 11 MB file of short lines: 1.5 GB of `tag` output buffered).
const SPOOLED: usize = 1 << 20;

/// A loaded document, rendered or kept to be rendered in its turn.
enum Rendered {
    /// Its output, in memory.
    Now(Vec<u8>, Option<hria::ingest::Skip>),
    /// Its output, of this many bytes, in a temporary file.
    Spooled(std::fs::File, usize, Option<hria::ingest::Skip>),
    /// Not rendered: no temporary file could take its output, so it goes straight to the output
    /// in its turn.
    Later(hria::model::Document),
}

/// Renders a large document into a temporary file, in parallel with the others; `None` where no
/// temporary file can take it (none can be made, or the disk is full).
fn spool(
    doc: &hria::model::Document,
    render: &(impl Fn(&hria::model::Document, &mut dyn std::io::Write) -> anyhow::Result<()> + Sync),
) -> Option<(std::fs::File, usize)> {
    use std::io::{Seek, Write};
    let mut file = tempfile::tempfile().ok()?;
    let mut buf = std::io::BufWriter::new(&mut file);
    let mut counting = Counting {
        inner: &mut buf,
        written: 0,
    };
    render(doc, &mut counting).ok()?;
    let written = counting.written;
    buf.flush().ok()?;
    drop(buf);
    file.rewind().ok()?;
    Some((file, written))
}

/// Counts the bytes written through it.
struct Counting<'a, W: std::io::Write> {
    inner: &'a mut W,
    written: usize,
}

impl<W: std::io::Write> std::io::Write for Counting<'_, W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let n = self.inner.write(buf)?;
        self.written += n;
        Ok(n)
    }
    fn flush(&mut self) -> std::io::Result<()> {
        self.inner.flush()
    }
}

/// Whether an error in a chain is a write to a closed pipe (`hria tag ... | head`). The JSON
/// writers' errors wrap the I/O error in `serde_json::Error`, which does not expose it as its
/// source.
pub fn is_broken_pipe(e: &(dyn std::error::Error + 'static)) -> bool {
    let pipe = Some(std::io::ErrorKind::BrokenPipe);
    e.downcast_ref::<std::io::Error>().map(|io| io.kind()) == pipe
        || e.downcast_ref::<serde_json::Error>()
            .and_then(serde_json::Error::io_error_kind)
            == pipe
}

/// `Ok(true)` where `r` failed on a closed pipe, which ends the output quietly: the run still
/// reports what it skipped so far and exits with the code it earned.
pub fn pipe_closed(r: anyhow::Result<()>) -> anyhow::Result<bool> {
    match r {
        Ok(()) => Ok(false),
        Err(e) if e.chain().any(is_broken_pipe) => Ok(true),
        Err(e) => Err(e),
    }
}

/// Loads and renders every candidate in parallel and writes the outputs in walk order, a few
/// documents per thread at a time, so that memory holds a window of documents' output rather
/// than the whole corpus's; a large document's output waits in a temporary file. `render`
/// writes a loaded document's output (degraded ones too, which are also reported); a document
/// that cannot be loaded is a skip, and one that renders nothing has no text.
pub fn render_in_order(
    candidates: &[hria::ingest::Candidate],
    opts: &hria::ingest::IngestOptions,
    render: impl Fn(&hria::model::Document, &mut dyn std::io::Write) -> anyhow::Result<()> + Sync,
    out: &mut impl std::io::Write,
    skips: &mut Vec<hria::ingest::Skip>,
) -> anyhow::Result<()> {
    use rayon::prelude::*;
    let window = rayon::current_num_threads().saturating_mul(4).max(1);
    for chunk in candidates.chunks(window) {
        let results: Vec<_> = chunk
            .par_iter()
            .map(|c| {
                hria::ingest::load(c, opts).map(|doc| -> anyhow::Result<Rendered> {
                    if doc.text.len() > SPOOLED {
                        return Ok(match spool(&doc, &render) {
                            Some((file, n)) => {
                                Rendered::Spooled(file, n, hria::ingest::degraded(&doc))
                            }
                            None => Rendered::Later(doc),
                        });
                    }
                    let mut buf = Vec::new();
                    render(&doc, &mut buf)?;
                    Ok(Rendered::Now(buf, hria::ingest::degraded(&doc)))
                })
            })
            .collect();
        for (r, c) in results.into_iter().zip(chunk) {
            let (written, degraded) = match r {
                Err(skip) => {
                    skips.push(skip);
                    continue;
                }
                Ok(rendered) => match rendered? {
                    Rendered::Now(bytes, degraded) => {
                        out.write_all(&bytes)?;
                        (bytes.len(), degraded)
                    }
                    Rendered::Spooled(mut file, n, degraded) => {
                        std::io::copy(&mut file, out)?;
                        (n, degraded)
                    }
                    Rendered::Later(doc) => {
                        let mut counting = Counting {
                            inner: out,
                            written: 0,
                        };
                        render(&doc, &mut counting)?;
                        (counting.written, hria::ingest::degraded(&doc))
                    }
                },
            };
            // Every passage renders a line at least: nothing rendered is no passage.
            if written == 0 {
                skips.push(hria::ingest::Skip::no_text(c.path.clone()));
            } else {
                skips.extend(degraded);
            }
        }
    }
    Ok(())
}

/// Selecting documents by their manifest entry (`search`, `coverage`, `gaps`). Each option may be
/// repeated: a document must match one of its values (a union), and every option given.
#[derive(clap::Args, Debug, Clone, Default)]
pub struct DocFilterArgs {
    /// Only the documents of this organisation, as the manifest names it (any case, width,
    /// spacing, Traditional or Simplified; repeat for several: names may hold commas).
    #[arg(long = "org", value_name = "NAME")]
    pub organisations: Vec<String>,
    /// Only the documents of this kind (statement, report, policy, ...; compared as
    /// organisations; repeat for several).
    #[arg(long = "doc-kind", value_name = "KIND")]
    pub doc_kinds: Vec<String>,
    /// Only the documents of this year (repeat, or separate with commas).
    #[arg(long = "year", value_name = "YEAR", value_delimiter = ',')]
    pub years: Vec<i32>,
}

impl DocFilterArgs {
    /// The filter these options ask for.
    pub fn filter(&self) -> hria::query::select::DocFilter {
        hria::query::select::DocFilter {
            organisations: self.organisations.clone(),
            kinds: self.doc_kinds.clone(),
            years: self.years.clone(),
        }
    }
}

/// Whether to colour stdout: a terminal, and `NO_COLOR` unset or empty (as no-color.org asks).
pub fn colour_stdout() -> bool {
    use std::io::IsTerminal;
    std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
}

#[cfg(test)]
mod tests {
    #[cfg(unix)]
    #[test]
    fn shown_paths_escape_control_chars_and_bytes_that_are_not_utf8() {
        use std::os::unix::ffi::OsStrExt;
        let path = std::path::Path::new(std::ffi::OsStr::from_bytes(b"dir/a\nb\xff\xfe.md"));
        assert_eq!(super::shown_path(path), "dir/a\\u{a}b\\xFF\\xFE.md");
        // A tab and a bidirectional override, as in ids.
        let path = std::path::Path::new("c/tab\tname\u{202e}dm.exe");
        assert_eq!(super::shown_path(path), "c/tab\\u{9}name\\u{202e}dm.exe");
        assert_eq!(
            super::shown_path(std::path::Path::new("人权/报告.md")),
            "人权/报告.md"
        );
    }
}
