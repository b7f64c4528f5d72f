//! `hub decide URN …`: the hub's decision on a school's submission — recommendation,
//! certificate or award, one to three agreed priorities — checked, with every problem named,
//! and kept with its history.

use std::path::Path;
use std::process::ExitCode;

use crate::cli::hub::HubDecideArgs;
use crate::hub::decision::{Input, PriorityInput};
use crate::hub::{day_of, shown};
use crate::paths::DataDirs;

/// The priorities as given: each `--priority` with the `--actions`, `--support` and
/// `--review-date` given after it, in order.
fn priorities(a: &HubDecideArgs) -> Result<Vec<PriorityInput>, String> {
    let n = a.priority.len();
    for (flag, count) in [
        ("--actions", a.actions.len()),
        ("--support", a.support.len()),
        ("--review-date", a.review_date.len()),
    ] {
        if count != n {
            return Err(format!(
                "{n} --priority given but {count} {flag}: give {flag} once for each priority, after it."
            ));
        }
    }
    Ok((0..n)
        .map(|i| PriorityInput {
            text: a.priority[i].clone(),
            actions: a.actions[i].clone(),
            support: a.support[i].clone(),
            review_date: a.review_date[i].clone(),
        })
        .collect())
}

pub fn run(a: &HubDecideArgs, path: &Path, dirs: &DataDirs) -> anyhow::Result<ExitCode> {
    let priorities = match priorities(a) {
        Ok(p) => p,
        Err(why) => {
            crate::errln!("The decision was not kept: {why}");
            return Ok(ExitCode::from(1));
        }
    };
    let desk = super::desk(path, dirs)?;
    let t = desk.target(&a.urn, a.submission.as_deref(), "decide on")?;
    let remembered = desk.officer();
    let officer = a
        .officer
        .clone()
        .or_else(|| remembered.clone())
        .or_else(|| super::ask("Your name, as the hub officer deciding (asked once): "))
        .unwrap_or_default();
    let input = Input {
        recommended: (a.recommend || a.not_recommended).then_some(a.recommend),
        certificate: a.certificate.clone(),
        award: a.award.clone(),
        priorities,
        officer: officer.clone(),
    };
    let stored = match desk.decide(&t, &input, chrono::Utc::now())? {
        Ok(s) => s,
        Err(problems) => {
            crate::errln!(
                "The decision on {} (submission of {}) was not kept; nothing was changed. To fix:",
                shown(&t.school),
                day_of(&t.generated_at)
            );
            for p in problems {
                crate::errln!("  - {}", p.message);
            }
            return Ok(ExitCode::from(1));
        }
    };
    if remembered.is_none()
        && let Err(e) = desk.remember(Some(&officer), None)
    {
        crate::errln!("note: {e}");
    }
    let urn = t.urn.map(|u| u.to_string()).unwrap_or_default();
    crate::outln!(
        "Decision kept for URN {urn} {} (submission of {}), by {}:",
        shown(&t.school),
        day_of(&t.generated_at),
        shown(&stored.outcome.officer)
    );
    crate::outln!("  {}", stored.outcome.headline());
    for (i, p) in stored.priorities.iter().enumerate() {
        crate::outln!(
            "  Priority {}: {} (look again by {})",
            i + 1,
            shown(&p.text),
            p.review_date.format("%-d %b %Y")
        );
    }
    crate::outln!(
        "Next: write the letter and feedback for the school with `music-sef hub feedback {urn}`."
    );
    Ok(ExitCode::SUCCESS)
}
