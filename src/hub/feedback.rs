//! The feedback bundle back to the school (`hub feedback`, the desk's f key): from the
//! decision in force, a letter PDF (the report's engine, tagged), `feedback.json` (format
//! `music-sef/feedback`) and an unsent e-mail to the school's contact address with both
//! attached; written into a fresh folder in one step, and kept in the database with the
//! files' hashes.

pub mod letter;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use chrono::{DateTime, SecondsFormat, Utc};
use rusqlite::params;

use super::db::HubDb;
use super::decision::Stored;
use super::target::Target;
use super::{HubError, parse_urn};
use crate::export::eml::{self, Attachment, Message};
use crate::export::json::{identity, sha256_hex};
use crate::export::pdf::{Frame, meta, render_blocks};
use crate::feedback::{self, Dates, FEEDBACK_FORMAT, FEEDBACK_FORMAT_VERSION, FeedbackFile};

/// What the feedback is about, besides the decision.
pub struct About<'a> {
    pub target: &'a Target,
    pub questionnaire_title: &'a str,
    pub hub: &'a str,
    /// The school's address for the reply, from its submission.
    pub contact: Option<&'a str>,
}

/// What was written.
#[derive(Debug, Clone)]
pub struct Written {
    pub folder: PathBuf,
    pub letter: PathBuf,
    pub json: PathBuf,
    pub eml: PathBuf,
    pub to: Option<String>,
    /// The feedback file's id (its JSON with keys sorted, hashed).
    pub id: String,
    /// Each file's name and SHA-256.
    pub hashes: Vec<(String, String)>,
}

/// The feedback file for `decision` (its `files` filled in when the letter is made).
pub fn file(about: &About<'_>, decision: &Stored, now: DateTime<Utc>) -> FeedbackFile {
    let t = about.target;
    FeedbackFile {
        format: FEEDBACK_FORMAT.to_string(),
        format_version: FEEDBACK_FORMAT_VERSION,
        hub: about.hub.to_string(),
        answers: feedback::Answers {
            submission: t.sha256.clone(),
            questionnaire_id: t.questionnaire_id.clone(),
            questionnaire_version: t.questionnaire_version.clone(),
            title: t.title.clone(),
            generated_at: DateTime::parse_from_rfc3339(&t.generated_at)
                .map(|d| d.with_timezone(&Utc))
                .unwrap_or(now),
        },
        school: feedback::School {
            urn: t.urn.map(|u| u.to_string()),
            name: t.school.clone(),
        },
        dates: Dates::after(decision.outcome.decided_at.date_naive()),
        decision: decision.outcome.clone(),
        priorities: decision.priorities.clone(),
        generated_at: now,
        app_version: env!("CARGO_PKG_VERSION").to_string(),
        files: BTreeMap::new(),
    }
}

/// The bundle's base name: the school's, as its own bundles are named, with "-feedback".
fn base(f: &FeedbackFile) -> String {
    let urn = f.school.urn.as_deref().filter(|u| parse_urn(u).is_some());
    let day = f.generated_at.format("%Y-%m-%d").to_string();
    format!(
        "{}-feedback",
        crate::export::names::bundle_base(urn, &f.school.name, "feedback", &day)
    )
}

