//! Plain mode's commands and the lines they print. At the start of an answer a command is a
//! line on its own, with or without a leading colon (`back` or `:back`); inside a long answer
//! only the colon form counts, so a line such as "back" stays part of what the teacher wrote.

use std::io::{BufRead, Write};

use super::{Plain, Step, describe};
use crate::answers::{self, checks};
use crate::questionnaire::{Question, Requirement};

/// The help line, printed at the start and for `help`.
pub(super) const COMMANDS: &str = "Commands, each on a line of its own: press Enter alone to keep the current answer; back; skip; ? for guidance; help; review; section followed by a number; quit. Inside a long answer, start a command with a colon, for example :back or :quit; a word such as back on its own line is kept as part of the answer.";

/// A command typed instead of an answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Command {
    /// Enter alone: keep the current answer and go on.
    Keep,
    Back,
    Skip,
    Quit,
    Guidance,
    Help,
    Review,
    /// `section N`, with what followed the word.
    Section(String),
}

impl Command {
    /// A whole line at the start of an answer: a command with or without a leading colon.
    pub(super) fn at_start(line: &str) -> Option<Self> {
        let t = line.trim();
        Self::word(t.strip_prefix(':').unwrap_or(t))
    }

    /// A line inside a long answer: a command only with a leading colon.
    pub(super) fn inside(line: &str) -> Option<Self> {
        let rest = line.trim().strip_prefix(':')?;
        Self::word(rest).filter(|c| *c != Self::Keep)
    }

    /// Whether a line of a long answer looks like a command typed without its colon.
    pub(super) fn looks_like(line: &str) -> bool {
        Self::word(line.trim()).is_some_and(|c| c != Self::Keep)
    }

    fn word(w: &str) -> Option<Self> {
        let w = w.trim().to_ascii_lowercase();
        Some(match w.as_str() {
            "" => Self::Keep,
            "back" => Self::Back,
            "skip" => Self::Skip,
            "quit" | "exit" => Self::Quit,
            "?" => Self::Guidance,
            "help" => Self::Help,
            "review" => Self::Review,
            _ => {
                return w
                    .strip_prefix("section ")
                    .map(|n| Self::Section(n.trim().to_string()));
            }
        })
    }
}

impl<R: BufRead, W: Write> Plain<'_, R, W> {
    /// Carry out a command at question `q`: Some(step) when it moves elsewhere, None when the
    /// question is to be asked again (after guidance, help, review, a refused Enter …).
    pub(super) fn run_command(
        &mut self,
        q: &Question,
        cmd: Command,
    ) -> std::io::Result<Option<Step>> {
        match cmd {
            Command::Keep => return self.keep(q),
            Command::Back => return Ok(Some(Step::Back)),
            Command::Skip => return Ok(Some(Step::Next)),
            Command::Quit => return Ok(Some(Step::Quit)),
            Command::Section(n) => return self.section(&n),
            Command::Guidance => {
                let g = q
                    .guidance
                    .clone()
                    .unwrap_or_else(|| "There is no extra guidance for this question.".to_string());
                self.say(&format!("Guidance: {g}"))?;
            }
            Command::Help => self.say(COMMANDS)?,
            Command::Review => {
                self.review()?;
                self.say(&format!("Back to the question: {}", q.prompt))?;
                return Ok(None);
            }
        }
        self.say(&describe::instruction(&self.qn, q))?;
        Ok(None)
    }

    /// Enter alone keeps the answer, but a required question without one is asked again, so
    /// the next line typed does not land in the next question.
    fn keep(&mut self, q: &Question) -> std::io::Result<Option<Step>> {
        let answered = self
            .draft
            .answers
            .get(&q.id)
            .is_some_and(|v| v.is_answered());
        if q.required == Requirement::Required && !answered && self.read_only.is_none() {
            self.say("This question is required, so it needs an answer. Type your answer, or type skip to come back to it later.")?;
            self.say(&describe::instruction(&self.qn, q))?;
            return Ok(None);
        }
        self.draft.confirm(&q.id);
        self.save()?;
        Ok(Some(Step::Next))
    }

    fn section(&mut self, n: &str) -> std::io::Result<Option<Step>> {
        let count = self.qn.sections.len();
        match n.parse::<usize>().ok().filter(|n| (1..=count).contains(n)) {
            Some(n) => Ok(Some(Step::Section(n - 1))),
            None => {
                self.say(&format!(
                    "There is no section {n}. Type a number from 1 to {count}."
                ))?;
                Ok(None)
            }
        }
    }

    /// Per section: answered, required and recommended missing; then the required answers
    /// missing and the cross-check warnings.
    pub(super) fn review(&mut self) -> std::io::Result<()> {
        self.say("Review.")?;
        for i in 0..self.qn.sections.len() {
            let p = self.walk.section_progress(i);
            let line = format!(
                "Section {}, {}: {} of {} answered, {} required missing, {} recommended missing.",
                i + 1,
                self.qn.sections[i].title,
                p.answered,
                p.total,
                p.required_missing,
                p.recommended_missing
            );
            self.say(&line)?;
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
        self.warnings(None)
    }

    /// The cross-check warnings, all of them or those about one question. They never stop
    /// anything: the teacher reads them and changes an answer only if it is wrong.
    pub(super) fn warnings(&mut self, about: Option<&str>) -> std::io::Result<()> {
        let list = match about {
            Some(id) => checks::warnings_about(&self.qn, &self.draft.answers, id),
            None => checks::warnings(&self.qn, &self.draft.answers),
        };
        for w in list {
            self.say(&format!("Please check: {}", describe::sentence(&w.text)))?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::Command;

    #[test]
    fn commands_are_whole_lines_and_inside_a_long_answer_need_a_colon() {
        assert_eq!(Command::at_start("back"), Some(Command::Back));
        assert_eq!(Command::at_start(" :Quit "), Some(Command::Quit));
        assert_eq!(Command::at_start(""), Some(Command::Keep));
        assert_eq!(
            Command::at_start("section 3"),
            Some(Command::Section("3".into()))
        );
        assert_eq!(Command::at_start("back in 2019 we sang"), None);
        assert_eq!(Command::inside("back"), None);
        assert_eq!(Command::inside(":back"), Some(Command::Back));
        assert_eq!(
            Command::inside(""),
            None,
            "an empty line is a paragraph break"
        );
        assert!(Command::looks_like("quit"));
        assert!(!Command::looks_like("We quit the recorder club."));
    }
}
