//! Drawing the whole screen from `&App`: the header (where you are, whether your work is
//! saved), the screen's body, the message line and the footer (the keys that matter now,
//! from the keys table), with help over the body when open. Returns what is clickable where.

use ratatui::Frame;
use ratatui::layout::{Alignment, Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use super::action::FlashKind;
use super::app::{App, Screen};
use super::clicks::ClickMap;
use super::keys::FooterKey;
use super::theme::Theme;
use super::widgets::{rows, width};
use super::{
    MIN_HEIGHT, MIN_WIDTH, help_view, home_view, keys, new_draft_view, quit_view, restore_view,
};
use crate::store::SaveStatus;

/// Draw the whole screen.
pub fn render(frame: &mut Frame, app: &App) -> ClickMap {
    let mut clicks = ClickMap::default();
    let area = frame.area();
    let theme = Theme { color: app.color };
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        too_small(frame, area, theme);
        return clicks;
    }
    // A long message takes up to three lines rather than being cut off mid-word.
    let flash_rows = app
        .flash
        .as_ref()
        .map_or(1, |f| rows(&f.text, area.width).clamp(1, 3));
    let [header, body, flash, footer] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Min(1),
        Constraint::Length(flash_rows),
        Constraint::Length(1),
    ])
    .areas(area);
    draw_header(frame, header, app, theme);
    match &app.screen {
        Screen::Home(h) => home_view::render(frame, body, h, theme, &mut clicks),
        Screen::NewDraft(n) => new_draft_view::render(frame, body, n, theme, &mut clicks),
        Screen::Restore(r) => restore_view::render(frame, body, r, theme),
        Screen::Workspace(w) => {
            super::workspace::frame_view::render(frame, body, w, theme, &mut clicks)
        }
    }
    if let Some(help) = &app.help {
        // Help covers the body; what was clickable under it is not any more.
        clicks = ClickMap::default();
        help_view::render(frame, body, help, app.workspace(), theme);
    }
    if let Some(q) = &app.quit {
        clicks = ClickMap::default();
        quit_view::render(frame, body, q, theme);
    }
    draw_flash(frame, flash, app, theme);
    draw_footer(frame, footer, &keys::footer(app.place()), theme);
    super::cells::settle(frame.buffer_mut());
    clicks
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
    let place = match &app.screen {
        Screen::Workspace(w) => w.session.draft.title.clone(),
        Screen::NewDraft(_) => "New self-evaluation".to_string(),
        Screen::Restore(_) => "Restore a backup".to_string(),
        Screen::Home(_) => "Your self-evaluations".to_string(),
    };
    let (status, style) = match (app.workspace(), &app.save_status) {
        (_, SaveStatus::Failed { reason, .. }) => {
            (format!(" NOT SAVED: {reason} – retrying "), theme.alarm())
        }
        (Some(w), _) if w.session.read_only.is_some() => (
            " READ-ONLY: changes are not saved ".to_string(),
            theme.alarm(),
        ),
        // Typed text not yet in the draft exists only in memory: never "Saved" then.
        (Some(w), _) if w.session.text_dirty => ("Not saved yet".to_string(), theme.dim()),
        (Some(_), SaveStatus::Saved(t)) => (format!("Saved {}", t.format("%H:%M:%S")), theme.ok()),
        (Some(_), SaveStatus::Pending) => ("Saving…".to_string(), theme.dim()),
        (Some(_), _) => ("No changes yet".to_string(), theme.dim()),
        (None, _) => (String::new(), theme.dim()),
    };
    let status_width = width(&status).min(area.width.saturating_sub(20));
    // A column between them, so a long draft title never runs into the save status.
    let [left, right] = Layout::horizontal([Constraint::Min(10), Constraint::Length(status_width)])
        .spacing(1)
        .areas(area);
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
    if let Some(f) = &app.flash {
        let style = match f.kind {
            FlashKind::Info => theme.ok(),
            FlashKind::Warning => theme.warn(),
        };
        frame.render_widget(
            Paragraph::new(Span::styled(f.text.clone(), style)).wrap(Wrap { trim: true }),
            area,
        );
    }
}

/// The footer: `key action` pairs. When they do not all fit, the last ones that are not
/// essential go first, so review, help, back and quit stay; no pair is cut.
pub fn draw_footer(frame: &mut Frame, area: Rect, keys: &[FooterKey], theme: Theme) {
    let cost = |k: &FooterKey| width(k.keys) + width(k.label) + 4;
    let mut shown: Vec<FooterKey> = keys.to_vec();
    while shown.iter().map(cost).sum::<u16>() > area.width.saturating_add(3) {
        let drop = shown
            .iter()
            .rposition(|k| !k.essential)
            .unwrap_or(shown.len().saturating_sub(1));
        shown.remove(drop);
    }
    let spans: Vec<Span> = shown
        .iter()
        .flat_map(|k| {
            [
                Span::styled(k.keys, theme.key()),
                Span::raw(format!(" {}   ", k.label)),
            ]
        })
        .collect();
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}
