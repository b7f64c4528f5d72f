//! Realistic bundles for the hub's tests and benchmarks: one school's submission per index,
//! built on `synthetic` and varied per school (names, URNs, minutes, yes/no answers,
//! levels), with correct hashes, written as a zip, a folder, a submission.json or an e-mail.

use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Path, PathBuf};

use chrono::{Duration, NaiveDate, TimeZone, Utc};

use super::intake::sources::{FileCheck, Received};
use super::year::AcademicYear;
use crate::answers::{AnswerValue, Answers, is_visible};
use crate::export::json::{
    QuestionnaireId, SUBMISSION_FORMAT, SUBMISSION_FORMAT_VERSION, SubmissionFile, sha256_hex,
};
use crate::questionnaire::{Question, QuestionType as T, Questionnaire, Role};

const PLACES: [&str; 40] = [
    "Oakfield",
    "Ashby",
    "Birchwood",
    "Castle Hill",
    "Dunmore",
    "Elmstead",
    "Fairfield",
    "Glenfield",
    "Hollybank",
    "Ivy Lane",
    "Juniper",
    "Kingsway",
    "Larkrise",
    "Meadowside",
    "Northgate",
    "Orchard",
    "Parkside",
    "Queensbury",
    "Riverside",
    "Stonebridge",
    "Thornton",
    "Upton",
    "Valley Road",
    "Westfield",
    "Willowbrook",
    "Yew Tree",
    "Beacon",
    "Brookvale",
    "Church Lane",
    "Coalville",
    "Foxton",
    "Hinckley Road",
    "Loughborough Road",
    "Market Bosworth",
    "Melton",
    "Oadby",
    "Quorn",
    "Sileby",
    "Wigston",
    "Whitwick",
];
const KINDS: [&str; 8] = [
    "Primary School",
    "Church of England Primary School",
    "Infant School",
    "Junior School",
    "Academy",
    "High School",
    "Community College",
    "St Mary's Catholic Primary School",
];
const MINUTES: [i64; 8] = [0, 30, 45, 60, 60, 60, 75, 90];

