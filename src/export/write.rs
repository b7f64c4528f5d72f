//! Writing a prepared submission to disk: every file made in memory first, then written into
//! a fresh folder beside the destination that replaces any earlier export of the same day in
//! one step, and a zip beside it. An export holds the output folder's lock while it works, so
//! what an interrupted one left behind (its working folder, an earlier export moved aside, a
//! half-written zip) is recognised and swept by the next. Touches no draft and no store.

use std::collections::BTreeMap;
use std::fs::File;
use std::path::Path;

use super::eml::{self, Attachment};
use super::pdf::PdfOutput;
use super::{BundleReport, ExportError, ExportWarning, Submission, csv, json, pdf, summary_csv};

/// The bundle's files, made and ready to write.
struct Files {
    pdf: PdfOutput,
    csv: Vec<u8>,
    summary: Vec<u8>,
    json: Vec<u8>,
    eml: Vec<u8>,
}

/// Write the bundle for `sub` into `out_dir`.
///
/// # Errors
/// A file could not be made, or a file, the folder or the zip could not be written.
pub fn write(sub: &Submission<'_>, out_dir: &Path) -> Result<BundleReport, ExportError> {
    let mut files = render(sub)?;
    let names = &sub.names;
    std::fs::create_dir_all(out_dir)
        .map_err(|e| ExportError::io("create the folder", out_dir, e))?;
    let _held = hold(out_dir)?;
    sweep(out_dir);
    let staging = tempfile::Builder::new()
        .prefix(PART)
        .tempdir_in(out_dir)
        .map_err(|e| ExportError::io("make a working folder in", out_dir, e))?;
    let [pdf_name, csv_name, summary_name, json_name, eml_name] = names.in_folder();
    for (name, bytes) in [
        (pdf_name, &files.pdf.bytes),
        (csv_name, &files.csv),
        (summary_name, &files.summary),
        (json_name, &files.json),
        (eml_name, &files.eml),
    ] {
        let path = staging.path().join(name);
        std::fs::write(&path, bytes).map_err(|e| ExportError::io("write", &path, e))?;
    }
    // The files are on disk now: let them go before the zip is made from them, so a large
    // bundle is never in memory twice.
    let missing = std::mem::take(&mut files.pdf.missing);
    let submission_id = json::identity(&files.json);
    drop(files);
    let folder = out_dir.join(&names.base);
    swap_in(&staging.keep(), &folder, out_dir, &names.base)?;
    let zip = out_dir.join(&names.zip);
    super::zip::write(&folder, &names.in_folder(), &zip)?;

    let mut warnings = Vec::new();
    if !missing.is_empty() {
        warnings.push(ExportWarning::GlyphsMissing(missing.iter().collect()));
    }
    warnings.extend(sub.warnings.iter().cloned());
    Ok(BundleReport {
        pdf: folder.join(pdf_name),
        csv: folder.join(csv_name),
        summary: folder.join(summary_name),
        json: folder.join(json_name),
        eml: folder.join(eml_name),
        folder,
        zip,
        mailto: sub.email.mailto.clone(),
        to: sub.email.to.clone(),
        warnings,
        submission_id,
    })
}

/// The names an export works under in the output folder; while the folder's lock is held by
/// this export, anything else by these names was left by an interrupted one.
pub const PART: &str = ".music-sef-part-";
const OLD: &str = ".music-sef-old-";
const LOCK: &str = ".music-sef-export.lock";
/// The crash-safe write's temporary file (`store::atomic`), as the zip is written.
const TEMP: (&str, &str) = (".draft.", ".tmp");
/// What earlier versions called their working folders: `.<base>.<random>` and `.<base>.old`.
/// Swept only when they hold nothing but a bundle's files.
const BUNDLE_FILES: [&str; 3] = ["answers.csv", "submission.json", "email-to-hub.eml"];

/// Wait for any other export into `out_dir` to finish, and keep others out until this one
/// has (the lock goes when the returned file is dropped, or the program ends).
fn hold(out_dir: &Path) -> Result<File, ExportError> {
    let path = out_dir.join(LOCK);
    let file = std::fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(&path)
        .map_err(|e| ExportError::io("prepare", &path, e))?;
    file.lock()
        .map_err(|e| ExportError::io("wait for another export into", out_dir, e))?;
    Ok(file)
}

