//! Text utilities shared by the stages that read sentences (anchor, order),
//! the one fixed hash they both key things by, and what a stage needs of the
//! spans of an earlier stage's results ([`Spanned`]).

use std::ops::Range;

/// The largest char boundary of `s` at or below `at`: where to cut a window
/// that must end by `at`.
pub fn floor_boundary(s: &str, at: usize) -> usize {
    let mut k = at.min(s.len());
    while !s.is_char_boundary(k) {
        k -= 1;
    }
    k
}

/// The smallest char boundary of `s` at or above `at`: where to start a
/// window that must start from `at`.
pub fn ceil_boundary(s: &str, at: usize) -> usize {
    let mut k = at.min(s.len());
    while !s.is_char_boundary(k) {
        k += 1;
    }
    k
}

/// Something that covers a byte range of a text: what a stage needs of an
/// earlier stage's results to line them up with its own.
pub trait Spanned {
    /// The byte range it covers.
    fn span(&self) -> Range<usize>;
}

/// FNV-1a, 64 bits: fixed across runs and platforms (unlike std's
/// `RandomState`), so ids and word keys built with it never change.
#[derive(Debug, Clone, Copy)]
pub struct Fnv1a(u64);

impl Default for Fnv1a {
    fn default() -> Fnv1a {
        Fnv1a::new()
    }
}

impl Fnv1a {
    /// The offset basis: the hash of nothing.
    pub const fn new() -> Fnv1a {
        Fnv1a(0xcbf2_9ce4_8422_2325)
    }

    /// Mix in one unit (a byte, or a whole character as its code point).
    pub fn push(&mut self, unit: u64) {
        self.0 ^= unit;
        self.0 = self.0.wrapping_mul(0x0000_0100_0000_01b3);
    }

    /// The hash so far.
    pub fn finish(self) -> u64 {
        self.0
    }
}

/// The sentence around a byte range: split at `. ! ?` followed by white
/// space and at line breaks; a full stop after a one-letter or capitalised
/// abbreviation of up to three letters ("U.S.", "Feb.") does not end it.
pub fn sentence(text: &str, r: Range<usize>) -> Range<usize> {
    let b = text.as_bytes();
    let ends_here = |i: usize| -> bool {
        // b[i] is . ! or ?, and the next byte is white space or the end.
        if !b.get(i + 1).is_none_or(|x| x.is_ascii_whitespace()) {
            return false;
        }
        if b[i] != b'.' {
            return true;
        }
        let mut k = i;
        while k > 0 && b[k - 1].is_ascii_alphabetic() {
            k -= 1;
        }
        let word = &b[k..i];
        let abbreviation = (word.len() == 1)
            || (word.len() <= 3
                && word.first().is_some_and(|c| c.is_ascii_uppercase())
                && word.len() > 1
                && b.get(i + 2).is_some_and(|c| c.is_ascii_digit()));
        !abbreviation
    };
    let mut s = r.start.min(b.len());
    while s > 0 {
        let c = b[s - 1];
        if c == b'\n' || ((c == b'.' || c == b'!' || c == b'?') && ends_here(s - 1)) {
            break;
        }
        s -= 1;
    }
    let mut e = r.end.min(b.len());
    while e < b.len() {
        let c = b[e];
        if c == b'\n' {
            break;
        }
        e += 1;
        if (c == b'.' || c == b'!' || c == b'?') && ends_here(e - 1) {
            break;
        }
    }
    while s > 0 && !text.is_char_boundary(s) {
        s -= 1;
    }
    while e < text.len() && !text.is_char_boundary(e) {
        e += 1;
    }
    s..e
}
