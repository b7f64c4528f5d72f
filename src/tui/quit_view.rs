//! Drawing the question asked when quitting cannot save: why, in plain words, and the
//! choices; after a recovery copy, where it is and how to put it back.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph, Wrap};

use super::quit::QuitProblem;
use super::theme::Theme;

pub fn render(frame: &mut Frame, area: Rect, q: &QuitProblem, theme: Theme) {
    let mut lines = vec![
        Line::styled("Your latest changes could not be saved", theme.title()),
        Line::raw(""),
        Line::raw(format!("Why: {}.", q.reason)),
        Line::raw(
            "Nothing is lost yet: your answers are still here, in this window. Choose what to do.",
        ),
        Line::raw(""),
    ];
    match &q.recovery {
        Some(Ok(r)) => {
            lines.push(Line::styled(
                "A recovery copy of all your answers was written to:",
                theme.ok(),
            ));
            lines.push(Line::raw(format!("  {}", r.copy.display())));
            lines.push(Line::raw(
                "To put it back later, once there is room again, copy it over:",
            ));
            lines.push(Line::raw(format!("  {}", r.draft_file.display())));
            lines.push(Line::raw(""));
        }
        Some(Err(why)) => {
            lines.push(Line::styled(
                format!("The recovery copy did not work: {why}."),
                theme.warn(),
            ));
            lines.push(Line::raw(""));
        }
        None => {}
    }
    if q.confirming {
        lines.push(Line::styled(
            format!(
                "Quit without saving? What you changed since {} will be lost.",
                q.since
            ),
            theme.bold(),
        ));
        lines.push(choice(theme, "y", "yes, quit without saving"));
        lines.push(choice(
            theme,
            "n",
            "no, back to the choices (any other key too)",
        ));
    } else {
        lines.extend(choices(q, theme));
    }
    frame.render_widget(Clear, area);
    frame.render_widget(
        Paragraph::new(lines).wrap(Wrap { trim: false }).block(
            Block::bordered()
                .border_style(theme.border())
                .title(Span::styled(" Not saved ", theme.alarm())),
        ),
        area,
    );
}

fn choices(q: &QuitProblem, theme: Theme) -> Vec<Line<'static>> {
    let mut out = vec![choice(
        theme,
        "t",
        "try again (after freeing some space or fixing the folder)",
    )];
    if q.rescued() {
        out.push(choice(
            theme,
            "q",
            "quit now: your answers are in the recovery copy",
        ));
    } else {
        out.push(choice(
            theme,
            "w",
            "write a recovery copy somewhere that has room",
        ));
        out.push(choice(theme, "q", "quit without saving (asks you first)"));
    }
    out.push(choice(
        theme,
        "Esc",
        "go back to your answers; saving is retried every few seconds",
    ));
    out
}

fn choice(theme: Theme, key: &'static str, what: &'static str) -> Line<'static> {
    Line::from(vec![
        Span::styled(format!("  {key:<5}"), theme.key()),
        Span::raw(what),
    ])
}
