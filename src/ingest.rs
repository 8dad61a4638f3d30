//! Ingest: turn files (`.txt`, `.md`, `.tml`, `.jsonl`, stdin) into [`Document`]s.
//!
//! Every document keeps its text exactly as read, so byte offsets reported by
//! later stages index the file the user has (front matter included; the
//! [`Document::body`] range says where the article starts).
//!
//! ```text
//! input     := path | directory | "-"            ("-" reads JSON lines from stdin)
//! .txt .md  := ["---\n" yaml-front-matter "---\n"] utf8-text
//! .tml      := TimeML; text = plain text of <TEXT>, anchor = <DCT>
//! .jsonl    := {"doc": id, "text": str, "dct"?: "YYYY-MM-DD", "retrieved"?: ..} per line
//! ```

use std::collections::VecDeque;
use std::fs;
use std::io::{BufRead, BufReader, Read};
use std::ops::Range;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use serde::Deserialize;

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
    #[error("{path}: {source}")]
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
    /// File stem or JSONL `doc`.
    pub id: String,
    /// Where it came from (`-` for stdin).
    pub source: PathBuf,
    /// 1-based line of the source where the document starts (JSONL), else 1.
    pub line: usize,
    /// The text as read (lossily decoded if it was not UTF-8).
    pub text: String,
    /// Byte range of the article body inside `text` (after any front matter).
    pub body: Range<usize>,
    /// What the input says about the document.
    pub meta: Meta,
    /// Problems that did not stop reading (e.g. invalid UTF-8 replaced).
    pub warnings: Vec<String>,
}