/// splitmix64: a fixed, well-spread sequence, so the same index always makes the same school.
fn mix(mut x: u64) -> u64 {
    x = x.wrapping_add(0x9e37_79b9_7f4a_7c15);
    x = (x ^ (x >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    x ^ (x >> 31)
}

fn pick<T: Copy>(items: &[T], r: u64) -> T {
    #[allow(clippy::cast_possible_truncation)]
    items[(r % items.len() as u64) as usize]
}

/// The school for index `i`: URN 100000 + i and a name (names repeat, as they do).
pub fn school(i: usize) -> (u32, String) {
    let urn = 100_000 + u32::try_from(i % 900_000).unwrap_or(0);
    let name = format!(
        "{} {}",
        PLACES[i % PLACES.len()],
        KINDS[(i / PLACES.len()) % KINDS.len()]
    );
    (urn, name)
}

/// One generated bundle: the files the export writes, with the submission listing them.
#[derive(Debug, Clone)]
pub struct Bundle {
    /// The bundle's folder name, as the export makes it.
    pub base: String,
    /// The PDF and CSV, in that order.
    pub files: Vec<(String, Vec<u8>)>,
    pub submission: SubmissionFile,
    pub json: Vec<u8>,
}

fn vary(qn: &Questionnaire, q: &Question, v: &mut AnswerValue, r: u64) {
    match (q.kind, &mut *v) {
        (T::Number, _) => {
            let x = if q.id.ends_with("_minutes") {
                pick(&MINUTES, r)
            } else {
                let (lo, hi) = (q.min.unwrap_or(0.0), q.max.unwrap_or(400.0).min(400.0));
                #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
                let span = (hi - lo).max(1.0) as u64;
                #[allow(clippy::cast_possible_truncation, clippy::cast_possible_wrap)]
                let x = lo as i64 + (r % span) as i64;
                x
            };
            *v = AnswerValue::Number(x.into());
        }
        (T::YesNo, _) => *v = AnswerValue::Bool(r % 10 < 7),
        (T::SingleChoice, AnswerValue::Text(s)) if !q.options.is_empty() => {
            *s = q.options[usize::try_from(r).unwrap_or(0) % q.options.len()]
                .id
                .clone();
        }
        (T::MultiChoice, AnswerValue::List(list)) if !q.options.is_empty() => {
            *list = q
                .options
                .iter()
                .enumerate()
                .filter(|(k, _)| (r >> k) & 1 == 1)
                .map(|(_, o)| o.id.clone())
                .collect();
            if list.is_empty() {
                list.push(q.options[0].id.clone());
            }
        }
        (T::Rating | T::Criterion, AnswerValue::Level(l)) => {
            if let Some(scale) = qn.scale_of(q).filter(|s| !s.levels.is_empty()) {
                let n = scale.levels.len();
                let k = usize::try_from(r % n as u64).unwrap_or(0);
                l.level = Some(scale.levels[k].id.clone());
                l.target = q
                    .offers_target()
                    .then(|| scale.levels[(k + 1).min(n - 1)].id.clone());
            }
        }
        _ => {}
    }
}

/// Answers for school `i` in `year`: every question that applies, varied.
pub fn answers(qn: &Questionnaire, i: usize, year: AcademicYear) -> Answers {
    let (urn, name) = school(i);
    let mut a = crate::synthetic::answers(qn, 160);
    for (n, (_, q)) in qn.questions().enumerate() {
        let r = mix((i as u64) << 20 | n as u64 | (u64::from(year.0.unsigned_abs()) << 40));
        if let Some(v) = a.get_mut(&q.id) {
            vary(qn, q, v, r);
            match q.role {
                Some(Role::SchoolName) => *v = AnswerValue::Text(name.clone()),
                Some(Role::Urn) => *v = AnswerValue::Number(urn.into()),
                Some(Role::CompletionDate) => *v = AnswerValue::Text(day(year, i).to_string()),
                Some(Role::AcademicYear) => {
                    // Options made from the date offer only this year onwards, but a school
                    // that answered last year chose last year's option.
                    let id = q
                        .options
                        .iter()
                        .find(|o| AcademicYear::parse(&o.id) == Some(year))
                        .map_or_else(|| year.label(), |o| o.id.clone());
                    *v = AnswerValue::Text(id);
                }
                _ => {}
            }
        }
    }
    // Varied answers can hide later questions; drop what no longer applies, in order.
    for (_, q) in qn.questions() {
        if !is_visible(q, &a) {
            a.remove(&q.id);
        }
    }
    a
}

/// A day in the autumn term of `year`, different per school.
fn day(year: AcademicYear, i: usize) -> NaiveDate {
    let start = NaiveDate::from_ymd_opt(year.0, 9, 15).unwrap_or_default();
    start + Duration::days(i64::try_from(i % 90).unwrap_or(0))
}

/// Stand-in PDF bytes: the hub only hashes the report, but its size (and that it does not
/// compress away) matters for timing.
fn pdf_bytes(seed: u64, len: usize) -> Vec<u8> {
    let mut b = b"%PDF-1.7\n% generated by music-sef for tests\n".to_vec();
    let mut x = seed;
    while b.len() < len {
        x = mix(x);
        b.extend_from_slice(&x.to_le_bytes());
    }
    b.extend_from_slice(b"\n%%EOF\n");
    b
}

fn csv_bytes(a: &Answers) -> Vec<u8> {
    let mut out = b"\xef\xbb\xbfquestion_id,value\n".to_vec();
    for (id, v) in a {
        let _ = writeln!(
            out,
            "{id},\"{}\"",
            v.to_json().to_string().replace('"', "\"\"")
        );
    }
    out
}

/// The bundle of school `i` for `year`, exported on a day in that year's autumn term.
pub fn bundle(qn: &Questionnaire, i: usize, year: AcademicYear) -> Bundle {
    let (urn, name) = school(i);
    let answers = answers(qn, i, year);
    let date = day(year, i);
    // Named as the school's own export names its files.
    let base =
        crate::export::names::bundle_base(Some(&urn.to_string()), &name, &qn.id, &date.to_string());
    let files = vec![
        (format!("{base}.pdf"), pdf_bytes(i as u64, 48 * 1024)),
        (format!("{base}-answers.csv"), csv_bytes(&answers)),
    ];
    let at = date
        .and_hms_opt(10, 0, 0)
        .map(|t| Utc.from_utc_datetime(&t))
        .unwrap_or_default()
        + Duration::seconds(i64::try_from(i % 86_400).unwrap_or(0));
    let plan_url = qn
        .with_role(Role::DevelopmentPlanUrl)
        .find_map(|q| answers.get(&q.id)?.as_text().map(str::to_string));
    let submission = SubmissionFile {
        format: SUBMISSION_FORMAT.to_string(),
        format_version: SUBMISSION_FORMAT_VERSION,
        questionnaire: QuestionnaireId {
            id: qn.id.clone(),
            version: qn.version.clone(),
        },
        title: format!("{name} – {year}"),
        answers,
        generated_at: at,
        app_version: env!("CARGO_PKG_VERSION").to_string(),
        files: files
            .iter()
            .map(|(n, b)| (n.clone(), sha256_hex(b)))
            .collect::<BTreeMap<_, _>>(),
        development_plan_url: plan_url,
        previous: None,
        changed: Vec::new(),
        agreed: None,
    };
    let json = serde_json::to_vec_pretty(&submission).unwrap_or_default();
    Bundle {
        base,
        files,
        submission,
        json,
    }
}

impl Bundle {
    fn all_files(&self) -> impl Iterator<Item = (String, &[u8])> {
        self.files
            .iter()
            .map(|(n, b)| (n.clone(), b.as_slice()))
            .chain(std::iter::once((
                format!("{}-submission.json", self.base),
                self.json.as_slice(),
            )))
    }

    /// `<dir>/<base>.zip`, laid out as the export's zip.
    ///
    /// # Errors
    /// Writing failed.
    pub fn write_zip(&self, dir: &Path) -> std::io::Result<PathBuf> {
        let path = dir.join(format!("{}.zip", self.base));
        let mut zw = zip::ZipWriter::new(std::fs::File::create(&path)?);
        let opts = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated);
        for (name, bytes) in self.all_files() {
            zw.start_file(format!("{}/{name}", self.base), opts)
                .map_err(std::io::Error::other)?;
            zw.write_all(bytes)?;
        }
        zw.finish().map_err(std::io::Error::other)?;
        Ok(path)
    }

    /// `<dir>/<base>/` with the files in it.
    ///
    /// # Errors
    /// Writing failed.
    pub fn write_folder(&self, dir: &Path) -> std::io::Result<PathBuf> {
        let folder = dir.join(&self.base);
        std::fs::create_dir_all(&folder)?;
        for (name, bytes) in self.all_files() {
            std::fs::write(folder.join(&name), bytes)?;
        }
        Ok(folder)
    }

    /// `<dir>/<base>.eml`: the e-mail with the files attached.
    ///
    /// # Errors
    /// Writing failed.
    pub fn write_eml(&self, dir: &Path) -> std::io::Result<PathBuf> {
        // A plain message like a school's: the bundle's files attached, base64.
        let mut m = mail_builder::MessageBuilder::new()
            .to("hub@example.org")
            .subject(format!("Music self-evaluation – {}", self.submission.title))
            .text_body("Attached.");
        for (name, bytes) in self.all_files() {
            m = m.attachment("application/octet-stream", name, bytes.to_vec());
        }
        let bytes = m.write_to_vec()?;
        let path = dir.join(format!("{}.eml", self.base));
        std::fs::write(&path, bytes)?;
        Ok(path)
    }

    /// As `hub add` would read it from the zip, without writing anything.
    pub fn received(&self) -> Received {
        Received {
            source: PathBuf::from(format!("{}.zip", self.base)),
            json: self.json.clone(),
            submission: self.submission.clone(),
            files: self
                .files
                .iter()
                .map(|(n, b)| FileCheck {
                    name: n.clone(),
                    expected: sha256_hex(b),
                    actual: Some(sha256_hex(b)),
                })
                .collect(),
            bare: false,
        }
    }
}
