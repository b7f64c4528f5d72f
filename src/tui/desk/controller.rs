//! The desk's IO: the schools table read from the hub database, a school's page, review
//! states, decisions and feedback carried out through the hub's use cases (`hub::desk`,
//! the same as the commands), and the loop that runs it in a terminal. Every change is
//! written at once in its own transaction, so there is nothing to save when the desk closes.

use std::process::ExitCode;

use anyhow::Context;
use ratatui::Terminal;
use ratatui::backend::Backend;

use super::form::DecisionForm;
use super::table::{DeskRow, SchoolsTable};
use super::{DeskApp, DeskEffect, PageMode, SchoolPage};
use crate::clock::Clock;
use crate::hub::HubError;
use crate::hub::desk::Desk;
use crate::hub::{page, review, schools};
use crate::tui::action::{Action, Flash};
use crate::tui::event::{self, TermEvent};
use crate::tui::keys::action_for;

pub struct DeskController {
    pub app: DeskApp,
    pub desk: Desk,
    pub clock: Clock,
}

/// Every school of the hub's newest year, with its review state.
///
/// # Errors
/// The database cannot be read.
pub fn rows(desk: &Desk) -> Result<(Vec<DeskRow>, String), HubError> {
    let year = schools::default_year(desk.db())?;
    let states = review::by_urn(desk.db(), &year.label())?;
    let lines = schools::list(desk.db(), year, false)?;
    let rows = lines
        .iter()
        .map(|l| DeskRow::of(l, l.urn.and_then(|u| states.get(&u).copied())))
        .collect();
    Ok((rows, year.label()))
}

impl DeskController {
    /// The desk over `desk`, showing the schools table.
    ///
    /// # Errors
    /// The database cannot be read.
    pub fn new(desk: Desk, color: bool, clock: Clock) -> Result<Self, HubError> {
        let (rows, year) = rows(&desk)?;
        let db_name = desk
            .db()
            .path()
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        Ok(Self {
            app: DeskApp::new(
                SchoolsTable::new(rows, year),
                crate::hub::shown(&db_name),
                color,
            ),
            desk,
            clock,
        })
    }

    pub fn handle(&mut self, ev: TermEvent) {
        let place = self.app.place();
        let action = match ev {
            TermEvent::Key(input) => action_for(place, &input),
            TermEvent::Paste(text) if place.typing() => Some(Action::Paste(text)),
            TermEvent::ScrollUp => Some(Action::Up),
            TermEvent::ScrollDown => Some(Action::Down),
            _ => None,
        };
        if let Some(a) = action {
            let effect = self.app.update(a);
            self.run(effect);
        }
    }

    fn run(&mut self, effect: DeskEffect) {
        let now = self.clock.now();
        let done = match effect {
            DeskEffect::None | DeskEffect::Quit => Ok(None),
            DeskEffect::Open(urn) => self.open(urn).map(|()| None),
            DeskEffect::SetState { urn, state, note } => self.set_state(urn, state, &note, now),
            DeskEffect::StartDecision(urn) => self.start_decision(urn).map(|()| None),
            DeskEffect::Decide { urn, input, hub } => self.decide(urn, &input, hub.as_deref(), now),
            DeskEffect::Feedback(urn) => self.feedback(urn, now),
        };
        match done {
            Ok(Some(flash)) => self.app.flash = Some(flash),
            Ok(None) => {}
            Err(e) => self.app.flash = Some(Flash::warn(e.to_string())),
        }
    }

    fn open(&mut self, urn: u32) -> Result<(), HubError> {
        let page = page::build(&self.desk, urn)?;
        let (scroll, mode) = match self.app.school.take() {
            Some(p) if p.urn == urn => (p.scroll, PageMode::Browse),
            _ => (0, PageMode::Browse),
        };
        self.app.school = Some(SchoolPage {
            urn,
            page,
            scroll,
            mode,
        });
        Ok(())
    }

    /// The page and the table read again after a change.
    fn reload(&mut self, urn: u32) -> Result<(), HubError> {
        let (rows, _) = rows(&self.desk)?;
        self.app.table.replace(rows);
        self.open(urn)
    }

