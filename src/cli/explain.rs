//! `hria explain`.

use std::process::ExitCode;

/// Arguments of `hria explain`.
#[derive(clap::Args, Debug)]
pub struct Args {}

/// Runs `hria explain`.
pub fn run(_args: Args) -> anyhow::Result<ExitCode> {
    anyhow::bail!("`hria explain` is not built yet")
}
