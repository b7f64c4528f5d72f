//! The figures a hub reports each year, added up school by school from the per-school
//! summaries, with how each is counted; also what the charts and the summary PDF show.

use super::since::SinceRow;
use crate::hub::summary::{KEY_STAGES, SchoolSummary};

/// Schools answering yes, of those whose questionnaire asked and who answered.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct YesOf {
    pub yes: usize,
    pub of: usize,
}

impl YesOf {
    fn add(&mut self, b: Option<bool>) {
        if let Some(b) = b {
            self.of += 1;
            self.yes += usize::from(b);
        }
    }
}

/// A sum of numbers the schools gave, and how many gave one.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Sum {
    pub total: f64,
    pub schools: usize,
}

impl Sum {
    fn add(&mut self, x: Option<f64>) {
        if let Some(x) = x {
            self.total += x;
            self.schools += 1;
        }
    }
}

/// Counts by label, in the order labels first appear (the few levels, bands, options).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Counter(pub Vec<(String, usize)>);

impl Counter {
    pub fn add(&mut self, label: &str) {
        match self.0.iter_mut().find(|(l, _)| l == label) {
            Some((_, n)) => *n += 1,
            None => self.0.push((label.to_string(), 1)),
        }
    }
}

/// Key stages whose weekly minutes the National Plan sets at an hour or more.
pub const HOUR_STAGES: [usize; 3] = [1, 2, 3];

#[derive(Debug, Clone, Default)]
pub struct Tally {
    pub schools: usize,
    /// Of those, read with their questionnaire.
    pub read: usize,
    pub expected: usize,
    pub outstanding: usize,
    pub flagged: usize,
    pub plan: usize,
    pub wcet: YesOf,
    pub choir: YesOf,
    pub ensemble: YesOf,
    pub lessons: Sum,
    pub choir_members: Sum,
    pub ensemble_members: Sum,
    /// Per key stage (as [`KEY_STAGES`]): below 60 minutes a week, of schools giving minutes.
    pub below_hour: [YesOf; 5],
    pub support: Counter,
    /// Overall judgements, ordered by their place on the scale when the report is made.
    pub overall: Vec<(Option<usize>, String, usize)>,
    pub sections: Vec<(String, Counter)>,
    /// Each band's lowest section average seen, to list bands from lowest to highest.
    band_floor: Vec<(String, f64)>,
    pub awards: Counter,
    /// Schools that sent a submission both this year and last, by how the overall
    /// judgement moved.
    pub compared: usize,
    pub higher: usize,
    pub same: usize,
    pub lower: usize,
}

impl Tally {
    pub fn add(&mut self, s: &SchoolSummary, read: bool, flagged: bool) {
        self.schools += 1;
        self.read += usize::from(read);
        self.flagged += usize::from(flagged);
        self.plan += usize::from(s.plan_url.is_some());
        let n = &s.numbers;
        self.wcet.add(n.wcet);
        self.choir.add(n.choir);
        self.ensemble.add(n.ensemble);
        self.lessons.add(n.pupils_in_lessons);
        self.choir_members.add(n.choir_members);
        self.ensemble_members.add(n.ensemble_members);
        for (b, m) in self.below_hour.iter_mut().zip(n.minutes) {
            b.add(m.map(|m| m < 60.0));
        }
        s.support.iter().for_each(|x| self.support.add(x));
        if let Some(j) = &s.overall {
            match self.overall.iter_mut().find(|(_, l, _)| *l == j.label) {
                Some((_, _, n)) => *n += 1,
                None => self.overall.push((j.rank, j.label.clone(), 1)),
            }
        }
        for line in &s.sections {
            let band = line.band.as_deref().unwrap_or("Not rated");
            let mean = line.mean.unwrap_or(0.0);
            match self.band_floor.iter_mut().find(|(b, _)| b == band) {
                Some((_, floor)) => *floor = floor.min(mean),
                None => self.band_floor.push((band.to_string(), mean)),
            }
            match self.sections.iter_mut().find(|(t, _)| *t == line.title) {
                Some((_, c)) => c.add(band),
                None => {
                    let mut c = Counter::default();
                    c.add(band);
                    self.sections.push((line.title.clone(), c));
                }
            }
        }
        if let Some(a) = s.award_label().filter(|_| s.award.is_some()) {
            self.awards.add(&a);
        }
    }

