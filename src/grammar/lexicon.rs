//! Word lists loaded from `grammar/*.txt`: parsed once, looked up longest first.
//!
//! Every file starts with `#` comment lines (one of them a `FORMAT:` line) and
//! then holds one `surface | value` entry a line. The files are embedded with
//! `include_str!`, so the binary needs no data directory at run time.

use std::sync::OnceLock;

use thiserror::Error;

/// A grammar file that cannot be loaded: the file, the line, what is wrong.
/// The one error type of every word list under `grammar/`, whichever stage
/// reads it.
#[derive(Debug, Clone, Error, PartialEq, Eq)]
#[error("{file}{}: {what}", line.map(|n| format!(":{n}")).unwrap_or_default())]
pub struct LexiconError {
    /// The file, as named by its reader (`months.txt`, `grammar/furniture.txt`).
    pub file: String,
    /// The 1-based line; `None` when the file as a whole is wrong (no `FORMAT:` line).
    pub line: Option<usize>,
    /// What is wrong.
    pub what: String,
}

impl LexiconError {
    /// An error at a line of a file.
    pub fn at(file: &str, line: usize, what: impl Into<String>) -> LexiconError {
        LexiconError {
            file: file.to_string(),
            line: Some(line),
            what: what.into(),
        }
    }

    /// An error of a whole file.
    pub fn in_file(file: &str, what: impl Into<String>) -> LexiconError {
        LexiconError {
            file: file.to_string(),
            line: None,
            what: what.into(),
        }
    }

    /// No `FORMAT:` line in the comment header.
    pub fn no_format(file: &str) -> LexiconError {
        LexiconError::in_file(file, "the comment header has no FORMAT: line")
    }
}

/// One word list: surfaces (lower case) with their values, grouped by first
/// byte and sorted longest first so a lookup returns the longest match.
#[derive(Debug, Clone)]
pub struct Lexicon<T> {
    /// Entries keyed by their first word (packed, see `key`), sorted by key;
    /// within a key, longest surface first.
    by_word: Vec<(u128, Vec<(String, T)>)>,
    /// Entries that do not start with a letter or digit ("'ll"), longest first.
    other: Vec<(String, T)>,
    surfaces: Vec<String>,
    /// Which lower-case first bytes any entry starts with: most lookups fail on it.
    first: [bool; 256],
    /// Which first two bytes of a first word the entries of `by_word` have, as
    /// bits over [`pair_bit`]: most of the other lookups fail on it.
    pairs: [u64; 64],
    /// An open-addressing index over `by_word` by key (see [`slot_of`]): each
    /// slot holds 1 + the position in `by_word`, 0 when empty.
    slots: Vec<u32>,
}

/// The first slot of a key in a table of `mask + 1` slots (a power of two).
fn slot_of(k: u128, mask: usize) -> usize {
    let x = (k as u64) ^ ((k >> 64) as u64).rotate_left(29);
    (x.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 40) as usize & mask
}

/// The bit of a first word's first two bytes (lower case; a word of one byte
/// has 0 for its second). Two pairs may share a bit: the filter only says no.
fn pair_bit(w: &[u8]) -> usize {
    let lower = |c: u8| usize::from((c | 0x20) & 63);
    let b0 = w.first().map_or(0, |&c| lower(c));
    let b1 = w.get(1).filter(|&&c| is_word_byte(c)).map_or(0, |&c| lower(c));
    b0 << 6 | b1
}

/// The first word of `s` (its leading run of ASCII letters and digits), lower-cased
/// and packed into an integer; `None` when empty or longer than 16 bytes.
/// The tagger's trigger tables use the same keys.
pub(crate) fn key(s: &[u8]) -> Option<u128> {
    let mut n = 0;
    while n < s.len() && n < 17 && is_word_byte(s[n]) {
        n += 1;
    }
    if n == 0 || n > 16 {
        return None;
    }
    // the first n bytes big-endian in the low n bytes (one 16-byte load when
    // the text has them); a word byte (ASCII letter or digit) is lower-cased by
    // setting 0x20 (digits have it already)
    let v = match s.get(..16).and_then(|x| <[u8; 16]>::try_from(x).ok()) {
        Some(w) => u128::from_be_bytes(w) >> (8 * (16 - n)),
        None => {
            let mut v = 0u128;
            for &c in &s[..n] {
                v = (v << 8) | u128::from(c);
            }
            v
        }
    };
    let lower = u128::from_be_bytes([0x20; 16]) >> (8 * (16 - n));
    Some(v | lower | ((n as u128) << 124))
}