    fn set_state(
        &mut self,
        urn: u32,
        state: review::ReviewState,
        note: &str,
        now: chrono::DateTime<chrono::Utc>,
    ) -> Result<Option<Flash>, HubError> {
        let t = self.desk.target(&urn.to_string(), None, "review")?;
        let officer = self.desk.officer();
        self.desk
            .set_state(&t, state, Some(note), officer.as_deref(), now)?;
        self.reload(urn)?;
        Ok(Some(Flash::info(format!("Now {}.", state.label()))))
    }

    fn start_decision(&mut self, urn: u32) -> Result<(), HubError> {
        let t = self.desk.target(&urn.to_string(), None, "decide on")?;
        let hub = self.desk.hub_name(None, None);
        let form = DecisionForm::new(
            self.desk.officer().as_deref(),
            hub.as_deref(),
            self.desk.is_audit(&t),
        );
        if let Some(p) = &mut self.app.school {
            p.mode = PageMode::Form(Box::new(form));
        }
        Ok(())
    }

    fn decide(
        &mut self,
        urn: u32,
        input: &crate::hub::decision::Input,
        hub: Option<&str>,
        now: chrono::DateTime<chrono::Utc>,
    ) -> Result<Option<Flash>, HubError> {
        let t = self.desk.target(&urn.to_string(), None, "decide on")?;
        match self.desk.decide(&t, input, now)? {
            Ok(d) => {
                // Asked once: the names typed here sign and head the letters from now on.
                let officer = self
                    .desk
                    .officer()
                    .is_none()
                    .then_some(d.outcome.officer.as_str());
                self.desk.remember(officer, hub)?;
                self.reload(urn)?;
                Ok(Some(Flash::info(format!(
                    "Decision kept: {}. Press f to write the feedback.",
                    d.outcome.headline()
                ))))
            }
            Err(problems) => {
                if let Some(PageMode::Form(form)) = self.app.school.as_mut().map(|p| &mut p.mode) {
                    form.show_problems(&problems);
                }
                Ok(Some(Flash::warn(format!(
                    "Not kept yet: {} to fix (listed in the form).",
                    problems.len()
                ))))
            }
        }
    }

    fn feedback(
        &mut self,
        urn: u32,
        now: chrono::DateTime<chrono::Utc>,
    ) -> Result<Option<Flash>, HubError> {
        let t = self
            .desk
            .target(&urn.to_string(), None, "write feedback for")?;
        let (_, w) = self.desk.write_feedback(&t, None, now)?;
        self.reload(urn)?;
        let to = w.to.as_deref().map_or_else(
            || "add the school's address before sending".to_string(),
            |a| format!("an e-mail to {a} is ready"),
        );
        Ok(Some(Flash::info(format!(
            "Feedback written in {} ({to}).",
            w.folder.display()
        ))))
    }

    /// Draw the desk.
    ///
    /// # Errors
    /// Drawing failed.
    pub fn draw<B: Backend>(&self, t: &mut Terminal<B>) -> Result<(), B::Error> {
        t.draw(|f| super::view::render(f, &self.app)).map(|_| ())
    }
}

/// `music-sef hub` in a terminal: the desk over `desk`'s database.
///
/// # Errors
/// No terminal, or drawing or reading events failed.
pub fn run_desk(desk: Desk) -> anyhow::Result<ExitCode> {
    let color = std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty());
    let mut c = DeskController::new(desk, color, Clock::system())?;
    crate::store::signals::install();
    // A stop signal wakes the wait for keys, so the desk closes at once.
    crate::store::signals::on_stop(event::waker());
    let mut guard = crate::tui::terminal::TerminalGuard::enter()
        .context("the hub desk needs a terminal window; for scripts use the hub's commands (see `music-sef hub --help`)")?;
    let result = (|| -> anyhow::Result<()> {
        loop {
            c.draw(&mut guard.terminal)?;
            if c.app.should_quit || crate::store::signals::stop_requested() {
                return Ok(());
            }
            for ev in event::next_batch(None)? {
                c.handle(ev);
            }
        }
    })();
    drop(guard);
    result?;
    Ok(ExitCode::SUCCESS)
}
