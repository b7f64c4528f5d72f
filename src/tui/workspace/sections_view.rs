//! Drawing the list of sections (F2): each with its progress in marks and words.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Span;
use ratatui::widgets::Block;

use super::Session;
use super::marks::section_marker;
use crate::tui::clicks::{ClickMap, Hit};
use crate::tui::theme::Theme;
use crate::tui::widgets::{ListRow, list_row};

pub fn render(
    frame: &mut Frame,
    area: Rect,
    s: &Session,
    cursor: usize,
    theme: Theme,
    clicks: &mut ClickMap,
) {
    let block = Block::bordered()
        .border_style(theme.focus_border())
        .title(Span::styled(" Go to a section ", theme.bold()));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let rows = usize::from(inner.height);
    let n = s.questionnaire.sections.len();
    let start = cursor.saturating_sub(rows / 2).min(n.saturating_sub(rows));
    for (line, i) in (start..n.min(start + rows)).enumerate() {
        let p = s.walk.section_progress(i);
        let (mark, word) = section_marker(&p);
        let text = format!(
            "{mark} {:>2}. {}  —  {} of {} answered, {word}",
            i + 1,
            s.questionnaire.sections[i].title,
            p.answered,
            p.total
        );
        let row = ListRow::choosable(&text, i == cursor, theme, Hit::ListRow(i));
        list_row(frame, clicks, inner, line, &row);
    }
}
