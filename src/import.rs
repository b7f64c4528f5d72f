//! Re-assessment: starting a new draft from an earlier draft or submission (being built).

use crate::draft::Draft;
use crate::paths::DataDirs;

/// Create and save a new draft whose answers are carried over from `spec`: a draft (id,
/// prefix or title), an export folder, its `.zip`, or a `submission.json`.
///
/// # Errors
/// The source cannot be read or does not fit the questionnaire.
pub fn start_from(
    _spec: &str,
    _dirs: &DataDirs,
    _questionnaire: Option<&str>,
    _title: Option<&str>,
) -> anyhow::Result<Draft> {
    anyhow::bail!("starting from an earlier submission is not built yet")
}
