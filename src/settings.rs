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
}

impl Settings {
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
