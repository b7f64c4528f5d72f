//! Drawing the home screen: the welcome for a first start, else the drafts list with the
//! chosen draft's details, and the rename, import and delete prompts over its bottom.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph, Wrap};

use super::clicks::{ClickMap, Hit};
use super::home::{Home, HomeMode, HomeRow};
use super::theme::Theme;
use super::widgets::{ListRow, list_row, truncate, window_start};

pub fn render(frame: &mut Frame, area: Rect, home: &Home, theme: Theme, clicks: &mut ClickMap) {
    if home.rows.is_empty() {
        welcome(frame, area, &home.ready, theme);
    } else {
        drafts(frame, area, home, theme, clicks);
    }
    draw_input(frame, area, home, theme);
}

fn welcome(frame: &mut Frame, area: Rect, ready: &[String], theme: Theme) {
    let key = |k: &'static str| Span::styled(k, theme.key());
    let mut text = vec![
        Line::styled("Welcome to music-sef", theme.title()),
        Line::raw(""),
        Line::raw(
            "This program guides you, the music lead, through your school's music self-evaluation, one question at a time.",
        ),
        Line::raw(""),
        Line::raw(
            "• Every answer is saved as you go: stop whenever you like and carry on another day.",
        ),
        Line::raw(
            "• When you have finished, it writes a report (PDF), your answers and an e-mail ready to send to your music hub.",
        ),
        Line::raw(""),
        Line::from(vec![
            Span::raw("Press "),
            key("n"),
            Span::raw(" or "),
            key("Enter"),
            Span::raw(" to start your first self-evaluation."),
        ]),
        Line::from(vec![
            Span::raw("Press "),
            key("i"),
            Span::raw(" to start from last year's submission, "),
            key("q"),
            Span::raw(" to quit."),
        ]),
    ];
    if !ready.is_empty() {
        text.push(Line::raw(""));
        text.push(Line::styled(
            "Before you start, have these ready (the next screen has the list for each questionnaire, and p prints it with every question):",
            theme.bold(),
        ));
        text.extend(ready.iter().map(|r| Line::raw(format!("• {r}"))));
    }
    frame.render_widget(
        Paragraph::new(text)
            .wrap(Wrap { trim: true })
            .block(Block::bordered().border_style(theme.border())),
        area,
    );
}

/// Column layout of the list: the title takes what the fixed columns leave; the
/// questionnaire gets a column only on wide screens (else it is named under the list).
struct Columns {
    wide: bool,
    title: usize,
}

impl Columns {
    fn new(width: u16) -> Self {
        let wide = width >= 110;
        let fixed = 11 + 16 + 17 + 6 + if wide { 34 } else { 0 };
        Self {
            wide,
            title: usize::from(width).saturating_sub(fixed).max(12),
        }
    }

    fn line(&self, title: &str, q: &str, progress: &str, status: &str, saved: &str) -> String {
        let w = self.title;
        let title = truncate(title, w);
        if self.wide {
            format!(
                "{title:<w$}  {:<32}  {progress:>8}  {status:<15}  {saved}",
                truncate(q, 32)
            )
        } else {
            format!("{title:<w$}  {progress:>8}  {status:<15}  {saved}")
        }
    }

    fn row(&self, r: &HomeRow) -> String {
        if let Some(why) = &r.damaged {
            return format!("! DAMAGED  {}  — {why}", r.title);
        }
        let progress = r.progress.map_or_else(
            || "?".to_string(),
            |p| format!("{}/{}", p.answered, p.total),
        );
        let saved = r
            .saved
            .map_or_else(String::new, |t| t.format("%-d %b %Y %H:%M").to_string());
        self.line(&r.title, &r.questionnaire, &progress, &r.status, &saved)
    }
}

