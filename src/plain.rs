//! Plain mode: the same questionnaire as numbered line prompts, for screen readers and
//! scripts. No cursor movement, colours or redraws; every line stands on its own. It uses
//! the same answer rules, drafts and saving as the full-screen view.

pub mod describe;

use std::io::{BufRead, IsTerminal, Write};
use std::process::ExitCode;

use anyhow::Context;
use uuid::Uuid;

use crate::answers::parse::{parse_typed, sanitize};
use crate::answers::{self, AnswerValue, LevelAnswer, is_visible};
use crate::draft::{Draft, DraftStatus};
use crate::paths::DataDirs;
use crate::questionnaire::{QuestionType, Questionnaire, Registry, Requirement};
use crate::store::Store;

/// What one read produced.
enum Input {
    Line(String),
    End,
}

pub struct Plain<'a, R: BufRead, W: Write> {
    input: R,
    out: W,
    store: &'a Store,
    pub qn: Questionnaire,
    pub draft: Draft,
    read_only: Option<String>,
    /// (section, question index) of every question, in order.
    order: Vec<(usize, usize)>,
}

const COMMANDS: &str = "Commands: press Enter alone to keep the current answer; back; skip; ? for guidance; help; review; section followed by a number; quit.";

impl<'a, R: BufRead, W: Write> Plain<'a, R, W> {
    pub fn new(
        input: R,
        out: W,
        store: &'a Store,
        qn: Questionnaire,
        draft: Draft,
        read_only: Option<String>,
    ) -> Self {
        let order = qn
            .sections
            .iter()
            .enumerate()
            .flat_map(|(si, s)| (0..s.questions.len()).map(move |qi| (si, qi)))
            .collect();
        Self {
            input,
            out,
            store,
            qn,
            draft,
            read_only,
            order,
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
        if let Err(e) = self.store.save(&self.draft) {
            self.say(&format!("Warning: NOT SAVED. {e}. Your answers are kept while this program runs; free some space or fix the folder, then answer again to retry."))?;
        }
        Ok(())
    }

    /// Where to start: the first unanswered question that applies.
    fn first_unanswered(&self) -> usize {
        self.order
            .iter()
            .position(|&(s, q)| {
                let q = &self.qn.sections[s].questions[q];
                is_visible(q, &self.draft.answers)
                    && !self
                        .draft
                        .answers
                        .get(&q.id)
                        .is_some_and(AnswerValue::is_answered)
            })
            .unwrap_or(0)
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
        let mut i = self.first_unanswered();
        let mut visited: Vec<usize> = Vec::new();
        while i < self.order.len() {
            let (si, qi) = self.order[i];
            let q = self.qn.sections[si].questions[qi].clone();
            if !is_visible(&q, &self.draft.answers) {
                i += 1;
                continue;
            }
            let visible_in_section: Vec<usize> = (0..self.qn.sections[si].questions.len())
                .filter(|&k| is_visible(&self.qn.sections[si].questions[k], &self.draft.answers))
                .collect();
            let pos = visible_in_section
                .iter()
                .position(|&k| k == qi)
                .unwrap_or(0);
            for l in describe::question_lines(
                &self.qn,
                &self.draft,
                &q,
                si,
                pos,
                visible_in_section.len(),
            ) {
                self.say(&l)?;
            }
            match self.ask(&q)? {
                Step::Next => {
                    visited.push(i);
                    i += 1;
                }
                Step::Back => i = visited.pop().unwrap_or(i),
                Step::Goto(j) => {
                    visited.push(i);
                    i = j;
                }
                Step::Quit => {
                    self.save()?;
                    self.say("Saved. Goodbye.")?;
                    return Ok(());
                }
                Step::End => {
                    self.save()?;
                    self.say("End of input: your answers are saved.")?;
                    return Ok(());
                }
            }
        }
        self.finish()
    }

    /// Ask one question until it is answered, kept, or a command moves elsewhere.
    fn ask(&mut self, q: &crate::questionnaire::Question) -> std::io::Result<Step> {
        loop {
            let Input::Line(line) = self.read()? else {
                return Ok(Step::End);
            };
            let cmd = line.trim().to_ascii_lowercase();
            match cmd.as_str() {
                "" => {
                    self.draft.confirm(&q.id);
                    self.save()?;
                    return Ok(Step::Next);
                }
                "back" => return Ok(Step::Back),
                "skip" => return Ok(Step::Next),
                "quit" | "exit" => return Ok(Step::Quit),
                "?" => {
                    let g = q.guidance.clone().unwrap_or_else(|| {
                        "There is no extra guidance for this question.".to_string()
                    });
                    self.say(&format!("Guidance: {g}"))?;
                    self.say(&describe::instruction(&self.qn, q))?;
                    continue;
                }
                "help" => {
                    self.say(COMMANDS)?;
                    self.say(&describe::instruction(&self.qn, q))?;
                    continue;
                }
                "review" => {
                    self.review()?;
                    self.say(&format!("Back to the question: {}", q.prompt))?;
                    continue;
                }
                _ => {}
            }
            if let Some(n) = cmd.strip_prefix("section ") {
                match n
                    .trim()
                    .parse::<usize>()
                    .ok()
                    .filter(|n| (1..=self.qn.sections.len()).contains(n))
                {
                    Some(n) => {
                        let j = self
                            .order
                            .iter()
                            .position(|&(s, _)| s == n - 1)
                            .unwrap_or(0);
                        return Ok(Step::Goto(j));
                    }
                    None => {
                        self.say(&format!(
                            "There is no section {n}. Type a number from 1 to {}.",
                            self.qn.sections.len()
                        ))?;
                        continue;
                    }
                }
            }
            if let Some(r) = &self.read_only {
                let r = r.clone();
                self.say(&format!("Nothing can be changed: {r}"))?;
                return Ok(Step::Next);
            }
            match self.answer(q, &line)? {
                Ok(()) => {
                    self.save()?;
                    self.say(&format!(
                        "Saved. {}",
                        describe::current_answer(&self.qn, &self.draft, q)
                    ))?;
                    return Ok(Step::Next);
                }
                Err(msg) => {
                    self.say(&format!("That answer was not accepted. {msg}"))?;
                    self.say(&describe::instruction(&self.qn, q))?;
                }
            }
        }
    }

    /// Apply a typed answer. The outer Result is IO; the inner is the teacher's message.
    fn answer(
        &mut self,
        q: &crate::questionnaire::Question,
        line: &str,
    ) -> std::io::Result<Result<(), String>> {
        let value = match q.kind {
            QuestionType::SingleChoice | QuestionType::MultiChoice => {
                if q.kind == QuestionType::MultiChoice && line.trim().eq_ignore_ascii_case("none") {
                    None
                } else {
                    match describe::parse_choice(q, line) {
                        Ok(v) => Some(v),
                        Err(e) => return Ok(Err(e)),
                    }
                }
            }
            QuestionType::YesNo => match describe::parse_yes_no(line) {
                Ok(b) => Some(AnswerValue::Bool(b)),
                Err(e) => return Ok(Err(e)),
            },
            QuestionType::LongText => {
                let mut text = line.to_string();
                loop {
                    match self.read()? {
                        Input::Line(l) if l.trim() == "." => break,
                        Input::Line(l) => {
                            text.push('\n');
                            text.push_str(&l);
                        }
                        Input::End => break,
                    }
                }
                match parse_typed(q, &text) {
                    Ok(v) => v,
                    Err(e) => return Ok(Err(e)),
                }
            }
            QuestionType::Rating | QuestionType::Criterion => {
                let levels = describe::levels(&self.qn, q);
                let Some(level) = line
                    .trim()
                    .parse::<usize>()
                    .ok()
                    .filter(|n| (1..=levels.len()).contains(n))
                else {
                    return Ok(Err(format!(
                        "Please type a number from 1 to {}.",
                        levels.len()
                    )));
                };
                let mut la: LevelAnswer = self
                    .draft
                    .answers
                    .get(&q.id)
                    .and_then(AnswerValue::as_level)
                    .cloned()
                    .unwrap_or_default();
                la.level = Some(levels[level - 1].0.clone());
                if q.offers_evidence() {
                    self.say("Evidence, optional: type it on one line, or press Enter to keep what is there.")?;
                    if let Input::Line(e) = self.read()?
                        && !e.trim().is_empty()
                    {
                        la.evidence = Some(e.trim().to_string());
                    }
                }
                if q.offers_target()
                    && let Some(scale) = self.qn.scale_of(q).cloned()
                {
                    let names: Vec<String> = scale
                        .levels
                        .iter()
                        .enumerate()
                        .map(|(i, l)| format!("{} {}", i + 1, l.label))
                        .collect();
                    self.say(&format!(
                        "Target level, optional: type its number ({}), or press Enter to skip.",
                        names.join(", ")
                    ))?;
                    if let Input::Line(t) = self.read()?
                        && let Some(n) = t
                            .trim()
                            .parse::<usize>()
                            .ok()
                            .filter(|n| (1..=scale.levels.len()).contains(n))
                    {
                        la.target = Some(scale.levels[n - 1].id.clone());
                    }
                }
                Some(AnswerValue::Level(la))
            }
            _ => match parse_typed(q, line) {
                Ok(v) => v,
                Err(e) => return Ok(Err(e)),
            },
        };
        self.draft.set_answer(&q.id, value);
        Ok(Ok(()))
    }

    fn review(&mut self) -> std::io::Result<()> {
        let progress = answers::progress::all_sections(&self.qn, &self.draft.answers);
        self.say("Review.")?;
        for (i, p) in progress.iter().enumerate() {
            self.say(&format!(
                "Section {}, {}: {} of {} answered, {} required missing, {} recommended missing.",
                i + 1,
                self.qn.sections[i].title,
                p.answered,
                p.total,
                p.required_missing,
                p.recommended_missing
            ))?;
        }
        let missing: Vec<String> =
            answers::progress::missing(&self.qn, &self.draft.answers, Requirement::Required)
                .iter()
                .take(20)
                .map(|(si, q)| format!("Required and missing, in section {}: {}", si + 1, q.prompt))
                .collect();
        for line in missing {
            self.say(&line)?;
        }
        Ok(())
    }

    fn finish(&mut self) -> std::io::Result<()> {
        let p = answers::progress::overall(&self.qn, &self.draft.answers);
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
        if self.read_only.is_none() {
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
                self.export()?;
            } else {
                self.say(&format!(
                    "To write the bundle for your music hub later, run: music-sef export {}",
                    &self.draft.id.to_string()[..8]
                ))?;
            }
        }
        Ok(())
    }

