//! `hub review URN --state S [--note TEXT]`: change a school's review state, kept with the
//! note, who and when.

use std::path::Path;
use std::process::ExitCode;

use crate::cli::hub::HubReviewArgs;
use crate::hub::review::ReviewState;
use crate::hub::{day_of, shown};
use crate::paths::DataDirs;

pub fn run(a: &HubReviewArgs, path: &Path, dirs: &DataDirs) -> anyhow::Result<ExitCode> {
    let state = ReviewState::from_arg(&a.state)?;
    let desk = super::desk(path, dirs)?;
    let t = desk.target(&a.urn, a.submission.as_deref(), "review")?;
    let officer = a.officer.clone().or_else(|| desk.officer());
    desk.set_state(
        &t,
        state,
        a.note.as_deref(),
        officer.as_deref(),
        chrono::Utc::now(),
    )?;
    crate::outln!(
        "{} {} (submission of {}): now {}.",
        t.urn.map(|u| format!("URN {u}")).unwrap_or_default(),
        shown(&t.school),
        day_of(&t.generated_at),
        state.label()
    );
    if let Some(note) = a.note.as_deref().map(str::trim).filter(|n| !n.is_empty()) {
        crate::outln!("Note: {}", shown(note));
    }
    if state == ReviewState::Decided
        && crate::hub::decision::current(desk.db(), &t.sha256)?.is_none()
    {
        crate::outln!(
            "No decision is kept for it yet: record it with `music-sef hub decide {}` …",
            t.urn.map(|u| u.to_string()).unwrap_or_default()
        );
    }
    Ok(ExitCode::SUCCESS)
}
