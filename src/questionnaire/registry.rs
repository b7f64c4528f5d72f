//! Finding questionnaires: built-in ones, installed files in `<data dir>/questionnaires/`,
//! and any file path given where an id is expected.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use super::Questionnaire;
use super::load::{LoadError, load_file_on, load_str_on, local_today};
use crate::paths::DataDirs;

/// Where a questionnaire came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Origin {
    BuiltIn,
    Installed(PathBuf),
    File(PathBuf),
}

impl Origin {
    pub fn describe(&self) -> String {
        match self {
            Self::BuiltIn => "built in".to_string(),
            Self::Installed(p) => format!("installed: {}", p.display()),
            Self::File(p) => format!("file: {}", p.display()),
        }
    }
}

#[derive(Debug, Clone)]
pub struct Entry {
    /// As a draft with no agreed priorities sees it: a section repeated for each priority
    /// is left out, so whatever reads it (the list, print, a test) never meets one unmade.
    pub questionnaire: Questionnaire,
    pub origin: Origin,
    /// The file as written, when it has sections repeated for each priority.
    pub template: Option<Box<Questionnaire>>,
}

impl Entry {
    /// `q` as loaded, made for no agreed priorities, its template kept when it repeats.
    pub fn new(q: Questionnaire, origin: Origin) -> Self {
        if !q.repeats() {
            return Self {
                questionnaire: q,
                origin,
                template: None,
            };
        }
        Self {
            questionnaire: q.for_agreed(None),
            origin,
            template: Some(Box::new(q)),
        }
    }

    /// The file as written, repeated sections and all.
    pub fn written(&self) -> &Questionnaire {
        self.template.as_deref().unwrap_or(&self.questionnaire)
    }

    /// The questionnaire as a draft looking back on `agreed` sees it: each repeated
    /// section made once for each agreed priority.
    pub fn for_agreed(&self, agreed: Option<&crate::feedback::Agreed>) -> Questionnaire {
        match (&self.template, agreed) {
            (Some(t), Some(_)) => t.for_agreed(agreed),
            _ => self.questionnaire.clone(),
        }
    }
}

/// All questionnaires known now, plus the installed files that failed to load.
#[derive(Debug, Default)]
pub struct Registry {
    pub entries: Vec<Entry>,
    pub problems: Vec<LoadError>,
    /// Ids of built-in questionnaires that an installed file has replaced.
    pub replaced_builtins: Vec<String>,
    /// The date options such as academic years were made for; files loaded later through
    /// this registry use it too, so one run sees one set of years.
    today: NaiveDate,
}

/// A questionnaire named by a path where an id was expected; None when `spec` does not
/// look like a path.
pub fn from_path(spec: &str, today: NaiveDate) -> Option<Result<Entry, LoadError>> {
    let path = Path::new(spec);
    let looks =
        path.is_file() || spec.ends_with(".json") || spec.contains(std::path::MAIN_SEPARATOR);
    looks
        .then(|| load_file_on(path, today).map(|q| Entry::new(q, Origin::File(path.to_path_buf()))))
}

/// The id used when none is given.
pub const DEFAULT_ID: &str = "school-music-self-evaluation";

impl Registry {
    /// Built-in questionnaires, then installed ones (an installed file with the same id as
    /// a built-in one takes its place, so a hub can ship a newer version), as of today.
    pub fn discover(dirs: &DataDirs) -> Self {
        Self::discover_on(dirs, local_today())
    }

    /// [`Registry::discover`] with options such as academic years made as of `today`.
    pub fn discover_on(dirs: &DataDirs, today: NaiveDate) -> Self {
        let mut reg = Self {
            today,
            ..Self::default()
        };
        for (name, text) in super::builtin::BUILTIN_FILES {
            match load_str_on(Path::new(name), text, today) {
                Ok(q) => reg.add(q, Origin::BuiltIn),
                Err(e) => reg.problems.push(e),
            }
        }
        // A missing folder is normal (nothing installed); an unreadable one is ignored
        // likewise, as the built-in questionnaires still work. Special files are named
        // among the problems and never opened.
        let installed = super::installed::Installed::scan(dirs);
        for f in &installed.files {
            match installed.load(f, today) {
                Ok(q) => reg.add_installed(q, f.path.clone()),
                Err(e) => reg.problems.push(e),
            }
        }
        installed.keep();
        reg.problems.extend(installed.skipped);
        reg
    }

    /// Add, or replace in place an entry with the same id (keeping the listing's order).
    fn add(&mut self, questionnaire: Questionnaire, origin: Origin) {
        let entry = Entry::new(questionnaire, origin);
        match self
            .entries
            .iter_mut()
            .find(|e| e.questionnaire.id == entry.questionnaire.id)
        {
            Some(slot) => *slot = entry,
            None => self.entries.push(entry),
        }
    }

    /// An installed file replaces a built-in questionnaire with its id (so a hub can ship a
    /// newer version), but two installed files with one id are a mistake: the first by file
    /// name is kept and the other reported.
    fn add_installed(&mut self, questionnaire: Questionnaire, path: PathBuf) {
        let clash = self
            .entries
            .iter()
            .find(|e| e.questionnaire.id == questionnaire.id);
        match clash.map(|e| &e.origin) {
            Some(Origin::Installed(other) | Origin::File(other)) => {
                self.problems.push(LoadError::SameId {
                    path,
                    id: questionnaire.id,
                    other: other.clone(),
                });
                return;
            }
            Some(Origin::BuiltIn) => self.replaced_builtins.push(questionnaire.id.clone()),
            None => {}
        }
        self.add(questionnaire, Origin::Installed(path));
    }

    /// The questionnaire `id` as its file is written (repeated sections and all), if held.
    pub fn written(&self, id: &str) -> Option<&Questionnaire> {
        self.entries
            .iter()
            .find(|e| e.questionnaire.id == id)
            .map(Entry::written)
    }

    /// The date this registry's generated options were made for.
    pub fn today(&self) -> NaiveDate {
        self.today
    }

    /// Look up by id, or load a file when `spec` is a path to one.
    ///
    /// # Errors
    /// An unknown id (the message lists the known ones) or a file that fails to load.
    pub fn find(&self, spec: &str) -> Result<Entry, LoadError> {
        if let Some(e) = self.entries.iter().find(|e| e.questionnaire.id == spec) {
            return Ok(e.clone());
        }
        if let Some(loaded) = from_path(spec, self.today) {
            return loaded;
        }
        Err(LoadError::UnknownId {
            id: spec.to_string(),
            known: self
                .entries
                .iter()
                .map(|e| e.questionnaire.id.clone())
                .collect(),
        })
    }

    /// The questionnaire a draft was started with: by its recorded source file if it has
    /// one, else by id.
    ///
    /// # Errors
    /// The questionnaire is no longer available.
    pub fn for_draft(&self, r: &super::QuestionnaireRef) -> Result<Entry, LoadError> {
        if let Some(src) = &r.source
            && let Ok(q) = super::installed::load_regular(Path::new(src), self.today)
            && q.id == r.id
        {
            return Ok(Entry::new(q, Origin::File(PathBuf::from(src))));
        }
        self.find(&r.id)
    }
}
