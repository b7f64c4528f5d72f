//! Drafts on disk: `<data dir>/drafts/<uuid>/draft.json` with `draft.lock` and `backups/`.
//! Crash-safe writes, locking, listing and resolving a DRAFT argument.

pub mod atomic;
pub mod autosave;
pub mod backup;
pub mod lock;
pub mod migrate;
pub mod recovery;
pub mod rescue;
pub mod signals;

use std::fs;
use std::path::{Path, PathBuf};

use uuid::Uuid;

use crate::draft::{DRAFT_FORMAT_VERSION, Draft};
use crate::paths::DataDirs;

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

    /// Read one draft.
    ///
    /// # Errors
    /// Missing or damaged file.
    pub fn load(&self, id: Uuid) -> Result<Draft, StoreError> {
        self.adopt_newer_temp(id, false);
        let path = self.draft_file(id);
        let bytes = fs::read(&path).map_err(|e| match self.quarantined_reason(id) {
            // The file was damaged earlier and kept aside: say so, not "file not found".
            Some(reason) if e.kind() == std::io::ErrorKind::NotFound => StoreError::Damaged {
                path: path.clone(),
                reason: format!(
                    "{reason}; restore a backup from the home screen (music-sef, then b)"
                ),
            },
            _ => StoreError::io("read", &path, e),
        })?;
        recovery::parse_draft(&bytes).map_err(|reason| StoreError::Damaged { path, reason })
    }

    /// Open a draft for editing: take its lock, or open read-only and say who holds it.
    ///
    /// # Errors
    /// Missing or damaged file.
    pub fn open(&self, id: Uuid) -> Result<OpenDraft, StoreError> {
        let draft = match self.load(id) {
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
        if draft.format_version > DRAFT_FORMAT_VERSION {
            read_only = Some(format!(
                "This draft was saved by a newer version of music-sef (draft format {}). It opens read-only so nothing is lost; please update music-sef to change it.",
                draft.format_version
            ));
        }
        Ok(OpenDraft {
            draft,
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

    /// Every draft folder, readable or damaged, newest first.
    pub fn list(&self) -> Vec<Listing> {
        let Ok(entries) = fs::read_dir(&self.dir) else {
            return Vec::new();
        };
        let mut out: Vec<Listing> = entries
            .filter_map(Result::ok)
            .filter_map(|e| Uuid::parse_str(&e.file_name().to_string_lossy()).ok())
            .map(|id| match self.load(id) {
                Ok(d) => Listing::Ok(Box::new(d)),
                Err(e) => {
                    let reason = match &e {
                        StoreError::Damaged { reason, .. } => match self.quarantine(id) {
                            Some(kept) => format!(
                                "it could not be read ({reason}); the damaged file was kept as {}",
                                kept.display()
                            ),
                            None => reason.clone(),
                        },
                        _ => self.quarantined_reason(id).unwrap_or_else(|| e.to_string()),
                    };
                    Listing::Damaged { id, reason }
                }
            })
            .collect();
        out.sort_by(|a, b| match (a, b) {
            (Listing::Ok(x), Listing::Ok(y)) => y.updated_at.cmp(&x.updated_at),
            (Listing::Damaged { .. }, Listing::Ok(_)) => std::cmp::Ordering::Less,
            (Listing::Ok(_), Listing::Damaged { .. }) => std::cmp::Ordering::Greater,
            _ => a.id().cmp(&b.id()),
        });
        out
    }

    /// Find a draft by full id, a unique id prefix of at least 4 characters, or exact title.
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
        let list = self.list();
        let by_title: Vec<Uuid> = list
            .iter()
            .filter_map(|l| match l {
                Listing::Ok(d) if d.title == spec_trim => Some(d.id),
                _ => None,
            })
            .collect();
        let lower = spec_trim.to_ascii_lowercase();
        let by_prefix: Vec<Uuid> = if lower.len() >= 4 {
            list.iter()
                .map(Listing::id)
                .filter(|id| id.to_string().starts_with(&lower))
                .collect()
        } else {
            Vec::new()
        };
        let mut all = by_prefix;
        for id in by_title {
            if !all.contains(&id) {
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
