//! The `hub` commands' arguments (design.md): argument types only, no behaviour.

use std::path::PathBuf;

use clap::{Args, Subcommand};

#[derive(Debug, Args)]
#[command(
    after_help = "The hub's year in commands:\n  music-sef hub expect edubasealldata20260901.csv --la \"Leicestershire\"\n  music-sef hub add ~/Downloads/returns\n  music-sef hub schools --outstanding\n  music-sef hub report --out ~/Desktop/roll-up\n\nSee docs/hub.md for the database and every report column."
)]
pub struct HubArgs {
    /// The hub database to use (default: hub/hub.sqlite in the data folder; see `music-sef paths`)
    #[arg(long, value_name = "PATH", global = true)]
    pub db: Option<PathBuf>,

    #[command(subcommand)]
    pub command: HubCommand,
}

#[derive(Debug, Subcommand)]
pub enum HubCommand {
    /// Take in schools' bundles: .zip files, bundle folders, submission.json files and saved e-mails (.eml); folders are searched
    Add(HubAddArgs),
    /// One line per school for the year: URN, name, phase, latest submission, questionnaire, overall judgement, status
    Schools(HubSchoolsArgs),
    /// Set the schools the hub expects to hear from, from the DfE GIAS extract or any CSV with URN and name columns
    Expect(HubExpectArgs),
    /// Write the roll-up: hub-<year>.xlsx, hub-<year>-summary.pdf and CSVs
    Report(HubReportArgs),
}

#[derive(Debug, Args)]
pub struct HubAddArgs {
    /// Bundles to take in: .zip, bundle folders, submission.json, .eml, or folders holding them
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// Print a line for every file, not only those refused, flagged or replacing an earlier one
    #[arg(short, long)]
    pub verbose: bool,
}

#[derive(Debug, Args)]
pub struct HubSchoolsArgs {
    /// Print the list as JSON (for scripts)
    #[arg(long)]
    pub json: bool,
    /// The academic year, e.g. 2026-27 (default: the newest with a submission)
    #[arg(long, value_name = "YEAR")]
    pub year: Option<String>,
    /// Only the expected schools that have sent nothing this year
    #[arg(long)]
    pub outstanding: bool,
}

#[derive(Debug, Args)]
pub struct HubExpectArgs {
    /// The CSV: the GIAS extract as downloaded, or any CSV with URN and name columns
    #[arg(value_name = "FILE.csv")]
    pub file: PathBuf,
    /// Keep only schools in this local authority (as in the "LA (name)" column); repeat for several
    #[arg(long = "la", value_name = "NAME")]
    pub local_authorities: Vec<String>,
}

#[derive(Debug, Args)]
pub struct HubReportArgs {
    /// The academic year, e.g. 2026-27 (default: the newest with a submission)
    #[arg(long, value_name = "YEAR")]
    pub year: Option<String>,
    /// The folder to write the report files in
    #[arg(long, value_name = "DIR")]
    pub out: PathBuf,
}
