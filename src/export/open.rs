//! Opening the bundle folder and the e-mail in the user's own programs (the `open` crate,
//! never through a shell), and the `mailto:` fallback, which cannot carry attachments.

use std::path::Path;

use super::BundleReport;

/// Percent-encode for a mailto query value: everything but unreserved characters.
fn encode(s: &str) -> String {
    let mut out = String::new();
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

pub fn mailto_link(to: Option<&str>, subject: &str, body: &str) -> String {
    format!(
        "mailto:{}?subject={}&body={}",
        to.map(encode).unwrap_or_default(),
        encode(subject),
        encode(body)
    )
}

/// Show the folder in the file manager.
///
/// # Errors
/// No program could open it.
pub fn open_folder(path: &Path) -> std::io::Result<()> {
    open::that_detached(path)
}

/// Open the `.eml` in the mail program; if that fails, a new message by `mailto:` (then the
/// files must be attached by hand). Returns what happened, for the screen.
///
/// # Errors
/// Neither worked.
pub fn open_mail(report: &BundleReport) -> std::io::Result<String> {
    match open::that_detached(&report.eml) {
        Ok(()) => {
            Ok("Opened the e-mail in your mail program. Check it and press Send.".to_string())
        }
        Err(_) => open::that_detached(&report.mailto).map(|()| {
            format!(
                "Opened a new e-mail. Please attach the files from {}",
                report.folder.display()
            )
        }),
    }
}
