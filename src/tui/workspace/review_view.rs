//! Drawing review: the status, then the list of sections and what is missing, or the
//! "export anyway?" question, or the box for the hub's address.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Wrap};

use super::Session;
use super::review::{ItemKind, Review, ReviewMode, ReviewRow};
use crate::tui::clicks::{ClickMap, Hit};
use crate::tui::theme::Theme;
use crate::tui::widgets::{ListRow, list_row, window_start};

fn missing_words(n: usize) -> &'static str {
    if n == 1 { " is" } else { "s are" }
}

pub fn render(
    frame: &mut Frame,
    area: Rect,
    s: &Session,
    review: &Review,
    theme: Theme,
    clicks: &mut ClickMap,
) {
    let o = s.walk.overall();
    let status = if o.required_missing == 0 {
        format!(
            "All required answers are given ({} of {} answered). Press m to mark the draft ready, e to export.",
            o.answered, o.total
        )
    } else {
        format!(
            "{} required answer{} missing (marked !). Choose one and press Enter to go to it.",
            o.required_missing,
            missing_words(o.required_missing)
        )
    };
    let [head, list] = Layout::vertical([Constraint::Length(3), Constraint::Min(1)]).areas(area);
    let head_style = if o.required_missing == 0 {
        theme.ok()
    } else {
        theme.warn()
    };
    frame.render_widget(
        Paragraph::new(vec![
            Line::styled(
                format!("Review · status: {}", s.draft.status.label()),
                theme.bold(),
            ),
            Line::styled(status, head_style),
        ])
        .wrap(Wrap { trim: true }),
        head,
    );
    match &review.mode {
        ReviewMode::ConfirmIncomplete => {
            let text = format!(
                "{} required answers are missing. Export anyway, with every page marked INCOMPLETE DRAFT? Press y to export, any other key to go back.",
                o.required_missing
            );
            frame.render_widget(
                Paragraph::new(text)
                    .wrap(Wrap { trim: true })
                    .block(Block::bordered().border_style(theme.warn())),
                list,
            );
        }
        ReviewMode::HubEmail { area: text, .. } => {
            let intro = "Your music hub's e-mail address, so the e-mail draft is addressed for you. It is asked once and remembered. Press Enter with the box empty to skip.";
            let [msg, input] =
                Layout::vertical([Constraint::Length(3), Constraint::Length(3)]).areas(list);
            frame.render_widget(Paragraph::new(intro).wrap(Wrap { trim: true }), msg);
            let block = Block::bordered()
                .border_style(theme.focus_border())
                .title(Span::styled(
                    " Hub e-mail — Enter to export, Esc to cancel ",
                    theme.bold(),
                ));
            let inner = block.inner(input);
            frame.render_widget(block, input);
            frame.render_widget(&**text, inner);
        }
        ReviewMode::Browse => rows(frame, list, review, theme, clicks),
    }
}

fn rows(frame: &mut Frame, list: Rect, review: &Review, theme: Theme, clicks: &mut ClickMap) {
    let height = usize::from(list.height);
    let sel = review.selected;
    let start = window_start(sel, height, review.rows.len());
    for (line, (i, r)) in review
        .rows
        .iter()
        .enumerate()
        .skip(start)
        .take(height)
        .enumerate()
    {
        let (text, style) = match r {
            ReviewRow::Section { text, .. } => (text.clone(), theme.bold()),
            ReviewRow::Heading(t) => (t.clone(), theme.title()),
            ReviewRow::Item { kind, text, .. } => (
                format!("    {}: {text}", kind.label()),
                match kind {
                    ItemKind::RequiredMissing | ItemKind::Unfinished => theme.warn(),
                    _ => Style::default(),
                },
            ),
        };
        let selected = i == sel;
        let row = ListRow {
            text: &text,
            selected,
            style: if selected { theme.selected() } else { style },
            hit: Hit::ListRow(i),
        };
        list_row(frame, clicks, list, line, &row);
    }
}
