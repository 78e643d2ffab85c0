//! Turning a body that is not an API answer (an HTML error page, a proxy's message, cut-off
//! JSON) into a short, readable, token-free excerpt for an error message.

use crate::text::{find, replace};

/// How much of a body an error quotes: enough to recognise it, too little to leak much.
pub const SNIPPET_CHARS: usize = 120;

/// A one-line excerpt of `body` (which should be a bounded prefix of the real body): the
/// `<title>` of an HTML page, otherwise the text with tags removed, whitespace collapsed,
/// `secret` replaced, and cut to [`SNIPPET_CHARS`].
pub fn snippet(body: &str, secret: Option<&str>) -> String {
    let text = html_title(body).unwrap_or(body);
    let mut out = String::new();
    let mut in_tag = false;
    let mut pending_space = false;
    for c in text.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => {
                in_tag = false;
                pending_space = true;
            }
            _ if in_tag => {}
            c if c.is_whitespace() => pending_space = true,
            c => {
                if pending_space && !out.is_empty() {
                    out.push(' ');
                }
                pending_space = false;
                out.push(c);
            }
        }
    }
    let out = redact(&out, secret);
    match out.char_indices().nth(SNIPPET_CHARS) {
        Some((cut, _)) => out.get(..cut).unwrap_or_default().to_owned() + "…",
        None => out,
    }
}

/// Replaces every occurrence of the token; a page that echoes the request must not carry it
/// into an error message.
pub fn redact(text: &str, secret: Option<&str>) -> String {
    match secret {
        Some(s) if !s.is_empty() => replace(text, s, "[redacted]"),
        _ => text.to_owned(),
    }
}

/// Whether a body that failed to parse was meant to be JSON (so it was cut off or malformed)
/// rather than some other format.
pub fn looks_like_json(body: &str) -> bool {
    matches!(body.trim_start().chars().next(), Some('{' | '['))
}

fn html_title(body: &str) -> Option<&str> {
    let lower = body.to_ascii_lowercase();
    let start = find(&lower, "<title")?;
    let open_end = start + lower.get(start..)?.find('>')? + 1;
    let close = open_end + find(lower.get(open_end..)?, "</title")?;
    body.get(open_end..close).filter(|t| !t.trim().is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_pages_are_quoted_by_title() {
        let page = "<html><HEAD><Title>503 Service Temporarily Unavailable</Title></HEAD><body>x</body></html>";
        assert_eq!(snippet(page, None), "503 Service Temporarily Unavailable");
    }

    #[test]
    fn tags_are_stripped_and_whitespace_collapsed() {
        let page = "<h1>Bad\n   Gateway</h1>\n<p>try <b>again</b></p>";
        assert_eq!(snippet(page, None), "Bad Gateway try again");
    }

    #[test]
    fn long_bodies_are_cut() {
        let body = "é".repeat(500);
        let cut = snippet(&body, None);
        assert_eq!(cut.chars().count(), SNIPPET_CHARS + 1);
        assert!(cut.ends_with('…'));
    }

    #[test]
    fn the_token_is_redacted_everywhere() {
        let page = "<title>tok-123 rejected</title>";
        assert_eq!(snippet(page, Some("tok-123")), "[redacted] rejected");
        assert_eq!(
            redact("a tok-123 b tok-123", Some("tok-123")),
            "a [redacted] b [redacted]"
        );
        assert_eq!(redact("unchanged", Some("")), "unchanged");
    }

    #[test]
    fn json_is_recognised_by_its_first_character() {
        assert!(looks_like_json("  {\"a\":"));
        assert!(looks_like_json("[1,"));
        assert!(!looks_like_json("<html>"));
        assert!(!looks_like_json(""));
    }
}
