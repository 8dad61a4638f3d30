//! Ingest: turn files (`.txt`, `.md`, `.tml`, `.jsonl`, stdin) into [`Document`]s.
//!
//! Every document keeps its text exactly as read, so byte offsets reported by
//! later stages index the file the user has (front matter included; the
//! [`Document::body`] range says where the article starts).
//!
//! ```text
//! input     := path | directory | "-"       ("-": stdin, plain text or JSON lines, see StdinFormat)
//! .txt .md  := ["---\n" yaml-front-matter "---\n"] utf8-text        (front_matter.rs)
//! .tml      := TimeML; text = plain text of <TEXT>, anchor = <DCT>   (timeml.rs)
//! .jsonl    := {"doc": id, "text": str, "dct"?: "YYYY-MM-DD", ..} per line   (jsonl.rs)
//! ```
//!
//! Document ids (the file stem, the JSONL `doc`, `stdin`) must be unique
//! across one run: pins, events and output files are keyed by them, so
//! `x.txt` beside `x.md`, or two JSONL lines with the same `doc`, are refused
//! ([`IngestError::DuplicateIds`], naming both places) rather than merged or
//! renamed behind the user's back.
//!
//! This stage depends on no other: what later stages report about a document
//! they format themselves, with [`Document::place`] for `file:line`.

use std::collections::BTreeMap;
use std::fmt;
use std::fs;
use std::io::Read;
use std::ops::Range;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;

mod front_matter;
mod jsonl;
mod stream;
pub mod timeml;

pub(crate) use front_matter::{describe as describe_yaml, scalar_text as yaml_scalar_text, yaml_line, yaml_reason};
pub use stream::{DocStream, StdinFormat, STDIN_ID};

/// What went wrong while reading input.
#[derive(Debug, thiserror::Error)]
pub enum IngestError {
    /// A path named on the command line does not exist.
    #[error("{path}: no such file or directory")]
    Missing {
        /// The path as given.
        path: PathBuf,
    },
    /// The operating system refused to read a file or directory.
    #[error("{path}: cannot read: {source}")]
    Io {
        /// The file.
        path: PathBuf,
        /// The cause.
        #[source]
        source: std::io::Error,
    },
    /// A JSON line that is not a document record.
    #[error("{path}:{line}: {msg}")]
    Json {
        /// The file (`-` for stdin).
        path: PathBuf,
        /// 1-based line number.
        line: usize,
        /// What is wrong.
        msg: String,
    },
    /// Front matter that cannot be read.
    #[error("{path}:{line}: front matter: {msg}")]
    FrontMatter {
        /// The file.
        path: PathBuf,
        /// 1-based line number in the file.
        line: usize,
        /// What is wrong.
        msg: String,
    },
    /// A TimeML file without a `<TEXT>` element.
    #[error("{path}: not TimeML: {msg}")]
    TimeMl {
        /// The file.
        path: PathBuf,
        /// What is wrong.
        msg: String,
    },
    /// Two documents with one id: the run cannot tell them apart.
    #[error("{}", join_lines(.0))]
    DuplicateIds(Vec<Duplicate>),
}

impl IngestError {
    /// True for errors that stop the whole run (duplicate ids), as opposed to
    /// one document that cannot be read and is skipped.
    pub fn is_fatal(&self) -> bool {
        matches!(self, IngestError::Missing { .. } | IngestError::DuplicateIds(_))
    }
}

fn join_lines(dups: &[Duplicate]) -> String {
    dups.iter().map(|d| d.to_string()).collect::<Vec<_>>().join("\n")
}

/// A document whose id an earlier document already has.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Duplicate {
    /// The id both carry.
    pub id: String,
    /// Where the second one is.
    pub path: PathBuf,
    /// Its 1-based line.
    pub line: usize,
    /// Where the first one is.
    pub first_path: PathBuf,
    /// Its 1-based line.
    pub first_line: usize,
}

impl fmt::Display for Duplicate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}:{}: document id {:?} is used twice (first at {}:{}); ids must be unique: rename one or leave it out",
            self.path.display(),
            self.line,
            self.id,
            self.first_path.display(),
            self.first_line
        )
    }
}

/// Metadata a document may carry about itself.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Meta {
    /// Publication date given by the input (TimeML DCT, JSONL `dct`, front matter `published`).
    pub published: Option<NaiveDate>,
    /// The day the page was retrieved (front matter or JSONL `retrieved`).
    pub retrieved: Option<NaiveDate>,
    /// The title, from front matter.
    pub title: Option<String>,
    /// The time zone stated in front matter.
    pub timezone: Option<chrono_tz::Tz>,
}

