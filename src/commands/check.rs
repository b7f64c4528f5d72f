//! `music-sef check` (being built).

use std::process::ExitCode;

pub fn run(_args: &crate::cli::CheckArgs) -> anyhow::Result<ExitCode> {
    anyhow::bail!("this command is not built yet")
}
