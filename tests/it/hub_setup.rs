//! Set-up for the hub's tests: bundles exported by the program itself for four schools
//! (made once per test run and shared, as exporting a PDF is the slow part), a hub
//! database path per test, and the `music-sef hub` command.

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use music_sef::answers::AnswerValue;

use crate::common;

/// One school's exported bundle in each form the export writes.
#[derive(Debug, Clone)]
pub struct Exported {
    pub urn: u32,
    pub school: String,
    pub folder: PathBuf,
    pub zip: PathBuf,
    pub json: PathBuf,
    pub eml: PathBuf,
}

pub const SCHOOLS: [(&str, u32, &str); 4] = [
    (
        "school-music-self-evaluation",
        100_001,
        "Oakfield Primary School",
    ),
    ("school-music-self-evaluation", 100_002, "Birchwood Academy"),
    (
        "music-quality-mark-audit",
        100_003,
        "Castle Hill Junior School",
    ),
    ("pre-meeting-data-form", 100_004, "Dunmore Infant School"),
];

fn export_all(root: &Path) -> Vec<Exported> {
    let env = common::env();
    SCHOOLS
        .iter()
        .map(|(id, urn, school)| {
            let qn = common::shipped(id);
            let mut draft = common::complete_draft(&env, &qn, &format!("{school} – 2026/27"));
            draft
                .answers
                .insert("school_name".into(), AnswerValue::Text((*school).into()));
            draft
                .answers
                .insert("urn".into(), AnswerValue::Number((*urn).into()));
            if qn.question("academic_year").is_some() {
                draft
                    .answers
                    .insert("academic_year".into(), AnswerValue::Text("2026-27".into()));
            }
            // Distinct weekly minutes, so the roll-up's counts can be checked.
            if let Some(AnswerValue::Number(_)) = draft.answers.get("ks1_minutes") {
                let minutes = if *urn == 100_001 { 45 } else { 60 };
                draft
                    .answers
                    .insert("ks1_minutes".into(), AnswerValue::Number(minutes.into()));
            }
            env.store.save(&draft).expect("save");
            let r = common::export(&env, &mut draft, &qn, &root.join(urn.to_string()), false)
                .expect("export");
            Exported {
                urn: *urn,
                school: (*school).into(),
                folder: r.folder,
                zip: r.zip,
                json: r.json,
                eml: r.eml,
            }
        })
        .collect()
}

/// The four schools' bundles, exported once for the whole test run.
pub fn exported() -> &'static [Exported] {
    static BUNDLES: OnceLock<(tempfile::TempDir, Vec<Exported>)> = OnceLock::new();
    &BUNDLES
        .get_or_init(|| {
            // Under the target folder, not /tmp. A static is never dropped, so earlier runs'
            // folders are removed here once they are an hour old.
            let root = Path::new(env!("CARGO_TARGET_TMPDIR"));
            for e in std::fs::read_dir(root).into_iter().flatten().flatten() {
                let old = e.metadata().and_then(|m| m.modified()).is_ok_and(|t| {
                    t.elapsed()
                        .is_ok_and(|a| a > std::time::Duration::from_secs(3600))
                });
                if old && e.file_name().to_string_lossy().starts_with("hub-bundles-") {
                    let _ = std::fs::remove_dir_all(e.path());
                }
            }
            let dir = tempfile::Builder::new()
                .prefix("hub-bundles-")
                .tempdir_in(root)
                .expect("temp dir");
            let list = export_all(dir.path());
            (dir, list)
        })
        .1
}

/// Copy a bundle folder so a test can change it.
pub fn copy_folder(from: &Path, to: &Path) -> PathBuf {
    let dest = to.join(from.file_name().expect("name"));
    std::fs::create_dir_all(&dest).expect("mkdir");
    for e in std::fs::read_dir(from).expect("read dir") {
        let e = e.expect("entry");
        std::fs::copy(e.path(), dest.join(e.file_name())).expect("copy");
    }
    dest
}

pub fn db_path(env: &common::Env) -> PathBuf {
    env.dir.path().join("hub.sqlite")
}

/// `music-sef hub --db <the test's database> …`
pub fn hub(env: &common::Env) -> assert_cmd::Command {
    let mut c = common::bin(env);
    c.arg("hub").arg("--db").arg(db_path(env));
    c
}

/// The database opened with plain SQLite, as any tool would.
pub fn sql(env: &common::Env) -> rusqlite::Connection {
    rusqlite::Connection::open_with_flags(db_path(env), rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY)
        .expect("open read-only")
}

pub fn count(env: &common::Env, query: &str) -> i64 {
    sql(env).query_row(query, [], |r| r.get(0)).expect(query)
}

pub fn stdout(o: &std::process::Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

pub fn stderr(o: &std::process::Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}
