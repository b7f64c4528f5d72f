//! `music-sef print QUESTIONNAIRE [--out FILE]`: the questions as a PDF to read and prepare
//! with before starting.

use std::process::ExitCode;

use crate::cli::PrintArgs;
use crate::clock::Clock;
use crate::paths::DataDirs;
use crate::workflow::Workflow;

pub fn run(args: &PrintArgs, dirs: &DataDirs) -> anyhow::Result<ExitCode> {
    let workflow = Workflow::new(dirs);
    let path = workflow.print(
        &args.questionnaire,
        args.out.as_deref(),
        Clock::system().now(),
    )?;
    crate::outln!(
        "Written: {}\nOpen it to read or print the questions, and the list of what to have ready, before you start.",
        path.display()
    );
    Ok(ExitCode::SUCCESS)
}
