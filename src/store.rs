//! Drafts on disk: `<data dir>/drafts/<uuid>/draft.json` with `draft.lock` and `backups/`.
//! Crash-safe writes, locking, listing and resolving a DRAFT argument.

pub mod atomic;
pub mod autosave;
pub mod backup;
mod compat;
pub mod lock;
pub mod migrate;
pub mod recovery;
pub mod rescue;
pub mod signals;
pub mod summary;

use std::fs;
use std::path::{Path, PathBuf};

use uuid::Uuid;

use crate::draft::Draft;
use crate::paths::DataDirs;
use crate::questionnaire::installed::Stamp;

pub use autosave::{Autosaver, SaveStatus};
pub use backup::{BackupInfo, BackupReason};
pub use lock::{DraftLock, LockError, LockHolder};

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    // The reason is part of the message (in plain words), so it is not also chained as a
    // source: that would print it twice.
    #[error("could not {action} {path}: {}", plain_reason(error))]
    Io {
        action: &'static str,
        path: PathBuf,
        error: std::io::Error,
    },
    #[error("the draft file {path} is damaged ({reason})")]
    Damaged { path: PathBuf, reason: String },
    /// Saved by a newer music-sef with parts this build does not know: it may be read, not
    /// changed.
    #[error("{reason}")]
    Newer { path: PathBuf, reason: String },
    #[error(
        "the draft file {0} is not a regular file (a pipe, device or socket), so it was skipped and not opened"
    )]
    NotRegular(PathBuf),
    #[error("no draft matches \"{0}\". Run `music-sef drafts` to see your drafts and their ids.")]
    NotFound(String),
    #[error("\"{spec}\" matches more than one draft: {matches}. Type more of the id.")]
    Ambiguous { spec: String, matches: String },
}

/// The reason in words a teacher can act on.
fn plain_reason(e: &std::io::Error) -> String {
    // By kind, not by number: the numbers differ between Linux, macOS and Windows.
    use std::io::ErrorKind as K;
    match e.kind() {
        K::StorageFull | K::QuotaExceeded => "the disk is full".to_string(),
        K::ReadOnlyFilesystem => "the disk is read-only".to_string(),
        K::PermissionDenied => "permission denied (the folder may be read-only)".to_string(),
        _ => e.to_string(),
    }
}

impl StoreError {
    /// Why it failed, without the file's path: short enough for the status line.
    pub fn reason(&self) -> String {
        match self {
            Self::Io { error, .. } => plain_reason(error),
            Self::Damaged { reason, .. } => reason.clone(),
            other => other.to_string(),
        }
    }

    pub fn io(action: &'static str, path: &Path, source: std::io::Error) -> Self {
        Self::Io {
            action,
            path: path.to_path_buf(),
            error: source,
        }
    }
}

/// The order of a drafts list: damaged drafts first (they need attention, by id), then the
/// newest first. Each side is (when last saved, None when damaged; id).
pub fn list_order(
    a: (Option<chrono::DateTime<chrono::Utc>>, Uuid),
    b: (Option<chrono::DateTime<chrono::Utc>>, Uuid),
) -> std::cmp::Ordering {
    match (a.0, b.0) {
        (Some(x), Some(y)) => y.cmp(&x),
        (None, Some(_)) => std::cmp::Ordering::Less,
        (Some(_), None) => std::cmp::Ordering::Greater,
        (None, None) => a.1.cmp(&b.1),
    }
}

/// One entry of the drafts list: a readable draft or a damaged one.
#[derive(Debug, Clone)]
pub enum Listing {
    Ok(Box<Draft>),
    Damaged { id: Uuid, reason: String },
}

impl Listing {
    pub fn id(&self) -> Uuid {
        match self {
            Self::Ok(d) => d.id,
            Self::Damaged { id, .. } => *id,
        }
    }
}

/// A draft opened for work: the draft, and the lock unless another program holds it.
#[derive(Debug)]
pub struct OpenDraft {
    pub draft: Draft,
    pub lock: Option<DraftLock>,
    /// Why the draft is read-only, in words for the teacher; None when it may be changed.
    pub read_only: Option<String>,
}

