//! The TUI's IO: carries out each `Effect` through the workflow (open, create, export …),
//! keeps the open draft's lock and background writer, and answers with a `Reply` that goes
//! back into `App::on_reply`. It never changes a screen itself.

use std::time::{Duration, Instant};

use ratatui::Terminal;
use ratatui::backend::Backend;
use uuid::Uuid;

use super::action::{Action, Effect, Flash, OpenedDraft, Reply};
use super::app::App;
use super::clicks::ClickMap;
use super::event::TermEvent;
use crate::clock::Clock;
use crate::export::BundleReport;
use crate::store::{Autosaver, DraftLock, SaveStatus, signals};
use crate::workflow::{ExportRequest, Opened, Workflow, WorkflowError};

/// Typing counts as stopped after this long without a key.
pub const IDLE: Duration = Duration::from_millis(1500);

pub struct Controller {
    pub app: App,
    pub workflow: Workflow,
    autosaver: Option<Autosaver>,
    lock: Option<DraftLock>,
    last_export: Option<BundleReport>,
    /// What the last frame drew where, for mouse clicks.
    clicks: ClickMap,
    last_key: Option<Instant>,
    /// The open draft's session backup, taken after the next frame is drawn.
    backup_due: Option<Uuid>,
}

impl Controller {
    /// A controller at the home screen.
    pub fn new(workflow: Workflow, color: bool, clock: Clock) -> Self {
        let mut c = Self::bare(workflow, color, clock);
        c.run(Effect::ShowHome { select: None });
        c
    }

