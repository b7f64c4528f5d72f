//! The Schools and Answers sheets and the counts as CSV, for tools that do not read .xlsx:
//! UTF-8 with a byte-order mark, and formula-looking cells neutralised as in the school's
//! own answers.csv. Each file is written beside its final name (`.part`) and moved into
//! place whole.

use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

use super::cells::Cell;
use crate::hub::HubError;

pub struct CsvFile {
    writer: csv::Writer<BufWriter<std::fs::File>>,
    path: PathBuf,
    part: PathBuf,
}

fn failed(path: &Path, e: impl std::fmt::Display) -> HubError {
    HubError::Io {
        action: "write",
        path: path.to_path_buf(),
        reason: e.to_string(),
    }
}

/// A cell as CSV text: numbers plain, dates as YYYY-MM-DD.
fn text(c: &Cell) -> String {
    match c {
        Cell::Empty => String::new(),
        Cell::Text(s) | Cell::Link(s) => crate::export::csv::cell(s),
        Cell::Number(x) => crate::answers::parse::fmt_num(*x),
        Cell::Date(d) => d.to_string(),
    }
}

/// Where a report file is written before it is complete: beside it, so the final rename
/// stays on one disk.
pub fn part_of(path: &Path) -> PathBuf {
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push(".part");
    path.with_file_name(name)
}

/// Write `bytes` to `path` through its `.part` file.
///
/// # Errors
/// Writing or renaming failed.
pub fn write_whole(path: &Path, bytes: &[u8]) -> Result<(), HubError> {
    let part = part_of(path);
    std::fs::write(&part, bytes).map_err(|e| failed(path, e))?;
    std::fs::rename(&part, path).map_err(|e| failed(path, e))
}

impl CsvFile {
    /// Start `path` with its heading row.
    ///
    /// # Errors
    /// The folder cannot be written.
    pub fn create<'h>(
        path: &Path,
        headings: impl IntoIterator<Item = &'h str>,
    ) -> Result<Self, HubError> {
        let part = part_of(path);
        let mut file = std::fs::File::create(&part).map_err(|e| failed(path, e))?;
        file.write_all("\u{feff}".as_bytes())
            .map_err(|e| failed(path, e))?;
        let mut writer = csv::Writer::from_writer(BufWriter::new(file));
        writer
            .write_record(headings.into_iter().map(crate::export::csv::cell))
            .map_err(|e| failed(path, e))?;
        Ok(Self {
            writer,
            path: path.to_path_buf(),
            part,
        })
    }

    /// # Errors
    /// Writing failed.
    pub fn row(&mut self, cells: &[Cell]) -> Result<(), HubError> {
        self.writer
            .write_record(cells.iter().map(text))
            .map_err(|e| failed(&self.path, e))
    }

    /// Move the finished file into place.
    ///
    /// # Errors
    /// Writing or renaming failed.
    pub fn finish(self) -> Result<PathBuf, HubError> {
        let path = self.path;
        let buf = self.writer.into_inner().map_err(|e| failed(&path, e))?;
        let file = buf.into_inner().map_err(|e| failed(&path, e.error()))?;
        file.sync_all().map_err(|e| failed(&path, e))?;
        std::fs::rename(&self.part, &path).map_err(|e| failed(&path, e))?;
        Ok(path)
    }
}
