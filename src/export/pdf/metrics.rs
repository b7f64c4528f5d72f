//! Measuring text in one of the report's fonts, with the real advances, so lines wrap where
//! they will really end.

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
