//! `hria gaps`.

use std::process::ExitCode;

/// Arguments of `hria gaps`.
#[derive(clap::Args, Debug)]
pub struct Args {}

/// Runs `hria gaps`.
pub fn run(_args: Args) -> anyhow::Result<ExitCode> {
    anyhow::bail!("`hria gaps` is not built yet")
}
