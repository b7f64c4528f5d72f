//! `music-sef new [--questionnaire ID|PATH] [--title TEXT] [--from SRC] [--plain]`.

use std::process::ExitCode;

use crate::cli::NewArgs;
use crate::clock::Clock;
use crate::paths::DataDirs;
use crate::workflow::Workflow;

pub fn run(args: &NewArgs, dirs: &DataDirs) -> anyhow::Result<ExitCode> {
    // Before the draft is made, so a terminal that cannot show the view leaves nothing behind.
    if !args.plain {
        crate::tui::tty::ready(dirs)?;
    }
    let workflow = Workflow::new(dirs);
    let clock = Clock::system();
    let draft = match &args.from {
        Some(src) => {
            workflow
                .start_from(src, args.questionnaire.as_deref(), args.title.as_deref())?
                .0
        }
        None => workflow.create(
            args.questionnaire.as_deref(),
            args.title.as_deref(),
            clock.now(),
            clock.today(),
        )?,
    };
    if args.plain {
        return crate::plain::run_draft(dirs, draft.id);
    }
    crate::tui::run_draft(dirs, draft.id)
}