impl Document {
    /// A document made from text in memory (tests, library users).
    pub fn from_text(id: &str, text: &str) -> Document {
        Document {
            id: id.to_string(),
            source: PathBuf::from(id),
            line: 1,
            text: text.to_string(),
            body: 0..text.len(),
            meta: Meta::default(),
            warnings: Vec::new(),
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
    /// of its file, whatever its text holds.
    pub fn place(&self, offset: usize) -> String {
        if self.source.extension().is_some_and(|e| e == "jsonl") || self.source.as_os_str() == "-" {
            format!("{}:{}", self.source.display(), self.line)
        } else {
            format!("{}:{}", self.source.display(), self.line_of(offset) + self.line - 1)
        }
    }

    /// The warning for an expression left untagged because its value is out of range.
    pub fn untagged_warning(&self, o: &crate::tag::out_of_range::OutOfRange) -> String {
        let text = self.text.get(o.start..o.end).unwrap_or("");
        format!("{}: {text:?} not tagged: {}", self.place(o.start), o.reason)
    }
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
/// does not exist is an error: it is almost always a typo.
pub fn expand(inputs: &[PathBuf]) -> Result<Vec<PathBuf>, IngestError> {
    let mut out = Vec::new();
    for input in inputs {
        if input.as_os_str() == "-" {
            out.push(input.clone());
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

/// A stream of documents over many files; JSONL is read line by line, so a
/// large corpus is never held in memory at once.
pub struct DocStream {
    files: VecDeque<PathBuf>,
    jsonl: Option<(PathBuf, Box<dyn BufRead>, usize)>,
}

impl DocStream {
    /// Stream the given (already expanded) files.
    pub fn new(files: Vec<PathBuf>) -> DocStream {
        DocStream {
            files: files.into(),
            jsonl: None,
        }
    }

    /// Expand inputs and stream them.
    pub fn open(inputs: &[PathBuf]) -> Result<DocStream, IngestError> {
        Ok(DocStream::new(expand(inputs)?))
    }
}

impl Iterator for DocStream {
    type Item = Result<Document, IngestError>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            if let Some((path, reader, line)) = self.jsonl.as_mut() {
                let mut buf = Vec::new();
                match reader.read_until(b'\n', &mut buf) {
                    Ok(0) => {
                        self.jsonl = None;
                        continue;
                    }
                    Ok(_) => {
                        *line += 1;
                        if buf.iter().all(|b| b.is_ascii_whitespace()) {
                            continue;
                        }
                        return Some(parse_jsonl_line(path, *line, &buf));
                    }
                    Err(e) => {
                        let path = path.clone();
                        self.jsonl = None;
                        return Some(Err(IngestError::Io { path, source: e }));
                    }
                }
            }
            let path = self.files.pop_front()?;
            if path.as_os_str() == "-" {
                let stdin: Box<dyn BufRead> = Box::new(BufReader::new(std::io::stdin()));
                self.jsonl = Some((path, stdin, 0));
                continue;
            }
            match kind_of(&path) {
                Some(Kind::Jsonl) => match fs::File::open(&path) {
                    Ok(f) => {
                        self.jsonl = Some((path, Box::new(BufReader::new(f)), 0));
                        continue;
                    }
                    Err(e) => return Some(Err(IngestError::Io { path, source: e })),
                },
                Some(Kind::TimeMl) => return Some(read_timeml(&path)),
                _ => return Some(read_text(&path)),
            }
        }
    }
}

/// Read every document at once (the per-corpus stages need them together).
/// Documents that fail are returned as errors beside the good ones.
pub fn read_all(inputs: &[PathBuf]) -> Result<(Vec<Document>, Vec<IngestError>), IngestError> {
    let mut docs = Vec::new();
    let mut errs = Vec::new();
    for item in DocStream::open(inputs)? {
        match item {
            Ok(d) => docs.push(d),
            Err(e) => errs.push(e),
        }
    }
    Ok((docs, errs))
}

fn read_bytes(path: &Path) -> Result<Vec<u8>, IngestError> {
    let mut f = fs::File::open(path).map_err(|e| IngestError::Io {
        path: path.to_path_buf(),
        source: e,
    })?;
    let mut raw = Vec::new();
    f.read_to_end(&mut raw).map_err(|e| IngestError::Io {
        path: path.to_path_buf(),
        source: e,
    })?;
    Ok(raw)
}

/// Decode bytes as UTF-8; invalid sequences become U+FFFD with a warning.
fn decode(path: &Path, raw: Vec<u8>, warnings: &mut Vec<String>) -> String {
    let mut s = match String::from_utf8(raw) {
        Ok(s) => s,
        Err(e) => {
            let at = e.utf8_error().valid_up_to();
            warnings.push(format!(
                "{}: not valid UTF-8 (first bad byte at offset {at}); read with replacement characters",
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
    let mut warnings = Vec::new();
    let text = decode(path, raw, &mut warnings);
    let (meta, body) = front_matter(path, &text)?;
    if text[body.clone()].trim().is_empty() {
        warnings.push(format!("{}: the article is empty", path.display()));
    }
    Ok(Document {
        id: stem(path),
        source: path.to_path_buf(),
        line: 1,
        text,
        body,
        meta,
        warnings,
    })
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct FrontMatter {
    published: Option<serde_yaml::Value>,
    retrieved: Option<serde_yaml::Value>,
    title: Option<String>,
    timezone: Option<String>,
}

/// Split YAML front matter (between `---` lines at the very start) from the body.
fn front_matter(path: &Path, text: &str) -> Result<(Meta, Range<usize>), IngestError> {
    let first_line_end = text.find('\n').map(|i| i + 1).unwrap_or(text.len());
    if text[..first_line_end].trim_end() != "---" {
        return Ok((Meta::default(), 0..text.len()));
    }
    // find the closing line
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
    let Some((yaml_end, body_start)) = close else {
        return Err(IngestError::FrontMatter {
            path: path.to_path_buf(),
            line: 1,
            msg: "opening `---` has no closing `---`".into(),
        });
    };
    let yaml = &text[first_line_end..yaml_end];
    let fm: FrontMatter = if yaml.trim().is_empty() {
        FrontMatter::default()
    } else {
        serde_yaml::from_str(yaml).map_err(|e| IngestError::FrontMatter {
            path: path.to_path_buf(),
            line: e.location().map(|l| l.line() + 1).unwrap_or(2),
            msg: e.to_string(),
        })?
    };
    let line_of = |key: &str| -> usize {
        yaml.lines()
            .position(|l| l.trim_start().starts_with(key))
            .map(|i| i + 2)
            .unwrap_or(2)
    };
    let date = |key: &str, v: &Option<serde_yaml::Value>| -> Result<Option<NaiveDate>, IngestError> {
        match v {
            None | Some(serde_yaml::Value::Null) => Ok(None),
            Some(v) => {
                let s = match v {
                    serde_yaml::Value::String(s) => s.clone(),
                    other => serde_yaml::to_string(other).unwrap_or_default().trim().to_string(),
                };
                parse_day(&s).map(Some).ok_or_else(|| IngestError::FrontMatter {
                    path: path.to_path_buf(),
                    line: line_of(key),
                    msg: format!("`{key}`: expected a date YYYY-MM-DD, found {s:?}"),
                })
            }
        }
    };
    let timezone = match fm.timezone.as_deref() {
        None => None,
        Some(name) => Some(name.parse::<chrono_tz::Tz>().map_err(|_| IngestError::FrontMatter {
            path: path.to_path_buf(),
            line: line_of("timezone"),
            msg: format!("`timezone`: unknown time zone {name:?} (expected an IANA name such as Europe/Kyiv)"),
        })?),
    };
    let meta = Meta {
        published: date("published", &fm.published)?,
        retrieved: date("retrieved", &fm.retrieved)?,
        title: fm.title,
        timezone,
    };
    Ok((meta, body_start..text.len()))
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

#[derive(Deserialize)]
struct JsonDoc {
    doc: Option<String>,
    id: Option<String>,
    text: Option<String>,
    dct: Option<String>,
    published: Option<String>,
    retrieved: Option<String>,
    title: Option<String>,
}

fn parse_jsonl_line(path: &Path, line: usize, raw: &[u8]) -> Result<Document, IngestError> {
    let mut warnings = Vec::new();
    let s = match std::str::from_utf8(raw) {
        Ok(s) => std::borrow::Cow::Borrowed(s),
        Err(_) => {
            warnings.push(format!(
                "{}:{line}: not valid UTF-8; read with replacement characters",
                path.display()
            ));
            String::from_utf8_lossy(raw)
        }
    };
    let jerr = |msg: String| IngestError::Json {
        path: path.to_path_buf(),
        line,
        msg,
    };
    let j: JsonDoc = serde_json::from_str(s.trim()).map_err(|e| jerr(e.to_string()))?;
    let id = j.doc.or(j.id).ok_or_else(|| jerr("missing field `doc`".into()))?;
    let text = j.text.ok_or_else(|| jerr("missing field `text`".into()))?;
    let day = |field: &str, v: Option<String>| -> Result<Option<NaiveDate>, IngestError> {
        match v {
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
    if text.trim().is_empty() {
        warnings.push(format!("{}:{line}: document {id:?} is empty", path.display()));
    }
    Ok(Document {
        id,
        source: path.to_path_buf(),
        line,
        body: 0..text.len(),
        text,
        meta: Meta {
            published,
            retrieved,
            title: j.title,
            timezone: None,
        },
        warnings,
    })
}

fn read_timeml(path: &Path) -> Result<Document, IngestError> {
    let raw = read_bytes(path)?;
    let mut warnings = Vec::new();
    let content = decode(path, raw, &mut warnings);
    let tml = timeml_plain(&content).ok_or_else(|| IngestError::TimeMl {
        path: path.to_path_buf(),
        msg: "no <TEXT> element".into(),
    })?;
    Ok(Document {
        id: stem(path),
        source: path.to_path_buf(),
        line: 1,
        body: 0..tml.text.len(),
        text: tml.text,
        meta: Meta {
            published: tml.dct,
            ..Meta::default()
        },
        warnings,
    })
}

/// The plain text and creation date of a TimeML document.
#[derive(Debug, Clone, PartialEq)]
pub struct TimeMlPlain {
    /// Text of the first `<TEXT>` element, tags removed and entities decoded.
    pub text: String,
    /// The DCT (the `CREATION_TIME` TIMEX3, else the first value inside `<DCT>`).
    pub dct: Option<NaiveDate>,
}

/// Extract the plain text of `<TEXT>` exactly as the shared scorer does:
/// markup removed, the five XML entities and numeric references decoded,
/// CDATA kept, nothing else changed.
pub fn timeml_plain(content: &str) -> Option<TimeMlPlain> {
    let mut out = String::new();
    let mut in_text = 0i32;
    let mut text_done = false;
    let mut saw_text = false;
    let mut in_dct = 0i32;
    let mut creation: Option<String> = None;
    let mut dct_cands: Vec<String> = Vec::new();
    let b = content.as_bytes();
    let mut pos = 0;
    while pos < b.len() {
        let Some(lt) = content[pos..].find('<').map(|i| pos + i) else {
            if in_text > 0 && !text_done {
                out.push_str(&unescape(&content[pos..]));
            }
            break;
        };
        let markup = scan_markup(content, lt);
        let Some((mend, markup)) = markup else {
            // a lone '<' is text
            if in_text > 0 && !text_done {
                out.push_str(&unescape(&content[pos..lt + 1]));
            }
            pos = lt + 1;
            continue;
        };
        if in_text > 0 && !text_done {
            out.push_str(&unescape(&content[pos..lt]));
        }
        pos = mend;
        match markup {
            Markup::Cdata(s) => {
                if in_text > 0 && !text_done {
                    out.push_str(s);
                }
            }
            Markup::Other => {}
            Markup::Tag {
                name,
                closing,
                selfclose,
                attrs,
            } => {
                let uname = name.to_ascii_uppercase();
                if uname == "TEXT" && !text_done {
                    if closing {
                        in_text -= 1;
                        if in_text <= 0 {
                            in_text = 0;
                            text_done = true;
                        }
                    } else if !selfclose {
                        in_text += 1;
                        saw_text = true;
                    }
                    continue;
                }
                if matches!(uname.as_str(), "DCT" | "DATETIME" | "DATE_TIME") {
                    if closing {
                        in_dct = (in_dct - 1).max(0);
                    } else if !selfclose {
                        in_dct += 1;
                    }
                    continue;
                }
                if (uname == "TIMEX3" || uname == "TIMEX2") && !closing {
                    let mut val = None;
                    let mut func = String::new();
                    for (k, v) in attr_pairs(attrs) {
                        let k = k.to_ascii_lowercase();
                        if k == "value" || (k == "val" && val.is_none()) {
                            val = Some(unescape(v));
                        } else if k == "functionindocument" {
                            func = v.to_ascii_uppercase();
                        }
                    }
                    if let Some(v) = val {
                        if func == "CREATION_TIME" && creation.is_none() && !v.is_empty() {
                            creation = Some(v.clone());
                        }
                        if in_dct > 0 && !v.is_empty() {
                            dct_cands.push(v);
                        }
                    }
                }
            }
        }
    }
    if !saw_text {
        return None;
    }
    let dct = creation
        .or_else(|| dct_cands.into_iter().next())
        .and_then(|v| dct_day(&v));
    Some(TimeMlPlain { text: out, dct })
}

fn dct_day(v: &str) -> Option<NaiveDate> {
    let digits: String = v.trim().chars().filter(|c| *c != '-').take(8).collect();
    if digits.len() < 8 || !digits.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    NaiveDate::parse_from_str(&digits, "%Y%m%d").ok()
}

enum Markup<'a> {
    Cdata(&'a str),
    Other,
    Tag {
        name: &'a str,
        closing: bool,
        selfclose: bool,
        attrs: &'a str,
    },
}

/// Recognise one piece of markup at `lt` (which holds '<'); returns its end.
fn scan_markup(s: &str, lt: usize) -> Option<(usize, Markup<'_>)> {
    let rest = &s[lt..];
    if let Some(r) = rest.strip_prefix("<!--") {
        let e = r.find("-->")?;
        return Some((lt + 4 + e + 3, Markup::Other));
    }
    if let Some(r) = rest.strip_prefix("<![CDATA[") {
        let e = r.find("]]>")?;
        return Some((lt + 9 + e + 3, Markup::Cdata(&r[..e])));
    }
    if let Some(r) = rest.strip_prefix("<?") {
        let e = r.find("?>")?;
        return Some((lt + 2 + e + 2, Markup::Other));
    }
    if rest.starts_with("<!") && rest[2..].starts_with(|c: char| c.is_ascii_alphabetic()) {
        let e = rest.find('>')?;
        return Some((lt + e + 1, Markup::Other));
    }
    let bytes = rest.as_bytes();
    let mut i = 1;
    let closing = bytes.get(1) == Some(&b'/');
    if closing {
        i += 1;
    }
    let name_start = i;
    match bytes.get(i) {
        Some(c) if c.is_ascii_alphabetic() || *c == b'_' => {}
        _ => return None,
    }
    while let Some(c) = bytes.get(i) {
        if c.is_ascii_alphanumeric() || matches!(c, b'_' | b'.' | b':' | b'-') || *c >= 0x80 {
            i += 1;
        } else {
            break;
        }
    }
    let name = &rest[name_start..i];
    let attrs_start = i;
    // attributes: (\s+name\s*=\s*("..."|'...'))*
    loop {
        let save = i;
        let mut j = i;
        while bytes.get(j).is_some_and(|c| c.is_ascii_whitespace()) {
            j += 1;
        }
        if j == i {
            break;
        }
        let an = j;
        while bytes
            .get(j)
            .is_some_and(|c| !c.is_ascii_whitespace() && !matches!(c, b'=' | b'/' | b'>'))
        {
            j += 1;
        }
        if j == an {
            i = save;
            break;
        }
        while bytes.get(j).is_some_and(|c| c.is_ascii_whitespace()) {
            j += 1;
        }
        if bytes.get(j) != Some(&b'=') {
            i = save;
            break;
        }
        j += 1;
        while bytes.get(j).is_some_and(|c| c.is_ascii_whitespace()) {
            j += 1;
        }
        let q = match bytes.get(j) {
            Some(q @ (b'"' | b'\'')) => *q,
            _ => {
                i = save;
                break;
            }
        };
        let close = rest[j + 1..].find(q as char);
        match close {
            Some(c) => i = j + 1 + c + 1,
            None => {
                i = save;
                break;
            }
        }
    }
    let attrs = &rest[attrs_start..i];
    while bytes.get(i).is_some_and(|c| c.is_ascii_whitespace()) {
        i += 1;
    }
    let selfclose = bytes.get(i) == Some(&b'/');
    if selfclose {
        i += 1;
    }
    if bytes.get(i) != Some(&b'>') {
        return None;
    }
    Some((
        lt + i + 1,
        Markup::Tag {
            name,
            closing,
            selfclose,
            attrs,
        },
    ))
}

fn attr_pairs(attrs: &str) -> Vec<(&str, &str)> {
    let mut out = Vec::new();
    let mut rest = attrs;
    while let Some(eq) = rest.find('=') {
        let key = rest[..eq].trim();
        let after = rest[eq + 1..].trim_start();
        let Some(q) = after.chars().next().filter(|c| *c == '"' || *c == '\'') else {
            break;
        };
        let Some(close) = after[1..].find(q) else {
            break;
        };
        out.push((key, &after[1..1 + close]));
        rest = &after[1 + close + 1..];
    }
    out
}

/// Decode `&amp; &lt; &gt; &quot; &apos;` and numeric character references.
pub fn unescape(s: &str) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        let semi = rest[1..].find(';').map(|j| j + 1);
        let decoded = semi.and_then(|j| {
            let ent = &rest[1..j];
            let ch = match ent {
                "amp" => Some('&'),
                "lt" => Some('<'),
                "gt" => Some('>'),
                "quot" => Some('"'),
                "apos" => Some('\''),
                _ if ent.starts_with("#x") && ent.len() > 2 => u32::from_str_radix(&ent[2..], 16)
                    .ok()
                    .filter(|_| ent[2..].chars().all(|c| c.is_ascii_hexdigit()))
                    .and_then(char::from_u32),
                _ if ent.starts_with('#') && ent.len() > 1 && ent[1..].chars().all(|c| c.is_ascii_digit()) => {
                    ent[1..].parse::<u32>().ok().and_then(char::from_u32)
                }
                _ => None,
            };
            ch.map(|c| (c, j + 1))
        });
        match decoded {
            Some((c, len)) => {
                out.push(c);
                rest = &rest[len..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use pretty_assertions::assert_eq;

    #[test]
    fn timeml_text_and_dct() {
        let tml = r#"<?xml version="1.0" ?>
<TimeML><DOCID>X</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="1998-02-06" functionInDocument="CREATION_TIME">02/06/1998</TIMEX3></DCT>
<TEXT>A &amp; B said <TIMEX3 tid="t1" type="DATE" value="1998-02-05">Thursday</TIMEX3> it &lt;rose&gt;.</TEXT></TimeML>"#;
        let p = timeml_plain(tml).expect("has TEXT");
        assert_eq!(p.text, "A & B said Thursday it <rose>.");
        assert_eq!(p.dct, NaiveDate::from_ymd_opt(1998, 2, 6));
    }

    #[test]
    fn timeml_without_text_is_none() {
        assert_eq!(timeml_plain("<TimeML></TimeML>"), None);
    }

    #[test]
    fn unescape_keeps_unknown_entities() {
        assert_eq!(unescape("a &nbsp; &#65;&#x42; &amp"), "a &nbsp; AB &amp");
    }

    #[test]
    fn front_matter_is_read_and_body_starts_after_it() {
        let text = "---\npublished: 2025-02-10\ntitle: T\n---\nBody here.\n";
        let (meta, body) = front_matter(Path::new("a.md"), text).expect("valid");
        assert_eq!(meta.published, NaiveDate::from_ymd_opt(2025, 2, 10));
        assert_eq!(meta.title.as_deref(), Some("T"));
        assert_eq!(&text[body], "Body here.\n");
    }

    #[test]
    fn front_matter_bad_date_names_line() {
        let text = "---\ntitle: T\npublished: 2025-02-30\n---\nBody\n";
        let err = front_matter(Path::new("a.md"), text).expect_err("bad date");
        assert_eq!(
            err.to_string(),
            "a.md:3: front matter: `published`: expected a date YYYY-MM-DD, found \"2025-02-30\""
        );
    }

    #[test]
    fn jsonl_line_errors_name_line() {
        let err = parse_jsonl_line(Path::new("x.jsonl"), 7, b"{\"text\": \"a\"}").expect_err("no doc");
        assert_eq!(err.to_string(), "x.jsonl:7: missing field `doc`");
    }

    #[test]
    fn non_utf8_is_read_lossily_with_warning() {
        let mut w = Vec::new();
        let s = decode(Path::new("bad.txt"), vec![b'a', 0xff, b'b'], &mut w);
        assert_eq!(s, "a\u{fffd}b");
        assert_eq!(w.len(), 1);
        assert!(w[0].starts_with("bad.txt: not valid UTF-8"));
    }
}
