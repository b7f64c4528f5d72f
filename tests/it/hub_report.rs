//! The hub's view of the year: the expected list from a GIAS-style extract (Windows-1252)
//! gives the outstanding schools; `hub schools` lists them safely; `hub report` writes an
//! .xlsx (read back with calamine: one row per school, numbers as numbers, charts present),
//! a summary PDF with the counts, and CSVs.

use calamine::{Data, Reader, Xlsx, open_workbook};

use music_sef::hub::generate;
use music_sef::hub::year::AcademicYear;

use crate::common;
use crate::hub_setup::{exported, hub, stderr, stdout};

/// A GIAS extract as downloaded: Windows-1252, its column names, closed schools and
/// schools of other local authorities among the rest.
fn gias(path: &std::path::Path) {
    let mut text = String::from(
        "URN,LA (code),LA (name),EstablishmentNumber,EstablishmentName,TypeOfEstablishment (name),EstablishmentStatus (name),PhaseOfEducation (name),NumberOfPupils\r\n",
    );
    for (urn, name, status, la) in [
        (100_001, "Oakfield Primary School", "Open", "Leicestershire"),
        (100_002, "Birchwood Academy", "Open", "Leicestershire"),
        (
            100_003,
            "Castle Hill Junior School",
            "Open",
            "Leicestershire",
        ),
        (
            100_004,
            "Dunmore Infant School",
            "Open, but proposed to close",
            "Leicestershire",
        ),
        (100_010, "École Sainte-Thérèse", "Open", "Leicestershire"),
        (
            100_011,
            "Old Mill Primary School",
            "Closed",
            "Leicestershire",
        ),
        (100_012, "Rutland Water Primary", "Open", "Rutland"),
    ] {
        text.push_str(&format!(
            "{urn},855,{la},2001,{name},Community school,\"{status}\",Primary,210\r\n"
        ));
    }
    let (bytes, _, _) = encoding_rs::WINDOWS_1252.encode(&text);
    std::fs::write(path, bytes).expect("csv");
}

fn expect_and_add(env: &common::Env, bundles: usize) {
    let csv = env.dir.path().join("edubasealldata20260901.csv");
    gias(&csv);
    let out = hub(env)
        .arg("expect")
        .arg(&csv)
        .args(["--la", "Leicestershire"])
        .output()
        .expect("run");
    let text = stdout(&out);
    assert!(
        text.contains("Expecting 5 schools"),
        "{text}{}",
        stderr(&out)
    );
    assert!(text.contains("read as Windows-1252"), "{text}");
    assert!(
        text.contains("Left out: 1 closed or not yet open, 1 in other local authorities."),
        "{text}"
    );
    let zips: Vec<_> = exported()
        .iter()
        .take(bundles)
        .map(|b| b.zip.clone())
        .collect();
    hub(env).arg("add").args(&zips).assert().success();
}

