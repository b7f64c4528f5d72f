//! The e-mail draft (`.eml`): addressed to the hub when known, a plain subject and body with
//! the development plan link, the PDF, CSV and JSON attached. Nothing from an answer can add
//! a header: line breaks are removed from everything that goes into one. The subject and body
//! are worked out while preparing (the `mailto:` link carries them too); `render` only builds
//! the message.

use mail_builder::MessageBuilder;

use super::facts::Facts;
use super::{Submission, letter};
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

/// The subject from the questionnaire's pattern, on one line.
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

/// The plain-text body: the plan link and the facts the hub looks for first.
pub fn body(qn: &Questionnaire, facts: &Facts, hub_name: &str, incomplete: bool) -> String {
    let school = facts.school_or_default();
    // The hub the school named, else the questionnaire's own wording for it.
    let hub = facts
        .hub
        .as_deref()
        .or(Some(hub_name).filter(|h| !h.starts_with("your ")));
    let mut b = format!(
        "{}\n\nPlease find attached {} (questionnaire {}, version {}).\n\n",
        letter::greeting(hub),
        letter::what_is_attached(&qn.title, &school),
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
    b.push_str(
        "\nAttached: the report (PDF), our answers as a spreadsheet (CSV) and as data (JSON).\n\n",
    );
    b.push_str(&letter::sign_off(facts.music_lead.as_deref(), &school));
    b
}

pub struct Attachment<'a> {
    pub name: String,
    pub content_type: &'static str,
    pub bytes: &'a [u8],
}

/// The message bytes: `sub`'s e-mail with `attachments`.
///
/// # Errors
/// Only if writing to memory fails.
pub fn render(sub: &Submission<'_>, attachments: &[Attachment<'_>]) -> std::io::Result<Vec<u8>> {
    let email = &sub.email;
    let mut m = MessageBuilder::new()
        .subject(email.subject.clone())
        .text_body(email.body.clone())
        .header("X-Unsent", mail_builder::headers::raw::Raw::new("1"));
    if let Some(to) = &email.to {
        m = m.to(header_safe(to));
    }
    if let Some(from) = &email.from {
        m = m.from(header_safe(from));
    }
    for a in attachments {
        m = m.attachment(a.content_type, a.name.clone(), a.bytes.to_vec());
    }
    m.write_to_vec()
}
