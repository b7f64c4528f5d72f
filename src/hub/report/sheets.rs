//! The workbook's smaller sheets: Outstanding, Since last year, and Counts with the
//! annual counts table and the native charts drawn from it.

use std::borrow::Cow;

use rust_xlsxwriter::{Chart, ChartType, Worksheet, XlsxError};

use super::cells::{Cell, day_of};
use super::counts::{CountLine, HOUR_STAGES, Tally};
use super::rows::Outstanding;
use super::since::SinceRow;
use super::xlsx::{Book, Formats, failed, headings, put};
use crate::hub::HubError;
use crate::hub::summary::KEY_STAGES;

fn sheet<'b>(book: &'b mut Book, name: &str) -> Result<&'b mut Worksheet, XlsxError> {
    let ws = book.wb.add_worksheet();
    ws.set_name(name)?;
    Ok(ws)
}

/// Rows of cells under the heading row, with a filter over them.
fn rows(
    ws: &mut Worksheet,
    h: &[(&str, f64)],
    f: &Formats,
    data: impl Iterator<Item = Vec<Cell>>,
) -> Result<(), XlsxError> {
    let h: Vec<(Cow<'_, str>, f64)> = h.iter().map(|(h, w)| (Cow::Borrowed(*h), *w)).collect();
    headings(ws, &h, f, 1)?;
    let mut links = 0;
    let mut last = 0;
    for (r, cells) in data.enumerate() {
        last = u32::try_from(r + 1).unwrap_or(u32::MAX);
        for (c, cell) in cells.iter().enumerate() {
            put(
                ws,
                last,
                u16::try_from(c).unwrap_or(u16::MAX),
                cell,
                f,
                &mut links,
            )?;
        }
    }
    ws.autofilter(
        0,
        0,
        last,
        u16::try_from(h.len().saturating_sub(1)).unwrap_or(0),
    )?;
    Ok(())
}

/// # Errors
/// Writing failed.
pub fn outstanding(book: &mut Book, list: &[Outstanding]) -> Result<(), HubError> {
    let f = Formats {
        heading: book.formats.heading.clone(),
        date: book.formats.date.clone(),
    };
    let ws = sheet(book, "Outstanding").map_err(|e| failed(&e))?;
    let h = [
        ("URN", 9.0),
        ("School", 34.0),
        ("Phase", 14.0),
        ("Local authority", 20.0),
        ("Last sent a submission", 14.0),
    ];
    let text = |s: &Option<String>| s.clone().map_or(Cell::Empty, Cell::Text);
    let data = list.iter().map(|o| {
        vec![
            Cell::Number(f64::from(o.urn)),
            Cell::Text(o.name.clone()),
            text(&o.phase),
            text(&o.local_authority),
            o.last_sent
                .as_deref()
                .and_then(day_of)
                .map_or(Cell::Empty, Cell::Date),
        ]
    });
    rows(ws, &h, &f, data).map_err(|e| failed(&e))
}

/// # Errors
/// Writing failed.
pub fn since(book: &mut Book, list: &[SinceRow]) -> Result<(), HubError> {
    let f = Formats {
        heading: book.formats.heading.clone(),
        date: book.formats.date.clone(),
    };
    let ws = sheet(book, "Since last year").map_err(|e| failed(&e))?;
    rows(
        ws,
        &SinceRow::HEADINGS,
        &f,
        list.iter().map(SinceRow::cells),
    )
    .map_err(|e| failed(&e))
}

/// A small table for a chart: a label column and one value column per series, at `top`.
/// Returns the rows it used (headings included).
fn chart_table(
    ws: &mut Worksheet,
    top: u32,
    title: &str,
    series: &[&str],
    data: &[(String, Vec<f64>)],
    f: &Formats,
) -> Result<u32, XlsxError> {
    ws.write_string_with_format(top, 0, title, &f.heading)?;
    for (i, s) in series.iter().enumerate() {
        ws.write_string_with_format(top, u16::try_from(i + 1).unwrap_or(1), *s, &f.heading)?;
    }
    for (r, (label, values)) in data.iter().enumerate() {
        let row = top + 1 + u32::try_from(r).unwrap_or(0);
        ws.write_string(row, 0, label)?;
        for (i, v) in values.iter().enumerate() {
            ws.write_number(row, u16::try_from(i + 1).unwrap_or(1), *v)?;
        }
    }
    Ok(1 + u32::try_from(data.len()).unwrap_or(0))
}

/// A native chart over the table at `top`, placed to the right of the tables.
fn chart(
    ws: &mut Worksheet,
    kind: ChartType,
    title: &str,
    top: u32,
    rows: u32,
    series: &[&str],
    at: u32,
) -> Result<(), XlsxError> {
    if rows < 2 {
        return Ok(());
    }
    let mut chart = Chart::new(kind);
    chart.title().set_name(title);
    for (i, s) in series.iter().enumerate() {
        let c = u16::try_from(i + 1).unwrap_or(1);
        chart
            .add_series()
            .set_name(*s)
            .set_categories(("Counts", top + 1, 0, top + rows - 1, 0))
            .set_values(("Counts", top + 1, c, top + rows - 1, c));
    }
    if series.len() == 1 {
        chart.legend().set_hidden();
    }
    ws.insert_chart(at, 6, &chart)?;
    Ok(())
}

#[allow(clippy::cast_precision_loss)]
fn n(x: usize) -> f64 {
    x as f64
}

/// One chart and the small table it is drawn from.
struct ChartSpec {
    title: &'static str,
    series: Vec<String>,
    rows: Vec<(String, Vec<f64>)>,
    kind: ChartType,
}

/// Sections down, bands across: how many schools' sections fall in each band.
type Table = Vec<(String, Vec<f64>)>;

fn section_table(t: &Tally) -> (Vec<String>, Table) {
    let mut bands: Vec<String> = Vec::new();
    for (_, c) in &t.sections {
        for (b, _) in &c.0 {
            if !bands.contains(b) {
                bands.push(b.clone());
            }
        }
    }
    let sections: Table = t
        .sections
        .iter()
        .map(|(s, c)| {
            (
                s.clone(),
                bands
                    .iter()
                    .map(|b| n(c.0.iter().find(|(x, _)| x == b).map_or(0, |(_, k)| *k)))
                    .collect(),
            )
        })
        .collect();
    (bands, sections)
}

/// The data behind each chart.
fn chart_data(t: &Tally) -> Vec<ChartSpec> {
    let provision = vec![
        ("Published development plan".to_string(), vec![n(t.plan)]),
        (
            "Whole-class ensemble teaching".to_string(),
            vec![n(t.wcet.yes)],
        ),
        ("Choir or vocal group".to_string(), vec![n(t.choir.yes)]),
        ("Band or ensemble".to_string(), vec![n(t.ensemble.yes)]),
    ];
    let hour = HOUR_STAGES
        .iter()
        .map(|&k| (KEY_STAGES[k].0.to_string(), vec![n(t.below_hour[k].yes)]))
        .collect();
    let overall = t
        .overall
        .iter()
        .map(|(_, l, c)| (l.clone(), vec![n(*c)]))
        .collect();
    let (bands, sections) = section_table(t);
    let counted = |c: &super::counts::Counter| {
        c.0.iter()
            .map(|(l, k)| (l.clone(), vec![n(*k)]))
            .collect::<Vec<_>>()
    };
    let one = || vec!["Schools".to_string()];
    let spec = |title, series, rows, kind| ChartSpec {
        title,
        series,
        rows,
        kind,
    };
    vec![
        spec(
            "Schools with each kind of provision",
            one(),
            provision,
            ChartType::Bar,
        ),
        spec(
            "Schools under an hour a week, by key stage",
            one(),
            hour,
            ChartType::Column,
        ),
        spec("Overall self-judgement", one(), overall, ChartType::Column),
        spec(
            "Judgement per section (schools in each band)",
            bands,
            sections,
            ChartType::BarStacked,
        ),
        spec(
            "Support asked for",
            one(),
            counted(&t.support),
            ChartType::Bar,
        ),
        spec(
            "Indicative award (audits)",
            one(),
            counted(&t.awards),
            ChartType::Column,
        ),
    ]
}

/// The Counts sheet: the annual counts with how each is counted, then the tables the
/// charts beside them are drawn from.
///
/// # Errors
/// Writing failed.
pub fn counts(book: &mut Book, t: &Tally, lines: &[CountLine]) -> Result<(), HubError> {
    let f = Formats {
        heading: book.formats.heading.clone(),
        date: book.formats.date.clone(),
    };
    let ws = sheet(book, "Counts").map_err(|e| failed(&e))?;
    let go = |ws: &mut Worksheet| -> Result<(), XlsxError> {
        let h = [
            ("Count", 48.0),
            ("Value", 10.0),
            ("Out of", 10.0),
            ("How it is counted", 80.0),
        ];
        let data = lines.iter().map(|l| {
            vec![
                Cell::Text(l.label.clone()),
                Cell::Number(l.value),
                l.of.map_or(Cell::Empty, |o| Cell::Number(n(o))),
                Cell::Text(l.how.clone()),
            ]
        });
        rows(ws, &h, &f, data)?;
        let mut top = u32::try_from(lines.len()).unwrap_or(0) + 3;
        let mut at = 1;
        for c in chart_data(t) {
            let names: Vec<&str> = c.series.iter().map(String::as_str).collect();
            let used = chart_table(ws, top, c.title, &names, &c.rows, &f)?;
            chart(ws, c.kind, c.title, top, used, &names, at)?;
            if used >= 2 {
                at += 18;
            }
            top += used + 2;
        }
        Ok(())
    };
    go(ws).map_err(|e| failed(&e))
}
