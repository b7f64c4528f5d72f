//! Drawing help: how saving works, the current question and its guidance when help was
//! opened from one, and the keys of the screen underneath, read from the keys table.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph, Wrap};

use super::help::Help;
use super::keys::{self, Place};
use super::theme::Theme;
use super::workspace::Workspace;

pub fn render(frame: &mut Frame, area: Rect, help: &Help, ws: Option<&Workspace>, theme: Theme) {
    let mut lines = vec![
        Line::styled("Help", theme.title()),
        Line::raw(
            "Your answers are saved automatically as you go; the time of the last save is at the top right.",
        ),
        Line::raw(""),
    ];
    let on_question = matches!(
        help.about,
        Place::Question | Place::TypingLine | Place::TypingLong
    );
    if on_question && let Some(q) = ws.and_then(|w| w.session.question()) {
        lines.push(Line::styled("This question", theme.bold()));
        lines.push(Line::raw(q.prompt.clone()));
        lines.push(Line::styled(
            q.guidance
                .clone()
                .unwrap_or_else(|| "There is no extra guidance for this question.".to_string()),
            theme.dim(),
        ));
        lines.push(Line::raw(""));
    }
    if on_question || help.about == Place::Sections {
        lines.extend(marks(theme));
    }
    lines.push(Line::styled("Keys", theme.bold()));
    for (k, what) in keys::help_rows(help.about) {
        lines.push(Line::from(vec![
            Span::styled(format!("{k:<18}"), theme.key()),
            Span::raw(what),
        ]));
    }
    frame.render_widget(Clear, area);
    frame.render_widget(
        Paragraph::new(lines)
            .wrap(Wrap { trim: false })
            .scroll((help.scroll, 0))
            .block(
                Block::bordered()
                    .border_style(theme.border())
                    .title(Span::styled(" ↑↓ scroll · Esc closes ", theme.dim())),
            ),
        area,
    );
}

/// What the marks beside the sections and the word above each question mean.
fn marks(theme: Theme) -> Vec<Line<'static>> {
    let row = |k: &'static str, what: &'static str| {
        Line::from(vec![
            Span::styled(format!("{k:<18}"), theme.key()),
            Span::raw(what),
        ])
    };
    vec![
        Line::styled("Marks", theme.bold()),
        row("✓", "a section with every question that applies answered"),
        row("!", "a section with a required answer missing"),
        row("…", "a section started, with nothing required missing"),
        row("·", "a section not started yet"),
        row("-", "a section where no question applies to your school"),
        row("Required", "must be answered before the bundle is sent"),
        row(
            "Recommended",
            "your hub would like an answer, but it never stops you",
        ),
        row(
            "Optional",
            "answer it if it helps to explain your school's music",
        ),
        Line::raw(""),
    ]
}
