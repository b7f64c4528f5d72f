//! Recovery: a draft file that does not parse is moved aside (never overwritten) so the
//! program still starts and a backup can be restored; a temp file left by a crash between
//! writing and renaming, if newer and whole, is adopted.

use std::fs;
use std::path::PathBuf;
use std::time::{Duration, SystemTime};

use chrono::Utc;
use uuid::Uuid;

use super::{BackupReason, Store};
use crate::draft::Draft;

/// A draft file as read: what this build understands of it.
#[derive(Debug)]
pub struct Parsed {
    pub draft: Draft,
    /// Why it may only be read: it was saved by a newer music-sef.
    pub newer: Option<String>,
    /// Parts this build does not know were left out of `draft` (they stay in the file,
    /// which is never written while this is so).
    pub partial: bool,
}

/// Parse a draft this build understands completely.
///
/// # Errors
/// A short reason for the teacher.
pub fn parse_draft(bytes: &[u8]) -> Result<Draft, String> {
    match read_draft(bytes)? {
        Parsed {
            partial: true,
            newer,
            ..
        } => Err(newer.unwrap_or_default()),
        p => Ok(p.draft),
    }
}

fn newer_format(version: u32) -> String {
    format!(
        "This draft was saved by a newer version of music-sef (draft format {version}). It opens read-only so nothing is lost; please update music-sef to change it."
    )
}

/// Parse a draft, also one from a newer music-sef: a status or an answer of a kind this
/// build does not know is left out and the draft is marked read-only, so nothing is lost.
/// Only bytes that are not JSON, or not a draft at all, are refused (and then moved aside).
///
/// # Errors
/// A short reason for the teacher.
pub fn read_draft(bytes: &[u8]) -> Result<Parsed, String> {
    // The usual case in one pass, without building a JSON tree first.
    if let Ok(draft) = serde_json::from_slice::<Draft>(bytes) {
        if draft.format != crate::draft::DRAFT_FORMAT {
            return Err("not a music-sef draft".to_string());
        }
        let newer = (draft.format_version > crate::draft::DRAFT_FORMAT_VERSION)
            .then(|| newer_format(draft.format_version));
        return Ok(Parsed {
            draft,
            newer,
            partial: false,
        });
    }
    let value: serde_json::Value =
        serde_json::from_slice(bytes).map_err(|e| format!("not valid JSON: {e}"))?;
    if value.get("format").and_then(serde_json::Value::as_str) != Some(crate::draft::DRAFT_FORMAT) {
        return Err("not a music-sef draft".to_string());
    }
    match super::compat::known_part(value.clone()) {
        Some((draft, unknown)) => Ok(Parsed {
            newer: Some(
                if draft.format_version > crate::draft::DRAFT_FORMAT_VERSION {
                    newer_format(draft.format_version)
                } else {
                    super::compat::explain(&unknown)
                },
            ),
            draft,
            partial: true,
        }),
        None => serde_json::from_value::<Draft>(value)
            .map(|draft| Parsed {
                draft,
                newer: None,
                partial: false,
            })
            .map_err(|e| e.to_string()),
    }
}

impl Store {
    /// Move a damaged `draft.json` aside as `draft.corrupt-<time>.json`. Returns where.
    pub fn quarantine(&self, id: Uuid) -> Option<PathBuf> {
        let dir = self.draft_dir(id);
        let src = dir.join("draft.json");
        if !src.exists() {
            return None;
        }
        let stamp = Utc::now().format("%Y%m%dT%H%M%SZ");
        let mut dest = dir.join(format!("draft.corrupt-{stamp}.json"));
        let mut n = 1;
        while dest.exists() {
            n += 1;
            dest = dir.join(format!("draft.corrupt-{stamp}-{n}.json"));
        }
        fs::rename(&src, &dest).ok().map(|()| dest)
    }

    /// Why a draft folder has no readable draft, when a damaged file was kept aside earlier.
    pub fn quarantined_reason(&self, id: Uuid) -> Option<String> {
        let kept = fs::read_dir(self.draft_dir(id))
            .ok()?
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| {
                p.file_name()
                    .is_some_and(|n| n.to_string_lossy().starts_with("draft.corrupt-"))
            })
            .max()?;
        Some(format!(
            "its file was damaged and kept aside as {}",
            kept.display()
        ))
    }

    /// If a crash left a whole, newer `.draft.*.tmp`, make it the draft (after a backup).
    /// Other temp files are removed: all of them when we hold the draft's lock (no other
    /// writer can be busy), otherwise only those older than the draft and a minute old.
    pub fn adopt_newer_temp(&self, id: Uuid, locked: bool) {
        let dir = self.draft_dir(id);
        let draft_path = dir.join("draft.json");
        let Ok(rd) = fs::read_dir(&dir) else {
            return;
        };
        let draft_time = fs::metadata(&draft_path).and_then(|m| m.modified()).ok();
        for entry in rd.filter_map(Result::ok) {
            let path = entry.path();
            let name = entry.file_name().to_string_lossy().into_owned();
            if !(name.starts_with(".draft.") && name.ends_with(".tmp")) {
                continue;
            }
            let Ok(modified) = entry.metadata().and_then(|m| m.modified()) else {
                continue;
            };
            let old_enough = SystemTime::now()
                .duration_since(modified)
                .unwrap_or_default()
                > Duration::from_secs(60);
            let newer = draft_time.is_none_or(|t| modified > t);
            let whole = super::summary::read_regular_file(&path)
                .ok()
                .is_some_and(|(b, _)| parse_draft(&b).is_ok());
            if newer && whole {
                let _ = self.backup(id, BackupReason::BeforeRestore);
                let _ = fs::rename(&path, &draft_path);
            } else if locked || (!newer && old_enough) {
                let _ = fs::remove_file(&path);
            }
        }
    }
}
