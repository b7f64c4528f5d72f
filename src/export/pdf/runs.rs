//! One laid-out line as the pieces it is drawn in: right-to-left runs put in visual order
//! (Unicode bidi, so Hebrew or Arabic reads the right way round beside English), and web and
//! e-mail addresses found so each becomes a link.

use unicode_bidi::ParagraphBidiInfo;

use crate::formats::{parse_email, parse_url};

/// A piece of a line, in the order it is drawn from left to right.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Run {
    pub text: String,
    /// Drawn right to left (the shaper puts its glyphs in visual order).
    pub rtl: bool,
    /// Where it links to, for an address.
    pub target: Option<String>,
}

/// The runs of `line`; `links` finds addresses in it.
pub fn runs(line: &str, links: bool) -> Vec<Run> {
    let mut out = Vec::new();
    for (text, rtl) in visual(line) {
        if rtl || !links {
            out.push(Run {
                text,
                rtl,
                target: None,
            });
        } else {
            split_links(&text, &mut out);
        }
    }
    out
}

/// The line's directional runs in visual order; a line with nothing right-to-left is one run.
fn visual(line: &str) -> Vec<(String, bool)> {
    let info = ParagraphBidiInfo::new(line, None);
    if !info.has_rtl() {
        return vec![(line.to_string(), false)];
    }
    let (levels, runs) = info.visual_runs(0..line.len());
    runs.into_iter()
        .filter(|r| !r.is_empty())
        .map(|r| (line[r.clone()].to_string(), levels[r.start].is_rtl()))
        .collect()
}

/// Split left-to-right text at the addresses in it.
fn split_links(text: &str, out: &mut Vec<Run>) {
    let mut plain = String::new();
    let flush = |plain: &mut String, out: &mut Vec<Run>| {
        if !plain.is_empty() {
            out.push(Run {
                text: std::mem::take(plain),
                rtl: false,
                target: None,
            });
        }
    };
    for word in text.split_inclusive(char::is_whitespace) {
        let (body, space) = word.split_at(word.trim_end().len());
        let core = body.trim_matches(|c: char| "()[]<>\"'".contains(c));
        let core = core.trim_end_matches(|c: char| ".,;:!?".contains(c));
        let target = (!core.is_empty()).then(|| target_of(core)).flatten();
        let Some(target) = target else {
            plain.push_str(word);
            continue;
        };
        let start = body.find(core).unwrap_or(0);
        plain.push_str(&body[..start]);
        flush(&mut plain, out);
        out.push(Run {
            text: core.to_string(),
            rtl: false,
            target: Some(target),
        });
        plain.push_str(&body[start + core.len()..]);
        plain.push_str(space);
    }
    flush(&mut plain, out);
}

/// The link for a word that is a web or e-mail address.
pub fn target_of(word: &str) -> Option<String> {
    let lower = word.to_ascii_lowercase();
    if lower.starts_with("http://") || lower.starts_with("https://") {
        return parse_url(word).ok();
    }
    if lower.starts_with("www.") && word[4..].contains('.') {
        return parse_url(word).ok();
    }
    if word.contains('@') && !word.contains('/') {
        return parse_email(word).ok().map(|e| format!("mailto:{e}"));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::{runs, target_of};

    #[test]
    fn addresses_in_a_line_become_links_and_the_rest_stays_plain() {
        let r = runs(
            "See https://a.sch.uk/music, or write to music@a.sch.uk.",
            true,
        );
        let texts: Vec<&str> = r.iter().map(|r| r.text.as_str()).collect();
        assert_eq!(
            texts,
            [
                "See ",
                "https://a.sch.uk/music",
                ", or write to ",
                "music@a.sch.uk",
                "."
            ]
        );
        assert_eq!(r[1].target.as_deref(), Some("https://a.sch.uk/music"));
        assert_eq!(r[3].target.as_deref(), Some("mailto:music@a.sch.uk"));
        assert_eq!(
            r.concat_text(),
            "See https://a.sch.uk/music, or write to music@a.sch.uk."
        );
        assert_eq!(
            target_of("www.oakfield.sch.uk").as_deref(),
            Some("https://www.oakfield.sch.uk/")
        );
        assert_eq!(target_of("e.g."), None);
        assert!(runs("no links here", true).len() == 1);
    }

    #[test]
    fn a_right_to_left_run_is_put_where_it_is_read() {
        let r = runs("Music and עברית and more", true);
        assert_eq!(r.len(), 3, "{r:?}");
        assert!(!r[0].rtl && r[1].rtl && !r[2].rtl);
        assert_eq!(r[1].text, "עברית");
        // A line that is all Hebrew is one right-to-left run.
        let r = runs("שלום עולם", false);
        assert_eq!(r.len(), 1);
        assert!(r[0].rtl);
    }

    trait Concat {
        fn concat_text(&self) -> String;
    }

    impl Concat for Vec<super::Run> {
        fn concat_text(&self) -> String {
            self.iter().map(|r| r.text.as_str()).collect()
        }
    }
}
