//! `music-sef export DRAFT [--out DIR] [--allow-incomplete]`.

use std::io::{BufRead, IsTerminal};
use std::process::ExitCode;

use crate::cli::ExportArgs;
use crate::export::{ExportError, bundle::describe};
use crate::paths::DataDirs;
use crate::workflow::{ExportRequest, Workflow};

pub fn run(args: &ExportArgs, dirs: &DataDirs) -> anyhow::Result<ExitCode> {
    let workflow = Workflow::new(dirs);
    let id = workflow.resolve(&args.draft)?;
    let mut opened = workflow.open(id)?;
    if let Some(reason) = &opened.read_only {
        anyhow::bail!("the bundle was not written: {reason}");
    }
    let qn = &opened.questionnaire;
    if workflow.hub_address(qn).is_none()
        && std::io::stdin().is_terminal()
        && let Some(email) = ask_hub_email()
        && let Err(e) = workflow.remember_hub_address(&email)
    {
        crate::errln!("note: could not remember the address: {e}");
    }
    let req = ExportRequest {
        allow_incomplete: args.allow_incomplete,
        out: args.out.clone(),
    };
    match workflow.export(&mut opened.draft, qn, &req, chrono::Local::now()) {
        Ok(report) => {
            crate::outln!("Bundle written for \"{}\".", opened.draft.title);
            for l in describe(&report) {
                crate::outln!("{l}");
            }
            crate::outln!(
                "\nTo send it: open {} in your mail program, check it and press Send.",
                report.eml.display()
            );
            crate::outln!(
                "Or start an e-mail without attachments with this link:\n{}",
                report.mailto
            );
            Ok(ExitCode::SUCCESS)
        }
        Err(e @ ExportError::Incomplete { .. }) => {
            crate::errln!("error: {e}");
            Ok(ExitCode::from(1))
        }
        Err(e) => Err(e.into()),
    }
}

fn ask_hub_email() -> Option<String> {
    crate::text::print_part("Your music hub's e-mail address (asked once; press Enter to skip): ");
    let mut line = String::new();
    std::io::stdin().lock().read_line(&mut line).ok()?;
    let line = line.trim();
    if line.is_empty() {
        return None;
    }
    match crate::formats::parse_email(line) {
        Ok(e) => Some(e),
        Err(msg) => {
            crate::errln!(
                "{msg} The e-mail will have no address; you can add it in your mail program."
            );
            None
        }
    }
}
