//! The `hria` command-line tool.

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
    let args = cli::Cli::parse();
    match cli::run(args) {
        Ok(code) => code,
        Err(err) => {
            // A closed stdout (`hria search ... | head`) is not an error worth reporting.
            if err.chain().any(|e| {
                e.downcast_ref::<std::io::Error>()
                    .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
            }) {
                return ExitCode::SUCCESS;
            }
            eprintln!("hria: {err:#}");
            ExitCode::from(cli::common::EXIT_ERROR)
        }
    }
}
