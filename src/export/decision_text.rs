//! The decision page as plain text, for the e-mail body: the same facts, checklist and
//! judgements as the report's first page, readable in any mail program (no HTML).

use std::fmt::Write as _;

use super::decision::Decision;

/// The decision page as lines of plain text.
pub fn plain(d: &Decision) -> String {
    let mut s = String::new();
    let _ = writeln!(s, "{}", d.school);
    let _ = writeln!(s, "{}", d.questionnaire);
    for (label, value) in &d.facts {
        let _ = writeln!(s, "{label}: {value}");
    }
    match &d.plan.url {
        Some(url) => {
            let _ = writeln!(s, "Music development plan: {url}");
        }
        None => s.push_str("Music development plan: not given\n"),
    }
    if let Some(dates) = &d.plan.dates {
        let _ = writeln!(s, "  {dates}");
    }
    if let Some(t) = &d.tally {
        let _ = writeln!(s, "\nCHECKLIST ({t})");
        for row in &d.checklist {
            let _ = writeln!(s, "[{}] {}", row.verdict(), row.label);
            let _ = writeln!(s, "    {} (see {})", row.answers, row.see);
        }
    }
    judgements(&mut s, d);
    for (title, items) in &d.lists {
        let _ = writeln!(s, "\n{}", title.to_uppercase());
        for (i, item) in items.iter().enumerate() {
            let _ = writeln!(s, "{}. {item}", i + 1);
        }
    }
    if !d.since_last_time.is_empty() {
        s.push_str("\nSINCE LAST TIME\n");
        for l in &d.since_last_time {
            let _ = writeln!(s, "{l}");
        }
    }
    s
}

fn judgements(s: &mut String, d: &Decision) {
    if let Some((label, value)) = &d.overall {
        let _ = writeln!(s, "\n{label}: {value}");
    }
    if !d.summaries.is_empty() {
        s.push_str("\nSECTION SUMMARIES\n");
        for r in &d.summaries {
            let band = if r.band.is_empty() {
                String::new()
            } else {
                format!(", {}", r.band)
            };
            let _ = writeln!(s, "{}: {}{band} ({})", r.section, r.average, r.rated);
        }
        if let Some(c) = &d.cutoffs {
            let _ = writeln!(s, "{c}");
        }
    }
    if let Some(a) = &d.award {
        let _ = writeln!(s, "\n{}: {} ({})", a.title.to_uppercase(), a.level, a.rule);
        if let Some(n) = &a.note {
            let _ = writeln!(s, "{n}");
        }
        let _ = writeln!(s, "Criteria at each level: {}", a.counts);
        if let Some(t) = &a.target {
            let _ = writeln!(s, "Target award: {t}");
        }
        for h in &a.held_back {
            let _ = writeln!(s, "Held back from {h}");
        }
    }
}
