//! The TUI's IO: carries out each `Effect` through the workflow (open, create, export …),
//! keeps the open draft's lock and background writer, and answers with a `Reply` that goes
//! back into `App::on_reply`. It never changes a screen itself. It also keeps the typing
//! timers (`typing`): when typed text is due to be copied into the draft and saved, which is
//! the only timer the event loop ever waits for.

mod drafts;
mod opening;
mod quitting;
pub mod typing;

use std::time::{Duration, Instant};

use ratatui::Terminal;
use ratatui::backend::Backend;
use uuid::Uuid;

use super::action::{Action, Effect, Flash, Reply};
use super::app::App;
use super::clicks::ClickMap;
use super::event::{TermEvent, Waker};
use crate::clock::Clock;
use crate::export::BundleReport;
use crate::store::{Autosaver, DraftLock, SaveStatus, signals};
use crate::workflow::Workflow;

pub use quitting::Finish;
use typing::Typing;

/// Letters that arrived together for the box that has focus.
#[derive(Default)]
struct Run {
    first: Option<ratatui_textarea::Input>,
    text: String,
}

impl Run {
    fn push(&mut self, c: char, input: &ratatui_textarea::Input) {
        self.first.get_or_insert_with(|| input.clone());
        self.text.push(c);
    }
}