/// Make the files and write them into `<out>/<base>/`, replacing an earlier one of the day.
///
/// # Errors
/// The letter could not be made, or a file or the folder could not be written.
pub fn write(
    about: &About<'_>,
    decision: &Stored,
    out: &Path,
    now: DateTime<Utc>,
) -> Result<(FeedbackFile, Written), HubError> {
    let mut f = file(about, decision, now);
    let base = base(&f);
    let names = [
        format!("{base}-letter.pdf"),
        format!("{base}.json"),
        format!("{base}-email.eml"),
    ];
    let paras = letter::paragraphs(&f, about.questionnaire_title);
    let frame = Frame {
        header: format!("{} · feedback to {}", f.hub, f.school.name),
        date: now.format("%-d %b %Y").to_string(),
        incomplete: false,
        metadata: meta::info(format!("Feedback from {} to {}", f.hub, f.school.name), now)
            .authors(vec![f.decision.officer.clone()]),
    };
    let pdf = render_blocks(&letter::blocks(&paras), &frame)
        .map_err(|e| HubError::Input(e.to_string()))?;
    f.files.insert(names[0].clone(), sha256_hex(&pdf.bytes));
    let json = serde_json::to_vec_pretty(&f)
        .map_err(|e| HubError::Input(format!("the feedback file could not be made: {e}")))?;
    let subject = format!(
        "Feedback on your music review – {}{} – {}",
        f.school
            .urn
            .as_deref()
            .map(|u| format!("{u} "))
            .unwrap_or_default(),
        f.school.name,
        f.hub
    );
    let body = letter::plain(&paras);
    let attachments = [
        Attachment {
            name: names[0].clone(),
            content_type: "application/pdf",
            bytes: &pdf.bytes,
        },
        Attachment {
            name: names[1].clone(),
            content_type: "application/json",
            bytes: &json,
        },
    ];
    let message = Message {
        subject: &subject,
        body: &body,
        to: about.contact,
        from: None,
    };
    let mail = eml::message(&message, &attachments)
        .map_err(|e| HubError::Input(format!("the e-mail could not be made: {e}")))?;
    let folder = put(out, &base, &names, [&pdf.bytes, &json, &mail])?;
    let written = Written {
        letter: folder.join(&names[0]),
        json: folder.join(&names[1]),
        eml: folder.join(&names[2]),
        folder,
        to: about.contact.map(str::to_string),
        id: identity(&json),
        hashes: names
            .iter()
            .cloned()
            .zip([&pdf.bytes, &json, &mail].map(|b| sha256_hex(b)))
            .collect(),
    };
    Ok((f, written))
}

/// Write the three files into a working folder, then put it in place in one step.
fn put(
    out: &Path,
    base: &str,
    names: &[String; 3],
    bytes: [&[u8]; 3],
) -> Result<PathBuf, HubError> {
    let io = |action, p: &Path, e: std::io::Error| HubError::io(action, p, &e);
    std::fs::create_dir_all(out).map_err(|e| io("create the folder", out, e))?;
    let staging = tempfile::Builder::new()
        .prefix(crate::export::write::PART)
        .tempdir_in(out)
        .map_err(|e| io("make a working folder in", out, e))?;
    for (name, b) in names.iter().zip(bytes) {
        let p = staging.path().join(name);
        std::fs::write(&p, b).map_err(|e| io("write", &p, e))?;
    }
    let folder = out.join(base);
    crate::export::write::swap_in(&staging.keep(), &folder, out, base)
        .map_err(|e| HubError::Input(e.to_string()))?;
    Ok(folder)
}

/// Keep in the database that the feedback `w` was written for `decision`.
///
/// # Errors
/// The database is in use or cannot be written.
pub fn record(db: &HubDb, decision: i64, f: &FeedbackFile, w: &Written) -> Result<(), HubError> {
    db.write(|c| {
        c.execute(
            "INSERT OR REPLACE INTO feedback_sent (id, decision_id, folder, written_at, sent_to) VALUES (?1, ?2, ?3, ?4, ?5)",
            params![w.id, decision, w.folder.display().to_string(), f.generated_at.to_rfc3339_opts(SecondsFormat::Secs, true), w.to],
        )?;
        for (name, sha) in &w.hashes {
            c.execute(
                "INSERT OR REPLACE INTO feedback_files (feedback_id, name, sha256) VALUES (?1, ?2, ?3)",
                params![w.id, name, sha],
            )?;
        }
        Ok(())
    })
}

/// When feedback on `decision` was last written, and where.
///
/// # Errors
/// The database cannot be read.
pub fn last_sent(db: &HubDb, decision: i64) -> Result<Option<(String, String)>, HubError> {
    use rusqlite::OptionalExtension;
    db.conn()
        .query_row(
            "SELECT written_at, folder FROM feedback_sent WHERE decision_id = ?1 ORDER BY written_at DESC LIMIT 1",
            [decision],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()
        .map_err(|e| db.error(e))
}
