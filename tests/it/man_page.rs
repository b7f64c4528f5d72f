//! The manual page docs/music-sef.1 is what `music-sef man` prints (the release ships it as
//! music-sef.1), and it renders. After changing the command line, regenerate it with
//! `MUSIC_SEF_WRITE_DOCS=1 cargo test man_page`.

use std::path::{Path, PathBuf};

use crate::common;

fn docs() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("docs")
}

#[test]
fn man_page_file_matches_the_command_line() {
    let page = music_sef::commands::man::page().expect("page");
    let path = docs().join("music-sef.1");
    if std::fs::read_to_string(&path).ok().as_deref() == Some(page.as_str()) {
        return;
    }
    if std::env::var_os("MUSIC_SEF_WRITE_DOCS").is_some() {
        std::fs::write(&path, &page).expect("write docs/music-sef.1");
        return;
    }
    panic!("docs/music-sef.1 is out of date; run MUSIC_SEF_WRITE_DOCS=1 cargo test man_page");
}

#[test]
fn man_prints_the_page_with_every_command_and_what_clap_does_not_know() {
    let env = common::env();
    let page = common::stdout_of(&env, &["man"], "");
    assert_eq!(page, music_sef::commands::man::page().expect("page"));
    for needle in [
        ".TH music-sef 1",
        ".SH NAME",
        ".SH SYNOPSIS",
        ".SH COMMANDS",
        ".SS \"new\"",
        ".SS \"paths\"",
        ".SS \"completions\"",
        "\\fB\\-\\-allow\\-incomplete\\fR",
        ".SH FILES",
        ".SH ENVIRONMENT",
        ".SH \"EXIT STATUS\"",
        "MUSIC_SEF_CONFIG_DIR",
    ] {
        assert!(page.contains(needle), "{needle} in the page");
    }
    assert!(
        !page.contains(".SS \"man\""),
        "the packagers' command is not listed"
    );
    assert_eq!(page.matches(".ds Aq").count(), 2, "one preamble");
}

fn have(tool: &str) -> bool {
    std::process::Command::new(tool)
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success())
}

/// `man ./music-sef.1` as in a release archive: the page renders with its sections, and
/// groff finds nothing to warn about. Where neither is installed, the roff's structure is
/// checked instead.
#[test]
fn man_renders_the_page() {
    let dir = docs();
    let roff = std::fs::read_to_string(dir.join("music-sef.1")).expect("docs/music-sef.1");
    if have("man") {
        let out = std::process::Command::new("man")
            .arg("./music-sef.1")
            .current_dir(&dir)
            .env("MANPAGER", "cat")
            .env("PAGER", "cat")
            .env("MANWIDTH", "80")
            .env("LC_ALL", "C.UTF-8")
            .output()
            .expect("man");
        let text = String::from_utf8_lossy(&out.stdout);
        assert!(out.status.success(), "{out:?}");
        for needle in [
            "NAME",
            "COMMANDS",
            "FILES",
            "ENVIRONMENT",
            "EXIT STATUS",
            "paths",
        ] {
            assert!(text.contains(needle), "{needle} in:\n{text}");
        }
    }
    if have("groff") {
        let out = std::process::Command::new("groff")
            .args(["-man", "-Tutf8", "-ww", "-z"])
            .arg(dir.join("music-sef.1"))
            .output()
            .expect("groff");
        let warnings = String::from_utf8_lossy(&out.stderr);
        assert!(
            out.status.success() && warnings.trim().is_empty(),
            "{warnings}"
        );
    }
    let heads = roff.lines().filter(|l| l.starts_with(".SH ")).count();
    assert!(
        roff.lines().any(|l| l.starts_with(".TH music-sef 1")),
        "a title line"
    );
    assert!(heads >= 8, "{heads} sections");
}
