//! The `hub` commands' arguments (design.md): argument types only, no behaviour.

use std::path::PathBuf;

use clap::{Args, Subcommand};

#[derive(Debug, Args)]
#[command(
    after_help = "Run `music-sef hub` on its own in a terminal to open the hub desk: the schools table, a school's page, review states, decisions and feedback.\n\nThe hub's year in commands:\n  music-sef hub expect edubasealldata20260901.csv --la \"Leicestershire\"\n  music-sef hub add ~/Downloads/returns\n  music-sef hub schools --outstanding\n  music-sef hub review 123456 --state in-review --note \"Meeting booked for 2 Dec\"\n  music-sef hub decide 123456 --recommend --certificate ambition-quality --priority \"…\" --actions \"…\" --support \"…\" --review-date 2027-06-30\n  music-sef hub feedback 123456\n  music-sef hub report --out ~/Desktop/roll-up\n\nSee docs/hub.md for the database and every report column."
)]
pub struct HubArgs {
    /// The hub database to use (default: hub/hub.sqlite in the data folder; see `music-sef paths`)
    #[arg(long, value_name = "PATH", global = true)]
    pub db: Option<PathBuf>,

    /// Without a command: open the hub desk (in a terminal)
    #[command(subcommand)]
    pub command: Option<HubCommand>,
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
    /// Change a school's review state (received, in-review, follow-up, decided), with a note
    Review(HubReviewArgs),
    /// Keep the hub's decision on a school's submission: recommendation, certificate or award, agreed priorities
    Decide(HubDecideArgs),
    /// Write the feedback bundle for a school: a letter PDF, feedback.json and an e-mail with both attached
    Feedback(HubFeedbackArgs),
}

#[derive(Debug, Args)]
#[command(
    after_help = "Each change is kept with its note, who and when; the school's page on the desk shows the history.\n\nExample:\n  music-sef hub review 123456 --state follow-up --note \"Asked for the plan link\""
)]
pub struct HubReviewArgs {
    /// The school's URN (six digits)
    pub urn: String,
    /// The new state: received, in-review, follow-up (follow-up asked) or decided
    #[arg(long, value_name = "STATE")]
    pub state: String,
    /// Why, in a sentence (kept in the history)
    #[arg(long, value_name = "TEXT")]
    pub note: Option<String>,
    /// Who changes it (default: the officer's name given before)
    #[arg(long, value_name = "NAME")]
    pub officer: Option<String>,
    /// Which submission, by the start of its id (default: the school's newest review)
    #[arg(long, value_name = "ID")]
    pub submission: Option<String>,
}

#[derive(Debug, Args)]
#[command(
    after_help = "Give each agreed priority as --priority, then its --actions, --support and --review-date, up to three times. A new decision replaces the one before; both are kept.\n\nExample:\n  music-sef hub decide 123456 --recommend --certificate ambition-quality \\\n    --priority \"A full hour of music a week in KS2\" --actions \"Timetable from September\" \\\n    --support \"Curriculum training for two teachers\" --review-date 2027-06-30 --officer \"Sam Patel\""
)]
pub struct HubDecideArgs {
    /// The school's URN (six digits)
    pub urn: String,
    /// Recommend the school for the Music Mark of Recognition
    #[arg(long, conflicts_with = "not_recommended")]
    pub recommend: bool,
    /// Do not recommend it this time
    #[arg(long, alias = "not-recommend")]
    pub not_recommended: bool,
    /// With --recommend: dedication-improvement or ambition-quality
    #[arg(long, value_name = "CERTIFICATE")]
    pub certificate: Option<String>,
    /// For a quality-mark audit: bronze, silver, gold or working-towards-bronze
    #[arg(long, value_name = "LEVEL")]
    pub award: Option<String>,
    /// An agreed priority, in a sentence (one to three)
    #[arg(long, value_name = "TEXT")]
    pub priority: Vec<String>,
    /// What the school will do about the priority before it
    #[arg(long, value_name = "TEXT")]
    pub actions: Vec<String>,
    /// The support the hub offers for the priority before it
    #[arg(long, value_name = "TEXT")]
    pub support: Vec<String>,
    /// When to look at the priority before it again, e.g. 2027-06-30
    #[arg(long = "review-date", value_name = "DATE")]
    pub review_date: Vec<String>,
    /// The hub officer deciding (asked once, then remembered)
    #[arg(long, value_name = "NAME")]
    pub officer: Option<String>,
    /// Which submission, by the start of its id (default: the school's newest review)
    #[arg(long, value_name = "ID")]
    pub submission: Option<String>,
}

#[derive(Debug, Args)]
pub struct HubFeedbackArgs {
    /// The school's URN (six digits)
    pub urn: String,
    /// The folder to write the feedback folder in (default: the folder for bundles)
    #[arg(long, value_name = "DIR")]
    pub out: Option<PathBuf>,
    /// The hub's name for the letter (asked once, then remembered)
    #[arg(long, value_name = "NAME")]
    pub hub_name: Option<String>,
    /// Which submission, by the start of its id (default: the school's newest review)
    #[arg(long, value_name = "ID")]
    pub submission: Option<String>,
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
