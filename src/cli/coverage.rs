//! `hria coverage`.

use std::process::ExitCode;

/// Arguments of `hria coverage`.
#[derive(clap::Args, Debug)]
pub struct Args {}

/// Runs `hria coverage`.
pub fn run(_args: Args) -> anyhow::Result<ExitCode> {
    anyhow::bail!("`hria coverage` is not built yet")
}
