//! The use cases every face calls — the full-screen view, plain mode and the commands — so a
//! fix reaches all of them at once: list and find drafts, open one for work, create, copy,
//! rename, delete and restore, the questionnaire choices, and export with one policy for the
//! hub's address and the output folder. No face opens, saves or exports a draft itself.

mod drafts;
mod export;
mod feedback;
mod list;
mod open;
mod print;

use chrono::NaiveDate;

use crate::paths::DataDirs;
use crate::questionnaire::{Catalogue, DEFAULT_ID, LoadError, Origin};
use crate::store::{Store, StoreError};

pub use drafts::{DraftInfo, DraftRow};
pub use export::{ExportRequest, Written};
pub use feedback::Attached;
pub use open::Opened;

#[derive(Debug, thiserror::Error)]
pub enum WorkflowError {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error(transparent)]
    Questionnaire(#[from] LoadError),
    #[error("the questionnaire \"{id}\" this draft was started with is not available: {source}")]
    QuestionnaireGone {
        id: String,
        #[source]
        source: LoadError,
    },
    /// Another window holds the draft: the sentence names who.
    #[error("{0}")]
    InUse(String),
    #[error(transparent)]
    Export(#[from] crate::export::ExportError),
    /// Starting from an earlier submission failed; the chain says why.
    #[error("{0:#}")]
    Import(anyhow::Error),
    /// A feedback file could not be taken in: the sentence says why and what to do.
    #[error("{0}")]
    Feedback(String),
}

/// One questionnaire a new draft can answer, as offered on the new-draft screen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Choice {
    pub id: String,
    pub title: String,
    pub description: String,
    pub built_in: bool,
    pub questions: usize,
    /// How long it usually takes, in words.
    pub time_needed: Option<String>,
    /// What to have ready before starting, one line each.
    pub have_ready: Vec<String>,
}

/// The data folder and what is in it. Questionnaires are found when first needed, and only
/// the ones needed are read.
pub struct Workflow {
    dirs: DataDirs,
    store: Store,
    catalogue: Catalogue,
}

impl Workflow {
    pub fn new(dirs: &DataDirs) -> Self {
        Self::on(dirs, crate::clock::Clock::system().today())
    }

    /// The workflow as of `today` (tests fix the date).
    pub fn on(dirs: &DataDirs, today: NaiveDate) -> Self {
        Self {
            dirs: dirs.clone(),
            store: Store::new(dirs),
            catalogue: Catalogue::on(dirs, today),
        }
    }

    pub fn dirs(&self) -> &DataDirs {
        &self.dirs
    }

    pub fn store(&self) -> &Store {
        &self.store
    }

    /// Built-in and installed questionnaires, each read when first needed.
    pub fn registry(&self) -> &Catalogue {
        &self.catalogue
    }

    /// The questionnaires a new draft can use, the default first (what most schools are
    /// asked for, and what Enter picks) and reflections last (they start from the hub's
    /// feedback, not from nothing).
    pub fn choices(&self) -> Vec<Choice> {
        let mut listed = self.catalogue.listed();
        listed.sort_by_key(|(m, _)| (m.id != DEFAULT_ID, m.reflection));
        listed
            .into_iter()
            .map(|(m, origin)| Choice {
                id: m.id,
                title: m.title,
                description: m.description,
                built_in: origin == Origin::BuiltIn,
                questions: m.questions,
                time_needed: m.time_needed,
                have_ready: m.have_ready,
            })
            .collect()
    }

    /// Save a draft crash-safely (plain mode saves after every answer).
    ///
    /// # Errors
    /// The disk refused; the previous file is intact.
    pub fn save(&self, draft: &crate::draft::Draft) -> Result<(), StoreError> {
        self.store.save(draft)
    }
}
