//! The home screen, the new-draft screen and the restore screen.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Wrap};

use super::theme::Theme;
use super::workspace::truncate;
use crate::tui::app::{App, Hit};
use crate::tui::home::HomeMode;

pub fn render_home(frame: &mut Frame, area: Rect, app: &App, theme: Theme) {
    let home = &app.home;
    if home.rows.is_empty() {
        let text = vec![
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
            Line::raw(
                "• Have the web address of your school's published music development plan to hand.",
            ),
            Line::raw(""),
            Line::from(vec![
                Span::raw("Press "),
                Span::styled("n", theme.key()),
                Span::raw(" or "),
                Span::styled("Enter", theme.key()),
                Span::raw(" to start your first self-evaluation."),
            ]),
            Line::from(vec![
                Span::raw("Press "),
                Span::styled("i", theme.key()),
                Span::raw(" to start from last year's submission, "),
                Span::styled("q", theme.key()),
                Span::raw(" to quit."),
            ]),
        ];
        frame.render_widget(
            Paragraph::new(text)
                .wrap(Wrap { trim: true })
                .block(Block::bordered().border_style(theme.border())),
            area,
        );
        draw_home_input(frame, area, app, theme);
        return;
    }
    let [head, list, detail] = Layout::vertical([
        Constraint::Length(2),
        Constraint::Min(1),
        Constraint::Length(2),
    ])
    .areas(area);
    // Title takes what is left after the fixed columns; the questionnaire gets a column
    // only on wide screens and is otherwise named under the list for the chosen draft.
    let wide = list.width >= 110;
    let fixed = 9 + 16 + 17 + 6 + if wide { 34 } else { 0 };
    let title_w = usize::from(list.width).saturating_sub(fixed).max(12);
    let row_text = |title: &str, q: &str, progress: &str, status: &str, saved: &str| {
        let title = truncate(title, title_w);
        if wide {
            format!(
                "{title:<title_w$}  {:<32}  {progress:>8}  {status:<15}  {saved}",
                truncate(q, 32)
            )
        } else {
            format!("{title:<title_w$}  {progress:>8}  {status:<15}  {saved}")
        }
    };
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
                row_text("TITLE", "QUESTIONNAIRE", "ANSWERED", "STATUS", "LAST SAVED"),
                theme.dim(),
            ),
        ]),
        head,
    );
    let rows = usize::from(list.height);
    let start = home.selected.saturating_sub(rows.saturating_sub(1));
    for (row, (i, r)) in home
        .rows
        .iter()
        .enumerate()
        .skip(start)
        .take(rows)
        .enumerate()
    {
        let text = match &r.damaged {
            Some(why) => format!("! DAMAGED  {}  — {why}", r.title),
            None => {
                let progress = r.progress.map_or_else(
                    || "?".to_string(),
                    |p| format!("{}/{}", p.answered, p.total),
                );
                let saved = r
                    .saved
                    .map_or_else(String::new, |t| t.format("%-d %b %Y %H:%M").to_string());
                row_text(&r.title, &r.questionnaire, &progress, &r.status, &saved)
            }
        };
        let style = if i == home.selected {
            theme.selected()
        } else if r.damaged.is_some() {
            theme.warn()
        } else {
            Style::default()
        };
        super::list_row(frame, app, list, row, &text, style, Hit::ListRow(i));
    }
    if let Some(r) = home.selected_row() {
        let about = match (&r.damaged, &r.progress) {
            (Some(_), _) => {
                "Press b to see this draft's backups and restore the newest.".to_string()
            }
            (None, Some(p)) => format!(
                "{} · {} required answer{} still missing.",
                r.questionnaire,
                p.required_missing,
                if p.required_missing == 1 { "" } else { "s" }
            ),
            (None, None) => r.questionnaire.clone(),
        };
        frame.render_widget(
            Paragraph::new(Span::styled(about, theme.dim())).wrap(Wrap { trim: true }),
            detail,
        );
    }
    draw_home_input(frame, area, app, theme);
}

