//! Laying the report out on A4 pages: text measured with the real font, wrapped at word
//! boundaries (long words split), pages broken so nothing runs off the bottom, headings
//! kept with what follows. Produces drawing operations; `pdf.rs` turns them into PDF.

use std::collections::BTreeSet;

use super::content::{Block, Style};

pub const PAGE_W: f32 = 595.0;
pub const PAGE_H: f32 = 842.0;
pub const MARGIN_X: f32 = 56.0;
pub const TOP: f32 = 70.0;
pub const BOTTOM: f32 = 780.0;
/// The width text is set in.
const WIDTH: f32 = PAGE_W - 2.0 * MARGIN_X;

/// Measures text in one font.
pub struct Metrics {
    face: ttf_parser::Face<'static>,
    units: f32,
}

impl Metrics {
    pub fn new(data: &'static [u8]) -> Option<Self> {
        let face = ttf_parser::Face::parse(data, 0).ok()?;
        let units = f32::from(face.units_per_em());
        Some(Self { face, units })
    }

    pub fn has(&self, c: char) -> bool {
        self.face.glyph_index(c).is_some()
    }

    pub fn width(&self, text: &str, size: f32) -> f32 {
        text.chars()
            .map(|c| {
                self.face
                    .glyph_index(c)
                    .and_then(|g| self.face.glyph_hor_advance(g))
                    .map_or(0.5 * self.units, f32::from)
            })
            .sum::<f32>()
            * size
            / self.units
    }
}

/// What a line of text is, for the PDF's tag tree (screen readers, reflow on phones).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    Title,
    Heading,
    Subheading,
    Para,
    /// The text of the development plan link.
    Link,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Op {
    Text {
        x: f32,
        y: f32,
        look: Look,
        text: String,
        block: usize,
        role: Role,
    },
    Underline {
        x: f32,
        y: f32,
        w: f32,
    },
    Link {
        x: f32,
        y: f32,
        w: f32,
        h: f32,
        url: String,
        block: usize,
    },
}

pub struct Layout<'a> {
    regular: &'a Metrics,
    bold: &'a Metrics,
    pub pages: Vec<Vec<Op>>,
    y: f32,
    /// Characters neither font can draw, replaced on the page and reported.
    pub missing: BTreeSet<char>,
    /// Index of the block being laid out: lines of one block form one tagged element.
    block: usize,
}

/// How a line of text is drawn: its size, weight and colour.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Look {
    pub size: f32,
    pub bold: bool,
    pub colour: Colour,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Colour {
    Black,
    Grey,
    /// Links and "changed since" marks.
    Blue,
}

impl Look {
    const fn new(size: f32, bold: bool, colour: Colour) -> Self {
        Self { size, bold, colour }
    }

    const fn plain(size: f32, bold: bool) -> Self {
        Self::new(size, bold, Colour::Black)
    }

    pub fn of(s: Style) -> Self {
        match s {
            Style::Title => Self::plain(20.0, true),
            Style::Heading => Self::plain(15.0, true),
            Style::Subheading => Self::plain(12.0, true),
            Style::Bold => Self::plain(10.5, true),
            Style::Body => Self::plain(10.5, false),
            Style::Muted => Self::new(9.5, false, Colour::Grey),
            Style::Mark => Self::new(9.5, true, Colour::Blue),
        }
    }
}

impl<'a> Layout<'a> {
    pub fn new(regular: &'a Metrics, bold: &'a Metrics) -> Self {
        Self {
            regular,
            bold,
            pages: vec![Vec::new()],
            y: TOP,
            missing: BTreeSet::new(),
            block: 0,
        }
    }

    fn page(&mut self) -> &mut Vec<Op> {
        if self.pages.is_empty() {
            self.pages.push(Vec::new());
        }
        let last = self.pages.len() - 1;
        &mut self.pages[last]
    }

    fn new_page(&mut self) {
        self.pages.push(Vec::new());
        self.y = TOP;
    }

    fn ensure(&mut self, height: f32) {
        if self.y + height > BOTTOM && self.y > TOP {
            self.new_page();
        }
    }

    /// Replace characters the font cannot draw, and control characters, so the page never
    /// shows blanks silently.
    fn clean(&mut self, text: &str, bold: bool) -> String {
        let m = if bold { self.bold } else { self.regular };
        text.chars()
            .filter(|c| !c.is_control() || *c == '\n')
            .map(|c| {
                if c == '\n' || c.is_whitespace() || m.has(c) {
                    c
                } else {
                    self.missing.insert(c);
                    '?'
                }
            })
            .collect()
    }

