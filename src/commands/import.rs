//! `music-sef import` (being built).

use std::process::ExitCode;

#[allow(clippy::unnecessary_wraps)]
pub fn run(
    _args: &crate::cli::ImportArgs,
    _dirs: &crate::paths::DataDirs,
) -> anyhow::Result<ExitCode> {
    anyhow::bail!("this command is not built yet")
}
