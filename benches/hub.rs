//! The hub's performance budget (issue 17), measured, never asserted in tests: intake of
//! 250, 500 and 1,000 generated bundles (≤ 10 s for 1,000, and linear), `hub schools` over
//! 25,000 schools (≤ 200 ms), and `hub report` over 25,000 schools (≤ 30 s, ≤ 200 MB,
//! measured on the release binary); and the hub desk (issue 18) opening and filtering its
//! table of 25,000 schools within the `hub schools` budget.

use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use criterion::{BatchSize, Criterion, criterion_group, criterion_main};
use music_sef::hub::year::AcademicYear;
use music_sef::hub::{HubDb, generate, intake, report, schools};
use music_sef::paths::DataDirs;
use music_sef::questionnaire::{Questionnaire, Registry};

const NATIONAL: usize = 25_000;

fn registry() -> Registry {
    Registry::discover(&DataDirs::at("/nonexistent-music-sef-bench"))
}

fn shipped(reg: &Registry, id: &str) -> Questionnaire {
    reg.find(id)
        .map(|e| e.questionnaire)
        .unwrap_or_else(|e| panic!("{e}"))
}

/// The questionnaire of school `i`: mostly the self-evaluation, some audits and data forms.
fn questionnaire_of(qns: &[Questionnaire; 3], i: usize) -> &Questionnaire {
    match i % 10 {
        0 => &qns[1],
        1 => &qns[2],
        _ => &qns[0],
    }
}

fn questionnaires(reg: &Registry) -> [Questionnaire; 3] {
    [
        shipped(reg, "school-music-self-evaluation"),
        shipped(reg, "music-quality-mark-audit"),
        shipped(reg, "pre-meeting-data-form"),
    ]
}

/// `n` bundles as zips in a folder, as a hub's inbox would hold them.
fn inbox(n: usize, qns: &[Questionnaire; 3]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    for i in 0..n {
        generate::bundle(questionnaire_of(qns, i), i, AcademicYear(2026))
            .write_zip(dir.path())
            .unwrap_or_else(|e| panic!("{e}"));
    }
    dir
}

fn intake_bench(c: &mut Criterion) {
    let reg = registry();
    let qns = questionnaires(&reg);
    let mut g = c.benchmark_group("hub add (zips, fresh database)");
    g.sample_size(10).measurement_time(Duration::from_secs(30));
    for n in [250, 500, 1_000] {
        let dir = inbox(n, &qns);
        let inputs = intake::find_inputs(&[dir.path().to_path_buf()]);
        g.bench_function(format!("{n} bundles"), |b| {
            b.iter_batched(
                || tempfile::tempdir().unwrap_or_else(|e| panic!("{e}")),
                |db_dir| {
                    let db = HubDb::open(&db_dir.path().join("hub.sqlite"))
                        .unwrap_or_else(|e| panic!("{e}"));
                    intake::run(&db, &reg, &inputs, &mut |_| {}).map(|s| s.taken)
                },
                BatchSize::PerIteration,
            );
        });
    }
    g.finish();
}

/// A national hub database: 25,000 schools this year, 5,000 of them last year too, and
/// the expected list. Made once and kept under the target folder between runs.
fn national_db(reg: &Registry) -> PathBuf {
    // Named by the schema's text, so a changed schema never reuses an old file.
    let schema =
        music_sef::export::json::sha256_hex(music_sef::hub::db::MIGRATIONS.concat().as_bytes());
    let path = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join(format!("hub-bench-{NATIONAL}-{}.sqlite", &schema[..12]));
    if path.exists() {
        return path;
    }
    let started = Instant::now();
    let part = path.with_extension("part");
    let _ = std::fs::remove_file(&part);
    let db = HubDb::open(&part).unwrap_or_else(|e| panic!("{e}"));
    let qns = questionnaires(reg);
    let last_year = (0..NATIONAL / 5)
        .map(|i| generate::bundle(questionnaire_of(&qns, i), i, AcademicYear(2025)).received());
    let this_year = (0..NATIONAL)
        .map(|i| generate::bundle(questionnaire_of(&qns, i), i, AcademicYear(2026)).received());
    intake::take_received(&db, reg, last_year.chain(this_year)).unwrap_or_else(|e| panic!("{e}"));
    let mut csv = String::from("URN,EstablishmentName,PhaseOfEducation (name),LA (name)\n");
    for i in 0..NATIONAL + 500 {
        let (urn, name) = generate::school(i);
        csv.push_str(&format!("{urn},{name},Primary,Leicestershire\n"));
    }
    let csv_path = path.with_extension("csv");
    std::fs::write(&csv_path, csv).unwrap_or_else(|e| panic!("{e}"));
    let list = music_sef::hub::expect::read(&csv_path, &[]).unwrap_or_else(|e| panic!("{e}"));
    music_sef::hub::expect::replace(&db, &csv_path, &list).unwrap_or_else(|e| panic!("{e}"));
    drop(db);
    std::fs::rename(&part, &path).unwrap_or_else(|e| panic!("{e}"));
    eprintln!(
        "made the national database ({} schools) in {:.1?}",
        NATIONAL,
        started.elapsed()
    );
    path
}

