//! Every text in the shipped questionnaires is in our own words: none shares a run of 10 or
//! more words in a row with a source document. The sources are short excerpts shipped as test
//! data in `tests/fixtures/sources/` (see its README), so the check needs nothing outside the
//! repository; `MUSIC_SEF_SOURCE_TEXTS` can name further files or folders to check against.
//!
//! Words are compared lower-cased, with apostrophes dropped and anything that is not a letter
//! or a digit taken as a gap, so punctuation, capitals and line breaks cannot hide a copy.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use crate::shipped_content::{AUDIT, DEFAULT, PRE_MEETING};

/// The shortest shared run that counts as copying.
const LIMIT: usize = 10;

fn words(text: &str) -> Vec<String> {
    text.to_lowercase()
        .replace(['\'', '\u{2019}', '\u{2018}'], "")
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect()
}

/// A named text, as words.
struct Text {
    name: String,
    words: Vec<String>,
}

/// Every string in a JSON value, each named by its path (`sections[about].questions[urn].prompt`).
fn strings(v: &serde_json::Value, path: &str, out: &mut Vec<(String, String)>) {
    match v {
        serde_json::Value::String(s) => out.push((path.to_string(), s.clone())),
        serde_json::Value::Array(list) => {
            for (i, x) in list.iter().enumerate() {
                let key = x
                    .get("id")
                    .and_then(|id| id.as_str())
                    .map_or_else(|| i.to_string(), str::to_string);
                strings(x, &format!("{path}[{key}]"), out);
            }
        }
        serde_json::Value::Object(map) => {
            for (k, x) in map {
                let p = if path.is_empty() {
                    k.clone()
                } else {
                    format!("{path}.{k}")
                };
                strings(x, &p, out);
            }
        }
        _ => {}
    }
}

/// A source file: a `.json` file is a set of texts (each string), anything else one text.
fn read_source(path: &Path, out: &mut Vec<Text>) {
    let name = path
        .file_name()
        .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
    let Ok(text) = std::fs::read_to_string(path) else {
        return;
    };
    if path.extension().is_some_and(|x| x == "json") {
        let v: serde_json::Value =
            serde_json::from_str(&text).unwrap_or_else(|e| panic!("{name}: {e}"));
        let mut found = Vec::new();
        strings(&v, "", &mut found);
        out.extend(found.into_iter().map(|(p, s)| Text {
            name: format!("{name} {p}"),
            words: words(&s),
        }));
    } else {
        out.push(Text {
            name,
            words: words(&text),
        });
    }
}

fn read_path(path: &Path, out: &mut Vec<Text>) {
    if path.is_dir() {
        let mut files: Vec<PathBuf> = std::fs::read_dir(path)
            .map(|rd| rd.filter_map(Result::ok).map(|e| e.path()).collect())
            .unwrap_or_default();
        files.sort();
        for f in files
            .iter()
            .filter(|f| f.file_name().is_some_and(|n| n != "README.md"))
        {
            read_source(f, out);
        }
    } else {
        read_source(path, out);
    }
}

fn sources() -> Vec<Text> {
    let mut out = Vec::new();
    read_path(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/sources"),
        &mut out,
    );
    if let Some(extra) = std::env::var_os("MUSIC_SEF_SOURCE_TEXTS") {
        for p in std::env::split_paths(&extra) {
            read_path(&p, &mut out);
        }
    }
    out
}

/// The longest run of words `text` shares with any source.
#[derive(Debug, Default)]
struct Run {
    len: usize,
    words: String,
    source: String,
}

struct Index<'a> {
    sources: &'a [Text],
    at: HashMap<&'a str, Vec<(usize, usize)>>,
}

impl<'a> Index<'a> {
    fn new(sources: &'a [Text]) -> Self {
        let mut at: HashMap<&str, Vec<(usize, usize)>> = HashMap::new();
        for (si, s) in sources.iter().enumerate() {
            for (j, w) in s.words.iter().enumerate() {
                at.entry(w.as_str()).or_default().push((si, j));
            }
        }
        Self { sources, at }
    }

    fn longest(&self, text: &[String]) -> Run {
        let mut best = Run::default();
        for (i, w) in text.iter().enumerate() {
            for &(si, j) in self.at.get(w.as_str()).map_or(&[][..], Vec::as_slice) {
                let src = &self.sources[si].words;
                let n = text[i..]
                    .iter()
                    .zip(&src[j..])
                    .take_while(|(a, b)| a == b)
                    .count();
                if n > best.len {
                    best = Run {
                        len: n,
                        words: text[i..i + n].join(" "),
                        source: self.sources[si].name.clone(),
                    };
                }
            }
        }
        best
    }
}

#[test]
fn no_questionnaire_text_shares_ten_words_in_a_row_with_a_source() {
    let sources = sources();
    let index = Index::new(&sources);
    let mut longest = (Run::default(), String::new());
    let mut copies = Vec::new();
    for (file, text) in [
        ("default", DEFAULT),
        ("audit", AUDIT),
        ("pre-meeting", PRE_MEETING),
    ] {
        let v: serde_json::Value = serde_json::from_str(text).expect("parses");
        let mut found = Vec::new();
        strings(&v, "", &mut found);
        for (path, s) in found {
            let run = index.longest(&words(&s));
            if run.len >= LIMIT {
                copies.push(format!(
                    "{file} {path}: {} words from {}: \"{}\"",
                    run.len, run.source, run.words
                ));
            }
            if run.len > longest.0.len {
                longest = (run, format!("{file} {path}"));
            }
        }
    }
    println!(
        "longest run shared with a source: {} words, {} (from {}): \"{}\"",
        longest.0.len, longest.1, longest.0.source, longest.0.words
    );
    assert!(
        copies.is_empty(),
        "reword these in our own words:\n{}",
        copies.join("\n")
    );
}

#[test]
fn the_check_finds_a_copied_run_through_punctuation_and_capitals() {
    let sources = sources();
    let index = Index::new(&sources);
    let cell = sources
        .iter()
        .find(|s| s.name.contains("O1.bronze"))
        .expect("the O1 Bronze cell");
    let copied = cell.words[..12].join(", ").to_uppercase();
    let run = index.longest(&words(&format!("In short: {copied}!")));
    assert!(run.len >= 12, "{run:?}");
    let nine = cell.words[..9].join(" ");
    assert!(index.longest(&words(&format!("{nine} elsewhere"))).len < LIMIT);
}

#[test]
fn the_shipped_sources_hold_the_87_cells_and_no_contact_details() {
    let mut cells = Vec::new();
    read_source(
        &Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/sources/lsms-criteria-cells.json"),
        &mut cells,
    );
    assert_eq!(cells.len(), 29 * 3, "29 criteria, three levels each");
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/sources");
    for entry in std::fs::read_dir(&dir)
        .expect("fixtures")
        .filter_map(Result::ok)
    {
        let text = std::fs::read_to_string(entry.path()).unwrap_or_default();
        let name = entry.file_name();
        assert!(!text.contains('@'), "{name:?} holds an e-mail address");
        assert!(!text.contains("http"), "{name:?} holds a web link");
    }
}
