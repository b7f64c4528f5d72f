//! Taking one typed answer in plain mode: choices by number or name, yes or no, a long
//! answer over several lines, a level with its evidence and target, or typed text checked
//! by the same rules as the full-screen view.

use std::io::{BufRead, Write};

use super::{Input, Plain, describe};
use crate::answers::parse::parse_typed;
use crate::answers::{AnswerValue, LevelAnswer};
use crate::questionnaire::{Question, QuestionType};

impl<R: BufRead, W: Write> Plain<'_, R, W> {
    /// The value a typed line gives `q`. The outer Result is IO; the inner is the teacher's
    /// message saying what to type instead.
    pub(super) fn value_for(
        &mut self,
        q: &Question,
        line: &str,
    ) -> std::io::Result<Result<Option<AnswerValue>, String>> {
        Ok(match q.kind {
            QuestionType::SingleChoice | QuestionType::MultiChoice => {
                if q.kind == QuestionType::MultiChoice && line.trim().eq_ignore_ascii_case("none") {
                    Ok(None)
                } else {
                    describe::parse_choice(q, line).map(Some)
                }
            }
            QuestionType::YesNo => describe::parse_yes_no(line).map(|b| Some(AnswerValue::Bool(b))),
            QuestionType::LongText => {
                let text = self.long_text(line)?;
                parse_typed(q, &text)
            }
            QuestionType::Rating | QuestionType::Criterion => self.level(q, line)?,
            _ => parse_typed(q, line),
        })
    }

    /// A long answer: the first line, then more lines until one holding only a full stop.
    fn long_text(&mut self, first: &str) -> std::io::Result<String> {
        let mut text = first.to_string();
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
        Ok(text)
    }

    /// A level by number, then the evidence and the target when the question offers them.
    fn level(
        &mut self,
        q: &Question,
        line: &str,
    ) -> std::io::Result<Result<Option<AnswerValue>, String>> {
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
            la.target = self.target(q)?.or(la.target);
        }
        Ok(Ok(Some(AnswerValue::Level(la))))
    }

    fn target(&mut self, q: &Question) -> std::io::Result<Option<String>> {
        let Some(scale) = self.qn.scale_of(q).cloned() else {
            return Ok(None);
        };
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
        Ok(match self.read()? {
            Input::Line(t) => t
                .trim()
                .parse::<usize>()
                .ok()
                .filter(|n| (1..=scale.levels.len()).contains(n))
                .map(|n| scale.levels[n - 1].id.clone()),
            Input::End => None,
        })
    }
}