#[test]
fn the_expected_list_gives_the_outstanding_schools() {
    let env = common::env();
    expect_and_add(&env, 3);
    let out = hub(&env)
        .args(["schools", "--outstanding", "--json"])
        .output()
        .expect("run");
    let list: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    let urns: Vec<u64> = list
        .as_array()
        .expect("list")
        .iter()
        .filter_map(|s| s["urn"].as_u64())
        .collect();
    assert_eq!(urns, [100_004, 100_010]);
    assert_eq!(
        list[1]["name"], "École Sainte-Thérèse",
        "accents survive Windows-1252"
    );
    assert_eq!(list[1]["status"], "outstanding");
    // The hub's checklist count is the one each school's own summary CSV carries.
    let all = hub(&env).args(["schools", "--json"]).output().expect("run");
    let all: serde_json::Value = serde_json::from_slice(&all.stdout).expect("json");
    for b in exported().iter().take(3) {
        let summary = std::fs::read_dir(&b.folder)
            .expect("bundle")
            .flatten()
            .map(|e| e.path())
            .find(|p| p.to_string_lossy().ends_with("-summary.csv"))
            .expect("summary CSV");
        let bytes = std::fs::read(summary).expect("read");
        let mut r = csv::Reader::from_reader(&bytes[3..]);
        let heads = r.headers().expect("headings").clone();
        let row = r.records().next().expect("a row").expect("row");
        let field = |name: &str| {
            heads
                .iter()
                .position(|h| h == name)
                .and_then(|i| row.get(i))
                .unwrap_or_default()
                .to_string()
        };
        let line = all
            .as_array()
            .expect("list")
            .iter()
            .find(|l| l["urn"].as_u64().map(|u| u.to_string()) == Some(field("urn")))
            .expect("the school is listed");
        assert_eq!(line["checks_met"].to_string(), field("checks_met"));
        let applying: usize = ["checks_met", "checks_not_met", "checks_not_answered"]
            .iter()
            .map(|h| field(h).parse::<usize>().expect("a count"))
            .sum();
        assert_eq!(line["checks_applying"].as_u64(), Some(applying as u64));
    }
    let table = stdout(&hub(&env).arg("schools").output().expect("run"));
    assert!(
        table
            .lines()
            .nth(1)
            .is_some_and(|h| h.contains("Checks met")),
        "{table}"
    );
    assert!(
        table.contains("Schools for 2026-27: 3 sent a submission, 2 outstanding"),
        "{table}"
    );
    assert!(
        table
            .lines()
            .any(|l| l.starts_with("100001 Oakfield Primary School") && l.ends_with("received")),
        "{table}"
    );
    assert!(
        table
            .lines()
            .any(|l| l.starts_with("100010") && l.ends_with("outstanding")),
        "{table}"
    );
}

#[test]
fn names_from_files_never_reach_the_terminal_raw() {
    let env = common::env();
    let qn = common::shipped("pre-meeting-data-form");
    let mut b = generate::bundle(&qn, 5, AcademicYear(2026));
    let hostile = "Evil\u{1b}]0;pwned\u{7}\u{1b}[2J School";
    b.submission.answers.insert(
        "school_name".into(),
        music_sef::answers::AnswerValue::Text(hostile.into()),
    );
    b.json = serde_json::to_vec(&b.submission).expect("json");
    let path = b.write_zip(env.dir.path()).expect("zip");
    let add = hub(&env)
        .args(["add", "-v"])
        .arg(&path)
        .output()
        .expect("run");
    let list = hub(&env).arg("schools").output().expect("run");
    for out in [&add, &list] {
        let text = stdout(out);
        assert!(
            !text.contains('\u{1b}') && !text.contains('\u{7}'),
            "{text:?}"
        );
        assert!(text.contains("Evil School"), "{text}");
    }
}

fn cell_text(d: &Data) -> String {
    d.to_string()
}

fn column(headings: &[Data], name: &str) -> usize {
    headings
        .iter()
        .position(|h| cell_text(h) == name)
        .unwrap_or_else(|| panic!("no column {name}"))
}

