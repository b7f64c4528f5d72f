//! The only IO glue of the TUI: read events, map them to actions, update, carry out the
//! effects (store, registry, export, opening files), autosave and draw. Generic over the
//! backend and the event source, so tests drive it with `TestBackend` and scripted events.

use std::process::ExitCode;
use std::time::{Duration, Instant};

use anyhow::Context;
use ratatui::Terminal;
use ratatui::backend::Backend;
use ratatui::crossterm::event::{self, Event};
use uuid::Uuid;

use super::action::{Action, Effect};
use super::app::{App, FlashKind, Screen};
use super::home::{BackupRow, HomeRow, QuestionnaireChoice};
use super::session::Session;
use crate::answers::progress;
use crate::draft::{Draft, QuestionnaireRef};
use crate::paths::DataDirs;
use crate::questionnaire::{Origin, Registry};
use crate::store::{Autosaver, BackupReason, DraftLock, Listing, SaveStatus, Store, signals};

/// Typing counts as stopped after this long without a key.
pub const IDLE: Duration = Duration::from_millis(1500);

pub struct Controller {
    pub app: App,
    pub store: Store,
    pub registry: Registry,
    pub dirs: DataDirs,
    autosaver: Option<Autosaver>,
    _lock: Option<DraftLock>,
    last_key: Option<Instant>,
    last_export: Option<crate::export::BundleReport>,
    /// Where the TUI writes bundles.
    pub export_dir: std::path::PathBuf,
}

impl Controller {
    pub fn new(dirs: &DataDirs) -> Self {
        let mut c = Self {
            app: App::new(),
            store: Store::new(dirs),
            registry: Registry::discover(dirs),
            dirs: dirs.clone(),
            autosaver: None,
            _lock: None,
            last_key: None,
            last_export: None,
            export_dir: dirs.exports(),
        };
        c.refresh_home();
        c.app.new_draft.choices = c
            .registry
            .entries
            .iter()
            .map(|e| QuestionnaireChoice {
                id: e.questionnaire.id.clone(),
                title: e.questionnaire.title.clone(),
                description: e.questionnaire.description.clone(),
                origin: match e.origin {
                    Origin::BuiltIn => "built in".to_string(),
                    _ => "installed".to_string(),
                },
                questions: e.questionnaire.question_count(),
            })
            .collect();
        // The default questionnaire first: it is what most schools are asked for.
        c.app
            .new_draft
            .choices
            .sort_by_key(|ch| ch.id != crate::questionnaire::DEFAULT_ID);
        c
    }

    pub fn refresh_home(&mut self) {
        let rows = self
            .store
            .list()
            .into_iter()
            .map(|l| match l {
                Listing::Ok(d) => {
                    let entry = self.registry.for_draft(&d.questionnaire).ok();
                    HomeRow {
                        id: d.id,
                        title: d.title.clone(),
                        questionnaire: entry.as_ref().map_or_else(
                            || format!("{} (not found)", d.questionnaire.id),
                            |e| e.questionnaire.title.clone(),
                        ),
                        progress: entry.map(|e| progress::overall(&e.questionnaire, &d.answers)),
                        status: d.status.label().to_string(),
                        saved: Some(d.updated_at.with_timezone(&chrono::Local)),
                        damaged: None,
                    }
                }
                Listing::Damaged { id, reason } => HomeRow {
                    id,
                    title: format!("Draft {}", &id.to_string()[..8]),
                    questionnaire: String::new(),
                    progress: None,
                    status: "Damaged".to_string(),
                    saved: None,
                    damaged: Some(format!("This draft's file could not be read ({reason}).")),
                },
            })
            .collect();
        self.app.home.set_rows(rows);
    }

