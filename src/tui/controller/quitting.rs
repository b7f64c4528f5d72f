//! Leaving without losing a word: quitting saves first, and when the save fails the app is
//! told (`Reply::QuitBlocked`) so the teacher chooses; a recovery copy is written on request,
//! and by itself when the program must stop anyway (a stop signal, a closed window). How the
//! session ended is summed up as a [`Finish`] for the message printed after the screen closes.

use std::path::PathBuf;

use super::Controller;
use crate::store::{SaveStatus, rescue};
use crate::tui::action::{Action, Reply};
use crate::tui::quit::Rescued;

/// How the session ended, for the line printed after the full-screen view closes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Finish {
    /// No draft was open.
    Nothing,
    /// Everything is saved.
    Saved { title: String, short_id: String },
    /// The draft was open read-only: nothing was changed.
    ReadOnly { title: String },
    /// Saving in the data folder failed, but every answer is in a recovery copy.
    Rescued {
        reason: String,
        copy: PathBuf,
        draft_file: PathBuf,
    },
    /// Saving failed and the teacher chose to quit without saving, or no recovery copy could
    /// be written either (`detail` says why).
    NotSaved { reason: String, detail: String },
}

impl Controller {
    /// Quitting: save, and leave only if that worked (or nothing needed saving).
    pub(super) fn quit(&mut self) -> Option<Reply> {
        match self.flush() {
            SaveStatus::Failed { reason, since } => Some(Reply::QuitBlocked {
                reason,
                since: since.format("%H:%M:%S").to_string(),
            }),
            _ => None,
        }
    }

    /// Write the open draft somewhere that has room.
    pub(super) fn write_recovery(&mut self) -> Reply {
        Reply::Recovery(self.rescue())
    }

    fn rescue(&self) -> Result<Rescued, String> {
        let Some(w) = self.app.workspace() else {
            return Err("no draft is open".to_string());
        };
        let store = self.workflow.store();
        let draft = &w.session.draft;
        rescue::write_copy(draft, &rescue::places(store), self.app.clock.local()).map(|copy| {
            Rescued {
                copy,
                draft_file: store.draft_file(draft.id),
            }
        })
    }

    /// Keep typed text, save and wait for the disk: the program is about to end.
    pub fn shut_down(&mut self) -> SaveStatus {
        if !self.app.should_quit {
            self.dispatch(Action::Quit);
        }
        self.flush()
    }

    /// End the session: save, and when that fails keep a recovery copy unless the teacher
    /// already has one or chose to quit without saving. Says how it ended.
    pub fn finish(&mut self) -> Finish {
        let status = self.shut_down();
        let Some(w) = self.app.workspace() else {
            return Finish::Nothing;
        };
        let title = w.session.draft.title.clone();
        if w.session.read_only.is_some() {
            return Finish::ReadOnly { title };
        }
        let SaveStatus::Failed { reason, .. } = status else {
            return Finish::Saved {
                title,
                short_id: w.session.draft.id.to_string()[..8].to_string(),
            };
        };
        let asked = self.app.quit.as_ref();
        if asked.is_some_and(|q| q.chose_loss) {
            let detail = "you chose to quit without saving".to_string();
            return Finish::NotSaved { reason, detail };
        }
        let done = asked.and_then(|q| q.recovery.clone()).and_then(Result::ok);
        match done.map_or_else(|| self.rescue(), Ok) {
            Ok(r) => Finish::Rescued {
                reason,
                copy: r.copy,
                draft_file: r.draft_file,
            },
            Err(detail) => Finish::NotSaved { reason, detail },
        }
    }
}
