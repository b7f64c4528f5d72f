//! Opening a draft in the loop: the lock and writer it keeps, the session backup taken once
//! the first frame is on screen, and closing the draft again.

use uuid::Uuid;

use super::Controller;
use crate::clock::Clock;
use crate::store::{Autosaver, signals};
use crate::tui::action::{Flash, OpenedDraft, Reply};
use crate::tui::event::Waker;
use crate::workflow::{Opened, Workflow, WorkflowError};

impl Controller {
    /// A controller straight in the draft `id` (`music-sef open`), never listing the drafts:
    /// closing the draft leaves the program.
    ///
    /// # Errors
    /// The draft or its questionnaire cannot be opened.
    pub fn for_draft(
        workflow: Workflow,
        color: bool,
        clock: Clock,
        id: Uuid,
        waker: Option<Waker>,
    ) -> Result<Self, WorkflowError> {
        let mut c = Self::bare(workflow, color, clock);
        c.waker = waker;
        c.open_single(id)?;
        Ok(c)
    }

    /// Open a draft straight away (`music-sef open`), Esc from it goes to the home screen.
    ///
    /// # Errors
    /// The draft or its questionnaire cannot be opened.
    pub fn open_single(&mut self, id: Uuid) -> Result<(), WorkflowError> {
        let opened = self.workflow.open_for_work(id)?;
        let reply = self.opened(opened);
        self.reply(reply);
        Ok(())
    }

    /// The session backup of the draft just opened, if not taken yet.
    pub(super) fn take_backup(&mut self) {
        if let Some(id) = self.backup_due.take() {
            self.workflow.session_backup(id);
        }
    }

    pub(super) fn close_draft(&mut self) {
        self.take_backup();
        if self.autosaver.is_some() {
            self.flush();
        }
        self.autosaver = None;
        self.lock = None;
        signals::forget();
    }

    /// Keep what opening gave the loop (the lock, a writer) and hand the rest to the app.
    pub(super) fn opened(&mut self, o: Opened) -> Reply {
        self.close_draft();
        if o.read_only.is_none() {
            self.backup_due = Some(o.draft.id);
        }
        self.lock = o.lock;
        self.autosaver = Some(Autosaver::spawn_with(
            self.workflow.store().clone(),
            self.app.clock,
            self.waker.clone(),
        ));
        signals::remember(self.workflow.store(), &o.draft);
        Reply::Opened(Box::new(OpenedDraft {
            questionnaire: o.questionnaire,
            draft: o.draft,
            read_only: o.read_only,
            hub_address_known: o.hub_address.is_some(),
            orphaned: o.reconciliation.orphaned.len(),
        }))
    }

    pub(super) fn open(&mut self, id: Uuid) -> Reply {
        match self.workflow.open_for_work(id) {
            Ok(o) => self.opened(o),
            Err(e) => Reply::Flash(Flash::warn(format!("Could not open the draft: {e}"))),
        }
    }
}
