//! Review: what is answered and what is missing, per section, each item jumping to its
//! question; marking the draft ready; going on to export, asking first when required answers
//! are missing and, once, for the hub's address.

use ratatui_textarea::TextArea;

use super::{Session, View, Workspace};
use crate::answers::{self, AnswerValue};
use crate::draft::DraftStatus;
use crate::questionnaire::Requirement;
use crate::tui::action::{Action, Cx, Effect};
use crate::tui::clicks::Hit;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ItemKind {
    RequiredMissing,
    RecommendedMissing,
    Unconfirmed,
    Unfinished,
    /// Two answers that do not fit together (a warning, never a block).
    Check,
    NoLongerAsked,
}

impl ItemKind {
    /// Marker and words, so meaning never rests on colour.
    pub fn label(self) -> &'static str {
        match self {
            Self::RequiredMissing => "! Required, not answered",
            Self::RecommendedMissing => "- Recommended, not answered",
            Self::Unconfirmed => "? From last time, not yet confirmed",
            Self::Unfinished => "x Typed but not finished",
            Self::Check => "? Please check",
            Self::NoLongerAsked => "  No longer asked",
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub enum ReviewRow {
    Section {
        index: usize,
        text: String,
    },
    Item {
        kind: ItemKind,
        question: String,
        text: String,
    },
    Heading(String),
}

/// What review is doing: listing, asking "export anyway?", or asking for the address.
pub enum ReviewMode {
    Browse,
    /// Required answers are missing or typed answers are not finished: export anyway?
    ConfirmExport {
        missing: usize,
        unfinished: usize,
    },
    HubEmail {
        area: Box<TextArea<'static>>,
        /// Whether the export waiting for the address is an incomplete one.
        incomplete: bool,
    },
}

pub struct Review {
    pub rows: Vec<ReviewRow>,
    pub selected: usize,
    pub mode: ReviewMode,
}

fn section_line(s: &Session, si: usize) -> String {
    let p = s.walk.section_progress(si);
    let mut text = format!(
        "{}. {} — {} of {} answered",
        si + 1,
        s.questionnaire.sections[si].title,
        p.answered,
        p.total
    );
    if p.required_missing > 0 {
        text.push_str(&format!(" · {} required missing", p.required_missing));
    }
    if p.recommended_missing > 0 {
        text.push_str(&format!(" · {} recommended missing", p.recommended_missing));
    }
    if p.total == 0 {
        text.push_str(" (no questions apply)");
    }
    text
}

fn item_kind(s: &Session, q: &crate::questionnaire::Question) -> Option<ItemKind> {
    let answered = s
        .draft
        .answers
        .get(&q.id)
        .is_some_and(AnswerValue::is_answered);
    if s.draft.unfinished.contains_key(&q.id) {
        Some(ItemKind::Unfinished)
    } else if !answered && q.required == Requirement::Required {
        Some(ItemKind::RequiredMissing)
    } else if !answered && q.required == Requirement::Recommended {
        Some(ItemKind::RecommendedMissing)
    } else if s.draft.is_unconfirmed(&q.id) {
        Some(ItemKind::Unconfirmed)
    } else {
        None
    }
}

/// Answers that do not fit together, from the questionnaire's checks.
fn to_check(s: &Session, rows: &mut Vec<ReviewRow>) {
    let warnings = crate::answers::checks::warnings(&s.questionnaire, &s.draft.answers);
    if warnings.is_empty() {
        return;
    }
    rows.push(ReviewRow::Heading(
        "Answers to check (they never stop you sending)".to_string(),
    ));
    for w in warnings {
        rows.push(ReviewRow::Item {
            kind: ItemKind::Check,
            question: w.questions[0].clone(),
            text: w.text,
        });
    }
}

fn kept_aside(s: &Session, rows: &mut Vec<ReviewRow>) {
    if !s.draft.orphaned_answers.is_empty() {
        rows.push(ReviewRow::Heading(
            "Answers no longer asked (kept in your draft and in the export)".to_string(),
        ));
        for (id, o) in &s.draft.orphaned_answers {
            let shown = match &o.value {
                AnswerValue::Text(t) => t.clone(),
                other => other.to_json().to_string(),
            };
            let prompt = o.prompt.clone().unwrap_or_else(|| id.clone());
            rows.push(ReviewRow::Item {
                kind: ItemKind::NoLongerAsked,
                question: id.clone(),
                text: format!("{prompt}: {shown}"),
            });
        }
    }
    if let Some(c) = &s.draft.carried_over
        && !c.unknown_answers.is_empty()
    {
        rows.push(ReviewRow::Heading(format!(
            "{} answers from last time that this questionnaire does not ask (kept aside)",
            c.unknown_answers.len()
        )));
    }
}

impl Review {
    /// Review of the session as it is now.
    pub fn of(s: &Session) -> Self {
        let mut rows = Vec::new();
        // Answers that do not fit together come first: they are easy to miss otherwise.
        to_check(s, &mut rows);
        for (si, section) in s.questionnaire.sections.iter().enumerate() {
            rows.push(ReviewRow::Section {
                index: si,
                text: section_line(s, si),
            });
            for &qi in s.walk.applicable(si) {
                let q = &section.questions[qi];
                if let Some(kind) = item_kind(s, q) {
                    rows.push(ReviewRow::Item {
                        kind,
                        question: q.id.clone(),
                        text: q.prompt.clone(),
                    });
                }
            }
        }
        kept_aside(s, &mut rows);
        // Start on the first thing to fix, not on section 1.
        let selected = rows
            .iter()
            .position(|r| {
                matches!(
                    r,
                    ReviewRow::Item {
                        kind: ItemKind::RequiredMissing | ItemKind::Unfinished,
                        ..
                    }
                )
            })
            .unwrap_or(0);
        Self {
            rows,
            selected,
            mode: ReviewMode::Browse,
        }
    }
}

pub fn update(ws: &mut Workspace, action: Action, cx: &mut Cx) -> Effect {
    let View::Review(review) = &mut ws.view else {
        return Effect::None;
    };
    match &mut review.mode {
        ReviewMode::HubEmail { area, incomplete } => {
            let incomplete = *incomplete;
            let action = area_action(area, action);
            hub_email(review, action, incomplete, cx)
        }
        ReviewMode::ConfirmExport { missing, .. } => {
            let incomplete = *missing > 0;
            review.mode = ReviewMode::Browse;
            if action == Action::Yes {
                return export_or_ask(ws, incomplete);
            }
            cx.info("Not exported. The answers marked ! and x are the ones to look at.");
            Effect::None
        }
        ReviewMode::Browse => browse(ws, action, cx),
    }
}

fn browse(ws: &mut Workspace, action: Action, cx: &mut Cx) -> Effect {
    let View::Review(review) = &mut ws.view else {
        return Effect::None;
    };
    let last = review.rows.len().saturating_sub(1);
    match action {
        Action::Up | Action::ScrollUp => review.selected = review.selected.saturating_sub(1),
        Action::Down | Action::ScrollDown => review.selected = (review.selected + 1).min(last),
        Action::Home => review.selected = 0,
        Action::End => review.selected = last,
        Action::Back | Action::Review => ws.view = View::Question,
        Action::Sections => {
            ws.view = View::Sections {
                cursor: ws.session.place.section,
            };
        }
        Action::Enter => jump(ws, None),
        Action::Clicked(Hit::ListRow(i)) => jump(ws, Some(i)),
        Action::MarkReady => return mark_ready(&mut ws.session, cx),
        Action::Export => {
            let missing = ws.session.walk.overall().required_missing;
            let unfinished = ws.session.draft.unfinished.len();
            if missing > 0 || unfinished > 0 {
                review.mode = ReviewMode::ConfirmExport {
                    missing,
                    unfinished,
                };
                return Effect::None;
            }
            return export_or_ask(ws, false);
        }
        _ => {}
    }
    Effect::None
}

/// Typing in the address box: keys edit it, Enter and Esc come back as actions.
fn area_action(area: &mut TextArea<'static>, action: Action) -> Action {
    match action {
        Action::Clear => {
            area.select_all();
            area.cut();
            Action::Idle
        }
        Action::Text(k) => {
            area.input(k);
            Action::Idle
        }
        Action::Paste(p) => {
            area.insert_str(crate::answers::parse::sanitize(&p, false));
            Action::Idle
        }
        Action::Enter => Action::Enter,
        Action::Back => Action::Back,
        _ => Action::Idle,
    }
}

fn hub_email(review: &mut Review, action: Action, incomplete: bool, cx: &mut Cx) -> Effect {
    let ReviewMode::HubEmail { area, .. } = &review.mode else {
        return Effect::None;
    };
    match action {
        Action::Back => review.mode = ReviewMode::Browse,
        Action::Enter => {
            let typed = area.lines().join("").trim().to_string();
            if typed.is_empty() {
                review.mode = ReviewMode::Browse;
                return Effect::Export {
                    allow_incomplete: incomplete,
                };
            }
            match crate::formats::parse_email(&typed) {
                Ok(email) => {
                    review.mode = ReviewMode::Browse;
                    return Effect::RememberHubEmail {
                        email,
                        allow_incomplete: incomplete,
                    };
                }
                Err(msg) => cx.warn(msg),
            }
        }
        _ => {}
    }
    Effect::None
}

/// Export, first asking once for the hub's address when nobody knows it.
fn export_or_ask(ws: &mut Workspace, allow_incomplete: bool) -> Effect {
    if ws.session.hub_address_known {
        return Effect::Export { allow_incomplete };
    }
    if let View::Review(review) = &mut ws.view {
        let mut area = TextArea::default();
        area.set_cursor_line_style(ratatui::style::Style::default());
        review.mode = ReviewMode::HubEmail {
            area: Box::new(area),
            incomplete: allow_incomplete,
        };
    }
    Effect::None
}

/// Go to the section or question of a row (the selected one when `row` is None).
fn jump(ws: &mut Workspace, row: Option<usize>) {
    let View::Review(review) = &mut ws.view else {
        return;
    };
    if let Some(i) = row {
        review.selected = i;
    }
    let s = &mut ws.session;
    let arrived = match review.rows.get(review.selected) {
        Some(ReviewRow::Section { index, .. }) => {
            s.go_to_section(*index);
            true
        }
        Some(ReviewRow::Item { question, kind, .. }) if *kind != ItemKind::NoLongerAsked => {
            // Once this is answered, the teacher comes back here.
            let found = s.go_to_question(question);
            s.from_review = found;
            found
        }
        _ => false,
    };
    if arrived {
        ws.view = View::Question;
    }
}

fn mark_ready(s: &mut Session, cx: &mut Cx) -> Effect {
    if s.read_only.is_some() {
        cx.warn("This draft is read-only.");
        return Effect::None;
    }
    if s.draft.status == DraftStatus::Ready {
        cx.info("It is already marked ready. Press e to write the bundle for your music hub.");
        return Effect::None;
    }
    let missing = s.walk.overall().required_missing;
    if missing > 0 {
        let first =
            answers::progress::missing(&s.questionnaire, &s.draft.answers, Requirement::Required)
                .first()
                .map(|(si, q)| {
                    format!(
                        " The first is in section {} ({}): \"{}\".",
                        si + 1,
                        s.questionnaire.sections[*si].title,
                        q.prompt
                    )
                })
                .unwrap_or_default();
        cx.warn(format!(
            "{missing} required answer{} still missing, so the draft cannot be marked ready yet.{first}",
            if missing == 1 { " is" } else { "s are" }
        ));
        return Effect::None;
    }
    s.draft.status = DraftStatus::Ready;
    cx.info("Marked ready to export. Press e to write the bundle for your music hub.");
    Effect::Save
}
