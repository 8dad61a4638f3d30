//! The JSON-lines reader: one document a line.
//!
//! ```text
//! line := {"doc": id, "text": str, "dct"?: "YYYY-MM-DD", "published"?: ..,
//!          "retrieved"?: .., "title"?: str}          (other fields are passed over)
//! id   := string | number                            ("id" is read when "doc" is absent)
//! ```
//!
//! Every message names the file and the line; JSON syntax errors give the
//! column inside the line, never serde's "line 1".

use std::path::Path;

use serde::Deserialize;
use serde_json::Value;

use super::{parse_day, Document, IngestError, Meta};

#[derive(Deserialize)]
struct JsonDoc {
    doc: Option<Value>,
    id: Option<Value>,
    text: Option<Value>,
    dct: Option<Value>,
    published: Option<Value>,
    retrieved: Option<Value>,
    title: Option<Value>,
}

/// How a JSON value reads to a person, for "found …" in messages.
fn describe(v: &Value) -> String {
    match v {
        Value::Null => "null".into(),
        Value::Bool(b) => format!("`{b}`"),
        Value::Number(n) => format!("the number {n}"),
        Value::String(s) => format!("{s:?}"),
        Value::Array(_) => "a list".into(),
        Value::Object(_) => "an object".into(),
    }
}

/// The reason in a JSON error without serde's "at line 1 column C".
fn json_reason(e: &serde_json::Error) -> String {
    let msg = e.to_string();
    match msg.find(" at line ") {
        Some(at) => msg[..at].to_string(),
        None => msg,
    }
}

/// Read one line of a JSONL file. `offset` is the byte offset of the line in
/// its file, so that bytes that are not UTF-8 are reported where they are.
pub(super) fn parse_line(path: &Path, line: usize, offset: usize, raw: &[u8]) -> Result<Document, IngestError> {
    let mut warnings = Vec::new();
    let s = match std::str::from_utf8(raw) {
        Ok(s) => std::borrow::Cow::Borrowed(s),
        Err(e) => {
            warnings.push(format!(
                "{}:{line}: not UTF-8 (byte offset {}); read with replacement characters",
                path.display(),
                offset + e.valid_up_to()
            ));
            String::from_utf8_lossy(raw)
        }
    };
    let jerr = |msg: String| IngestError::Json {
        path: path.to_path_buf(),
        line,
        msg,
    };
    let s = s.trim();
    if !s.starts_with('{') {
        let hint = if path.as_os_str() == "-" {
            "; for plain text on stdin give --stdin-format text"
        } else {
            ""
        };
        return Err(jerr(format!(
            "not a JSON record (each line is one object {{\"doc\": \"ID\", \"text\": \"...\"}}){hint}"
        )));
    }
    let j: JsonDoc = serde_json::from_str(s).map_err(|e| {
        jerr(match e.classify() {
            serde_json::error::Category::Eof => {
                "the JSON record ends before it is closed (each record must be on one line)".to_string()
            }
            _ => format!("not valid JSON at column {}: {}", e.column(), json_reason(&e)),
        })
    })?;
    let id = match j.doc.or(j.id) {
        None => {
            return Err(jerr(
                "no `doc` field (each line is {\"doc\": \"ID\", \"text\": \"...\"})".into(),
            ))
        }
        Some(Value::String(s)) => s,
        Some(Value::Number(n)) => n.to_string(),
        Some(other) => return Err(jerr(format!("`doc` must be text, found {}", describe(&other)))),
    };
    let text = match j.text {
        None => return Err(jerr(format!("document {id:?} has no `text` field"))),
        Some(Value::String(s)) => s,
        Some(other) => return Err(jerr(format!("`text` must be text, found {}", describe(&other)))),
    };
    let string = |field: &str, v: Option<Value>| -> Result<Option<String>, IngestError> {
        match v {
            None | Some(Value::Null) => Ok(None),
            Some(Value::String(s)) => Ok(Some(s)),
            Some(other) => Err(jerr(format!("`{field}` must be text, found {}", describe(&other)))),
        }
    };
    let day = |field: &str, v: Option<Value>| -> Result<Option<chrono::NaiveDate>, IngestError> {
        match string(field, v)? {
            None => Ok(None),
            Some(s) if s.trim().is_empty() => Ok(None),
            Some(s) => parse_day(&s)
                .map(Some)
                .ok_or_else(|| jerr(format!("`{field}`: expected a date YYYY-MM-DD, found {s:?}"))),
        }
    };
    let published = match day("dct", j.dct)? {
        Some(d) => Some(d),
        None => day("published", j.published)?,
    };
    let retrieved = day("retrieved", j.retrieved)?;
    let title = string("title", j.title)?;
    if text.trim().is_empty() {
        warnings.push(format!("{}:{line}: document {id:?} is empty", path.display()));
    }
    Ok(Document {
        id,
        source: path.to_path_buf(),
        line,
        record: true,
        body: 0..text.len(),
        text,
        meta: Meta {
            published,
            retrieved,
            title,
            timezone: None,
        },
        warnings,
        ignored_fields: Vec::new(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use pretty_assertions::assert_eq;

    fn err(raw: &str) -> String {
        parse_line(Path::new("x.jsonl"), 7, 0, raw.as_bytes())
            .expect_err("invalid")
            .to_string()
    }

    #[test]
    fn errors_name_the_line_in_plain_words() {
        assert_eq!(
            err("{\"text\": \"a\"}"),
            "x.jsonl:7: no `doc` field (each line is {\"doc\": \"ID\", \"text\": \"...\"})"
        );
        assert_eq!(
            err("{\"doc\": \"a\", \"text\": "),
            "x.jsonl:7: the JSON record ends before it is closed (each record must be on one line)"
        );
        assert_eq!(
            err("{\"doc\": \"a\", \"text\": 3}"),
            "x.jsonl:7: `text` must be text, found the number 3"
        );
        assert_eq!(err("{\"doc\": [1]}"), "x.jsonl:7: `doc` must be text, found a list");
        assert_eq!(
            err("{\"doc\": \"a\", \"text\": \"t\",}"),
            "x.jsonl:7: not valid JSON at column 26: trailing comma"
        );
        assert_eq!(
            err("Plain text, not JSON."),
            "x.jsonl:7: not a JSON record (each line is one object {\"doc\": \"ID\", \"text\": \"...\"})"
        );
        assert_eq!(err("{\"doc\": \"a\"}"), "x.jsonl:7: document \"a\" has no `text` field");
    }

    #[test]
    fn bytes_that_are_not_utf8_are_reported_at_their_offset_in_the_file() {
        let d = parse_line(Path::new("x.jsonl"), 3, 100, b"{\"doc\": \"a\", \"text\": \"b\xffc\"}").expect("lossy");
        assert_eq!(
            d.warnings,
            vec!["x.jsonl:3: not UTF-8 (byte offset 123); read with replacement characters".to_string()]
        );
        assert_eq!(d.text, "b\u{fffd}c");
    }
}
