//! The library's own costs, without a process or a terminal: loading and checking
//! questionnaires, one key → update → render into a 120×40 test terminal, serialising drafts.

use std::hint::black_box;
use std::path::Path;

use super::fixtures::shipped;

use criterion::Criterion;
use music_sef::answers::AnswerValue;
use music_sef::clock::Clock;
use music_sef::draft::{Draft, QuestionnaireRef};
use music_sef::questionnaire::{Questionnaire, load_str};
use music_sef::synthetic;
use music_sef::tui::action::{OpenedDraft, Reply};
use music_sef::tui::{App, Screen, keys, view};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui_textarea::{Input, Key};

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

fn key(key: Key) -> Input {
    Input {
        key,
        ..Input::default()
    }
}

/// One key → action → update → draw into a 120×40 test terminal.
fn press_and_draw(app: &mut App, term: &mut Terminal<TestBackend>, input: &Input) {
    if let Some(a) = keys::action_for(app.place(), input) {
        let _ = app.update(a);
    }
    let _ = term.draw(|f| {
        view::render(f, app);
    });
}

fn app_at(q: Questionnaire, d: Draft, question: &str) -> App {
    let mut app = App::new(false, Clock::system());
    let _ = app.on_reply(Reply::Opened(Box::new(OpenedDraft {
        questionnaire: q,
        draft: d,
        read_only: None,
        hub_address_known: true,
        orphaned: 0,
    })));
    if let Screen::Workspace(w) = &mut app.screen {
        w.session.go_to_question(question);
    }
    app
}

/// Two keys in turn (a move and its way back, or a letter and Backspace), each drawn.
fn flip_flop(
    g: &mut criterion::BenchmarkGroup<'_, criterion::measurement::WallTime>,
    name: &str,
    mut app: App,
    keys: [Key; 2],
) {
    let mut term = Terminal::new(TestBackend::new(120, 40)).unwrap_or_else(|e| panic!("{e}"));
    let [one, other] = keys.map(key);
    g.bench_function(name, |b| {
        let mut flip = false;
        b.iter(|| {
            flip = !flip;
            press_and_draw(&mut app, &mut term, if flip { &one } else { &other });
        });
    });
}

/// A draft whose long answer (`q3`) holds `text`, open at it.
fn typing_at(text: String) -> App {
    let q = synthetic::questionnaire(6, 6);
    let mut d = draft_for(&q, 0);
    d.answers.insert("q3".into(), AnswerValue::Text(text));
    app_at(q, d, "q3")
}

fn keys(c: &mut Criterion) {
    let mut g = c.benchmark_group("key+update+render 120x40");
    let (down, up) = (Key::Down, Key::Up);
    let q = shipped("school-music-self-evaluation");
    let d = draft_for(&q, 200);
    let app = app_at(q, d, "phase");
    flip_flop(
        &mut g,
        "choice question (default questionnaire)",
        app,
        [down, up],
    );

    // Typing and deleting at the end of 1 MB in paragraphs, and of one 300 KB paragraph.
    let para = "Pupils sing every week and perform each term. ".repeat(10);
    let big: String = std::iter::repeat_n(para.as_str(), (1 << 20) / para.len())
        .collect::<Vec<_>>()
        .join("\n");
    let typing = [Key::Char('a'), Key::Backspace];
    flip_flop(&mut g, "long text holding 1 MB", typing_at(big), typing);
    let one = "Pupils sing every week and perform each term. ".repeat(300_000 / 46);
    flip_flop(
        &mut g,
        "long text, one 300 KB paragraph",
        typing_at(one),
        typing,
    );

    for n in [1_000, 10_000] {
        let q = synthetic::questionnaire(n, 25);
        let d = draft_for(&q, 100);
        let name = format!("choice question, {n}-question questionnaire");
        flip_flop(
            &mut g,
            &name,
            app_at(q.clone(), d.clone(), "q1"),
            [down, up],
        );
        let mut term = Terminal::new(TestBackend::new(120, 40)).unwrap_or_else(|e| panic!("{e}"));
        let mut app = app_at(q, d, "q1");
        press_and_draw(&mut app, &mut term, &key(Key::F(2)));
        let name = format!("section list, {n}-question questionnaire");
        flip_flop(&mut g, &name, app, [down, up]);
    }
    g.finish();
}

fn serialise(c: &mut Criterion) {
    let mut g = c.benchmark_group("serialise draft");
    let full = draft_for(&shipped("school-music-self-evaluation"), 400);
    let big = draft_for(&synthetic::questionnaire(6, 6), 1 << 20);
    g.bench_function("full default draft", |b| {
        b.iter(|| serde_json::to_vec_pretty(black_box(&full)).map(|v| v.len()));
    });
    g.bench_function("draft with a 1 MB answer", |b| {
        b.iter(|| serde_json::to_vec_pretty(black_box(&big)).map(|v| v.len()));
    });
    g.finish();
}

/// Every in-process group.
pub fn all(c: &mut Criterion) {
    load(c);
    keys(c);
    serialise(c);
}
