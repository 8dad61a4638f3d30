//! The document stream: files one after the other, JSONL line by line, stdin
//! as plain text or JSON lines, and every id checked to be new.

use std::collections::{HashMap, VecDeque};
use std::fs;
use std::io::{BufRead, BufReader, Cursor, Read};
use std::path::PathBuf;

use super::{expand, jsonl, kind_of, read_text, text_document, timeml, Document, Duplicate, IngestError, Kind};

/// What `-` on the command line holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StdinFormat {
    /// One plain-text article (front matter allowed); its id is `stdin`.
    Text,
    /// JSON lines, one document a line.
    Jsonl,
}

/// The id of a plain-text document read from stdin.
pub const STDIN_ID: &str = "stdin";

/// A JSONL source being read: its path, the reader, the last line read and
/// the byte offset of the next line.
struct Lines {
    path: PathBuf,
    reader: Box<dyn BufRead>,
    line: usize,
    offset: usize,
}

/// A stream of documents over many files; JSONL is read line by line, so a
/// large corpus is never held in memory at once. A document whose id an
/// earlier one has comes out as [`IngestError::DuplicateIds`] (and is left out).
pub struct DocStream {
    files: VecDeque<PathBuf>,
    lines: Option<Lines>,
    stdin: Option<StdinFormat>,
    seen: HashMap<String, (PathBuf, usize)>,
}

impl DocStream {
    /// Stream the given (already expanded) files.
    pub fn new(files: Vec<PathBuf>) -> DocStream {
        DocStream {
            files: files.into(),
            lines: None,
            stdin: None,
            seen: HashMap::new(),
        }
    }

    /// Expand inputs and stream them.
    pub fn open(inputs: &[PathBuf]) -> Result<DocStream, IngestError> {
        Ok(DocStream::new(expand(inputs)?))
    }

    /// Say what `-` holds (None, the default: JSON lines if its first byte
    /// other than white space is `{`, else plain text).
    pub fn stdin_format(mut self, format: Option<StdinFormat>) -> DocStream {
        self.stdin = format;
        self
    }

    /// The next document, ids not yet checked.
    fn next_unchecked(&mut self) -> Option<Result<Document, IngestError>> {
        loop {
            if let Some(src) = self.lines.as_mut() {
                let mut buf = Vec::new();
                match src.reader.read_until(b'\n', &mut buf) {
                    Ok(0) => {
                        self.lines = None;
                        continue;
                    }
                    Ok(n) => {
                        src.line += 1;
                        let offset = src.offset;
                        src.offset += n;
                        if buf.iter().all(|b| b.is_ascii_whitespace()) {
                            continue;
                        }
                        return Some(jsonl::parse_line(&src.path, src.line, offset, &buf));
                    }
                    Err(e) => {
                        let path = src.path.clone();
                        self.lines = None;
                        return Some(Err(IngestError::Io { path, source: e }));
                    }
                }
            }
            let path = self.files.pop_front()?;
            if path.as_os_str() == "-" {
                match open_stdin(std::io::stdin(), self.stdin) {
                    Ok(Stdin::Jsonl(reader)) => {
                        self.lines = Some(Lines {
                            path,
                            reader,
                            line: 0,
                            offset: 0,
                        });
                        continue;
                    }
                    Ok(Stdin::Text(raw)) => return Some(text_document(&path, STDIN_ID.to_string(), raw)),
                    Err(e) => return Some(Err(IngestError::Io { path, source: e })),
                }
            }
            match kind_of(&path) {
                Some(Kind::Jsonl) => match fs::File::open(&path) {
                    Ok(f) => {
                        self.lines = Some(Lines {
                            path,
                            reader: Box::new(BufReader::new(f)),
                            line: 0,
                            offset: 0,
                        });
                        continue;
                    }
                    Err(e) => return Some(Err(IngestError::Io { path, source: e })),
                },
                Some(Kind::TimeMl) => return Some(timeml::read(&path)),
                _ => return Some(read_text(&path)),
            }
        }
    }

