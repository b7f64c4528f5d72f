//! Working out a submission from a draft: the checks that refuse an export, and everything
//! the bundle's files say. Pure: no files, and the time comes in from the caller.

use chrono::{DateTime, Local, Utc};

use super::decision::{self, Decision};
use super::eml;
use super::facts::Facts;
use super::names::bundle_base;
use super::submission::{Changes, Dates, EmailFields, FileNames, Submission};
use super::{ExportError, ExportOptions, ExportWarning, MissingAnswer, mailto_link};
use crate::answers::parse::parse_url;
use crate::answers::{checklist, progress, scoring, summary};
use crate::draft::Draft;
use crate::questionnaire::{Questionnaire, Requirement};

/// Everything the bundle for `draft` will say, as of `now`.
///
/// # Errors
/// Required answers are missing (and `opts` does not allow it), or the development plan
/// link cannot be used.
pub fn prepare<'a>(
    qn: &'a Questionnaire,
    draft: &'a Draft,
    opts: &ExportOptions,
    now: DateTime<Local>,
) -> Result<Submission<'a>, ExportError> {
    let missing = missing_required(qn, draft);
    let incomplete = !missing.is_empty();
    if incomplete && !opts.allow_incomplete {
        return Err(ExportError::Incomplete { missing });
    }
    let facts = Facts::gather(qn, draft);
    if let Some(url) = &facts.plan_url {
        parse_url(url).map_err(|reason| ExportError::PlanLink {
            url: url.clone(),
            reason,
        })?;
    }
    let dates = dates(now);
    let answers = &draft.answers;
    let summaries = scoring::section_summaries(qn, answers);
    let checklist = checklist::evaluate(qn, answers, dates.day);
    let award = scoring::award(qn, answers);
    let progress = progress::overall(qn, answers);
    let changes = Changes::of(qn, draft, &summaries);
    let decision = decision::build(&decision::Inputs {
        qn,
        facts: &facts,
        progress: &progress,
        checklist: &checklist,
        summaries: &summaries,
        award: award.as_ref(),
        since_last_time: &changes.since_last_time,
    });
    let result = result_text(&checklist, award.as_ref(), incomplete);
    let email = email_fields(
        (qn, draft),
        &facts,
        opts,
        (&dates, &decision, &result),
        incomplete,
    );
    let warnings = warnings(&email, &missing);
    Ok(Submission {
        names: file_names(qn, &facts, &dates),
        summary: summary::row_with(qn, answers, dates.day, &checklist),
        section_progress: progress::all_sections(qn, answers),
        progress,
        award,
        checklist,
        decision,
        changes,
        summaries,
        qn,
        draft,
        missing,
        incomplete,
        facts,
        email,
        dates,
        warnings,
    })
}

fn missing_required(qn: &Questionnaire, draft: &Draft) -> Vec<MissingAnswer> {
    progress::missing(qn, &draft.answers, Requirement::Required)
        .into_iter()
        .map(|(si, q)| MissingAnswer {
            section: qn.sections[si].title.clone(),
            id: q.id.clone(),
            prompt: q.prompt.clone(),
        })
        .collect()
}

fn dates(now: DateTime<Local>) -> Dates {
    let today = now.date_naive();
    Dates {
        display: today.format("%-d %b %Y").to_string(),
        iso: today.format("%Y-%m-%d").to_string(),
        day: today,
        generated_at: now.with_timezone(&Utc),
    }
}

/// Every file named from one base (see `names::bundle_base`), so each attachment says whose
/// it is.
fn file_names(qn: &Questionnaire, facts: &Facts, dates: &Dates) -> FileNames {
    let base = bundle_base(
        facts.urn.as_deref(),
        &facts.school_or_default(),
        &qn.id,
        &dates.iso,
    );
    FileNames {
        pdf: format!("{base}.pdf"),
        csv: format!("{base}-answers.csv"),
        summary: format!("{base}-summary.csv"),
        json: format!("{base}-submission.json"),
        eml: format!("{base}-email.eml"),
        zip: format!("{base}.zip"),
        base,
    }
}

/// The outcome in a few words for the subject: the checklist's count and the award.
fn result_text(
    items: &[checklist::ItemResult],
    award: Option<&scoring::AwardOutcome>,
    incomplete: bool,
) -> String {
    let mut parts = Vec::new();
    if incomplete {
        parts.push("INCOMPLETE DRAFT".to_string());
    }
    if !items.is_empty() {
        let met = checklist::tally(items).met;
        parts.push(format!("checklist {met} of {} met", items.len()));
    }
    if let Some(a) = award {
        parts.push(match (&a.level_label, a.unanswered) {
            (Some(l), _) => format!("indicative award {l}"),
            (None, 0) => "no award yet".to_string(),
            (None, _) => "award not decided yet".to_string(),
        });
    }
    if parts.is_empty() {
        parts.push("complete".to_string());
    }
    parts.join(", ")
}

fn email_fields(
    (qn, draft): (&Questionnaire, &Draft),
    facts: &Facts,
    opts: &ExportOptions,
    (dates, decision, result): (&Dates, &Decision, &str),
    incomplete: bool,
) -> EmailFields {
    let hub_name = qn
        .submission
        .as_ref()
        .map_or("your music hub", |s| s.hub_name.as_str())
        .to_string();
    // The questionnaire's address is the hub's own word, so it beats a remembered one.
    let to = qn
        .submission
        .as_ref()
        .and_then(|s| s.hub_email.clone())
        .or_else(|| opts.hub_email.clone());
    let subject = eml::subject(
        qn,
        facts,
        &eml::SubjectParts {
            title: &draft.title,
            date: &dates.display,
            result,
        },
    );
    let letter = eml::body(qn, facts, &hub_name, incomplete);
    // A mailto: link is cut short by some systems, so it carries the letter only; the .eml
    // carries the decision page too.
    let body = eml::with_decision(&letter, decision);
    EmailFields {
        mailto: mailto_link(to.as_deref(), &subject, &letter),
        from: facts.contact_email.clone(),
        to,
        hub_name,
        subject,
        body,
    }
}

/// The warnings known before writing, in the order they are shown.
fn warnings(email: &EmailFields, missing: &[MissingAnswer]) -> Vec<ExportWarning> {
    let mut out = Vec::new();
    if email.to.is_none() {
        out.push(ExportWarning::NoHubAddress);
    }
    if !missing.is_empty() {
        out.push(ExportWarning::Incomplete {
            missing: missing.len(),
        });
    }
    out
}

#[cfg(test)]
mod tests;
