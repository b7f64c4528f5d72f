//! Shaping text for the PDF with each font parsed once. krilla's `draw_text` parses the
//! font's tables again for every run of text it draws, which was nearly half of an export's
//! work; a `Shaper` keeps each font's parsed face and hands krilla the glyphs exactly as
//! `draw_text` would have made them. Short runs that come back on every page (the running
//! header, "Yes", level names) are shaped once.

use std::collections::HashMap;

use krilla::text::{Font, GlyphId, KrillaGlyph};
use rustybuzz::{Face, UnicodeBuffer};

/// Runs up to this long are remembered, at most `MEMO_RUNS` of them: enough for what
/// repeats, small beside the document.
const MEMO_BYTES: usize = 48;
const MEMO_RUNS: usize = 256;

struct Shaped {
    face: Face<'static>,
    units: f32,
}

pub struct Shaper {
    regular: Shaped,
    bold: Shaped,
    memo: HashMap<(bool, bool, String), Vec<KrillaGlyph>>,
}

impl Shaped {
    fn new(font: &Font, data: &'static [u8]) -> Option<Self> {
        Some(Self {
            face: Face::from_slice(data, 0)?,
            units: font.units_per_em(),
        })
    }

    /// As krilla's own shaping for `draw_text`: script and language guessed from the text,
    /// the direction given (lines come in visual runs, each one way), no features, one glyph
    /// per cluster range.
    fn shape(&self, text: &str, rtl: bool) -> Vec<KrillaGlyph> {
        let mut buffer = UnicodeBuffer::new();
        buffer.push_str(text);
        buffer.guess_segment_properties();
        buffer.set_direction(if rtl {
            rustybuzz::Direction::RightToLeft
        } else {
            rustybuzz::Direction::LeftToRight
        });
        let out = rustybuzz::shape(&self.face, &[], buffer);
        let infos = out.glyph_infos();
        let u = self.units;
        out.glyph_positions()
            .iter()
            .zip(infos)
            .enumerate()
            .map(|(i, (pos, info))| {
                let start = info.cluster as usize;
                let end = cluster_end(infos, i, rtl).map_or(text.len(), |c| c as usize);
                KrillaGlyph::new(
                    GlyphId::new(info.glyph_id),
                    pos.x_advance as f32 / u,
                    pos.x_offset as f32 / u,
                    pos.y_offset as f32 / u,
                    pos.y_advance as f32 / u,
                    start..end,
                    None,
                )
            })
            .collect()
    }
}

/// Where glyph `i`'s cluster ends in the text: the cluster of the next glyph (in reading
/// order) that belongs to another cluster; None at the end.
fn cluster_end(infos: &[rustybuzz::GlyphInfo], i: usize, rtl: bool) -> Option<u32> {
    let here = infos[i].cluster;
    if rtl {
        infos[..i].iter().rev().find(|g| g.cluster != here)
    } else {
        infos[i + 1..].iter().find(|g| g.cluster != here)
    }
    .map(|g| g.cluster)
}

impl Shaper {
    /// Each font with the data it was made from.
    pub fn new(regular: (&Font, &'static [u8]), bold: (&Font, &'static [u8])) -> Option<Self> {
        Some(Self {
            regular: Shaped::new(regular.0, regular.1)?,
            bold: Shaped::new(bold.0, bold.1)?,
            memo: HashMap::new(),
        })
    }

    /// The glyphs of `text` in the regular or bold font, shaped right to left when `rtl`.
    pub fn glyphs(&mut self, bold: bool, rtl: bool, text: &str) -> Vec<KrillaGlyph> {
        let font = if bold { &self.bold } else { &self.regular };
        if text.len() > MEMO_BYTES {
            return font.shape(text, rtl);
        }
        if let Some(g) = self.memo.get(&(bold, rtl, text.to_string())) {
            return g.clone();
        }
        let glyphs = font.shape(text, rtl);
        if self.memo.len() < MEMO_RUNS {
            self.memo
                .insert((bold, rtl, text.to_string()), glyphs.clone());
        }
        glyphs
    }
}
