//! Export hygiene: what interrupted exports leave behind is swept by the next export; every
//! name fits 255 bytes and stays short enough for Windows' 260-character paths whatever the
//! school's script; and two different schools never get the same name.

use std::path::Path;
use std::process::Command;
use std::time::Duration;

use music_sef::answers::AnswerValue;
use music_sef::export::BundleReport;

use crate::common;

fn export_school(env: &common::Env, school: &str, out: &Path) -> BundleReport {
    let qn = common::shipped("school-music-self-evaluation");
    let mut d = common::complete_draft(env, &qn, "Names");
    d.answers
        .insert("school_name".into(), AnswerValue::Text(school.to_string()));
    env.store.save(&d).expect("save");
    common::export(env, &mut d, &qn, out, false)
        .unwrap_or_else(|e| panic!("{school:?} must export: {e}"))
}

fn cycle(pattern: &str, chars: usize) -> String {
    pattern.chars().cycle().take(chars).collect()
}

#[test]
fn school_names_of_two_hundred_devanagari_emoji_or_four_byte_letters_export() {
    let env = common::env();
    let out = env.dir.path().join("out");
    for school in [
        cycle("सरस्वती विद्या मंदिर उच्चतर माध्यमिक ", 200),
        "🎵".repeat(200),
        "🎻🎺".repeat(100),
        // CJK letters outside the Basic Multilingual Plane: 4 bytes each, and kept as letters.
        "𠮷".repeat(200),
    ] {
        let report = export_school(&env, &school, &out);
        for file in [&report.folder, &report.pdf, &report.zip] {
            let name = file
                .file_name()
                .and_then(|n| n.to_str())
                .unwrap_or_default();
            assert!(name.len() <= 255, "{} bytes: {name}", name.len());
            // Explorer extracts the zip to <name>\<name>\<name>.pdf: three names deep.
            assert!(name.encode_utf16().count() <= 52, "{name}");
        }
    }
    let folders = std::fs::read_dir(&out)
        .expect("out")
        .filter_map(Result::ok)
        .filter(|e| e.path().is_dir() && !e.file_name().to_string_lossy().starts_with('.'))
        .count();
    assert_eq!(
        folders, 4,
        "four schools, four bundles: none replaced another"
    );
}

/// Names an interrupted export leaves (or, for older versions, left).
fn plant_leftovers(out: &Path) {
    for dir in [
        ".music-sef-part-Ab12Cd",
        ".music-sef-old-School-2026-12-01-0a1b2c3d",
    ] {
        std::fs::create_dir_all(out.join(dir)).expect("mkdir");
        std::fs::write(out.join(dir).join("answers.csv"), "x").expect("write");
    }
    let older = out.join(".School-school-music-self-evaluation-2026-12-01.Qx81Zp");
    std::fs::create_dir_all(&older).expect("mkdir");
    std::fs::write(older.join("submission.json"), "{}").expect("write");
    std::fs::write(out.join(".draft.Zz9Yy8.tmp"), "half a zip").expect("write");
}

fn leftovers(out: &Path) -> Vec<String> {
    std::fs::read_dir(out)
        .expect("out")
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with('.') && n != ".music-sef-export.lock" && n != ".keep-me")
        .collect()
}

#[test]
fn the_next_export_sweeps_what_interrupted_exports_left() {
    let env = common::env();
    let out = env.dir.path().join("out");
    let report = export_school(&env, "Oakfield Primary", &out);
    let id = std::fs::read_dir(env.store.dir())
        .expect("drafts")
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .next()
        .expect("a draft");
    // Real interruptions: the real binary killed at random moments while exporting.
    let mut rng = 7u64;
    for _ in 0..20 {
        let mut child = Command::new(assert_cmd::cargo::cargo_bin("music-sef"))
            .args(["export", &id, "--out", &out.display().to_string()])
            .env("MUSIC_SEF_DATA_DIR", env.dir.path())
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .expect("spawn");
        rng = rng.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
        std::thread::sleep(Duration::from_millis((rng >> 33) % 120));
        let _ = child.kill();
        let _ = child.wait();
    }
    plant_leftovers(&out);
    std::fs::create_dir_all(out.join(".keep-me")).expect("mkdir");
    std::fs::write(out.join(".keep-me").join("notes.txt"), "mine").expect("write");
    assert!(!leftovers(&out).is_empty());
    let again = export_school(&env, "Oakfield Primary", &out);
    assert_eq!(
        again.folder, report.folder,
        "the same school's export of the day replaces it"
    );
    assert_eq!(leftovers(&out), Vec::<String>::new());
    assert!(
        out.join(".keep-me").join("notes.txt").exists(),
        "only an export's own leftovers go"
    );
    assert!(again.pdf.is_file() && again.zip.is_file());
}
