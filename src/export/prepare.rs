//! Working out a submission from a draft: the checks that refuse an export, and everything
//! the bundle's files say. Pure: no files, and the time comes in from the caller.

use chrono::{DateTime, Local, Utc};

use super::eml;
use super::facts::Facts;
use super::names::bundle_base;
use super::submission::{Changes, Dates, EmailFields, FileNames, Submission};
use super::{ExportError, ExportOptions, ExportWarning, MissingAnswer, mailto_link};
use crate::answers::parse::parse_url;
use crate::answers::{progress, scoring};
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
    let summaries = scoring::section_summaries(qn, &draft.answers);
    let email = email_fields(qn, draft, &facts, opts, &dates, incomplete);
    let warnings = warnings(&email, &missing);
    Ok(Submission {
        names: file_names(qn, &facts, &dates),
        progress: progress::overall(qn, &draft.answers),
        section_progress: progress::all_sections(qn, &draft.answers),
        award: scoring::award(qn, &draft.answers),
        changes: Changes::of(qn, draft, &summaries),
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
        generated_at: now.with_timezone(&Utc),
    }
}

fn file_names(qn: &Questionnaire, facts: &Facts, dates: &Dates) -> FileNames {
    let base = bundle_base(&facts.school_or_default(), &qn.id, &dates.iso);
    FileNames {
        pdf: format!("{base}.pdf"),
        csv: "answers.csv".to_string(),
        json: "submission.json".to_string(),
        eml: "email-to-hub.eml".to_string(),
        zip: format!("{base}.zip"),
        base,
    }
}

fn email_fields(
    qn: &Questionnaire,
    draft: &Draft,
    facts: &Facts,
    opts: &ExportOptions,
    dates: &Dates,
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
    let subject = eml::subject(qn, facts, &draft.title, &dates.display);
    let body = eml::body(qn, facts, &hub_name, incomplete);
    EmailFields {
        mailto: mailto_link(to.as_deref(), &subject, &body),
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