/// One article.
#[derive(Debug, Clone, PartialEq)]
pub struct Document {
    /// File stem, JSONL `doc`, or `stdin` for plain text on stdin.
    pub id: String,
    /// Where it came from (`-` for stdin).
    pub source: PathBuf,
    /// 1-based line of the source where the document starts (JSONL), else 1.
    pub line: usize,
    /// True when the document is one record (a JSONL line) of its source:
    /// every place in it is then that line.
    pub record: bool,
    /// The text as read (lossily decoded if it was not UTF-8).
    pub text: String,
    /// Byte range of the article body inside `text` (after any front matter).
    pub body: Range<usize>,
    /// What the input says about the document.
    pub meta: Meta,
    /// Problems that did not stop reading (e.g. invalid UTF-8 replaced).
    pub warnings: Vec<String>,
    /// Front-matter fields the engine does not read (`author`, `tags`…) with
    /// their 1-based lines: normal in Markdown, worth a mention at most once
    /// ([`ignored_fields_note`]), never an error.
    pub ignored_fields: Vec<(String, usize)>,
}

impl Document {
    /// A document made from text in memory (tests, library users).
    pub fn from_text(id: &str, text: &str) -> Document {
        Document {
            id: id.to_string(),
            source: PathBuf::from(id),
            line: 1,
            record: false,
            text: text.to_string(),
            body: 0..text.len(),
            meta: Meta::default(),
            warnings: Vec::new(),
            ignored_fields: Vec::new(),
        }
    }

    /// The article body.
    pub fn body_text(&self) -> &str {
        &self.text[self.body.clone()]
    }

    /// 1-based line number of a byte offset into `text`.
    pub fn line_of(&self, offset: usize) -> usize {
        let end = offset.min(self.text.len());
        self.text.as_bytes()[..end].iter().filter(|&&b| b == b'\n').count() + 1
    }

    /// `file:line` of a byte offset, for messages. A JSONL record is one line
    /// of its file, whatever its text holds. For many places in one document
    /// use [`Document::places`], which scans the text once.
    pub fn place(&self, offset: usize) -> String {
        self.place_at_line(self.line_of(offset))
    }

    /// The lines of the text, indexed once: each place asked of the index
    /// is a binary search, not a scan from the start (a long document with
    /// thousands of quoted statements stayed quadratic otherwise).
    pub fn places(&self) -> Places<'_> {
        Places {
            doc: self,
            newlines: memchr::memchr_iter(b'\n', self.text.as_bytes()).collect(),
        }
    }

    fn place_at_line(&self, line: usize) -> String {
        if self.record {
            format!("{}:{}", self.source.display(), self.line)
        } else {
            format!("{}:{}", self.source.display(), line + self.line - 1)
        }
    }
}

/// A document's line index ([`Document::places`]).
pub struct Places<'a> {
    doc: &'a Document,
    /// Byte offsets of the text's newlines, in order.
    newlines: Vec<usize>,
}

impl Places<'_> {
    /// `file:line` of a byte offset, as [`Document::place`] gives it.
    pub fn at(&self, offset: usize) -> String {
        let end = offset.min(self.doc.text.len());
        self.doc.place_at_line(self.newlines.partition_point(|&n| n < end) + 1)
    }
}

/// One line naming every front-matter field passed over in `docs`, for a
/// verbose mode: `front matter fields not read: author (2 files, first at
/// a.md:2), tags (a.md:4)`. None when every field was read.
pub fn ignored_fields_note<'a>(docs: impl IntoIterator<Item = &'a Document>) -> Option<String> {
    let mut by_field: BTreeMap<&str, (usize, String)> = BTreeMap::new();
    for d in docs {
        for (name, line) in &d.ignored_fields {
            by_field
                .entry(name.as_str())
                .or_insert_with(|| (0, format!("{}:{line}", d.source.display())))
                .0 += 1;
        }
    }
    if by_field.is_empty() {
        return None;
    }
    let parts: Vec<String> = by_field
        .into_iter()
        .map(|(name, (n, first))| match n {
            1 => format!("{name} ({first})"),
            n => format!("{name} ({n} files, first at {first})"),
        })
        .collect();
    Some(format!("front matter fields not read: {}", parts.join(", ")))
}

