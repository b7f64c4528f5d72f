//! Writing the whole bundle: checks first (required answers, the plan link), a backup, then
//! the PDF, CSV, JSON and e-mail into a fresh folder that replaces any earlier export of the
//! same day in one step, and a zip beside it.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use chrono::Local;

use super::eml::{self, Attachment};
use super::facts::Facts;
use super::names::safe_name;
use super::{BundleReport, ExportError, ExportOptions, MissingAnswer, changes, csv, json, pdf};
use crate::answers::parse::parse_url;
use crate::answers::progress;
use crate::draft::{Draft, DraftStatus, ExportRecord};
use crate::questionnaire::{Questionnaire, Requirement};
use crate::store::{BackupReason, Store};

fn write(path: &Path, bytes: &[u8]) -> Result<(), ExportError> {
    std::fs::write(path, bytes).map_err(|e| ExportError::io(path, e))
}

/// Write the submission bundle for `draft` into `out_dir`.
///
/// # Errors
/// Required answers missing (unless allowed), an unusable plan link, or a write failure.
pub fn export_draft(
    store: &Store,
    draft: &mut Draft,
    qn: &Questionnaire,
    out_dir: &Path,
    opts: &ExportOptions,
) -> Result<BundleReport, ExportError> {
    let missing: Vec<MissingAnswer> = progress::missing(qn, &draft.answers, Requirement::Required)
        .into_iter()
        .map(|(si, q)| MissingAnswer {
            section: qn.sections[si].title.clone(),
            id: q.id.clone(),
            prompt: q.prompt.clone(),
        })
        .collect();
    let incomplete = !missing.is_empty();
    if incomplete && !opts.allow_incomplete {
        return Err(ExportError::Incomplete { missing });
    }
    let facts = Facts::gather(qn, draft);
    if let Some(url) = &facts.plan_url {
        parse_url(url).map_err(|e| {
            ExportError::Invalid(format!(
                "The development plan link \"{url}\" cannot be used: {e}"
            ))
        })?;
    }
    // A failed backup does not stop the export, but the teacher is told.
    let backup_failed = store.backup(draft.id, BackupReason::BeforeExport).err();

    let today = Local::now().date_naive();
    let date_display = today.format("%-d %b %Y").to_string();
    let base = format!(
        "{}-{}-{}",
        safe_name(&facts.school_or_default(), 60),
        qn.id,
        today.format("%Y-%m-%d")
    );
    std::fs::create_dir_all(out_dir).map_err(|e| ExportError::io(out_dir, e))?;
    let folder = out_dir.join(&base);
    let staging = tempfile::Builder::new()
        .prefix(&format!(".{base}."))
        .tempdir_in(out_dir)
        .map_err(|e| ExportError::io(out_dir, e))?;
    let dir = staging.path();

    let pdf_name = format!("{base}.pdf");
    let changed = changes::changed_ids(draft);
    let report = pdf::render(qn, draft, &facts, incomplete, &date_display)?;
    write(&dir.join(&pdf_name), &report.bytes)?;
    let csv_bytes = csv::render(qn, draft, &changed)
        .map_err(|e| ExportError::Invalid(format!("could not write the CSV: {e}")))?;
    write(&dir.join("answers.csv"), &csv_bytes)?;
    let mut files = BTreeMap::new();
    files.insert(pdf_name.clone(), json::sha256_hex(&report.bytes));
    files.insert("answers.csv".to_string(), json::sha256_hex(&csv_bytes));
    let submission = json::build(
        qn,
        draft,
        files,
        facts.plan_url.clone(),
        changed.iter().cloned().collect(),
    );
    let json_bytes =
        serde_json::to_vec_pretty(&submission).map_err(|e| ExportError::Invalid(e.to_string()))?;
    write(&dir.join("submission.json"), &json_bytes)?;

    let hub_name = qn
        .submission
        .as_ref()
        .map_or("your music hub", |s| s.hub_name.as_str())
        .to_string();
    let to = qn
        .submission
        .as_ref()
        .and_then(|s| s.hub_email.clone())
        .or_else(|| opts.hub_email.clone());
    let subject = eml::subject(qn, &facts, &draft.title, &date_display);
    let body = eml::body(qn, &facts, &hub_name, incomplete);
    let eml_bytes = eml::render(
        to.as_deref(),
        facts.contact_email.as_deref(),
        &subject,
        &body,
        &[
            Attachment {
                name: pdf_name.clone(),
                content_type: "application/pdf",
                bytes: &report.bytes,
            },
            Attachment {
                name: "answers.csv".to_string(),
                content_type: "text/csv",
                bytes: &csv_bytes,
            },
            Attachment {
                name: "submission.json".to_string(),
                content_type: "application/json",
                bytes: &json_bytes,
            },
        ],
    )
    .map_err(|e| ExportError::io(dir, e))?;
    let eml_name = "email-to-hub.eml".to_string();
    write(&dir.join(&eml_name), &eml_bytes)?;

    // Swap the finished folder into place; an earlier export of the same day is replaced
    // whole, never mixed with the new files.
    let staged = staging.keep();
    let old = out_dir.join(format!(".{base}.old"));
    let _ = std::fs::remove_dir_all(&old);
    if folder.exists() {
        std::fs::rename(&folder, &old).map_err(|e| ExportError::io(&folder, e))?;
    }
    std::fs::rename(&staged, &folder).map_err(|e| ExportError::io(&folder, e))?;
    let _ = std::fs::remove_dir_all(&old);

    let names = vec![
        pdf_name.clone(),
        "answers.csv".to_string(),
        "submission.json".to_string(),
        eml_name.clone(),
    ];
    let zip_path = out_dir.join(format!("{base}.zip"));
    super::zip::write(&folder, &names, &zip_path)?;

    let mut warnings = Vec::new();
    if let Some(e) = backup_failed {
        warnings.push(format!(
            "The backup before export could not be made ({e}); your draft itself is unchanged."
        ));
    }
    if !report.missing.is_empty() {
        let chars: String = report.missing.iter().take(20).collect();
        warnings.push(format!("Some characters cannot be shown in the PDF and appear as ? there: {chars} (the CSV and JSON keep them)."));
    }
    if to.is_none() {
        warnings.push(
            "The e-mail has no address yet: add your music hub's address before sending."
                .to_string(),
        );
    }
    if incomplete {
        warnings.push(format!(
            "{} required answers are missing: every page is marked INCOMPLETE DRAFT.",
            missing.len()
        ));
    }
    draft.exports.push(ExportRecord {
        at: chrono::Utc::now(),
        folder: folder.display().to_string(),
    });
    if !incomplete {
        draft.status = DraftStatus::Exported;
    }
    store.save(draft).map_err(|e| {
        ExportError::Invalid(format!(
            "the bundle was written, but the draft could not be updated: {e}"
        ))
    })?;
    Ok(BundleReport {
        mailto: super::mailto_link(to.as_deref(), &subject, &body),
        pdf: folder.join(&pdf_name),
        csv: folder.join("answers.csv"),
        json: folder.join("submission.json"),
        eml: folder.join(&eml_name),
        folder,
        zip: zip_path,
        to,
        warnings,
    })
}

/// A short description of the bundle for the screen or terminal.
pub fn describe(r: &BundleReport) -> Vec<String> {
    let name = |p: &PathBuf| {
        p.file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default()
    };
    let mut lines = vec![
        format!("Folder: {}", r.folder.display()),
        format!("  {}   the report for your music hub", name(&r.pdf)),
        format!("  {}   your answers for a spreadsheet", name(&r.csv)),
        format!(
            "  {}   your answers as data (used next year to start from)",
            name(&r.json)
        ),
        format!(
            "  {}   an e-mail ready to send, with the files attached",
            name(&r.eml)
        ),
        format!("Zip of the folder: {}", r.zip.display()),
    ];
    match &r.to {
        Some(to) => lines.push(format!("The e-mail is addressed to {to}.")),
        None => lines.push(
            "The e-mail has no address yet: add your music hub's address before sending."
                .to_string(),
        ),
    }
    lines.extend(
        r.warnings
            .iter()
            .filter(|w| !w.starts_with("The e-mail has no address"))
            .cloned(),
    );
    lines
}
