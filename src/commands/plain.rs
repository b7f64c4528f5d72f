//! `music-sef plain [DRAFT] [--questionnaire ID|PATH] [--title TEXT]`.

use std::io::{BufRead, Write};
use std::process::ExitCode;

use crate::cli::PlainArgs;
use crate::clock::Clock;
use crate::draft::Draft;
use crate::paths::DataDirs;
use crate::workflow::Workflow;

pub fn run(args: &PlainArgs, dirs: &DataDirs) -> anyhow::Result<ExitCode> {
    let workflow = Workflow::new(dirs);
    let clock = Clock::system();
    let id = match &args.draft {
        Some(spec) => workflow.resolve(spec)?,
        None => {
            let stdin = std::io::stdin();
            let mut input = stdin.lock();
            let mut out = std::io::stdout().lock();
            let questionnaire = match &args.questionnaire {
                Some(q) => q.clone(),
                None => choose_questionnaire(&workflow, &mut input, &mut out)?,
            };
            let title = match &args.title {
                Some(t) => t.clone(),
                None => choose_title(&mut input, &mut out, &clock)?,
            };
            drop((input, out));
            let d = workflow.create(
                Some(&questionnaire),
                Some(&title),
                clock.now(),
                clock.today(),
            )?;
            crate::outln!(
                "Started a new draft \"{}\" (id {}).",
                d.title,
                &d.id.to_string()[..8]
            );
            d.id
        }
    };
    crate::plain::run_draft(dirs, id)
}

/// Ask which questionnaire by number; Enter (or the end of input) takes the default one.
fn choose_questionnaire(
    workflow: &Workflow,
    input: &mut impl BufRead,
    out: &mut impl Write,
) -> anyhow::Result<String> {
    // The default questionnaire comes first so that Enter picks it, as `music-sef new` does.
    let entries = workflow.choices();
    let ids: Vec<String> = entries.iter().map(|q| q.id.clone()).collect();
    if ids.len() <= 1 {
        return Ok(ids
            .into_iter()
            .next()
            .unwrap_or_else(|| crate::questionnaire::registry::DEFAULT_ID.to_string()));
    }
    writeln!(out, "Which questionnaire would you like to answer?")?;
    for (i, q) in entries.iter().enumerate() {
        writeln!(out, "{}. {}", i + 1, q.title)?;
    }
    loop {
        writeln!(
            out,
            "Type the number of your choice, 1 to {}, or press Enter for number 1, the usual choice.",
            ids.len()
        )?;
        out.flush()?;
        let mut line = String::new();
        if input.read_line(&mut line)? == 0 || line.trim().is_empty() {
            return Ok(ids[0].clone());
        }
        match line.trim().parse::<usize>() {
            Ok(n) if (1..=ids.len()).contains(&n) => return Ok(ids[n - 1].clone()),
            _ => writeln!(out, "Please type a number from 1 to {}.", ids.len())?,
        }
    }
}

/// Ask for a title, offering a suggestion that Enter accepts.
fn choose_title(
    input: &mut impl BufRead,
    out: &mut impl Write,
    clock: &Clock,
) -> anyhow::Result<String> {
    let suggestion = Draft::suggest_title(None, None, clock.today());
    writeln!(
        out,
        "Title for this self-evaluation: type one, or press Enter to use \"{suggestion}\"."
    )?;
    out.flush()?;
    let mut line = String::new();
    input.read_line(&mut line)?;
    let typed = crate::answers::parse::sanitize(line.trim(), false);
    Ok(if typed.trim().is_empty() {
        suggestion
    } else {
        typed.trim().to_string()
    })
}