    /// Open a draft in the workspace, taking its lock or opening read-only.
    ///
    /// # Errors
    /// The draft or its questionnaire cannot be loaded.
    pub fn open(&mut self, id: Uuid) -> anyhow::Result<()> {
        let peek = self.store.load(id)?;
        let entry = self
            .registry
            .for_draft(&peek.questionnaire)
            .with_context(|| {
                format!(
                    "the questionnaire \"{}\" this draft was started with is not available",
                    peek.questionnaire.id
                )
            })?;
        let (opened, change) = self.store.open_for(id, &entry.questionnaire)?;
        if opened.read_only.is_none() {
            let _ = self.store.backup(id, BackupReason::SessionStart);
        }
        self.app.hub_email_known = entry
            .questionnaire
            .submission
            .as_ref()
            .is_some_and(|s| s.hub_email.is_some())
            || crate::settings::Settings::load(&self.dirs)
                .hub_email
                .is_some();
        self._lock = opened.lock;
        self.autosaver = Some(Autosaver::spawn(self.store.clone()));
        signals::remember(&self.store, &opened.draft);
        self.app.open_session(Session::new(
            entry.questionnaire,
            opened.draft,
            opened.read_only,
        ));
        if !change.orphaned.is_empty() {
            self.app.flash = Some((
                FlashKind::Warning,
                format!(
                    "The questionnaire has changed: {} earlier answers are kept under \"answers no longer asked\" in review.",
                    change.orphaned.len()
                ),
            ));
        }
        Ok(())
    }

    /// Handle one terminal event.
    pub fn handle_event(&mut self, ev: &Event) {
        if let Event::Key(_) | Event::Paste(_) = ev {
            self.last_key = Some(Instant::now());
        }
        if let Some(action) = super::keymap::action_for(&self.app, ev) {
            self.dispatch(action);
        }
    }

    pub fn dispatch(&mut self, action: Action) {
        let effect = self.app.update(action);
        self.perform(effect);
    }

    /// Called when no event arrived for a while: keep typed text and refresh the status.
    pub fn tick(&mut self, now: Instant) {
        if self.last_key.is_some_and(|t| now.duration_since(t) >= IDLE) {
            self.last_key = None;
            self.dispatch(Action::Idle);
        }
        if let Some(a) = &self.autosaver {
            self.app.save_status = a.status();
        }
    }

    fn submit(&mut self) {
        if let (Some(a), Some(s)) = (&self.autosaver, &self.app.session)
            && s.read_only.is_none()
        {
            a.submit(&s.draft);
            signals::remember(&self.store, &s.draft);
            self.app.save_status = a.status();
        }
    }

    /// Save and wait (briefly) for the disk; used on quit and before export.
    pub fn flush(&mut self) -> SaveStatus {
        self.app.commit_text();
        self.submit();
        let status = self
            .autosaver
            .as_ref()
            .map_or(SaveStatus::Unchanged, |a| a.flush(Duration::from_secs(3)));
        self.app.save_status = status.clone();
        status
    }

    fn close_session(&mut self) {
        self.flush();
        self.autosaver = None;
        self._lock = None;
        self.app.session = None;
        signals::forget();
    }

