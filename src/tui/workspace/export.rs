//! The export result: where the bundle is and what to do next (open the folder, open the
//! e-mail), or why it was not written.

use std::path::PathBuf;

use super::review::Review;
use super::{View, Workspace};
use crate::tui::action::{Action, Effect};
use crate::workflow::Written;

pub struct ExportView {
    /// Lines describing the result: where the bundle is, the files, any warnings.
    pub lines: Vec<String>,
    pub folder: Option<PathBuf>,
    pub failed: bool,
}

impl From<Result<Written, String>> for ExportView {
    fn from(result: Result<Written, String>) -> Self {
        match result {
            Ok(w) => {
                let mut lines = vec![
                    "Your bundle is written. Send the e-mail (or the PDF and files) to your music hub."
                        .to_string(),
                    String::new(),
                ];
                lines.extend(crate::export::describe(&w.report));
                lines.push(String::new());
                lines.push("Press o to open the folder, s to open the e-mail in your mail program, Esc to go back.".to_string());
                Self {
                    lines,
                    folder: Some(w.report.folder),
                    failed: false,
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
            },
        }
    }
}

pub fn update(ws: &mut Workspace, action: &Action) -> Effect {
    let View::Export(view) = &ws.view else {
        return Effect::None;
    };
    match action {
        Action::OpenFolder => view.folder.clone().map_or(Effect::None, Effect::OpenFolder),
        Action::OpenMail if view.folder.is_some() => Effect::OpenMail,
        Action::Back | Action::Enter => {
            ws.view = View::Review(Box::new(Review::of(&ws.session)));
            Effect::None
        }
        _ => Effect::None,
    }
}
