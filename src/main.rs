//! The `hria` command-line tool.

/// `eprintln!` that ignores a failed write: a full disk or a closed pipe on stderr must not turn
/// a report into a panic, nor change the exit code the run has earned.
macro_rules! report {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        let _ = writeln!(std::io::stderr().lock(), $($arg)*);
    }};
}

mod cli;

// Segmenting and indexing allocate many small strings on one thread and free them on another
// (the indexing threads); glibc's allocator fragments under that pattern and the peak memory of a
// long run crept up with the corpus.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

use clap::Parser;
use std::process::ExitCode;

fn main() -> ExitCode {
    hria::alloc::keep_freed_memory();
    let args = match cli::Cli::try_parse() {
        Ok(args) => args,
        Err(err) => {
            let given: Vec<String> = std::env::args().collect();
            if let Some(hint) = cli::search::exclusion_hint(&err, &given) {
                report!("hria: {}", hria::query::reader::printable(&hint));
                return ExitCode::from(cli::common::EXIT_ERROR);
            }
            err.exit()
        }
    };
    match cli::run(args) {
        Ok(code) => code,
        Err(err) => {
            // A closed stdout (`hria search ... | head`) is not an error worth reporting.
            if err.chain().any(is_broken_pipe) {
                return ExitCode::SUCCESS;
            }
            // A bare full-disk error is a write to stdout (`> /dev/full`): every error on a file
            // of hria's own names the file.
            if err.chain().count() == 1 && is_full_output(err.as_ref()) {
                report!("hria: cannot write the output (stdout): {err}");
                return ExitCode::from(cli::common::EXIT_ERROR);
            }
            // Messages quote what was given or read (a file name, an id, a taxonomy's entry),
            // which may hold control chars: escaped as the tables escape them.
            report!(
                "hria: {}",
                hria::query::reader::printable(&format!("{err:#}"))
            );
            ExitCode::from(cli::common::EXIT_ERROR)
        }
    }
}

/// Whether an error is a write that found no room (`ENOSPC`, `EFBIG`), itself or inside a JSON
/// writer's error.
fn is_full_output(e: &(dyn std::error::Error + 'static)) -> bool {
    let full = |io: &std::io::Error| matches!(io.raw_os_error(), Some(28 | 27));
    e.downcast_ref::<std::io::Error>().is_some_and(full)
        || e.downcast_ref::<serde_json::Error>()
            .is_some_and(|j| j.io_error_kind() == Some(std::io::ErrorKind::StorageFull))
}

/// Whether an error in a chain is a write to a closed pipe. The JSON writers' errors wrap the
/// I/O error in `serde_json::Error`, which does not expose it as its source.
fn is_broken_pipe(e: &(dyn std::error::Error + 'static)) -> bool {
    let pipe = Some(std::io::ErrorKind::BrokenPipe);
    e.downcast_ref::<std::io::Error>().map(|io| io.kind()) == pipe
        || e.downcast_ref::<serde_json::Error>()
            .and_then(serde_json::Error::io_error_kind)
            == pipe
}
