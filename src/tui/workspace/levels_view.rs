//! Drawing a rating or criterion: the levels, the highlighted level's descriptor, the
//! evidence box and (for criteria) the target row.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};
use ratatui_textarea::TextArea;

use super::Session;
use crate::answers::{AnswerValue, LevelAnswer, display};
use crate::questionnaire::{NOT_APPLICABLE, Question, QuestionType, Questionnaire};
use crate::tui::clicks::ClickMap;
use crate::tui::editor::{Editor, LevelFocus};
use crate::tui::theme::Theme;
use crate::tui::widgets::{boxed, draw_list, rows, text_box};

/// The level list's lines: a mark for the chosen level, and for ratings what each means.
fn level_items(
    qn: &Questionnaire,
    q: &Question,
    levels: &[String],
    chosen: Option<&str>,
) -> Vec<(String, bool)> {
    let scale = qn.scale_of(q);
    levels
        .iter()
        .map(|id| {
            let label = display::level_label(qn, q, id);
            let meaning = scale
                .and_then(|sc| sc.level(id))
                .map(|l| l.meaning.as_str())
                .filter(|m| !m.is_empty());
            let on = chosen == Some(id.as_str());
            let mark = if on { "(•)" } else { "( )" };
            let text = match (q.kind, meaning) {
                (QuestionType::Rating, Some(m)) => format!("{mark} {label} — {m}"),
                _ => format!("{mark} {label}"),
            };
            (text, on)
        })
        .collect()
}

/// For a criterion, every level's descriptor, so Bronze, Silver and Gold can be compared
/// without moving; the highlighted one is marked. Starts at the highlighted level when they
/// do not all fit (moving the highlight brings each into view).
fn descriptors(
    qn: &Questionnaire,
    q: &Question,
    levels: &[String],
    highlight: usize,
) -> Vec<(String, bool)> {
    if q.kind != QuestionType::Criterion {
        return Vec::new();
    }
    levels
        .iter()
        .enumerate()
        .filter(|(_, id)| id.as_str() != NOT_APPLICABLE)
        .filter_map(|(i, id)| {
            let label = display::level_label(qn, q, id);
            let text = q.descriptors.get(id).cloned().or_else(|| {
                qn.scale_of(q)
                    .and_then(|sc| sc.level(id))
                    .map(|l| l.meaning.clone())
                    .filter(|m| !m.is_empty())
            })?;
            let mark = if i == highlight { "›" } else { " " };
            Some((format!("{mark}{}. {label}: {text}", i + 1), i == highlight))
        })
        .collect()
}

/// Draw as many descriptors as fit, from the highlighted one on.
fn draw_descriptors(frame: &mut Frame, area: Rect, items: &[(String, bool)], theme: Theme) {
    let start = items.iter().position(|(_, on)| *on).unwrap_or(0);
    let first_rows = items.get(start).map_or(0, |(t, _)| rows(t, area.width));
    // Everything when it fits; else from the highlighted level down.
    let all: u16 = items.iter().map(|(t, _)| rows(t, area.width)).sum();
    let from = if all <= area.height || first_rows > area.height {
        0
    } else {
        start
    };
    let lines: Vec<Line> = items[from..]
        .iter()
        .map(|(t, on)| Line::styled(t.clone(), if *on { theme.bold() } else { theme.dim() }))
        .collect();
    frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), area);
}

pub fn render(
    frame: &mut Frame,
    area: Rect,
    s: &Session,
    q: &Question,
    theme: Theme,
    clicks: &mut ClickMap,
) {
    let Editor::Level {
        levels,
        highlight,
        focus,
        evidence,
        targets,
        target_highlight,
        ..
    } = &s.editor
    else {
        return;
    };
    let qn = &s.questionnaire;
    let current = s.draft.answers.get(&q.id).and_then(AnswerValue::as_level);
    let items = level_items(qn, q, levels, current.and_then(|l| l.level.as_deref()));
    let described = descriptors(qn, q, levels, *highlight);
    let desc_rows: u16 = described.iter().map(|(t, _)| rows(t, area.width)).sum();
    let [list_area, desc_area, ev_area, target_area] = Layout::vertical([
        Constraint::Length(u16::try_from(items.len()).unwrap_or(4)),
        Constraint::Max(desc_rows),
        Constraint::Min(if evidence.is_some() { 3 } else { 0 }),
        Constraint::Length(u16::from(targets.is_some())),
    ])
    .areas(area);
    let on_levels = *focus == LevelFocus::Levels;
    draw_list(
        frame, list_area, &items, *highlight, on_levels, theme, clicks,
    );
    draw_descriptors(frame, desc_area, &described, theme);
    if let Some(text) = evidence {
        draw_evidence(
            frame,
            ev_area,
            text,
            *focus == LevelFocus::Evidence,
            theme,
            clicks,
        );
    }
    if let Some(t) = targets {
        let on_target = *focus == LevelFocus::Target;
        let line = target_line(
            TargetRow {
                qn,
                q,
                levels,
                targets: t,
                current,
            },
            on_target.then_some(*target_highlight),
            theme,
        );
        frame.render_widget(Paragraph::new(line), target_area);
    }
}

fn draw_evidence(
    frame: &mut Frame,
    area: Rect,
    text: &TextArea<'static>,
    focused: bool,
    theme: Theme,
    clicks: &mut ClickMap,
) {
    let words = text
        .lines()
        .iter()
        .map(|l| l.split_whitespace().count())
        .sum::<usize>();
    let title = format!(
        " Evidence (optional) · {words} words {}",
        if focused {
            "· Tab moves on "
        } else {
            "· Tab to type "
        }
    );
    text_box(frame, clicks, area, text, boxed(title, focused, theme));
}

/// What the target row shows.
struct TargetRow<'a> {
    qn: &'a Questionnaire,
    q: &'a Question,
    /// The level list, for the numbers shown beside each target.
    levels: &'a [String],
    /// The targets offered now (levels above the one chosen).
    targets: &'a [String],
    current: Option<&'a LevelAnswer>,
}

/// "Target: [0 none]  3 Silver  4 Gold" — each target with its number in the level list,
/// the one set in brackets, the highlight shown when the row has focus.
fn target_line(row: TargetRow, highlight: Option<usize>, theme: Theme) -> Line<'static> {
    let mut spans = vec![Span::styled("Target: ", theme.bold())];
    let number = |id: &String| row.levels.iter().position(|l| l == id).map_or(0, |i| i + 1);
    let names = std::iter::once("0 none".to_string()).chain(
        row.targets
            .iter()
            .map(|id| format!("{} {}", number(id), display::level_label(row.qn, row.q, id))),
    );
    let set_target = row.current.and_then(|l| l.target.as_deref());
    for (i, name) in names.enumerate() {
        let set = set_target.map_or(i == 0, |tid| {
            row.targets.get(i.wrapping_sub(1)).is_some_and(|x| x == tid)
        });
        let text = if set {
            format!("[{name}] ")
        } else {
            format!(" {name}  ")
        };
        let style = if highlight == Some(i) {
            theme.selected()
        } else {
            Style::default()
        };
        spans.push(Span::styled(text, style));
    }
    if row.targets.is_empty() {
        spans.push(Span::styled(
            "(nothing above the level chosen)",
            theme.dim(),
        ));
    }
    if highlight.is_some() {
        spans.push(Span::styled(" ←→ or a number", theme.dim()));
    }
    Line::from(spans)
}
