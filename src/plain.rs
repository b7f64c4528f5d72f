//! Plain mode: the same questionnaire as numbered line prompts, for screen readers and
//! scripts. No cursor movement, colours or redraws; every line stands on its own. It walks
//! the questionnaire with the same navigator, opens, saves and exports through the same
//! workflow, and checks answers with the same rules as the full-screen view.

mod answer;
mod choose;
mod commands;
pub mod describe;

use std::io::{BufRead, IsTerminal, Write};
use std::process::ExitCode;

use uuid::Uuid;

use crate::answers::parse::sanitize;
use crate::answers::walk::{Place, Walk};
use crate::clock::Clock;
use crate::draft::{Draft, DraftStatus};
use crate::paths::DataDirs;
use crate::questionnaire::{Question, Questionnaire};
use crate::workflow::{ExportRequest, Workflow};

use answer::Taken;
use commands::{COMMANDS, Command};

/// What one read produced.
enum Input {
    Line(String),
    End,
}

/// Where the next question is, after one was asked.
enum Step {
    Next,
    Back,
    Section(usize),
    Quit,
    End,
}

pub struct Plain<'a, R: BufRead, W: Write> {
    input: R,
    out: W,
    workflow: &'a Workflow,
    clock: Clock,
    pub qn: Questionnaire,
    pub draft: Draft,
    read_only: Option<String>,
    walk: Walk,
}

impl<'a, R: BufRead, W: Write> Plain<'a, R, W> {
    pub fn new(
        (input, out): (R, W),
        workflow: &'a Workflow,
        clock: Clock,
        qn: Questionnaire,
        draft: Draft,
        read_only: Option<String>,
    ) -> Self {
        let walk = Walk::new(&qn, &draft.answers);
        Self {
            input,
            out,
            workflow,
            clock,
            qn,
            draft,
            read_only,
            walk,
        }
    }

    fn say(&mut self, line: &str) -> std::io::Result<()> {
        writeln!(self.out, "{}", sanitize(line, false))
    }

    fn read(&mut self) -> std::io::Result<Input> {
        let mut line = String::new();
        if self.input.read_line(&mut line)? == 0 {
            return Ok(Input::End);
        }
        Ok(Input::Line(sanitize(
            line.trim_end_matches(['\n', '\r']),
            false,
        )))
    }

    fn save(&mut self) -> std::io::Result<()> {
        if self.read_only.is_some() {
            return Ok(());
        }
        if let Err(e) = self.workflow.save(&self.draft) {
            self.say(&format!("Warning: NOT SAVED. {e}. Your answers are kept while this program runs; free some space or fix the folder, then answer again to retry."))?;
        }
        Ok(())
    }

    /// Run until the end of the questions, `quit`, or the end of input.
    ///
    /// # Errors
    /// Reading or writing the terminal failed.
    pub fn run(&mut self) -> std::io::Result<()> {
        self.say(&format!(
            "Plain mode: {}. Draft: {}.",
            self.qn.title, self.draft.title
        ))?;
        if let Some(r) = self.read_only.clone() {
            self.say(&format!("This draft is read-only: {r}"))?;
        }
        self.say("Each question is asked in turn. Type your answer and press Enter. Every answer is saved straight away.")?;
        self.say(COMMANDS)?;
        let unconfirmed = self
            .draft
            .carried_over
            .as_ref()
            .map(|c| c.unconfirmed.clone())
            .unwrap_or_default();
        let mut place = Some(
            self.walk
                .resume(&self.qn, &self.draft.answers, &unconfirmed),
        );
        // Question ids, not places: answers change which questions apply on the way.
        let mut visited: Vec<String> = Vec::new();
        while let Some(p) = place {
            let Some(q) = self.walk.question(&self.qn, p).cloned() else {
                break;
            };
            for l in describe::question_lines(
                &self.qn,
                &self.draft,
                &q,
                p.section,
                p.index,
                self.walk.count(p.section),
            ) {
                self.say(&l)?;
            }
            place = match self.ask(&q)? {
                Step::Next => {
                    visited.push(q.id.clone());
                    self.walk.next(p)
                }
                Step::Back => visited
                    .pop()
                    .and_then(|id| self.walk.find(&self.qn, &id))
                    .or(Some(p)),
                Step::Section(s) => {
                    visited.push(q.id.clone());
                    self.section_start(s)
                }
                Step::Quit => return self.leave("Saved. Goodbye."),
                Step::End => return self.leave("End of input: your answers are saved."),
            };
        }
        self.finish()
    }