    #[allow(clippy::too_many_lines)]
    fn perform(&mut self, effect: Effect) {
        match effect {
            Effect::None => {}
            Effect::Save => self.submit(),
            Effect::Quit => {
                self.flush();
            }
            Effect::CloseDraft => {
                self.close_session();
                self.refresh_home();
                self.app.screen = Screen::Home;
            }
            Effect::RefreshHome => self.refresh_home(),
            Effect::OpenDraft(id) => {
                if let Err(e) = self.open(id) {
                    self.app.flash = Some((
                        FlashKind::Warning,
                        format!("Could not open the draft: {e:#}"),
                    ));
                }
            }
            Effect::CreateDraft {
                questionnaire,
                title,
            } => match self.registry.find(&questionnaire) {
                Ok(entry) => {
                    let draft = Draft::new(
                        title,
                        QuestionnaireRef {
                            id: entry.questionnaire.id.clone(),
                            version: entry.questionnaire.version.clone(),
                            source: None,
                        },
                    );
                    match self.store.save(&draft) {
                        Ok(()) => {
                            self.dispatch_open(draft.id);
                        }
                        Err(e) => {
                            self.app.flash = Some((
                                FlashKind::Warning,
                                format!("Could not create the draft: {e}"),
                            ))
                        }
                    }
                }
                Err(e) => self.app.flash = Some((FlashKind::Warning, e.to_string())),
            },
            Effect::DeleteDraft(id) => {
                match self.store.delete(id) {
                    Ok(()) => self.app.flash = Some((FlashKind::Info, "Deleted.".to_string())),
                    Err(e) => {
                        self.app.flash =
                            Some((FlashKind::Warning, format!("Could not delete: {e}")))
                    }
                }
                self.refresh_home();
            }
            Effect::RenameDraft(id, title) => {
                let result = self.store.load(id).and_then(|mut d| {
                    d.title = title;
                    d.updated_at = chrono::Utc::now();
                    self.store.save(&d)
                });
                if let Err(e) = result {
                    self.app.flash = Some((FlashKind::Warning, format!("Could not rename: {e}")));
                }
                self.refresh_home();
            }
            Effect::DuplicateDraft(id) => {
                let result = self.store.load(id).and_then(|d| {
                    let mut copy = d.clone();
                    copy.id = Uuid::new_v4();
                    copy.title = format!("{} (copy)", d.title);
                    copy.exports.clear();
                    copy.created_at = chrono::Utc::now();
                    copy.updated_at = copy.created_at;
                    self.store.save(&copy)
                });
                match result {
                    Ok(()) => {
                        self.app.flash = Some((
                            FlashKind::Info,
                            "Copied. The copy is at the top of the list.".to_string(),
                        ))
                    }
                    Err(e) => {
                        self.app.flash = Some((FlashKind::Warning, format!("Could not copy: {e}")))
                    }
                }
                self.refresh_home();
                self.app.home.selected = 0;
            }
            Effect::LoadBackups(id) => {
                let title = self
                    .app
                    .home
                    .selected_row()
                    .map(|r| r.title.clone())
                    .unwrap_or_default();
                self.app.restore = super::home::RestoreView {
                    draft: Some(id),
                    title,
                    backups: self
                        .store
                        .backups(id)
                        .into_iter()
                        .map(|b| BackupRow {
                            path: b.path,
                            taken_at: b.taken_at.with_timezone(&chrono::Local),
                            answered: b.answered,
                        })
                        .collect(),
                    selected: 0,
                    confirm: false,
                };
                self.app.screen = Screen::Restore;
            }
            Effect::RestoreBackup(id, path) => {
                match self.store.restore(id, &path) {
                    Ok(_) => {
                        self.app.flash = Some((
                            FlashKind::Info,
                            "Restored. Your answers before the restore were backed up too."
                                .to_string(),
                        ))
                    }
                    Err(e) => {
                        self.app.flash =
                            Some((FlashKind::Warning, format!("Could not restore: {e}")))
                    }
                }
                self.refresh_home();
                self.app.screen = Screen::Home;
            }
            Effect::ImportFrom(path) => {
                match crate::import::start_from(&path, &self.dirs, None, None) {
                    Ok(draft) => self.dispatch_open(draft.id),
                    Err(e) => self.app.flash = Some((FlashKind::Warning, format!("{e:#}"))),
                }
            }
            Effect::Export { allow_incomplete } => self.export(allow_incomplete),
            Effect::RememberHubEmail {
                email,
                allow_incomplete,
            } => {
                let mut settings = crate::settings::Settings::load(&self.dirs);
                settings.hub_email = Some(email);
                if let Err(e) = settings.save(&self.dirs) {
                    self.app.flash = Some((
                        FlashKind::Warning,
                        format!("The address could not be remembered: {e}"),
                    ));
                }
                self.app.hub_email_known = true;
                self.export(allow_incomplete);
            }
            Effect::OpenFolder(path) => {
                self.app.flash = Some(match crate::export::open_folder(&path) {
                    Ok(()) => (FlashKind::Info, "Opened the folder.".to_string()),
                    Err(e) => (
                        FlashKind::Warning,
                        format!("Could not open the folder ({e}). It is: {}", path.display()),
                    ),
                });
            }
            Effect::OpenMail => {
                if let Some(report) = &self.last_export {
                    self.app.flash = Some(match crate::export::open_mail(report) {
                        Ok(how) => (FlashKind::Info, how),
                        Err(e) => (
                            FlashKind::Warning,
                            format!(
                                "Could not open your e-mail program ({e}). The e-mail file is {}",
                                report.eml.display()
                            ),
                        ),
                    });
                }
            }
        }
    }

