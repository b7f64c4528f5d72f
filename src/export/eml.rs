//! The e-mail draft (`.eml`): addressed to the hub when known, a plain subject and body with
//! the development plan link, the PDF, CSV and JSON attached. Nothing from an answer can add
//! a header: line breaks are removed from everything that goes into one.

use mail_builder::MessageBuilder;

use super::facts::Facts;
use crate::questionnaire::Questionnaire;

/// One line, no control characters: safe in a header.
pub fn header_safe(s: &str) -> String {
    s.chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

pub fn subject(qn: &Questionnaire, facts: &Facts, title: &str, date: &str) -> String {
    let pattern = qn
        .submission
        .as_ref()
        .and_then(|s| s.subject.clone())
        .unwrap_or_else(|| "Music self-evaluation – {school} – {date}".to_string());
    header_safe(
        &pattern
            .replace("{school}", &facts.school_or_default())
            .replace("{questionnaire}", &qn.title)
            .replace("{date}", date)
            .replace("{title}", title),
    )
}

pub fn body(qn: &Questionnaire, facts: &Facts, hub_name: &str, incomplete: bool) -> String {
    let school = facts.school_or_default();
    let mut b = format!(
        "Dear {hub_name},\n\nPlease find attached {school}'s {} ({}, version {}).\n\n",
        qn.title.to_lowercase(),
        qn.id,
        qn.version
    );
    if incomplete {
        b.push_str("Please note: this is an INCOMPLETE DRAFT; some required answers are still missing.\n\n");
    }
    match &facts.plan_url {
        Some(url) => b.push_str(&format!("Our published music development plan:\n{url}\n\n")),
        None => b.push_str("Our music development plan link is not included yet.\n\n"),
    }
    if let Some(by) = &facts.completed_by {
        b.push_str(&format!("Completed by: {by}\n"));
    }
    if let Some(d) = &facts.date {
        b.push_str(&format!("Date: {d}\n"));
    }
    b.push_str("\nAttached: the report (PDF), our answers as a spreadsheet (CSV) and as data (JSON).\n\nKind regards,\n");
    b.push_str(facts.completed_by.as_deref().unwrap_or(""));
    b.push('\n');
    b.push_str(&school);
    b.push('\n');
    b
}

pub struct Attachment<'a> {
    pub name: String,
    pub content_type: &'static str,
    pub bytes: &'a [u8],
}

/// The message bytes.
///
/// # Errors
/// Only if writing to memory fails.
pub fn render(
    to: Option<&str>,
    from: Option<&str>,
    subject: &str,
    body: &str,
    attachments: &[Attachment<'_>],
) -> std::io::Result<Vec<u8>> {
    let mut m = MessageBuilder::new()
        .subject(subject.to_string())
        .text_body(body.to_string())
        .header("X-Unsent", mail_builder::headers::raw::Raw::new("1"));
    if let Some(to) = to {
        m = m.to(header_safe(to));
    }
    if let Some(from) = from {
        m = m.from(header_safe(from));
    }
    for a in attachments {
        m = m.attachment(a.content_type, a.name.clone(), a.bytes.to_vec());
    }
    m.write_to_vec()
}
