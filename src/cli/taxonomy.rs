//! `hria taxonomy`.

use std::process::ExitCode;

/// `hria taxonomy` subcommands.
#[derive(clap::Subcommand, Debug)]
pub enum Cmd {
    /// List every entry.
    List,
}

/// Runs `hria taxonomy`.
pub fn run(_cmd: Cmd) -> anyhow::Result<ExitCode> {
    anyhow::bail!("`hria taxonomy` is not built yet")
}