pub struct Controller {
    pub app: App,
    pub workflow: Workflow,
    autosaver: Option<Autosaver>,
    lock: Option<DraftLock>,
    last_export: Option<BundleReport>,
    /// What the last frame drew where, for mouse clicks.
    clicks: ClickMap,
    typing: Typing,
    /// Wakes the event loop when a save finishes (None in tests, which wait themselves).
    waker: Option<Waker>,
    /// Frames drawn so far: the loop draws only when something changed.
    pub frames: u64,
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
            typing: Typing::default(),
            waker: None,
            frames: 0,
            backup_due: None,
        }
    }

    /// Wake the event loop with `waker` whenever a save finishes, so a changed status is
    /// shown without the loop polling for it.
    pub fn set_waker(&mut self, waker: Waker) {
        self.waker = Some(waker);
    }

    /// Draw a frame and remember what is clickable.
    ///
    /// # Errors
    /// The terminal refused.
    pub fn draw<B: Backend>(&mut self, terminal: &mut Terminal<B>) -> Result<(), B::Error> {
        let mut clicks = ClickMap::default();
        terminal.draw(|f| clicks = super::view::render(f, &self.app))?;
        self.clicks = clicks;
        self.frames += 1;
        self.take_backup();
        Ok(())
    }

    /// Handle one event from the terminal.
    pub fn handle(&mut self, ev: TermEvent) {
        self.handle_batch(vec![ev], Instant::now());
    }

    /// Handle the events that arrived together, at `now`. A run of letters for a text box
    /// (a burst of input without paste markers: a text expander, a remote session, a paste
    /// in a terminal that does not mark pastes) goes in as one piece, so 64 KB costs what a
    /// paste costs, not 64,000 edits.
    pub fn handle_batch(&mut self, events: Vec<TermEvent>, now: Instant) {
        let mut run = Run::default();
        let keyed = events
            .iter()
            .any(|e| matches!(e, TermEvent::Key(_) | TermEvent::Paste(_)));
        for ev in events {
            if let TermEvent::Key(input) = &ev
                && let Some(c) = self.typed_char(input)
            {
                run.push(c, input);
                continue;
            }
            self.type_run(&mut run);
            if let Some(action) = self.action_of(ev) {
                self.dispatch(action);
            }
        }
        self.type_run(&mut run);
        // Only keys count as typing: a wake-up, a resize or a click moves no timer.
        let waiting = self.text_waiting();
        if keyed || !waiting {
            self.typing.keyed(now, waiting);
        }
    }

    /// The character a key types into the box that has focus, if it only types.
    fn typed_char(&self, input: &ratatui_textarea::Input) -> Option<char> {
        match (super::keys::action_for(self.app.place(), input), input.key) {
            (Some(Action::Text(i)), ratatui_textarea::Key::Char(c)) if !i.ctrl && !i.alt => Some(c),
            _ => None,
        }
    }

    fn type_run(&mut self, run: &mut Run) {
        match std::mem::take(run) {
            Run { first: None, .. } => {}
            // One key stays one key, so it behaves exactly as typed.
            Run {
                first: Some(key),
                text,
            } if text.chars().nth(1).is_none() => self.dispatch(Action::Text(key)),
            Run { text, .. } => self.dispatch(Action::Paste(text)),
        }
    }

    fn action_of(&self, ev: TermEvent) -> Option<Action> {
        match ev {
            TermEvent::Key(input) => super::keys::action_for(self.app.place(), &input),
            TermEvent::Paste(text) => Some(Action::Paste(text)),
            TermEvent::Click { column, row } => self.clicks.at(column, row).map(Action::Clicked),
            TermEvent::ScrollDown => Some(Action::ScrollDown),
            TermEvent::ScrollUp => Some(Action::ScrollUp),
            TermEvent::Resize => None,
        }
    }

    /// Typed text that is not in the draft yet.
    fn text_waiting(&self) -> bool {
        self.app
            .workspace()
            .is_some_and(|w| w.session.text_dirty && w.session.read_only.is_none())
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

    /// How long the loop may sleep before [`Controller::tick`] has work: None when nothing
    /// is due, so an idle program does not wake at all.
    pub fn next_timer(&self, now: Instant) -> Option<Duration> {
        self.typing.due().map(|t| t.saturating_duration_since(now))
    }

    /// The wait ended (a timer, or a wake-up from the writer): copy typed text that is due
    /// into the draft, and show the save status. True when anything shown changed.
    pub fn tick(&mut self, now: Instant) -> bool {
        let mut changed = false;
        if self.typing.is_due(now) {
            let paused = self.typing.paused(now);
            self.typing.clear();
            self.dispatch(if paused {
                Action::Idle
            } else {
                Action::KeepTyping
            });
            changed = true;
        }
        changed | self.sync_status()
    }

    fn sync_status(&mut self) -> bool {
        match self.autosaver.as_ref().map(Autosaver::status) {
            Some(status) if status != self.app.save_status => {
                self.reply(Reply::Saved(status));
                true
            }
            _ => false,
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

    /// The drafts list, with the highlight on `select` and a message.
    pub(super) fn home(&mut self, select: Option<Uuid>, flash: Option<Flash>) -> Reply {
        self.close_draft();
        let rows = self.workflow.list();
        // Only a first start shows the list, so only then are questionnaires read for it.
        let ready = if rows.is_empty() {
            self.workflow
                .choices()
                .into_iter()
                .next()
                .map(|c| c.have_ready)
                .unwrap_or_default()
        } else {
            Vec::new()
        };
        Reply::Home {
            rows,
            select,
            flash,
            ready,
        }
    }

    /// Back to the drafts list, unless the open draft cannot be saved: closing it then would
    /// throw away what exists only in memory, so it stays open and the teacher is told.
    fn leave_draft(&mut self, select: Option<Uuid>) -> Reply {
        if self.autosaver.is_some()
            && let SaveStatus::Failed { reason, .. } = self.flush()
        {
            return Reply::Flash(Flash::warn(format!(
                "Your answers could not be saved ({reason}), so the draft stays open and nothing is lost. Free some space or fix the folder, or press Ctrl-Q to keep a recovery copy."
            )));
        }
        self.home(select, None)
    }

    fn perform(&mut self, effect: Effect) -> Option<Reply> {
        match effect {
            Effect::None | Effect::Leave => None,
            Effect::Save => {
                self.submit();
                None
            }
            Effect::Quit => self.quit(),
            Effect::WriteRecovery => Some(self.write_recovery()),
            Effect::ShowHome { select } => Some(self.leave_draft(select)),
            Effect::ListChoices => Some(Reply::Choices(self.workflow.choices())),
            Effect::Open(id) => Some(self.open(id)),
            Effect::Create {
                questionnaire,
                title,
            } => Some(self.create(&questionnaire, &title)),
            Effect::Import(spec) => Some(self.import(&spec)),
            Effect::Export { allow_incomplete } => Some(self.export(allow_incomplete)),
            Effect::RememberHubEmail {
                email,
                allow_incomplete,
            } => Some(self.remember_then_export(&email, allow_incomplete)),
            Effect::OpenFolder(path) => Some(Reply::Flash(drafts::open_folder(&path))),
            Effect::Print(id) => Some(Reply::Flash(
                match self.workflow.print(&id, None, self.app.clock.now()) {
                    Ok(path) => Flash::info(format!(
                        "The questions are in {}: open it to read or print them before you start.",
                        path.display()
                    )),
                    Err(e) => Flash::warn(format!("The questions could not be printed: {e}")),
                },
            )),
            Effect::RememberExportFolder(dir) => Some(Reply::Flash(
                match self.workflow.remember_export_folder(&dir) {
                    Ok(()) => Flash::info(format!(
                        "From now on bundles are saved in {}. To put this one there too, press Esc, then e.",
                        dir.display()
                    )),
                    Err(e) => Flash::warn(format!("That folder cannot be used: {e}")),
                },
            )),
            Effect::ToggleMouse => Some(super::mouse::toggle(self.workflow.dirs())),
            Effect::OpenMail => self
                .last_export
                .as_ref()
                .map(|r| Reply::Flash(drafts::open_mail(r))),
            other => Some(self.change_draft(other)),
        }
    }
}
