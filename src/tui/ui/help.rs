//! Help for the current screen (F1 or ?), and the footer keys per screen.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Wrap};

use super::theme::Theme;
use crate::tui::app::{App, Screen};
use crate::tui::home::HomeMode;

/// The few keys that matter now.
pub fn footer_keys(app: &App) -> Vec<(&'static str, &'static str)> {
    let typing = app.text_focused();
    match app.screen {
        Screen::Home => match app.home.mode {
            HomeMode::Rename(_) | HomeMode::Import(_) => {
                vec![("Enter", "OK"), ("Esc", "cancel"), ("Ctrl-Q", "quit")]
            }
            HomeMode::ConfirmDelete => vec![("y", "delete"), ("any key", "keep")],
            HomeMode::Browse if app.home.rows.is_empty() => vec![
                ("n", "new"),
                ("i", "from last year"),
                ("F1", "help"),
                ("q", "quit"),
            ],
            HomeMode::Browse => vec![
                ("Enter", "open"),
                ("n", "new"),
                ("q", "quit"),
                ("F1", "help"),
                ("r", "rename"),
                ("d", "copy"),
                ("x", "delete"),
                ("b", "backups"),
                ("i", "from last year"),
            ],
        },
        Screen::NewDraft => vec![
            ("↑↓", "choose"),
            ("Enter", "next"),
            ("Esc", "back"),
            ("Ctrl-Q", "quit"),
        ],
        Screen::Restore => vec![("↑↓", "choose"), ("Enter", "restore"), ("Esc", "back")],
        Screen::Sections => vec![("↑↓", "choose"), ("Enter", "go"), ("Esc", "back")],
        Screen::Review => vec![
            ("Enter", "go to"),
            ("m", "mark ready"),
            ("e", "export"),
            ("Esc", "back"),
            ("F1", "help"),
            ("Ctrl-Q", "quit"),
        ],
        Screen::Export => vec![
            ("o", "open folder"),
            ("s", "open e-mail"),
            ("Esc", "back"),
            ("Ctrl-Q", "quit"),
        ],
        Screen::Help => vec![("Esc", "close help"), ("Ctrl-Q", "quit")],
        Screen::Workspace if typing => vec![
            ("Tab", "next"),
            ("S-Tab", "back"),
            ("PgDn", "section"),
            ("Esc", "stop typing"),
            ("F1", "help"),
            ("F2", "sections"),
            ("F3", "review"),
            ("^Q", "quit"),
        ],
        Screen::Workspace => vec![
            ("Tab", "next"),
            ("S-Tab", "back"),
            ("PgDn/PgUp", "section"),
            ("?", "help"),
            ("s", "sections"),
            ("r", "review"),
            ("q", "quit"),
        ],
    }
}

fn entries(app: &App) -> Vec<(&'static str, &'static str)> {
    match app.previous {
        Screen::Workspace => vec![
            ("Tab / Shift-Tab", "next / previous part, then question"),
            (
                "Ctrl-N / Ctrl-P",
                "next / previous question (or mouse wheel)",
            ),
            ("PageDown / PageUp", "next / previous section"),
            ("F2 (or s)", "list of sections: jump to any"),
            ("F3 (or r)", "review: missing answers, mark ready, export"),
            ("Ctrl-G (or g)", "show or hide this question's guidance"),
            ("↑↓ Enter Space 1-9", "choose in a list (Space ticks)"),
            ("y / n", "answer a yes/no question"),
            ("Esc", "stop typing, so letters are commands"),
            ("Enter or e", "start typing in a box again"),
            ("Ctrl-Z / Ctrl-Y", "undo / redo in a text box"),
            ("Enter on last year's", "confirm an answer carried over"),
            ("Ctrl-Q", "save and quit (q or Esc when not typing)"),
        ],
        Screen::Review => vec![
            ("↑↓ Enter", "go to a section or a missing answer"),
            ("m", "mark ready (needs every required answer)"),
            ("e", "write the bundle for your music hub"),
            ("Esc", "back to the questions"),
        ],
        _ => vec![
            ("↑↓ Enter", "choose and open"),
            ("n", "start a new self-evaluation"),
            ("r / d / x", "rename / copy / delete the chosen draft"),
            ("b", "backups of the chosen draft; restore one"),
            ("i", "start from last year's bundle"),
            ("q or Ctrl-Q", "quit (everything is already saved)"),
        ],
    }
}

pub fn render(frame: &mut Frame, area: Rect, app: &App, theme: Theme) {
    let mut lines = vec![
        Line::styled("Help", theme.title()),
        Line::raw(
            "Your answers are saved automatically as you go; the time of the last save is at the top right.",
        ),
        Line::raw(""),
    ];
    if app.previous == Screen::Workspace
        && let Some(s) = app.session.as_ref()
        && let Some(q) = s.question()
    {
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
    lines.push(Line::styled("Keys", theme.bold()));
    for (k, what) in entries(app) {
        lines.push(Line::from(vec![
            Span::styled(format!("{k:<22}"), theme.key()),
            Span::raw(what),
        ]));
    }
    frame.render_widget(
        Paragraph::new(lines)
            .wrap(Wrap { trim: false })
            .scroll((app.help_scroll, 0))
            .block(
                Block::bordered()
                    .border_style(theme.border())
                    .title(Span::styled(" ↑↓ scroll · Esc closes ", theme.dim())),
            ),
        area,
    );
}
