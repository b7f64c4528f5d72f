//! Drawing the export result.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Wrap};

use super::export::ExportView;
use crate::tui::theme::Theme;

pub fn render(frame: &mut Frame, area: Rect, e: &ExportView, theme: Theme) {
    let title = if e.failed {
        " Export did not finish "
    } else {
        " Your submission bundle is ready "
    };
    let style = if e.failed { theme.warn() } else { theme.ok() };
    let lines: Vec<Line> = e.lines.iter().map(|l| Line::raw(l.clone())).collect();
    frame.render_widget(
        Paragraph::new(lines).wrap(Wrap { trim: false }).block(
            Block::bordered()
                .border_style(style)
                .title(Span::styled(title, theme.bold())),
        ),
        area,
    );
}
