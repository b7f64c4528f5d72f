//! Taking one typed answer in plain mode: choices by number or name, yes or no, a long
//! answer over several lines (where commands need a colon), a level with its evidence and
//! target, or typed text checked by the same rules as the full-screen view.

use std::io::{BufRead, Write};

use super::commands::Command;
use super::{Input, Plain, Step, choose, describe};
use crate::answers::parse::parse_typed;
use crate::answers::{AnswerValue, LevelAnswer};
use crate::questionnaire::{Question, QuestionType};

/// What a typed answer came to.
pub(super) enum Taken {
    /// The value to save (None clears the answer).
    Value(Option<AnswerValue>),
    /// Not accepted: what to type instead.
    Refused(String),
    /// A command inside a long answer moved elsewhere; what was typed is kept aside.
    Moved(Step),
}

impl From<Result<Option<AnswerValue>, String>> for Taken {
    fn from(r: Result<Option<AnswerValue>, String>) -> Self {
        r.map_or_else(Self::Refused, Self::Value)
    }
}

/// A long answer as far as it went.
enum LongText {
    Done(String),
    Moved(Step),
}

impl<R: BufRead, W: Write> Plain<'_, R, W> {
    /// What a typed line (and, for long answers and levels, the lines after it) gives `q`.
    /// The outer Result is IO.
    pub(super) fn value_for(&mut self, q: &Question, line: &str) -> std::io::Result<Taken> {
        Ok(match q.kind {
            QuestionType::SingleChoice => choose::parse_choice(q, line).map(Some).into(),
            QuestionType::MultiChoice => multi_choice(q, line).into(),
            QuestionType::YesNo => describe::parse_yes_no(line)
                .map(|b| Some(AnswerValue::Bool(b)))
                .into(),
            QuestionType::LongText => match self.long_text(q, line)? {
                LongText::Done(text) => parse_typed(q, &text).into(),
                LongText::Moved(step) => Taken::Moved(step),
            },
            QuestionType::Rating | QuestionType::Criterion => self.level(q, line)?.into(),
            _ => parse_typed(q, line).into(),
        })
    }

    /// A long answer: the first line, then more lines until one holding only a full stop. A
    /// line starting with a colon is a command; moving away keeps the lines so far aside as an
    /// unfinished answer, so nothing typed is lost.
    fn long_text(&mut self, q: &Question, first: &str) -> std::io::Result<LongText> {
        let mut text = first.to_string();
        let mut command_words = Vec::new();
        loop {
            let line = match self.read()? {
                Input::Line(l) if l.trim() == "." => break,
                Input::Line(l) => l,
                Input::End => break,
            };
            let Some(cmd) = Command::inside(&line) else {
                if Command::looks_like(&line) {
                    command_words.push(line.trim().to_string());
                }
                text.push('\n');
                text.push_str(&line);
                continue;
            };
            if let Some(step) = self.run_command(q, cmd)? {
                self.draft.unfinished.insert(q.id.clone(), text);
                self.save()?;
                self.say(
                    "What you typed so far is kept as an unfinished answer to this question.",
                )?;
                return Ok(LongText::Moved(step));
            }
            self.say("Carry on with your answer; finish with a line holding only a full stop.")?;
        }
        for word in command_words {
            self.say(&format!("The line “{word}” is kept as part of your answer. Inside a long answer, start a command with a colon, for example :{word}."))?;
        }
        Ok(LongText::Done(text))
    }

    /// A level by number or name, then the evidence and the target when the question offers
    /// them.
    fn level(
        &mut self,
        q: &Question,
        line: &str,
    ) -> std::io::Result<Result<Option<AnswerValue>, String>> {
        let levels = choose::levels(&self.qn, q);
        let level = match choose::pick(&levels, line) {
            Ok(id) => id.to_string(),
            Err(e) => return Ok(Err(e)),
        };
        let mut la: LevelAnswer = self
            .draft
            .answers
            .get(&q.id)
            .and_then(AnswerValue::as_level)
            .cloned()
            .unwrap_or_default();
        la.level = Some(level);
        if q.offers_evidence() {
            self.say(
                "Evidence, optional: type it on one line, or press Enter to keep what is there.",
            )?;
            if let Input::Line(e) = self.read()?
                && !e.trim().is_empty()
            {
                la.evidence = Some(e.trim().to_string());
            }
        }
        if q.offers_target() {
            let level = la.level.clone();
            let kept = la.target.take().filter(|t| {
                crate::answers::targets::allowed(&self.qn, q, level.as_deref()).contains(t)
            });
            la.target = self.target(q, level.as_deref())?.or(kept);
        }
        Ok(Ok(Some(AnswerValue::Level(la))))
    }

    /// The target: only levels above the one just chosen, numbered as the level list is.
    fn target(&mut self, q: &Question, level: Option<&str>) -> std::io::Result<Option<String>> {
        let Some(scale) = self.qn.scale_of(q).cloned() else {
            return Ok(None);
        };
        let allowed = crate::answers::targets::allowed(&self.qn, q, level);
        if allowed.is_empty() {
            return Ok(None);
        }
        let numbered: Vec<(usize, &crate::questionnaire::Level)> = scale
            .levels
            .iter()
            .enumerate()
            .filter(|(_, l)| allowed.contains(&l.id))
            .collect();
        let names: Vec<String> = numbered
            .iter()
            .map(|(i, l)| format!("{} {}", i + 1, l.label))
            .collect();
        self.say(&format!(
            "Target level, optional: type its number ({}), or press Enter to skip.",
            names.join(", ")
        ))?;
        // Numbers as in the level list: keep every level, but only the allowed ones match.
        let choices: Vec<(String, String)> = scale
            .levels
            .iter()
            .map(|l| {
                let label = if allowed.contains(&l.id) {
                    l.label.clone()
                } else {
                    String::new()
                };
                (l.id.clone(), label)
            })
            .collect();
        Ok(match self.read()? {
            Input::Line(t) => choose::pick(&choices, &t)
                .ok()
                .filter(|id| allowed.iter().any(|a| a == id))
                .map(str::to_string),
            Input::End => None,
        })
    }
}

/// A multi_choice answer: `clear` unticks everything, and so does `none` unless an option is
/// called that ("None at present"), which it then picks.
fn multi_choice(q: &Question, line: &str) -> Result<Option<AnswerValue>, String> {
    let word = line.trim().to_ascii_lowercase();
    match choose::parse_choice(q, line) {
        _ if word == "clear" => Ok(None),
        Err(_) if word == "none" => Ok(None),
        other => other.map(Some),
    }
}
