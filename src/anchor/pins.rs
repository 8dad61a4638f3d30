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

/// How the anchors file in use was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Found {
    /// Named with `--anchors`.
    Given,
    /// In a directory named on the command line.
    InputDir,
    /// Beside the files named one by one on the command line (all in one folder).
    BesideFiles,
}

/// Which anchors file a run uses, and which it passes over.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Lookup {
    /// The file read, and how it was found (None: no pins).
    pub used: Option<(PathBuf, Found)>,
    /// Anchors files that were found but not read: beside files from several
    /// folders, or in a second input directory.
    pub not_read: Vec<PathBuf>,
}

impl Lookup {
    /// `using anchors file seeds/anchors.yaml`, for a file found beside the
    /// files named (a user may not expect it); None otherwise.
    pub fn notice(&self) -> Option<String> {
        match &self.used {
            Some((p, Found::BesideFiles)) => Some(format!("using anchors file {}", p.display())),
            _ => None,
        }
    }

    /// A warning naming the anchors files passed over, if any.
    pub fn warning(&self) -> Option<String> {
        if self.not_read.is_empty() {
            return None;
        }
        let names: Vec<String> = self.not_read.iter().map(|p| p.display().to_string()).collect();
        let why = match &self.used {
            Some((p, _)) => format!("only one anchors file is read ({})", p.display()),
            None => "the files named are in several folders".to_string(),
        };
        Some(format!(
            "{} not read: {why}; name the one to use with --anchors FILE",
            names.join(", ")
        ))
    }
}

/// Find the anchors file for these command-line inputs: the one given; else
/// `anchors.yaml` in the first input directory that has one; else, when every
/// file named one by one sits in one folder, that folder's `anchors.yaml`.
/// Files from several folders read none of theirs (which one would be
/// meant?): they are listed in [`Lookup::not_read`].
pub fn locate(explicit: Option<&Path>, inputs: &[PathBuf]) -> Lookup {
    if let Some(p) = explicit {
        return Lookup {
            used: Some((p.to_path_buf(), Found::Given)),
            not_read: Vec::new(),
        };
    }
    let mut found: Vec<(PathBuf, Found)> = crate::ingest::input_dirs(inputs)
        .into_iter()
        .map(|d| (d.join("anchors.yaml"), Found::InputDir))
        .filter(|(p, _)| p.is_file())
        .collect();
    let folders = crate::ingest::file_folders(inputs);
    let beside: Vec<PathBuf> = folders
        .iter()
        .map(|d| d.join("anchors.yaml"))
        .filter(|p| p.is_file())
        .collect();
    let mut not_read = Vec::new();
    if folders.len() == 1 {
        found.extend(beside.into_iter().map(|p| (p, Found::BesideFiles)));
    } else {
        not_read = beside;
    }
    let mut found = found.into_iter();
    let used = found.next();
    not_read.extend(
        found
            .map(|(p, _)| p)
            .filter(|p| used.as_ref().is_none_or(|(u, _)| u != p)),
    );
    Lookup { used, not_read }
}

/// Read the anchors file [`locate`] finds for these inputs.
pub fn load_for(explicit: Option<&Path>, inputs: &[PathBuf]) -> Result<(Pins, Lookup), PinsError> {
    let lookup = locate(explicit, inputs);
    let pins = match &lookup.used {
        Some((p, _)) => load(p)?,
        None => Pins::default(),
    };
    Ok((pins, lookup))
}

/// The top-level keys of an anchors file with their lines, and each one's
/// field keys: a plain scan of the lines, since YAML maps keep the last of
/// two equal keys and say nothing. A repeated document or field is an error
/// naming both lines.
fn check_repeats(path: &Path, text: &str) -> Result<(), PinsError> {
    let mut docs: BTreeMap<String, usize> = BTreeMap::new();
    let mut fields: BTreeMap<String, usize> = BTreeMap::new();
    let mut current: Option<String> = None;
    // the indentation of the entry's fields (deeper lines are a field's value)
    let mut indent: Option<usize> = None;
    for (i, l) in text.lines().enumerate() {
        let n = i + 1;
        let t = l.trim_start();
        if t.is_empty() || t.starts_with('#') || l == "---" || l == "..." {
            continue;
        }
        let depth = l.len() - t.len();
        let Some(key) = plain_key(t) else {
            continue;
        };
        if depth == 0 {
            fields.clear();
            indent = None;
            if let Some(first) = docs.insert(key.clone(), n) {
                return Err(PinsError::Invalid {
                    path: path.to_path_buf(),
                    line: n,
                    msg: format!("{key} pinned twice (first at line {first})"),
                });
            }
            current = Some(key);
        } else if let Some(doc) = &current {
            if *indent.get_or_insert(depth) != depth {
                continue;
            }
            if let Some(first) = fields.insert(key.clone(), n) {
                return Err(PinsError::Invalid {
                    path: path.to_path_buf(),
                    line: n,
                    msg: format!("{doc}: `{key}` given twice (first at line {first})"),
                });
            }
        }
    }
    Ok(())
}

