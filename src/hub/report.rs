//! `hub report`: the roll-up for one academic year — hub-<year>.xlsx, the summary PDF, and
//! CSVs of the Schools and Answers sheets and the counts — in one pass over the year's
//! submissions, each school's figures from `hub::summary`.

pub mod answers;
pub mod cells;
pub mod counts;
pub mod csv;
pub mod pdf;
pub mod rows;
pub mod sheets;
pub mod since;
pub mod xlsx;

use std::path::{Path, PathBuf};

use self::answers::ANSWER_HEADINGS;
use self::cells::{Cell, SchoolColumns};
use self::counts::Tally;
use self::csv::CsvFile;
use self::since::SinceRow;
use self::xlsx::Book;
use super::HubError;
use super::db::HubDb;
use super::summary::SchoolSummary;
use super::year::AcademicYear;
use crate::questionnaire::{Questionnaire, Registry};

/// What was written.
#[derive(Debug)]
pub struct Written {
    pub files: Vec<(PathBuf, &'static str)>,
    pub schools: usize,
    pub outstanding: usize,
    pub answers: usize,
    pub warnings: Vec<String>,
}

/// The files being written during the pass over the schools.
struct Outputs {
    book: Book,
    schools_csv: CsvFile,
    answers_csv: CsvFile,
    answers: usize,
}

fn questionnaire<'r>(registry: &'r Registry, id: &str) -> Option<&'r Questionnaire> {
    registry
        .entries
        .iter()
        .map(|e| &e.questionnaire)
        .find(|q| q.id == id)
}

/// Write the roll-up of `year` into `out`.
///
/// # Errors
/// The database cannot be read or the files cannot be written.
pub fn write(
    db: &HubDb,
    registry: &Registry,
    year: AcademicYear,
    out: &Path,
) -> Result<Written, HubError> {
    std::fs::create_dir_all(out).map_err(|e| HubError::io("create the folder", out, &e))?;
    let name = |rest: &str| out.join(format!("hub-{year}{rest}"));
    let qns: Vec<&Questionnaire> = rows::questionnaires(db, year)?
        .iter()
        .filter_map(|id| questionnaire(registry, id))
        .collect();
    let columns = SchoolColumns::new(&qns);
    let headings = columns.headings();
    let widths: Vec<_> = headings.iter().map(|(h, w, _)| (h.clone(), *w)).collect();
    let mut o = Outputs {
        book: Book::new(out, &widths, &ANSWER_HEADINGS)?,
        schools_csv: CsvFile::create(
            &name("-schools.csv"),
            headings.iter().map(|(h, _, _)| h.as_ref()),
        )?,
        answers_csv: CsvFile::create(
            &name("-answers.csv"),
            ANSWER_HEADINGS.iter().map(|(h, _)| *h),
        )?,
        answers: 0,
    };
    let before = since::year_before(db, year.previous())?;
    let mut tally = Tally::default();
    tally.expected = rows::expected_count(db)?;
    let mut since_rows = Vec::new();
    let mut unreadable = 0usize;
    rows::each_school(db, year, &mut |row| {
        let Ok(sub) = crate::import::reader::parse(Path::new("hub"), row.json.as_bytes()) else {
            // Stored at intake after the same check; a damaged row is counted, not fatal.
            unreadable += 1;
            return Ok(());
        };
        let qn = row
            .read_with_version
            .as_ref()
            .and_then(|_| questionnaire(registry, &row.questionnaire_id));
        let summary = qn.map_or_else(
            || SchoolSummary::unread(&sub.answers),
            |q| SchoolSummary::compute(q, &sub.answers, sub.generated_at.date_naive()),
        );
        let cells = columns.row(&row, &summary);
        o.book.school(&mut cells.iter().map(|(_, _, c)| c))?;
        o.schools_csv
            .row(&cells.into_iter().map(|(_, _, c)| c).collect::<Vec<_>>())?;
        let school = row.name.clone().or_else(|| summary.school.clone());
        answers::answer_rows(qn, &row, school.as_deref(), &sub, &mut |cells: Vec<
            Cell,
        >| {
            o.answers += 1;
            o.book.answer(&cells)?;
            o.answers_csv.row(&cells)
        })?;
        tally.add(&summary, qn.is_some(), !row.flags.is_empty());
        if let Some(then) = before.get(&row.school_key) {
            let now = since::Then {
                submitted: cells::day_of(&row.generated_at),
                questionnaire: row.questionnaire_id.clone(),
                overall: summary.overall.as_ref().map(|j| j.label.clone()),
                rank: summary.overall.as_ref().and_then(|j| j.rank),
                award: summary.award.as_ref().and(summary.award_label()),
            };
            let r = SinceRow {
                urn: row.urn,
                name: school,
                then: then.clone(),
                now,
                changed: sub.previous.as_ref().map(|_| sub.changed.len()),
            };
            tally.compare(&r);
            since_rows.push(r);
        }
        Ok(())
    })?;
    tally.finish();
    finish(db, o, tally, &since_rows, year, out, unreadable)
}

