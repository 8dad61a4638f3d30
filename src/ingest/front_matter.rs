//! YAML front matter of `.txt` / `.md` files.
//!
//! ```text
//! front-matter := "---\n" (field ": " value "\n")* ("---" | "...") "\n"
//! field        := published | retrieved | title | timezone | anything else
//! ```
//!
//! Markdown front matter is written for many tools at once (`author:`,
//! `tags:`, `layout:`…): fields the engine does not read are passed over and
//! listed on the document ([`Document::ignored_fields`]), never an error. The
//! fields it reads are checked: a date that does not exist, an unknown time
//! zone or a list where a title goes stop the document, naming the line.
//!
//! [`Document::ignored_fields`]: super::Document::ignored_fields

use std::ops::Range;
use std::path::Path;

use serde_yaml::Value;

use super::{parse_day, IngestError, Meta};

/// What the front matter of a file gives.
#[derive(Debug, Default)]
pub(super) struct FrontMatter {
    /// The fields the engine reads.
    pub meta: Meta,
    /// Byte range of the article after the front matter.
    pub body: Range<usize>,
    /// Fields passed over, with their 1-based lines in the file.
    pub ignored: Vec<(String, usize)>,
}

/// The reason in a YAML error, without the "at line L column C" that the
/// caller already gives as `file:line`.
pub(crate) fn yaml_reason(e: &serde_yaml::Error) -> String {
    let mut msg = e.to_string();
    while let Some(at) = msg.find(" at line ") {
        let rest = &msg[at + " at line ".len()..];
        let rest = rest.trim_start_matches(|c: char| c.is_ascii_digit());
        let rest = match rest.strip_prefix(" column ") {
            Some(r) => r.trim_start_matches(|c: char| c.is_ascii_digit()),
            None => rest,
        };
        msg = format!("{}{rest}", &msg[..at]);
    }
    msg
}

/// The 1-based line of `text` a YAML error names, clamped to its last line:
/// an error at the very end ("a: [" left open) is placed after the final
/// line break, on a line the file does not have.
pub(crate) fn yaml_line(e: &serde_yaml::Error, text: &str) -> usize {
    let last = text.lines().count().max(1);
    e.location().map_or(1, |l| l.line()).clamp(1, last)
}

/// How a YAML value reads to a person, for "found …" in messages.
pub(crate) fn describe(v: &Value) -> String {
    match v {
        Value::Null => "nothing".into(),
        Value::Bool(b) => format!("`{b}`"),
        Value::Number(n) => format!("the number {n}"),
        Value::String(s) => format!("{s:?}"),
        Value::Sequence(_) => "a list".into(),
        Value::Mapping(_) => "indented fields".into(),
        Value::Tagged(t) => format!("a value tagged {}", t.tag),
    }
}

/// A scalar as text (`2025-02-10`, `42`, `true`); None for lists and maps.
pub(crate) fn scalar_text(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        Value::Bool(b) => Some(b.to_string()),
        Value::Tagged(t) => scalar_text(&t.value),
        Value::Null | Value::Sequence(_) | Value::Mapping(_) => None,
    }
}

