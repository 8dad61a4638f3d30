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

/// The entries of a lexicon that share a first word: (surface, value, the
/// surface is that one word alone).
type Entries<T> = Vec<(String, T, bool)>;

/// One word list: surfaces (lower case) with their values, grouped by first
/// byte and sorted longest first so a lookup returns the longest match.
#[derive(Debug, Clone)]
pub struct Lexicon<T> {
    /// Entries keyed by their first word (packed, see `key`), sorted by key;
    /// within a key, longest surface first, each with whether it is that one
    /// word alone (then a key that matches is the match: no phrase to compare).
    by_word: Vec<(u128, Entries<T>)>,
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
pub(crate) fn slot_of(k: u128, mask: usize) -> usize {
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
///
/// The word's bytes sit in the low bytes (little-endian), the rest are zero:
/// no word byte is zero, so two words have the same key only when they are
/// the same word. One 16-byte load, the word's length from a mask of its
/// word bytes, no loop.
pub(crate) fn key(s: &[u8]) -> Option<u128> {
    let w: [u8; 16] = match s.first_chunk::<16>() {
        Some(w) => *w,
        None => {
            // zeros after the text: no word bytes
            let mut b = [0u8; 16];
            b[..s.len()].copy_from_slice(s);
            b
        }
    };
    let x = u128::from_le_bytes(w);
    let n = word_len16(x);
    if n == 0 || (n == 16 && s.get(16).is_some_and(|&b| is_word_byte(b))) {
        return None;
    }
    // a word byte (ASCII letter or digit) is lower-cased by setting 0x20 (digits have it already)
    Some((x | u128::from_ne_bytes([0x20; 16])) & LOW_BYTES[n])
}

/// `LOW_BYTES[n]`: the low n bytes set.
const LOW_BYTES: [u128; 17] = {
    let mut t = [0u128; 17];
    let mut n = 1;
    while n <= 16 {
        t[n] = u128::MAX >> (8 * (16 - n));
        n += 1;
    }
    t
};

/// Eight bytes, each repeated.
const fn lanes(b: u8) -> u64 {
    u64::from_ne_bytes([b; 8])
}

/// The high bit of each byte of `x` (eight bytes) that is an ASCII letter or
/// digit ([`is_word_byte`]), computed on all eight at once: each byte's low
/// seven bits are compared with the ranges by adding an offset that carries
/// into the high bit (no lane overflows into the next), and bytes of 0x80 and
/// above are none.
fn word_bits(x: u64) -> u64 {
    let high = lanes(0x80);
    let t = x & lanes(0x7f);
    let within = |t: u64, lo: u8, hi: u8| (t + lanes(0x80 - lo)) & !(t + lanes(0x7f - hi)) & high;
    let digit = within(t, b'0', b'9');
    let letter = within(t | lanes(0x20), b'a', b'z');
    (digit | letter) & !x & high
}

/// How many of the 16 bytes of `x` (little-endian) are word bytes before the
/// first that is not (16 when all are).
fn word_len16(x: u128) -> usize {
    // the first byte whose high bit is clear in the mask ends the word
    let stop = |h: u64| (!word_bits(h) & lanes(0x80)).trailing_zeros() as usize / 8;
    match stop(x as u64) {
        8 => 8 + stop((x >> 64) as u64),
        n => n,
    }
}

/// Packed words (see [`key`]) with a value each, in an open-addressing table
/// twice their number in size: one hash and a probe or two a lookup.
#[derive(Debug, Clone)]
pub(crate) struct KeyTable<V> {
    /// (key, value), key 0 when the slot is empty (no key is 0: a word's bytes are not).
    slots: Vec<(u128, V)>,
}

impl<V: Copy + Default> KeyTable<V> {
    /// The table of these entries (of a key given twice, the first value).
    pub(crate) fn new(entries: impl IntoIterator<Item = (u128, V)>) -> KeyTable<V> {
        let entries: Vec<(u128, V)> = entries.into_iter().collect();
        let mut slots = vec![(0u128, V::default()); (2 * entries.len()).next_power_of_two().max(2)];
        let mask = slots.len() - 1;
        for (k, v) in entries {
            let mut i = slot_of(k, mask);
            while slots[i].0 != 0 && slots[i].0 != k {
                i = (i + 1) & mask;
            }
            if slots[i].0 == 0 {
                slots[i] = (k, v);
            }
        }
        KeyTable { slots }
    }

    /// The value of key `k`.
    pub(crate) fn get(&self, k: u128) -> Option<V> {
        let mask = self.slots.len() - 1;
        let mut i = slot_of(k, mask);
        loop {
            let (x, v) = self.slots[i];
            if x == k {
                return Some(v);
            }
            if x == 0 {
                return None;
            }
            i = (i + 1) & mask;
        }
    }

    /// How many keys the table holds.
    #[cfg(test)]
    pub(crate) fn len(&self) -> usize {
        self.slots.iter().filter(|s| s.0 != 0).count()
    }
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
        let mut by_word: Vec<(u128, Entries<T>)> = Vec::new();
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
            let alone = s.bytes().all(is_word_byte);
            match by_word.iter_mut().find(|(x, _)| *x == k) {
                Some((_, list)) => list.push((s, v, alone)),
                None => by_word.push((k, vec![(s, v, alone)])),
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
        self.by_word[i].1.iter().find_map(|(s, v, alone)| {
            if *alone {
                // the key is the whole word of the input: it ends where the entry does
                Some((s.len(), v))
            } else {
                match_phrase(input, s).map(|n| (n, v))
            }
        })
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
        // the plain definition: the lower-cased bytes little-endian, zeros after them
        let slow = |s: &[u8]| {
            let n = s.iter().take_while(|&&b| is_word_byte(b)).count();
            (n > 0 && n <= 16).then(|| {
                s[..n]
                    .iter()
                    .rev()
                    .fold(0u128, |v, &c| (v << 8) | u128::from(c.to_ascii_lowercase()))
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
        // the 16-byte load: every byte value at every place of a long text
        for at in 0..18 {
            for b in 0..=255u8 {
                let mut t = b"abcdefghijklmnopqrstuvwxyz".to_vec();
                t[at] = b;
                assert_eq!(key(&t), slow(&t), "{b:#x} at {at}");
                assert_eq!(key(&t[at..]), slow(&t[at..]), "{b:#x} first");
            }
        }
    }

    #[test]
    fn key_table_finds_what_it_holds() {
        let words = ["in", "on", "at", "the", "february", "2025", "x"];
        let t = KeyTable::new(
            words
                .iter()
                .enumerate()
                .filter_map(|(n, w)| key(w.as_bytes()).map(|k| (k, n))),
        );
        assert_eq!(t.len(), words.len());
        for (n, w) in words.iter().enumerate() {
            assert_eq!(t.get(key(w.to_uppercase().as_bytes()).expect("packs")), Some(n));
        }
        assert_eq!(t.get(key(b"inn").expect("packs")), None);
        assert_eq!(KeyTable::<u8>::new([]).get(key(b"in").expect("packs")), None);
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
