//! The bundle as a hub decides from it and combines it: the decision page with its checklist
//! in the scale's own words, the audit's grid, the hub's block and the bookmarks read back from
//! the PDF; two schools' CSV files stacking into one sheet; attachments named for the school
//! whose hashes survive a mail program; a PDF identified as PDF/UA with its creation date.

use std::collections::BTreeSet;

use music_sef::answers::{AnswerValue, LevelAnswer};
use music_sef::export::BundleReport;
use music_sef::export::json::{SubmissionFile, sha256_hex};

use crate::common;

/// Compare ignoring all whitespace: the PDF wraps lines anywhere.
fn squash(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

/// Each page's text, without whitespace.
fn pages(report: &BundleReport) -> Vec<String> {
    let bytes = std::fs::read(&report.pdf).expect("pdf");
    pdf_extract::extract_text_from_mem_by_pages(&bytes)
        .expect("pdf text")
        .iter()
        .map(|p| squash(p))
        .collect()
}

/// The whole text as extracted, spaces kept.
fn text(report: &BundleReport) -> String {
    pdf_extract::extract_text_from_mem(&raw(report)).expect("pdf text")
}

fn raw(report: &BundleReport) -> Vec<u8> {
    std::fs::read(&report.pdf).expect("pdf")
}

fn has(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

fn number(n: i64) -> AnswerValue {
    AnswerValue::Number(n.into())
}

/// A primary school teaching 45 minutes a week in key stages 1 and 2, with no whole-class
/// ensemble teaching and no ensemble, exported from the default questionnaire.
fn primary_school(env: &common::Env, urn: i64, school: &str) -> BundleReport {
    let qn = common::shipped("school-music-self-evaluation");
    let mut d = common::complete_draft(env, &qn, school);
    let set = [
        ("school_name", AnswerValue::Text(school.into())),
        ("urn", number(urn)),
        ("phase", AnswerValue::Text("primary".into())),
        (
            "key_stages",
            AnswerValue::List(vec!["ks1".into(), "ks2".into()]),
        ),
        ("ks1_minutes", number(45)),
        ("ks2_minutes", number(45)),
        ("wcet", AnswerValue::Bool(false)),
        ("ensemble", AnswerValue::Bool(false)),
        ("pupil_premium_percent", number(27)),
    ];
    for (k, v) in set {
        d.answers.insert(k.into(), v);
    }
    d.answers.remove("eyfs_minutes");
    let out = env.dir.path().join(format!("out-{urn}"));
    common::export(env, &mut d, &qn, &out, false).expect("export")
}

#[test]
fn the_decision_page_flags_45_minutes_and_shows_each_no_in_the_scale_s_own_words() {
    let env = common::env();
    let report = primary_school(&env, 148_392, "Willowbrook Primary School");
    let pages = pages(&report);
    let first = &pages[0];
    for needle in [
        "WillowbrookPrimarySchool",
        "URN:148392",
        "Checklist:",
        "NOTMETKeyfeature1:atleastanhourofclassroommusic",
        "KS1:45minutes;KS2:45minutes",
        "Whole-classensembleteaching:No",
        "NOTMETKeyfeature4",
        "Ensemble:No",
        "Overallself-judgement(10.10):",
        "Sectionsummaries",
        "Notstarted=1,Emerging=2,Established=3,Thriving=4",
        "5.Instrumentalandvocallessons—norating",
    ] {
        assert!(first.contains(needle), "page 1 lacks {needle}:\n{first}");
    }
    assert!(!first.contains("draft\""), "no internal ids on page 1");
    let all = pages.concat();
    for gone in ["Developing", "Strong", "Excellent"] {
        assert!(!all.contains(gone), "{gone} is not the scale's word");
    }
    let spaced = text(&report);
    assert!(
        spaced.contains("27%") && !spaced.contains("27 %"),
        "27% reads as 27%"
    );
    // Every number is shown, a skipped one as not applicable.
    assert!(all.contains("3.4Notapplicable:Keystage3"), "{all}");
    // The hub's block closes the report.
    let last = pages.last().expect("a page");
    for needle in [
        "Forhubuse",
        "RecommendfortheMusicMark",
        "Agreedpriority1:",
        "Agreedpriority3:",
        "Hubofficer:",
    ] {
        assert!(last.contains(needle), "the last page lacks {needle}");
    }
}

#[test]
fn the_pdf_has_bookmarks_links_a_creation_date_and_the_pdf_ua_identification() {
    let env = common::env();
    let report = primary_school(&env, 148_392, "Willowbrook Primary School");
    let pdf = raw(&report);
    for needle in [
        &b"/Outlines"[..],
        b"/Title(Decision page)",
        b"/Title(1. About your school and this review)",
        b"/Title(For hub use)",
        b"/CreationDate(D:",
        b"<pdfuaid:part>1</pdfuaid:part>",
        b"<</DisplayDocTitle true>>",
        b"/URI(mailto:music@oakfield.sch.uk)",
    ] {
        assert!(
            has(&pdf, needle),
            "the PDF lacks {}",
            String::from_utf8_lossy(needle)
        );
    }
    let plan_links = pdf
        .windows(b"/URI(https://www.oakfield.sch.uk/music)".len())
        .filter(|w| *w == b"/URI(https://www.oakfield.sch.uk/music)")
        .count();
    assert!(plan_links >= 2, "the plan link on page 1 and in its answer");
}

#[test]
fn the_audit_grid_names_the_criteria_holding_silver_back() {
    let env = common::env();
    let qn = common::shipped("music-quality-mark-audit");
    let mut d = common::complete_draft(&env, &qn, "Audit");
    let level = |l: &str| {
        AnswerValue::Level(LevelAnswer {
            level: Some(l.into()),
            evidence: Some("Seen in lessons".into()),
            target: Some("gold".into()),
        })
    };
    for (_, q) in qn.questions().filter(|(_, q)| q.kind.uses_scale()) {
        d.answers.insert(q.id.clone(), level("silver"));
    }
    d.answers.insert("C6".into(), level("bronze"));
    d.answers.insert("O2".into(), level("bronze"));
    let out = env.dir.path().join("out");
    let report = common::export(&env, &mut d, &qn, &out, false).expect("export");
    let pages = pages(&report);
    assert!(
        pages[0].contains("Indicativeaward:Bronze(theindicativerule:"),
        "{}",
        pages[0]
    );
    let grid = &pages[1];
    for needle in [
        "Thecriteria:claimedlevelandtarget",
        "6.6C6Musictechnology(ICT)inthecurriculumBronzeGoldSilver,Gold",
        "Silverisheldbackby2:O2Progressinmusicallearning;C6Musictechnology(ICT)inthecurriculum.",
        "Goldisheldbackby29",
    ] {
        assert!(grid.contains(needle), "the grid lacks {needle}:\n{grid}");
    }
    // The claimed level's descriptor is printed with the evidence.
    let descriptor = squash(&qn.question("C6").expect("C6").descriptors["bronze"]);
    assert!(pages.concat().contains(&descriptor));
}

/// The rows of a CSV file written with a byte-order mark.
fn rows(path: &std::path::Path) -> (Vec<String>, Vec<Vec<String>>) {
    let bytes = std::fs::read(path).expect("csv");
    assert!(bytes.starts_with(b"\xef\xbb\xbf"), "UTF-8 with a BOM");
    let mut r = csv::Reader::from_reader(&bytes[3..]);
    let header = r
        .headers()
        .expect("header")
        .iter()
        .map(str::to_string)
        .collect();
    let rows = r
        .records()
        .map(|x| x.expect("row").iter().map(str::to_string).collect())
        .collect();
    (header, rows)
}

#[test]
fn two_schools_csv_files_stack_into_one_sheet_with_their_urn_on_every_row() {
    let env = common::env();
    let a = primary_school(&env, 148_392, "Willowbrook Primary School");
    let b = primary_school(&env, 100_231, "Oakfield Infant School");
    let (ha, ra) = rows(&a.csv);
    let (hb, rb) = rows(&b.csv);
    assert_eq!(ha, hb, "one header for both");
    for (urn, rows) in [("148392", &ra), ("100231", &rb)] {
        assert!(rows.iter().all(|r| r[0] == urn && r.len() == ha.len()));
        assert!(
            rows.iter()
                .all(|r| r[2] == "school-music-self-evaluation" && !r[4].is_empty())
        );
    }
    let find = |rows: &[Vec<String>], id: &str| -> Vec<Vec<String>> {
        rows.iter().filter(|r| r[7] == id).cloned().collect()
    };
    let ks1 = &find(&ra, "ks1_minutes")[0];
    assert_eq!(
        (ks1[11].as_str(), ks1[13].as_str()),
        ("45", "minutes"),
        "a bare number and its unit"
    );
    let stages = find(&ra, "key_stages");
    assert_eq!(stages.len(), 2, "a row per chosen option");
    assert_eq!(
        (stages[0][11].as_str(), stages[0][12].as_str()),
        ("ks1", "Key stage 1")
    );
    let ks3 = &find(&ra, "ks3_minutes")[0];
    assert_eq!(
        (ks3[10].as_str(), ks3[11].as_str()),
        ("no", ""),
        "present, marked as not applying"
    );
    // The summaries share their columns, so they paste under one header.
    let (sa, va) = rows(&a.summary);
    let (sb, vb) = rows(&b.summary);
    assert_eq!(sa, sb);
    assert_eq!((va.len(), vb.len()), (1, 1));
    let col = |name: &str| sa.iter().position(|c| c == name).expect(name);
    assert_eq!(va[0][col("urn")], "148392");
    assert_eq!(va[0][col("check.kf1_curriculum_time")], "not met");
    assert_eq!(va[0][col("number.ks1_minutes")], "45");
    assert_eq!(vb[0][col("school")], "Oakfield Infant School");
    let distinct: BTreeSet<&String> = sa.iter().collect();
    assert_eq!(distinct.len(), sa.len(), "column names are unique");
}

#[test]
fn attachments_carry_the_urn_and_their_hashes_survive_a_mail_program_rewriting_line_ends() {
    let env = common::env();
    let report = primary_school(&env, 148_392, "École Sainte-Anne");
    let eml = std::fs::read_to_string(&report.eml).expect("eml");
    assert!(
        eml.contains("name=\"148392-Ecole-Sainte-Anne-2026-"),
        "a plain name= beside the encoded file name"
    );
    // A mail program that turns CRLF into LF must not change what the hub saves.
    let rewritten = eml.replace("\r\n", "\n");
    let msg = mail_parser::MessageParser::default()
        .parse(rewritten.as_bytes())
        .expect("parse");
    let sub: SubmissionFile =
        serde_json::from_slice(&std::fs::read(&report.json).expect("json")).expect("json");
    let mut names = Vec::new();
    let original = mail_parser::MessageParser::default()
        .parse(eml.as_bytes())
        .expect("parse");
    assert!(
        original
            .attachments()
            .all(|a| a.encoding == mail_parser::Encoding::Base64),
        "every attachment in base64"
    );
    for a in msg.attachments() {
        let name = a.attachment_name().expect("a name").to_string();
        assert!(name.starts_with("148392-École-Sainte-Anne-"), "{name}");
        if let Some(hash) = sub.files.get(&name) {
            assert_eq!(&sha256_hex(a.contents()), hash, "{name} arrives unchanged");
        }
        names.push(name);
    }
    assert_eq!(names.len(), 4);
    assert_eq!(
        names.iter().filter(|n| sub.files.contains_key(*n)).count(),
        3
    );
    // The subject says who, what and how it went; the body carries the decision page.
    let subject = msg.subject().unwrap_or_default();
    assert!(
        subject.contains("148392 École Sainte-Anne") && subject.contains("checklist"),
        "{subject}"
    );
    let body = msg.body_text(0).unwrap_or_default();
    assert!(body.contains("[NOT MET] Key feature 1"), "{body}");
    assert!(body.contains("KS1: 45 minutes; KS2: 45 minutes"), "{body}");
}

#[test]
fn zip_entries_are_dated_when_they_were_written() {
    let env = common::env();
    let report = primary_school(&env, 148_392, "Willowbrook Primary School");
    let file = std::fs::File::open(&report.zip).expect("zip");
    let mut z = zip::ZipArchive::new(file).expect("archive");
    assert_eq!(z.len(), 5);
    for i in 0..z.len() {
        let e = z.by_index(i).expect("entry");
        let year = e.last_modified().map_or(1980, |t| t.year());
        assert!(year >= 2024, "{:?} is dated {year}", e.name());
    }
}

/// `tool args…` run on `pdf`, or None when the tool is not installed.
fn run(tool: &str, args: &[&str], pdf: &std::path::Path) -> Option<String> {
    let out = std::process::Command::new(tool)
        .args(args)
        .arg(pdf)
        .output()
        .ok()?;
    Some(String::from_utf8_lossy(&out.stdout).into_owned())
}

#[test]
fn pdfinfo_shows_the_creation_date_and_qpdf_the_pdf_ua_identification() {
    let env = common::env();
    let report = primary_school(&env, 148_392, "Willowbrook Primary School");
    let Some(info) = run("pdfinfo", &[], &report.pdf) else {
        eprintln!("skipped: pdfinfo (poppler-utils) is not installed");
        return;
    };
    assert!(
        info.contains("CreationDate:") && info.contains("Tagged:          yes"),
        "{info}"
    );
    let Some(trailer) = run("qpdf", &["--show-object=trailer"], &report.pdf) else {
        eprintln!("skipped: qpdf is not installed");
        return;
    };
    // Trailer → catalogue → its metadata stream, which names the PDF/UA part.
    let object = |text: &str, key: &str| -> String {
        let at = text
            .find(key)
            .map(|i| &text[i + key.len()..])
            .unwrap_or_default();
        at.split_whitespace().next().unwrap_or_default().to_string()
    };
    let root = object(&trailer, "/Root ");
    let catalog = run("qpdf", &[&format!("--show-object={root}")], &report.pdf).unwrap_or_default();
    assert!(catalog.contains("/DisplayDocTitle true"), "{catalog}");
    let meta = object(&catalog, "/Metadata ");
    let xmp = run(
        "qpdf",
        &[&format!("--show-object={meta}"), "--filtered-stream-data"],
        &report.pdf,
    )
    .unwrap_or_default();
    assert!(xmp.contains("<pdfuaid:part>1</pdfuaid:part>"), "{xmp}");
}

#[test]
fn an_emoji_in_the_header_prints_as_in_the_body_and_the_pdf_stays_pdf_ua() {
    let env = common::env();
    let qn = common::shipped("pre-meeting-data-form");
    let mut d = common::complete_draft(&env, &qn, "Emoji");
    for (k, v) in [
        ("school_name", "Oakfield 🎵 School"),
        ("topic_2", "Singing in עברית and Ελληνικά"),
    ] {
        d.answers.insert(k.into(), AnswerValue::Text(v.into()));
    }
    let out = env.dir.path().join("out");
    let report = common::export(&env, &mut d, &qn, &out, false).expect("export");
    assert!(report.warnings.iter().any(|w| w.to_string().contains('🎵')));
    let pages = pages(&report);
    assert!(
        pages[1].starts_with("Oakfield?School·Pre-meetingdataform"),
        "{}",
        pages[1]
    );
    assert!(pages.concat().contains("Ελληνικά"));
    assert!(has(&raw(&report), b"<pdfuaid:part>1</pdfuaid:part>"));
}

use mail_parser::MimeHeaders as _;
