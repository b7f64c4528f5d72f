//! The Schools sheet as rows of typed cells (numbers as numbers, dates as dates), shared
//! by the .xlsx and the CSV so both always hold the same columns.

use std::borrow::Cow;

use chrono::NaiveDate;

use super::rows::StoredRow;
use crate::hub::schools::flag_label;
use crate::hub::summary::{KEY_STAGES, SchoolSummary};
use crate::questionnaire::{QuestionType, Questionnaire};

#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Empty,
    Text(String),
    Number(f64),
    Date(NaiveDate),
    Link(String),
}

impl Cell {
    pub fn opt_text(s: Option<&str>) -> Self {
        s.map_or(Self::Empty, |s| Self::Text(s.to_string()))
    }

    pub fn opt_num(x: Option<f64>) -> Self {
        x.map_or(Self::Empty, Self::Number)
    }

    fn count(n: usize) -> Self {
        #[allow(clippy::cast_precision_loss)]
        Self::Number(n as f64)
    }

    fn yes_no(b: Option<bool>) -> Self {
        b.map_or(Self::Empty, |b| {
            Self::Text(if b { "Yes" } else { "No" }.into())
        })
    }

    fn list(items: &[String]) -> Self {
        if items.is_empty() {
            Self::Empty
        } else {
            Self::Text(items.join("; "))
        }
    }

    fn date(d: Option<NaiveDate>) -> Self {
        d.map_or(Self::Empty, Self::Date)
    }
}

/// A column: its heading, its width in characters, and this row's cell.
pub type Column<'a> = (Cow<'a, str>, f64, Cell);

/// The Schools sheet's columns, fixed for one report: section and award-level columns come
/// from the questionnaires the year's submissions use.
pub struct SchoolColumns {
    sections: Vec<String>,
    levels: Vec<String>,
    /// Readiness checklist items, by label, across the questionnaires.
    checks: Vec<String>,
}

/// The sections that hold ratings, whose summaries the questionnaire's scoring reports.
fn rated_sections(qn: &Questionnaire) -> impl Iterator<Item = &str> {
    let summarised = qn
        .scoring
        .as_ref()
        .and_then(|s| s.section_summaries.as_ref())
        .is_some();
    qn.sections
        .iter()
        .filter(move |s| summarised && s.questions.iter().any(|q| q.kind == QuestionType::Rating))
        .map(|s| s.title.as_str())
}

fn push_unique(list: &mut Vec<String>, item: &str) {
    if !list.iter().any(|x| x == item) {
        list.push(item.to_string());
    }
}

impl SchoolColumns {
    pub fn new(qns: &[&Questionnaire]) -> Self {
        let (mut sections, mut levels, mut checks) = (Vec::new(), Vec::new(), Vec::new());
        for qn in qns {
            qn.checklist
                .iter()
                .for_each(|i| push_unique(&mut checks, &i.label));
            rated_sections(qn).for_each(|t| push_unique(&mut sections, t));
            let award = qn.scoring.as_ref().and_then(|s| s.award.as_ref());
            if let Some(scale) = award.and_then(|a| qn.scale(&a.scale)) {
                scale
                    .levels
                    .iter()
                    .for_each(|l| push_unique(&mut levels, &l.label));
            }
        }
        Self {
            sections,
            levels,
            checks,
        }
    }

