//! Turning serde_json's messages into ones a hub author can act on: where in the
//! questionnaire (section and question ids where possible), what is wrong, and the usual fix.

use serde_json::Value;
use serde_json::error::Category;
use serde_path_to_error::Segment;

/// The message for a JSON or shape error (the `FILE:LINE:COLUMN:` prefix is added by the
/// caller).
pub(super) fn explain(
    inner: &serde_json::Error,
    path: Option<&serde_path_to_error::Path>,
    text: &str,
) -> String {
    let raw = inner.to_string();
    let bare = raw.find(" at line ").map_or(raw.as_str(), |i| &raw[..i]);
    match inner.classify() {
        Category::Eof if text.trim().is_empty() => {
            "the file is empty: a questionnaire is one JSON object { … }".to_string()
        }
        Category::Data
            if path.is_none_or(|p| p.iter().next().is_none())
                && (bare.starts_with("invalid type") || bare.starts_with("invalid length")) =>
        {
            "the file must be one JSON object { … } holding the questionnaire's fields (see docs/questionnaire-format.md)".to_string()
        }
        Category::Eof => {
            "the file ends too soon: a closing } or ] (or a closing quote) is missing".to_string()
        }
        Category::Syntax | Category::Io => syntax_hint(bare),
        Category::Data => {
            // An unknown field's path ends with the field itself, which the message names.
            let drop_last = bare.starts_with("unknown field ");
            let place = path.and_then(|p| place(p, text, drop_last));
            let what = data_hint(bare);
            match place {
                Some(p) => format!("{p}: {what}"),
                None => what,
            }
        }
    }
}

fn syntax_hint(msg: &str) -> String {
    let hint = if msg.starts_with("expected `,` or") {
        "is a comma missing at the end of the line before?"
    } else if msg.starts_with("trailing comma") {
        "remove the comma after the last item of the list or object"
    } else if msg.starts_with("key must be a string") {
        "field names need double quotes, e.g. \"id\"; or is there a comma too many?"
    } else if msg.starts_with("expected value") || msg.starts_with("expected ident") {
        "a value is missing or is not valid JSON: text needs double quotes; true, false and numbers do not"
    } else if msg.starts_with("control character") {
        "a line break or tab inside quotes: write \\n for a new line"
    } else if msg.starts_with("invalid escape") {
        "a backslash inside text must be written \\\\"
    } else if msg.starts_with("trailing characters") {
        "there is more after the questionnaire's closing }: remove it"
    } else if msg.starts_with("recursion limit exceeded") {
        "the file is nested far too deeply to be a questionnaire"
    } else if msg.starts_with("EOF") {
        "the file ends too soon: a closing } or ] is missing"
    } else {
        return msg.to_string();
    };
    format!("{msg} ({hint})")
}

/// Shape errors: unknown names, missing fields, wrong kinds of value.
fn data_hint(msg: &str) -> String {
    for (start, what) in [("unknown field ", "field"), ("unknown variant ", "value")] {
        if let Some(rest) = msg.strip_prefix(start) {
            let (name, allowed) = rest.split_once(", expected ").unwrap_or((rest, ""));
            let allowed = allowed
                .trim_start_matches("one of ")
                .replace('`', "")
                .replace(" or ", ", ");
            let fix = if what == "field" {
                "check the spelling; the fields allowed here are"
            } else {
                "use one of"
            };
            return if allowed.is_empty() {
                format!("unknown {what} {name}")
            } else {
                format!("unknown {what} {name}: {fix}: {allowed}")
            };
        }
    }
    if let Some(rest) = msg.strip_prefix("missing field ") {
        return format!(
            "{rest} is missing: add it (docs/questionnaire-format.md lists what each part needs)"
        );
    }
    let mut out = msg.to_string();
    for (from, to) in [
        ("expected u32", "expected a whole number"),
        ("expected u64", "expected a whole number"),
        ("expected usize", "expected a whole number"),
        ("expected f64", "expected a number"),
        ("expected a sequence", "expected a list in [ ]"),
        ("expected a map", "expected an object in { }"),
        ("expected a boolean", "expected true or false"),
    ] {
        out = out.replace(from, to);
    }
    if let Some(i) = out.find("expected struct ") {
        out.replace_range(i.., "expected an object in { }");
    }
    if let Some(i) = out.find("expected enum Condition") {
        out.replace_range(
            i..,
            "expected a condition such as {\"equals\": {\"question\": \"phase\", \"value\": \"primary\"}}",
        );
    }
    out
}

/// `section "about" › question "urn" › min`, or the JSON path when ids cannot be found.
fn place(path: &serde_path_to_error::Path, text: &str, drop_last: bool) -> Option<String> {
    let mut segs: Vec<&Segment> = path.iter().collect();
    if drop_last {
        segs.pop();
    }
    if segs.is_empty() || matches!(segs.as_slice(), [Segment::Unknown]) {
        return None;
    }
    // The file parsed as JSON this far; parse it loosely to find the ids along the path.
    let doc: Option<Value> = serde_json::from_str(text).ok();
    let id_at = |v: Option<&Value>| {
        v.and_then(|v| v.get("id"))
            .and_then(Value::as_str)
            .map(str::to_string)
    };
    let mut parts = Vec::new();
    let mut rest = segs.as_slice();
    if let [Segment::Map { key }, Segment::Seq { index: si }, tail @ ..] = rest
        && key == "sections"
    {
        let section = doc.as_ref().and_then(|d| d.get("sections")?.get(*si));
        parts.push(id_at(section).map_or_else(
            || format!("sections[{si}]"),
            |id| format!("section \"{id}\""),
        ));
        rest = tail;
        if let [Segment::Map { key }, Segment::Seq { index: qi }, tail @ ..] = rest
            && key == "questions"
        {
            let question = section.and_then(|s| s.get("questions")?.get(*qi));
            parts.push(id_at(question).map_or_else(
                || format!("questions[{qi}]"),
                |id| format!("question \"{id}\""),
            ));
            rest = tail;
        }
    }
    let tail: String = rest
        .iter()
        .filter_map(|s| match s {
            Segment::Seq { index } => Some(format!("[{index}]")),
            Segment::Map { key } | Segment::Enum { variant: key } => Some(format!(".{key}")),
            Segment::Unknown => None,
        })
        .collect();
    let tail = tail.trim_start_matches('.');
    if !tail.is_empty() {
        parts.push(tail.to_string());
    }
    (!parts.is_empty()).then(|| parts.join(" › "))
}
