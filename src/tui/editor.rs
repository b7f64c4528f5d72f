//! The answer widget for the current question: its focus and what it holds, and how typing
//! changes it. Each change says whether the stored answer must be updated. Choosing in lists
//! and moving between a question's parts are in `choose`.

mod choose;
mod edit;
pub mod long_text;

use ratatui_textarea::{CursorMove, Input, Key, TextArea, WrapMode};

use crate::answers::parse::{MAX_ANSWER_BYTES, parse_typed, sanitize, size_words};
use crate::answers::{AnswerValue, display};
use crate::draft::Draft;
use crate::questionnaire::{NOT_APPLICABLE, Question, QuestionType, Questionnaire};

use long_text::{LongText, line_bytes};

/// Which part of a rating or criterion has focus.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LevelFocus {
    Levels,
    Evidence,
    Target,
}

pub enum Editor {
    None,
    /// text, number, date, url, email: one line; Enter checks it.
    Line {
        area: TextArea<'static>,
        typing: bool,
    },
    Long {
        text: LongText,
        typing: bool,
    },
    Choice {
        highlight: usize,
        multi: bool,
        /// The first digit of a two-digit option number (lists of ten or more).
        pending: Option<usize>,
    },
    YesNo {
        highlight: usize,
    },
    Level {
        /// Level ids offered, lowest first, then `not_applicable` when allowed.
        levels: Vec<String>,
        highlight: usize,
        focus: LevelFocus,
        evidence: Option<TextArea<'static>>,
        /// Target choices after "none": the award levels above the level chosen now.
        targets: Option<Vec<String>>,
        target_highlight: usize,
        /// Every level that can be a target (the scale's, less those that are no award).
        target_pool: Vec<String>,
    },
}

/// What an edit means for the stored answer and the position.
#[derive(Debug, PartialEq)]
pub enum Outcome {
    Nothing,
    /// Store this value (None clears the answer).
    Set(Option<AnswerValue>),
    /// Store this value and tell the teacher why it is not quite what they pressed (an
    /// option that goes on its own unticked the others).
    SetSaying(Option<AnswerValue>, String),
    /// The typed text does not pass: show the message, keep the text.
    Invalid(String),
    /// Waiting for more (the second digit of "12"): say so, change nothing yet.
    Waiting(String),
    /// Move on to the next question.
    Advance,
    /// Store this value, then move on.
    SetAndAdvance(Option<AnswerValue>),
}

/// Targets worth setting now (see `answers::targets`).
pub fn allowed_targets(levels: &[String], pool: &[String], current: Option<&str>) -> Vec<String> {
    crate::answers::targets::above(levels, pool, current)
}

/// What the box says once it holds as much as an answer can.
pub fn full_message() -> String {
    format!(
        "This box is full: an answer can hold at most {} of text, so nothing more can be typed here. Shorten it, or keep the long text in a document and give its link.",
        size_words(MAX_ANSWER_BYTES)
    )
}

fn text_area(text: &str, wrap: bool) -> TextArea<'static> {
    let lines: Vec<String> = if text.is_empty() {
        vec![String::new()]
    } else {
        text.split('\n').map(str::to_string).collect()
    };
    let mut a = TextArea::new(lines);
    if wrap {
        a.set_wrap_mode(WrapMode::WordOrGlyph);
    }
    a.set_cursor_line_style(ratatui::style::Style::default());
    a.move_cursor(CursorMove::Bottom);
    a.move_cursor(CursorMove::End);
    a
}