use super::is_word_byte;

/// Match `pat` (lower case, single spaces) at the start of `input`, case-insensitively;
/// a space in `pat` matches any run of whitespace. Returns the bytes of `input` consumed.
pub fn match_phrase(input: &str, pat: &str) -> Option<usize> {
    let ib = input.as_bytes();
    let pb = pat.as_bytes();
    let (mut i, mut p) = (0, 0);
    while p < pb.len() {
        if pb[p] == b' ' {
            let s = i;
            while i < ib.len() && (ib[i] == b' ' || ib[i] == b'\n' || ib[i] == b'\t' || ib[i] == b'\r') {
                i += 1;
            }
            if i == s {
                return None;
            }
        } else {
            if i >= ib.len() || ib[i].to_ascii_lowercase() != pb[p] {
                return None;
            }
            i += 1;
        }
        p += 1;
    }
    // A word must end at a word boundary ("may" is not the start of "mayor").
    if pb.last().is_some_and(|&b| is_word_byte(b)) && ib.get(i).is_some_and(|&b| is_word_byte(b)) {
        return None;
    }
    Some(i)
}

impl<T: Clone> Lexicon<T> {
    /// Build from (surface, value) pairs.
    pub fn new(entries: Vec<(String, T)>) -> Lexicon<T> {
        let mut by_word: Vec<(u128, Vec<(String, T)>)> = Vec::new();
        let mut other = Vec::new();
        let mut surfaces = Vec::new();
        let mut first = [false; 256];
        let mut pairs = [0u64; 64];
        for (s, v) in entries {
            let s = s.to_ascii_lowercase();
            let Some(&b0) = s.as_bytes().first() else { continue };
            first[b0 as usize] = true;
            surfaces.push(s.clone());
            let Some(k) = key(s.as_bytes()) else {
                other.push((s, v));
                continue;
            };
            let bit = pair_bit(s.as_bytes());
            pairs[bit >> 6] |= 1 << (bit & 63);
            match by_word.iter_mut().find(|(x, _)| *x == k) {
                Some((_, list)) => list.push((s, v)),
                None => by_word.push((k, vec![(s, v)])),
            }
        }
        by_word.sort_by_key(|(k, _)| *k);
        for (_, list) in &mut by_word {
            list.sort_by(|a, c| c.0.len().cmp(&a.0.len()).then(a.0.cmp(&c.0)));
        }
        other.sort_by(|a, c| c.0.len().cmp(&a.0.len()).then(a.0.cmp(&c.0)));
        let mut slots = vec![0u32; (2 * by_word.len()).next_power_of_two().max(2)];
        let mask = slots.len() - 1;
        for (n, (k, _)) in by_word.iter().enumerate() {
            let mut i = slot_of(*k, mask);
            while slots[i] != 0 {
                i = (i + 1) & mask;
            }
            slots[i] = n as u32 + 1;
        }
        Lexicon {
            by_word,
            other,
            surfaces,
            first,
            pairs,
            slots,
        }
    }

    /// The longest entry at the start of `input`: (bytes consumed, value).
    pub fn longest(&self, input: &str) -> Option<(usize, &T)> {
        let b = input.as_bytes();
        let first = b.first()?;
        if !self.first[first.to_ascii_lowercase() as usize] {
            return None;
        }
        if !is_word_byte(*first) {
            return self
                .other
                .iter()
                .find_map(|(s, v)| match_phrase(input, s).map(|n| (n, v)));
        }
        let bit = pair_bit(b);
        if self.pairs[bit >> 6] & (1 << (bit & 63)) == 0 {
            return None;
        }
        let k = key(b)?;
        let mask = self.slots.len() - 1;
        let mut s = slot_of(k, mask);
        let i = loop {
            let n = *self.slots.get(s)? as usize;
            let (x, _) = self.by_word.get(n.checked_sub(1)?)?;
            if *x == k {
                break n - 1;
            }
            s = (s + 1) & mask;
        };
        self.by_word[i]
            .1
            .iter()
            .find_map(|(s, v)| match_phrase(input, s).map(|n| (n, v)))
    }

