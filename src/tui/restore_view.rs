//! Drawing the restore screen: what backups are, the list newest first, and the question
//! before restoring.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::widgets::{Paragraph, Wrap};

use super::clicks::{ClickMap, Hit};
use super::restore::Restore;
use super::theme::Theme;
use super::widgets::{ListRow, list_row, window_start};

pub fn render(frame: &mut Frame, area: Rect, r: &Restore, theme: Theme) {
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
    // Backups are chosen by keys only; the clicks are not kept.
    let mut clicks = ClickMap::default();
    let rows = usize::from(list.height);
    let start = window_start(r.selected, rows, r.backups.len());
    for (line, (i, b)) in r
        .backups
        .iter()
        .enumerate()
        .skip(start)
        .take(rows)
        .enumerate()
    {
        let text = format!(
            "{}   {} answers",
            b.taken_at.format("%a %-d %b %Y, %H:%M:%S"),
            b.answered
        );
        let row = ListRow::choosable(&text, i == r.selected, theme, Hit::ListRow(i));
        list_row(frame, &mut clicks, list, line, &row);
    }
}
