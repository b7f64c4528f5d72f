//! `music-sef drafts [--json]`: every draft with its progress, damaged ones included.

use std::process::ExitCode;

use serde_json::json;

use crate::answers::progress;
use crate::cli::DraftsArgs;
use crate::paths::DataDirs;
use crate::questionnaire::Registry;
use crate::store::{Listing, Store};

pub fn run(args: &DraftsArgs, dirs: &DataDirs) -> anyhow::Result<ExitCode> {
    let store = Store::new(dirs);
    let reg = Registry::discover(dirs);
    let list = store.list();
    if args.json {
        let rows: Vec<serde_json::Value> = list
            .iter()
            .map(|l| match l {
                Listing::Ok(d) => {
                    let p = reg.for_draft(&d.questionnaire).ok().map(|e| progress::overall(&e.questionnaire, &d.answers));
                    json!({
                        "id": d.id.to_string(),
                        "title": d.title,
                        "questionnaire": {"id": d.questionnaire.id, "version": d.questionnaire.version},
                        "answered": p.map(|p| p.answered),
                        "total": p.map(|p| p.total),
                        "required_missing": p.map(|p| p.required_missing),
                        "status": d.status,
                        "last_saved": d.updated_at.to_rfc3339(),
                        "damaged": false,
                        "reason": serde_json::Value::Null,
                    })
                }
                Listing::Damaged { id, reason, .. } => json!({
                    "id": id.to_string(), "title": null, "questionnaire": null, "answered": null, "total": null,
                    "required_missing": null, "status": "damaged", "last_saved": null, "damaged": true, "reason": reason,
                }),
            })
            .collect();
        println!("{}", serde_json::to_string_pretty(&rows)?);
        return Ok(ExitCode::SUCCESS);
    }
    if list.is_empty() {
        println!("You have no self-evaluations yet. Start one with: music-sef new");
        return Ok(ExitCode::SUCCESS);
    }
    println!(
        "{:<8}  {:<32}  {:<28}  {:>8}  {:>8}  {:<15}  LAST SAVED",
        "ID", "TITLE", "QUESTIONNAIRE", "ANSWERED", "REQUIRED", "STATUS"
    );
    for l in &list {
        match l {
            Listing::Ok(d) => {
                let (qtitle, p) = match reg.for_draft(&d.questionnaire) {
                    Ok(e) => (
                        e.questionnaire.title.clone(),
                        Some(progress::overall(&e.questionnaire, &d.answers)),
                    ),
                    Err(_) => (
                        format!("{} (questionnaire not found)", d.questionnaire.id),
                        None,
                    ),
                };
                println!(
                    "{:<8}  {:<32}  {:<28}  {:>8}  {:>8}  {:<15}  {}",
                    &d.id.to_string()[..8],
                    clip(&d.title, 32),
                    clip(&qtitle, 28),
                    p.map_or_else(
                        || "?".to_string(),
                        |p| format!("{}/{}", p.answered, p.total)
                    ),
                    p.map_or_else(
                        || "?".to_string(),
                        |p| format!("{} left", p.required_missing)
                    ),
                    d.status.label(),
                    d.updated_at
                        .with_timezone(&chrono::Local)
                        .format("%-d %b %Y %H:%M")
                );
            }
            Listing::Damaged { id, reason, .. } => {
                println!("{:<8}  DAMAGED: {reason}", &id.to_string()[..8]);
            }
        }
    }
    if list.iter().any(|l| matches!(l, Listing::Damaged { .. })) {
        println!(
            "\nA damaged draft's file was kept aside; open music-sef and press b on it to restore a backup."
        );
    }
    Ok(ExitCode::SUCCESS)
}

fn clip(s: &str, n: usize) -> String {
    if s.chars().count() <= n {
        s.to_string()
    } else {
        let mut t: String = s.chars().take(n - 1).collect();
        t.push('…');
        t
    }
}
