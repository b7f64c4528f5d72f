//! The shape of a web address and an e-mail address: a leaf both the answers (what a teacher
//! typed) and questionnaire validation (what a hub author wrote) use, so they agree.

/// Web links must be http or https, have a host name with letters and a dot, and no
/// `user:password@`. Bare numbers and IP addresses are refused before the URL library sees
/// them, because it reads "2" as the address 0.0.0.2 and a school site always has a name.
///
/// # Errors
/// A message saying which rule failed, with an example.
pub fn parse_url(s: &str) -> Result<String, String> {
    const EXAMPLE: &str = "like https://www.yourschool.sch.uk/music";
    let s = s.trim();
    if !s.is_empty() && s.chars().all(|c| c.is_ascii_digit() || ".,/ ".contains(c)) {
        return Err(format!(
            "That is a number, not a web address. Please type the address of the page, {EXAMPLE}."
        ));
    }
    let with_scheme = if s.contains("://") {
        s.to_string()
    } else if s.contains(':') && !s.contains('.') {
        return Err(format!(
            "Please type a web address starting with https://, {EXAMPLE}."
        ));
    } else {
        format!("https://{s}")
    };
    let url = url::Url::parse(&with_scheme).map_err(|_| {
        format!("That does not look like a web address. Please type one {EXAMPLE}.")
    })?;
    if url.scheme() != "http" && url.scheme() != "https" {
        return Err(format!(
            "Only web addresses starting with https:// or http:// can be used, {EXAMPLE}."
        ));
    }
    if !url.username().is_empty() || url.password().is_some() {
        return Err(
            "Please remove the user name or password (the part before @) from the web address."
                .to_string(),
        );
    }
    match url.host() {
        Some(url::Host::Domain(h)) if is_site_name(h) => Ok(url.to_string()),
        Some(url::Host::Ipv4(_) | url::Host::Ipv6(_)) => Err(format!(
            "That is a number (IP) address, not a website's name. Please type the site's name, {EXAMPLE}."
        )),
        _ => Err(format!(
            "The web address needs a full site name, {EXAMPLE}."
        )),
    }
}

/// A host name such as `www.oakfield.sch.uk`: dotted, no empty part, and ending in a part with
/// a letter (every real top-level domain has one; `10.0.0.1`-like names are addresses).
fn is_site_name(host: &str) -> bool {
    let parts: Vec<&str> = host.split('.').collect();
    parts.len() >= 2
        && parts.iter().all(|p| !p.is_empty())
        && parts
            .last()
            .is_some_and(|tld| tld.chars().any(|c| c.is_ascii_alphabetic()))
}

/// A plausible e-mail address: one @, something before it, a dotted domain after it.
///
/// # Errors
/// A message with an example.
pub fn parse_email(s: &str) -> Result<String, String> {
    const HELP: &str = "Please type an e-mail address like music@yourschool.sch.uk.";
    let s = s.trim();
    let (local, domain) = s.split_once('@').ok_or_else(|| HELP.to_string())?;
    let ok = !local.is_empty()
        && !domain.contains('@')
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !domain.contains("..")
        && s.chars()
            .all(|c| !c.is_whitespace() && !c.is_control() && !"<>()[],;:\"\\".contains(c));
    if ok {
        Ok(s.to_string())
    } else {
        Err(HELP.to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::{parse_email, parse_url};

    #[test]
    fn bare_numbers_and_ip_addresses_are_not_school_sites() {
        for bad in [
            "2",
            "12",
            "1.2",
            "192.168.0.10",
            "http://10.0.0.1/music",
            "https://[::1]/",
        ] {
            let err = parse_url(bad).expect_err(bad);
            assert!(err.contains("number"), "{bad}: {err}");
        }
        assert!(
            parse_url("2")
                .expect_err("number")
                .contains("not a web address")
        );
        assert_eq!(
            parse_url("oakfield.sch.uk").as_deref(),
            Ok("https://oakfield.sch.uk/")
        );
        assert_eq!(
            parse_url("www.school1.org.uk/music2").as_deref(),
            Ok("https://www.school1.org.uk/music2")
        );
    }

    #[test]
    fn web_addresses_must_be_http_with_a_real_host_and_no_password() {
        assert_eq!(
            parse_url("www.school.sch.uk/music").as_deref(),
            Ok("https://www.school.sch.uk/music")
        );
        assert_eq!(
            parse_url("HTTPS://Hub.ORG/a").as_deref(),
            Ok("https://hub.org/a")
        );
        for bad in [
            "javascript:alert(1)",
            "file:///etc/passwd",
            "https://hub.org@evil.com",
            "http://",
            "https://localhost/x",
            "ftp://a.b/c",
        ] {
            assert!(parse_url(bad).is_err(), "{bad} should be refused");
        }
        assert!(
            parse_url("https://user:pw@a.org")
                .expect_err("refused")
                .contains("password")
        );
        assert!(parse_email("music@school.sch.uk").is_ok());
        for bad in ["music", "a@b", "a@@b.com", "a b@c.org", "x\r\nBcc: y@z.org"] {
            assert!(parse_email(bad).is_err(), "{bad:?} should be refused");
        }
    }
}
