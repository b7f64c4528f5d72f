//! Forward compatibility: a draft saved by a newer music-sef may hold a status or kinds of
//! answer this build does not know. The part it does know is read so the draft can be
//! listed and opened read-only; the file itself is never changed, so nothing is lost when
//! the newer version opens it again.

use serde::de::DeserializeOwned;
use serde_json::{Map, Value};

use crate::answers::AnswerValue;
use crate::draft::{Draft, DraftStatus, ExportRecord, OrphanedAnswer};

/// Keep the entries of the object at `key` that read as `T`; name the others.
fn keep_known<T: DeserializeOwned>(
    obj: &mut Map<String, Value>,
    key: &str,
    unknown: &mut Vec<String>,
) {
    let Some(Value::Object(entries)) = obj.get_mut(key) else {
        return;
    };
    entries.retain(|id, v| {
        let ok = serde_json::from_value::<T>(v.clone()).is_ok();
        if !ok {
            unknown.push(format!("the answer to {id}"));
        }
        ok
    });
}

/// Leave out a field that does not read as `T`, naming it.
fn drop_unknown<T: DeserializeOwned>(
    obj: &mut Map<String, Value>,
    key: &str,
    what: &str,
    unknown: &mut Vec<String>,
) {
    if obj
        .get(key)
        .is_some_and(|v| serde_json::from_value::<T>(v.clone()).is_err())
    {
        obj.remove(key);
        unknown.push(what.to_string());
    }
}

/// The draft this build can read out of `value`, and what it had to leave out; None when
/// nothing needed leaving out (the draft is damaged, not newer) or it is not a draft.
pub fn known_part(mut value: Value) -> Option<(Draft, Vec<String>)> {
    let obj = value.as_object_mut()?;
    let mut unknown = Vec::new();
    if let Some(status) = obj.get("status")
        && serde_json::from_value::<DraftStatus>(status.clone()).is_err()
    {
        unknown.push(format!("the status {status}"));
        obj.remove("status");
    }
    keep_known::<AnswerValue>(obj, "answers", &mut unknown);
    keep_known::<OrphanedAnswer>(obj, "orphaned_answers", &mut unknown);
    keep_known::<String>(obj, "unfinished", &mut unknown);
    drop_unknown::<crate::draft::CarriedOver>(
        obj,
        "carried_over",
        "what was carried over",
        &mut unknown,
    );
    drop_unknown::<Vec<ExportRecord>>(obj, "exports", "the list of exports", &mut unknown);
    if unknown.is_empty() {
        return None;
    }
    let draft = serde_json::from_value::<Draft>(value).ok()?;
    Some((draft, unknown))
}

/// Why such a draft opens read-only, in words for the teacher.
pub fn explain(unknown: &[String]) -> String {
    let mut what = unknown
        .iter()
        .take(3)
        .cloned()
        .collect::<Vec<_>>()
        .join(", ");
    if unknown.len() > 3 {
        what.push_str(&format!(" and {} more", unknown.len() - 3));
    }
    format!(
        "This draft holds what this version of music-sef does not know ({what}); it was probably saved by a newer version of music-sef. It opens read-only so nothing is lost; please update music-sef to change it."
    )
}

#[cfg(test)]
mod tests {
    use super::super::recovery::read_draft;

    fn newer_draft() -> String {
        let d = crate::draft::Draft::new(
            "Oakfield",
            crate::draft::QuestionnaireRef {
                id: "school-music-self-evaluation".into(),
                version: "1".into(),
                source: None,
            },
        );
        let mut v = serde_json::to_value(&d).unwrap_or_default();
        v["status"] = "archived".into();
        v["answers"] = serde_json::json!({
            "school_name": "Oakfield",
            "recording": {"kind": "audio", "file": "a.ogg"}
        });
        v.to_string()
    }

    #[test]
    fn an_unknown_status_or_answer_is_read_around_and_marked() {
        let p = read_draft(newer_draft().as_bytes()).unwrap_or_else(|e| panic!("{e}"));
        assert!(p.partial);
        let why = p.newer.unwrap_or_default();
        assert!(
            why.contains("\"archived\"") && why.contains("recording"),
            "{why}"
        );
        assert_eq!(p.draft.title, "Oakfield");
        assert_eq!(p.draft.answers.len(), 1);
    }

    #[test]
    fn damage_and_strangers_are_still_refused() {
        assert!(read_draft(b"{not json").is_err());
        assert!(read_draft(br#"{"format": "something/else"}"#).is_err());
        // A draft missing its id is damaged, not newer.
        let mut v: serde_json::Value = serde_json::from_str(&newer_draft()).unwrap_or_default();
        if let Some(o) = v.as_object_mut() {
            o.remove("id");
        }
        assert!(read_draft(v.to_string().as_bytes()).is_err());
    }
}