impl Editor {
    pub fn for_question(qn: &Questionnaire, q: &Question, draft: &Draft) -> Self {
        let answer = draft.answers.get(&q.id);
        match q.kind {
            QuestionType::Text
            | QuestionType::Number
            | QuestionType::Date
            | QuestionType::Url
            | QuestionType::Email => {
                let text = draft.unfinished.get(&q.id).cloned().unwrap_or_else(|| {
                    answer
                        .map(|v| match (q.kind, v) {
                            (QuestionType::Number, AnswerValue::Number(n)) => n
                                .as_f64()
                                .map_or_else(|| n.to_string(), crate::answers::parse::fmt_num),
                            (QuestionType::Date, AnswerValue::Text(s)) => {
                                chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").map_or_else(
                                    |_| s.clone(),
                                    |d| d.format("%d/%m/%Y").to_string(),
                                )
                            }
                            _ => display::answer_text(qn, q, v),
                        })
                        .unwrap_or_default()
                });
                // One-line answers wrap, so a long one shows whole in a growing box.
                Self::Line {
                    area: text_area(&text, true),
                    typing: true,
                }
            }
            QuestionType::LongText => Self::Long {
                text: LongText::new(answer.and_then(AnswerValue::as_text).unwrap_or("")),
                typing: true,
            },
            QuestionType::SingleChoice | QuestionType::MultiChoice => {
                let multi = q.kind == QuestionType::MultiChoice;
                let highlight = match answer {
                    Some(AnswerValue::Text(id)) => {
                        q.options.iter().position(|o| &o.id == id).unwrap_or(0)
                    }
                    _ => 0,
                };
                Self::Choice {
                    highlight,
                    multi,
                    pending: None,
                }
            }
            QuestionType::YesNo => Self::YesNo {
                highlight: usize::from(matches!(answer, Some(AnswerValue::Bool(false)))),
            },
            QuestionType::Rating | QuestionType::Criterion => Self::level(qn, q, answer),
        }
    }

    /// The widget for a rating or criterion: its levels, evidence box and target row.
    fn level(qn: &Questionnaire, q: &Question, answer: Option<&AnswerValue>) -> Self {
        let scale = qn.scale_of(q);
        let mut levels: Vec<String> = scale
            .map(|s| s.levels.iter().map(|l| l.id.clone()).collect())
            .unwrap_or_default();
        if scale.is_some_and(|s| s.not_applicable) {
            levels.push(NOT_APPLICABLE.to_string());
        }
        let current = answer.and_then(AnswerValue::as_level);
        let highlight = current
            .and_then(|l| l.level.as_deref())
            .and_then(|id| levels.iter().position(|x| x == id))
            .unwrap_or(0);
        let evidence = q.offers_evidence().then(|| {
            text_area(
                current.and_then(|l| l.evidence.as_deref()).unwrap_or(""),
                true,
            )
        });
        let target_pool = crate::answers::targets::pool(qn, q);
        let targets = q.offers_target().then(|| {
            allowed_targets(
                &levels,
                &target_pool,
                current.and_then(|l| l.level.as_deref()),
            )
        });
        let target_highlight = current
            .and_then(|l| l.target.as_deref())
            .and_then(|t| targets.as_ref()?.iter().position(|x| x == t))
            .map_or(0, |i| i + 1);
        Self::Level {
            levels,
            highlight,
            focus: LevelFocus::Levels,
            evidence,
            targets,
            target_highlight,
            target_pool,
        }
    }

    /// A text box has focus and takes printable keys.
    pub fn text_focused(&self) -> bool {
        match self {
            Self::Line { typing, .. } | Self::Long { typing, .. } => *typing,
            Self::Level {
                focus, evidence, ..
            } => *focus == LevelFocus::Evidence && evidence.is_some(),
            _ => false,
        }
    }

    pub fn is_multiline(&self) -> bool {
        matches!(self, Self::Long { .. } | Self::Level { .. })
    }

    /// The focused text box, if any.
    pub fn text_area_mut(&mut self) -> Option<&mut TextArea<'static>> {
        match self {
            Self::Line { area, .. } => Some(area),
            Self::Long { text, .. } => Some(&mut text.area),
            Self::Level {
                focus: LevelFocus::Evidence,
                evidence: Some(area),
                ..
            } => Some(area),
            _ => None,
        }
    }

    pub fn stop_typing(&mut self) -> bool {
        match self {
            Self::Line { typing, .. } | Self::Long { typing, .. } if *typing => {
                *typing = false;
                true
            }
            Self::Level { focus, .. } if *focus == LevelFocus::Evidence => {
                *focus = LevelFocus::Levels;
                true
            }
            _ => false,
        }
    }

    pub fn start_typing(&mut self) {
        match self {
            Self::Line { typing, .. } | Self::Long { typing, .. } => *typing = true,
            Self::Level {
                focus,
                evidence: Some(_),
                ..
            } => *focus = LevelFocus::Evidence,
            _ => {}
        }
    }

    /// Insert pasted text, cleaned of control and escape characters; true when it changed
    /// the box.
    ///
    /// # Errors
    /// With the paste the answer would hold more than an answer can: nothing is pasted (a
    /// paste is never cut short without saying), and the message says so.
    pub fn paste(&mut self, text: &str) -> Result<bool, String> {
        let multiline = self.is_multiline();
        let held = self.text_len();
        let clean = sanitize(text, multiline);
        if self.text_area_mut().is_some() && held + clean.len() > MAX_ANSWER_BYTES {
            return Err(format!(
                "Nothing was pasted: the text is {}, and with it this answer would hold more than the {} an answer can hold. Paste a shorter part, or keep the long text in a document and give its link.",
                size_words(clean.len()),
                size_words(MAX_ANSWER_BYTES)
            ));
        }
        // A long answer is windowed: the paste goes through its own path, not the box's.
        Ok(match self {
            Self::Long { text, .. } => text.paste(&clean),
            _ => self
                .text_area_mut()
                .is_some_and(|area| area.insert_str(clean)),
        })
    }

    /// Bytes of text in the box that has focus (the whole answer for a long one).
    pub fn text_len(&self) -> usize {
        match self {
            Self::Line { area, .. } => line_bytes(area.lines()),
            // Including what waits outside the window, also of a cut paragraph.
            Self::Long { text, .. } => text.byte_len(),
            Self::Level {
                evidence: Some(area),
                ..
            } => line_bytes(area.lines()),
            _ => 0,
        }
    }

    /// Why `key` may not go into the box: it would add text to a box that already holds as
    /// much as an answer can.
    pub fn refuses(&self, key: &Input) -> Option<String> {
        let adds = matches!(key.key, Key::Char(_) | Key::Enter | Key::Tab) && !key.ctrl && !key.alt;
        (adds && self.text_len() + 4 > MAX_ANSWER_BYTES).then(full_message)
    }

    /// The answer the current text boxes and selections amount to (for commits on idle and
    /// on leaving). For one-line boxes this checks the text.
    pub fn value(&self, qn: &Questionnaire, q: &Question, draft: &Draft) -> Outcome {
        match self {
            Self::Line { area, .. } => {
                let text = area.lines().join(" ");
                match parse_typed(q, &text) {
                    Ok(v) => Outcome::Set(v),
                    Err(e) => Outcome::Invalid(e),
                }
            }
            Self::Long { text: long, .. } => {
                let text = long.text();
                match parse_typed(q, &text) {
                    Ok(v) => Outcome::Set(v),
                    Err(e) => Outcome::Invalid(e),
                }
            }
            Self::Level { evidence, .. } => {
                let mut current = draft
                    .answers
                    .get(&q.id)
                    .and_then(AnswerValue::as_level)
                    .cloned()
                    .unwrap_or_default();
                let _ = qn;
                if let Some(area) = evidence {
                    let text = area.lines().join("\n");
                    let trimmed = text.trim_end();
                    current.evidence = (!trimmed.trim().is_empty()).then(|| trimmed.to_string());
                }
                Outcome::Set(Some(AnswerValue::Level(current)))
            }
            _ => Outcome::Nothing,
        }
    }

    /// Word count of the long-text box, shown under it.
    pub fn word_count(&self) -> Option<usize> {
        match self {
            Self::Long { text, .. } => Some(text.word_count()),
            Self::Level {
                evidence: Some(area),
                ..
            } => Some(
                area.lines()
                    .iter()
                    .map(|l| l.split_whitespace().count())
                    .sum(),
            ),
            _ => None,
        }
    }
}

impl Editor {
    /// A key for the focused text box; the long-answer box moves its window as needed.
    pub fn input_key(&mut self, key: Input) -> bool {
        match self {
            Self::Long { text, .. } => text.input(key),
            _ => self.text_area_mut().is_some_and(|a| a.input(key)),
        }
    }
}

impl Editor {
    /// Show the text cursor only in the box that has focus, so it is clear where typing goes.
    pub fn sync_cursor(&mut self) {
        let on = ratatui::style::Style::default().add_modifier(ratatui::style::Modifier::REVERSED);
        let off = ratatui::style::Style::default();
        match self {
            Self::Line { area, typing } => area.set_cursor_style(if *typing { on } else { off }),
            Self::Long { text, typing } => {
                text.area.set_cursor_style(if *typing { on } else { off })
            }
            Self::Level {
                evidence: Some(area),
                focus,
                ..
            } => {
                area.set_cursor_style(if *focus == LevelFocus::Evidence {
                    on
                } else {
                    off
                });
            }
            _ => {}
        }
    }
}
