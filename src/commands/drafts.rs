//! `music-sef drafts [--json]`: every draft with its progress, damaged ones included.

use std::process::ExitCode;

use serde_json::json;

use crate::cli::DraftsArgs;
use crate::paths::DataDirs;
use crate::workflow::{DraftInfo, DraftRow, Workflow};

fn json_row(row: &DraftRow) -> serde_json::Value {
    match row {
        DraftRow::Ok(d) => json!({
            "id": d.id.to_string(),
            "title": d.title,
            "questionnaire": {"id": d.questionnaire.id, "version": d.questionnaire.version},
            "answered": d.progress.map(|p| p.answered),
            "total": d.progress.map(|p| p.total),
            "required_missing": d.progress.map(|p| p.required_missing),
            "status": d.status,
            "last_saved": d.updated_at.to_rfc3339(),
            "damaged": false,
            "reason": serde_json::Value::Null,
        }),
        DraftRow::Damaged { id, reason } => json!({
            "id": id.to_string(), "title": null, "questionnaire": null, "answered": null, "total": null,
            "required_missing": null, "status": "damaged", "last_saved": null, "damaged": true, "reason": reason,
        }),
    }
}

fn text_row(d: &DraftInfo) -> String {
    let qtitle = d
        .questionnaire_title
        .clone()
        .unwrap_or_else(|| format!("{} (questionnaire not found)", d.questionnaire.id));
    let p = d.progress;
    format!(
        "{:<8}  {}  {}  {:>8}  {:>8}  {:<15}  {}",
        &d.id.to_string()[..8],
        // Cut and padded by cells on screen, so wide letters keep the columns in line.
        crate::text::fit(&crate::text::terminal_safe(&d.title), 32),
        crate::text::fit(&crate::text::terminal_safe(&qtitle), 28),
        p.map_or_else(
            || "?".to_string(),
            |p| format!("{}/{}", p.answered, p.total)
        ),
        p.map_or_else(
            || "?".to_string(),
            |p| format!("{} left", p.required_missing)
        ),
        if d.newer.is_some() {
            "Newer version"
        } else {
            d.status.label()
        },
        d.updated_at
            .with_timezone(&chrono::Local)
            .format("%-d %b %Y %H:%M")
    )
}

pub fn run(args: &DraftsArgs, dirs: &DataDirs) -> anyhow::Result<ExitCode> {
    let list = Workflow::new(dirs).list();
    if args.json {
        let rows: Vec<serde_json::Value> = list.iter().map(json_row).collect();
        // JSON escapes C0 controls itself; the rest (DEL, C1, bidi) are escaped here, so the
        // output stays the same JSON and is safe on a terminal.
        let json = serde_json::to_string_pretty(&rows)?;
        crate::outln!("{}", crate::text::json_safe(&json));
        return Ok(ExitCode::SUCCESS);
    }
    if list.is_empty() {
        crate::outln!("You have no self-evaluations yet. Start one with: music-sef new");
        return Ok(ExitCode::SUCCESS);
    }
    crate::outln!(
        "{:<8}  {:<32}  {:<28}  {:>8}  {:>8}  {:<15}  LAST SAVED",
        "ID",
        "TITLE",
        "QUESTIONNAIRE",
        "ANSWERED",
        "REQUIRED",
        "STATUS"
    );
    for row in &list {
        match row {
            DraftRow::Ok(d) => crate::outln!("{}", text_row(d)),
            DraftRow::Damaged { id, reason } => {
                crate::outln!("{:<8}  DAMAGED: {reason}", &id.to_string()[..8]);
            }
        }
    }
    if list.iter().any(|l| matches!(l, DraftRow::Damaged { .. })) {
        crate::outln!(
            "\nA damaged draft's file was kept aside; open music-sef and press b on it to restore a backup."
        );
    }
    Ok(ExitCode::SUCCESS)
}
