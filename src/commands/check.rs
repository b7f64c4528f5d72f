//! `music-sef check FILE...`: validate questionnaire files for hub authors, one `ok` line per
//! good file and every problem of a bad one.

use std::path::Path;
use std::process::ExitCode;

use crate::cli::CheckArgs;
use crate::questionnaire::{builtin::BUILTIN_FILES, load_file, load_str};

pub fn run(args: &CheckArgs) -> anyhow::Result<ExitCode> {
    let mut unusable = 0;
    for path in &args.files {
        match load_file(path) {
            Ok(q) => {
                crate::outln!(
                    "ok  {}  (id {}, version {}, {} section{}, {} question{})",
                    path.display(),
                    q.id,
                    q.version,
                    q.sections.len(),
                    plural(q.sections.len()),
                    q.question_count(),
                    plural(q.question_count())
                );
                if replaces_builtin(&q.id, path) {
                    crate::outln!(
                        "    note: \"{}\" is also the id of a built-in questionnaire; installed, this file replaces it",
                        q.id
                    );
                }
            }
            Err(e) => {
                unusable += 1;
                crate::errln!("{e}");
            }
        }
    }
    if unusable > 0 {
        let n = args.files.len();
        crate::errln!(
            "\n{unusable} of {n} file{} could not be used; see above for what to fix. How to write a questionnaire: docs/questionnaire-format.md",
            plural(n)
        );
        return Ok(ExitCode::from(1));
    }
    Ok(ExitCode::SUCCESS)
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

/// Whether `id` is a built-in questionnaire's id and `path` is not simply that built-in's file
/// (as when checking the shipped files themselves).
fn replaces_builtin(id: &str, path: &Path) -> bool {
    BUILTIN_FILES.iter().any(|(name, text)| {
        // Only the id matters here; a built-in that fails to load is reported elsewhere.
        load_str(Path::new(name), text).is_ok_and(|q| q.id == id)
            && std::fs::read_to_string(path).is_ok_and(|own| own != *text)
    })
}
