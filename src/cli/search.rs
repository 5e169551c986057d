//! `hria search`.

use std::process::ExitCode;

/// Arguments of `hria search`.
#[derive(clap::Args, Debug)]
pub struct Args {}

/// Runs `hria search`.
pub fn run(_args: Args) -> anyhow::Result<ExitCode> {
    anyhow::bail!("`hria search` is not built yet")
}
