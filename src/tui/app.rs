//! The whole TUI state: one `Screen` at a time, each carrying its own data, help and the
//! "could not save" question as overlays, and the message line. `update` takes an action, `on_reply` what the loop's IO
//! found; both change state only and say what IO to do next as an `Effect`.

use super::action::{Action, Cx, Effect, Flash, Reply};
use super::help::Help;
use super::home::Home;
use super::keys::Place;
use super::new_draft::NewDraft;
use super::quit::{Choice, QuitProblem};
use super::restore::Restore;
use super::workspace::Workspace;
use crate::clock::Clock;
use crate::store::SaveStatus;

pub enum Screen {
    Home(Home),
    NewDraft(NewDraft),
    Restore(Restore),
    Workspace(Box<Workspace>),
}

pub struct App {
    pub screen: Screen,
    pub help: Option<Help>,
    /// Quitting could not save: the teacher is asked what to do.
    pub quit: Option<QuitProblem>,
    pub flash: Option<Flash>,
    pub save_status: SaveStatus,
    pub should_quit: bool,
    /// Opened straight into a draft (`music-sef open`): closing it leaves the program.
    pub single_draft: bool,
    /// Colours on (false under NO_COLOR): meaning never rests on colour alone.
    pub color: bool,
    pub clock: Clock,
}

impl App {
    pub fn new(color: bool, clock: Clock) -> Self {
        Self {
            screen: Screen::Home(Home::default()),
            help: None,
            quit: None,
            flash: None,
            save_status: SaveStatus::Unchanged,
            should_quit: false,
            single_draft: false,
            color,
            clock,
        }
    }

    /// The open draft's workspace, if a draft is open.
    pub fn workspace(&self) -> Option<&Workspace> {
        match &self.screen {
            Screen::Workspace(w) => Some(w),
            _ => None,
        }
    }

    /// Where keys are read now.
    pub fn place(&self) -> Place {
        if let Some(q) = &self.quit {
            return q.place();
        }
        if self.help.is_some() {
            return Place::Help;
        }
        self.screen_place()
    }

    fn screen_place(&self) -> Place {
        match &self.screen {
            Screen::Home(h) => h.place(),
            Screen::NewDraft(n) => n.place(),
            Screen::Restore(r) => r.place(),
            Screen::Workspace(w) => w.place(),
        }
    }

    pub fn update(&mut self, action: Action) -> Effect {
        if matches!(action, Action::Idle | Action::KeepTyping) {
            // Typed text is kept on time whatever is shown over it (help, a question).
            return self.on_screen(action);
        }
        self.flash = None;
        if action == Action::Quit {
            return self.quit();
        }
        // Any screen, help included, and help stays open.
        if action == Action::ToggleMouse {
            return Effect::ToggleMouse;
        }
        if let Some(q) = self.quit.as_mut() {
            return match q.update(&action) {
                Some(Choice::TryAgain) => self.quit(),
                Some(Choice::Recover) => Effect::WriteRecovery,
                Some(Choice::Leave) => {
                    self.should_quit = true;
                    Effect::Leave
                }
                Some(Choice::Cancel) => {
                    self.quit = None;
                    Effect::None
                }
                None => Effect::None,
            };
        }
        if let Some(help) = self.help.as_mut() {
            if !help.update(&action) {
                self.help = None;
            }
            return Effect::None;
        }
        if action == Action::Help {
            self.help = Some(Help::new(self.screen_place()));
            return Effect::None;
        }
        self.on_screen(action)
    }

    /// The action for the screen itself (no overlay takes it).
    fn on_screen(&mut self, action: Action) -> Effect {
        let Self {
            screen,
            flash,
            clock,
            ..
        } = self;
        let mut cx = Cx {
            now: clock.now(),
            today: clock.today(),
            flash,
        };
        let effect = match screen {
            Screen::Home(h) => h.update(action, &mut cx),
            Screen::NewDraft(n) => n.update(action, &mut cx),
            Screen::Restore(r) => r.update(action, &mut cx),
            Screen::Workspace(w) => w.update(action, &mut cx),
        };
        self.leaving(effect)
    }

    /// Closing the draft of `music-sef open` leaves the program.
    fn leaving(&mut self, effect: Effect) -> Effect {
        if self.single_draft
            && matches!(self.screen, Screen::Workspace(_))
            && matches!(effect, Effect::ShowHome { .. })
        {
            self.should_quit = true;
            return Effect::Quit;
        }
        effect
    }

    fn quit(&mut self) -> Effect {
        let now = self.clock.now();
        if let Screen::Workspace(w) = &mut self.screen {
            w.session.commit_text(now);
        }
        self.should_quit = true;
        Effect::Quit
    }

    /// What the loop's IO found.
    pub fn on_reply(&mut self, reply: Reply) -> Effect {
        match reply {
            Reply::Home {
                rows,
                select,
                flash,
            } => {
                let previous = match &self.screen {
                    Screen::Home(h) => h.selected,
                    _ => 0,
                };
                self.screen = Screen::Home(Home::new(rows, select, previous));
                self.save_status = SaveStatus::Unchanged;
                if flash.is_some() {
                    self.flash = flash;
                }
            }
            Reply::Choices(choices) => self.screen = Screen::NewDraft(NewDraft::new(choices)),
            Reply::Backups { id, title, backups } => {
                self.screen = Screen::Restore(Restore::new(id, title, backups));
            }
            Reply::Opened(opened) => {
                let (ws, flash) = Workspace::open(*opened);
                self.screen = Screen::Workspace(Box::new(ws));
                self.save_status = SaveStatus::Unchanged;
                self.flash = flash;
            }
            Reply::Exported(result) => {
                let Self {
                    screen,
                    flash,
                    clock,
                    ..
                } = self;
                if let Screen::Workspace(w) = screen {
                    let cx = Cx {
                        now: clock.now(),
                        today: clock.today(),
                        flash,
                    };
                    return w.exported(result, &cx);
                }
            }
            Reply::HubAddressKnown => {
                if let Screen::Workspace(w) = &mut self.screen {
                    w.hub_address_remembered();
                }
            }
            Reply::Flash(f) => self.flash = Some(f),
            Reply::Saved(status) => self.save_status = status,
            Reply::QuitBlocked { reason, since } => {
                // Stay: leaving now would throw away what exists only in memory.
                self.should_quit = false;
                self.help = None;
                self.quit = Some(QuitProblem::new(reason, since));
            }
            Reply::Recovery(result) => {
                if let Some(q) = self.quit.as_mut() {
                    q.recovery = Some(result);
                }
            }
        }
        Effect::None
    }
}