    /// The headings and widths (cells empty).
    pub fn headings(&self) -> Vec<Column<'_>> {
        self.row(&StoredRow::default(), &SchoolSummary::default())
    }

    /// One school's row.
    pub fn row(&self, r: &StoredRow, s: &SchoolSummary) -> Vec<Column<'_>> {
        let mut c: Vec<Column<'_>> = Vec::with_capacity(80);
        let fixed = school_cells(r, s).into_iter().chain(progress_cells(r, s));
        c.extend(fixed.map(|(h, w, cell)| (Cow::Borrowed(h), w, cell)));
        self.checklist(&mut c, s);
        self.sections_and_numbers(&mut c, s);
        self.award(&mut c, s);
        c.extend(desk_cells(r).map(|(h, w, cell)| (Cow::Borrowed(h), w, cell)));
        c
    }

    /// The readiness checklist: the counts, then each item's verdict in words.
    fn checklist(&self, c: &mut Vec<Column<'_>>, s: &SchoolSummary) {
        if self.checks.is_empty() {
            return;
        }
        let t = s.checks_tally();
        let counted = |n: usize| {
            if s.checks.is_empty() {
                Cell::Empty
            } else {
                Cell::count(n)
            }
        };
        c.push(("Checklist items met".into(), 10.0, counted(t.met)));
        c.push(("Checklist items not met".into(), 10.0, counted(t.not_met)));
        c.push((
            "Checklist items not answered".into(),
            10.0,
            counted(t.not_answered),
        ));
        for label in &self.checks {
            let status = s.checks.iter().find(|(l, _)| l == label).map(|(_, st)| *st);
            c.push((
                format!("Check: {label}").into(),
                16.0,
                status.map_or(Cell::Empty, |st| Cell::Text(st.word().into())),
            ));
        }
    }

    fn sections_and_numbers(&self, c: &mut Vec<Column<'_>>, s: &SchoolSummary) {
        for title in &self.sections {
            let line = s.sections.iter().find(|l| &l.title == title);
            c.push((
                format!("{title}: average").into(),
                12.0,
                Cell::opt_num(
                    line.and_then(|l| l.mean)
                        .map(|m| (m * 100.0).round() / 100.0),
                ),
            ));
            c.push((
                format!("{title}: band").into(),
                14.0,
                Cell::opt_text(line.and_then(|l| l.band.as_deref())),
            ));
        }
        let n = &s.numbers;
        for ((stage, _), minutes) in KEY_STAGES.iter().zip(n.minutes) {
            c.push((
                format!("Minutes a week: {stage}").into(),
                10.0,
                Cell::opt_num(minutes),
            ));
        }
        let numbers: [(&'static str, Cell); 9] = [
            ("Pupils on roll", Cell::opt_num(n.pupils_on_roll)),
            (
                "Pupils having instrumental or vocal lessons",
                Cell::opt_num(n.pupils_in_lessons),
            ),
            ("Whole-class ensemble teaching", Cell::yes_no(n.wcet)),
            ("Choir or vocal group", Cell::yes_no(n.choir)),
            ("Pupils in choirs", Cell::opt_num(n.choir_members)),
            ("Band or ensemble", Cell::yes_no(n.ensemble)),
            ("Ensembles", Cell::opt_num(n.ensembles)),
            ("Pupils in ensembles", Cell::opt_num(n.ensemble_members)),
            ("Support asked for", Cell::list(&s.support)),
        ];
        c.extend(numbers.into_iter().map(|(h, cell)| (h.into(), 12.0, cell)));
        for (h, items) in [
            ("Strengths", &s.strengths),
            ("Priorities", &s.priorities),
            ("Topics to discuss", &s.topics),
        ] {
            c.push((h.into(), 40.0, Cell::list(items)));
        }
    }

    fn award(&self, c: &mut Vec<Column<'_>>, s: &SchoolSummary) {
        let a = s.award.as_ref();
        c.push((
            "Indicative award".into(),
            14.0,
            Cell::opt_text(s.award_label().as_deref().filter(|_| a.is_some())),
        ));
        for level in &self.levels {
            let n = a
                .and_then(|a| a.counts.iter().find(|(l, _)| l == level))
                .map(|(_, n)| *n);
            c.push((
                format!("Criteria at {level}").into(),
                10.0,
                n.map_or(Cell::Empty, Cell::count),
            ));
        }
        c.push((
            "Criteria not answered".into(),
            10.0,
            a.map_or(Cell::Empty, |a| Cell::count(a.unanswered)),
        ));
        c.push((
            "Criteria holding the award back".into(),
            24.0,
            a.map_or(Cell::Empty, |a| Cell::list(&a.holding_back)),
        ));
        c.push((
            "Criteria below the school's target".into(),
            24.0,
            if a.is_some() {
                Cell::list(&s.below_target)
            } else {
                Cell::Empty
            },
        ));
    }
}

fn non_empty(s: &str) -> Option<&str> {
    Some(s).filter(|s| !s.is_empty())
}

