//! The prepared submission: everything the bundle says, worked out once by `prepare`, so the
//! PDF, CSV, JSON and e-mail writers agree and none of them recomputes it.

use std::collections::BTreeSet;

use chrono::{DateTime, Utc};

use super::facts::Facts;
use super::{ExportWarning, MissingAnswer};
use crate::answers::Progress;
use crate::answers::scoring::{AwardOutcome, SectionSummary};
use crate::draft::Draft;
use crate::questionnaire::Questionnaire;

#[derive(Debug, Clone)]
pub struct Submission<'a> {
    pub qn: &'a Questionnaire,
    pub draft: &'a Draft,
    /// Required answers still missing, in questionnaire order (empty when complete).
    pub missing: Vec<MissingAnswer>,
    /// Exported with required answers missing: every page is marked INCOMPLETE DRAFT.
    pub incomplete: bool,
    pub facts: Facts,
    pub progress: Progress,
    /// Progress of each section, in questionnaire order.
    pub section_progress: Vec<Progress>,
    pub summaries: Vec<SectionSummary>,
    pub award: Option<AwardOutcome>,
    pub changes: Changes,
    pub names: FileNames,
    pub email: EmailFields,
    pub dates: Dates,
    /// What the teacher should know, known before writing (the writer adds the PDF's).
    pub warnings: Vec<ExportWarning>,
}

/// What changed since the submission this draft was started from (empty when it was not).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Changes {
    /// Question ids whose answer differs from the previous submission's.
    pub ids: BTreeSet<String>,
    /// The "Since last time" lines for the first page.
    pub since_last_time: Vec<String>,
    /// The previous submission's date as shown, for "Changed since …".
    pub previous_date: Option<String>,
}

/// The bundle's file names. Only the PDF, the folder and the zip carry the school's name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileNames {
    /// `<school>-<YYYY-MM-DD>-<tag>` (see `names::bundle_base`): the folder's name and the
    /// stem of the PDF and the zip.
    pub base: String,
    pub pdf: String,
    pub csv: String,
    pub json: String,
    pub eml: String,
    pub zip: String,
}

impl FileNames {
    /// The files inside the folder, in the order they are zipped.
    pub fn in_folder(&self) -> [&str; 4] {
        [&self.pdf, &self.csv, &self.json, &self.eml]
    }
}

/// The e-mail as it will be sent, and as a `mailto:` link for mail programs that cannot
/// open the `.eml`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EmailFields {
    /// The hub's address; None when nobody knows it yet.
    pub to: Option<String>,
    /// The school's contact address, so the hub's reply reaches the school.
    pub from: Option<String>,
    pub hub_name: String,
    pub subject: String,
    pub body: String,
    pub mailto: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Dates {
    /// The export day as people read it ("1 Dec 2026"), on every page and in the subject.
    pub display: String,
    /// The export day as `YYYY-MM-DD`, in file names.
    pub iso: String,
    /// The moment of export, in submission.json.
    pub generated_at: DateTime<Utc>,
}