    fn export(&mut self, allow_incomplete: bool) {
        self.flush();
        let settings = crate::settings::Settings::load(&self.dirs);
        let Some(s) = self.app.session.as_mut() else {
            return;
        };
        let opts = crate::export::ExportOptions {
            allow_incomplete,
            hub_email: settings.hub_email,
        };
        let result = crate::export::export_draft(
            &self.store,
            &mut s.draft,
            &s.questionnaire,
            &self.export_dir,
            &opts,
        );
        match result {
            Ok(report) => {
                let mut lines = vec!["Your bundle is written. Send the e-mail (or the PDF and files) to your music hub.".to_string(), String::new()];
                lines.extend(crate::export::bundle::describe(&report));
                lines.push(String::new());
                lines.push("Press o to open the folder, s to open the e-mail in your mail program, Esc to go back.".to_string());
                self.app.export = super::review::ExportView {
                    lines,
                    folder: Some(report.folder.clone()),
                    failed: false,
                };
                self.last_export = Some(report);
            }
            Err(e) => {
                self.app.export = super::review::ExportView {
                    lines: vec![
                        format!("{e}"),
                        String::new(),
                        "Nothing you typed is lost. Press Esc to go back.".to_string(),
                    ],
                    folder: None,
                    failed: true,
                };
            }
        }
        // The draft's status and export record changed on disk; keep the open copy in step.
        self.submit();
        self.app.screen = Screen::Export;
    }

    fn dispatch_open(&mut self, id: Uuid) {
        self.refresh_home();
        if let Err(e) = self.open(id) {
            self.app.flash = Some((
                FlashKind::Warning,
                format!("Could not open the draft: {e:#}"),
            ));
        }
    }
}

/// Run the loop until the app asks to quit or a stop signal arrives.
///
/// # Errors
/// Drawing or reading events failed.
pub fn run_loop<B: Backend>(
    terminal: &mut Terminal<B>,
    c: &mut Controller,
    mut next_event: impl FnMut(Duration) -> std::io::Result<Option<Event>>,
) -> anyhow::Result<()>
where
    B::Error: Send + Sync + 'static,
{
    loop {
        terminal.draw(|f| super::ui::render(f, &c.app))?;
        if c.app.should_quit {
            return Ok(());
        }
        if signals::stop_requested() {
            c.flush();
            return Ok(());
        }
        match next_event(Duration::from_millis(250))? {
            Some(ev) => c.handle_event(&ev),
            None => c.tick(Instant::now()),
        }
    }
}

/// Wait for the next terminal event. We watch the terminal ourselves first: when the window
/// is closed the terminal hangs up, and crossterm would then spin for ever reading nothing,
/// never returning to notice the stop signal. A hang-up is reported as an error instead, so
/// the loop saves and leaves.
fn crossterm_events(timeout: Duration) -> std::io::Result<Option<Event>> {
    let hung_up = || {
        std::io::Error::new(
            std::io::ErrorKind::BrokenPipe,
            "the terminal window was closed",
        )
    };
    // crossterm may already hold several events read in one go (a paste, fast typing):
    // hand those out first, after making sure the terminal is still there.
    if matches!(terminal_input(Duration::ZERO), Input::HungUp) {
        return Err(hung_up());
    }
    if event::poll(Duration::ZERO)? {
        return event::read().map(Some);
    }
    match terminal_input(timeout) {
        Input::HungUp => Err(hung_up()),
        Input::Nothing => Ok(None),
        Input::Ready => {
            if event::poll(Duration::ZERO)? {
                event::read().map(Some)
            } else {
                Ok(None)
            }
        }
    }
}

