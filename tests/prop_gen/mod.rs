//! Shared by the property tests (`tests/prop_*.rs`) and the long run
//! (`examples/fuzz.rs`): input generators built from the grammar's own word
//! lists and example sentences, the checks every output must pass, and one
//! small adapter per library entry point (the only place to change when the
//! API moves).
//!
//! ```text
//! text     := bytes | chars | soup of lexicon words | mutated example | absurd number
//! adapters := tag_resolve | build | read_front_matter | read_jsonl | read_timeml | read_anchors
//! checks   := spans in bounds, on char boundaries, in order; values parse; errors name file:line
//! ```
#![allow(dead_code)] // each test crate uses part of it

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::OnceLock;

use chrono::NaiveDate;
use chronology::anchor::{pins, Anchor, Pins};
use chronology::ingest::{DocStream, Document};
use chronology::resolve::{resolve_all, AnchorRef, Resolved};
use chronology::tag::{tag, Mention};
use proptest::prelude::*;

// ---------------------------------------------------------------------------
// Adapters: one call into the library each.

/// Tag a whole text and resolve it against `dct` (or the text alone).
pub fn tag_resolve(text: &str, dct: Option<NaiveDate>) -> (Vec<Mention>, Vec<Resolved>) {
    let m = tag(text, 0..text.len());
    let r = resolve_all(text, &m, dct.map(AnchorRef::Day).as_ref());
    (m, r)
}

/// Tag a document's body and infer its anchor from its own text, as
/// `chronology tag` does when no date is given.
pub fn tag_infer(doc: &Document) -> (Vec<Mention>, Vec<Resolved>, Vec<Anchor>) {
    let m = tag(&doc.text, doc.body.clone());
    let textual = chronology::anchor::resolve_textual(&doc.text, &m);
    let anchors = chronology::anchor::infer(
        std::slice::from_ref(doc),
        std::slice::from_ref(&textual),
        &Pins::default(),
        None,
    );
    let a = anchors.first().and_then(|a| a.anchor_ref());
    let r = resolve_all(&doc.text, &m, a.as_ref());
    (m, r, anchors)
}

/// The whole `build` pipeline over some documents (no files written).
pub fn build(docs: &[Document]) -> chronology::pipeline::Built {
    chronology::pipeline::Pipeline::new()
        .expect("the grammar loads")
        .build(docs, &Pins::default(), None)
}

/// Read an anchors file's text.
pub fn read_anchors(text: &str) -> Result<Pins, pins::PinsError> {
    pins::parse(Path::new("anchors.yaml"), text)
}

/// Read a `.md` file (front matter and body) from its bytes.
pub fn read_front_matter(bytes: &[u8]) -> Vec<Result<Document, chronology::ingest::IngestError>> {
    read_file_as("md", bytes)
}

/// Read a `.jsonl` file from its bytes: one result a non-blank line.
pub fn read_jsonl(bytes: &[u8]) -> Vec<Result<Document, chronology::ingest::IngestError>> {
    read_file_as("jsonl", bytes)
}

/// Read a `.tml` file from its bytes.
pub fn read_timeml(bytes: &[u8]) -> Vec<Result<Document, chronology::ingest::IngestError>> {
    read_file_as("tml", bytes)
}

/// The plain text of a TimeML string (the in-memory reader).
pub fn timeml_plain(content: &str) -> Option<chronology::ingest::timeml::TimeMlPlain> {
    chronology::ingest::timeml::timeml_plain(content)
}

/// Write the bytes to a file of this thread's own in the temp dir and read
/// it back with the library's reader; the file is removed afterwards.
fn read_file_as(ext: &str, bytes: &[u8]) -> Vec<Result<Document, chronology::ingest::IngestError>> {
    let path = scratch_path(ext);
    if let Err(e) = std::fs::write(&path, bytes) {
        panic!("cannot write {}: {e}", path.display());
    }
    let out: Vec<_> = DocStream::new(vec![path.clone()]).collect();
    let _ = std::fs::remove_file(&path);
    out
}

fn scratch_path(ext: &str) -> PathBuf {
    static NEXT: AtomicUsize = AtomicUsize::new(0);
    thread_local! {
        static ME: usize = NEXT.fetch_add(1, Ordering::Relaxed);
    }
    let dir = std::env::temp_dir().join(format!("chronology-prop-{}", std::process::id()));
    let _ = std::fs::create_dir_all(&dir);
    ME.with(|me| dir.join(format!("case{me}.{ext}")))
}

/// The file name a reader names in its errors, for `read_*` above.
pub fn scratch_name(ext: &str) -> String {
    scratch_path(ext).display().to_string()
}

// ---------------------------------------------------------------------------
// Checks. Each returns a description of what is wrong.

