//! `hria eval`.

use std::process::ExitCode;

/// Arguments of `hria eval`.
#[derive(clap::Args, Debug)]
pub struct Args {}

/// Runs `hria eval`.
pub fn run(_args: Args) -> anyhow::Result<ExitCode> {
    anyhow::bail!("`hria eval` is not built yet")
}
