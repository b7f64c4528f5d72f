//! The questionnaires a running program uses, found lazily: built-in ones are parsed when
//! asked for, and of the installed files only the one a draft uses is read (the others are
//! known from the installed folder's cache). It answers exactly as `Registry::discover`
//! would — an installed file replaces a built-in one with its id, the first of two installed
//! files with one id wins — without loading everything first.

use std::cell::OnceCell;
use std::hash::{Hash, Hasher};
use std::path::{Path, PathBuf};

use super::installed::{self, Installed, Known, Meta};
use chrono::NaiveDate;

use super::load::{LoadError, load_str_on};
use super::registry::{Entry, Origin};
use super::{Questionnaire, QuestionnaireRef};
use crate::paths::DataDirs;

pub struct Catalogue {
    dirs: DataDirs,
    /// The date options such as academic years are made for, so one run sees one set.
    today: NaiveDate,
    installed: OnceCell<Installed>,
}

/// A built-in questionnaire. Parsed without the full check: every shipped file is checked by
/// the test suite, so a build cannot ship one that fails it (if one did, the full load below
/// still says why).
fn builtin(name: &str, text: &str, today: NaiveDate) -> Result<Questionnaire, LoadError> {
    match serde_json::from_str::<Questionnaire>(text) {
        Ok(mut q) => {
            q.generate_options(today);
            Ok(q)
        }
        Err(_) => load_str_on(Path::new(name), text, today),
    }
}

/// The shipped file most likely to hold `id`: they are named after their ids.
fn builtin_named(id: &str) -> Option<(&'static str, &'static str)> {
    let name = format!("{id}.json");
    super::builtin::BUILTIN_FILES
        .iter()
        .find(|(n, _)| *n == name)
        .copied()
}

fn builtin_fingerprint(id: &str, text: &str) -> String {
    let mut h = std::collections::hash_map::DefaultHasher::new();
    text.hash(&mut h);
    format!("built-in {id} {:016x}", h.finish())
}

impl Catalogue {
    /// The questionnaires in `dirs`, with options made as of `today`.
    pub fn on(dirs: &DataDirs, today: NaiveDate) -> Self {
        Self {
            dirs: dirs.clone(),
            today,
            installed: OnceCell::new(),
        }
    }

    fn installed(&self) -> &Installed {
        self.installed.get_or_init(|| Installed::scan(&self.dirs))
    }

    /// The first installed file that loads with `id`, in file-name order.
    fn installed_with(&self, id: &str) -> Option<Entry> {
        let inst = self.installed();
        let found = inst.files.iter().find_map(|f| {
            let may = match &f.known {
                Known::Valid(m) => m.id == id,
                Known::Refused => false,
                Known::New => true,
            };
            let q = may.then(|| inst.load(f, self.today).ok()).flatten()?;
            (q.id == id).then(|| Entry::new(q, Origin::Installed(f.path.clone())))
        });
        inst.keep();
        found
    }

    fn builtin_with(&self, id: &str) -> Option<Entry> {
        let entry = |q: Questionnaire| Entry::new(q, Origin::BuiltIn);
        if let Some((name, text)) = builtin_named(id)
            && let Ok(q) = builtin(name, text, self.today)
            && q.id == id
        {
            return Some(entry(q));
        }
        super::builtin::BUILTIN_FILES
            .iter()
            .find_map(|(name, text)| {
                builtin(name, text, self.today)
                    .ok()
                    .filter(|q| q.id == id)
                    .map(entry)
            })
    }

    /// Look up by id, or load a file when `spec` is a path to one.
    ///
    /// # Errors
    /// An unknown id (the message lists the known ones) or a file that fails to load.
    pub fn find(&self, spec: &str) -> Result<Entry, LoadError> {
        if let Some(e) = self
            .installed_with(spec)
            .or_else(|| self.builtin_with(spec))
        {
            return Ok(e);
        }
        if let Some(loaded) = super::registry::from_path(spec, self.today) {
            return loaded;
        }
        Err(LoadError::UnknownId {
            id: spec.to_string(),
            known: self.listed().into_iter().map(|(m, _)| m.id).collect(),
        })
    }

    /// The questionnaire a draft was started with: by its recorded source file if it has
    /// one, else by id.
    ///
    /// # Errors
    /// The questionnaire is no longer available.
    pub fn for_draft(&self, r: &QuestionnaireRef) -> Result<Entry, LoadError> {
        if let Some(src) = &r.source
            && let Ok(q) = installed::load_regular(Path::new(src), self.today)
            && q.id == r.id
        {
            return Ok(Entry::new(q, Origin::File(PathBuf::from(src))));
        }
        self.find(&r.id)
    }

    /// Every usable questionnaire as a list shows it, in `Registry::discover`'s order.
    pub fn listed(&self) -> Vec<(Meta, Origin)> {
        let mut out: Vec<(Meta, Origin)> = super::builtin::BUILTIN_FILES
            .iter()
            .filter_map(|(name, text)| builtin(name, text, self.today).ok())
            .map(|q| (Meta::of(&q), Origin::BuiltIn))
            .collect();
        let inst = self.installed();
        let mut seen_installed: Vec<String> = Vec::new();
        for f in &inst.files {
            let meta = match &f.known {
                Known::Valid(m) => Some(m.clone()),
                Known::Refused => None,
                Known::New => inst.load(f, self.today).ok().map(|q| Meta::of(&q)),
            };
            let Some(meta) = meta else { continue };
            if seen_installed.contains(&meta.id) {
                continue;
            }
            seen_installed.push(meta.id.clone());
            let origin = Origin::Installed(f.path.clone());
            match out.iter_mut().find(|(m, _)| m.id == meta.id) {
                Some(slot) => *slot = (meta, origin),
                None => out.push((meta, origin)),
            }
        }
        inst.keep();
        out
    }

    /// A name for the questionnaire an entry came from, in its present state: progress
    /// worked out against it holds while the name stays the same.
    pub fn fingerprint(&self, e: &Entry) -> String {
        match &e.origin {
            Origin::BuiltIn => {
                let text = builtin_named(&e.questionnaire.id).map_or("", |(_, t)| t);
                builtin_fingerprint(&e.questionnaire.id, text)
            }
            Origin::Installed(p) | Origin::File(p) => file_fingerprint(p),
        }
    }

    /// The fingerprint `for_draft(r)` would give, worked out without reading a
    /// questionnaire; None when that cannot be known without reading one.
    pub fn expected_fingerprint(&self, r: &QuestionnaireRef) -> Option<String> {
        if let Some(src) = &r.source
            && std::fs::metadata(src).is_ok_and(|m| m.is_file())
        {
            return Some(file_fingerprint(Path::new(src)));
        }
        for f in &self.installed().files {
            match &f.known {
                Known::Valid(m) if m.id == r.id => return Some(file_fingerprint(&f.path)),
                Known::New => return None,
                _ => {}
            }
        }
        match builtin_named(&r.id) {
            Some((_, text)) => Some(builtin_fingerprint(&r.id, text)),
            None => Some(missing_fingerprint(&r.id)),
        }
    }
}

/// The fingerprint of a questionnaire that could not be found.
pub fn missing_fingerprint(id: &str) -> String {
    format!("missing {id}")
}

fn file_fingerprint(p: &Path) -> String {
    let stamp = std::fs::metadata(p)
        .map(|m| installed::Stamp::of(&m).to_string())
        .unwrap_or_default();
    format!("file {} {stamp}", p.display())
}
