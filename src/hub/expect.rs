//! `hub expect`: the schools a hub expects to hear from, from the DfE "Get Information about
//! Schools" extract as downloaded (Windows-1252, GIAS column names) or any CSV with a URN
//! and a name column (UTF-8, with or without a byte-order mark).

use std::path::Path;

use chrono::{SecondsFormat, Utc};
use rusqlite::params;

use super::db::HubDb;
use super::{HubError, name_key, parse_urn, shown};

/// The full GIAS extract is about 60 MB; far more is not a list of schools.
const MAX_CSV_BYTES: u64 = 300 * 1024 * 1024;

/// Accepted column names, compared without case or surrounding spaces.
const URN: &[&str] = &["urn"];
const NAME: &[&str] = &[
    "establishmentname",
    "establishment name",
    "name",
    "school",
    "school name",
    "schoolname",
    "school_name",
];
const PHASE: &[&str] = &["phaseofeducation (name)", "phase of education", "phase"];
const LA: &[&str] = &[
    "la (name)",
    "la name",
    "la",
    "local authority",
    "local_authority",
    "localauthority",
];
const STATUS: &[&str] = &[
    "establishmentstatus (name)",
    "establishment status",
    "status",
];

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExpectedSchool {
    pub urn: u32,
    pub name: String,
    pub phase: Option<String>,
    pub local_authority: Option<String>,
}

/// The list read, and what was left out and why.
#[derive(Debug, Default)]
pub struct ExpectedList {
    pub schools: Vec<ExpectedSchool>,
    pub encoding: &'static str,
    pub closed: usize,
    pub other_la: usize,
    pub no_urn: usize,
    pub repeated: usize,
}

/// Text from the file's bytes: UTF-8 (a byte-order mark is dropped) when it is valid
/// UTF-8, else Windows-1252 as GIAS writes it.
fn decode(path: &Path, bytes: &[u8]) -> Result<(String, &'static str), HubError> {
    if bytes.starts_with(b"\xff\xfe") || bytes.starts_with(b"\xfe\xff") {
        return Err(HubError::Input(format!(
            "{} is saved as \"Unicode text\" (UTF-16). In Excel choose File › Save As › \"CSV UTF-8 (comma delimited)\" and use that file.",
            shown(&path.display().to_string())
        )));
    }
    if let Some(rest) = bytes.strip_prefix(b"\xef\xbb\xbf") {
        return Ok((String::from_utf8_lossy(rest).into_owned(), "UTF-8"));
    }
    match std::str::from_utf8(bytes) {
        Ok(s) => Ok((s.to_string(), "UTF-8")),
        Err(_) => Ok((
            encoding_rs::WINDOWS_1252.decode(bytes).0.into_owned(),
            "Windows-1252",
        )),
    }
}

/// Comma, semicolon or tab, whichever the header line uses most.
fn delimiter(text: &str) -> u8 {
    let header = text.lines().next().unwrap_or("");
    [b',', b';', b'\t']
        .into_iter()
        .max_by_key(|d| header.bytes().filter(|b| b == d).count())
        .unwrap_or(b',')
}

fn column(headers: &csv::StringRecord, names: &[&str]) -> Option<usize> {
    headers
        .iter()
        .position(|h| names.contains(&h.trim().to_lowercase().as_str()))
}

/// Where the columns are in this file.
struct Columns {
    urn: usize,
    name: usize,
    phase: Option<usize>,
    la: Option<usize>,
    status: Option<usize>,
}

fn columns(shown_path: &str, headers: &csv::StringRecord) -> Result<Columns, HubError> {
    let (Some(urn), Some(name)) = (column(headers, URN), column(headers, NAME)) else {
        let found: Vec<String> = headers.iter().take(12).map(shown).collect();
        return Err(HubError::Input(format!(
            "{shown_path} needs a URN column and a school name column (EstablishmentName or Name). Its columns are: {}. Use the GIAS extract as downloaded, or add those two headings.",
            found.join(", ")
        )));
    };
    Ok(Columns {
        urn,
        name,
        phase: column(headers, PHASE),
        la: column(headers, LA),
        status: column(headers, STATUS),
    })
}

