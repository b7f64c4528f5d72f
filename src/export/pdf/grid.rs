//! Laying out grids (the checklist, the summaries and the audit's criteria, tagged as tables
//! with header cells) and the ruled lines of the "for hub use" block.

use super::blocks::Grid;
use super::layout::{BOTTOM, Colour, Layout, Look, MARGIN_X, Op, Role, Target, WIDTH};

/// Space above and below the text in a grid row.
const PAD: f32 = 1.5;

impl Layout<'_> {
    /// A grid: a bold header row, then each row with its cells wrapped in their columns, a
    /// light rule under each; the header is repeated when the grid runs onto a new page.
    pub(super) fn grid(&mut self, g: &Grid) {
        let lh = g.size * 1.25;
        let widths: Vec<f32> = g.columns.iter().map(|(_, f)| f * WIDTH).collect();
        let header: Vec<String> = g.columns.iter().map(|(h, _)| h.clone()).collect();
        let header_cells = self.cells(&header, &widths, g.size, true);
        let first_h = g.rows.first().map_or(0.0, |r| {
            self.row_height(&self.cells_dry(r, &widths, g.size), lh)
        });
        self.ensure(self.row_height(&header_cells, lh) + first_h + 4.0);
        self.grid_row(&header_cells, &widths, lh, 0, g.size, true);
        for (i, row) in g.rows.iter().enumerate() {
            let cells = self.cells(row, &widths, g.size, false);
            let h = self.row_height(&cells, lh);
            if self.y + h > BOTTOM {
                self.new_page();
                self.block += 1;
                self.grid_row(&header_cells, &widths, lh, 0, g.size, true);
            }
            self.grid_row(&cells, &widths, lh, i + 1, g.size, false);
        }
    }

    /// Each cell's text cleaned and wrapped to its column.
    fn cells(&mut self, row: &[String], widths: &[f32], size: f32, bold: bool) -> Vec<Vec<String>> {
        row.iter()
            .zip(widths)
            .map(|(text, w)| {
                let clean = self.clean(text, bold);
                self.wrap(&clean, size, bold, w - 6.0)
            })
            .collect()
    }

    /// As [`Self::cells`] without noting missing characters, for measuring ahead.
    fn cells_dry(&self, row: &[String], widths: &[f32], size: f32) -> Vec<Vec<String>> {
        row.iter()
            .zip(widths)
            .map(|(text, w)| self.wrap(text, size, false, w - 6.0))
            .collect()
    }

    fn row_height(&self, cells: &[Vec<String>], lh: f32) -> f32 {
        let lines = cells.iter().map(Vec::len).max().unwrap_or(1).max(1);
        #[allow(clippy::cast_precision_loss)]
        let h = lines as f32 * lh + 2.0 * PAD;
        h
    }

    fn grid_row(
        &mut self,
        cells: &[Vec<String>],
        widths: &[f32],
        lh: f32,
        row: usize,
        size: f32,
        header: bool,
    ) {
        let top = self.y;
        let mut x = MARGIN_X;
        for (col, (lines, w)) in cells.iter().zip(widths).enumerate() {
            let look = cell_look(&lines.join(" "), size, header);
            self.y = top + PAD;
            for l in lines {
                self.y += lh;
                let role = Role::Cell { row, col, header };
                self.emit(x + 3.0, look, l, role, Target::None);
            }
            x += w;
        }
        self.y = top + self.row_height(cells, lh);
        let y = self.y;
        self.page().push(Op::Rule {
            x: MARGIN_X,
            y: y + 1.0,
            w: WIDTH,
        });
    }

    /// A bold label and a line to write on beside it, then `lines - 1` more full lines.
    pub(super) fn rule(&mut self, label: &str, lines: usize) {
        let look = Look::plain(10.0, true);
        let lh = 22.0;
        #[allow(clippy::cast_precision_loss)]
        self.ensure(lh * lines.max(1) as f32 + 4.0);
        let label = self.clean(label, true);
        self.y += lh;
        self.emit(MARGIN_X, look, &label, Role::Para, Target::None);
        let start = self.bold.width(&label, look.size) + 8.0;
        let y = self.y;
        self.page().push(Op::Rule {
            x: MARGIN_X + start,
            y: y + 2.0,
            w: WIDTH - start,
        });
        for _ in 1..lines {
            self.y += lh;
            let y = self.y;
            self.page().push(Op::Rule {
                x: MARGIN_X,
                y: y + 2.0,
                w: WIDTH,
            });
        }
    }
}

/// Verdicts stand out: "not met" in red and bold, "met" in bold.
fn cell_look(text: &str, size: f32, header: bool) -> Look {
    match text {
        _ if header => Look::plain(size, true),
        "NOT MET" => Look::new(size, true, Colour::Red),
        "MET" => Look::plain(size, true),
        "NOT ANSWERED" => Look::new(size, true, Colour::Grey),
        _ => Look::plain(size, false),
    }
}