    /// Break text into lines that fit `width`.
    pub fn wrap(&self, text: &str, size: f32, bold: bool, width: f32) -> Vec<String> {
        let m = if bold { self.bold } else { self.regular };
        let space = m.width(" ", size);
        let mut lines = Vec::new();
        for para in text.split('\n') {
            let mut line = String::new();
            let mut w = 0.0;
            for word in para.split_whitespace() {
                let ww = m.width(word, size);
                if ww > width {
                    // A word longer than the line: split it by characters.
                    for c in word.chars() {
                        let cw = m.width(c.encode_utf8(&mut [0; 4]), size);
                        if w + cw > width && !line.is_empty() {
                            lines.push(std::mem::take(&mut line));
                            w = 0.0;
                        }
                        line.push(c);
                        w += cw;
                    }
                    continue;
                }
                let extra = if line.is_empty() { ww } else { space + ww };
                if w + extra > width && !line.is_empty() {
                    lines.push(std::mem::take(&mut line));
                    w = 0.0;
                }
                if !line.is_empty() {
                    line.push(' ');
                    w += space;
                }
                line.push_str(word);
                w += ww;
            }
            lines.push(line);
        }
        lines
    }

    /// Place one line of text in the current block.
    fn line(&mut self, x: f32, look: Look, text: String, role: Role) {
        let y = self.y;
        let block = self.block;
        self.page().push(Op::Text {
            x,
            y,
            look,
            text,
            block,
            role,
        });
    }

    pub fn block(&mut self, b: &Block) {
        self.block += 1;
        match b {
            Block::Gap(g) => self.y += g,
            Block::PageBreak => self.new_page(),
            Block::Text {
                style,
                text,
                indent,
            } => self.text(*style, text, *indent),
            Block::Pair { label, value } => self.pair(label, value),
            Block::Link { label, url } => self.link(label, url),
        }
    }

    fn text(&mut self, style: Style, text: &str, indent: f32) {
        let look = Look::of(style);
        let role = match style {
            Style::Title => Role::Title,
            Style::Heading => Role::Heading,
            Style::Subheading => Role::Subheading,
            _ => Role::Para,
        };
        let clean = self.clean(text, look.bold);
        let lines = self.wrap(&clean, look.size, look.bold, WIDTH - indent);
        let lh = look.size * 1.35;
        // Keep a heading with at least two lines of what follows.
        let keep = if matches!(style, Style::Heading | Style::Subheading | Style::Bold) {
            3.0 * lh
        } else {
            lh
        };
        self.ensure(keep);
        for l in lines {
            self.ensure(lh);
            self.y += lh;
            self.line(MARGIN_X + indent, look, l, role);
        }
    }

    fn pair(&mut self, label: &str, value: &str) {
        let size = 10.0;
        let lh = size * 1.35;
        let label = self.clean(label, true);
        let value = self.clean(value, false);
        // One label column for every pair, so values line up down the page.
        let label_w = WIDTH * 0.36;
        let label_lines = self.wrap(&label, size, true, label_w - 6.0);
        let value_lines = self.wrap(&value, size, false, WIDTH - label_w);
        for i in 0..label_lines.len().max(value_lines.len()) {
            self.ensure(lh);
            self.y += lh;
            if let Some(l) = label_lines.get(i) {
                self.line(MARGIN_X, Look::plain(size, true), l.clone(), Role::Para);
            }
            if let Some(v) = value_lines.get(i) {
                let x = MARGIN_X + label_w;
                self.line(x, Look::plain(size, false), v.clone(), Role::Para);
            }
        }
    }

    fn link(&mut self, label: &str, url: &str) {
        let size = 11.0;
        let lh = size * 1.4;
        self.ensure(lh * 2.0);
        self.y += lh;
        self.line(
            MARGIN_X,
            Look::plain(size, true),
            label.to_string(),
            Role::Para,
        );
        let url_clean = self.clean(url, false);
        for l in self.wrap(&url_clean, size, false, WIDTH) {
            self.ensure(lh);
            self.y += lh;
            let y = self.y;
            let w = self.regular.width(&l, size);
            let look = Look::new(size, false, Colour::Blue);
            self.line(MARGIN_X, look, l, Role::Link);
            let block = self.block;
            let page = self.page();
            page.push(Op::Underline {
                x: MARGIN_X,
                y: y + 1.5,
                w,
            });
            page.push(Op::Link {
                x: MARGIN_X,
                y: y - size,
                w,
                h: size * 1.3,
                url: url.to_string(),
                block,
            });
        }
    }
}
