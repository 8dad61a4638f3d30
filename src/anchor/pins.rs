//! The user's anchors file (`anchors.yaml`): publication and retrieval dates
//! pinned by hand. The engine reads it and never writes it.
//!
//! ```text
//! # comments are kept by the user, never touched
//! DOC_ID:
//!   published: YYYY-MM-DD   # optional
//!   retrieved: YYYY-MM-DD   # optional
//!   note: free text         # optional
//! ```

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use serde::Deserialize;

use super::{Pin, Pins};

/// Why an anchors file could not be used.
#[derive(Debug, thiserror::Error)]
pub enum PinsError {
    /// The file cannot be read.
    #[error("{path}: {source}")]
    Io {
        /// The file.
        path: PathBuf,
        /// The cause.
        #[source]
        source: std::io::Error,
    },
    /// The file is not what the format says.
    #[error("{path}:{line}: {msg}")]
    Invalid {
        /// The file.
        path: PathBuf,
        /// 1-based line.
        line: usize,
        /// What is wrong.
        msg: String,
    },
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Entry {
    published: Option<serde_yaml::Value>,
    retrieved: Option<serde_yaml::Value>,
    #[allow(dead_code)] // read so that it is accepted; a note is for people
    note: Option<serde_yaml::Value>,
}

/// Read an anchors file.
pub fn load(path: &Path) -> Result<Pins, PinsError> {
    let text = std::fs::read_to_string(path).map_err(|e| PinsError::Io {
        path: path.to_path_buf(),
        source: e,
    })?;
    parse(path, &text)
}

/// Read the anchors file given, or `anchors.yaml` in one of the input
/// directories; no file at all is no pins.
pub fn find_and_load(explicit: Option<&Path>, input_dirs: &[PathBuf]) -> Result<Pins, PinsError> {
    if let Some(p) = explicit {
        return load(p);
    }
    for dir in input_dirs {
        let p = dir.join("anchors.yaml");
        if p.is_file() {
            return load(&p);
        }
    }
    Ok(Pins::default())
}

/// Parse the text of an anchors file (`path` is for messages).
pub fn parse(path: &Path, text: &str) -> Result<Pins, PinsError> {
    let invalid = |line: usize, msg: String| PinsError::Invalid {
        path: path.to_path_buf(),
        line,
        msg,
    };
    let doc_line = |doc: &str| -> usize {
        text.lines()
            .position(|l| {
                let t = l.trim_end();
                !t.starts_with(char::is_whitespace)
                    && (t.strip_prefix(doc).is_some_and(|r| r.starts_with(':'))
                        || t.strip_prefix(&format!("\"{doc}\""))
                            .is_some_and(|r| r.starts_with(':'))
                        || t.strip_prefix(&format!("'{doc}'")).is_some_and(|r| r.starts_with(':')))
            })
            .map(|i| i + 1)
            .unwrap_or(1)
    };
    let field_line = |doc: &str, field: &str| -> usize {
        let start = doc_line(doc);
        text.lines()
            .enumerate()
            .skip(start)
            .take_while(|(_, l)| l.trim().is_empty() || l.starts_with(char::is_whitespace) || l.starts_with('#'))
            .find(|(_, l)| l.trim_start().starts_with(&format!("{field}:")))
            .map(|(i, _)| i + 1)
            .unwrap_or(start)
    };
    if text.trim().is_empty()
        || text
            .lines()
            .all(|l| l.trim().is_empty() || l.trim_start().starts_with('#'))
    {
        return Ok(Pins {
            path: Some(path.to_path_buf()),
            by_doc: BTreeMap::new(),
        });
    }
    let raw: BTreeMap<String, serde_yaml::Value> = serde_yaml::from_str(text).map_err(|e| {
        let line = e.location().map(|l| l.line()).unwrap_or(1);
        invalid(
            line,
            format!("not an anchors file ({e}); expected `DOC_ID:` entries with `published:` / `retrieved:`"),
        )
    })?;
    let mut by_doc = BTreeMap::new();
    for (doc, v) in raw {
        let line = doc_line(&doc);
        let entry: Entry = serde_yaml::from_value(v).map_err(|e| {
            let msg = e.to_string();
            // name the offending field's line when the message names a field
            let l = msg.split('`').nth(1).map(|f| field_line(&doc, f)).unwrap_or(line);
            invalid(l, format!("{doc}: {msg} (fields are `published`, `retrieved`, `note`)"))
        })?;
        let date = |field: &str, v: &Option<serde_yaml::Value>| -> Result<Option<NaiveDate>, PinsError> {
            let s = match v {
                None | Some(serde_yaml::Value::Null) => return Ok(None),
                Some(serde_yaml::Value::String(s)) => s.clone(),
                Some(other) => serde_yaml::to_string(other).unwrap_or_default().trim().to_string(),
            };
            let day = NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d").ok();
            day.map(Some).ok_or_else(|| {
                invalid(
                    field_line(&doc, field),
                    format!("{doc}: `{field}`: {s:?} is not a date (expected YYYY-MM-DD, a day that exists)"),
                )
            })
        };
        let published = date("published", &entry.published)?;
        let retrieved = date("retrieved", &entry.retrieved)?;
        if let (Some(p), Some(r)) = (published, retrieved) {
            if p > r {
                return Err(invalid(
                    field_line(&doc, "published"),
                    format!("{doc}: published {p} is after retrieved {r}"),
                ));
            }
        }
        by_doc.insert(
            doc,
            Pin {
                published,
                retrieved,
                line,
            },
        );
    }
    Ok(Pins {
        path: Some(path.to_path_buf()),
        by_doc,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use pretty_assertions::assert_eq;

    fn err(text: &str) -> String {
        parse(Path::new("anchors.yaml"), text).expect_err("invalid").to_string()
    }

    #[test]
    fn reads_pins_with_comments() {
        let p = parse(
            Path::new("anchors.yaml"),
            "# pinned by hand\n000_a:\n  published: 2026-02-14  # other outlets\n002_b:\n  retrieved: 2025-06-02\n",
        )
        .expect("valid");
        assert_eq!(p.by_doc["000_a"].published, NaiveDate::from_ymd_opt(2026, 2, 14));
        assert_eq!(p.by_doc["000_a"].line, 2);
        assert_eq!(p.by_doc["002_b"].retrieved, NaiveDate::from_ymd_opt(2025, 6, 2));
        assert_eq!(p.by_doc["002_b"].line, 4);
    }

    #[test]
    fn impossible_date_names_its_line() {
        assert_eq!(
            err("a:\n  published: 2025-02-14\nb:\n  published: 2025-02-30\n"),
            "anchors.yaml:4: b: `published`: \"2025-02-30\" is not a date (expected YYYY-MM-DD, a day that exists)"
        );
    }

    #[test]
    fn unknown_field_names_its_line() {
        let e = err("a:\n  published: 2025-02-14\n  publshed: 2025-02-15\n");
        assert!(e.starts_with("anchors.yaml:3: a: unknown field `publshed`"), "{e}");
    }

    #[test]
    fn bad_yaml_names_a_line() {
        let e = err("a:\n  published: [2025\n");
        assert!(e.starts_with("anchors.yaml:"), "{e}");
        assert!(e.contains("not an anchors file"), "{e}");
    }

    #[test]
    fn empty_or_comment_only_file_is_no_pins() {
        let p = parse(Path::new("anchors.yaml"), "# nothing yet\n").expect("valid");
        assert!(p.by_doc.is_empty());
    }
}
