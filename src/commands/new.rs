//! `music-sef new [--questionnaire ID|PATH] [--title TEXT] [--from SRC] [--plain]`.

use std::process::ExitCode;

use chrono::Local;

use crate::cli::NewArgs;
use crate::draft::{Draft, QuestionnaireRef};
use crate::paths::DataDirs;
use crate::questionnaire::{DEFAULT_ID, Origin, Registry};
use crate::store::Store;

/// Create and save a new empty draft; shared with plain mode.
///
/// # Errors
/// Unknown questionnaire or the draft cannot be saved.
pub fn create(
    dirs: &DataDirs,
    questionnaire: Option<&str>,
    title: Option<&str>,
) -> anyhow::Result<Draft> {
    let reg = Registry::discover(dirs);
    let entry = reg.find(questionnaire.unwrap_or(DEFAULT_ID))?;
    let source = match &entry.origin {
        Origin::File(p) => Some(
            std::fs::canonicalize(p)
                .unwrap_or_else(|_| p.clone())
                .display()
                .to_string(),
        ),
        _ => None,
    };
    let title = title.map(str::trim).filter(|t| !t.is_empty()).map_or_else(
        || Draft::suggest_title(None, None, Local::now().date_naive()),
        str::to_string,
    );
    let draft = Draft::new(
        title,
        QuestionnaireRef {
            id: entry.questionnaire.id.clone(),
            version: entry.questionnaire.version.clone(),
            source,
        },
    );
    Store::new(dirs).save(&draft)?;
    Ok(draft)
}

pub fn run(args: &NewArgs, dirs: &DataDirs) -> anyhow::Result<ExitCode> {
    let draft = match &args.from {
        Some(src) => crate::import::start_from(
            src,
            dirs,
            args.questionnaire.as_deref(),
            args.title.as_deref(),
        )?,
        None => create(dirs, args.questionnaire.as_deref(), args.title.as_deref())?,
    };
    if args.plain {
        return crate::plain::run_draft(dirs, draft.id);
    }
    crate::tui::run_draft(dirs, draft.id)
}
