//! The e-mail draft (`.eml`): addressed to the hub when known, a plain subject and body with
//! the development plan link and the decision page, every file attached in base64 (so a mail
//! program that rewrites line endings cannot change them and break their hashes), each with a
//! plain `name=` beside its file name for programs that do not read RFC 2231. Nothing from an
//! answer can add a header: line breaks are removed from everything that goes into one. The
//! subject and body are worked out while preparing (the `mailto:` link carries them too);
//! `render` only builds the message.

use mail_builder::MessageBuilder;
use mail_builder::headers::content_type::ContentType;
use mail_builder::headers::raw::Raw;
use mail_builder::mime::MimePart;
use unicode_normalization::UnicodeNormalization;

use super::decision::Decision;
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

/// The subject when the questionnaire gives no pattern: who, what and the outcome.
pub const DEFAULT_SUBJECT: &str = "{questionnaire} – {urn} {school} – {result} – {date}";

/// What the subject's placeholders are filled with, besides the questionnaire and facts.
pub struct SubjectParts<'a> {
    pub title: &'a str,
    pub date: &'a str,
    /// "checklist 7 of 10 met, indicative award Bronze".
    pub result: &'a str,
}

/// The subject from the questionnaire's pattern, on one line.
pub fn subject(qn: &Questionnaire, facts: &Facts, parts: &SubjectParts<'_>) -> String {
    let pattern = qn
        .submission
        .as_ref()
        .and_then(|s| s.subject.clone())
        .unwrap_or_else(|| DEFAULT_SUBJECT.to_string());
    header_safe(
        &pattern
            .replace("{urn}", facts.urn.as_deref().unwrap_or("no URN"))
            .replace("{school}", &facts.school_or_default())
            .replace("{questionnaire}", &qn.title)
            .replace("{result}", parts.result)
            .replace("{date}", parts.date)
            .replace("{title}", parts.title),
    )
}

/// The letter: greeting, the plan link and who completed it. The `mailto:` link carries this
/// much; the `.eml` adds the decision page ([`with_decision`]).
pub fn body(qn: &Questionnaire, facts: &Facts, hub_name: &str, incomplete: bool) -> String {
    let school = facts.school_or_default();
    let urn = facts
        .urn
        .as_deref()
        .map(|u| format!(" (URN {u})"))
        .unwrap_or_default();
    // The hub the school named, else the questionnaire's own wording for it; "Dear your
    // music hub" reads oddly, so then it is plainly "Dear colleagues".
    let hub = facts
        .hub
        .as_deref()
        .or(Some(hub_name).filter(|h| !h.starts_with("your ")));
    let mut b = format!(
        "{}\n\nPlease find attached {}{urn} (questionnaire {}, version {}).\n\n",
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
    b.push_str("\nAttached: the report (PDF), our answers and a one-row summary as spreadsheets (CSV), and our answers as data (JSON).\n\n");
    b.push_str(&letter::sign_off(facts.music_lead.as_deref(), &school));
    b
}

/// The letter followed by the decision page as plain text.
pub fn with_decision(letter: &str, decision: &Decision) -> String {
    format!(
        "{letter}\n---------- The decision page of the report ----------\n\n{}",
        super::decision_text::plain(decision)
    )
}

pub struct Attachment<'a> {
    pub name: String,
    pub content_type: &'static str,
    pub bytes: &'a [u8],
}

/// The file name in plain ASCII, for the `name=` that older mail programs read: accents
/// dropped ("École" → "Ecole"), anything else non-ASCII a hyphen.
pub fn ascii_name(name: &str) -> String {
    let mut out = String::new();
    for c in name
        .nfd()
        .filter(|c| !unicode_normalization::char::is_combining_mark(*c))
    {
        if c.is_ascii_alphanumeric() || matches!(c, '.' | '_') {
            out.push(c);
        } else if !out.ends_with('-') {
            out.push('-');
        }
    }
    out.trim_matches('-').to_string()
}

/// One attachment: base64 always (a `Content-Type` mail-builder does not read as text is
/// never sent quoted-printable), the type with a plain `name=`, the disposition with the
/// real file name (RFC 2231 when it is not ASCII).
fn part(a: &Attachment<'_>) -> MimePart<'static> {
    let fallback = ascii_name(&a.name);
    let disposition = if a.name.is_ascii() && !a.name.contains('"') {
        mail_builder::headers::HeaderType::from(Raw::new(format!(
            "attachment; filename=\"{}\"",
            a.name
        )))
    } else {
        ContentType::new("attachment")
            .attribute("filename", a.name.clone())
            .into()
    };
    MimePart::raw(a.bytes.to_vec())
        .header(
            "Content-Type",
            Raw::new(format!("{}; name=\"{fallback}\"", a.content_type)),
        )
        .header("Content-Disposition", disposition)
}

/// The message bytes: `sub`'s e-mail with `attachments`.
///
/// # Errors
/// Only if writing to memory fails.
pub fn render(sub: &Submission<'_>, attachments: &[Attachment<'_>]) -> std::io::Result<Vec<u8>> {
    let email = &sub.email;
    let fields = Message {
        subject: &email.subject,
        body: &email.body,
        to: email.to.as_deref(),
        from: email.from.as_deref(),
    };
    message(&fields, attachments)
}

/// An unsent message's fields.
pub struct Message<'a> {
    pub subject: &'a str,
    pub body: &'a str,
    pub to: Option<&'a str>,
    pub from: Option<&'a str>,
}

/// An unsent plain-text message with `attachments`, every one base64: the bundle's e-mail to
/// the hub, and the hub's feedback back to the school.
///
/// # Errors
/// Only if writing to memory fails.
pub fn message(fields: &Message<'_>, attachments: &[Attachment<'_>]) -> std::io::Result<Vec<u8>> {
    let mut m = MessageBuilder::new()
        .subject(header_safe(fields.subject))
        .text_body(fields.body.to_string())
        .header("X-Unsent", Raw::new("1"));
    if let Some(to) = fields.to {
        m = m.to(header_safe(to));
    }
    if let Some(from) = fields.from {
        m = m.from(header_safe(from));
    }
    m.attachments
        .get_or_insert_with(Vec::new)
        .extend(attachments.iter().map(part));
    m.write_to_vec()
}
