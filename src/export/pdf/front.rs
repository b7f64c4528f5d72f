//! The report's first page, from the prepared decision page: the school and who completed it,
//! the plan link and its dates, the checklist as a table, the overall judgement once, the
//! section summaries in the scale's words with their cut-offs, the award with its rule, then
//! strengths, priorities, support asked for and "since last time".

use super::blocks::{Block, Grid, Style, bookmark, indented, pair, text};
use crate::export::Submission;
use crate::export::decision::Decision;

pub fn build(sub: &Submission<'_>) -> Vec<Block> {
    let d = &sub.decision;
    let mut b = vec![
        bookmark("Decision page"),
        text(Style::Title, d.school.clone()),
        text(Style::Muted, d.questionnaire.clone()),
        Block::Gap(4.0),
    ];
    match &d.plan.url {
        Some(url) => b.push(Block::Link {
            label: "Music development plan:".to_string(),
            url: url.clone(),
        }),
        None => b.push(pair("Music development plan:", "Not given")),
    }
    if let Some(dates) = &d.plan.dates {
        b.push(text(Style::Small, dates.clone()));
    }
    b.push(Block::Gap(2.0));
    b.push(Block::Facts(d.facts.clone()));
    checklist(&mut b, d);
    judgements(&mut b, d);
    lists(&mut b, d);
    b
}

fn checklist(b: &mut Vec<Block>, d: &Decision) {
    let Some(tally) = &d.tally else {
        return;
    };
    b.push(Block::Gap(8.0));
    b.push(text(Style::Subheading, format!("Checklist: {tally}")));
    let rows = d
        .checklist
        .iter()
        .map(|r| {
            vec![
                r.verdict(),
                r.label.clone(),
                r.answers.clone(),
                r.see.clone(),
            ]
        })
        .collect();
    b.push(Block::Grid(Grid {
        columns: vec![
            ("Verdict".to_string(), 0.15),
            ("Item".to_string(), 0.38),
            ("Answers".to_string(), 0.35),
            ("See".to_string(), 0.12),
        ],
        rows,
        size: 8.5,
    }));
}

fn judgements(b: &mut Vec<Block>, d: &Decision) {
    if let Some((label, value)) = &d.overall {
        b.push(Block::Gap(6.0));
        b.push(pair(format!("{label}:"), value.clone()));
    }
    if !d.summaries.is_empty() {
        b.push(Block::Gap(6.0));
        b.push(text(Style::Subheading, "Section summaries"));
        let rows = d
            .summaries
            .iter()
            .map(|s| {
                vec![
                    s.section.clone(),
                    s.average.clone(),
                    s.band.clone(),
                    s.rated.clone(),
                ]
            })
            .collect();
        b.push(Block::Grid(Grid {
            columns: vec![
                ("Section".to_string(), 0.42),
                ("Average".to_string(), 0.14),
                ("In the scale's words".to_string(), 0.22),
                ("Rated".to_string(), 0.22),
            ],
            rows,
            size: 8.0,
        }));
        if let Some(c) = &d.cutoffs {
            b.push(text(Style::Muted, c.clone()));
        }
    }
    if let Some(a) = &d.award {
        b.push(Block::Gap(6.0));
        b.push(text(Style::Subheading, a.title.clone()));
        b.push(pair(
            "Indicative award:",
            format!("{} ({})", a.level, a.rule),
        ));
        if let Some(n) = &a.note {
            b.push(text(Style::Muted, n.clone()));
        }
        b.push(pair("Criteria at each level:", a.counts.clone()));
        if let Some(t) = &a.target {
            b.push(pair("Target award:", t.clone()));
        }
        for h in &a.held_back {
            b.push(pair("Held back from", h.clone()));
        }
    }
}

fn lists(b: &mut Vec<Block>, d: &Decision) {
    for (title, items) in &d.lists {
        b.push(Block::Gap(4.0));
        b.push(text(Style::Subheading, title.clone()));
        b.extend(
            items
                .iter()
                .enumerate()
                .map(|(i, s)| indented(Style::Small, format!("{}. {s}", i + 1))),
        );
    }
    if !d.since_last_time.is_empty() {
        b.push(Block::Gap(6.0));
        b.push(text(Style::Subheading, "Since last time"));
        b.extend(
            d.since_last_time
                .iter()
                .map(|l| indented(Style::Small, l.clone())),
        );
    }
}
