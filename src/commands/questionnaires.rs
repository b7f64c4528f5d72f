//! `music-sef questionnaires`: what can be used, and where each comes from.

use std::process::ExitCode;

use crate::paths::DataDirs;
use crate::questionnaire::Registry;

pub fn run(dirs: &DataDirs) -> anyhow::Result<ExitCode> {
    let reg = Registry::discover(dirs);
    if reg.entries.is_empty() {
        println!("No questionnaires found.");
    } else {
        println!(
            "{:<32} {:<9} {:>8} {:>9}  TITLE / FROM",
            "ID", "VERSION", "SECTIONS", "QUESTIONS"
        );
        for e in &reg.entries {
            let q = &e.questionnaire;
            println!(
                "{:<32} {:<9} {:>8} {:>9}  {}",
                q.id,
                q.version,
                q.sections.len(),
                q.question_count(),
                q.title
            );
            println!(
                "{:<32} {:<9} {:>8} {:>9}  ({})",
                "",
                "",
                "",
                "",
                e.origin.describe()
            );
        }
    }
    println!(
        "\nTo add a questionnaire, put its .json file in {}\nand check it with: music-sef check FILE",
        dirs.questionnaires().display()
    );
    if !reg.problems.is_empty() {
        println!("\nThese installed files could not be used:");
        for p in &reg.problems {
            println!("  {p}");
        }
    }
    Ok(ExitCode::SUCCESS)
}