/// Remove what interrupted exports left in `out_dir`. Best effort: a leftover that cannot be
/// removed now is tried again next time, and never stops this export.
fn sweep(out_dir: &Path) {
    let Ok(entries) = std::fs::read_dir(out_dir) else {
        return;
    };
    for entry in entries.filter_map(Result::ok) {
        let name = entry.file_name().to_string_lossy().into_owned();
        let path = entry.path();
        let is_dir = entry.file_type().is_ok_and(|t| t.is_dir());
        if is_dir
            && (name.starts_with(PART) || name.starts_with(OLD) || older_leftover(&name, &path))
        {
            let _ = std::fs::remove_dir_all(&path);
        } else if !is_dir && name.starts_with(TEMP.0) && name.ends_with(TEMP.1) {
            let _ = std::fs::remove_file(&path);
        }
    }
}

/// A hidden folder from an earlier version's interrupted export: `.<name>.<something>`
/// holding only a bundle's files (or nothing).
fn older_leftover(name: &str, path: &Path) -> bool {
    if !name.starts_with('.') || name.matches('.').count() < 2 {
        return false;
    }
    std::fs::read_dir(path).is_ok_and(|rd| {
        rd.filter_map(Result::ok).all(|e| {
            let n = e.file_name().to_string_lossy().into_owned();
            BUNDLE_FILES.contains(&n.as_str()) || n.ends_with(".pdf")
        })
    })
}

/// Make every file in memory, so nothing touches the disk unless all of them could be made.
fn render(sub: &Submission<'_>) -> Result<Files, ExportError> {
    let names = &sub.names;
    let pdf = pdf::render(sub)?;
    let csv = csv::render(sub).map_err(|error| ExportError::Csv { error })?;
    let summary = summary_csv::render(sub).map_err(|error| ExportError::Csv { error })?;
    // The JSON records the hashes of the files a hub checks it against.
    let hashes = BTreeMap::from([
        (names.pdf.clone(), json::sha256_hex(&pdf.bytes)),
        (names.csv.clone(), json::sha256_hex(&csv)),
        (names.summary.clone(), json::sha256_hex(&summary)),
    ]);
    let json = serde_json::to_vec_pretty(&json::build(sub, hashes))
        .map_err(|error| ExportError::Json { error })?;
    let eml = eml::render(
        sub,
        &[
            Attachment {
                name: names.pdf.clone(),
                content_type: "application/pdf",
                bytes: &pdf.bytes,
            },
            Attachment {
                name: names.csv.clone(),
                content_type: "text/csv",
                bytes: &csv,
            },
            Attachment {
                name: names.summary.clone(),
                content_type: "text/csv",
                bytes: &summary,
            },
            Attachment {
                name: names.json.clone(),
                content_type: "application/json",
                bytes: &json,
            },
        ],
    )
    .map_err(|error| ExportError::Email { error })?;
    Ok(Files {
        pdf,
        csv,
        summary,
        json,
        eml,
    })
}

/// Put the finished `staged` folder at `folder`. An earlier export of the same day is moved
/// aside first and removed after, so the folder is never a mix of old and new files.
pub fn swap_in(
    staged: &Path,
    folder: &Path,
    out_dir: &Path,
    base: &str,
) -> Result<(), ExportError> {
    let old = out_dir.join(format!("{OLD}{base}"));
    // Normally swept already; a rename cannot land on a folder that is still there.
    let _ = std::fs::remove_dir_all(&old);
    if folder.exists() {
        std::fs::rename(folder, &old)
            .map_err(|e| ExportError::io("move aside the earlier export", folder, e))?;
    }
    if let Err(e) = std::fs::rename(staged, folder) {
        // Put the earlier export back rather than leave the teacher with none.
        let _ = std::fs::rename(&old, folder);
        let _ = std::fs::remove_dir_all(staged);
        return Err(ExportError::io("move the new bundle into", folder, e));
    }
    let _ = std::fs::remove_dir_all(&old);
    Ok(())
}
