//! After writing: recording an export on its draft, and describing a written bundle for the
//! screen.

use std::path::PathBuf;

use chrono::{DateTime, Utc};

use super::{BundleReport, ExportWarning};
use crate::draft::{Draft, DraftStatus, ExportRecord};

/// Note on the draft that `report`'s bundle was written at `now`; a complete export also
/// marks the draft Exported.
pub fn record(draft: &mut Draft, report: &BundleReport, incomplete: bool, now: DateTime<Utc>) {
    draft.exports.push(ExportRecord {
        at: now,
        folder: report.folder.display().to_string(),
        submission: Some(report.submission_id.clone()),
    });
    if !incomplete {
        draft.status = DraftStatus::Exported;
    }
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
            "  {}   a one-row summary for the hub's spreadsheet",
            name(&r.summary)
        ),
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
        None => lines.push(ExportWarning::NoHubAddress.to_string()),
    }
    // The address line above already says it either way.
    lines.extend(
        r.warnings
            .iter()
            .filter(|w| !matches!(w, ExportWarning::NoHubAddress))
            .map(ToString::to_string),
    );
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    fn report(warnings: Vec<ExportWarning>, to: Option<&str>) -> BundleReport {
        let base = "123456-Oakfield-fixture-2026-12-01";
        let folder = PathBuf::from("/out").join(base);
        BundleReport {
            zip: PathBuf::from(format!("/out/{base}.zip")),
            pdf: folder.join(format!("{base}.pdf")),
            csv: folder.join(format!("{base}-answers.csv")),
            summary: folder.join(format!("{base}-summary.csv")),
            json: folder.join(format!("{base}-submission.json")),
            eml: folder.join(format!("{base}-email.eml")),
            folder,
            mailto: "mailto:".into(),
            to: to.map(str::to_string),
            warnings,
            submission_id: "ab".repeat(32),
        }
    }

    fn draft() -> Draft {
        Draft::new(
            "Oakfield",
            crate::draft::QuestionnaireRef {
                id: "fixture".into(),
                version: "1".into(),
                source: None,
            },
        )
    }

    #[test]
    fn a_complete_export_is_recorded_and_marks_the_draft_exported() {
        let mut d = draft();
        let now = Utc::now();
        record(&mut d, &report(Vec::new(), None), false, now);
        assert_eq!(d.status, DraftStatus::Exported);
        assert_eq!(d.exports.len(), 1);
        assert_eq!(d.exports[0].at, now);
        assert_eq!(
            d.exports[0].folder,
            "/out/123456-Oakfield-fixture-2026-12-01"
        );
    }

    #[test]
    fn an_incomplete_export_is_recorded_but_leaves_the_status() {
        let mut d = draft();
        record(&mut d, &report(Vec::new(), None), true, Utc::now());
        assert_eq!(d.status, DraftStatus::InProgress);
        assert_eq!(d.exports.len(), 1);
    }

    #[test]
    fn the_missing_address_is_said_once() {
        let warnings = vec![
            ExportWarning::GlyphsMissing("🎵".into()),
            ExportWarning::NoHubAddress,
            ExportWarning::Incomplete { missing: 2 },
        ];
        let lines = describe(&report(warnings, None));
        let no_address = ExportWarning::NoHubAddress.to_string();
        assert_eq!(lines.iter().filter(|l| **l == no_address).count(), 1);
        assert!(lines.iter().any(|l| l.contains('🎵')));
        assert!(lines.last().is_some_and(|l| l.starts_with("2 required")));
        let lines = describe(&report(Vec::new(), Some("hub@example.org")));
        assert!(lines.contains(&"The e-mail is addressed to hub@example.org.".to_string()));
    }
}
