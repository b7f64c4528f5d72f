//! The controller's IO for drafts on the home screen and for export: create, delete, rename,
//! copy, backups and restore, and writing the bundle.

use uuid::Uuid;

use super::Controller;
use crate::export::BundleReport;
use crate::tui::action::{Effect, Flash, Reply};
use crate::workflow::{ExportRequest, WorkflowError};

impl Controller {
    /// The home screen's import: the hub's feedback is kept on the draft it answers and
    /// the list shown again with the message; last year's bundle starts a new draft.
    pub(super) fn import(&mut self, spec: &str) -> Reply {
        let path = std::path::Path::new(spec);
        if crate::import::feedback_file::is_feedback(path) {
            return match self.workflow.attach_feedback(path, self.app.clock.now()) {
                Ok(a) => {
                    let flash = Flash::info(a.message());
                    self.home(Some(a.draft), Some(flash))
                }
                Err(e) => Reply::Flash(Flash::warn(e.to_string())),
            };
        }
        match self.workflow.start_from(spec, None, None) {
            Ok((draft, _)) => self.open(draft.id),
            Err(e) => Reply::Flash(Flash::warn(e.to_string())),
        }
    }

    pub(super) fn remember_then_export(&mut self, email: &str, allow_incomplete: bool) -> Reply {
        if let Err(e) = self.workflow.remember_hub_address(email) {
            let text = format!("The address could not be remembered: {e}");
            self.reply(Reply::Flash(Flash::warn(text)));
        }
        self.reply(Reply::HubAddressKnown);
        self.export(allow_incomplete)
    }

    pub(super) fn done(
        &mut self,
        result: Result<(), WorkflowError>,
        id: Uuid,
        ok: &str,
        failed: &str,
    ) -> Reply {
        let flash = match result {
            Ok(()) => Flash::info(ok),
            Err(e) => Flash::warn(format!("{failed}: {e}")),
        };
        self.home(Some(id), Some(flash))
    }

    pub(super) fn create(&mut self, questionnaire: &str, title: &str) -> Reply {
        let (now, today) = (self.app.clock.now(), self.app.clock.today());
        match self
            .workflow
            .create(Some(questionnaire), Some(title), now, today)
        {
            Ok(d) => self.open(d.id),
            Err(e) => Reply::Flash(Flash::warn(format!("Could not create the draft: {e}"))),
        }
    }

    /// Changes to drafts on the home screen: delete, rename, copy, backups and restore.
    pub(super) fn change_draft(&mut self, effect: Effect) -> Reply {
        let now = self.app.clock.now();
        match effect {
            Effect::Delete(id) => {
                let r = self.workflow.delete(id);
                self.done(r, id, "Deleted.", "Could not delete")
            }
            Effect::Rename(id, title) => {
                let r = self.workflow.rename(id, &title, now);
                self.done(r, id, "Renamed.", "Could not rename")
            }
            Effect::Duplicate(id) => match self.workflow.duplicate(id, now) {
                Ok(copy) => self.home(
                    Some(copy.id),
                    Some(Flash::info("Copied. The copy is at the top of the list.")),
                ),
                Err(e) => self.home(Some(id), Some(Flash::warn(format!("Could not copy: {e}")))),
            },
            Effect::LoadBackups { id, title } => Reply::Backups {
                id,
                title,
                backups: self.workflow.backups(id),
            },
            Effect::Restore(id, path) => {
                let r = self.workflow.restore(id, &path);
                let ok = "Restored. Your answers before the restore were backed up too.";
                self.done(r, id, ok, "Could not restore")
            }
            other => Reply::Flash(Flash::warn(format!("Nothing to do for {other:?}"))),
        }
    }

    /// Write the open draft's bundle; update records it on the draft.
    pub(super) fn export(&mut self, allow_incomplete: bool) -> Reply {
        self.flush();
        let Some(ws) = self.app.workspace() else {
            return Reply::Exported(Err("No draft is open.".to_string()));
        };
        let req = ExportRequest {
            allow_incomplete,
            out: None,
        };
        let now = self.app.clock.local();
        match self
            .workflow
            .write_bundle(&ws.session.draft, &ws.session.questionnaire, &req, now)
        {
            Ok(written) => {
                self.last_export = Some(written.report.clone());
                Reply::Exported(Ok(Box::new(written)))
            }
            Err(e) => Reply::Exported(Err(e.to_string())),
        }
    }
}

pub(super) fn open_folder(path: &std::path::Path) -> Flash {
    match crate::export::open_folder(path) {
        Ok(()) => Flash::info("Opened the folder."),
        Err(_) => Flash::warn(format!(
            "The folder could not be opened from here. Open it yourself in your files: {}",
            path.display()
        )),
    }
}

pub(super) fn open_mail(report: &BundleReport) -> Flash {
    match crate::export::open_mail(report) {
        Ok(how) => Flash::info(how),
        Err(_) => Flash::warn(format!(
            "Neither your mail program nor the folder could be opened from here. The files to attach are in: {}",
            report.folder.display()
        )),
    }
}
