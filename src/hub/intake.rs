//! `hub add`: finding the bundles under the paths given, taking each in, and counting what
//! happened. A file that cannot be taken is refused with its reason and the run goes on.

pub mod flag;
pub mod record;
pub mod refresh;
pub mod school;
pub mod sources;

use std::path::{Path, PathBuf};

use chrono::{SecondsFormat, Utc};
use rusqlite::params;

pub use record::{Flag, Outcome, Recorded};
pub use sources::Received;

use super::db::{Batch, HubDb};
use super::{HubError, shown};
use crate::questionnaire::Registry;

/// Folders deeper than this below a path given are not searched (and links are never
/// followed), so a loop or a whole disk cannot keep a run going for ever.
const MAX_DEPTH: usize = 24;
/// Files committed together; see [`Batch`].
const BATCH: usize = 200;

/// What the walk found: files to read, and how many others it passed over.
#[derive(Debug, Default)]
pub struct Inputs {
    pub files: Vec<PathBuf>,
    /// Paths given that do not exist or cannot be listed, with the reason.
    pub missing: Vec<(PathBuf, String)>,
    /// Files in the folders that are not bundles (PDFs, CSVs, …).
    pub skipped: usize,
    /// Files of bundle folders that are not bundles themselves (the report, the CSV).
    pub beside: usize,
}

/// Whether a file met while searching a folder may hold a submission.
fn looks_like_bundle(path: &Path) -> bool {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default();
    name.ends_with(".zip") || name.ends_with(".eml") || name.ends_with("submission.json")
}

/// The files to take in: each path given as it is, folders searched below (hidden folders,
/// such as an export's half-written `.…` folders, are left out).
pub fn find_inputs(paths: &[PathBuf]) -> Inputs {
    let mut out = Inputs::default();
    for p in paths {
        match std::fs::metadata(p) {
            Ok(m) if m.is_dir() => walk(p, 0, &mut out),
            Ok(_) => out.files.push(p.clone()),
            Err(e) => out.missing.push((p.clone(), plain_io(&e))),
        }
    }
    out
}

fn plain_io(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "there is no such file or folder; check the path".into(),
        std::io::ErrorKind::PermissionDenied => "permission denied".into(),
        _ => e.to_string(),
    }
}

fn walk(dir: &Path, depth: usize, out: &mut Inputs) {
    let rd = match std::fs::read_dir(dir) {
        Ok(rd) => rd,
        Err(e) => {
            out.missing.push((dir.to_path_buf(), plain_io(&e)));
            return;
        }
    };
    let mut entries: Vec<_> = rd.filter_map(Result::ok).collect();
    // submission.json first: it is checked against the files beside it, which are what the
    // hub will read, before the e-mail that carries its own copies.
    entries.sort_by_key(|e| {
        let name = e.file_name().to_string_lossy().to_ascii_lowercase();
        (!name.ends_with("submission.json"), e.file_name())
    });
    // A bundle folder's report and CSV are part of the bundle, not files passed over.
    let bundle_folder = entries.iter().any(|e| {
        e.file_type().is_ok_and(|k| k.is_file())
            && e.file_name()
                .to_string_lossy()
                .to_ascii_lowercase()
                .ends_with("submission.json")
    });
    for e in entries {
        let path = e.path();
        let Ok(kind) = e.file_type() else { continue };
        if kind.is_symlink() {
            out.skipped += 1;
        } else if kind.is_dir() {
            let hidden = e.file_name().to_string_lossy().starts_with('.');
            if !hidden && depth < MAX_DEPTH {
                walk(&path, depth + 1, out);
            }
        } else if looks_like_bundle(&path) {
            out.files.push(path);
        } else if bundle_folder {
            out.beside += 1;
        } else {
            out.skipped += 1;
        }
    }
}

/// What happened to one file.
#[derive(Debug, Clone)]
pub struct FileResult {
    pub path: PathBuf,
    pub result: Result<Recorded, String>,
    /// The same submission as another file of the same folder in this run (a bundle
    /// folder's e-mail beside its submission.json): part of that bundle, not news.
    pub same_bundle: bool,
}

/// The end-of-run counts.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RunSummary {
    /// Files that were part of a bundle already counted: a bundle folder's report, CSV and
    /// e-mail.
    pub beside: usize,
    /// New submissions kept (current, newer or older).
    pub taken: usize,
    pub already_had: usize,
    /// Of those taken: newer than the one held for the school, which is now history.
    pub newer: usize,
    /// Of those taken: older than the one held, kept as history.
    pub older: usize,
    /// Taken or already had, with something to look at (a copy changed after export adds
    /// its flag to the submission already held).
    pub flagged: usize,
    pub refused: usize,
    pub skipped: usize,
}