/// Mentions: inside `body`, on char boundaries, non-empty, in order, not overlapping.
pub fn check_mentions(text: &str, body: std::ops::Range<usize>, m: &[Mention]) -> Result<(), String> {
    let mut last = body.start;
    for x in m {
        if !(x.start < x.end && x.start >= body.start && x.end <= body.end.min(text.len())) {
            return Err(format!(
                "mention {}..{} ({}) out of bounds {body:?}",
                x.start, x.end, x.rule
            ));
        }
        if !text.is_char_boundary(x.start) || !text.is_char_boundary(x.end) {
            return Err(format!(
                "mention {}..{} ({}) not on char boundaries",
                x.start, x.end, x.rule
            ));
        }
        if x.start < last {
            return Err(format!(
                "mention {}..{} ({}) overlaps or is out of order",
                x.start, x.end, x.rule
            ));
        }
        last = x.end;
    }
    Ok(())
}

/// Resolved values: spans as for mentions with the surface text as written,
/// values that parse (see [`value_ok`]) and `from <= to`.
pub fn check_resolved(text: &str, r: &[Resolved]) -> Result<(), String> {
    for x in r {
        match text.get(x.start..x.end) {
            Some(s) if s == x.text && x.start < x.end => {}
            _ => {
                return Err(format!(
                    "resolved {}..{} {:?} is not the text's span",
                    x.start, x.end, x.text
                ))
            }
        }
        if !value_ok(&x.timex.value) {
            return Err(format!("value {:?} does not parse (from {:?})", x.timex.value, x.text));
        }
        if let (Some(f), Some(t)) = (x.timex.from, x.timex.to) {
            if f > t {
                return Err(format!("from {f} after to {t} (in {:?})", x.text));
            }
        }
    }
    Ok(())
}

/// Anchors: evidence spans inside the text and on char boundaries, bounds in order.
pub fn check_anchors(text: &str, anchors: &[Anchor]) -> Result<(), String> {
    for a in anchors {
        if let (Some(e), Some(l)) = (a.earliest, a.latest) {
            if e > l {
                return Err(format!("anchor {}: earliest {e} after latest {l}", a.doc));
            }
        }
        for ev in &a.evidence {
            let [s, e] = ev.span;
            if s > e || text.get(s..e).is_none() {
                return Err(format!(
                    "anchor {}: evidence span {s}..{e} {:?} not in the text",
                    a.doc, ev.text
                ));
            }
        }
    }
    Ok(())
}

/// Does a TIMEX3 value follow the grammar of `src/timex.rs`?
///
/// ```text
/// value    := point | point "/" point
/// point    := REF | duration | date ["T" (hh:mm | MO|AF|EV|NI)]
/// date     := year ["-" (MM ["-" DD] | "W" ww ["-WE" | "-" d] | "Q" n | "H" n | SP|SU|FA|WI)]
///           | YYY | YY
/// year     := DDDD | "BC" DDDD | XXXX
/// duration := "P" ["T"] (n | "X") unit [half]
/// ```
pub fn value_ok(v: &str) -> bool {
    match v.split_once('/') {
        Some((a, b)) => point_ok(a) && point_ok(b),
        None => point_ok(v),
    }
}

fn digits(s: &str, n: usize) -> bool {
    s.len() == n && s.bytes().all(|b| b.is_ascii_digit())
}

fn num_or_x(s: &str, n: usize) -> bool {
    digits(s, n) || (s.len() == n && s.bytes().all(|b| b == b'X'))
}

fn point_ok(v: &str) -> bool {
    if matches!(v, "PRESENT_REF" | "PAST_REF" | "FUTURE_REF") {
        return true;
    }
    if let Some(d) = v.strip_prefix('P') {
        return duration_ok(d);
    }
    let (date, time) = match v.split_once('T') {
        Some((d, t)) => (d, Some(t)),
        None => (v, None),
    };
    if let Some(t) = time {
        let clock = t.len() == 5
            && t.as_bytes()[2] == b':'
            && digits(&t[..2], 2)
            && digits(&t[3..], 2)
            && t[..2].parse::<u32>().is_ok_and(|h| h <= 24)
            && t[3..].parse::<u32>().is_ok_and(|m| m < 60);
        if !(clock || matches!(t, "MO" | "AF" | "EV" | "NI")) {
            return false;
        }
    }
    date_ok(date)
}

