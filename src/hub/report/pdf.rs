//! `hub-<year>-summary.pdf`: the roll-up for a meeting — submissions against expected,
//! provision across schools, time for music, support asked for, judgements, changes since
//! last year and the annual counts — as text with simple bars, tagged, like the school's
//! report.

pub mod draw;

use self::draw::Item;
use super::counts::{CountLine, HOUR_STAGES, Tally, YesOf};
use crate::answers::parse::fmt_num;
use crate::hub::HubError;
use crate::hub::summary::KEY_STAGES;
use crate::hub::year::AcademicYear;

#[allow(clippy::cast_precision_loss)]
fn n(x: usize) -> f64 {
    x as f64
}

fn of(value: usize, total: usize) -> String {
    if total == 0 {
        return "no school gave it".into();
    }
    format!(
        "{value} of {total} ({}%)",
        (value * 100 + total / 2) / total
    )
}

fn bar(label: &str, value: usize, max: usize) -> Item {
    Item::Bar {
        label: label.to_string(),
        value: n(value),
        max: n(max),
        shown: of(value, max),
    }
}

fn yes_bar(label: &str, y: YesOf) -> Item {
    bar(label, y.yes, y.of)
}

fn submissions(t: &Tally, out: &mut Vec<Item>) {
    out.push(Item::Heading("Submissions against expected".into()));
    if t.expected > 0 {
        out.push(bar(
            "Sent a submission",
            t.schools.min(t.expected),
            t.expected,
        ));
        out.push(bar("Not heard from yet", t.outstanding, t.expected));
        if t.schools > t.expected - t.outstanding {
            out.push(Item::Muted(format!(
                "{} submissions came from schools not on the expected list.",
                t.schools - (t.expected - t.outstanding)
            )));
        }
    } else {
        out.push(Item::Para(format!("{} schools sent a submission. No list of expected schools is loaded: load one with `music-sef hub expect` to see who has not.", t.schools)));
    }
    if t.flagged > 0 {
        out.push(Item::Para(format!(
            "{} of them are flagged to check: see the Flags column of the Schools sheet.",
            t.flagged
        )));
    }
}

fn provision(t: &Tally, out: &mut Vec<Item>) {
    out.push(Item::Heading("Provision across schools".into()));
    out.push(bar("Published music development plan", t.plan, t.read));
    out.push(yes_bar("Whole-class ensemble teaching", t.wcet));
    out.push(yes_bar("Choir or vocal group", t.choir));
    out.push(yes_bar("Band or ensemble", t.ensemble));
    out.push(Item::Heading(
        "Schools with under an hour a week of classroom music".into(),
    ));
    for k in HOUR_STAGES {
        out.push(yes_bar(
            &format!("Key stage {}", &KEY_STAGES[k].0[2..]),
            t.below_hour[k],
        ));
    }
    out.push(Item::Muted("Out of the schools that gave their weekly minutes for the key stage. The National Plan for Music Education asks for at least an hour a week.".into()));
    if !t.support.0.is_empty() {
        out.push(Item::Heading("Support asked for".into()));
        let mut support = t.support.0.clone();
        support.sort_by_key(|(_, n)| std::cmp::Reverse(*n));
        for (label, count) in support {
            out.push(bar(&label, count, t.read));
        }
    }
}

fn judgements(t: &Tally, out: &mut Vec<Item>) {
    if !t.overall.is_empty() {
        out.push(Item::Heading("Overall self-judgement".into()));
        let total = t.overall.iter().map(|(_, _, c)| c).sum();
        for (_, label, count) in &t.overall {
            out.push(bar(label, *count, total));
        }
    }
    if !t.sections.is_empty() {
        out.push(Item::Heading("Judgements per section".into()));
        for (section, counts) in &t.sections {
            out.push(Item::Sub(section.clone()));
            let total = counts.0.iter().map(|(_, c)| c).sum();
            for (band, count) in &counts.0 {
                out.push(bar(&format!("    {band}"), *count, total));
            }
        }
    }
    if !t.awards.0.is_empty() {
        out.push(Item::Heading("Indicative award (criteria audits)".into()));
        let total = t.awards.0.iter().map(|(_, c)| c).sum();
        for (label, count) in &t.awards.0 {
            out.push(bar(label, *count, total));
        }
    }
    out.push(Item::Heading("Since last year".into()));
    out.push(Item::Para(if t.compared == 0 {
        "No school in this roll-up sent a submission last year too.".into()
    } else {
        format!(
            "{} schools sent a submission last year too. Their overall self-judgement is higher in {}, the same in {} and lower in {} (the rest used another questionnaire or gave none).",
            t.compared, t.higher, t.same, t.lower
        )
    }));
}

/// The PDF bytes.
///
/// # Errors
/// The PDF could not be made.
pub fn render(
    t: &Tally,
    lines: &[CountLine],
    year: AcademicYear,
    date: &str,
) -> Result<Vec<u8>, HubError> {
    let mut items = vec![
        Item::Title(format!("Music hub roll-up {year}")),
        Item::Para(format!(
            "Made on {date} from the hub database: the newest submission of each school for {year}."
        )),
    ];
    submissions(t, &mut items);
    provision(t, &mut items);
    judgements(t, &mut items);
    items.push(Item::Heading(
        "The annual counts, and how each is counted".into(),
    ));
    for l in lines {
        let value = match l.of {
            Some(o) => format!("{} (out of {o})", fmt_num(l.value)),
            None => fmt_num(l.value),
        };
        items.push(Item::Para(format!("{}: {value}", l.label)));
        items.push(Item::Muted(l.how.clone()));
        items.push(Item::Gap(3.0));
    }
    draw::render(
        &items,
        &format!("Music hub roll-up {year}"),
        &format!("{date} · music-sef"),
    )
}
