//! `hria index`.

use std::process::ExitCode;

/// Arguments of `hria index`.
#[derive(clap::Args, Debug)]
pub struct Args {}

/// Runs `hria index`.
pub fn run(_args: Args) -> anyhow::Result<ExitCode> {
    anyhow::bail!("`hria index` is not built yet")
}
