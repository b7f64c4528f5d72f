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
    let mut buf = std::io::Cursor::new(Vec::new());
    {
        let mut zw = zip::ZipWriter::new(&mut buf);
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
            let bytes = std::fs::read(&path).map_err(|e| ExportError::io("read", &path, e))?;
            let opts = match modified(&path) {
                Some(t) => opts.last_modified_time(t),
                None => opts,
            };
            zw.start_file(format!("{prefix}/{name}"), opts)
                .map_err(|e| failed(e.to_string()))?;
            zw.write_all(&bytes).map_err(|e| failed(e.to_string()))?;
        }
        zw.finish().map_err(|e| failed(e.to_string()))?;
    }
    crate::store::atomic::write(out, buf.get_ref()).map_err(|e| failed(e.to_string()))
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
