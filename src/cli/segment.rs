//! `hria segment`.

use std::process::ExitCode;

/// Arguments of `hria segment`.
#[derive(clap::Args, Debug)]
pub struct Args {}

/// Runs `hria segment`.
pub fn run(_args: Args) -> anyhow::Result<ExitCode> {
    anyhow::bail!("`hria segment` is not built yet")
}