/// Who the school is and what it sent.
fn school_cells(r: &StoredRow, s: &SchoolSummary) -> [(&'static str, f64, Cell); 12] {
    let flags: Vec<String> = r.flags.iter().map(|f| flag_label(f).to_string()).collect();
    let or = |a: &Option<String>, b: &Option<String>| Cell::opt_text(a.as_deref().or(b.as_deref()));
    [
        (
            "URN",
            9.0,
            r.urn.map_or(Cell::Empty, |u| Cell::Number(f64::from(u))),
        ),
        ("School", 34.0, or(&r.name, &s.school)),
        ("Phase", 14.0, or(&s.phase, &r.phase)),
        (
            "Local authority",
            20.0,
            or(&s.local_authority, &r.local_authority),
        ),
        (
            "Academic year",
            10.0,
            Cell::opt_text(non_empty(&r.academic_year)),
        ),
        ("Submitted", 12.0, Cell::date(day_of(&r.generated_at))),
        (
            "Questionnaire",
            28.0,
            Cell::opt_text(non_empty(&r.questionnaire_id)),
        ),
        (
            "Version",
            9.0,
            Cell::opt_text(non_empty(&r.questionnaire_version)),
        ),
        (
            "Read with version",
            9.0,
            Cell::opt_text(r.read_with_version.as_deref()),
        ),
        ("Files", 14.0, Cell::opt_text(files_label(&r.files_status))),
        ("Flags", 30.0, Cell::list(&flags)),
        (
            "Other submissions this year",
            10.0,
            if r.school_key.is_empty() {
                Cell::Empty
            } else {
                Cell::count(r.others)
            },
        ),
    ]
}

/// The plan, who completed it, how much is answered, and the overall judgement.
fn progress_cells(r: &StoredRow, s: &SchoolSummary) -> [(&'static str, f64, Cell); 10] {
    let read = |n: usize| {
        if r.read_with_version.is_some() {
            Cell::count(n)
        } else {
            Cell::Empty
        }
    };
    let p = &s.progress;
    #[allow(clippy::cast_precision_loss)]
    let level = s.overall.as_ref().and_then(|j| j.rank).map(|r| r as f64);
    [
        (
            "Development plan",
            40.0,
            s.plan_url.clone().map_or(Cell::Empty, Cell::Link),
        ),
        ("Plan published", 12.0, Cell::date(s.plan_published)),
        ("Plan next review", 12.0, Cell::date(s.plan_next_review)),
        (
            "Completed by",
            20.0,
            Cell::opt_text(s.completed_by.as_deref()),
        ),
        ("Completed on", 12.0, Cell::date(s.completion_date)),
        ("Questions answered", 10.0, read(p.answered)),
        ("Questions that apply", 10.0, read(p.total)),
        ("Required answers missing", 10.0, read(p.required_missing)),
        (
            "Overall judgement",
            18.0,
            Cell::opt_text(s.overall.as_ref().map(|j| j.label.as_str())),
        ),
        ("Overall level (1 = lowest)", 10.0, Cell::opt_num(level)),
    ]
}

/// The hub's review state, decision and agreed priorities (blank until the desk has them).
fn desk_cells(r: &StoredRow) -> [(&'static str, f64, Cell); 4] {
    use crate::hub::review::ReviewState;
    let d = &r.desk;
    let latest = d.review_state.as_deref().and_then(ReviewState::from_id);
    let state = ReviewState::shown(latest, !r.school_key.is_empty()).map(ReviewState::label);
    let decision = d
        .recommended
        .map(|r| if r { "recommended" } else { "not recommended" });
    [
        ("Review state", 16.0, Cell::opt_text(state)),
        ("Decision", 16.0, Cell::opt_text(decision)),
        (
            "Certificate or award",
            22.0,
            Cell::opt_text(d.certificate_or_award.as_deref()),
        ),
        ("Agreed priorities", 50.0, Cell::list(&d.priorities)),
    ]
}

fn files_label(status: &str) -> Option<&'static str> {
    match status {
        "verified" => Some("verified"),
        "changed" => Some("changed after export"),
        "missing" => Some("files missing"),
        "not_available" => Some("not checked"),
        _ => None,
    }
}

/// The day of a stored ISO 8601 time.
pub fn day_of(iso: &str) -> Option<NaiveDate> {
    chrono::DateTime::parse_from_rfc3339(iso)
        .ok()
        .map(|d| d.date_naive())
}
