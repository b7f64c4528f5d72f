//! `--version`: the program version and the folders in use.

use std::process::ExitCode;

use crate::paths::{DATA_DIR_ENV, DataDirs};

pub fn run(dirs: &DataDirs) -> ExitCode {
    crate::outln!("music-sef {}", env!("CARGO_PKG_VERSION"));
    crate::outln!("Data folder:              {}", dirs.root().display());
    crate::outln!("Drafts:                   {}", dirs.drafts().display());
    crate::outln!(
        "Installed questionnaires: {}",
        dirs.questionnaires().display()
    );
    crate::outln!(
        "Settings:                 {}",
        dirs.settings_file().display()
    );
    crate::outln!("Hub database:             {}", dirs.hub_db().display());
    crate::outln!("(Set {DATA_DIR_ENV} to use another data folder.)");
    ExitCode::SUCCESS
}