/// The key of a `key: value` line (quotes removed), None for other lines.
fn plain_key(t: &str) -> Option<String> {
    if let Some(q) = t.chars().next().filter(|c| *c == '"' || *c == '\'') {
        let close = t[1..].find(q)? + 1;
        return t[close + 1..]
            .trim_start()
            .starts_with(':')
            .then(|| t[1..close].to_string());
    }
    if t.starts_with(['-', '?', '{', '[', '|', '>', '&', '*', '!']) {
        return None;
    }
    let colon = t.match_indices(':').find(|(i, _)| {
        let after = &t[i + 1..];
        after.is_empty() || after.starts_with(char::is_whitespace)
    })?;
    Some(t[..colon.0].trim_end().to_string())
}

const FIELDS: &str = "fields are `published`, `retrieved`, `note`";
const FORM: &str = "an anchors file is `DOC_ID:` lines, each with `published: YYYY-MM-DD` (or `retrieved:`, `note:`) indented under it";

/// Parse the text of an anchors file (`path` is for messages). Messages are
/// in the user's words, naming the file and line: never the engine's types.
pub fn parse(path: &Path, text: &str) -> Result<Pins, PinsError> {
    use crate::ingest::{describe_yaml, yaml_line, yaml_reason, yaml_scalar_text};
    use serde_yaml::Value;
    let invalid = |line: usize, msg: String| PinsError::Invalid {
        path: path.to_path_buf(),
        line,
        msg,
    };
    let doc_line = |doc: &str| -> usize {
        text.lines()
            .position(|l| !l.starts_with(char::is_whitespace) && plain_key(l.trim_end()).as_deref() == Some(doc))
            .map(|i| i + 1)
            .unwrap_or(1)
    };
    let field_line = |doc: &str, field: &str| -> usize {
        let start = doc_line(doc);
        text.lines()
            .enumerate()
            .skip(start)
            .take_while(|(_, l)| l.trim().is_empty() || l.starts_with(char::is_whitespace) || l.starts_with('#'))
            .find(|(_, l)| plain_key(l.trim()).as_deref() == Some(field))
            .map(|(i, _)| i + 1)
            .unwrap_or(start)
    };
    let empty = Pins {
        path: Some(path.to_path_buf()),
        by_doc: BTreeMap::new(),
    };
    if text
        .lines()
        .all(|l| l.trim().is_empty() || l.trim_start().starts_with('#'))
    {
        return Ok(empty);
    }
    check_repeats(path, text)?;
    let root: Value = serde_yaml::from_str(text).map_err(|e| {
        let line = yaml_line(&e, text);
        invalid(
            line,
            format!(
                "not an anchors file: the YAML is malformed here ({}); {FORM}",
                yaml_reason(&e)
            ),
        )
    })?;
    let entries = match root {
        Value::Null => return Ok(empty),
        Value::Mapping(m) => m,
        other => {
            let first = text
                .lines()
                .position(|l| !l.trim().is_empty() && !l.trim_start().starts_with('#'))
                .map(|i| i + 1)
                .unwrap_or(1);
            return Err(invalid(
                first,
                format!("not an anchors file: found {}; {FORM}", describe_yaml(&other)),
            ));
        }
    };
    let mut by_doc = BTreeMap::new();
    for (k, v) in entries {
        let Some(doc) = yaml_scalar_text(&k) else {
            return Err(invalid(
                1,
                format!("a document id must be a name, found {}; {FORM}", describe_yaml(&k)),
            ));
        };
        let line = doc_line(&doc);
        let fields = match v {
            Value::Mapping(m) => m,
            Value::Null => {
                return Err(invalid(
                    line,
                    format!("{doc}: nothing pinned (give `published: YYYY-MM-DD` or `retrieved:` indented under it)"),
                ))
            }
            other => {
                return Err(invalid(
                    line,
                    format!(
                        "{doc}: expected `published:` / `retrieved:` / `note:` indented under it, found {}",
                        describe_yaml(&other)
                    ),
                ))
            }
        };
        let mut pin = Pin {
            published: None,
            retrieved: None,
            line,
        };
        for (fk, fv) in fields {
            let field = yaml_scalar_text(&fk).unwrap_or_else(|| describe_yaml(&fk));
            let day = |fv: &Value| -> Result<Option<NaiveDate>, PinsError> {
                let s = match fv {
                    Value::Null => return Ok(None),
                    v => yaml_scalar_text(v).ok_or_else(|| {
                        invalid(
                            field_line(&doc, &field),
                            format!(
                                "{doc}: `{field}`: expected a date YYYY-MM-DD, found {}",
                                describe_yaml(v)
                            ),
                        )
                    })?,
                };
                let day = NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d").ok();
                day.map(Some).ok_or_else(|| {
                    invalid(
                        field_line(&doc, &field),
                        format!("{doc}: `{field}`: {s:?} is not a date (expected YYYY-MM-DD, a day that exists)"),
                    )
                })
            };
            match field.as_str() {
                "published" => pin.published = day(&fv)?,
                "retrieved" => pin.retrieved = day(&fv)?,
                "note" => {}
                _ => {
                    return Err(invalid(
                        field_line(&doc, &field),
                        format!("{doc}: unknown field `{field}` ({FIELDS})"),
                    ))
                }
            }
        }
        if let (Some(p), Some(r)) = (pin.published, pin.retrieved) {
            if p > r {
                return Err(invalid(
                    field_line(&doc, "published"),
                    format!("{doc}: published {p} is after retrieved {r}"),
                ));
            }
        }
        by_doc.insert(doc, pin);
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
        assert!(e.starts_with("anchors.yaml:2:"), "{e}");
        assert!(e.contains("not an anchors file"), "{e}");
        // an error at the very end names the last line, not the one after
        assert!(err("a: [").starts_with("anchors.yaml:1:"), "{}", err("a: ["));
    }

    #[test]
    fn a_document_pinned_twice_names_both_lines() {
        assert_eq!(
            err("000_a:\n  published: 2025-02-14\n# again\n002_x:\n  published: 2025-02-15\n\n002_x:\n  published: 2025-02-16\n"),
            "anchors.yaml:7: 002_x pinned twice (first at line 4)"
        );
        assert_eq!(
            err("a:\n  published: 2025-02-14\n'a':\n  retrieved: 2025-02-15\n"),
            "anchors.yaml:3: a pinned twice (first at line 1)"
        );
        assert_eq!(
            err("a:\n  published: 2025-02-14\n  note: |\n    published: in print\n  published: 2025-02-15\n"),
            "anchors.yaml:5: a: `published` given twice (first at line 2)"
        );
    }

    #[test]
    fn the_same_field_in_two_entries_is_fine() {
        let p = parse(
            Path::new("anchors.yaml"),
            "a:\n  published: 2025-02-14\n  note: |\n    published: x\nb:\n  published: 2025-02-15\n",
        )
        .expect("valid");
        assert_eq!(p.by_doc.len(), 2);
    }

    #[test]
    fn malformed_files_are_told_in_the_users_words() {
        for (text, want) in [
            (
                "- a\n- b\n",
                "anchors.yaml:1: not an anchors file: found a list; an anchors file is `DOC_ID:` lines",
            ),
            (
                "a:\n  - 2025-02-14\n",
                "anchors.yaml:1: a: expected `published:` / `retrieved:` / `note:` indented under it, found a list",
            ),
            ("a: 2025-02-14\n", "anchors.yaml:1: a: expected `published:`"),
            ("# c\na:\n", "anchors.yaml:2: a: nothing pinned"),
            (
                "a:\n  published: [2025, 2]\n",
                "anchors.yaml:2: a: `published`: expected a date YYYY-MM-DD, found a list",
            ),
        ] {
            let e = err(text);
            assert!(e.starts_with(want), "{text:?}: {e}");
            for internal in ["struct", "Entry", "sequence", "invalid type", " column "] {
                assert!(!e.contains(internal), "{text:?}: {e}");
            }
        }
    }

    #[test]
    fn empty_or_comment_only_file_is_no_pins() {
        let p = parse(Path::new("anchors.yaml"), "# nothing yet\n").expect("valid");
        assert!(p.by_doc.is_empty());
    }
}