/// The kinds of file we read, by extension.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Text,
    TimeMl,
    Jsonl,
}

fn kind_of(path: &Path) -> Option<Kind> {
    let ext = path.extension()?.to_str()?.to_ascii_lowercase();
    match ext.as_str() {
        "txt" | "md" | "markdown" => Some(Kind::Text),
        "tml" | "timeml" => Some(Kind::TimeMl),
        "jsonl" | "ndjson" => Some(Kind::Jsonl),
        _ => None,
    }
}

/// Expand the command-line inputs into the files to read, in a stable order.
///
/// Directories are read one level deep (sorted by name); files in them that
/// are not of a known kind (and `anchors.yaml`) are passed over. A path that
/// does not exist is an error: it is almost always a typo. `-` (stdin) is
/// kept once, where it first appears: stdin can be read only once.
pub fn expand(inputs: &[PathBuf]) -> Result<Vec<PathBuf>, IngestError> {
    let mut out = Vec::new();
    let mut stdin_seen = false;
    for input in inputs {
        if input.as_os_str() == "-" {
            if !stdin_seen {
                out.push(input.clone());
            }
            stdin_seen = true;
            continue;
        }
        let md = fs::metadata(input).map_err(|e| {
            if e.kind() == std::io::ErrorKind::NotFound {
                IngestError::Missing { path: input.clone() }
            } else {
                IngestError::Io {
                    path: input.clone(),
                    source: e,
                }
            }
        })?;
        if md.is_dir() {
            let mut files: Vec<PathBuf> = fs::read_dir(input)
                .map_err(|e| IngestError::Io {
                    path: input.clone(),
                    source: e,
                })?
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.is_file() && kind_of(p).is_some())
                .collect();
            files.sort();
            out.extend(files);
        } else {
            out.push(input.clone());
        }
    }
    Ok(out)
}

/// The directories among the inputs (where an `anchors.yaml` may sit).
pub fn input_dirs(inputs: &[PathBuf]) -> Vec<PathBuf> {
    inputs.iter().filter(|p| p.is_dir()).cloned().collect()
}

/// The folders holding the files named one by one on the command line
/// (directories and `-` aside), each once, in the order first named; a file
/// named without a folder is in `""` (the current directory).
pub fn file_folders(inputs: &[PathBuf]) -> Vec<PathBuf> {
    let mut out: Vec<(PathBuf, Option<PathBuf>)> = Vec::new();
    for p in inputs {
        if p.as_os_str() == "-" || p.is_dir() {
            continue;
        }
        let folder = p.parent().map(Path::to_path_buf).unwrap_or_default();
        let real = fs::canonicalize(if folder.as_os_str().is_empty() {
            Path::new(".")
        } else {
            &folder
        })
        .ok();
        if !out.iter().any(|(f, r)| match (r, &real) {
            (Some(a), Some(b)) => a == b,
            _ => *f == folder,
        }) {
            out.push((folder, real));
        }
    }
    out.into_iter().map(|(f, _)| f).collect()
}

/// Read every document at once (the per-corpus stages need them together),
/// guessing what stdin holds. Documents that fail are returned as errors
/// beside the good ones; duplicate ids and missing paths stop the run.
pub fn read_all(inputs: &[PathBuf]) -> Result<(Vec<Document>, Vec<IngestError>), IngestError> {
    read_all_with(inputs, None)
}

/// [`read_all`], with what `-` holds (None: guess from its first byte). Every
/// duplicate id is listed in the one error, not only the first.
pub fn read_all_with(
    inputs: &[PathBuf],
    stdin: Option<StdinFormat>,
) -> Result<(Vec<Document>, Vec<IngestError>), IngestError> {
    let mut docs = Vec::new();
    let mut errs = Vec::new();
    let mut dups = Vec::new();
    for item in DocStream::open(inputs)?.stdin_format(stdin) {
        match item {
            Ok(d) => docs.push(d),
            Err(IngestError::DuplicateIds(d)) => dups.extend(d),
            Err(e) => errs.push(e),
        }
    }
    if !dups.is_empty() {
        return Err(IngestError::DuplicateIds(dups));
    }
    Ok((docs, errs))
}

fn read_bytes(path: &Path) -> Result<Vec<u8>, IngestError> {
    let io = |e| IngestError::Io {
        path: path.to_path_buf(),
        source: e,
    };
    let mut f = fs::File::open(path).map_err(io)?;
    let mut raw = Vec::new();
    f.read_to_end(&mut raw).map_err(io)?;
    Ok(raw)
}