    fn export(&mut self) -> std::io::Result<()> {
        let dirs_out = self
            .store
            .dir()
            .parent()
            .map(|p| crate::paths::DataDirs::at(p).exports())
            .unwrap_or_default();
        let opts = crate::export::ExportOptions::default();
        match crate::export::export_draft(self.store, &mut self.draft, &self.qn, &dirs_out, &opts) {
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

enum Step {
    Next,
    Back,
    Goto(usize),
    Quit,
    End,
}

/// Answer an existing draft in plain mode on standard input and output.
///
/// # Errors
/// The draft or its questionnaire cannot be loaded.
pub fn run_draft(dirs: &DataDirs, id: Uuid) -> anyhow::Result<ExitCode> {
    let store = Store::new(dirs);
    let peek = store.load(id)?;
    let entry = Registry::discover(dirs)
        .for_draft(&peek.questionnaire)
        .with_context(|| {
            format!(
                "the questionnaire \"{}\" of this draft is not available",
                peek.questionnaire.id
            )
        })?;
    let (opened, change) = store.open_for(id, &entry.questionnaire)?;
    if !change.orphaned.is_empty() {
        println!(
            "The questionnaire has changed since this draft was started: {} earlier answers are kept aside as answers no longer asked.",
            change.orphaned.len()
        );
    }
    let stdin = std::io::stdin();
    let interactive = stdin.is_terminal();
    let mut p = Plain::new(
        stdin.lock(),
        std::io::stdout().lock(),
        &store,
        entry.questionnaire,
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
