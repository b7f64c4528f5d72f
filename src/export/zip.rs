//! A zip of the bundle folder beside it, for the school's records: text deflated, the PDF
//! (whose contents are compressed already) stored as it is rather than deflated again.

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
            zw.start_file(format!("{prefix}/{name}"), opts)
                .map_err(|e| failed(e.to_string()))?;
            zw.write_all(&bytes).map_err(|e| failed(e.to_string()))?;
        }
        zw.finish().map_err(|e| failed(e.to_string()))?;
    }
    crate::store::atomic::write(out, buf.get_ref()).map_err(|e| failed(e.to_string()))
}
