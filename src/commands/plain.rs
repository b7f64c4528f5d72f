//! `music-sef plain [DRAFT] [--questionnaire ID|PATH] [--title TEXT]`.

use std::process::ExitCode;

use crate::cli::PlainArgs;
use crate::paths::DataDirs;
use crate::store::Store;

pub fn run(args: &PlainArgs, dirs: &DataDirs) -> anyhow::Result<ExitCode> {
    let id = match &args.draft {
        Some(spec) => Store::new(dirs).resolve(spec)?,
        None => {
            let d = super::new::create(dirs, args.questionnaire.as_deref(), args.title.as_deref())?;
            println!(
                "Started a new draft \"{}\" (id {}).",
                d.title,
                &d.id.to_string()[..8]
            );
            d.id
        }
    };
    crate::plain::run_draft(dirs, id)
}
