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

/// For a criterion, the highlighted level's descriptor in full.
fn descriptor(qn: &Questionnaire, q: &Question, level: Option<&String>) -> Option<String> {
    if q.kind != QuestionType::Criterion {
        return None;
    }
    let id = level.filter(|id| id.as_str() != NOT_APPLICABLE)?;
    let label = display::level_label(qn, q, id);
    Some(q.descriptors.get(id).map_or_else(
        || {
            let meaning = qn
                .scale_of(q)
                .and_then(|sc| sc.level(id))
                .map_or("", |l| l.meaning.as_str());
            format!("{label}: {meaning}")
        },
        |d| format!("{label}: {d}"),
    ))
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
    } = &s.editor
    else {
        return;
    };
    let qn = &s.questionnaire;
    let current = s.draft.answers.get(&q.id).and_then(AnswerValue::as_level);
    let items = level_items(qn, q, levels, current.and_then(|l| l.level.as_deref()));
    let described = descriptor(qn, q, levels.get(*highlight));
    let [list_area, desc_area, ev_area, target_area] = Layout::vertical([
        Constraint::Length(u16::try_from(items.len()).unwrap_or(4)),
        Constraint::Max(described.as_deref().map_or(0, |d| rows(d, area.width))),
        Constraint::Min(if evidence.is_some() { 3 } else { 0 }),
        Constraint::Length(u16::from(targets.is_some())),
    ])
    .areas(area);
    let on_levels = *focus == LevelFocus::Levels;
    draw_list(
        frame, list_area, &items, *highlight, on_levels, theme, clicks,
    );
    if let Some(d) = described {
        frame.render_widget(
            Paragraph::new(Span::styled(d, theme.dim())).wrap(Wrap { trim: true }),
            desc_area,
        );
    }
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
            qn,
            q,
            t,
            current,
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

/// "Target: [none]  Bronze  Silver  Gold", the highlight shown when the row has focus.
fn target_line(
    qn: &Questionnaire,
    q: &Question,
    targets: &[String],
    current: Option<&LevelAnswer>,
    highlight: Option<usize>,
    theme: Theme,
) -> Line<'static> {
    let mut spans = vec![Span::styled("Target: ", theme.bold())];
    let names = std::iter::once("none".to_string())
        .chain(targets.iter().map(|id| display::level_label(qn, q, id)));
    let set_target = current.and_then(|l| l.target.as_deref());
    for (i, name) in names.enumerate() {
        let set = set_target.map_or(i == 0, |tid| {
            targets.get(i.wrapping_sub(1)).is_some_and(|x| x == tid)
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
    if highlight.is_some() {
        spans.push(Span::styled(" ↑↓ Enter", theme.dim()));
    }
    Line::from(spans)
}