fn date_ok(d: &str) -> bool {
    if digits(d, 3) || digits(d, 2) {
        return true;
    }
    let (year, rest) = if let Some(r) = d.strip_prefix("BC") {
        (r.get(..4), r.get(4..))
    } else {
        (d.get(..4), d.get(4..))
    };
    let (Some(year), Some(rest)) = (year, rest) else {
        return false;
    };
    if !num_or_x(year, 4) {
        return false;
    }
    if rest.is_empty() {
        return true;
    }
    let Some(rest) = rest.strip_prefix('-') else {
        return false;
    };
    if matches!(rest, "SP" | "SU" | "FA" | "WI") {
        return true;
    }
    if let Some(q) = rest.strip_prefix('Q') {
        return matches!(q, "1" | "2" | "3" | "4" | "X");
    }
    if let Some(h) = rest.strip_prefix('H') {
        return matches!(h, "1" | "2" | "X");
    }
    if let Some(w) = rest.strip_prefix('W') {
        let (ww, tail) = (w.get(..2), w.get(2..));
        let (Some(ww), Some(tail)) = (ww, tail) else {
            return false;
        };
        let week_ok = ww == "XX" || (digits(ww, 2) && ww.parse::<u32>().is_ok_and(|n| (1..=53).contains(&n)));
        return week_ok
            && (tail.is_empty()
                || tail == "-WE"
                || (tail.len() == 2 && matches!(&tail[..1], "-") && matches!(tail.as_bytes()[1], b'1'..=b'7' | b'X')));
    }
    let (mm, tail) = (rest.get(..2), rest.get(2..));
    let (Some(mm), Some(tail)) = (mm, tail) else {
        return false;
    };
    let month_ok = mm == "XX" || mm.parse::<u32>().is_ok_and(|m| (1..=12).contains(&m)) && digits(mm, 2);
    if !month_ok {
        return false;
    }
    if tail.is_empty() {
        return true;
    }
    let Some(dd) = tail.strip_prefix('-') else {
        return false;
    };
    if dd == "XX" {
        return true;
    }
    if !digits(dd, 2) {
        return false;
    }
    // a real day when the year and month are known
    match (year.parse::<i32>(), mm.parse::<u32>(), dd.parse::<u32>()) {
        (Ok(y), Ok(m), Ok(day)) if !d.starts_with("BC") => NaiveDate::from_ymd_opt(y, m, day).is_some(),
        (_, _, Ok(day)) => (1..=31).contains(&day),
        _ => false,
    }
}

fn duration_ok(d: &str) -> bool {
    let d = d.strip_prefix('T').unwrap_or(d);
    let n_end = d
        .find(|c: char| !(c.is_ascii_digit() || c == '.' || c == 'X'))
        .unwrap_or(d.len());
    let (n, rest) = d.split_at(n_end);
    if n.is_empty() || (n.contains('X') && n != "X") {
        return false;
    }
    let unit_end = rest
        .find(|c: char| c.is_ascii_digit() || c == 'T')
        .unwrap_or(rest.len());
    let (unit, half) = rest.split_at(unit_end);
    matches!(unit, "S" | "M" | "H" | "D" | "W" | "WE" | "Q" | "Y" | "DE" | "CE")
        && matches!(half, "" | "6M" | "15D" | "T12H" | "30M" | "30S")
}

/// An error message that begins `FILE:` (and, with `line_bound`, `FILE:LINE:`
/// with LINE in 1..=line_bound).
pub fn names_place(msg: &str, file: &str, line_bound: Option<usize>) -> Result<(), String> {
    let Some(rest) = msg.strip_prefix(file).and_then(|r| r.strip_prefix(':')) else {
        return Err(format!("error does not name {file}: {msg}"));
    };
    if let Some(max) = line_bound {
        let n = rest.split(':').next().and_then(|l| l.parse::<usize>().ok());
        match n {
            Some(n) if (1..=max).contains(&n) => {}
            _ => return Err(format!("error does not name a line in 1..={max}: {msg}")),
        }
    }
    Ok(())
}

/// Lines of a file as a reader counts them (a last line without `\n` counts).
pub fn line_count(bytes: &[u8]) -> usize {
    bytes.iter().filter(|&&b| b == b'\n').count() + 1
}

// ---------------------------------------------------------------------------
// Material: the grammar's own words and sentences, read at run time.

fn grammar_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("grammar")
}

/// Every word and phrase of the lexicons (`grammar/*.txt`): the left of
/// `surface | value` lines, else each line and each of its words.
pub fn lexicon_words() -> &'static [String] {
    static W: OnceLock<Vec<String>> = OnceLock::new();
    W.get_or_init(|| {
        let mut out = std::collections::BTreeSet::new();
        let mut files: Vec<PathBuf> = std::fs::read_dir(grammar_dir())
            .map(|d| d.filter_map(|e| e.ok().map(|e| e.path())).collect())
            .unwrap_or_default();
        files.sort();
        for f in files.iter().filter(|p| p.extension().is_some_and(|e| e == "txt")) {
            let text = std::fs::read_to_string(f).unwrap_or_default();
            for line in text
                .lines()
                .map(str::trim)
                .filter(|l| !l.is_empty() && !l.starts_with('#'))
            {
                match line.split_once('|') {
                    Some((w, _)) => {
                        out.insert(w.trim().to_string());
                    }
                    None => {
                        out.insert(line.to_string());
                        out.extend(line.split_whitespace().map(str::to_string));
                    }
                }
            }
        }
        assert!(out.len() > 300, "grammar/ lexicons not found or nearly empty");
        out.into_iter().collect()
    })
}

