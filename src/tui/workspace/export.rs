//! The export result: where the bundle is and what to do next (send it, open the folder,
//! choose another folder for bundles), or why it was not written.

use std::path::PathBuf;

use ratatui_textarea::TextArea;

use super::review::Review;
use super::{View, Workspace};
use crate::tui::action::{Action, Cx, Effect};
use crate::tui::home::{edit_line, one_line};
use crate::workflow::Written;

pub struct ExportView {
    /// Lines describing the result: where the bundle is, the files, any warnings.
    pub lines: Vec<String>,
    pub folder: Option<PathBuf>,
    pub failed: bool,
    /// The box for another folder for bundles, while it is being typed.
    pub choose: Option<Box<TextArea<'static>>>,
}

impl From<Result<Written, String>> for ExportView {
    fn from(result: Result<Written, String>) -> Self {
        match result {
            Ok(w) => {
                let lines = short(&w.report);
                Self {
                    lines,
                    folder: Some(w.report.folder),
                    failed: false,
                    choose: None,
                }
            }
            Err(reason) => Self {
                lines: vec![
                    reason,
                    String::new(),
                    "Nothing you typed is lost. Press Esc to go back.".to_string(),
                ],
                folder: None,
                failed: true,
                choose: None,
            },
        }
    }
}

/// What was written, short enough for 80×24: the folder once, the files by what they are
/// (their long names are in the folder and in the e-mail).
fn short(r: &crate::export::BundleReport) -> Vec<String> {
    let name = r
        .folder
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let mut lines = vec![
        "Your bundle is written. Press s to send it: the e-mail opens in your mail program with the files attached.".to_string(),
        String::new(),
        format!("The folder {name} (and a zip of it beside it) holds the report (PDF), your answers and a one-row summary (CSV), your answers as data (JSON) and the e-mail (.eml)."),
    ];
    match &r.to {
        Some(to) => lines.push(format!("The e-mail is addressed to {to}.")),
        None => lines.push(crate::export::ExportWarning::NoHubAddress.to_string()),
    }
    lines.extend(
        r.warnings
            .iter()
            .filter(|w| !matches!(w, crate::export::ExportWarning::NoHubAddress))
            .map(ToString::to_string),
    );
    lines.push(String::new());
    if let Some(parent) = r.folder.parent() {
        lines.push(format!("Bundles are saved in {}.", parent.display()));
    }
    lines.push(
        "o opens the folder, f chooses another folder for bundles, Esc to go back.".to_string(),
    );
    lines
}

pub fn update(ws: &mut Workspace, action: Action, cx: &mut Cx) -> Effect {
    let View::Export(view) = &mut ws.view else {
        return Effect::None;
    };
    if let Some(area) = view.choose.as_mut() {
        return match edit_line(area, action) {
            Some(Action::Enter) => {
                let typed = area.lines().join("").trim().to_string();
                view.choose = None;
                if typed.is_empty() {
                    cx.info("The folder for bundles is unchanged.");
                    return Effect::None;
                }
                Effect::RememberExportFolder(PathBuf::from(typed))
            }
            Some(Action::Back) => {
                view.choose = None;
                Effect::None
            }
            _ => Effect::None,
        };
    }
    match action {
        Action::OpenFolder => view.folder.clone().map_or(Effect::None, Effect::OpenFolder),
        Action::OpenMail if view.folder.is_some() => Effect::OpenMail,
        Action::ChooseFolder => {
            let now = view
                .folder
                .as_ref()
                .and_then(|f| f.parent())
                .map(|p| p.display().to_string())
                .unwrap_or_default();
            view.choose = Some(Box::new(one_line(&now)));
            Effect::None
        }
        Action::Back | Action::Enter => {
            ws.view = View::Review(Box::new(Review::of(&ws.session)));
            Effect::None
        }
        _ => Effect::None,
    }
}
