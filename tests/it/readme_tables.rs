//! README.md's questionnaire table and its sample `music-sef questionnaires` listing come from
//! the program, not from typing: each test renders its block from the shipped files and fails,
//! printing the block to paste, when README differs. `MUSIC_SEF_UPDATE_README=1 cargo test
//! --test it readme` writes the blocks into README.md instead.

use std::path::{Path, PathBuf};

use music_sef::paths::DataDirs;
use music_sef::questionnaire::{DEFAULT_ID, Registry};

fn readme_path() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md")
}

/// Compare README's block between `<!-- NAME:start -->` and `<!-- NAME:end -->` with
/// `expected`; rewrite it when asked to.
fn check_block(name: &str, expected: &str) {
    let path = readme_path();
    let readme = std::fs::read_to_string(&path).expect("README.md");
    let (start, end) = (
        format!("<!-- {name}:start -->\n"),
        format!("<!-- {name}:end -->"),
    );
    let from = readme.find(&start).map(|i| i + start.len());
    let to = readme.find(&end);
    let (Some(from), Some(to)) = (from, to) else {
        panic!("README.md needs the markers {start:?} and {end:?} around the {name} block");
    };
    if readme[from..to] == *expected {
        return;
    }
    if std::env::var_os("MUSIC_SEF_UPDATE_README").is_some() {
        let updated = format!("{}{expected}{}", &readme[..from], &readme[to..]);
        std::fs::write(&path, updated).expect("write README.md");
        return;
    }
    panic!(
        "README.md's {name} block is out of date. Put this between the markers (or run \
         MUSIC_SEF_UPDATE_README=1 cargo test --test it readme):\n{expected}"
    );
}

/// Markdown table cells cannot hold a line break or a bare `|`.
fn cell(s: &str) -> String {
    s.replace('|', "\\|").replace('\n', " ")
}

#[test]
fn the_readme_lists_the_built_in_questionnaires_with_their_real_counts() {
    let reg = Registry::discover(&DataDirs::at("/nonexistent-music-sef-readme"));
    let mut entries: Vec<_> = reg.entries.iter().map(|e| e.written()).collect();
    entries.sort_by_key(|q| (q.id != DEFAULT_ID, q.id.clone()));
    let mut table =
        String::from("| id | sections | questions | what it is |\n|---|---:|---:|---|\n");
    for q in entries {
        let id = if q.id == DEFAULT_ID {
            format!("`{}` (the default)", q.id)
        } else {
            format!("`{}`", q.id)
        };
        table.push_str(&format!(
            "| {id} | {} | {} | {} |\n",
            q.sections.len(),
            q.question_count(),
            cell(&q.description)
        ));
    }
    check_block("questionnaire-table", &table);
}

#[test]
fn the_readme_s_sample_listing_is_what_the_command_prints() {
    let env = crate::common::env();
    let installed = env.dir.path().join("questionnaires");
    std::fs::create_dir_all(&installed).expect("mkdir");
    let doc = include_str!("../../docs/questionnaire-format.md");
    let start = doc.find("```json\n{").expect("the doc's example") + 8;
    let end = start + doc[start..].find("\n```").expect("its end");
    std::fs::write(installed.join("rhr.json"), &doc[start..end]).expect("write");
    let out = crate::common::bin(&env)
        .arg("questionnaires")
        .assert()
        .success();
    let text = String::from_utf8_lossy(&out.get_output().stdout).into_owned();
    let table: String = text
        .lines()
        .take_while(|l| !l.trim().is_empty())
        .map(|l| format!("{}\n", l.trim_end()))
        .collect();
    assert!(table.contains("riverside-hub-review"), "{text}");
    check_block("questionnaires-output", &format!("```\n{table}```\n"));
}
