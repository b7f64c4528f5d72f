//! `hub report`: write the roll-up files and say what is in them.

use std::path::Path;
use std::process::ExitCode;

use crate::cli::hub::HubReportArgs;
use crate::hub::report;
use crate::hub::shown;
use crate::hub::year::AcademicYear;
use crate::paths::DataDirs;

pub fn run(a: &HubReportArgs, path: &Path, dirs: &DataDirs) -> anyhow::Result<ExitCode> {
    let db = super::open_existing(path)?;
    let registry = super::refresh(&db, dirs)?;
    let year = match &a.year {
        Some(y) => AcademicYear::from_arg(y)?,
        None => crate::hub::schools::default_year(&db)?,
    };
    let written = report::write(&db, &registry, year, &a.out)?;
    crate::outln!(
        "The roll-up for {year}: {} schools sent a submission, {} expected schools have not.",
        written.schools,
        written.outstanding
    );
    for (file, what) in &written.files {
        crate::outln!("  {}   {what}", shown(&file.display().to_string()));
    }
    for w in &written.warnings {
        crate::outln!("{w}");
    }
    Ok(ExitCode::SUCCESS)
}