/// Split YAML front matter (between `---` lines at the very start) from the body.
pub(super) fn read(path: &Path, text: &str) -> Result<FrontMatter, IngestError> {
    let first_line_end = text.find('\n').map(|i| i + 1).unwrap_or(text.len());
    if text[..first_line_end].trim_end() != "---" {
        return Ok(FrontMatter {
            body: 0..text.len(),
            ..FrontMatter::default()
        });
    }
    let mut pos = first_line_end;
    let mut close = None;
    while pos < text.len() {
        let end = text[pos..].find('\n').map(|i| pos + i + 1).unwrap_or(text.len());
        let line = text[pos..end].trim_end();
        if line == "---" || line == "..." {
            close = Some((pos, end));
            break;
        }
        pos = end;
    }
    let err = |line: usize, msg: String| IngestError::FrontMatter {
        path: path.to_path_buf(),
        line,
        msg,
    };
    let Some((yaml_end, body_start)) = close else {
        return Err(err(1, "opening `---` has no closing `---`".into()));
    };
    let yaml = &text[first_line_end..yaml_end];
    let fields = if yaml.trim().is_empty() {
        serde_yaml::Mapping::new()
    } else {
        match serde_yaml::from_str::<Value>(yaml) {
            Ok(Value::Mapping(m)) => m,
            Ok(Value::Null) => serde_yaml::Mapping::new(),
            Ok(other) => {
                return Err(err(
                    2,
                    format!("expected `field: value` lines, found {}", describe(&other)),
                ))
            }
            Err(e) => {
                // (the YAML starts on the file's second line)
                let line = yaml_line(&e, yaml) + 1;
                return Err(err(line, format!("not valid YAML: {}", yaml_reason(&e))));
            }
        }
    };
    let line_of = |key: &str| -> usize {
        yaml.lines()
            .position(|l| {
                let t = l.trim_start();
                t.strip_prefix(key).is_some_and(|r| r.trim_start().starts_with(':'))
            })
            .map(|i| i + 2)
            .unwrap_or(2)
    };
    let mut out = FrontMatter {
        body: body_start..text.len(),
        ..FrontMatter::default()
    };
    for (k, v) in &fields {
        let Some(key) = scalar_text(k) else {
            continue;
        };
        let line = line_of(&key);
        let text_of = |v: &Value| -> Result<Option<String>, IngestError> {
            match v {
                Value::Null => Ok(None),
                v => scalar_text(v)
                    .map(Some)
                    .ok_or_else(|| err(line, format!("`{key}`: expected text, found {}", describe(v)))),
            }
        };
        match key.as_str() {
            "published" | "retrieved" => {
                let day = match text_of(v)? {
                    None => None,
                    Some(s) => Some(
                        parse_day(&s)
                            .ok_or_else(|| err(line, format!("`{key}`: expected a date YYYY-MM-DD, found {s:?}")))?,
                    ),
                };
                if key == "published" {
                    out.meta.published = day;
                } else {
                    out.meta.retrieved = day;
                }
            }
            "title" => out.meta.title = text_of(v)?,
            "timezone" => {
                out.meta.timezone = match text_of(v)? {
                    None => None,
                    Some(name) => Some(name.parse::<chrono_tz::Tz>().map_err(|_| {
                        err(
                            line,
                            format!(
                                "`timezone`: unknown time zone {name:?} (expected an IANA name such as Europe/Kyiv)"
                            ),
                        )
                    })?),
                }
            }
            _ => out.ignored.push((key, line)),
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;
    use pretty_assertions::assert_eq;

    #[test]
    fn front_matter_is_read_and_body_starts_after_it() {
        let text = "---\npublished: 2025-02-10\ntitle: T\n---\nBody here.\n";
        let fm = read(Path::new("a.md"), text).expect("valid");
        assert_eq!(fm.meta.published, NaiveDate::from_ymd_opt(2025, 2, 10));
        assert_eq!(fm.meta.title.as_deref(), Some("T"));
        assert_eq!(&text[fm.body], "Body here.\n");
        assert!(fm.ignored.is_empty());
    }

    #[test]
    fn front_matter_bad_date_names_line() {
        let text = "---\ntitle: T\npublished: 2025-02-30\n---\nBody\n";
        let err = read(Path::new("a.md"), text).expect_err("bad date");
        assert_eq!(
            err.to_string(),
            "a.md:3: front matter: `published`: expected a date YYYY-MM-DD, found \"2025-02-30\""
        );
    }

    #[test]
    fn unknown_fields_are_passed_over_with_their_lines() {
        let text = "---\nauthor: A. Writer\npublished: 2025-02-10\ntags: [a, b]\n---\nBody\n";
        let fm = read(Path::new("a.md"), text).expect("unknown fields are fine");
        assert_eq!(fm.meta.published, NaiveDate::from_ymd_opt(2025, 2, 10));
        assert_eq!(fm.ignored, vec![("author".to_string(), 2), ("tags".to_string(), 4)]);
    }

    #[test]
    fn a_list_where_a_title_goes_names_the_line_in_plain_words() {
        let text = "---\ntitle: [a, b]\n---\nBody\n";
        let err = read(Path::new("a.md"), text).expect_err("list title").to_string();
        assert_eq!(err, "a.md:2: front matter: `title`: expected text, found a list");
    }

    #[test]
    fn malformed_yaml_gives_the_file_line_once() {
        let text = "---\ntitle: T\npublished: [2025\n---\nBody\n";
        let err = read(Path::new("a.md"), text).expect_err("bad yaml").to_string();
        assert!(err.starts_with("a.md:"), "{err}");
        assert!(err.contains("front matter: not valid YAML"), "{err}");
        assert!(!err.contains(" column "), "{err}");
    }
}
