//! `hub schools`: the schools list as a table for people or JSON for scripts.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use crate::cli::hub::HubSchoolsArgs;
use crate::hub::review::ReviewState;
use crate::hub::schools::{self, SchoolLine};
use crate::hub::shown;
use crate::hub::year::AcademicYear;
use crate::paths::DataDirs;

pub fn run(a: &HubSchoolsArgs, path: &Path, dirs: &DataDirs) -> anyhow::Result<ExitCode> {
    let db = super::open_existing(path)?;
    super::refresh(&db, dirs)?;
    let year = match &a.year {
        Some(y) => AcademicYear::from_arg(y)?,
        None => schools::default_year(&db)?,
    };
    let mut lines = schools::list(&db, year, a.outstanding)?;
    let states = crate::hub::review::by_urn(&db, &year.label())?;
    for l in &mut lines {
        let latest = l.urn.and_then(|u| states.get(&u).copied());
        l.review_state = ReviewState::shown(latest, l.submitted.is_some()).map(|s| s.arg().into());
    }
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    if a.json {
        serde_json::to_writer_pretty(&mut out, &lines)?;
        writeln!(out)?;
    } else {
        table(&mut out, year, &lines, a.outstanding)?;
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

/// A column of the table: the text made safe for the terminal, cut and padded to `width`.
fn fit(s: &str, width: usize) -> String {
    crate::text::fit(&shown(s), width)
}

fn table(
    out: &mut impl Write,
    year: AcademicYear,
    lines: &[SchoolLine],
    outstanding: bool,
) -> std::io::Result<()> {
    let received = lines.iter().filter(|l| l.submitted.is_some()).count();
    let waiting = lines.len() - received;
    if outstanding {
        writeln!(
            out,
            "Schools expected for {year} that have sent nothing: {waiting}"
        )?;
    } else {
        writeln!(
            out,
            "Schools for {year}: {received} sent a submission, {waiting} outstanding"
        )?;
    }
    if lines.is_empty() {
        return Ok(());
    }
    writeln!(
        out,
        "{} {} {} {} {} {} {} {} Status",
        fit("URN", 6),
        fit("School", 32),
        fit("Phase", 14),
        fit("Submitted", 11),
        fit("Questionnaire", 28),
        fit("Overall", 16),
        fit("Checks met", 10),
        fit("Review", 10)
    )?;
    for l in lines {
        // The id alone fits the column; the version is in --json and the report.
        let questionnaire = l.questionnaire.clone().unwrap_or_default();
        writeln!(
            out,
            "{} {} {} {} {} {} {} {} {}",
            fit(&l.urn.map(|u| u.to_string()).unwrap_or_default(), 6),
            fit(&l.name, 32),
            fit(l.phase.as_deref().unwrap_or(""), 14),
            fit(
                &l.submitted.as_deref().map(super::day).unwrap_or_default(),
                11
            ),
            fit(&questionnaire, 28),
            fit(l.overall.as_deref().unwrap_or(""), 16),
            fit(&checks(l), 10),
            fit(l.review_state.as_deref().unwrap_or(""), 10),
            shown(&l.status)
        )?;
    }
    Ok(())
}

/// "5 of 7": checklist items met of those that apply.
fn checks(l: &SchoolLine) -> String {
    match (l.checks_met, l.checks_applying) {
        (Some(met), Some(of)) => format!("{met} of {of}"),
        _ => String::new(),
    }
}
