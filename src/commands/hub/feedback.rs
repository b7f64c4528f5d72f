//! `hub feedback URN [--out DIR]`: write the feedback bundle for the decision in force — a
//! letter PDF, feedback.json and an e-mail to the school with both attached.

use std::path::Path;
use std::process::ExitCode;

use crate::cli::hub::HubFeedbackArgs;
use crate::hub::shown;
use crate::paths::DataDirs;

pub fn run(a: &HubFeedbackArgs, path: &Path, dirs: &DataDirs) -> anyhow::Result<ExitCode> {
    let desk = super::desk(path, dirs)?;
    let t = desk.target(&a.urn, a.submission.as_deref(), "write feedback for")?;
    if a.hub_name.is_some() {
        desk.remember(None, a.hub_name.as_deref())?;
    }
    let (file, w) = desk.write_feedback(&t, a.out.as_deref(), chrono::Utc::now())?;
    let name = |p: &Path| {
        p.file_name()
            .map(|n| shown(&n.to_string_lossy()))
            .unwrap_or_default()
    };
    crate::outln!(
        "Feedback from {} written for URN {} {} ({}):",
        shown(&file.hub),
        file.school.urn.as_deref().map(shown).unwrap_or_default(),
        shown(&file.school.name),
        file.decision.headline()
    );
    crate::outln!("Folder: {}", w.folder.display());
    crate::outln!("  {}   the letter", name(&w.letter));
    crate::outln!(
        "  {}   the decision as data, for the school to import into music-sef",
        name(&w.json)
    );
    match &w.to {
        Some(to) => crate::outln!(
            "  {}   an e-mail to {} with both attached, ready to send",
            name(&w.eml),
            shown(to)
        ),
        None => crate::outln!(
            "  {}   an e-mail with both attached; the submission gave no contact address, so add the school's before sending",
            name(&w.eml)
        ),
    }
    crate::outln!(
        "Reflections due by {} and {}; review again by {}.",
        file.dates.first_reflection.format("%-d %b %Y"),
        file.dates.second_reflection.format("%-d %b %Y"),
        file.dates.review_again.format("%-d %b %Y")
    );
    Ok(ExitCode::SUCCESS)
}
