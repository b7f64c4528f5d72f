//! The words that open and close the e-mail to the hub: addressed to the hub by the name the
//! school gave, signed by the music lead (not by the whole "completed by" answer).

/// "Dear colleagues at Hertfordshire Music Service," or, with no hub named, "Dear colleagues,".
pub fn greeting(hub: Option<&str>) -> String {
    match hub.map(str::trim).filter(|h| !h.is_empty()) {
        Some(h) => format!("Dear colleagues at {h},"),
        None => "Dear colleagues,".to_string(),
    }
}

/// "Kind regards," then the music lead's name and the school.
pub fn sign_off(music_lead: Option<&str>, school: &str) -> String {
    let mut s = "Kind regards,\n".to_string();
    if let Some(lead) = music_lead.map(str::trim).filter(|l| !l.is_empty()) {
        s.push_str(lead);
        s.push('\n');
        s.push_str(&format!("Music lead, {school}\n"));
    } else {
        s.push_str(school);
        s.push('\n');
    }
    s
}

/// "the school music self-evaluation from Oakfield Primary School": the questionnaire's
/// title first, so a school whose name ends in "School" never reads "School's school …".
pub fn what_is_attached(questionnaire_title: &str, school: &str) -> String {
    let title = questionnaire_title.trim();
    let mut chars = title.chars();
    let lowered: String = match chars.next() {
        Some(c) => c.to_lowercase().chain(chars).collect(),
        None => String::new(),
    };
    format!("the {lowered} from {school}")
}

#[cfg(test)]
mod tests {
    use super::{greeting, sign_off, what_is_attached};

    #[test]
    fn the_hub_is_greeted_by_name_and_the_music_lead_signs() {
        assert_eq!(
            greeting(Some("Hertfordshire Music Service")),
            "Dear colleagues at Hertfordshire Music Service,"
        );
        assert_eq!(greeting(None), "Dear colleagues,");
        assert_eq!(greeting(Some("  ")), "Dear colleagues,");
        assert_eq!(
            sign_off(Some("Ms A Khan"), "Oakfield Primary School"),
            "Kind regards,\nMs A Khan\nMusic lead, Oakfield Primary School\n"
        );
        assert_eq!(
            what_is_attached("School music self-evaluation", "Oakfield Primary School"),
            "the school music self-evaluation from Oakfield Primary School"
        );
    }
}
