//! Backups of a draft in `backups/<UTC time>.json`: taken at the first save of a session and
//! before restore, migration and export; the last 10 are kept, plus one a day for 30 days.

use std::fs;
use std::path::{Path, PathBuf};

use chrono::{DateTime, NaiveDateTime, Utc};
use uuid::Uuid;

use super::{Store, StoreError, atomic};
use crate::draft::Draft;

const KEEP_RECENT: usize = 10;
const KEEP_DAYS: i64 = 30;
const NAME_FORMAT: &str = "%Y%m%dT%H%M%S%.6fZ";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BackupReason {
    SessionStart,
    BeforeRestore,
    BeforeMigration,
    BeforeExport,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BackupInfo {
    pub path: PathBuf,
    pub taken_at: DateTime<Utc>,
    pub answered: usize,
    pub title: String,
}

impl Store {
    fn backup_dir(&self, id: Uuid) -> PathBuf {
        self.draft_dir(id).join("backups")
    }

    /// Copy the draft as it is on disk now into `backups/`, then prune old copies.
    ///
    /// # Errors
    /// The copy could not be written.
    pub fn backup(
        &self,
        id: Uuid,
        _reason: BackupReason,
    ) -> Result<Option<BackupInfo>, StoreError> {
        let src = self.draft_file(id);
        let Ok(bytes) = fs::read(&src) else {
            return Ok(None);
        };
        if serde_json::from_slice::<Draft>(&bytes).is_err() {
            // A damaged file is moved aside elsewhere; never back up garbage over good copies.
            return Ok(None);
        }
        let dir = self.backup_dir(id);
        fs::create_dir_all(&dir).map_err(|e| StoreError::io("create the folder", &dir, e))?;
        let now = Utc::now();
        let path = dir.join(format!("{}.json", now.format(NAME_FORMAT)));
        atomic::write(&path, &bytes)?;
        self.prune(id, now);
        Ok(self.backups(id).into_iter().find(|b| b.path == path))
    }

    /// Backups newest first, with what each holds.
    pub fn backups(&self, id: Uuid) -> Vec<BackupInfo> {
        let Ok(rd) = fs::read_dir(self.backup_dir(id)) else {
            return Vec::new();
        };
        let mut out: Vec<BackupInfo> = rd
            .filter_map(Result::ok)
            .filter_map(|e| {
                let path = e.path();
                let taken_at = parse_name(&path)?;
                let draft: Draft = serde_json::from_slice(&fs::read(&path).ok()?).ok()?;
                Some(BackupInfo {
                    answered: draft.answers.values().filter(|v| v.is_answered()).count(),
                    title: draft.title,
                    path,
                    taken_at,
                })
            })
            .collect();
        out.sort_by_key(|b| std::cmp::Reverse(b.taken_at));
        out
    }

    /// Put a backup back as the draft, after backing up the current draft.
    ///
    /// # Errors
    /// The backup cannot be read or the draft cannot be written.
    pub fn restore(&self, id: Uuid, backup: &Path) -> Result<Draft, StoreError> {
        let bytes = fs::read(backup).map_err(|e| StoreError::io("read", backup, e))?;
        let mut draft: Draft = serde_json::from_slice(&bytes).map_err(|e| StoreError::Damaged {
            path: backup.to_path_buf(),
            reason: e.to_string(),
        })?;
        self.backup(id, BackupReason::BeforeRestore)?;
        draft.id = id;
        draft.updated_at = Utc::now();
        self.save(&draft)?;
        Ok(draft)
    }

    fn prune(&self, id: Uuid, now: DateTime<Utc>) {
        let all = self.backups_by_name(id);
        let mut keep_days = std::collections::BTreeSet::new();
        for (i, (path, at)) in all.iter().enumerate() {
            let day = at.date_naive();
            let recent = i < KEEP_RECENT;
            let daily = (now - *at).num_days() <= KEEP_DAYS && keep_days.insert(day);
            if !recent && !daily {
                let _ = fs::remove_file(path);
            }
        }
    }

    /// Backup files newest first by their names (cheap: no parsing of contents).
    fn backups_by_name(&self, id: Uuid) -> Vec<(PathBuf, DateTime<Utc>)> {
        let Ok(rd) = fs::read_dir(self.backup_dir(id)) else {
            return Vec::new();
        };
        let mut v: Vec<_> = rd
            .filter_map(Result::ok)
            .filter_map(|e| {
                let p = e.path();
                parse_name(&p).map(|t| (p, t))
            })
            .collect();
        v.sort_by_key(|b| std::cmp::Reverse(b.1));
        v
    }
}

fn parse_name(path: &Path) -> Option<DateTime<Utc>> {
    let stem = path.file_stem()?.to_str()?;
    NaiveDateTime::parse_from_str(stem, NAME_FORMAT)
        .ok()
        .map(|n| n.and_utc())
}
