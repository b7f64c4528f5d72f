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

/// Open the `.eml` in the mail program: Outlook and Thunderbird open it as a draft, with the
/// files attached (it is marked `X-Unsent`). Where nothing opens it, open the folder instead:
/// a `mailto:` link cannot carry attachments, so it is never the fallback. Returns what to
/// tell the teacher.
///
/// # Errors
/// Neither the e-mail nor the folder could be opened.
pub fn open_mail(report: &BundleReport) -> std::io::Result<String> {
    if open::that_detached(&report.eml).is_ok() {
        return Ok("Opened the e-mail in your mail program, with the files attached. Check it and press Send. If it opened in something else, attach the three files from the bundle's folder (o opens it) to a new e-mail instead.".to_string());
    }
    open::that_detached(&report.folder).map(|()| {
        "Your mail program could not open the e-mail here, so the bundle's folder is open instead: attach the PDF, the CSV and submission.json to a new e-mail to your music hub.".to_string()
    })
}
