//! `music-sef hub …`: choose the hub database, run one hub command, print for a hub officer.

pub mod add;
pub mod expect;
pub mod report;
pub mod schools;

use std::path::Path;
use std::process::ExitCode;

use crate::cli::hub::{HubArgs, HubCommand};
use crate::hub::{HubDb, shown};
use crate::paths::DataDirs;

pub fn run(args: &HubArgs, dirs: &DataDirs) -> anyhow::Result<ExitCode> {
    let path = args.db.clone().unwrap_or_else(|| dirs.hub_db());
    match &args.command {
        HubCommand::Add(a) => add::run(a, &path, dirs),
        HubCommand::Schools(a) => schools::run(a, &path, dirs),
        HubCommand::Expect(a) => expect::run(a, &path),
        HubCommand::Report(a) => report::run(a, &path, dirs),
    }
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
    chrono::DateTime::parse_from_rfc3339(iso)
        .map(|d| d.format("%-d %b %Y").to_string())
        .unwrap_or_else(|_| shown(iso))
}
