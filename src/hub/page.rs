//! A school's page on the hub desk, worked out from the database as headed lines: the
//! review state and its history, the decision in force with its priorities and any
//! reflections on them, the decision page's facts (overall judgement, checklist, award),
//! what changed since the school's last submission, every answer, and earlier submissions.
//! Pure data: the desk draws it, a test reads it.

use super::decision;
use super::desk::Desk;
use super::review;
use super::stored::{self, Loaded};
use super::target::{Target, all_for};
use super::{HubError, reflection, shown};
use crate::answers::display::answer_text;

/// "02 Dec 2026": always eleven characters, so the desk's columns line up.
pub fn day_of(iso: &str) -> String {
    chrono::DateTime::parse_from_rfc3339(iso)
        .map(|d| d.format("%d %b %Y").to_string())
        .unwrap_or_else(|_| shown(iso))
}

/// One line of the page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Line {
    Heading(String),
    Text(String),
    Muted(String),
}

/// The page of the school `urn`: its title and lines.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Page {
    pub title: String,
    pub lines: Vec<Line>,
}

/// Build the page of the school `urn`, about the submission the desk acts on.
///
/// # Errors
/// No submission from the school, or the database cannot be read.
pub fn build(desk: &Desk, urn: u32) -> Result<Page, HubError> {
    let t = desk.target(&urn.to_string(), None, "show")?;
    let mut lines = Vec::new();
    state(desk, &t, &mut lines)?;
    decided(desk, &t, &mut lines)?;
    let loaded = stored::load(desk.db(), desk.registry(), t.row)?;
    if let Some(l) = &loaded {
        looks_back(desk, l, &mut lines);
        facts(l, &mut lines);
        answers(l, &mut lines);
    }
    earlier(desk, urn, &t, &mut lines)?;
    Ok(Page {
        title: shown(&format!("URN {urn} {} · {}", t.school, t.title)),
        lines,
    })
}

fn state(desk: &Desk, t: &Target, lines: &mut Vec<Line>) -> Result<(), HubError> {
    let now = review::current(desk.db(), &t.sha256)?;
    lines.push(Line::Heading(format!("Review state: {}", now.label())));
    lines.push(Line::Muted(format!(
        "Submission of {} ({}), id {}",
        day_of(&t.generated_at),
        shown(&t.title),
        &t.sha256[..12.min(t.sha256.len())]
    )));
    for e in review::history(desk.db(), &t.sha256)? {
        let who = e
            .officer
            .as_deref()
            .map(|o| format!(" by {}", shown(o)))
            .unwrap_or_default();
        let note = e
            .note
            .as_deref()
            .map(|n| format!(": {}", shown(n)))
            .unwrap_or_default();
        lines.push(Line::Text(format!(
            "{} {}{who}{note}",
            day_of(&e.at),
            e.state.label()
        )));
    }
    Ok(())
}

fn decided(desk: &Desk, t: &Target, lines: &mut Vec<Line>) -> Result<(), HubError> {
    let Some(d) = decision::current(desk.db(), &t.sha256)? else {
        lines.push(Line::Heading("Decision: not yet".into()));
        lines.push(Line::Muted("Press d to fill in the decision.".into()));
        return Ok(());
    };
    lines.push(Line::Heading(shown(&format!(
        "Decision: {}",
        d.outcome.headline()
    ))));
    lines.push(Line::Muted(shown(&format!(
        "by {} on {}",
        d.outcome.officer,
        d.outcome.decided_at.format("%d %b %Y")
    ))));
    for (i, p) in d.priorities.iter().enumerate() {
        lines.push(Line::Text(shown(&format!(
            "Priority {}: {}",
            i + 1,
            p.text
        ))));
        lines.push(Line::Muted(shown(&format!(
            "  Actions: {} · Support: {} · Review by {}",
            p.actions,
            p.support,
            p.review_date.format("%d %b %Y")
        ))));
    }
    if let Some((at, _)) = super::feedback::last_sent(desk.db(), d.id)? {
        lines.push(Line::Muted(format!("Feedback written {}", day_of(&at))));
    }
    for row in reflection::on(desk.db(), &t.sha256)? {
        if let Some(r) = stored::load(desk.db(), desk.registry(), row)? {
            lines.push(Line::Heading(format!(
                "Reflection of {} on these priorities",
                r.sub.generated_at.format("%d %b %Y")
            )));
            let raw = desk.registry().written(&r.sub.questionnaire.id);
            lines.extend(reflection::lines(raw, &r.sub).into_iter().map(Line::Text));
        }
    }
    Ok(())
}

