//! `music-sef questionnaires` (being built).

use std::process::ExitCode;

pub fn run(_dirs: &crate::paths::DataDirs) -> anyhow::Result<ExitCode> {
    anyhow::bail!("this command is not built yet")
}