/// A draft as read from its file, also one saved by a newer music-sef.
#[derive(Debug)]
pub struct Loaded {
    pub draft: Draft,
    /// Why it may only be read, in words for the teacher.
    pub newer: Option<String>,
    /// Parts this build does not know were left out of `draft`.
    pub partial: bool,
    /// The draft file as it was read.
    pub stamp: Stamp,
}

#[derive(Debug, Clone)]
pub struct Store {
    dir: PathBuf,
}

impl Store {
    pub fn new(dirs: &DataDirs) -> Self {
        Self { dir: dirs.drafts() }
    }

    /// `<data dir>/drafts`.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// The folder of one draft. Named by the id, never by user text.
    pub fn draft_dir(&self, id: Uuid) -> PathBuf {
        self.dir.join(id.to_string())
    }

    pub fn draft_file(&self, id: Uuid) -> PathBuf {
        self.draft_dir(id).join("draft.json")
    }

    /// Write a draft crash-safely, creating its folder on first save.
    ///
    /// # Errors
    /// Any IO failure; the previous file is left intact.
    pub fn save(&self, draft: &Draft) -> Result<(), StoreError> {
        let dir = self.draft_dir(draft.id);
        fs::create_dir_all(&dir).map_err(|e| StoreError::io("create the folder", &dir, e))?;
        let json = serde_json::to_vec_pretty(draft).map_err(|e| StoreError::Damaged {
            path: dir.clone(),
            reason: e.to_string(),
        })?;
        atomic::write(&dir.join("draft.json"), &json)
    }

    /// Read one draft, also one from a newer music-sef (see `Loaded::newer`).
    ///
    /// # Errors
    /// Missing, damaged or special file.
    pub fn read(&self, id: Uuid) -> Result<Loaded, StoreError> {
        self.adopt_newer_temp(id, false);
        let path = self.draft_file(id);
        let (bytes, stamp) = summary::read_regular_file(&path).map_err(|e| match e.kind() {
            // The file was damaged earlier and kept aside: say so, not "file not found".
            std::io::ErrorKind::NotFound => match self.quarantined_reason(id) {
                Some(reason) => StoreError::Damaged {
                    path: path.clone(),
                    reason: format!(
                        "{reason}; restore a backup from the home screen (music-sef, then b)"
                    ),
                },
                None => StoreError::io("read", &path, e),
            },
            _ if crate::questionnaire::installed::is_not_regular(&e) => {
                StoreError::NotRegular(path.clone())
            }
            _ => StoreError::io("read", &path, e),
        })?;
        let parsed = recovery::read_draft(&bytes).map_err(|reason| StoreError::Damaged {
            path: path.clone(),
            reason,
        })?;
        Ok(Loaded {
            draft: parsed.draft,
            newer: parsed.newer,
            partial: parsed.partial,
            stamp,
        })
    }

    /// Read one draft to change it: one holding what this build does not know is refused,
    /// so it is never written back without those parts.
    ///
    /// # Errors
    /// Missing, damaged, special or newer file.
    pub fn load(&self, id: Uuid) -> Result<Draft, StoreError> {
        let loaded = self.read(id)?;
        if loaded.partial {
            return Err(StoreError::Newer {
                path: self.draft_file(id),
                reason: loaded.newer.unwrap_or_default(),
            });
        }
        Ok(loaded.draft)
    }

    /// Open a draft for editing: take its lock, or open read-only and say who holds it.
    ///
    /// # Errors
    /// Missing, damaged or special file.
    pub fn open(&self, id: Uuid) -> Result<OpenDraft, StoreError> {
        let loaded = match self.read(id) {
            Err(StoreError::Damaged { path, reason }) => {
                let kept = self.quarantine(id);
                return Err(StoreError::Damaged {
                    path: kept.unwrap_or(path),
                    reason: format!(
                        "{reason}; the file was kept aside, and a backup can be restored from the home screen (b)"
                    ),
                });
            }
            other => other?,
        };
        let mut read_only = None;
        let lock = match DraftLock::acquire(&self.draft_dir(id)) {
            Ok(lock) => {
                self.adopt_newer_temp(id, true);
                Some(lock)
            }
            Err(holder) => {
                read_only = Some(holder.describe());
                None
            }
        };
        if loaded.newer.is_some() {
            read_only = loaded.newer;
        }
        Ok(OpenDraft {
            draft: loaded.draft,
            lock,
            read_only,
        })
    }

