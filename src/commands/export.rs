//! `music-sef export DRAFT [--out DIR] [--allow-incomplete]`.

use std::io::{BufRead, IsTerminal, Write};
use std::process::ExitCode;

use anyhow::Context;

use crate::cli::ExportArgs;
use crate::export::{ExportError, ExportOptions, bundle::describe, export_draft};
use crate::paths::DataDirs;
use crate::questionnaire::Registry;
use crate::settings::Settings;
use crate::store::Store;

pub fn run(args: &ExportArgs, dirs: &DataDirs) -> anyhow::Result<ExitCode> {
    let store = Store::new(dirs);
    let id = store.resolve(&args.draft)?;
    let mut draft = store.load(id)?;
    let entry = Registry::discover(dirs)
        .for_draft(&draft.questionnaire)
        .with_context(|| {
            format!(
                "the questionnaire \"{}\" of this draft is not available",
                draft.questionnaire.id
            )
        })?;
    let qn = entry.questionnaire;
    let mut settings = Settings::load(dirs);
    let known = qn
        .submission
        .as_ref()
        .and_then(|s| s.hub_email.clone())
        .or_else(|| settings.hub_email.clone());
    if known.is_none()
        && std::io::stdin().is_terminal()
        && let Some(email) = ask_hub_email()
    {
        settings.hub_email = Some(email);
        if let Err(e) = settings.save(dirs) {
            eprintln!("note: could not remember the address: {e}");
        }
    }
    let out = args
        .out
        .clone()
        .unwrap_or_else(|| std::path::PathBuf::from("."));
    let opts = ExportOptions {
        allow_incomplete: args.allow_incomplete,
        hub_email: settings.hub_email.clone(),
    };
    match export_draft(&store, &mut draft, &qn, &out, &opts) {
        Ok(report) => {
            println!("Bundle written for \"{}\".", draft.title);
            for l in describe(&report) {
                println!("{l}");
            }
            println!(
                "\nTo send it: open {} in your mail program, check it and press Send.",
                report.eml.display()
            );
            println!(
                "Or start an e-mail without attachments with this link:\n{}",
                report.mailto
            );
            Ok(ExitCode::SUCCESS)
        }
        Err(e @ ExportError::Incomplete { .. }) => {
            eprintln!("error: {e}");
            Ok(ExitCode::from(1))
        }
        Err(e) => Err(e.into()),
    }
}

fn ask_hub_email() -> Option<String> {
    print!("Your music hub's e-mail address (asked once; press Enter to skip): ");
    let _ = std::io::stdout().flush();
    let mut line = String::new();
    std::io::stdin().lock().read_line(&mut line).ok()?;
    let line = line.trim();
    if line.is_empty() {
        return None;
    }
    match crate::answers::parse::parse_email(line) {
        Ok(e) => Some(e),
        Err(msg) => {
            eprintln!(
                "{msg} The e-mail will have no address; you can add it in your mail program."
            );
            None
        }
    }
}
