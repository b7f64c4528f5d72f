//! Drawing: one file per screen, sharing the header (where you are, save state), the
//! message line and the footer (the keys that matter now). Reads `&App` only.

pub mod help;
pub mod home;
pub mod question;
pub mod review;
pub mod theme;
pub mod workspace;

use ratatui::Frame;
use ratatui::layout::{Alignment, Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use super::app::{App, FlashKind, Screen};
use super::{MIN_HEIGHT, MIN_WIDTH};
use crate::store::SaveStatus;
use theme::Theme;

/// Draw the whole screen.
pub fn render(frame: &mut Frame, app: &App) {
    app.hits.borrow_mut().clear();
    let area = frame.area();
    let theme = Theme { color: app.color };
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        too_small(frame, area, theme);
        return;
    }
    let [header, body, flash, footer] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Min(1),
        Constraint::Length(1),
        Constraint::Length(1),
    ])
    .areas(area);
    draw_header(frame, header, app, theme);
    match app.screen {
        Screen::Home => home::render_home(frame, body, app, theme),
        Screen::NewDraft => home::render_new_draft(frame, body, app, theme),
        Screen::Restore => home::render_restore(frame, body, app, theme),
        Screen::Workspace => workspace::render(frame, body, app, theme),
        Screen::Sections => workspace::render_sections(frame, body, app, theme),
        Screen::Review => review::render_review(frame, body, app, theme),
        Screen::Export => review::render_export(frame, body, app, theme),
        Screen::Help => help::render(frame, body, app, theme),
    }
    draw_flash(frame, flash, app, theme);
    draw_footer(frame, footer, &help::footer_keys(app), theme);
}

fn too_small(frame: &mut Frame, area: Rect, theme: Theme) {
    let text = vec![
        Line::styled("This window is too small for music-sef.", theme.bold()),
        Line::raw(""),
        Line::raw(format!(
            "Please make it at least {MIN_WIDTH} columns wide and {MIN_HEIGHT} rows high (it is {} × {} now).",
            area.width, area.height
        )),
        Line::raw(""),
        Line::raw("Your answers are safe. Ctrl-Q saves and quits."),
    ];
    frame.render_widget(
        Paragraph::new(text)
            .wrap(Wrap { trim: true })
            .alignment(Alignment::Center),
        area,
    );
}

fn draw_header(frame: &mut Frame, area: Rect, app: &App, theme: Theme) {
    let place = match (&app.session, app.screen) {
        (
            Some(s),
            Screen::Workspace | Screen::Sections | Screen::Review | Screen::Export | Screen::Help,
        ) => s.draft.title.clone(),
        (_, Screen::NewDraft) => "New self-evaluation".to_string(),
        (_, Screen::Restore) => "Restore a backup".to_string(),
        _ => "Your self-evaluations".to_string(),
    };
    let read_only = app.session.as_ref().is_some_and(|s| s.read_only.is_some());
    let (status, style) = match (&app.save_status, app.session.is_some()) {
        (SaveStatus::Failed { reason, .. }, _) => {
            (format!(" NOT SAVED – {reason} – retrying "), theme.alarm())
        }
        (_, true) if read_only => (
            " READ-ONLY: changes are not saved ".to_string(),
            theme.alarm(),
        ),
        (SaveStatus::Saved(t), true) => (format!("Saved {}", t.format("%H:%M:%S")), theme.ok()),
        (SaveStatus::Pending, true) => ("Saving…".to_string(), theme.dim()),
        (_, true) => ("No changes yet".to_string(), theme.dim()),
        _ => (String::new(), theme.dim()),
    };
    let status_width = u16::try_from(status.chars().count())
        .unwrap_or(u16::MAX)
        .min(area.width.saturating_sub(20));
    let [left, right] =
        Layout::horizontal([Constraint::Min(10), Constraint::Length(status_width)]).areas(area);
    frame.render_widget(
        Paragraph::new(Line::from(vec![
            Span::styled("music-sef", theme.title()),
            Span::raw(" · "),
            Span::styled(place, theme.bold()),
        ])),
        left,
    );
    frame.render_widget(
        Paragraph::new(Span::styled(status, style)).alignment(Alignment::Right),
        right,
    );
}

fn draw_flash(frame: &mut Frame, area: Rect, app: &App, theme: Theme) {
    if let Some((kind, text)) = &app.flash {
        let style = match kind {
            FlashKind::Info => theme.ok(),
            FlashKind::Warning => theme.warn(),
        };
        frame.render_widget(Paragraph::new(Span::styled(text.clone(), style)), area);
    }
}

/// The footer: `key action` pairs, as many as fit.
pub fn draw_footer(frame: &mut Frame, area: Rect, keys: &[(&str, &str)], theme: Theme) {
    let mut spans = Vec::new();
    let mut width = 0usize;
    for (k, what) in keys {
        let len = width_of(k) + width_of(what) + 1;
        if width + len > usize::from(area.width) {
            break;
        }
        width += len + 3;
        spans.push(Span::styled(*k, theme.key()));
        spans.push(Span::raw(format!(" {what}   ")));
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}

/// Draw one row of a list at `row` (0-based within `area`), cut to fit, and make it
/// clickable as `h`.
pub fn list_row(
    frame: &mut Frame,
    app: &App,
    area: Rect,
    row: usize,
    text: &str,
    style: ratatui::style::Style,
    h: super::app::Hit,
) {
    let rect = Rect::new(
        area.x,
        area.y
            + u16::try_from(row)
                .unwrap_or(u16::MAX)
                .min(area.height.saturating_sub(1)),
        area.width,
        1,
    );
    let text = workspace::truncate(text, usize::from(area.width));
    frame.render_widget(Paragraph::new(Span::styled(text, style)), rect);
    hit(app, rect, h);
}

/// Record a clickable area.
pub fn hit(app: &App, rect: Rect, h: super::app::Hit) {
    app.hits.borrow_mut().push((rect, h));
}

fn width_of(s: &str) -> usize {
    unicode_width::UnicodeWidthStr::width(s)
}

/// Width of a string in cells, for layout sums.
pub fn width(s: &str) -> u16 {
    u16::try_from(unicode_width::UnicodeWidthStr::width(s)).unwrap_or(u16::MAX)
}