/// Every example sentence in `grammar/examples/*.yaml` (`texts` and `context`).
pub fn example_sentences() -> &'static [String] {
    static S: OnceLock<Vec<String>> = OnceLock::new();
    S.get_or_init(|| {
        let mut out = Vec::new();
        let mut files: Vec<PathBuf> = std::fs::read_dir(grammar_dir().join("examples"))
            .map(|d| d.filter_map(|e| e.ok().map(|e| e.path())).collect())
            .unwrap_or_default();
        files.sort();
        for f in files {
            let text = std::fs::read_to_string(&f).unwrap_or_default();
            let v: serde_yaml::Value = serde_yaml::from_str(&text).unwrap_or(serde_yaml::Value::Null);
            collect_strings(&v, false, &mut out);
        }
        out.sort();
        out.dedup();
        assert!(out.len() > 100, "grammar/examples not found or nearly empty");
        out
    })
}

fn collect_strings(v: &serde_yaml::Value, wanted: bool, out: &mut Vec<String>) {
    match v {
        serde_yaml::Value::String(s) if wanted => out.push(s.clone()),
        serde_yaml::Value::Sequence(xs) => xs.iter().for_each(|x| collect_strings(x, wanted, out)),
        serde_yaml::Value::Mapping(m) => {
            for (k, x) in m {
                let key = k.as_str().unwrap_or("");
                collect_strings(x, matches!(key, "texts" | "context" | "text"), out);
            }
        }
        _ => {}
    }
}

/// Numbers no calendar holds, and their neighbours at the edges of integer types.
pub const ABSURD: &[&str] = &[
    "0",
    "00",
    "-5",
    "-1",
    "9999",
    "10000",
    "99999",
    "262143",
    "262144",
    "999999",
    "10000000",
    "99999999",
    "2147483647",
    "2147483648",
    "4294967295",
    "4294967296",
    "9223372036854775807",
    "9223372036854775808",
    "18446744073709551615",
    "18446744073709551616",
    "99999999999999999999999999999999",
    "1,000,000",
    "999,999,999,999",
    "1.5",
    "0.0001",
    "1e9",
    "10000000th",
    "99999999th",
    "4294967296th",
    "18446744073709551617th",
    "0th",
    "-3rd",
];

const TEMPLATES: &[&str] = &[
    "{} years ago",
    "{} days ago",
    "{} days",
    "{} weeks later",
    "{} months from now",
    "{} centuries ago",
    "{} decades earlier",
    "{} hours",
    "year {}",
    "the year {}",
    "in {}",
    "in the {}s",
    "the {} century",
    "the {}th century",
    "{} B.C.",
    "{} BC",
    "{} AD",
    "March {}",
    "March {}, {}",
    "{} March {}",
    "on March 3, {}",
    "Q{} {}",
    "the {} quarter of {}",
    "{}-{}-{}",
    "{}/{}/{}",
    "{}:{} p.m.",
    "{}:{}",
    "the {} of May",
    "{} years",
    "{} and a half years",
    "{} to {} years",
    "from {} to {}",
    "{}-{} February",
    "fiscal {}",
    "FY{}",
    "the '{}s",
    "{} days before {} March",
    "{} weeks after Christmas {}",
    "every {} days",
    "{} years after {}",
];

// ---------------------------------------------------------------------------
// Strategies.

fn pick(xs: &'static [String]) -> impl Strategy<Value = String> {
    proptest::sample::select(xs)
}

/// Any bytes, as lossy UTF-8 text (what a reader makes of them).
pub fn random_bytes() -> impl Strategy<Value = Vec<u8>> {
    proptest::collection::vec(any::<u8>(), 0..300)
}

/// Characters the tagger treats specially, and multi-byte ones next to them.
pub fn random_chars() -> impl Strategy<Value = String> {
    let ch = prop_oneof![
        4 => proptest::char::range('0', '9'),
        4 => proptest::char::range('a', 'z'),
        2 => proptest::char::range('A', 'Z'),
        3 => proptest::sample::select(vec![' ', ' ', '\n', '\t', '\r', '.', ',', '-', '/', ':', '\'', '’', '–', '—', '(', ')', '$', '%', '&', '<', '>', '"', '\u{feff}', '\u{a0}', '\u{fffd}', 'é', '日', '🎉', '\u{301}', '\u{200b}']),
        1 => any::<char>(),
    ];
    proptest::collection::vec(ch, 0..120).prop_map(|v| v.into_iter().collect())
}