    /// The document if its id is new; else the duplicate, naming both places.
    fn check_unique(&mut self, doc: Document) -> Result<Document, IngestError> {
        if let Some((first_path, first_line)) = self.seen.get(&doc.id) {
            return Err(IngestError::DuplicateIds(vec![Duplicate {
                id: doc.id,
                path: doc.source,
                line: doc.line,
                first_path: first_path.clone(),
                first_line: *first_line,
            }]));
        }
        self.seen.insert(doc.id.clone(), (doc.source.clone(), doc.line));
        Ok(doc)
    }
}

impl Iterator for DocStream {
    type Item = Result<Document, IngestError>;

    fn next(&mut self) -> Option<Self::Item> {
        let item = self.next_unchecked()?;
        Some(item.and_then(|d| self.check_unique(d)))
    }
}

/// Stdin, once we know what it holds.
enum Stdin {
    /// JSON lines, to be read line by line (the bytes looked at are put back).
    Jsonl(Box<dyn BufRead>),
    /// One plain-text article, read whole.
    Text(Vec<u8>),
}

/// Decide what `input` holds (as told, else by its first byte other than
/// white space: `{` is JSON lines) and open it accordingly. An empty input is
/// plain text (an empty article, which is reported).
fn open_stdin<R: Read + 'static>(input: R, format: Option<StdinFormat>) -> std::io::Result<Stdin> {
    let mut reader = BufReader::new(input);
    let mut head = Vec::new();
    let format = match format {
        Some(f) => f,
        None => loop {
            let buf = reader.fill_buf()?;
            if buf.is_empty() {
                break StdinFormat::Text;
            }
            if let Some(i) = buf.iter().position(|b| !b.is_ascii_whitespace()) {
                let f = if buf[i] == b'{' {
                    StdinFormat::Jsonl
                } else {
                    StdinFormat::Text
                };
                break f;
            }
            let n = buf.len();
            head.extend_from_slice(buf);
            reader.consume(n);
        },
    };
    let rest = Cursor::new(head).chain(reader);
    match format {
        StdinFormat::Jsonl => Ok(Stdin::Jsonl(Box::new(rest))),
        StdinFormat::Text => {
            let mut raw = Vec::new();
            let mut rest = rest;
            rest.read_to_end(&mut raw)?;
            Ok(Stdin::Text(raw))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use pretty_assertions::assert_eq;

    fn sniff(input: &'static [u8], format: Option<StdinFormat>) -> (bool, Vec<u8>) {
        match open_stdin(input, format).expect("in memory") {
            Stdin::Text(raw) => (false, raw),
            Stdin::Jsonl(mut r) => {
                let mut raw = Vec::new();
                r.read_to_end(&mut raw).expect("in memory");
                (true, raw)
            }
        }
    }

    #[test]
    fn stdin_is_guessed_from_its_first_byte_and_nothing_is_lost() {
        assert_eq!(
            sniff(b"\n  {\"doc\": \"a\"}\n", None),
            (true, b"\n  {\"doc\": \"a\"}\n".to_vec())
        );
        assert_eq!(
            sniff(b"\n Talks on Monday.\n", None),
            (false, b"\n Talks on Monday.\n".to_vec())
        );
        assert_eq!(sniff(b"", None), (false, Vec::new()));
        assert_eq!(sniff(b"{ looks like JSON", Some(StdinFormat::Text)).0, false);
        assert_eq!(sniff(b"plain", Some(StdinFormat::Jsonl)).0, true);
    }

    #[test]
    fn a_repeated_id_is_refused_naming_both_places() {
        let mut s = DocStream::new(Vec::new());
        let mut a = Document::from_text("x", "one");
        a.source = PathBuf::from("a.txt");
        let mut b = Document::from_text("x", "two");
        b.source = PathBuf::from("b.jsonl");
        b.line = 4;
        assert!(s.check_unique(a).is_ok());
        let e = s.check_unique(b).expect_err("duplicate");
        assert_eq!(
            e.to_string(),
            "b.jsonl:4: document id \"x\" is used twice (first at a.txt:1); ids must be unique: rename one or leave it out"
        );
    }
}
