//! Small drawing pieces every screen uses: list rows with the `›` marker (so the chosen row
//! shows without colour too), cutting text to a width, boxes, and wrapped-height estimates.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::Span;
use ratatui::widgets::{Block, Borders, Paragraph};
use ratatui_textarea::TextArea;
use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

use super::clicks::{ClickMap, Hit};
use super::theme::Theme;

/// Width of a string in cells.
pub fn width(s: &str) -> u16 {
    u16::try_from(UnicodeWidthStr::width(s)).unwrap_or(u16::MAX)
}

/// Cut a string to `max` cells, ending with … when cut. Cut between character clusters (a
/// letter and its accents, an emoji sequence) and measured as ratatui draws them, so the
/// result is never wider than `max`.
pub fn truncate(s: &str, max: usize) -> String {
    if UnicodeWidthStr::width(s) <= max {
        return s.to_string();
    }
    let mut out = String::new();
    let mut w = 0;
    for g in s.graphemes(true) {
        let gw = UnicodeWidthStr::width(g);
        if w + gw + 1 > max {
            break;
        }
        out.push_str(g);
        w += gw;
    }
    out.push('…');
    out
}

/// Rows a paragraph of `text` takes at `width`, roughly (word wrap).
pub fn rows(text: &str, width: u16) -> u16 {
    let w = usize::from(width.max(1));
    let mut total = 0usize;
    for line in text.split('\n') {
        let mut row = 0usize;
        let mut lines = 1usize;
        for word in line.split(' ') {
            let len = UnicodeWidthStr::width(word);
            if row > 0 && row + 1 + len > w {
                lines += 1 + len / w;
                row = len % w;
            } else {
                row += len + usize::from(row > 0);
            }
        }
        total += lines;
    }
    u16::try_from(total).unwrap_or(u16::MAX)
}

/// One row of a list: the `›` marker when chosen, the text cut to fit, clickable as `hit`.
pub struct ListRow<'a> {
    pub text: &'a str,
    pub selected: bool,
    pub style: Style,
    pub hit: Hit,
}

impl<'a> ListRow<'a> {
    /// A plain row: highlighted when chosen.
    pub fn choosable(text: &'a str, selected: bool, theme: Theme, hit: Hit) -> Self {
        Self {
            text,
            selected,
            style: if selected {
                theme.selected()
            } else {
                Style::default()
            },
            hit,
        }
    }
}

/// Draw `row` at line `index` of `area` (0-based).
pub fn list_row(frame: &mut Frame, clicks: &mut ClickMap, area: Rect, index: usize, row: &ListRow) {
    let y = area.y
        + u16::try_from(index)
            .unwrap_or(u16::MAX)
            .min(area.height.saturating_sub(1));
    let rect = Rect::new(area.x, y, area.width, 1);
    let marked = format!("{} {}", if row.selected { "›" } else { " " }, row.text);
    let text = truncate(&marked, usize::from(area.width));
    frame.render_widget(Paragraph::new(Span::styled(text, row.style)), rect);
    clicks.add(rect, row.hit);
}

/// The first row to draw so that `selected` stays in a window of `rows` rows.
pub fn window_start(selected: usize, rows: usize, len: usize) -> usize {
    selected
        .saturating_sub(rows.saturating_sub(1))
        .min(len.saturating_sub(rows))
}

/// A bordered box whose border and title show whether it has focus.
pub fn boxed<'a>(title: String, focused: bool, theme: Theme) -> Block<'a> {
    Block::default()
        .borders(Borders::ALL)
        .border_style(if focused {
            theme.focus_border()
        } else {
            theme.border()
        })
        .title(Span::styled(
            title,
            if focused { theme.bold() } else { theme.dim() },
        ))
}

/// A text box in a bordered box, clickable to start typing.
pub fn text_box(
    frame: &mut Frame,
    clicks: &mut ClickMap,
    area: Rect,
    text: &TextArea<'static>,
    block: Block,
) {
    let inner = block.inner(area);
    frame.render_widget(block, area);
    frame.render_widget(text, inner);
    clicks.add(area, Hit::TextBox);
}

/// A numbered list with a highlight; only the window around the highlight is drawn.
pub fn draw_list(
    frame: &mut Frame,
    area: Rect,
    items: &[(String, bool)],
    highlight: usize,
    focused: bool,
    theme: Theme,
    clicks: &mut ClickMap,
) {
    let rows = usize::from(area.height);
    let start = highlight
        .saturating_sub(rows.saturating_sub(1))
        .min(items.len().saturating_sub(rows));
    for (row, (i, (text, chosen))) in items.iter().enumerate().skip(start).take(rows).enumerate() {
        let here = i == highlight && focused;
        let style = if here {
            theme.selected()
        } else if *chosen {
            theme.bold()
        } else {
            Style::default()
        };
        let rect = Rect::new(
            area.x,
            area.y + u16::try_from(row).unwrap_or(0),
            area.width,
            1,
        );
        let pointer = if here { "›" } else { " " };
        frame.render_widget(
            Paragraph::new(Span::styled(
                format!("{pointer}{:>2}. {text}", i + 1),
                style,
            )),
            rect,
        );
        clicks.add(rect, Hit::Option(i));
    }
}