    /// Open a draft and bring it in line with its (possibly newer) questionnaire, taking a
    /// backup first when anything changes.
    ///
    /// # Errors
    /// As [`Store::open`], or the reconciled draft cannot be saved.
    pub fn open_for(
        &self,
        id: Uuid,
        qn: &crate::questionnaire::Questionnaire,
    ) -> Result<(OpenDraft, migrate::Reconciliation), StoreError> {
        let mut opened = self.open(id)?;
        if opened.read_only.is_some() {
            return Ok((opened, migrate::Reconciliation::default()));
        }
        let mut draft = opened.draft.clone();
        let r = migrate::reconcile(&mut draft, qn);
        if r.changed() {
            self.backup(id, backup::BackupReason::BeforeMigration)?;
            self.save(&draft)?;
            opened.draft = draft;
        }
        Ok((opened, r))
    }

    /// Read a draft for a list of drafts: what it holds, or why it cannot be read, in
    /// words for the teacher. A damaged file is moved aside (a newer or special one never is).
    ///
    /// # Errors
    /// The reason the draft cannot be listed.
    pub fn read_listed(&self, id: Uuid) -> Result<Loaded, String> {
        self.read(id).map_err(|e| match &e {
            StoreError::Damaged { reason, .. } => match self.quarantine(id) {
                Some(kept) => format!(
                    "it could not be read ({reason}); the damaged file was kept as {}",
                    kept.display()
                ),
                None => reason.clone(),
            },
            StoreError::NotRegular(_) => e.to_string(),
            _ => self.quarantined_reason(id).unwrap_or_else(|| e.to_string()),
        })
    }

    /// Every draft folder, readable or damaged, newest first.
    pub fn list(&self) -> Vec<Listing> {
        let mut out: Vec<Listing> = self
            .ids()
            .into_iter()
            .map(|id| match self.read_listed(id) {
                Ok(l) => Listing::Ok(Box::new(l.draft)),
                Err(reason) => Listing::Damaged { id, reason },
            })
            .collect();
        out.sort_by(|a, b| {
            let when = |l: &Listing| match l {
                Listing::Ok(d) => Some(d.updated_at),
                Listing::Damaged { .. } => None,
            };
            list_order((when(a), a.id()), (when(b), b.id()))
        });
        out
    }

    /// A draft's title, from its summary when that is up to date, else from the draft (and
    /// the summary is made for next time). None when it cannot be read.
    fn title_of(&self, id: Uuid) -> Option<String> {
        if let Some(s) = self.summary(id) {
            return Some(s.title);
        }
        let l = self.read_listed(id).ok()?;
        self.keep_summary(&summary::Summary::of(&l.draft, l.stamp, l.newer));
        Some(l.draft.title)
    }

    /// Find a draft by full id, a unique id prefix of at least 4 characters, or exact title:
    /// from the folders' names and the drafts' summaries, without reading every draft.
    ///
    /// # Errors
    /// No match, or several.
    pub fn resolve(&self, spec: &str) -> Result<Uuid, StoreError> {
        let spec_trim = spec.trim();
        if let Ok(id) = Uuid::parse_str(spec_trim)
            && self.draft_dir(id).is_dir()
        {
            return Ok(id);
        }
        let ids = self.ids();
        let lower = spec_trim.to_ascii_lowercase();
        let mut all: Vec<Uuid> = if lower.len() >= 4 {
            ids.iter()
                .copied()
                .filter(|id| id.to_string().starts_with(&lower))
                .collect()
        } else {
            Vec::new()
        };
        for id in ids {
            if !all.contains(&id) && self.title_of(id).is_some_and(|t| t == spec_trim) {
                all.push(id);
            }
        }
        match all.as_slice() {
            [one] => Ok(*one),
            [] => Err(StoreError::NotFound(spec.to_string())),
            many => Err(StoreError::Ambiguous {
                spec: spec.to_string(),
                matches: many
                    .iter()
                    .map(|id| id.to_string()[..8].to_string())
                    .collect::<Vec<_>>()
                    .join(", "),
            }),
        }
    }

    /// Remove a draft folder entirely.
    ///
    /// # Errors
    /// IO failure.
    pub fn delete(&self, id: Uuid) -> Result<(), StoreError> {
        let dir = self.draft_dir(id);
        fs::remove_dir_all(&dir).map_err(|e| StoreError::io("delete", &dir, e))
    }
}
