//! A zip of the bundle folder beside it, for the school's records, each entry dated when its
//! file was written: text deflated, the PDF (whose contents are compressed already) stored as
//! it is rather than deflated again.

use std::io::Write;
use std::path::Path;

use zip::write::SimpleFileOptions;

use super::ExportError;

/// Zip the named files of `folder` into `out`, each under the folder's name.
///
/// # Errors
/// Reading a file or writing the zip failed.
pub fn write(folder: &Path, files: &[&str], out: &Path) -> Result<(), ExportError> {
    let prefix = folder
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let failed = |reason: String| ExportError::Zip {
        path: out.to_path_buf(),
        reason,
    };
    // Straight into the crash-safe write's temporary file: only one entry is in memory at a
    // time, however large the bundle.
    let mut zip_error = None;
    let written = crate::store::atomic::write_with(out, |file| {
        let mut zw = zip::ZipWriter::new(file);
        let deflated =
            SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
        let stored =
            SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
        for name in files {
            let opts = if name.ends_with(".pdf") {
                stored
            } else {
                deflated
            };
            let path = folder.join(name);
            let bytes = match std::fs::read(&path) {
                Ok(b) => b,
                Err(e) => {
                    zip_error = Some(ExportError::io("read", &path, e));
                    return Err(std::io::Error::other(
                        "a file of the bundle could not be read",
                    ));
                }
            };
            let opts = match modified(&path) {
                Some(t) => opts.last_modified_time(t),
                None => opts,
            };
            zw.start_file(format!("{prefix}/{name}"), opts)?;
            zw.write_all(&bytes)?;
        }
        zw.finish()?;
        Ok(())
    });
    match (zip_error, written) {
        (Some(e), _) => Err(e),
        (None, Err(e)) => Err(failed(e.to_string())),
        (None, Ok(())) => Ok(()),
    }
}

/// When the file was written, in local time as zip tools show it; None when the system does
/// not say or the date is outside what a zip can hold (1980 to 2107), leaving zip's default.
fn modified(path: &Path) -> Option<zip::DateTime> {
    use chrono::{Datelike, Timelike};
    let t: chrono::DateTime<chrono::Local> = std::fs::metadata(path).ok()?.modified().ok()?.into();
    let small = |n: u32| u8::try_from(n).ok();
    zip::DateTime::from_date_and_time(
        u16::try_from(t.year()).ok()?,
        small(t.month())?,
        small(t.day())?,
        small(t.hour())?,
        small(t.minute())?,
        small(t.second())?,
    )
    .ok()
}