/// A soup of lexicon words, example fragments, absurd numbers and digits.
pub fn word_soup() -> impl Strategy<Value = String> {
    let token = prop_oneof![
        6 => pick(lexicon_words()),
        2 => proptest::sample::select(ABSURD).prop_map(str::to_string),
        2 => (0u32..3000).prop_map(|n| n.to_string()),
        1 => (1u32..32, 1u32..13).prop_map(|(d, m)| format!("{m}/{d}")),
        1 => proptest::sample::select(vec!["the", "of", "on", "in", "a", "last", "next", "ago", "said", "will", "was", "'", "-", "–", "(", ")"]).prop_map(str::to_string),
    ];
    let sep = proptest::sample::select(vec![" ", " ", " ", ", ", "-", ". ", "\n", "\n\n", "", "/", " – ", ": "]);
    proptest::collection::vec((token, sep), 0..40).prop_map(|v| {
        let mut s = String::new();
        for (t, sep) in v {
            s.push_str(&t);
            s.push_str(sep);
        }
        s
    })
}

/// An absurd number put into a template that would otherwise be a date or duration.
pub fn absurd_phrase() -> impl Strategy<Value = String> {
    let n = prop_oneof![
        3 => proptest::sample::select(ABSURD).prop_map(str::to_string),
        1 => any::<u64>().prop_map(|n| n.to_string()),
        1 => any::<i64>().prop_map(|n| n.to_string()),
        1 => (0u32..100).prop_map(|n| n.to_string()),
    ];
    (
        proptest::sample::select(TEMPLATES),
        proptest::collection::vec(n, 3),
        pick(example_sentences()),
        any::<bool>(),
    )
        .prop_map(|(t, ns, ctx, embed)| {
            let mut s = String::new();
            let mut ns = ns.into_iter();
            for (i, part) in t.split("{}").enumerate() {
                if i > 0 {
                    s.push_str(&ns.next().unwrap_or_default());
                }
                s.push_str(part);
            }
            if embed {
                format!("{ctx} The council said {s}, officials said.")
            } else {
                s
            }
        })
}

/// One edit of a sentence.
#[derive(Debug, Clone)]
pub enum Edit {
    /// Insert a word at a char position (a fraction of the length).
    Insert(f64, String),
    /// Delete chars in a range (fractions of the length).
    Delete(f64, f64),
    /// Replace the n-th number with another.
    Number(usize, String),
    /// Upper-case everything.
    Upper,
    /// Lower-case everything.
    Lower,
    /// Double the text.
    Repeat,
    /// Remove all sentence punctuation.
    StripPunct,
    /// Cut at a byte offset (a fraction), mending the boundary to a char.
    Truncate(f64),
}

fn edit() -> impl Strategy<Value = Edit> {
    let word = prop_oneof![
        3 => pick(lexicon_words()),
        1 => proptest::sample::select(ABSURD).prop_map(str::to_string),
        1 => proptest::sample::select(vec!["é", "日本", "🎉", "\u{301}", "’", "–", "\n", ".", ",", "-", "'", "  "]).prop_map(str::to_string),
    ];
    prop_oneof![
        4 => (0.0..1.0f64, word).prop_map(|(p, w)| Edit::Insert(p, w)),
        2 => (0.0..1.0f64, 0.0..0.3f64).prop_map(|(a, l)| Edit::Delete(a, l)),
        3 => (0usize..4, proptest::sample::select(ABSURD)).prop_map(|(i, n)| Edit::Number(i, n.to_string())),
        1 => Just(Edit::Upper),
        1 => Just(Edit::Lower),
        1 => Just(Edit::Repeat),
        1 => Just(Edit::StripPunct),
        1 => (0.0..1.0f64).prop_map(Edit::Truncate),
    ]
}

/// Apply edits to a sentence, always at char boundaries.
pub fn apply_edits(s: &str, edits: &[Edit]) -> String {
    let mut s = s.to_string();
    for e in edits {
        let chars: Vec<(usize, char)> = s.char_indices().collect();
        let at = |p: f64| -> usize {
            let k = ((chars.len() as f64) * p) as usize;
            chars.get(k).map(|c| c.0).unwrap_or(s.len())
        };
        match e {
            Edit::Insert(p, w) => {
                let i = at(*p);
                s.insert_str(i, &format!(" {w} "));
            }
            Edit::Delete(a, l) => {
                let (i, j) = (at(*a), at((*a + *l).min(1.0)));
                s.replace_range(i..j.max(i), "");
            }
            Edit::Number(n, w) => {
                let runs: Vec<(usize, usize)> = number_runs(&s);
                if let Some(&(i, j)) = runs.get(n % runs.len().max(1)) {
                    s.replace_range(i..j, w);
                }
            }
            Edit::Upper => s = s.to_uppercase(),
            Edit::Lower => s = s.to_lowercase(),
            Edit::Repeat => s = format!("{s} {s}"),
            Edit::StripPunct => s.retain(|c| !matches!(c, '.' | ',' | ';' | ':' | '!' | '?' | '\n')),
            Edit::Truncate(p) => {
                let i = at(*p);
                s.truncate(i);
            }
        }
    }
    s
}