/// Keep one row, or count why it is left out.
fn take_row(
    out: &mut ExpectedList,
    row: &csv::StringRecord,
    cols: &Columns,
    wanted_las: &[String],
    seen: &mut std::collections::HashSet<u32>,
) {
    let cell = |c: Option<usize>| {
        c.and_then(|c| row.get(c))
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(str::to_string)
    };
    // GIAS lists closed schools and ones not yet open too; "Open, but proposed to close" stays.
    if cell(cols.status).is_some_and(|s| !s.to_lowercase().starts_with("open")) {
        out.closed += 1;
        return;
    }
    let la = cell(cols.la);
    if !wanted_las.is_empty()
        && !la
            .as_deref()
            .is_some_and(|l| wanted_las.contains(&l.to_lowercase()))
    {
        out.other_la += 1;
        return;
    }
    let (Some(urn), Some(name)) = (
        cell(Some(cols.urn)).as_deref().and_then(parse_urn),
        cell(Some(cols.name)),
    ) else {
        out.no_urn += 1;
        return;
    };
    if !seen.insert(urn) {
        out.repeated += 1;
        return;
    }
    out.schools.push(ExpectedSchool {
        urn,
        name,
        phase: cell(cols.phase),
        local_authority: la,
    });
}

/// Read the list, keeping open schools (when the file says) in the local authorities given
/// (all when none is given).
///
/// # Errors
/// Unreadable, not a CSV, or without URN and name columns.
pub fn read(path: &Path, only_las: &[String]) -> Result<ExpectedList, HubError> {
    let shown_path = shown(&path.display().to_string());
    let bytes = crate::import::reader::read_capped(path, MAX_CSV_BYTES, "a list of schools")
        .map_err(|e| HubError::Input(shown(&e.to_string())))?;
    let (text, encoding) = decode(path, &bytes)?;
    let mut rdr = csv::ReaderBuilder::new()
        .delimiter(delimiter(&text))
        .flexible(true)
        .from_reader(text.as_bytes());
    let headers = rdr
        .headers()
        .map_err(|e| HubError::Input(format!("{shown_path} cannot be read as CSV: {e}")))?
        .clone();
    let cols = columns(&shown_path, &headers)?;
    let wanted_las: Vec<String> = only_las.iter().map(|l| l.trim().to_lowercase()).collect();
    let mut out = ExpectedList {
        encoding,
        ..ExpectedList::default()
    };
    let mut seen = std::collections::HashSet::new();
    for (i, row) in rdr.records().enumerate() {
        let row = row.map_err(|e| HubError::Input(format!("{shown_path}, row {}: {e}", i + 2)))?;
        take_row(&mut out, &row, &cols, &wanted_las, &mut seen);
    }
    if out.schools.is_empty() {
        let las = if wanted_las.is_empty() {
            ""
        } else {
            " and the --la names"
        };
        return Err(HubError::Input(format!(
            "{shown_path} lists no school to expect ({} closed, {} in other local authorities, {} without a six-digit URN). Check the file{las}.",
            out.closed, out.other_la, out.no_urn
        )));
    }
    Ok(out)
}

/// Replace the expected list with `list`, in one transaction, then look again for the
/// school of each submission that came without a URN. Returns how many were matched.
///
/// # Errors
/// The database is in use or cannot be written.
pub fn replace(db: &HubDb, source: &Path, list: &ExpectedList) -> Result<usize, HubError> {
    let now = Utc::now().to_rfc3339_opts(SecondsFormat::Secs, true);
    let source = source.display().to_string();
    db.write(|c| {
        c.execute("DELETE FROM expected_schools", [])?;
        let mut st = c.prepare_cached(
            "INSERT INTO expected_schools (urn, name, name_key, phase, local_authority, source_file, loaded_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        )?;
        for s in &list.schools {
            st.execute(params![s.urn, s.name, name_key(&s.name), s.phase, s.local_authority, source, now])?;
        }
        super::intake::refresh::rematch_names(c)
    })
}
