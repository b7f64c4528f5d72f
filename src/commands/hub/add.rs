//! `hub add`: take bundles in, a line for each file that needs a look, a progress bar on
//! long runs (only when the terminal shows it), and the counts at the end.

use std::io::IsTerminal;
use std::path::Path;
use std::process::ExitCode;

use indicatif::{ProgressBar, ProgressStyle};

use crate::cli::hub::HubAddArgs;
use crate::hub::intake::{self, FileResult, Outcome, RunSummary};
use crate::hub::{HubDb, shown};
use crate::paths::DataDirs;

/// Below this many files a run is quick and every file gets its line.
const SHORT_RUN: usize = 25;

pub fn run(a: &HubAddArgs, path: &Path, dirs: &DataDirs) -> anyhow::Result<ExitCode> {
    let db = HubDb::open(path)?;
    let registry = super::refresh(&db, dirs)?;
    let inputs = intake::find_inputs(&a.paths);
    let total = inputs.files.len() + inputs.missing.len();
    if total == 0 {
        crate::outln!(
            "No bundles found there ({} other file{} passed over). hub add takes .zip files, bundle folders, submission.json files and saved e-mails (.eml).",
            inputs.skipped,
            if inputs.skipped == 1 { "" } else { "s" }
        );
        return Ok(ExitCode::from(1));
    }
    let bar = progress_bar(total);
    let verbose = a.verbose || total <= SHORT_RUN;
    let summary = intake::run(&db, &registry, &inputs, &mut |r| {
        bar.inc(1);
        let (lines, refusal) = lines_for(r, verbose);
        if !lines.is_empty() || refusal.is_some() {
            // The bar is cleared while lines are printed, so they never mix with it.
            bar.suspend(|| {
                lines.iter().for_each(|l| crate::outln!("{l}"));
                refusal.iter().for_each(|l| crate::errln!("{l}"));
            });
        }
    })?;
    bar.finish_and_clear();
    crate::outln!("{}", summary_line(&summary));
    if summary.flagged > 0 {
        crate::outln!(
            "See what is flagged with `music-sef hub schools`; flagged submissions are kept."
        );
    }
    Ok(if summary.refused > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

fn progress_bar(total: usize) -> ProgressBar {
    if total < SHORT_RUN || !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::new(total as u64);
    if let Ok(style) = ProgressStyle::with_template("{bar:40} {pos}/{len} files, {eta} left") {
        bar.set_style(style);
    }
    bar
}

/// What to print for one file: lines for standard output, and a refusal for standard error.
fn lines_for(r: &FileResult, verbose: bool) -> (Vec<String>, Option<String>) {
    let path = shown(&r.path.display().to_string());
    let rec = match &r.result {
        Err(why) => return (Vec::new(), Some(format!("refused: {path}: {why}"))),
        Ok(rec) => rec,
    };
    if r.same_bundle && !verbose {
        return (Vec::new(), None);
    }
    let school = match (&rec.school, rec.urn) {
        (Some(s), Some(u)) => format!("{} (URN {u})", shown(s)),
        (Some(s), None) => format!("{} (no URN)", shown(s)),
        (None, Some(u)) => format!("URN {u}"),
        (None, None) => "a school not named".into(),
    };
    let line = match rec.outcome {
        Outcome::Taken => format!("taken: {path}: {school}, {}", rec.year),
        Outcome::Newer => format!(
            "newer: {path}: {school} for {} replaces the submission held, which is kept as history",
            rec.year
        ),
        Outcome::Older => format!(
            "older: {path}: {school} for {} is older than the submission held: kept as history",
            rec.year
        ),
        Outcome::AlreadyHad => format!("already had: {path}: {school}"),
    };
    let notable = matches!(rec.outcome, Outcome::Newer | Outcome::Older)
        || !rec.flags.is_empty()
        || !rec.reflection.is_empty();
    let mut lines = Vec::new();
    if verbose || notable {
        lines.push(line);
    }
    if !rec.reflection.is_empty() {
        lines.push("  it looks back on the priorities agreed with the hub:".into());
        lines.extend(rec.reflection.iter().map(|l| format!("    {l}")));
    }
    lines.extend(
        rec.flags
            .iter()
            .map(|f| format!("  flagged: {}", f.message)),
    );
    (lines, None)
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

pub fn summary_line(s: &RunSummary) -> String {
    let mut taken = plural(s.taken, "taken", "taken");
    let mut notes = Vec::new();
    if s.newer > 0 {
        notes.push(format!("{} newer than one held", s.newer));
    }
    if s.older > 0 {
        notes.push(format!("{} older, kept as history", s.older));
    }
    if !notes.is_empty() {
        taken = format!("{taken} ({})", notes.join(", "));
    }
    let mut line = format!(
        "Done: {taken}, {} already had, {} flagged, {} refused.",
        s.already_had, s.flagged, s.refused
    );
    if s.skipped > 0 {
        line.push_str(&format!(
            " {} passed over (not bundles).",
            plural(s.skipped, "other file", "other files")
        ));
    }
    line
}