fn number_runs(s: &str) -> Vec<(usize, usize)> {
    let b = s.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        if b[i].is_ascii_digit() {
            let j = i + b[i..].iter().take_while(|c| c.is_ascii_digit()).count();
            out.push((i, j));
            i = j;
        } else {
            i += 1;
        }
    }
    out
}

/// A real example sentence (or two) with a few edits.
pub fn mutated_sentence() -> impl Strategy<Value = String> {
    (
        proptest::collection::vec(pick(example_sentences()), 1..3),
        proptest::collection::vec(edit(), 0..5),
    )
        .prop_map(|(ss, edits)| apply_edits(&ss.join(" "), &edits))
}

/// Any text for the tagger, from every generator above.
pub fn any_text() -> impl Strategy<Value = String> {
    prop_oneof![
        1 => random_bytes().prop_map(|b| String::from_utf8_lossy(&b).into_owned()),
        2 => random_chars(),
        3 => word_soup(),
        3 => mutated_sentence(),
        3 => absurd_phrase(),
    ]
}

/// A publication day as an input can give one (`YYYY-MM-DD`: years 0 to 9999).
pub fn any_dct() -> impl Strategy<Value = Option<NaiveDate>> {
    prop_oneof![
        1 => Just(None),
        4 => (1900i32..2100, 1u32..=366).prop_map(|(y, d)| NaiveDate::from_yo_opt(y, d)),
        1 => proptest::sample::select(vec![
            NaiveDate::from_ymd_opt(0, 1, 1).unwrap_or_default(),
            NaiveDate::from_ymd_opt(9999, 12, 31).unwrap_or_default(),
            NaiveDate::from_ymd_opt(1, 1, 1).unwrap_or_default(),
            NaiveDate::from_ymd_opt(2024, 2, 29).unwrap_or_default(),
        ]).prop_map(Some),
    ]
}

/// A publication day at the very edges of chrono's calendar (only a library
/// caller can give one): resolving must not panic, whatever it writes.
pub fn edge_dct() -> impl Strategy<Value = Option<NaiveDate>> {
    proptest::sample::select(vec![
        NaiveDate::MIN,
        NaiveDate::MAX,
        NaiveDate::MIN.succ_opt().unwrap_or_default(),
    ])
    .prop_map(Some)
}

// ---- inputs for the readers ------------------------------------------------

fn date_like() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => (1900i32..2100, 1u32..13, 1u32..29).prop_map(|(y, m, d)| format!("{y:04}-{m:02}-{d:02}")),
        1 => (any::<i32>(), 0u32..14, 0u32..33).prop_map(|(y, m, d)| format!("{y}-{m:02}-{d:02}")),
        1 => Just("2025-02-30".to_string()),
        1 => Just("2025-02-10T12:00:00Z".to_string()),
        1 => Just("2025-02-10 08:00".to_string()),
        1 => Just("+262144-01-01".to_string()),
        1 => Just("99999999-01-01".to_string()),
        1 => Just("2025-2-3".to_string()),
        1 => Just("2025-02-10x".to_string()),
        1 => Just("20250210".to_string()),
        1 => Just("".to_string()),
        1 => Just("null".to_string()),
        1 => Just("~".to_string()),
        1 => Just("[2025-02-10]".to_string()),
        1 => Just("{a: 1}".to_string()),
        1 => Just("'2025-02-10'".to_string()),
        1 => Just("\"2025-02-1é\"".to_string()),
        1 => proptest::sample::select(ABSURD).prop_map(str::to_string),
        1 => random_chars().prop_map(|s| s.replace('\n', " ")),
    ]
}

fn yaml_key() -> impl Strategy<Value = String> {
    prop_oneof![
        6 => proptest::sample::select(vec!["published", "retrieved", "title", "timezone", "note"]).prop_map(str::to_string),
        1 => proptest::sample::select(vec!["publshed", "date", "", "-", "? ", "published ", " published", "*a", "&x published", "<<"]).prop_map(str::to_string),
    ]
}

fn yaml_value() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => date_like(),
        1 => proptest::sample::select(vec!["Europe/Kyiv", "UTC", "Mars/Olympus", "", "EST", "Europe/London "]).prop_map(str::to_string),
        1 => pick(example_sentences()).prop_map(|s| s.replace('\n', " ")),
        1 => Just("|\n  block\n  text".to_string()),
        1 => Just("[unclosed".to_string()),
        1 => Just("\"unclosed".to_string()),
        1 => Just("*alias".to_string()),
    ]
}

