//! `--version`: the program version and the folders in use.

use std::process::ExitCode;

use crate::paths::{DATA_DIR_ENV, DataDirs};

pub fn run(dirs: &DataDirs) -> ExitCode {
    println!("music-sef {}", env!("CARGO_PKG_VERSION"));
    println!("Data folder:              {}", dirs.root().display());
    println!("Drafts:                   {}", dirs.drafts().display());
    println!(
        "Installed questionnaires: {}",
        dirs.questionnaires().display()
    );
    println!(
        "Settings:                 {}",
        dirs.settings_file().display()
    );
    println!("Hub database:             {}", dirs.hub_db().display());
    println!("(Set {DATA_DIR_ENV} to use another data folder.)");
    ExitCode::SUCCESS
}