fn finish(
    db: &HubDb,
    o: Outputs,
    mut tally: Tally,
    since_rows: &[SinceRow],
    year: AcademicYear,
    out: &Path,
    unreadable: usize,
) -> Result<Written, HubError> {
    let name = |rest: &str| out.join(format!("hub-{year}{rest}"));
    let outstanding = rows::outstanding(db, year)?;
    tally.outstanding = outstanding.len();
    let lines = counts::lines(&tally);
    let mut book = o.book;
    sheets::outstanding(&mut book, &outstanding)?;
    sheets::since(&mut book, since_rows)?;
    sheets::counts(&mut book, &tally, &lines)?;
    let xlsx_path = name(".xlsx");
    book.save(&xlsx_path)?;
    let schools_csv = o.schools_csv.finish()?;
    let answers_csv = o.answers_csv.finish()?;
    let mut counts_csv = CsvFile::create(
        &name("-counts.csv"),
        ["count", "value", "out_of", "how_it_is_counted"],
    )?;
    for l in &lines {
        counts_csv.row(&[
            Cell::Text(l.label.clone()),
            Cell::Number(l.value),
            l.of.map_or(Cell::Empty, |n| {
                Cell::Number(f64::from(u32::try_from(n).unwrap_or(u32::MAX)))
            }),
            Cell::Text(l.how.clone()),
        ])?;
    }
    let counts_csv = counts_csv.finish()?;
    let today = chrono::Local::now().format("%-d %b %Y").to_string();
    let pdf_path = name("-summary.pdf");
    let bytes = pdf::render(&tally, &lines, year, &today)?;
    csv::write_whole(&pdf_path, &bytes)?;
    let mut warnings = Vec::new();
    if tally.schools == 0 {
        warnings.push(format!("No school has sent a submission for {year} yet: the files list only the expected schools. Choose another year with --year."));
    }
    if unreadable > 0 {
        warnings.push(format!("{unreadable} stored submissions could not be read back and are left out; take their bundles in again with `music-sef hub add`."));
    }
    if o.answers > 1_048_575 {
        warnings.push("The answers fill more than one sheet (Excel's limit is about a million rows): they continue on \"Answers 2\" and after.".into());
    }
    Ok(Written {
        files: vec![
            (
                xlsx_path,
                "the workbook: Schools, Answers, Outstanding, Since last year, Counts with charts",
            ),
            (pdf_path, "the summary for a meeting, with charts"),
            (schools_csv, "the Schools sheet as CSV"),
            (answers_csv, "the Answers sheet as CSV"),
            (
                counts_csv,
                "the annual counts and how each is counted, as CSV",
            ),
        ],
        schools: tally.schools,
        outstanding: tally.outstanding,
        answers: o.answers,
        warnings,
    })
}
