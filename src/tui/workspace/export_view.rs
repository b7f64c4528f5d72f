//! Drawing the export result.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
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
    let [text, input] = Layout::vertical([
        Constraint::Min(1),
        Constraint::Length(if e.choose.is_some() { 3 } else { 0 }),
    ])
    .areas(area);
    frame.render_widget(
        Paragraph::new(lines).wrap(Wrap { trim: false }).block(
            Block::bordered()
                .border_style(style)
                .title(Span::styled(title, theme.bold())),
        ),
        text,
    );
    if let Some(choose) = &e.choose {
        let block = Block::bordered()
            .border_style(theme.focus_border())
            .title(Span::styled(
                " Folder for bundles from now on — Enter to use it, Esc to cancel ",
                theme.bold(),
            ));
        let inner = block.inner(input);
        frame.render_widget(block, input);
        frame.render_widget(&**choose, inner);
    }
}