impl RunSummary {
    fn count(&mut self, r: &FileResult) {
        if r.same_bundle {
            self.beside += 1;
            return;
        }
        match &r.result {
            Err(_) => self.refused += 1,
            Ok(rec) => {
                self.flagged += usize::from(!rec.flags.is_empty());
                match rec.outcome {
                    Outcome::AlreadyHad => self.already_had += 1,
                    o => {
                        self.taken += 1;
                        self.newer += usize::from(o == Outcome::Newer);
                        self.older += usize::from(o == Outcome::Older);
                    }
                }
            }
        }
    }
}

/// Take in every file of `inputs`, calling `seen` after each (for progress and messages).
///
/// # Errors
/// The database is in use or cannot be written; what was committed before stays.
pub fn run(
    db: &HubDb,
    registry: &Registry,
    inputs: &Inputs,
    seen: &mut dyn FnMut(&FileResult),
) -> Result<RunSummary, HubError> {
    let missing = inputs
        .missing
        .iter()
        .map(|(p, why)| (p.clone(), Err(why.clone())));
    let read = inputs.files.iter().map(|p| {
        let r = sources::read(p).map_err(|e| refusal(p, &e));
        (p.clone(), r)
    });
    let mut summary = take_all(db, registry, missing.chain(read), seen)?;
    summary.skipped = inputs.skipped;
    summary.beside += inputs.beside;
    Ok(summary)
}

/// Take in submissions already read (the generator's, for benchmarks and tests), exactly
/// as `run` does after reading files.
///
/// # Errors
/// As [`run`].
pub fn take_received(
    db: &HubDb,
    registry: &Registry,
    items: impl Iterator<Item = Received>,
) -> Result<RunSummary, HubError> {
    let items = items.map(|r| (r.source.clone(), Ok(r)));
    take_all(db, registry, items, &mut |_| {})
}

fn take_all(
    db: &HubDb,
    registry: &Registry,
    items: impl Iterator<Item = (PathBuf, Result<Received, String>)>,
    seen: &mut dyn FnMut(&FileResult),
) -> Result<RunSummary, HubError> {
    let mut summary = RunSummary::default();
    let run_id = db.write(|c| {
        c.execute("INSERT INTO intake_runs (started_at) VALUES (?1)", [now()])?;
        Ok(c.last_insert_rowid())
    })?;
    let mut batch = Batch::new(db, BATCH);
    let mut seen_here = std::collections::HashSet::new();
    for (path, read) in items {
        let result = match read {
            Err(why) => Err(why),
            Ok(received) => {
                let prepared = record::prepare(registry, &received);
                Ok(batch.run(|c| record::record(c, &received, &prepared))?)
            }
        };
        let same_bundle = match &result {
            Ok(rec) => {
                let key = (path.parent().map(Path::to_path_buf), rec.identity.clone());
                !seen_here.insert(key) && rec.outcome == Outcome::AlreadyHad
            }
            Err(_) => false,
        };
        let r = FileResult {
            path,
            result,
            same_bundle,
        };
        log(&mut batch, run_id, &r)?;
        summary.count(&r);
        seen(&r);
    }
    batch.finish()?;
    let s = &summary;
    db.write(|c| {
        c.execute(
            "UPDATE intake_runs SET finished_at = ?2, taken = ?3, already_had = ?4, newer = ?5, flagged = ?6, refused = ?7 WHERE id = ?1",
            params![run_id, now(), s.taken, s.already_had, s.newer, s.flagged, s.refused],
        )
    })?;
    Ok(summary)
}

/// The reason alone: the caller prints the path beside it.
fn refusal(path: &Path, e: &crate::import::reader::ImportError) -> String {
    let full = e.to_string();
    let prefix = format!("{}: ", path.display());
    shown(full.strip_prefix(&prefix).unwrap_or(&full))
}

fn now() -> String {
    Utc::now().to_rfc3339_opts(SecondsFormat::Secs, true)
}

fn log(batch: &mut Batch<'_>, run_id: i64, r: &FileResult) -> Result<(), HubError> {
    let (outcome, id, message) = match &r.result {
        Ok(rec) => (
            rec.outcome.name(),
            Some(rec.id),
            (!rec.flags.is_empty()).then(|| {
                rec.flags
                    .iter()
                    .map(|f| f.message.as_str())
                    .collect::<Vec<_>>()
                    .join("; ")
            }),
        ),
        Err(why) => ("refused", None, Some(why.clone())),
    };
    batch.run(|c| {
        c.prepare_cached(
            "INSERT INTO intake_log (run_id, path, outcome, submission_id, message) VALUES (?1, ?2, ?3, ?4, ?5)",
        )?
        .execute(params![run_id, r.path.display().to_string(), outcome, id, message])
        .map(|_| ())
    })
}
