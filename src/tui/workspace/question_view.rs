//! Drawing the current question: prompt, requirement, guidance, the answer widget for its
//! type, and the line under it that says what to type or what to fix. Ratings and criteria
//! are drawn by `levels_view`.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span, Text};
use ratatui::widgets::{Paragraph, Wrap};

use super::{Session, levels_view};
use crate::answers::AnswerValue;
use crate::answers::parse::fmt_num;
use crate::questionnaire::{Question, QuestionType, Requirement};
use crate::tui::clicks::ClickMap;
use crate::tui::editor::Editor;
use crate::tui::theme::Theme;
use crate::tui::widgets::{boxed, draw_list, rows, text_box};

fn number_hint(q: &Question) -> String {
    if crate::answers::parse::is_percentage(q) {
        return "Type a percentage, like 25 or 25%, then Enter.".to_string();
    }
    let what = if q.integer {
        "a whole number"
    } else {
        "a number"
    };
    let unit = q
        .unit
        .as_deref()
        .map(|u| format!(" ({u})"))
        .unwrap_or_default();
    match (q.min, q.max) {
        (Some(a), Some(b)) => format!(
            "Type {what} from {} to {}{unit}, then Enter.",
            fmt_num(a),
            fmt_num(b)
        ),
        _ => format!("Type {what}{unit}, then Enter."),
    }
}

/// What to do, in words, for the question's type.
fn type_hint(q: &Question) -> String {
    match q.kind {
        QuestionType::Text => "Type your answer, then press Enter.".to_string(),
        QuestionType::LongText => {
            "Type as much as you like; Enter starts a new line. Tab moves on.".to_string()
        }
        QuestionType::Number => number_hint(q),
        QuestionType::Date => "Type a date like 23/11/2026 or 23 Nov 2026, then Enter.".to_string(),
        QuestionType::Url => {
            "Type or paste a web address starting https://, then Enter.".to_string()
        }
        QuestionType::Email => "Type an e-mail address, then Enter.".to_string(),
        QuestionType::SingleChoice => {
            "↑↓ to move, Enter to choose (or press its number).".to_string()
        }
        QuestionType::MultiChoice => {
            "↑↓ to move, Space to tick or untick, numbers tick too; Enter when done.".to_string()
        }
        QuestionType::YesNo => "Press y for Yes or n for No.".to_string(),
        QuestionType::Rating | QuestionType::Criterion => {
            "↑↓ and Enter (or a number) to choose a level; Tab for evidence.".to_string()
        }
    }
}

/// The lines above the widget: requirement, prompt, last year's note, guidance.
fn head_lines(s: &Session, q: &Question, theme: Theme) -> Vec<Line<'static>> {
    let tag = match q.required {
        Requirement::Required => Span::styled("Required", theme.warn()),
        Requirement::Recommended => Span::styled("Recommended", theme.bold()),
        Requirement::Optional => Span::styled("Optional", theme.dim()),
    };
    let answered = s
        .draft
        .answers
        .get(&q.id)
        .is_some_and(AnswerValue::is_answered);
    let state = if answered {
        " · answered"
    } else {
        " · not answered yet"
    };
    let mut head = vec![
        Line::from(vec![tag, Span::styled(state, theme.dim())]),
        Line::styled(q.prompt.clone(), theme.bold()),
    ];
    if let Some(c) = s
        .draft
        .carried_over
        .as_ref()
        .filter(|_| s.draft.is_unconfirmed(&q.id))
    {
        head.push(Line::styled(
            format!(
                "From {} — press Enter to confirm or change it.",
                c.from_date
                    .with_timezone(&chrono::Local)
                    .format("%-d %b %Y")
            ),
            theme.warn(),
        ));
    }
    match (&q.guidance, s.guidance_open) {
        (Some(g), true) => head.push(Line::styled(format!("Guidance: {g}"), theme.dim())),
        (Some(_), false) => head.push(Line::styled(
            "Guidance available: press Ctrl-G.",
            theme.dim(),
        )),
        _ => {}
    }
    head
}

