//! The performance budget (README.md, "Performance"), measured with criterion and never
//! asserted in tests: the whole program in a pseudo-terminal beside `dialog` (start-up, keys,
//! idle wake-ups, peak memory, export), and the library's own costs in-process. At the end
//! the figures of this run are printed as README's tables (`report`).
//!
//! `cargo bench` runs everything; `cargo bench -- start-up` (or `key`, `export`, `load` …)
//! one group; idle and memory-after-export run only with no filter or `idle` / `memory`.
//!
//! Unix only: the harness drives a pseudo-terminal and reads `/proc`. On Windows it still
//! compiles (for the Windows clippy leg) and says so when run.

#[cfg(unix)]
mod fixtures;
#[cfg(unix)]
mod inproc;
#[cfg(unix)]
mod pty;
#[cfg(unix)]
mod report;
#[cfg(unix)]
mod whole;

#[cfg(unix)]
use std::time::SystemTime;

#[cfg(unix)]
use criterion::Criterion;

/// Filters given on the command line (criterion reads them too).
#[cfg(unix)]
fn filters() -> Vec<String> {
    std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with('-'))
        .collect()
}

/// Whether a part that is not a criterion group was asked for.
#[cfg(unix)]
fn wanted(name: &str) -> bool {
    let f = filters();
    f.is_empty() || f.iter().any(|x| name.contains(x.as_str()))
}

#[cfg(not(unix))]
fn main() {
    eprintln!("The budget benches need a Unix pseudo-terminal; nothing was measured.");
}

#[cfg(unix)]
fn main() {
    let since = SystemTime::now();
    let load_before = report::load();
    let fx = fixtures::Fixtures::new();
    let mut c = Criterion::default().configure_from_args();
    inproc::all(&mut c);
    let startup = whole::startup(&mut c, &fx);
    let keys = whole::keys(&mut c, &fx);
    whole::export(&mut c, &fx, wanted("export"));
    if wanted("idle") {
        whole::idle(&fx);
    }
    if wanted("memory") {
        whole::memory_after_export(&fx);
    }
    c.final_summary();
    report::publish(&report::render(since, &load_before, &startup, &keys));
}
