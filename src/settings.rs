//! Things asked once and remembered: the music hub's e-mail address, the folder for bundles and
//! whether the mouse is off. Kept in the platform's config folder; a `settings.json` left in the
//! data folder by an earlier version is moved there the first time it is read.

use serde::{Deserialize, Serialize};

use crate::paths::DataDirs;

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Settings {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hub_email: Option<String>,
    /// The folder the teacher chose for bundles (else Documents/music-sef).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub export_dir: Option<std::path::PathBuf>,
    /// The hub desk's: who signs decisions and the hub's name on its letters.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hub_desk: Option<HubDesk>,
    /// `Some(false)` once the teacher turned the mouse off (F4), so text can be selected as
    /// in any other program; absent means on.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mouse: Option<bool>,
}

/// What the hub desk asks once and remembers.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct HubDesk {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub officer: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hub_name: Option<String>,
}

impl Settings {
    /// The hub officer's name, once given.
    pub fn officer(&self) -> Option<&str> {
        self.hub_desk
            .as_ref()
            .and_then(|d| d.officer.as_deref())
            .filter(|o| !o.trim().is_empty())
    }

    /// The hub's name for its letters, once given.
    pub fn hub_name(&self) -> Option<&str> {
        self.hub_desk
            .as_ref()
            .and_then(|d| d.hub_name.as_deref())
            .filter(|h| !h.trim().is_empty())
    }

    /// The hub desk's settings, to change.
    pub fn hub_desk_mut(&mut self) -> &mut HubDesk {
        self.hub_desk.get_or_insert_with(HubDesk::default)
    }

    /// The saved settings, or defaults when there are none or the file is unreadable.
    pub fn load(dirs: &DataDirs) -> Self {
        let read = |path: &std::path::Path| -> Option<Self> {
            let bytes = std::fs::read(path).ok()?;
            serde_json::from_slice(&bytes).ok()
        };
        if let Some(s) = read(&dirs.settings_file()) {
            return s;
        }
        let old = dirs.old_settings_file();
        if old == dirs.settings_file() {
            return Self::default();
        }
        let Some(s) = read(&old) else {
            return Self::default();
        };
        // Moved only once the copy is safely written: if that fails, the old file still
        // holds the settings and they are used as they are.
        if s.save(dirs).is_ok() {
            let _ = std::fs::remove_file(&old);
        }
        s
    }

    /// The mouse is on unless it was turned off.
    pub fn mouse_on(&self) -> bool {
        self.mouse != Some(false)
    }

    /// Save crash-safely.
    ///
    /// # Errors
    /// The folder cannot be written.
    pub fn save(&self, dirs: &DataDirs) -> Result<(), crate::store::StoreError> {
        let path = dirs.settings_file();
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent)
                .map_err(|e| crate::store::StoreError::io("create the folder", parent, e))?;
        }
        let bytes = serde_json::to_vec_pretty(self).unwrap_or_default();
        crate::store::atomic::write(&path, &bytes)
    }
}