pub fn render(frame: &mut Frame, area: Rect, s: &Session, theme: Theme, clicks: &mut ClickMap) {
    let area = Rect {
        x: area.x + 1,
        width: area.width.saturating_sub(1),
        ..area
    };
    let Some(q) = s.question() else {
        frame.render_widget(
            Paragraph::new("No questions in this section apply to your school, from your earlier answers. Press PageDown for the next section.")
                .wrap(Wrap { trim: true }),
            area,
        );
        return;
    };
    let head = head_lines(s, q, theme);
    let head_rows: u16 = head
        .iter()
        .map(|l| rows(&l.to_string(), area.width))
        .sum::<u16>()
        .min(area.height / 2 + 2);
    let (hint, is_error) = match (&s.error, &s.notice) {
        (Some(e), _) => (e.clone(), true),
        (None, Some(n)) => (n.clone(), false),
        (None, None) => (type_hint(q), false),
    };
    // The message goes right under the widget, where the eye is, not at the bottom.
    // One row above the widget keeps it apart from the prompt; a widget that grows (a long
    // answer, the levels of a criterion) takes the room the others leave.
    let (widget, rest) = match natural_height(s, q, area.width) {
        Some(h) => (Constraint::Length(h + 1), Constraint::Min(0)),
        None => (Constraint::Min(4), Constraint::Length(0)),
    };
    let [head_area, widget_area, hint_area, _] = Layout::vertical([
        Constraint::Length(head_rows),
        widget,
        Constraint::Length(rows(&hint, area.width).min(3)),
        rest,
    ])
    .areas(area);
    frame.render_widget(
        Paragraph::new(Text::from(head)).wrap(Wrap { trim: false }),
        head_area,
    );
    let widget_area = Rect {
        y: widget_area.y + 1,
        height: widget_area.height.saturating_sub(1),
        ..widget_area
    };
    draw_widget(frame, widget_area, s, q, theme, clicks);
    let (text, style) = if is_error {
        (format!("✗ {hint}"), theme.error())
    } else {
        (hint, theme.dim())
    };
    frame.render_widget(
        Paragraph::new(Span::styled(text, style)).wrap(Wrap { trim: true }),
        hint_area,
    );
}

/// The rows a widget needs when it does not simply fill the space: a one-line box grows
/// with its text; lists take a row per item.
fn natural_height(s: &Session, q: &Question, width: u16) -> Option<u16> {
    match &s.editor {
        Editor::Line { area, .. } => {
            let text = area.lines().join(" ");
            let lines = rows(&text, width.saturating_sub(3)).clamp(1, 6);
            Some(lines + 2 + u16::from(q.unit.is_some()))
        }
        Editor::Choice { .. } => Some(u16::try_from(q.options.len()).unwrap_or(u16::MAX)),
        Editor::YesNo { .. } => Some(2),
        Editor::None => Some(0),
        Editor::Long { .. } | Editor::Level { .. } => None,
    }
}

fn draw_widget(
    frame: &mut Frame,
    area: Rect,
    s: &Session,
    q: &Question,
    theme: Theme,
    clicks: &mut ClickMap,
) {
    match &s.editor {
        Editor::None => {}
        Editor::Line { area: text, typing } => {
            let unit = u16::from(q.unit.is_some());
            let rect = Rect {
                height: area.height.saturating_sub(unit).max(3),
                ..area
            };
            let title = if *typing {
                " Your answer "
            } else {
                " Your answer (press Enter to type) "
            };
            text_box(
                frame,
                clicks,
                rect,
                text,
                boxed(title.to_string(), *typing, theme),
            );
            let below = Rect {
                y: rect.y + rect.height,
                height: 1,
                ..rect
            };
            if let Some(u) = &q.unit
                && below.y < area.y + area.height
            {
                frame.render_widget(
                    Paragraph::new(Span::styled(format!("Unit: {u}"), theme.dim())),
                    below,
                );
            }
        }
        Editor::Long { text: long, typing } => {
            let words = long.word_count();
            let lines = if long.line_count() > 1 {
                format!(
                    " · line {} of {}",
                    long.cursor_line() + 1,
                    long.line_count()
                )
            } else {
                String::new()
            };
            let title = format!(
                " Your answer · {words} word{}{lines} {}",
                if words == 1 { "" } else { "s" },
                if *typing { "" } else { "(Enter to type) " }
            );
            let block = boxed(title, *typing, theme);
            long.drawn_in(block.inner(area));
            text_box(frame, clicks, area, &long.area, block);
        }
        Editor::Choice {
            highlight, multi, ..
        } => {
            let items = choice_items(s, q, *multi);
            draw_list(frame, area, &items, *highlight, true, theme, clicks);
        }
        Editor::YesNo { highlight } => {
            let v = match s.draft.answers.get(&q.id) {
                Some(AnswerValue::Bool(b)) => Some(*b),
                _ => None,
            };
            let mark = |on: bool| if on { "(•)" } else { "( )" };
            let items = vec![
                (format!("{} Yes", mark(v == Some(true))), v == Some(true)),
                (format!("{} No", mark(v == Some(false))), v == Some(false)),
            ];
            draw_list(frame, area, &items, *highlight, true, theme, clicks);
        }
        Editor::Level { .. } => levels_view::render(frame, area, s, q, theme, clicks),
    }
}

fn choice_items(s: &Session, q: &Question, multi: bool) -> Vec<(String, bool)> {
    let chosen = |id: &str| match s.draft.answers.get(&q.id) {
        Some(AnswerValue::Text(x)) => x == id,
        Some(AnswerValue::List(l)) => l.iter().any(|x| x == id),
        _ => false,
    };
    q.options
        .iter()
        .map(|o| {
            let mark = match (multi, chosen(&o.id)) {
                (true, true) => "[x]",
                (true, false) => "[ ]",
                (false, true) => "(•)",
                (false, false) => "( )",
            };
            let hint = o
                .hint
                .as_deref()
                .map(|h| format!(" — {h}"))
                .unwrap_or_default();
            (format!("{mark} {}{hint}", o.label), chosen(&o.id))
        })
        .collect()
}