    fn bare(workflow: Workflow, color: bool, clock: Clock) -> Self {
        Self {
            app: App::new(color, clock),
            workflow,
            autosaver: None,
            lock: None,
            last_export: None,
            clicks: ClickMap::default(),
            last_key: None,
            backup_due: None,
        }
    }

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
    ) -> Result<Self, WorkflowError> {
        let mut c = Self::bare(workflow, color, clock);
        c.open_single(id)?;
        Ok(c)
    }

    /// Open a draft straight away (`music-sef open`), leaving when it is closed.
    ///
    /// # Errors
    /// The draft or its questionnaire cannot be opened.
    pub fn open_single(&mut self, id: Uuid) -> Result<(), WorkflowError> {
        let opened = self.workflow.open_for_work(id)?;
        let reply = self.opened(opened);
        self.app.single_draft = true;
        self.reply(reply);
        Ok(())
    }

    /// Draw a frame and remember what is clickable.
    ///
    /// # Errors
    /// The terminal refused.
    pub fn draw<B: Backend>(&mut self, terminal: &mut Terminal<B>) -> Result<(), B::Error> {
        let mut clicks = ClickMap::default();
        terminal.draw(|f| clicks = super::view::render(f, &self.app))?;
        self.clicks = clicks;
        self.take_backup();
        Ok(())
    }

    /// Handle one event from the terminal.
    pub fn handle(&mut self, ev: TermEvent) {
        let action = match ev {
            TermEvent::Key(input) => {
                self.last_key = Some(Instant::now());
                super::keys::action_for(self.app.place(), &input)
            }
            TermEvent::Paste(text) => {
                self.last_key = Some(Instant::now());
                Some(Action::Paste(text))
            }
            TermEvent::Click { column, row } => self.clicks.at(column, row).map(Action::Clicked),
            TermEvent::ScrollDown => Some(Action::ScrollDown),
            TermEvent::ScrollUp => Some(Action::ScrollUp),
            TermEvent::Resize => None,
        };
        if let Some(a) = action {
            self.dispatch(a);
        }
    }

    pub fn dispatch(&mut self, action: Action) {
        let effect = self.app.update(action);
        self.run(effect);
    }

    /// Carry out an effect, and every effect its reply leads to.
    pub fn run(&mut self, effect: Effect) {
        if let Some(reply) = self.perform(effect) {
            self.reply(reply);
        }
    }

    fn reply(&mut self, reply: Reply) {
        let next = self.app.on_reply(reply);
        self.run(next);
    }

    /// Called when no event arrived for a while: keep typed text and refresh the status.
    pub fn tick(&mut self, now: Instant) {
        if self.last_key.is_some_and(|t| now.duration_since(t) >= IDLE) {
            self.last_key = None;
            self.dispatch(Action::Idle);
        }
        self.sync_status();
    }

    fn sync_status(&mut self) {
        if let Some(status) = self.autosaver.as_ref().map(Autosaver::status)
            && status != self.app.save_status
        {
            self.reply(Reply::Saved(status));
        }
    }

    fn submit(&mut self) {
        if let (Some(a), Some(w)) = (&self.autosaver, self.app.workspace())
            && w.session.read_only.is_none()
        {
            a.submit(&w.session.draft);
            signals::remember(self.workflow.store(), &w.session.draft);
        }
        self.sync_status();
    }

    /// Save and wait (briefly) for the disk; used on quit, before export, and by tests so
    /// the status shown is settled.
    pub fn flush(&mut self) -> SaveStatus {
        self.submit();
        let status = self
            .autosaver
            .as_ref()
            .map_or(SaveStatus::Unchanged, |a| a.flush(Duration::from_secs(3)));
        self.reply(Reply::Saved(status.clone()));
        status
    }

    /// Keep typed text, save and wait for the disk: the program is about to end.
    pub fn shut_down(&mut self) -> SaveStatus {
        if !self.app.should_quit {
            self.dispatch(Action::Quit);
        }
        self.flush()
    }

    /// Wait (briefly) until what was handed to the writer is on disk, and show the status;
    /// tests use it so the status they see is settled.
    pub fn settle(&mut self) {
        if let Some(status) = self
            .autosaver
            .as_ref()
            .map(|a| a.flush(Duration::from_secs(3)))
        {
            self.reply(Reply::Saved(status));
        }
    }

    /// The session backup of the draft just opened, if not taken yet.
    fn take_backup(&mut self) {
        if let Some(id) = self.backup_due.take() {
            self.workflow.session_backup(id);
        }
    }

    fn close_draft(&mut self) {
        self.take_backup();
        if self.autosaver.is_some() {
            self.flush();
        }
        self.autosaver = None;
        self.lock = None;
        signals::forget();
    }

    /// Keep what opening gave the loop (the lock, a writer) and hand the rest to the app.
    fn opened(&mut self, o: Opened) -> Reply {
        self.close_draft();
        if o.read_only.is_none() {
            self.backup_due = Some(o.draft.id);
        }
        self.lock = o.lock;
        self.autosaver = Some(Autosaver::spawn(
            self.workflow.store().clone(),
            self.app.clock,
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

    fn open(&mut self, id: Uuid) -> Reply {
        match self.workflow.open_for_work(id) {
            Ok(o) => self.opened(o),
            Err(e) => Reply::Flash(Flash::warn(format!("Could not open the draft: {e}"))),
        }
    }

    /// The drafts list, with the highlight on `select` and a message.
    fn home(&mut self, select: Option<Uuid>, flash: Option<Flash>) -> Reply {
        self.close_draft();
        Reply::Home {
            rows: self.workflow.list(),
            select,
            flash,
        }
    }

    fn done(
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

    fn perform(&mut self, effect: Effect) -> Option<Reply> {
        match effect {
            Effect::None => None,
            Effect::Save => {
                self.submit();
                None
            }
            Effect::Quit => {
                self.flush();
                None
            }
            Effect::ShowHome { select } => Some(self.home(select, None)),
            Effect::ListChoices => Some(Reply::Choices(self.workflow.choices())),
            Effect::Open(id) => Some(self.open(id)),
            Effect::Create {
                questionnaire,
                title,
            } => Some(self.create(&questionnaire, &title)),
            Effect::Import(spec) => Some(match self.workflow.start_from(&spec, None, None) {
                Ok((draft, _)) => self.open(draft.id),
                Err(e) => Reply::Flash(Flash::warn(e.to_string())),
            }),
            Effect::Export { allow_incomplete } => Some(self.export(allow_incomplete)),
            Effect::RememberHubEmail {
                email,
                allow_incomplete,
            } => {
                if let Err(e) = self.workflow.remember_hub_address(&email) {
                    let text = format!("The address could not be remembered: {e}");
                    self.reply(Reply::Flash(Flash::warn(text)));
                }
                self.reply(Reply::HubAddressKnown);
                Some(self.export(allow_incomplete))
            }
            Effect::OpenFolder(path) => Some(Reply::Flash(open_folder(&path))),
            Effect::OpenMail => self
                .last_export
                .as_ref()
                .map(|r| Reply::Flash(open_mail(r))),
            other => Some(self.change_draft(other)),
        }
    }

    fn create(&mut self, questionnaire: &str, title: &str) -> Reply {
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
    fn change_draft(&mut self, effect: Effect) -> Reply {
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
    fn export(&mut self, allow_incomplete: bool) -> Reply {
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
                Reply::Exported(Ok(written))
            }
            Err(e) => Reply::Exported(Err(e.to_string())),
        }
    }
}

fn open_folder(path: &std::path::Path) -> Flash {
    match crate::export::open_folder(path) {
        Ok(()) => Flash::info("Opened the folder."),
        Err(e) => Flash::warn(format!(
            "Could not open the folder ({e}). It is: {}",
            path.display()
        )),
    }
}

fn open_mail(report: &BundleReport) -> Flash {
    match crate::export::open_mail(report) {
        Ok(how) => Flash::info(how),
        Err(e) => Flash::warn(format!(
            "Could not open your e-mail program ({e}). The e-mail file is {}",
            report.eml.display()
        )),
    }
}
