//! `music-sef open DRAFT` and the home screen (no command).

use std::process::ExitCode;

use crate::cli::OpenArgs;
use crate::paths::DataDirs;
use crate::workflow::Workflow;

pub fn run(args: &OpenArgs, dirs: &DataDirs) -> anyhow::Result<ExitCode> {
    crate::tui::tty::ready(dirs)?;
    let id = Workflow::new(dirs).resolve(&args.draft)?;
    crate::tui::run_draft(dirs, id)
}

/// The home screen (no command given).
pub fn home(dirs: &DataDirs) -> anyhow::Result<ExitCode> {
    crate::tui::tty::ready(dirs)?;
    crate::tui::run_home(dirs)
}
