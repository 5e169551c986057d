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
    // A file grown past `ulimit -f` then fails its write with EFBIG, which names the file and
    // leaves the last committed index, instead of the signal ending hria without a word.
    #[cfg(unix)]
    // SAFETY: setting a signal's disposition to "ignore" before any thread starts.
    unsafe {
        libc::signal(libc::SIGXFSZ, libc::SIG_IGN);
    }
    let args = match cli::Cli::try_parse() {
        Ok(args) => args,
        Err(err) => {
            // Lossily: an argument that is not UTF-8 is clap's error to report, not a panic.
            let given: Vec<String> = std::env::args_os()
                .map(|a| a.to_string_lossy().into_owned())
                .collect();
            if let Some(hint) = cli::search::exclusion_hint(&err, &given) {
                report!("hria: {}", hria::query::reader::printable(&hint));
                return ExitCode::from(cli::common::EXIT_ERROR);
            }
            // Help and the version go to stdout, whose write clap does not check: a full disk
            // (`--help > /dev/full`) gets its message and exit code, as every other output does.
            if matches!(
                err.kind(),
                clap::error::ErrorKind::DisplayHelp | clap::error::ErrorKind::DisplayVersion
            ) {
                use std::io::Write as _;
                let written = err.print().and_then(|()| std::io::stdout().flush());
                return match written {
                    Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
                        report!("hria: cannot write the output (stdout): {e}");
                        ExitCode::from(cli::common::EXIT_ERROR)
                    }
                    _ => ExitCode::SUCCESS,
                };
            }
            err.exit()
        }
    };
    match cli::run(args) {
        Ok(code) => code,
        Err(err) => {
            // A closed stdout (`hria search ... | head`) is not an error worth reporting.
            if err.chain().any(cli::common::is_broken_pipe) {
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
