//! `<base>-summary.csv`: the school's submission in one row (facts, checklist, numbers and
//! judgements, from `answers::summary`) under a header row. The columns depend only on the
//! questionnaire, so 40 schools' files paste into one sheet under one header. UTF-8 with a
//! BOM; formula-looking cells neutralised as in the answers CSV.

use super::Submission;
use super::csv::cell;

/// The CSV bytes: the header row and the school's row.
///
/// # Errors
/// Only if writing to memory fails.
pub fn render(sub: &Submission<'_>) -> Result<Vec<u8>, csv::Error> {
    let mut w = csv::WriterBuilder::new().from_writer(Vec::from("\u{feff}".as_bytes()));
    w.write_record(sub.summary.iter().map(|(k, _)| k.as_str()))?;
    w.write_record(sub.summary.iter().map(|(_, v)| cell(v)))?;
    w.into_inner().map_err(|e| csv::Error::from(e.into_error()))
}