/// A submission started from the hub's feedback: how far it says each priority has come.
fn looks_back(desk: &Desk, l: &Loaded, lines: &mut Vec<Line>) {
    let Some(a) = &l.sub.agreed else {
        return;
    };
    lines.push(Line::Heading(shown(&format!(
        "Looks back on the priorities agreed with {} on {}",
        a.hub,
        a.decided_at.format("%d %b %Y")
    ))));
    let written = desk.registry().written(&l.sub.questionnaire.id);
    lines.extend(
        reflection::lines(written, &l.sub)
            .into_iter()
            .map(Line::Text),
    );
}

fn facts(l: &Loaded, lines: &mut Vec<Line>) {
    let s = &l.summary;
    lines.push(Line::Heading("The decision page".into()));
    // The plan link first: it is what the hub checks before anything else.
    lines.extend(plan_lines(s).iter().map(|l| Line::Text(shown(l))));
    if let Some(who) = contact_line(s) {
        lines.push(Line::Text(shown(&who)));
    }
    if let Some(o) = &s.overall {
        lines.push(Line::Text(shown(&format!(
            "Overall judgement: {}",
            o.label
        ))));
    }
    if let Some(a) = &s.award {
        let level = a.level_label.as_deref().unwrap_or("no award yet");
        lines.push(Line::Text(shown(&format!("Indicative award: {level}"))));
    }
    for (label, status) in &s.checks {
        lines.push(Line::Text(shown(&format!("{label}: {}", status.word()))));
    }
    if !s.support.is_empty() {
        lines.push(Line::Text(shown(&format!(
            "Support asked for: {}",
            s.support.join(", ")
        ))));
    }
    if !l.sub.changed.is_empty()
        && let Some(qn) = &l.qn
    {
        lines.push(Line::Heading(format!(
            "Changed since the last submission ({})",
            l.sub.changed.len()
        )));
        for id in &l.sub.changed {
            let prompt = qn.question(id).map_or(id.as_str(), |q| q.prompt.as_str());
            lines.push(Line::Text(shown(prompt)));
        }
    }
}

/// "Music development plan: https://…", then its dates on a line of their own (a long link
/// would otherwise push them onto a broken line), worded as on the bundle's decision page.
fn plan_lines(s: &super::summary::SchoolSummary) -> Vec<String> {
    let Some(url) = &s.plan_url else {
        return vec!["Music development plan: no link given".to_string()];
    };
    let day = |d: &chrono::NaiveDate| d.format("%d %b %Y").to_string();
    let published = s.plan_published.as_ref().map(day);
    let review = s.plan_next_review.as_ref().map(day);
    let dates = crate::export::decision::plan_dates(published.as_deref(), review.as_deref());
    std::iter::once(format!("Music development plan: {url}"))
        .chain(dates)
        .collect()
}

/// Who filled it in and how to reach them, when the submission says.
fn contact_line(s: &super::summary::SchoolSummary) -> Option<String> {
    match (&s.completed_by, &s.contact_email) {
        (Some(who), Some(mail)) => Some(format!("Contact: {who} <{mail}>")),
        (Some(who), None) => Some(format!("Contact: {who}")),
        (None, Some(mail)) => Some(format!("Contact: {mail}")),
        (None, None) => None,
    }
}

fn answers(l: &Loaded, lines: &mut Vec<Line>) {
    let Some(qn) = &l.qn else {
        lines.push(Line::Muted(
            "Its questionnaire is not installed here: install it to read the answers.".into(),
        ));
        return;
    };
    for section in &qn.sections {
        let answered: Vec<_> = section
            .questions
            .iter()
            .filter_map(|q| {
                l.sub
                    .answers
                    .get(&q.id)
                    .filter(|v| v.is_answered())
                    .map(|v| (q, v))
            })
            .collect();
        if answered.is_empty() {
            continue;
        }
        lines.push(Line::Heading(shown(&section.title)));
        for (q, v) in answered {
            lines.push(Line::Text(shown(&format!(
                "{}: {}",
                q.prompt,
                answer_text(qn, q, v)
            ))));
        }
    }
}

fn earlier(desk: &Desk, urn: u32, t: &Target, lines: &mut Vec<Line>) -> Result<(), HubError> {
    let others: Vec<Target> = all_for(desk.db(), urn)?
        .into_iter()
        .filter(|o| o.sha256 != t.sha256)
        .collect();
    if others.is_empty() {
        return Ok(());
    }
    lines.push(Line::Heading("Other submissions".into()));
    for o in others {
        let now = if o.current { "current" } else { "history" };
        lines.push(Line::Text(format!(
            "{} · {} · {now}",
            day_of(&o.generated_at),
            shown(&o.title)
        )));
    }
    Ok(())
}