fn yaml_line() -> impl Strategy<Value = String> {
    prop_oneof![
        8 => (yaml_key(), yaml_value()).prop_map(|(k, v)| format!("{k}: {v}")),
        1 => Just("# a comment".to_string()),
        1 => Just("".to_string()),
        1 => Just("  indented: 1".to_string()),
        1 => Just("\t tab: 2".to_string()),
        1 => Just("---".to_string()),
        1 => Just("...".to_string()),
        1 => random_chars().prop_map(|s| s.replace('\n', " ")),
    ]
}

/// Random line-level damage to a file: CRLF, a BOM, invalid UTF-8, a cut.
#[derive(Debug, Clone)]
pub enum Damage {
    /// Left as made.
    None,
    /// `\r\n` line ends.
    Crlf,
    /// A byte-order mark first.
    Bom,
    /// An invalid byte at a fraction of the length.
    BadByte(f64, u8),
    /// Cut at a fraction of the length (any byte).
    Cut(f64),
    /// A NUL byte in the middle.
    Nul(f64),
}

fn damage() -> impl Strategy<Value = Damage> {
    prop_oneof![
        6 => Just(Damage::None),
        1 => Just(Damage::Crlf),
        1 => Just(Damage::Bom),
        1 => (0.0..1.0f64, 0x80u8..=0xff).prop_map(|(p, b)| Damage::BadByte(p, b)),
        1 => (0.0..1.0f64).prop_map(Damage::Cut),
        1 => (0.0..1.0f64).prop_map(Damage::Nul),
    ]
}

/// Apply damage to a file's bytes.
pub fn apply_damage(s: &str, d: &Damage) -> Vec<u8> {
    let mut b = s.as_bytes().to_vec();
    let at = |p: f64, n: usize| ((n as f64) * p) as usize;
    match d {
        Damage::None => {}
        Damage::Crlf => b = s.replace('\n', "\r\n").into_bytes(),
        Damage::Bom => b.splice(0..0, [0xef, 0xbb, 0xbf]).for_each(drop),
        Damage::BadByte(p, x) => b.insert(at(*p, b.len()), *x),
        Damage::Cut(p) => b.truncate(at(*p, b.len())),
        Damage::Nul(p) => b.insert(at(*p, b.len()), 0),
    }
    b
}

/// A Markdown file with (or almost with) YAML front matter.
pub fn front_matter_file() -> impl Strategy<Value = Vec<u8>> {
    (
        proptest::sample::select(vec![
            "---\n", "---\n", "---\n", "--- \n", "---", "----\n", "\n---\n", "---\r\n",
        ]),
        proptest::collection::vec(yaml_line(), 0..6),
        proptest::sample::select(vec!["---\n", "---\n", "...\n", "---", "", "--\n", "--- \n"]),
        any_text(),
        damage(),
    )
        .prop_map(|(open, lines, close, body, d)| {
            let mut s = String::from(open);
            for l in lines {
                s.push_str(&l);
                s.push('\n');
            }
            s.push_str(close);
            s.push_str(&body);
            apply_damage(&s, &d)
        })
}

fn json_field() -> impl Strategy<Value = (String, serde_json::Value)> {
    let key = proptest::sample::select(vec![
        "doc",
        "id",
        "text",
        "dct",
        "published",
        "retrieved",
        "title",
        "other",
        "doc",
    ]);
    let val = prop_oneof![
        4 => any_text().prop_map(serde_json::Value::String),
        3 => date_like().prop_map(serde_json::Value::String),
        1 => any::<i64>().prop_map(serde_json::Value::from),
        1 => any::<f64>().prop_map(serde_json::Value::from),
        1 => Just(serde_json::Value::Null),
        1 => Just(serde_json::Value::Bool(true)),
        1 => Just(serde_json::json!(["a", 1])),
        1 => Just(serde_json::json!({"nested": {"deeper": [1, 2, {}]}})),
    ];
    (key, val).prop_map(|(k, v)| (k.to_string(), v))
}

fn jsonl_line() -> impl Strategy<Value = String> {
    prop_oneof![
        6 => (proptest::collection::vec(json_field(), 0..6), any_text(), date_like()).prop_map(|(fields, text, dct)| {
            let mut m = serde_json::Map::new();
            m.insert("doc".into(), serde_json::Value::String("d".into()));
            m.insert("text".into(), serde_json::Value::String(text));
            m.insert("dct".into(), serde_json::Value::String(dct));
            for (k, v) in fields {
                m.insert(k, v);
            }
            serde_json::Value::Object(m).to_string()
        }),
        1 => Just(String::new()),
        1 => Just("   ".to_string()),
        1 => Just("{\"doc\": \"a\", \"text\": \"unterminated".to_string()),
        1 => Just("[1, 2, 3]".to_string()),
        1 => Just("{\"doc\": \"a\", \"text\": \"\\ud800 lone surrogate\"}".to_string()),
        1 => Just(format!("{}{}", "[".repeat(200), "]".repeat(200))),
        1 => random_chars().prop_map(|s| s.replace('\n', " ")),
    ]
}