#[test]
fn the_report_has_one_row_per_school_numbers_as_numbers_charts_and_the_counts() {
    let env = common::env();
    expect_and_add(&env, 4);
    // Last year's submission for one school, for the "Since last year" sheet.
    let last = generate::bundle(
        &common::shipped("pre-meeting-data-form"),
        3,
        AcademicYear(2025),
    );
    let mut last = last;
    last.submission.answers.insert(
        "urn".into(),
        music_sef::answers::AnswerValue::Number(100_004.into()),
    );
    last.json = serde_json::to_vec(&last.submission).expect("json");
    hub(&env)
        .arg("add")
        .arg(last.write_zip(env.dir.path()).expect("zip"))
        .assert()
        .success();
    let out_dir = env.dir.path().join("roll-up");
    let out = hub(&env)
        .args(["report", "--year", "2026-27", "--out"])
        .arg(&out_dir)
        .output()
        .expect("run");
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stdout(&out).contains("4 schools sent a submission, 1 expected schools have not"),
        "{}",
        stdout(&out)
    );

    let xlsx = out_dir.join("hub-2026-27.xlsx");
    let mut book: Xlsx<_> = open_workbook(&xlsx).expect("open xlsx");
    assert_eq!(
        book.sheet_names(),
        [
            "Schools",
            "Answers",
            "Outstanding",
            "Since last year",
            "Counts"
        ]
    );
    let schools = book.worksheet_range("Schools").expect("Schools");
    let rows: Vec<&[Data]> = schools.rows().collect();
    assert_eq!(rows.len(), 5, "a heading row and one row per school");
    let urn = column(rows[0], "URN");
    let urns: Vec<&Data> = rows[1..].iter().map(|r| &r[urn]).collect();
    assert_eq!(
        urns,
        [
            &Data::Float(100_001.0),
            &Data::Float(100_002.0),
            &Data::Float(100_003.0),
            &Data::Float(100_004.0)
        ]
    );
    // The readiness checklist, counted and item by item, in words a reader can filter on.
    let met = column(rows[0], "Checklist items met");
    assert!(rows[1..].iter().all(|r| matches!(r[met], Data::Float(_))));
    let plan = column(
        rows[0],
        "Check: Music development plan summary published on the school website",
    );
    for r in &rows[1..] {
        let verdict = cell_text(&r[plan]);
        assert!(
            ["met", "not met", "not answered", "does not apply", ""].contains(&verdict.as_str()),
            "{verdict}"
        );
    }
    let ks1 = column(rows[0], "Minutes a week: KS1");
    assert_eq!(rows[1][ks1], Data::Float(45.0), "numbers as numbers");
    assert!(
        matches!(rows[1][column(rows[0], "Submitted")], Data::DateTime(_)),
        "dates as dates"
    );
    assert!(
        !cell_text(&rows[3][column(rows[0], "Indicative award")]).is_empty(),
        "the audit's award"
    );
    let answers = book.worksheet_range("Answers").expect("Answers");
    assert!(
        answers
            .rows()
            .skip(1)
            .all(|r| matches!(r[0], Data::Float(_)))
    );
    assert!(answers.height() > 150, "every answer in long form");
    let outstanding = book.worksheet_range("Outstanding").expect("Outstanding");
    assert_eq!(
        outstanding.rows().nth(1).map(|r| r[0].clone()),
        Some(Data::Float(100_010.0))
    );
    let since = book.worksheet_range("Since last year").expect("Since");
    assert_eq!(since.height(), 2, "one school sent last year too");

    // Native charts: chart parts inside the .xlsx.
    let mut zip = zip::ZipArchive::new(std::fs::File::open(&xlsx).expect("xlsx")).expect("zip");
    let charts = (0..zip.len())
        .filter(|&i| {
            zip.by_index(i)
                .is_ok_and(|f| f.name().is_ok_and(|n| n.starts_with("xl/charts/chart")))
        })
        .count();
    assert!(charts >= 4, "{charts} charts");

    let pdf = pdf_extract::extract_text(out_dir.join("hub-2026-27-summary.pdf")).expect("pdf text");
    let squashed: String = pdf.split_whitespace().collect::<Vec<_>>().join(" ");
    for needle in [
        "Music hub roll-up 2026-27",
        "Sent a submission 4 of 5 (80%)",
        "Not heard from yet 1 of 5 (20%)",
        "Schools with a choir or vocal group",
    ] {
        assert!(
            squashed.contains(needle),
            "{needle} not in the PDF:\n{squashed}"
        );
    }
    let raw = std::fs::read(out_dir.join("hub-2026-27-summary.pdf")).expect("pdf");
    assert!(raw.windows(14).any(|w| w == b"StructTreeRoot"), "tagged");

    let csv = std::fs::read(out_dir.join("hub-2026-27-schools.csv")).expect("csv");
    assert!(csv.starts_with(b"\xef\xbb\xbf"));
    assert_eq!(csv::Reader::from_reader(&csv[3..]).records().count(), 4);
    let counts = std::fs::read_to_string(out_dir.join("hub-2026-27-counts.csv")).expect("counts");
    assert!(
        counts.contains("Schools that sent a submission,4,5,"),
        "{counts}"
    );
}