    fn leave(&mut self, words: &str) -> std::io::Result<()> {
        self.save()?;
        self.say(words)
    }

    /// The first applicable question of section `s`, or of the next section that has one.
    fn section_start(&self, s: usize) -> Option<Place> {
        if self.walk.count(s) > 0 {
            Some(Walk::start(s))
        } else {
            self.walk.next_section(s).map(Walk::start)
        }
    }

    /// Ask one question until it is answered, kept, or a command moves elsewhere.
    fn ask(&mut self, q: &Question) -> std::io::Result<Step> {
        loop {
            let Input::Line(line) = self.read()? else {
                return Ok(Step::End);
            };
            if let Some(cmd) = Command::at_start(&line) {
                match self.run_command(q, cmd)? {
                    Some(step) => return Ok(step),
                    None => continue,
                }
            }
            if let Some(r) = &self.read_only {
                let r = r.clone();
                self.say(&format!("Nothing can be changed: {r}"))?;
                return Ok(Step::Next);
            }
            match self.value_for(q, &line)? {
                Taken::Value(value) => {
                    self.draft.set_answer(&q.id, value, self.clock.now());
                    self.walk.refresh(&self.qn, &self.draft.answers);
                    self.save()?;
                    self.say(&format!(
                        "Saved. {}",
                        describe::current_answer(&self.qn, &self.draft, q)
                    ))?;
                    self.warnings(Some(&q.id))?;
                    return Ok(Step::Next);
                }
                Taken::Refused(msg) => {
                    self.say(&format!("That answer was not accepted. {msg}"))?;
                    self.say(&describe::instruction(&self.qn, q))?;
                }
                Taken::Moved(step) => return Ok(step),
            }
        }
    }

    fn finish(&mut self) -> std::io::Result<()> {
        let p = self.walk.overall();
        self.say("")?;
        self.say(&format!(
            "You have reached the end. {} of {} questions answered; {} required answers missing.",
            p.answered, p.total, p.required_missing
        ))?;
        if p.required_missing > 0 {
            self.review()?;
            self.say("Run music-sef plain again with this draft to answer the missing questions.")?;
            return Ok(());
        }
        if self.read_only.is_some() {
            return Ok(());
        }
        self.warnings(None)?;
        self.say("Every required question is answered.")?;
        self.say("Type ready to mark the draft ready to export, type export to mark it ready and write the bundle for your music hub now, or press Enter to leave it in progress.")?;
        let choice = match self.read()? {
            Input::Line(l) => l.trim().to_ascii_lowercase(),
            Input::End => String::new(),
        };
        if choice == "ready" || choice == "export" {
            self.draft.status = DraftStatus::Ready;
            self.save()?;
            self.say("The draft is marked ready to export.")?;
        }
        if choice == "export" {
            return self.export();
        }
        self.say(&format!(
            "To write the bundle for your music hub later, run: music-sef export {}",
            &self.draft.id.to_string()[..8]
        ))
    }

    fn export(&mut self) -> std::io::Result<()> {
        let req = ExportRequest::default();
        match self
            .workflow
            .export(&mut self.draft, &self.qn, &req, self.clock.local())
        {
            Ok(r) => {
                self.say("The bundle is written.")?;
                for l in crate::export::bundle::describe(&r) {
                    self.say(&l)?;
                }
            }
            Err(e) => self.say(&format!("The bundle was not written. {e}"))?,
        }
        Ok(())
    }
}

/// Answer an existing draft in plain mode on standard input and output.
///
/// # Errors
/// The draft or its questionnaire cannot be opened.
pub fn run_draft(dirs: &DataDirs, id: Uuid) -> anyhow::Result<ExitCode> {
    let workflow = Workflow::new(dirs);
    let opened = workflow.open(id)?;
    if !opened.reconciliation.orphaned.is_empty() {
        println!(
            "The questionnaire has changed since this draft was started: {} earlier answers are kept aside as answers no longer asked.",
            opened.reconciliation.orphaned.len()
        );
    }
    let stdin = std::io::stdin();
    let interactive = stdin.is_terminal();
    let mut p = Plain::new(
        (stdin.lock(), std::io::stdout().lock()),
        &workflow,
        Clock::system(),
        opened.questionnaire,
        opened.draft,
        opened.read_only,
    );
    p.run()?;
    if interactive {
        println!(
            "You can carry on later with: music-sef plain {}",
            &id.to_string()[..8]
        );
    }
    drop(opened.lock);
    Ok(ExitCode::SUCCESS)
}