/// A JSON-lines file of document records, some of them broken.
pub fn jsonl_file() -> impl Strategy<Value = Vec<u8>> {
    (proptest::collection::vec(jsonl_line(), 0..6), damage(), any::<bool>()).prop_map(|(lines, d, last_nl)| {
        let mut s = lines.join("\n");
        if last_nl {
            s.push('\n');
        }
        apply_damage(&s, &d)
    })
}

fn timeml_piece() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => any_text().prop_map(|t| t.replace('<', " ")),
        2 => (date_like(), any_text()).prop_map(|(v, t)| format!("<TIMEX3 tid=\"t1\" type=\"DATE\" value=\"{v}\">{}</TIMEX3>", t.replace('<', ""))),
        1 => date_like().prop_map(|v| format!("<DCT><TIMEX3 tid=\"t0\" value=\"{v}\" functionInDocument=\"CREATION_TIME\"/></DCT>")),
        1 => date_like().prop_map(|v| format!("<TIMEX2 VAL='{v}'>x</TIMEX2>")),
        1 => proptest::sample::select(vec![
            "<TEXT>", "</TEXT>", "<TEXT/>", "<text>", "<DCT>", "</DCT>", "<!-- c -->", "<!-- open", "<![CDATA[ 3 days ago ]]>",
            "<![CDATA[ open", "<?xml version=\"1.0\"?>", "<?pi", "<!DOCTYPE TimeML>", "<", "<<", "</", "<a b=\"c>", "<a b='c'",
            "&amp;", "&lt;", "&#65;", "&#x1F600;", "&#xD800;", "&#99999999999;", "&#;", "&#x;", "&", "&nope;", "&#0;",
            "<EVENT eid=\"e1\" class=\"OCCURRENCE\">said</EVENT>", "<TIMEX3 value=>", "<TIMEX3 value=\"\" functionInDocument=\"CREATION_TIME\">",
            "<é>", "<a\u{301}>", "</TEXT >", "< TEXT>",
        ]).prop_map(str::to_string),
    ]
}

/// A TimeML file, usually with a `<TEXT>` element.
pub fn timeml_file() -> impl Strategy<Value = Vec<u8>> {
    (
        proptest::collection::vec(timeml_piece(), 0..4),
        any::<bool>(),
        proptest::collection::vec(timeml_piece(), 0..8),
        proptest::collection::vec(timeml_piece(), 0..3),
        damage(),
    )
        .prop_map(|(head, text, body, tail, d)| {
            let mut s = String::from("<?xml version=\"1.0\" ?>\n<TimeML>\n");
            s.push_str(&head.concat());
            if text {
                s.push_str("<TEXT>");
            }
            s.push_str(&body.concat());
            if text {
                s.push_str("</TEXT>");
            }
            s.push_str(&tail.concat());
            s.push_str("</TimeML>\n");
            apply_damage(&s, &d)
        })
}

fn doc_id() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => (0u32..50).prop_map(|n| format!("{n:03}_doc")),
        1 => proptest::sample::select(vec!["\"quoted id\"", "'single'", "a:b", "é", "日本", "?", "- item", "[a]", "{b}", "&anchor", "*alias", "!!str x", "123", "null", "true", "~", "\"\"", "a#b", "a #b"]).prop_map(str::to_string),
        1 => random_chars().prop_map(|s| s.replace('\n', " ")),
    ]
}

/// An anchors file (`anchors.yaml`): entries, comments and damage.
pub fn anchors_file() -> impl Strategy<Value = String> {
    let entry = (
        doc_id(),
        proptest::collection::vec(
            (
                proptest::sample::select(vec!["  ", "  ", "    ", "\t", " ", ""]),
                yaml_key(),
                yaml_value(),
                proptest::sample::select(vec!["", "", "  # by hand", " #", "#x"]),
            ),
            0..4,
        ),
    )
        .prop_map(|(id, fields)| {
            let mut s = format!("{id}:\n");
            for (ind, k, v, c) in fields {
                s.push_str(&format!("{ind}{k}: {v}{c}\n"));
            }
            s
        });
    let block = prop_oneof![
        8 => entry,
        1 => Just("# pinned by hand\n".to_string()),
        1 => Just("\n".to_string()),
        1 => Just("---\n".to_string()),
        1 => Just("- a list item\n".to_string()),
        1 => yaml_line().prop_map(|l| format!("{l}\n")),
    ];
    (proptest::collection::vec(block, 0..6), damage()).prop_map(|(bs, d)| {
        let s = bs.concat();
        String::from_utf8_lossy(&apply_damage(&s, &d)).into_owned()
    })
}
