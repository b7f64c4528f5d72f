//! `music-sef questionnaires`: what can be used, where each comes from, and which installed
//! files could not be used and why.

use std::process::ExitCode;

use crate::paths::DataDirs;
use crate::questionnaire::{DEFAULT_ID, Entry, Origin, Registry};

pub fn run(dirs: &DataDirs) -> anyhow::Result<ExitCode> {
    let reg = Registry::discover(dirs);
    crate::text::print_part(&render(&reg, dirs));
    Ok(ExitCode::SUCCESS)
}

/// Where an entry comes from, short enough for a table column.
fn from(e: &Entry) -> String {
    match &e.origin {
        Origin::BuiltIn => "built in".to_string(),
        Origin::Installed(p) | Origin::File(p) => format!(
            "installed: {}",
            p.file_name().map_or_else(
                || p.display().to_string(),
                |n| n.to_string_lossy().into_owned()
            )
        ),
    }
}

/// The table of usable questionnaires, with a heading line.
fn table(reg: &Registry) -> String {
    let mut out = String::new();
    if reg.entries.is_empty() {
        out.push_str("No questionnaires found.\n");
    } else {
        let rows: Vec<[String; 6]> = reg
            .entries
            .iter()
            .map(|e| {
                // As written: a section asked once per agreed priority counts once.
                let q = e.written();
                let title = if q.id == DEFAULT_ID {
                    format!("{} (the default)", q.title)
                } else {
                    q.title.clone()
                };
                [
                    q.id.clone(),
                    q.version.clone(),
                    q.sections.len().to_string(),
                    q.question_count().to_string(),
                    from(e),
                    title,
                ]
            })
            .collect();
        let head = ["ID", "VERSION", "SECTIONS", "QUESTIONS", "FROM", "TITLE"];
        let width = |i: usize| {
            rows.iter()
                .map(|r| r[i].chars().count())
                .chain([head[i].len()])
                .max()
                .unwrap_or(0)
        };
        let w: Vec<usize> = (0..6).map(width).collect();
        let line = |r: [&str; 6]| {
            format!(
                "{:<w0$}  {:<w1$}  {:>w2$}  {:>w3$}  {:<w4$}  {}\n",
                r[0],
                r[1],
                r[2],
                r[3],
                r[4],
                r[5],
                w0 = w[0],
                w1 = w[1],
                w2 = w[2],
                w3 = w[3],
                w4 = w[4],
            )
        };
        out.push_str(&line(head));
        for r in &rows {
            out.push_str(&line([&r[0], &r[1], &r[2], &r[3], &r[4], &r[5]]));
        }
    }
    out
}

/// The whole listing, as printed.
pub fn render(reg: &Registry, dirs: &DataDirs) -> String {
    let mut out = table(reg);
    if !reg.replaced_builtins.is_empty() {
        out.push('\n');
    }
    for id in &reg.replaced_builtins {
        out.push_str(&format!(
            "The installed file for \"{id}\" replaces the built-in one; remove the file to use the built-in one again.\n"
        ));
    }
    out.push_str(&format!(
        "\nInstalled questionnaires are read from {}\nTo add one, check its file with `music-sef check FILE`, then copy it there.\n",
        dirs.questionnaires().display()
    ));
    if !reg.problems.is_empty() {
        out.push_str(&format!(
            "\n{} installed file{} could not be used:\n",
            reg.problems.len(),
            if reg.problems.len() == 1 { "" } else { "s" }
        ));
        for p in &reg.problems {
            for l in p.to_string().lines() {
                out.push_str("  ");
                out.push_str(l);
                out.push('\n');
            }
        }
    }
    out
}
