//! `music-sef open` (being built).

use std::process::ExitCode;

#[allow(clippy::unnecessary_wraps)]
pub fn run(
    _args: &crate::cli::OpenArgs,
    _dirs: &crate::paths::DataDirs,
) -> anyhow::Result<ExitCode> {
    anyhow::bail!("this command is not built yet")
}

/// The home screen (no command given).
pub fn home(_dirs: &crate::paths::DataDirs) -> anyhow::Result<ExitCode> {
    anyhow::bail!("the home screen is not built yet")
}
