//! The current question: prompt, requirement, guidance, the answer widget for its type,
//! and the inline message saying what to fix.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span, Text};
use ratatui::widgets::{Block, Borders, Paragraph, Wrap};
use ratatui_textarea::TextArea;

use super::hit;
use super::theme::Theme;
use crate::answers::parse::fmt_num;
use crate::answers::{AnswerValue, display};
use crate::questionnaire::{NOT_APPLICABLE, Question, QuestionType, Requirement};
use crate::tui::app::{App, Hit};
use crate::tui::editor::{Editor, LevelFocus};
use crate::tui::session::Session;

/// Rows a paragraph of `text` takes at `width`, roughly (word wrap).
fn rows(text: &str, width: u16) -> u16 {
    let w = usize::from(width.max(1));
    let mut total = 0usize;
    for line in text.split('\n') {
        let mut row = 0usize;
        let mut lines = 1usize;
        for word in line.split(' ') {
            let len = unicode_width::UnicodeWidthStr::width(word);
            if row > 0 && row + 1 + len > w {
                lines += 1 + len / w;
                row = len % w;
            } else {
                row += len + usize::from(row > 0);
            }
        }
        total += lines;
    }
    u16::try_from(total).unwrap_or(u16::MAX)
}

fn type_hint(q: &Question) -> String {
    match q.kind {
        QuestionType::Text => "Type your answer, then press Enter.".to_string(),
        QuestionType::LongText => {
            "Type as much as you like; Enter starts a new line. Tab moves on.".to_string()
        }
        QuestionType::Number => {
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

pub fn render(frame: &mut Frame, area: Rect, app: &App, s: &Session, theme: Theme) {
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
    let mut head: Vec<Line> = Vec::new();
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
    head.push(Line::from(vec![
        tag,
        Span::styled(
            if answered {
                " · answered"
            } else {
                " · not answered yet"
            },
            theme.dim(),
        ),
    ]));
    head.push(Line::styled(q.prompt.clone(), theme.bold()));
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
        (Some(g), true) => {
            head.push(Line::styled(format!("Guidance: {g}"), theme.dim()));
        }
        (Some(_), false) => head.push(Line::styled(
            "Guidance available: press Ctrl-G.",
            theme.dim(),
        )),
        _ => {}
    }
    let head_text = Text::from(head.clone());
    let head_rows: u16 = head
        .iter()
        .map(|l| rows(&l.to_string(), area.width))
        .sum::<u16>()
        .min(area.height / 2 + 2);
    let hint = s
        .error
        .clone()
        .map_or_else(|| (type_hint(q), false), |e| (e, true));
    let [head_area, widget_area, hint_area] = Layout::vertical([
        Constraint::Length(head_rows),
        Constraint::Min(3),
        Constraint::Length(rows(&hint.0, area.width).min(3)),
    ])
    .areas(area);
    frame.render_widget(
        Paragraph::new(head_text).wrap(Wrap { trim: false }),
        head_area,
    );
    let widget_area = Rect {
        y: widget_area.y + 1,
        height: widget_area.height.saturating_sub(1),
        ..widget_area
    };
    draw_widget(frame, widget_area, app, s, q, theme);
    let style = if hint.1 { theme.error() } else { theme.dim() };
    let text = if hint.1 {
        format!("✗ {}", hint.0)
    } else {
        hint.0
    };
    frame.render_widget(
        Paragraph::new(Span::styled(text, style)).wrap(Wrap { trim: true }),
        hint_area,
    );
}

fn boxed<'a>(title: String, focused: bool, theme: Theme) -> Block<'a> {
    Block::default()
        .borders(Borders::ALL)
        .border_style(if focused {
            theme.focus_border()
        } else {
            theme.border()
        })
        .title(Span::styled(
            title,
            if focused { theme.bold() } else { theme.dim() },
        ))
}

fn draw_text_area(
    frame: &mut Frame,
    area: Rect,
    app: &App,
    text: &TextArea<'static>,
    title: String,
    focused: bool,
    theme: Theme,
) {
    let block = boxed(title, focused, theme);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    frame.render_widget(text, inner);
    hit(app, area, Hit::TextBox);
}

fn draw_widget(frame: &mut Frame, area: Rect, app: &App, s: &Session, q: &Question, theme: Theme) {
    match &s.editor {
        Editor::None => {}
        Editor::Line { area: text, typing } => {
            let rect = Rect {
                height: area.height.min(3),
                ..area
            };
            let title = if *typing {
                " Your answer "
            } else {
                " Your answer (press Enter to type) "
            };
            draw_text_area(frame, rect, app, text, title.to_string(), *typing, theme);
            if let Some(u) = &q.unit {
                let below = Rect {
                    y: rect.y + rect.height,
                    height: 1,
                    ..rect
                };
                if below.y < area.y + area.height {
                    frame.render_widget(
                        Paragraph::new(Span::styled(format!("Unit: {u}"), theme.dim())),
                        below,
                    );
                }
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
            draw_text_area(frame, area, app, &long.area, title, *typing, theme);
        }
        Editor::Choice { highlight, multi } => {
            let chosen = |id: &str| match s.draft.answers.get(&q.id) {
                Some(AnswerValue::Text(x)) => x == id,
                Some(AnswerValue::List(l)) => l.iter().any(|x| x == id),
                _ => false,
            };
            let items: Vec<(String, bool)> = q
                .options
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
                .collect();
            draw_list(frame, area, app, &items, *highlight, true, theme);
        }
        Editor::YesNo { highlight } => {
            let v = match s.draft.answers.get(&q.id) {
                Some(AnswerValue::Bool(b)) => Some(*b),
                _ => None,
            };
            let items = vec![
                (
                    format!("{} Yes", if v == Some(true) { "(•)" } else { "( )" }),
                    v == Some(true),
                ),
                (
                    format!("{} No", if v == Some(false) { "(•)" } else { "( )" }),
                    v == Some(false),
                ),
            ];
            draw_list(frame, area, app, &items, *highlight, true, theme);
        }
        Editor::Level {
            levels,
            highlight,
            focus,
            evidence,
            targets,
            target_highlight,
        } => {
            draw_levels(
                frame,
                area,
                app,
                s,
                q,
                levels,
                *highlight,
                *focus,
                evidence.as_ref(),
                targets.as_deref(),
                *target_highlight,
                theme,
            );
        }
    }
}

/// A numbered list with a highlight; only the window around the highlight is drawn.
fn draw_list(
    frame: &mut Frame,
    area: Rect,
    app: &App,
    items: &[(String, bool)],
    highlight: usize,
    focused: bool,
    theme: Theme,
) {
    let rows = usize::from(area.height);
    let start = highlight
        .saturating_sub(rows.saturating_sub(1))
        .min(items.len().saturating_sub(rows));
    for (row, (i, (text, chosen))) in items.iter().enumerate().skip(start).take(rows).enumerate() {
        let style = if i == highlight && focused {
            theme.selected()
        } else if *chosen {
            theme.bold()
        } else {
            Style::default()
        };
        let rect = Rect::new(
            area.x,
            area.y + u16::try_from(row).unwrap_or(0),
            area.width,
            1,
        );
        let pointer = if i == highlight && focused {
            "›"
        } else {
            " "
        };
        frame.render_widget(
            Paragraph::new(Span::styled(
                format!("{pointer}{:>2}. {text}", i + 1),
                style,
            )),
            rect,
        );
        hit(app, rect, Hit::Option(i));
    }
}

#[allow(clippy::too_many_arguments)]
fn draw_levels(
    frame: &mut Frame,
    area: Rect,
    app: &App,
    s: &Session,
    q: &Question,
    levels: &[String],
    highlight: usize,
    focus: LevelFocus,
    evidence: Option<&TextArea<'static>>,
    targets: Option<&[String]>,
    target_highlight: usize,
    theme: Theme,
) {
    let qn = &s.questionnaire;
    let scale = qn.scale_of(q);
    let current = s.draft.answers.get(&q.id).and_then(AnswerValue::as_level);
    let chosen = current.and_then(|l| l.level.as_deref());
    let items: Vec<(String, bool)> = levels
        .iter()
        .map(|id| {
            let label = display::level_label(qn, q, id);
            let meaning = scale
                .and_then(|sc| sc.level(id))
                .map(|l| l.meaning.as_str())
                .filter(|m| !m.is_empty());
            let mark = if chosen == Some(id.as_str()) {
                "(•)"
            } else {
                "( )"
            };
            let text = match (q.kind, meaning) {
                (QuestionType::Rating, Some(m)) => format!("{mark} {label} — {m}"),
                _ => format!("{mark} {label}"),
            };
            (text, chosen == Some(id.as_str()))
        })
        .collect();
    let list_rows = u16::try_from(items.len()).unwrap_or(4);
    let descriptor = (q.kind == QuestionType::Criterion)
        .then(|| levels.get(highlight))
        .flatten()
        .filter(|id| id.as_str() != NOT_APPLICABLE)
        .map(|id| {
            let label = display::level_label(qn, q, id);
            q.descriptors.get(id).map_or_else(
                || {
                    format!(
                        "{label}: {}",
                        scale
                            .and_then(|sc| sc.level(id))
                            .map_or("", |l| l.meaning.as_str())
                    )
                },
                |d| format!("{label}: {d}"),
            )
        });
    let desc_rows = descriptor
        .as_deref()
        .map_or(0, |d| rows(d, area.width).saturating_add(0));
    let ev_rows: u16 = if evidence.is_some() { 4 } else { 0 };
    let target_rows: u16 = u16::from(targets.is_some());
    let [list_area, desc_area, ev_area, target_area] = Layout::vertical([
        Constraint::Length(list_rows),
        Constraint::Max(desc_rows),
        Constraint::Min(if evidence.is_some() { 3 } else { 0 }),
        Constraint::Length(target_rows),
    ])
    .areas(area);
    let _ = ev_rows;
    draw_list(
        frame,
        list_area,
        app,
        &items,
        highlight,
        focus == LevelFocus::Levels,
        theme,
    );
    if let Some(d) = descriptor {
        frame.render_widget(
            Paragraph::new(Span::styled(d, theme.dim())).wrap(Wrap { trim: true }),
            desc_area,
        );
    }
    if let Some(text) = evidence {
        let words = text
            .lines()
            .iter()
            .map(|l| l.split_whitespace().count())
            .sum::<usize>();
        let title = format!(
            " Evidence (optional) · {words} words {}",
            if focus == LevelFocus::Evidence {
                "· Tab moves on "
            } else {
                "· Tab to type "
            }
        );
        draw_text_area(
            frame,
            ev_area,
            app,
            text,
            title,
            focus == LevelFocus::Evidence,
            theme,
        );
    }
    if let Some(t) = targets {
        let mut spans = vec![Span::styled("Target: ", theme.bold())];
        let names: Vec<String> = std::iter::once("none".to_string())
            .chain(t.iter().map(|id| display::level_label(qn, q, id)))
            .collect();
        for (i, name) in names.iter().enumerate() {
            let set = current
                .and_then(|l| l.target.as_deref())
                .map_or(i == 0, |tid| {
                    t.get(i.wrapping_sub(1)).is_some_and(|x| x == tid)
                });
            let text = format!(
                "{}{name}{} ",
                if set { "[" } else { " " },
                if set { "]" } else { " " }
            );
            let style = if focus == LevelFocus::Target && i == target_highlight {
                theme.selected()
            } else {
                Style::default()
            };
            spans.push(Span::styled(text, style));
        }
        if focus == LevelFocus::Target {
            spans.push(Span::styled(" ↑↓ Enter", theme.dim()));
        }
        frame.render_widget(Paragraph::new(Line::from(spans)), target_area);
    }
}
