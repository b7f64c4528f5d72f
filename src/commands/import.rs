//! `music-sef import FILE [--questionnaire ID|PATH] [--title TEXT]`: a new draft from last
//! year's bundle, or the hub's feedback (feedback.json, or its folder) kept on the draft it
//! answers. Which it is comes from the file itself.

use std::process::ExitCode;

use crate::cli::ImportArgs;
use crate::paths::DataDirs;
use crate::workflow::Workflow;

pub fn run(args: &ImportArgs, dirs: &DataDirs) -> anyhow::Result<ExitCode> {
    if crate::import::feedback_file::is_feedback(&args.file) {
        return feedback(args, dirs);
    }
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
    if let Some(a) = &draft.agreed {
        crate::outln!(
            "It looks back on the {} priorit{} agreed with {}: each has its own section asking how far it has come.",
            a.priorities.len(),
            if a.priorities.len() == 1 { "y" } else { "ies" },
            a.hub
        );
    }
    let short = &draft.id.to_string()[..8];
    crate::outln!("Carry on with: music-sef open {short}");
    crate::outln!(
        "Or answer as plain prompts (screen readers, scripts) with: music-sef plain {short}"
    );
    Ok(ExitCode::SUCCESS)
}

/// The hub's feedback: kept on the draft whose export it answers.
fn feedback(args: &ImportArgs, dirs: &DataDirs) -> anyhow::Result<ExitCode> {
    if args.questionnaire.is_some() || args.title.is_some() {
        anyhow::bail!(
            "{} is your music hub's feedback, which is kept on the draft it answers: --questionnaire and --title are for starting a draft from last year's bundle, so leave them out.",
            args.file.display()
        );
    }
    let attached = Workflow::new(dirs).attach_feedback(&args.file, chrono::Utc::now())?;
    crate::outln!("{}", attached.message());
    for w in &attached.warnings {
        crate::outln!("Please check: {w}");
    }
    if attached.newer.is_none() {
        let short = &attached.draft.to_string()[..8];
        crate::outln!(
            "To look back on the priorities, start the follow-up reflection: music-sef new --questionnaire follow-up-reflection --from {short}"
        );
        crate::outln!(
            "Next year's self-evaluation started from this draft asks how far each priority has come: music-sef new --from {short}"
        );
    }
    Ok(ExitCode::SUCCESS)
}
