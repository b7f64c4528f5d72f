//! `hub expect`: read the list of schools and say what was kept and what was left out.

use std::path::Path;
use std::process::ExitCode;

use crate::cli::hub::HubExpectArgs;
use crate::hub::{HubDb, expect, shown};

pub fn run(a: &HubExpectArgs, path: &Path) -> anyhow::Result<ExitCode> {
    let list = expect::read(&a.file, &a.local_authorities)?;
    let db = HubDb::open(path)?;
    let matched = expect::replace(&db, &a.file, &list)?;
    crate::outln!(
        "Expecting {} schools, from {} (read as {}). This list replaces any earlier one.",
        list.schools.len(),
        shown(&a.file.display().to_string()),
        list.encoding
    );
    let left: Vec<String> = [
        (list.closed, "closed or not yet open"),
        (list.other_la, "in other local authorities"),
        (list.no_urn, "without a six-digit URN or a name"),
        (list.repeated, "listed twice"),
    ]
    .iter()
    .filter(|(n, _)| *n > 0)
    .map(|(n, why)| format!("{n} {why}"))
    .collect();
    if !left.is_empty() {
        crate::outln!("Left out: {}.", left.join(", "));
    }
    if matched > 0 {
        crate::outln!(
            "{matched} submission(s) sent without a URN now matched to a school by name (flagged, to check)."
        );
    }
    crate::outln!("See who has not sent a bundle yet with `music-sef hub schools --outstanding`.");
    Ok(ExitCode::SUCCESS)
}
