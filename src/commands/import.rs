//! `music-sef import FILE [--questionnaire ID|PATH] [--title TEXT]`.

use std::process::ExitCode;

use crate::cli::ImportArgs;
use crate::paths::DataDirs;
use crate::workflow::Workflow;

pub fn run(args: &ImportArgs, dirs: &DataDirs) -> anyhow::Result<ExitCode> {
    let spec = args.file.to_string_lossy();
    let (draft, report) = Workflow::new(dirs).start_from(
        &spec,
        args.questionnaire.as_deref(),
        args.title.as_deref(),
    )?;
    let from = draft
        .carried_over
        .as_ref()
        .map(|c| c.from_date.format("%-d %b %Y").to_string())
        .unwrap_or_default();
    crate::outln!(
        "Started \"{}\" (id {}) from the submission of {from}.",
        draft.title,
        &draft.id.to_string()[..8]
    );
    crate::outln!(
        "{} answers carried over; each is marked \"from {from}\" until you confirm or change it.",
        report.carried
    );
    if !report.kept_aside.is_empty() {
        crate::outln!(
            "{} answers do not fit this questionnaire and were kept aside in the draft: {}",
            report.kept_aside.len(),
            report.kept_aside.join(", ")
        );
    }
    let short = &draft.id.to_string()[..8];
    crate::outln!("Carry on with: music-sef open {short}");
    crate::outln!(
        "Or answer as plain prompts (screen readers, scripts) with: music-sef plain {short}"
    );
    Ok(ExitCode::SUCCESS)
}
