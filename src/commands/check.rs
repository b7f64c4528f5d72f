//! `music-sef check FILE...`: validate questionnaire files for hub authors.

use std::process::ExitCode;

use crate::cli::CheckArgs;
use crate::questionnaire::load_file;

pub fn run(args: &CheckArgs) -> anyhow::Result<ExitCode> {
    let mut bad = 0;
    for path in &args.files {
        match load_file(path) {
            Ok(q) => println!(
                "ok  {}  (id {}, version {}, {} sections, {} questions)",
                path.display(),
                q.id,
                q.version,
                q.sections.len(),
                q.question_count()
            ),
            Err(e) => {
                bad += 1;
                eprintln!("{e}");
            }
        }
    }
    if bad > 0 {
        eprintln!(
            "\n{bad} of {} file{} need{} fixing. The format is described in docs/questionnaire-format.md.",
            args.files.len(),
            if args.files.len() == 1 { "" } else { "s" },
            if bad == 1 { "s" } else { "" }
        );
        return Ok(ExitCode::from(1));
    }
    Ok(ExitCode::SUCCESS)
}
