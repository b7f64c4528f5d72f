//! `music-sef hub …`: choose the hub database, run one hub command, print for a hub officer.

pub mod add;
pub mod decide;
pub mod expect;
pub mod feedback;
pub mod report;
pub mod review;
pub mod schools;

use std::path::Path;
use std::process::ExitCode;

use crate::cli::hub::{HubArgs, HubCommand};
use crate::hub::{HubDb, shown};
use crate::paths::DataDirs;

pub fn run(args: &HubArgs, dirs: &DataDirs) -> anyhow::Result<ExitCode> {
    let path = args.db.clone().unwrap_or_else(|| dirs.hub_db());
    let Some(command) = &args.command else {
        return desk_or_help(&path, dirs);
    };
    match command {
        HubCommand::Add(a) => add::run(a, &path, dirs),
        HubCommand::Schools(a) => schools::run(a, &path, dirs),
        HubCommand::Expect(a) => expect::run(a, &path),
        HubCommand::Report(a) => report::run(a, &path, dirs),
        HubCommand::Review(a) => review::run(a, &path, dirs),
        HubCommand::Decide(a) => decide::run(a, &path, dirs),
        HubCommand::Feedback(a) => feedback::run(a, &path, dirs),
    }
}

/// `music-sef hub` alone: the desk in a terminal; for a script, what to run instead.
fn desk_or_help(path: &Path, dirs: &DataDirs) -> anyhow::Result<ExitCode> {
    // The same checks as the teacher's view, mouse setting included.
    let why = match crate::tui::tty::ready(dirs) {
        Ok(()) => return crate::tui::desk::controller::run_desk(desk(path, dirs)?),
        Err(crate::tui::tty::NoScreen::Dumb) => {
            "This terminal (TERM=dumb) cannot show the hub desk."
        }
        Err(_) => "The hub desk needs a terminal window.",
    };
    crate::errln!(
        "{why} For scripts, use the hub's commands: add, schools, expect, review, decide, feedback, report (see `music-sef hub --help`)."
    );
    Ok(ExitCode::from(2))
}

/// The desk's use cases over the existing database, with what waited for a questionnaire
/// read again first.
fn desk(path: &Path, dirs: &DataDirs) -> anyhow::Result<crate::hub::desk::Desk> {
    let db = open_existing(path)?;
    let registry = refresh(&db, dirs)?;
    Ok(crate::hub::desk::Desk::new(db, registry, dirs))
}

/// Ask for a name on the terminal (once; it is remembered), or None in a script.
fn ask(prompt: &str) -> Option<String> {
    use std::io::{BufRead, IsTerminal};
    if !std::io::stdin().is_terminal() {
        return None;
    }
    crate::text::print_part(prompt);
    let mut line = String::new();
    std::io::stdin().lock().read_line(&mut line).ok()?;
    Some(line.trim().to_string()).filter(|l| !l.is_empty())
}

/// Open the database for a command that only reads what is there: a missing file is
/// explained rather than created empty.
fn open_existing(path: &Path) -> anyhow::Result<HubDb> {
    if !path.exists() {
        anyhow::bail!(
            "there is no hub database at {} yet. Take in the schools' bundles first with `music-sef hub add PATH…` (or choose another file with --db).",
            shown(&path.display().to_string())
        );
    }
    Ok(HubDb::open(path)?)
}

/// Read again what waited for a questionnaire that is now installed, and say so.
fn refresh(db: &HubDb, dirs: &DataDirs) -> anyhow::Result<crate::questionnaire::Registry> {
    let registry = crate::questionnaire::Registry::discover(dirs);
    let n = crate::hub::intake::refresh::refresh(db, &registry)?;
    if n > 0 {
        crate::outln!(
            "{n} submission{} held without {} questionnaire can now be read, and {} been.",
            if n == 1 { "" } else { "s" },
            if n == 1 { "its" } else { "their" },
            if n == 1 { "has" } else { "have" }
        );
    }
    Ok(registry)
}

/// "23 Nov 2026" from a stored ISO 8601 time.
fn day(iso: &str) -> String {
    crate::hub::day_of(iso)
}
