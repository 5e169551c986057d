//! `hria tag`.

use std::process::ExitCode;

/// Arguments of `hria tag`.
#[derive(clap::Args, Debug)]
pub struct Args {}

/// Runs `hria tag`.
pub fn run(_args: Args) -> anyhow::Result<ExitCode> {
    anyhow::bail!("`hria tag` is not built yet")
}
