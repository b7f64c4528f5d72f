//! `hub-<year>.xlsx` (rust_xlsxwriter): the Schools and Answers sheets streamed row by row
//! (constant memory, so a national roll-up fits), Outstanding, Since last year, and Counts
//! with native charts; frozen headings, filters, widths, numbers as numbers, dates as dates.

use std::borrow::Cow;
use std::path::Path;

use rust_xlsxwriter::{ExcelDateTime, Format, Url, Workbook, Worksheet, XlsxError};

use super::cells::Cell;
use crate::hub::HubError;

/// Excel's limits: rows per sheet, characters per cell, links per sheet.
const MAX_ROWS: u32 = 1_048_576;
const MAX_CELL: usize = 32_767;
const MAX_LINKS: usize = 65_000;

pub struct Formats {
    pub heading: Format,
    pub date: Format,
}

/// One sheet being streamed: where it is in the workbook and the next row.
struct Stream {
    index: usize,
    row: u32,
    cols: u16,
    links: usize,
}

pub struct Book {
    pub wb: Workbook,
    pub formats: Formats,
    schools: Stream,
    answers: Vec<Stream>,
    answer_headings: Vec<(Cow<'static, str>, f64)>,
}

pub fn failed(e: &XlsxError) -> HubError {
    HubError::Input(format!("the spreadsheet could not be written: {e}"))
}

fn col(i: usize) -> u16 {
    u16::try_from(i).unwrap_or(u16::MAX)
}

/// Headings in bold on row 0, widths set, the heading row (and `frozen_cols`) frozen.
pub fn headings(
    ws: &mut Worksheet,
    headings: &[(Cow<'_, str>, f64)],
    f: &Formats,
    frozen_cols: u16,
) -> Result<(), XlsxError> {
    for (i, (h, w)) in headings.iter().enumerate() {
        ws.set_column_width(col(i), *w)?;
        ws.write_string_with_format(0, col(i), h.as_ref(), &f.heading)?;
    }
    ws.set_freeze_panes(1, frozen_cols)?;
    Ok(())
}

/// Write one cell; a link becomes text past Excel's limit on links.
pub fn put(
    ws: &mut Worksheet,
    row: u32,
    c: u16,
    cell: &Cell,
    f: &Formats,
    links: &mut usize,
) -> Result<(), XlsxError> {
    match cell {
        Cell::Empty => {}
        Cell::Text(s) => {
            let s: Cow<'_, str> = if s.chars().count() > MAX_CELL {
                s.chars()
                    .take(MAX_CELL - 1)
                    .chain(std::iter::once('…'))
                    .collect::<String>()
                    .into()
            } else {
                s.into()
            };
            ws.write_string(row, c, s.as_ref())?;
        }
        Cell::Number(x) => {
            ws.write_number(row, c, *x)?;
        }
        Cell::Date(d) => {
            use chrono::Datelike;
            let y = u16::try_from(d.year()).unwrap_or(1900);
            #[allow(clippy::cast_possible_truncation)]
            let dt = ExcelDateTime::from_ymd(y, d.month() as u8, d.day() as u8)?;
            ws.write_datetime_with_format(row, c, &dt, &f.date)?;
        }
        Cell::Link(url) => {
            let ok = *links < MAX_LINKS
                && url.len() < 2_000
                && (url.starts_with("https://") || url.starts_with("http://"));
            if ok && ws.write_url(row, c, Url::new(url.as_str())).is_ok() {
                *links += 1;
            } else {
                ws.write_string(row, c, url.as_str())?;
            }
        }
    }
    Ok(())
}

impl Book {
    /// Start the workbook with the Schools and Answers sheets; their temporary files go in
    /// `tempdir` (beside the report, on disk rather than in memory).
    ///
    /// # Errors
    /// The temporary files cannot be made.
    pub fn new(
        tempdir: &Path,
        schools: &[(Cow<'_, str>, f64)],
        answers: &[(&'static str, f64)],
    ) -> Result<Self, HubError> {
        let mut wb = Workbook::new();
        wb.set_tempdir(tempdir).map_err(|e| failed(&e))?;
        // The fastest level: the national roll-up's Answers sheet is large, and time matters
        // more than a smaller file.
        wb.set_zip_compression_level(1);
        let formats = Formats {
            heading: Format::new().set_bold().set_text_wrap(),
            date: Format::new().set_num_format("d mmm yyyy"),
        };
        let answer_headings: Vec<(Cow<'static, str>, f64)> = answers
            .iter()
            .map(|(h, w)| (Cow::Borrowed(*h), *w))
            .collect();
        let mut book = Self {
            wb,
            formats,
            schools: Stream {
                index: 0,
                row: 1,
                cols: col(schools.len()),
                links: 0,
            },
            answers: Vec::new(),
            answer_headings,
        };
        book.add_stream("Schools", schools, 2)?;
        book.add_answers_sheet()?;
        Ok(book)
    }

    fn add_stream(
        &mut self,
        name: &str,
        h: &[(Cow<'_, str>, f64)],
        frozen: u16,
    ) -> Result<usize, HubError> {
        let ws = self
            .wb
            .add_worksheet_with_constant_memory()
            .map_err(|e| failed(&e))?;
        ws.set_name(name).map_err(|e| failed(&e))?;
        headings(ws, h, &self.formats, frozen).map_err(|e| failed(&e))?;
        Ok(self.wb.worksheets().len() - 1)
    }

    fn add_answers_sheet(&mut self) -> Result<(), HubError> {
        let name = match self.answers.len() {
            0 => "Answers".to_string(),
            n => format!("Answers {}", n + 1),
        };
        let h = self.answer_headings.clone();
        let index = self.add_stream(&name, &h, 1)?;
        self.answers.push(Stream {
            index,
            row: 1,
            cols: col(h.len()),
            links: 0,
        });
        Ok(())
    }

    fn write(
        &mut self,
        which: Option<usize>,
        cells: &mut dyn Iterator<Item = &Cell>,
    ) -> Result<(), HubError> {
        let stream = match which {
            None => &mut self.schools,
            Some(i) => &mut self.answers[i],
        };
        let ws = self
            .wb
            .worksheet_from_index(stream.index)
            .map_err(|e| failed(&e))?;
        for (i, cell) in cells.enumerate() {
            put(
                ws,
                stream.row,
                col(i),
                cell,
                &self.formats,
                &mut stream.links,
            )
            .map_err(|e| failed(&e))?;
        }
        stream.row += 1;
        Ok(())
    }

    /// # Errors
    /// Writing failed.
    pub fn school(&mut self, cells: &mut dyn Iterator<Item = &Cell>) -> Result<(), HubError> {
        self.write(None, cells)
    }

    /// One answer row; a full sheet continues on the next ("Answers 2" …).
    ///
    /// # Errors
    /// Writing failed.
    pub fn answer(&mut self, cells: &[Cell]) -> Result<(), HubError> {
        if self.answers.last().is_some_and(|s| s.row >= MAX_ROWS) {
            self.add_answers_sheet()?;
        }
        let last = self.answers.len() - 1;
        self.write(Some(last), &mut cells.iter())
    }

    /// Filters over the streamed sheets, then save to `path` (via a temporary name).
    ///
    /// # Errors
    /// Saving failed.
    pub fn save(mut self, path: &Path) -> Result<(), HubError> {
        for s in std::iter::once(&self.schools).chain(&self.answers) {
            let ws = self
                .wb
                .worksheet_from_index(s.index)
                .map_err(|e| failed(&e))?;
            ws.autofilter(0, 0, s.row.saturating_sub(1), s.cols.saturating_sub(1))
                .map_err(|e| failed(&e))?;
        }
        let tmp = super::csv::part_of(path);
        self.wb.save(&tmp).map_err(|e| failed(&e))?;
        std::fs::rename(&tmp, path).map_err(|e| HubError::io("write", path, &e))
    }
}