fn schools_bench(c: &mut Criterion) {
    let reg = registry();
    let path = national_db(&reg);
    let mut g = c.benchmark_group("hub schools, 25,000 schools");
    g.sample_size(20);
    let db = HubDb::open(&path).unwrap_or_else(|e| panic!("{e}"));
    g.bench_function("list (library)", |b| {
        b.iter(|| schools::list(&db, AcademicYear(2026), false).map(|l| black_box(l.len())));
    });
    let bin = env!("CARGO_BIN_EXE_music-sef");
    for args in [&["schools"][..], &["schools", "--json"][..]] {
        g.bench_function(
            format!(
                "music-sef hub {} (release binary, output discarded)",
                args.join(" ")
            ),
            |b| {
                b.iter(|| {
                    std::process::Command::new(bin)
                        .arg("hub")
                        .arg("--db")
                        .arg(&path)
                        .args(args)
                        .env("MUSIC_SEF_DATA_DIR", path.with_extension("data"))
                        .stdout(std::process::Stdio::null())
                        .status()
                });
            },
        );
    }
    g.finish();
}

/// Peak memory of finished child processes, in MB (Linux reports kilobytes).
#[cfg(unix)]
fn children_peak_mb() -> f64 {
    // SAFETY: getrusage only writes the struct it is given.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    unsafe { libc::getrusage(libc::RUSAGE_CHILDREN, &raw mut usage) };
    #[allow(clippy::cast_precision_loss)]
    let mb = usage.ru_maxrss as f64 / 1024.0;
    mb
}

fn report_bench(c: &mut Criterion) {
    let reg = registry();
    let path = national_db(&reg);
    let out = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let mut g = c.benchmark_group("hub report, 25,000 schools");
    g.sample_size(10).measurement_time(Duration::from_secs(120));
    let bin = env!("CARGO_BIN_EXE_music-sef");
    g.bench_function("music-sef hub report (release binary)", |b| {
        b.iter(|| {
            std::process::Command::new(bin)
                .arg("hub")
                .arg("--db")
                .arg(&path)
                .args(["report", "--year", "2026-27", "--out"])
                .arg(out.path())
                .env("MUSIC_SEF_DATA_DIR", path.with_extension("data"))
                .stdout(std::process::Stdio::null())
                .status()
        });
    });
    g.finish();
    #[cfg(unix)]
    eprintln!(
        "hub report: peak memory of the release binary {:.0} MB",
        children_peak_mb()
    );
    let db = HubDb::open(&path).unwrap_or_else(|e| panic!("{e}"));
    let started = Instant::now();
    let written =
        report::write(&db, &reg, AcademicYear(2026), out.path()).unwrap_or_else(|e| panic!("{e}"));
    eprintln!(
        "hub report in the bench process: {} schools, {} answer rows, {} outstanding, {:.1?}",
        written.schools,
        written.answers,
        written.outstanding,
        started.elapsed()
    );
}

/// The hub desk over the national database (issue 18): opening it (every school read with
/// its review state and the table built) and filtering, searching and sorting the table,
/// within the budget of `hub schools` (≤ 200 ms). One school in ten is set to need follow-up
/// first, so the review states are read as well.
fn desk_bench(c: &mut Criterion) {
    use music_sef::hub::desk::Desk;
    use music_sef::tui::desk::controller::DeskController;
    let reg = registry();
    let path = national_db(&reg);
    let dirs = DataDirs::at(path.with_extension("data"));
    let db = HubDb::open(&path).unwrap_or_else(|e| panic!("{e}"));
    db.write(|c| {
        c.execute(
            "INSERT INTO review_events (submission, state, note, officer, at)
             SELECT sha256, 'follow_up', 'bench', 'bench', '2026-11-24T10:00:00Z' FROM submissions
             WHERE current = 1 AND id % 10 = 0
               AND NOT EXISTS (SELECT 1 FROM review_events)",
            [],
        )
    })
    .unwrap_or_else(|e| panic!("{e}"));
    drop(db);
    let open = || {
        let db = HubDb::open(&path).unwrap_or_else(|e| panic!("{e}"));
        DeskController::new(
            Desk::new(db, registry(), &dirs),
            false,
            music_sef::clock::Clock::system(),
        )
        .unwrap_or_else(|e| panic!("{e}"))
    };
    let mut g = c.benchmark_group("hub desk, 25,000 schools");
    g.sample_size(20);
    g.bench_function(
        "open the desk (read every school and its review state)",
        |b| {
            b.iter(|| black_box(open().app.table.shown.len()));
        },
    );
    let mut table = open().app.table;
    eprintln!("desk table: {} rows", table.rows.len());
    g.bench_function(
        "filter (the next of all, to decide, outstanding, follow-up, decided)",
        |b| {
            b.iter(|| {
                table.next_filter();
                black_box(table.shown.len())
            });
        },
    );
    g.bench_function("search by name as typed (\"oak\")", |b| {
        b.iter(|| {
            table.set_search("oak");
            black_box(table.shown.len())
        });
    });
    g.bench_function("sort by the next column", |b| {
        b.iter(|| {
            table.next_sort();
            black_box(table.shown.len())
        });
    });
    g.finish();
}

criterion_group!(
    benches,
    intake_bench,
    schools_bench,
    report_bench,
    desk_bench
);
criterion_main!(benches);
