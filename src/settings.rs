//! Things asked once and remembered: the music hub's e-mail address, the folder for bundles.

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
        std::fs::read(dirs.settings_file())
            .ok()
            .and_then(|b| serde_json::from_slice(&b).ok())
            .unwrap_or_default()
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