/// Decode bytes as UTF-8; invalid sequences become U+FFFD with a warning that
/// gives the line and the byte offset of the first one.
fn decode(path: &Path, raw: Vec<u8>, warnings: &mut Vec<String>) -> String {
    let mut s = match String::from_utf8(raw) {
        Ok(s) => s,
        Err(e) => {
            let at = e.utf8_error().valid_up_to();
            let line = e.as_bytes()[..at].iter().filter(|&&b| b == b'\n').count() + 1;
            warnings.push(format!(
                "{}:{line}: not UTF-8 (byte offset {at}); read with replacement characters",
                path.display()
            ));
            String::from_utf8_lossy(e.as_bytes()).into_owned()
        }
    };
    if s.starts_with('\u{feff}') {
        s.drain(..3);
    }
    s
}

fn stem(path: &Path) -> String {
    path.file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.display().to_string())
}

fn read_text(path: &Path) -> Result<Document, IngestError> {
    let raw = read_bytes(path)?;
    text_document(path, stem(path), raw)
}

/// A plain-text article (front matter allowed) from its bytes.
fn text_document(path: &Path, id: String, raw: Vec<u8>) -> Result<Document, IngestError> {
    let mut warnings = Vec::new();
    let text = decode(path, raw, &mut warnings);
    let fm = front_matter::read(path, &text)?;
    if text[fm.body.clone()].trim().is_empty() {
        warnings.push(format!("{}: the article is empty", path.display()));
    }
    Ok(Document {
        id,
        source: path.to_path_buf(),
        line: 1,
        record: false,
        text,
        body: fm.body,
        meta: fm.meta,
        warnings,
        ignored_fields: fm.ignored,
    })
}

/// Parse `YYYY-MM-DD` (anything after the tenth character, such as a time, is ignored).
pub fn parse_day(s: &str) -> Option<NaiveDate> {
    let s = s.trim();
    let head = s.get(..10)?;
    let rest = &s[10..];
    if !(rest.is_empty() || rest.starts_with('T') || rest.starts_with(' ')) {
        return None;
    }
    NaiveDate::parse_from_str(head, "%Y-%m-%d").ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use pretty_assertions::assert_eq;

    #[test]
    fn non_utf8_is_read_lossily_with_its_line_and_byte_offset() {
        let mut w = Vec::new();
        let s = decode(Path::new("bad.txt"), b"line one\nli\xffne".to_vec(), &mut w);
        assert_eq!(s, "line one\nli\u{fffd}ne");
        assert_eq!(
            w,
            vec!["bad.txt:2: not UTF-8 (byte offset 11); read with replacement characters".to_string()]
        );
    }

    #[test]
    fn the_ignored_fields_note_names_each_field_once() {
        let mut a = Document::from_text("a", "x");
        a.source = PathBuf::from("a.md");
        a.ignored_fields = vec![("author".into(), 2), ("tags".into(), 3)];
        let mut b = Document::from_text("b", "x");
        b.source = PathBuf::from("b.md");
        b.ignored_fields = vec![("author".into(), 4)];
        assert_eq!(
            ignored_fields_note([&a, &b]).as_deref(),
            Some("front matter fields not read: author (2 files, first at a.md:2), tags (a.md:3)")
        );
        assert_eq!(ignored_fields_note([&Document::from_text("c", "x")]), None);
    }

    #[test]
    fn a_record_is_one_line_of_its_file() {
        let mut d = Document::from_text("a", "one\ntwo\nthree");
        d.source = PathBuf::from("x.jsonl");
        d.line = 9;
        assert_eq!(d.place(10), "x.jsonl:11");
        d.record = true;
        assert_eq!(d.place(10), "x.jsonl:9");
    }

    #[test]
    fn the_line_index_gives_every_place_as_a_scan_does() {
        let mut d = Document::from_text("a", "one\n\ntwo\nthree\n");
        d.source = PathBuf::from("x.txt");
        let places = d.places();
        for offset in 0..d.text.len() + 3 {
            assert_eq!(places.at(offset), d.place(offset), "offset {offset}");
        }
        assert_eq!(places.at(5), "x.txt:3");
        d.record = true;
        assert_eq!(d.places().at(12), "x.txt:1");
    }
}
