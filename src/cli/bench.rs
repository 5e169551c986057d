//! `hria bench`.

use std::process::ExitCode;

/// Arguments of `hria bench`.
#[derive(clap::Args, Debug)]
pub struct Args {}

/// Runs `hria bench`.
pub fn run(_args: Args) -> anyhow::Result<ExitCode> {
    anyhow::bail!("`hria bench` is not built yet")
}