    /// Every surface form (lower case).
    pub fn surfaces(&self) -> &[String] {
        &self.surfaces
    }
}

/// Parse one grammar file into (surface, raw value, line) triples.
pub fn parse_file(file: &str, text: &str) -> Result<Vec<(String, String, usize)>, LexiconError> {
    let mut out = Vec::new();
    let mut has_format = false;
    for (n, line) in text.lines().enumerate() {
        let t = line.trim();
        if t.starts_with('#') {
            has_format |= t.contains("FORMAT:");
            continue;
        }
        if t.is_empty() {
            continue;
        }
        let Some((s, v)) = t.rsplit_once(" | ") else {
            return Err(LexiconError::at(
                file,
                n + 1,
                format!("expected `surface | value`, found {line:?}"),
            ));
        };
        let (s, v) = (s.trim(), v.trim());
        if s.is_empty() || v.is_empty() {
            return Err(LexiconError::at(
                file,
                n + 1,
                format!("expected `surface | value`, found {line:?}"),
            ));
        }
        out.push((s.split_whitespace().collect::<Vec<_>>().join(" "), v.to_string(), n + 1));
    }
    if !has_format {
        return Err(LexiconError::no_format(file));
    }
    Ok(out)
}

/// Parse a file whose values all go through `f`; a `None` from `f` is a load error.
pub fn load<T: Clone>(
    file: &str,
    text: &str,
    expected: &'static str,
    f: impl Fn(&str) -> Option<T>,
) -> Result<Lexicon<T>, LexiconError> {
    let mut entries = Vec::new();
    for (s, v, line) in parse_file(file, text)? {
        let Some(x) = f(&v) else {
            return Err(LexiconError::at(file, line, format!("bad value {v:?}: {expected}")));
        };
        entries.push((s, x));
    }
    Ok(Lexicon::new(entries))
}

/// A value computed once, for the `OnceLock` statics of the grammar.
pub type Once<T> = OnceLock<Result<T, LexiconError>>;

#[cfg(test)]
mod tests {
    use super::*;

    fn tiny() -> Lexicon<u32> {
        Lexicon::new(vec![("sep".into(), 9), ("sept.".into(), 9), ("a couple of".into(), 2)])
    }

    #[test]
    fn longest_first_and_boundaries() {
        let l = tiny();
        assert_eq!(l.longest("Sept. 4"), Some((5, &9)));
        assert_eq!(l.longest("Sep 4"), Some((3, &9)));
        assert_eq!(l.longest("Sepal"), None);
        assert_eq!(l.longest("a  couple\nof days"), Some((12, &2)));
        assert_eq!(l.longest("a couple"), None);
    }

    #[test]
    fn key_packs_as_bytes_in_order() {
        // the plain definition: lower-cased bytes shifted in one by one, the length on top
        let slow = |s: &[u8]| {
            let n = s.iter().take_while(|&&b| is_word_byte(b)).count();
            (n > 0 && n <= 16).then(|| {
                s[..n]
                    .iter()
                    .fold(0u128, |v, &c| (v << 8) | u128::from(c.to_ascii_lowercase()))
                    | ((n as u128) << 124)
            })
        };
        for w in [
            "",
            "a",
            "A",
            "Sept.",
            "q1",
            "2025",
            "MiXeD99 x",
            "abcdefghijklmnop",
            "abcdefghijklmnopq",
            "-x",
            "zZ9",
        ] {
            assert_eq!(key(w.as_bytes()), slow(w.as_bytes()), "{w:?}");
        }
    }

    #[test]
    fn load_errors_name_file_and_line() {
        let e = parse_file("x.txt", "# FORMAT: a | b\nfoo\n").unwrap_err();
        assert_eq!(e.to_string(), "x.txt:2: expected `surface | value`, found \"foo\"");
        let e = parse_file("x.txt", "# no header\nfoo | 1\n").unwrap_err();
        assert_eq!(e.to_string(), "x.txt: the comment header has no FORMAT: line");
        let e = load("y.txt", "# FORMAT: s | n\nfoo | x\n", "a number", |v| {
            v.parse::<u32>().ok()
        })
        .unwrap_err();
        assert_eq!(e.to_string(), "y.txt:2: bad value \"x\": a number");
        assert_eq!(e.line, Some(2));
        assert_eq!(LexiconError::at("z.txt", 3, "what").to_string(), "z.txt:3: what");
    }
}
