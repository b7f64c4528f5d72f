//! `music-sef paths`: the folders in use, so a teacher can find their work, back it up or
//! install a hub's questionnaire, and a support person can see which settings file is read.

use std::process::ExitCode;

use crate::paths::{CONFIG_DIR_ENV, DATA_DIR_ENV, DataDirs, EXPORT_DIR_ENV};

pub fn run(dirs: &DataDirs) -> ExitCode {
    let rows = [
        ("Data folder", dirs.root().to_path_buf()),
        ("Drafts", dirs.drafts()),
        ("Installed questionnaires", dirs.questionnaires()),
        ("Settings", dirs.settings_file()),
        ("Bundles are written to", dirs.exports().to_path_buf()),
    ];
    for (what, path) in rows {
        println!("{:<26}{}", format!("{what}:"), path.display());
    }
    println!("(Set {DATA_DIR_ENV}, {CONFIG_DIR_ENV} or {EXPORT_DIR_ENV} to use other folders.)");
    ExitCode::SUCCESS
}