enum Input {
    Ready,
    Nothing,
    HungUp,
}

#[cfg(unix)]
fn terminal_input(timeout: Duration) -> Input {
    use std::io::IsTerminal;
    use std::os::fd::AsRawFd;
    let stdin = std::io::stdin();
    // crossterm reads standard input when it is a terminal, else /dev/tty; only in the first
    // case can we watch the same file for a hang-up.
    if !stdin.is_terminal() {
        return match event::poll(timeout) {
            Ok(true) => Input::Ready,
            _ => Input::Nothing,
        };
    }
    let mut fds = libc::pollfd {
        fd: stdin.as_raw_fd(),
        events: libc::POLLIN,
        revents: 0,
    };
    let ms = libc::c_int::try_from(timeout.as_millis()).unwrap_or(libc::c_int::MAX);
    // SAFETY: one valid pollfd for the duration of the call; the count matches.
    let n = unsafe { libc::poll(&raw mut fds, 1, ms) };
    if n < 0 {
        return Input::Nothing;
    }
    if fds.revents & (libc::POLLHUP | libc::POLLERR | libc::POLLNVAL) != 0 {
        return Input::HungUp;
    }
    if n > 0 { Input::Ready } else { Input::Nothing }
}

#[cfg(not(unix))]
fn terminal_input(timeout: Duration) -> Input {
    match event::poll(timeout) {
        Ok(true) => Input::Ready,
        _ => Input::Nothing,
    }
}

fn run(mut c: Controller) -> anyhow::Result<ExitCode> {
    signals::install();
    watchdog();
    let mut guard = super::terminal::TerminalGuard::enter().context(
        "music-sef needs a terminal window; for scripts and screen readers use `music-sef plain`",
    )?;
    let result = run_loop(&mut guard.terminal, &mut c, crossterm_events);
    let status = c.flush();
    drop(guard);
    result?;
    if let SaveStatus::Failed { reason, .. } = status {
        eprintln!("Your last changes could NOT be saved: {reason}");
        return Ok(ExitCode::from(1));
    }
    if let Some(s) = &c.app.session {
        println!(
            "Saved \"{}\". Carry on later with: music-sef open {}",
            s.draft.title,
            &s.draft.id.to_string()[..8]
        );
    }
    Ok(ExitCode::SUCCESS)
}

/// After a stop signal the loop saves and leaves within a moment. If it cannot (a terminal
/// that no longer answers), save the last snapshot directly, put the terminal back and exit,
/// so a closed window never leaves a program running with unsaved work.
fn watchdog() {
    std::thread::spawn(|| {
        while !signals::stop_requested() {
            std::thread::sleep(Duration::from_millis(200));
        }
        std::thread::sleep(Duration::from_secs(3));
        signals::save_last();
        super::terminal::restore();
        std::process::exit(0);
    });
}

/// `music-sef` with no command: the home screen.
///
/// # Errors
/// No terminal, or drawing failed.
pub fn run_home(dirs: &DataDirs) -> anyhow::Result<ExitCode> {
    run(Controller::new(dirs))
}

/// `music-sef open` / `new`: straight into a draft; quitting leaves the program.
///
/// # Errors
/// The draft cannot be opened, or no terminal.
pub fn run_draft(dirs: &DataDirs, id: Uuid) -> anyhow::Result<ExitCode> {
    let mut c = Controller::new(dirs);
    c.open(id)?;
    c.app.single_draft = true;
    run(c)
}