fn drafts(frame: &mut Frame, area: Rect, home: &Home, theme: Theme, clicks: &mut ClickMap) {
    let [head, list, detail] = Layout::vertical([
        Constraint::Length(2),
        Constraint::Min(1),
        Constraint::Length(2),
    ])
    .areas(area);
    let cols = Columns::new(list.width);
    let count = home.rows.len();
    frame.render_widget(
        Paragraph::new(vec![
            Line::styled(
                format!(
                    "You have {count} self-evaluation{}. Choose one and press Enter to carry on.",
                    if count == 1 { "" } else { "s" }
                ),
                theme.bold(),
            ),
            Line::styled(
                format!(
                    "  {}",
                    cols.line("TITLE", "QUESTIONNAIRE", "ANSWERED", "STATUS", "LAST SAVED")
                ),
                theme.dim(),
            ),
        ]),
        head,
    );
    let rows = usize::from(list.height);
    let start = window_start(home.selected, rows, count);
    for (line, (i, r)) in home
        .rows
        .iter()
        .enumerate()
        .skip(start)
        .take(rows)
        .enumerate()
    {
        let selected = i == home.selected;
        let style = if selected {
            theme.selected()
        } else if r.damaged.is_some() {
            theme.warn()
        } else {
            Style::default()
        };
        let text = cols.row(r);
        let row = ListRow {
            text: &text,
            selected,
            style,
            hit: Hit::ListRow(i),
        };
        list_row(frame, clicks, list, line, &row);
    }
    if let Some(r) = home.selected_row() {
        frame.render_widget(
            Paragraph::new(Span::styled(about(r), theme.dim())).wrap(Wrap { trim: true }),
            detail,
        );
    }
}

fn about(r: &HomeRow) -> String {
    let line = about_draft(r);
    match &r.hub_note {
        Some(note) if r.damaged.is_none() => format!("{note} · {line}"),
        _ => line,
    }
}

fn about_draft(r: &HomeRow) -> String {
    match (&r.damaged, &r.progress) {
        (Some(_), _) => "Press b to see this draft's backups and restore the newest.".to_string(),
        (None, Some(p)) => format!(
            "{} · {} required answer{} still missing.",
            r.questionnaire,
            p.required_missing,
            if p.required_missing == 1 { "" } else { "s" }
        ),
        (None, None) => r.questionnaire.clone(),
    }
}

/// Rename, import and delete prompts sit over the bottom of the list.
fn draw_input(frame: &mut Frame, area: Rect, home: &Home, theme: Theme) {
    let rect = Rect {
        y: area.y + area.height.saturating_sub(3),
        height: area.height.min(3),
        ..area
    };
    match &home.mode {
        HomeMode::Browse => {}
        HomeMode::ConfirmQuit => {
            frame.render_widget(Clear, rect);
            frame.render_widget(
                Paragraph::new(
                    "Quit music-sef? Everything is saved. Press y to quit, any other key to stay.",
                )
                .wrap(Wrap { trim: true })
                .block(Block::bordered().border_style(theme.warn())),
                rect,
            );
        }
        HomeMode::ConfirmDelete => {
            let title = home.selected_row().map_or("", |r| r.title.as_str());
            frame.render_widget(Clear, rect);
            frame.render_widget(
                Paragraph::new(format!("Delete \"{title}\" and all its backups for good? Press y to delete, any other key to keep it."))
                    .wrap(Wrap { trim: true })
                    .block(Block::bordered().border_style(theme.warn())),
                rect,
            );
        }
        HomeMode::Rename(text) | HomeMode::Import(text) => {
            let label = if matches!(home.mode, HomeMode::Rename(_)) {
                " New title — Enter to save, Esc to cancel "
            } else {
                " Path to last year's bundle (.zip, folder or submission.json) — Enter to start, Esc to cancel "
            };
            frame.render_widget(Clear, rect);
            let block = Block::bordered()
                .border_style(theme.focus_border())
                .title(Span::styled(label, theme.bold()));
            let inner = block.inner(rect);
            frame.render_widget(block, rect);
            frame.render_widget(text, inner);
        }
    }
}
