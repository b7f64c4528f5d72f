//! Plain mode (being built).

use std::process::ExitCode;

use uuid::Uuid;

use crate::paths::DataDirs;

/// Answer a draft as numbered line prompts.
///
/// # Errors
/// Not built yet.
pub fn run_draft(_dirs: &DataDirs, _id: Uuid) -> anyhow::Result<ExitCode> {
    anyhow::bail!("plain mode is not built yet")
}
