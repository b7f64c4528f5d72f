//! One module per command: each takes its parsed arguments and the data folders, does the
//! work and returns the exit code. Errors returned here are the user's input or data being
//! wrong (exit 1); clap handles usage errors (exit 2). Everything printed goes through
//! `crate::text` (`outln!`, `errln!`), errors too, so no text from a questionnaire, a draft
//! or a bundle reaches the terminal raw.

pub mod check;
pub mod completions;
pub mod drafts;
pub mod export;
pub mod import;
pub mod man;
pub mod new;
pub mod open;
pub mod paths;
pub mod plain;
pub mod questionnaires;

use std::process::ExitCode;

use crate::cli::{Cli, Command};
use crate::paths::DataDirs;

/// Run the parsed command line. An error's whole message (which may quote a file) is made
/// terminal-safe here, before anything prints it.
///
/// # Errors
/// What went wrong, in words for the teacher.
pub fn dispatch(cli: Cli, dirs: &DataDirs) -> anyhow::Result<ExitCode> {
    run(cli, dirs).map_err(|e| {
        let text = format!("{e:#}");
        anyhow::anyhow!("{}", crate::text::terminal_safe(&text))
    })
}

fn run(cli: Cli, dirs: &DataDirs) -> anyhow::Result<ExitCode> {
    if cli.no_mouse {
        crate::tui::terminal::use_mouse(false);
    }
    match cli.command {
        None => open::home(dirs),
        Some(Command::New(a)) => new::run(&a, dirs),
        Some(Command::Open(a)) => open::run(&a, dirs),
        Some(Command::Drafts(a)) => drafts::run(&a, dirs),
        Some(Command::Export(a)) => export::run(&a, dirs),
        Some(Command::Import(a)) => import::run(&a, dirs),
        Some(Command::Questionnaires) => questionnaires::run(dirs),
        Some(Command::Check(a)) => check::run(&a),
        Some(Command::Plain(a)) => plain::run(&a, dirs),
        Some(Command::Paths) => Ok(paths::run(dirs)),
        Some(Command::Completions(a)) => completions::run(&a),
        Some(Command::Man) => man::run(),
    }
}

/// Write generated text to standard output. A reader that stopped early (`| head`) is not an
/// error: there is simply no one left to read the rest.
///
/// # Errors
/// Standard output could not be written for another reason (a full disk).
pub fn print_bytes(bytes: &[u8]) -> anyhow::Result<ExitCode> {
    use std::io::Write as _;
    let mut out = std::io::stdout().lock();
    match out.write_all(bytes).and_then(|()| out.flush()) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
            Err(anyhow::Error::new(e).context("could not write the output"))
        }
        _ => Ok(ExitCode::SUCCESS),
    }
}
