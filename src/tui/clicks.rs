//! The click map: what was drawn where, returned by rendering and read by the loop, so a
//! mouse click becomes an action without the state knowing about screen positions.

use ratatui::layout::Rect;

/// Something clickable.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Hit {
    Section(usize),
    Option(usize),
    ListRow(usize),
    TextBox,
}

#[derive(Debug, Clone, Default)]
pub struct ClickMap(Vec<(Rect, Hit)>);

impl ClickMap {
    pub fn add(&mut self, rect: Rect, hit: Hit) {
        self.0.push((rect, hit));
    }

    /// What was drawn at a cell; the first drawn wins.
    pub fn at(&self, column: u16, row: u16) -> Option<Hit> {
        self.0
            .iter()
            .find(|(r, _)| {
                column >= r.x && column < r.x + r.width && row >= r.y && row < r.y + r.height
            })
            .map(|(_, h)| *h)
    }
}