/// Rename, import and delete prompts sit over the bottom of the list.
fn draw_home_input(frame: &mut Frame, area: Rect, app: &App, theme: Theme) {
    let bottom = |h: u16| Rect {
        y: area.y + area.height.saturating_sub(h),
        height: h.min(area.height),
        ..area
    };
    match &app.home.mode {
        HomeMode::Browse => {}
        HomeMode::ConfirmDelete => {
            let title = app.home.selected_row().map_or("", |r| r.title.as_str());
            let rect = bottom(3);
            frame.render_widget(ratatui::widgets::Clear, rect);
            frame.render_widget(
                Paragraph::new(format!("Delete \"{title}\" and all its backups for good? Press y to delete, any other key to keep it."))
                    .wrap(Wrap { trim: true })
                    .block(Block::bordered().border_style(theme.warn())),
                rect,
            );
        }
        HomeMode::Rename(text) | HomeMode::Import(text) => {
            let label = if matches!(app.home.mode, HomeMode::Rename(_)) {
                " New title — Enter to save, Esc to cancel "
            } else {
                " Path to last year's bundle (.zip, folder or submission.json) — Enter to start, Esc to cancel "
            };
            let rect = bottom(3);
            frame.render_widget(ratatui::widgets::Clear, rect);
            let block = Block::bordered()
                .border_style(theme.focus_border())
                .title(Span::styled(label, theme.bold()));
            let inner = block.inner(rect);
            frame.render_widget(block, rect);
            frame.render_widget(text, inner);
        }
    }
}

pub fn render_new_draft(frame: &mut Frame, area: Rect, app: &App, theme: Theme) {
    let nd = &app.new_draft;
    let [head, list, detail] = Layout::vertical([
        Constraint::Length(2),
        Constraint::Min(3),
        Constraint::Length(6),
    ])
    .areas(area);
    frame.render_widget(
        Paragraph::new(vec![
            Line::styled(
                "Step 1 of 2: which questionnaire? Your music hub may have told you which to use.",
                theme.bold(),
            ),
            Line::styled(
                "If unsure, choose the first: the full school music self-evaluation.",
                theme.dim(),
            ),
        ]),
        head,
    );
    for (i, c) in nd.choices.iter().enumerate().take(usize::from(list.height)) {
        let text = format!(
            "{:>2}. {}  ({} questions, {})",
            i + 1,
            c.title,
            c.questions,
            c.origin
        );
        let style = if i == nd.selected {
            theme.selected()
        } else {
            Style::default()
        };
        super::list_row(frame, app, list, i, &text, style, Hit::ListRow(i));
    }
    if let Some(text) = &nd.title {
        let block = Block::bordered()
            .border_style(theme.focus_border())
            .title(Span::styled(
                " Step 2 of 2: a title for this draft — Enter to start, Esc to go back ",
                theme.bold(),
            ));
        let inner = block.inner(detail);
        frame.render_widget(block, detail);
        let [line, help] =
            Layout::vertical([Constraint::Length(1), Constraint::Min(1)]).areas(inner);
        frame.render_widget(text, line);
        frame.render_widget(
            Paragraph::new(Span::styled("Any name you will recognise. Once you give the school name and year it is filled in for you.", theme.dim())).wrap(Wrap { trim: true }),
            help,
        );
    } else if let Some(c) = nd.choices.get(nd.selected) {
        frame.render_widget(
            Paragraph::new(c.description.clone())
                .wrap(Wrap { trim: true })
                .block(
                    Block::bordered()
                        .border_style(theme.border())
                        .title(" About this questionnaire "),
                ),
            detail,
        );
    }
}

pub fn render_restore(frame: &mut Frame, area: Rect, app: &App, theme: Theme) {
    let r = &app.restore;
    let [head, list] = Layout::vertical([Constraint::Length(3), Constraint::Min(1)]).areas(area);
    let intro = if r.backups.is_empty() {
        format!(
            "There are no backups of \"{}\" yet. Backups are taken when you start a session, before an export and before a questionnaire update.",
            r.title
        )
    } else if r.confirm {
        "Restore this backup? Your current answers are backed up first, so nothing is lost. Press y to restore, any other key to cancel.".to_string()
    } else {
        format!(
            "Backups of \"{}\", newest first. Choose one and press Enter to restore it.",
            r.title
        )
    };
    frame.render_widget(
        Paragraph::new(intro)
            .wrap(Wrap { trim: true })
            .style(if r.confirm {
                theme.warn()
            } else {
                theme.bold()
            }),
        head,
    );
    for (i, b) in r.backups.iter().enumerate().take(usize::from(list.height)) {
        let text = format!(
            "{}   {} answers",
            b.taken_at.format("%a %-d %b %Y, %H:%M:%S"),
            b.answered
        );
        let style = if i == r.selected {
            theme.selected()
        } else {
            Style::default()
        };
        let rect = Rect::new(
            list.x,
            list.y + u16::try_from(i).unwrap_or(0),
            list.width,
            1,
        );
        frame.render_widget(Paragraph::new(Span::styled(text, style)), rect);
    }
}