    pub fn compare(&mut self, row: &SinceRow) {
        self.compared += 1;
        match row.movement() {
            Some(std::cmp::Ordering::Greater) => self.higher += 1,
            Some(std::cmp::Ordering::Less) => self.lower += 1,
            Some(std::cmp::Ordering::Equal) => self.same += 1,
            None => {}
        }
    }

    /// Put the overall judgements and the section bands in scale order, lowest first.
    pub fn finish(&mut self) {
        self.overall.sort_by_key(|(rank, _, _)| rank.unwrap_or(0));
        let floor = |b: &str| {
            self.band_floor
                .iter()
                .find(|(x, _)| x == b)
                .map_or(0.0, |(_, f)| *f)
        };
        for (_, c) in &mut self.sections {
            c.0.sort_by(|a, b| floor(&a.0).total_cmp(&floor(&b.0)));
        }
    }
}

/// One line of the annual counts table.
#[derive(Debug, Clone, PartialEq)]
pub struct CountLine {
    pub label: String,
    pub value: f64,
    /// What the value is out of, when it is a count of schools.
    pub of: Option<usize>,
    pub how: String,
}

fn line(
    label: impl Into<String>,
    value: f64,
    of: Option<usize>,
    how: impl Into<String>,
) -> CountLine {
    CountLine {
        label: label.into(),
        value,
        of,
        how: how.into(),
    }
}

#[allow(clippy::cast_precision_loss)]
fn n(x: usize) -> f64 {
    x as f64
}

/// The annual counts, in the order the summary shows them.
pub fn lines(t: &Tally) -> Vec<CountLine> {
    let expected = (t.expected > 0).then_some(t.expected);
    let yes = |label: &str, y: YesOf, id: &str| {
        line(
            label,
            n(y.yes),
            Some(y.of),
            format!(
                "Answered Yes to the question with id \"{id}\", out of the schools whose questionnaire asks it and who answered."
            ),
        )
    };
    let sum = |label: &str, s: Sum, id: &str, extra: &str| {
        line(
            label,
            s.total,
            Some(s.schools),
            format!(
                "The sum of the numbers schools gave for the question with id \"{id}\"; \"out of\" is how many schools gave one.{extra}"
            ),
        )
    };
    let mut out = vec![
        line(
            "Schools that sent a submission",
            n(t.schools),
            expected,
            "One per school: its newest submission for the year, of any questionnaire; \"out of\" is the schools expected (hub expect).",
        ),
        line(
            "Expected schools not heard from",
            n(t.outstanding),
            expected,
            "Schools on the expected list with no submission for the year.",
        ),
        line(
            "Submissions flagged to check",
            n(t.flagged),
            Some(t.schools),
            "The school's newest submission carries a flag (changed after export, files missing, no URN, questionnaire not installed …).",
        ),
        line(
            "Schools with a published music development plan",
            n(t.plan),
            Some(t.read),
            "The school gave the web address of its published plan summary (the question with the development_plan_url role).",
        ),
        yes("Schools with whole-class ensemble teaching", t.wcet, "wcet"),
        yes("Schools with a choir or vocal group", t.choir, "choir"),
        yes("Schools with a band or ensemble", t.ensemble, "ensemble"),
        sum(
            "Pupils having instrumental or vocal lessons",
            t.lessons,
            "pupils_having_lessons",
            "",
        ),
        sum("Pupils in choirs", t.choir_members, "choir_members", ""),
        sum(
            "Pupils in ensembles",
            t.ensemble_members,
            "ensemble_members",
            " A pupil in a choir and a band is counted in both.",
        ),
    ];
    time_and_change(t, &mut out);
    out
}

/// Time for music by key stage, and how judgements moved since last year.
fn time_and_change(t: &Tally, out: &mut Vec<CountLine>) {
    for k in HOUR_STAGES {
        let (stage, id) = KEY_STAGES[k];
        let b = t.below_hour[k];
        out.push(line(
            format!("Schools with under an hour a week of music at {stage}"),
            n(b.yes),
            Some(b.of),
            format!("The weekly minutes given for {stage} (id \"{id}\") are under 60, out of the schools that gave them."),
        ));
    }
    out.push(line(
        "Schools that sent a submission last year too",
        n(t.compared),
        Some(t.schools),
        "Same URN (or name, when there is none) in the year before.",
    ));
    for (label, v) in [
        ("… overall judgement higher than last year", t.higher),
        ("… the same", t.same),
        ("… lower", t.lower),
    ] {
        out.push(line(
            label,
            n(v),
            Some(t.compared),
            "Comparing the overall self-judgement's place on its scale with last year's.",
        ));
    }
}
