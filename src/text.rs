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

/// Does the `. ! ?` at `i` end a sentence? The next byte is white space or
/// the end, and a full stop does not follow a one-letter or capitalised
/// abbreviation of up to three letters ("U.S.", "Feb.").
fn ends_here(b: &[u8], i: usize) -> bool {
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
}

/// Is byte `i` where a sentence stops: a line break, or a `. ! ?` that ends
/// one ([`ends_here`])?
fn stop_at(b: &[u8], i: usize) -> bool {
    let c = b[i];
    c == b'\n' || ((c == b'.' || c == b'!' || c == b'?') && ends_here(b, i))
}

/// Widen a byte range to char boundaries of `text`.
fn on_boundaries(text: &str, mut s: usize, mut e: usize) -> Range<usize> {
    while s > 0 && !text.is_char_boundary(s) {
        s -= 1;
    }
    while e < text.len() && !text.is_char_boundary(e) {
        e += 1;
    }
    s..e
}

/// The sentence around a byte range: split at `. ! ?` followed by white
/// space and at line breaks; a full stop after a one-letter or capitalised
/// abbreviation of up to three letters ("U.S.", "Feb.") does not end it.
pub fn sentence(text: &str, r: Range<usize>) -> Range<usize> {
    let b = text.as_bytes();
    let mut s = r.start.min(b.len());
    while s > 0 {
        if stop_at(b, s - 1) {
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
        if stop_at(b, e - 1) {
            break;
        }
    }
    on_boundaries(text, s, e)
}

/// Every sentence stop of a text, found once, so that [`Sentences::at`]
/// answers [`sentence`] in logarithmic time: a text without sentence
/// punctuation is one long sentence, and scanning it once a mention made
/// reading it quadratic.
#[derive(Debug, Clone)]
pub struct Sentences<'a> {
    text: &'a str,
    /// Byte positions where a sentence stops ([`stop_at`]), ascending.
    stops: Vec<usize>,
}

impl<'a> Sentences<'a> {
    /// Find the stops of `text`.
    pub fn new(text: &'a str) -> Sentences<'a> {
        let b = text.as_bytes();
        // The candidate bytes are rare: found by SIMD search, not byte by byte
        // (each stage that reads sentences indexes every document once).
        let mut stops: Vec<usize> = Vec::with_capacity(b.len() / 64);
        let mut lines = memchr::memchr_iter(b'\n', b).peekable();
        for i in memchr::memchr3_iter(b'.', b'!', b'?', b).filter(|&i| ends_here(b, i)) {
            while let Some(n) = lines.next_if(|&n| n < i) {
                stops.push(n);
            }
            stops.push(i);
        }
        stops.extend(lines);
        Sentences { text, stops }
    }

    /// The same as [`sentence`]`(text, r)`.
    pub fn at(&self, r: Range<usize>) -> Range<usize> {
        let b = self.text.as_bytes();
        let len = b.len();
        // The start: just after the last stop before it.
        let from = r.start.min(len);
        let below = self.stops.partition_point(|&p| p < from);
        let s = below.checked_sub(1).map_or(0, |k| self.stops[k] + 1);
        // The end: the first stop at or after it; a line break stays out.
        let to = r.end.min(len);
        let above = self.stops.partition_point(|&p| p < to);
        let e = self
            .stops
            .get(above)
            .map_or(len, |&p| if b[p] == b'\n' { p } else { p + 1 });
        on_boundaries(self.text, s, e)
    }
}

/// The key of a word: FNV-1a over its lower-cased characters, so words are
/// counted and compared by key with no string built per word. An ASCII word
/// takes a fast path with the same key (an ASCII letter lower-cases to one
/// ASCII letter, without the Unicode case tables).
pub fn word_key(w: &str) -> u64 {
    let mut h = Fnv1a::new();
    if w.is_ascii() {
        for b in w.bytes() {
            h.push(u64::from(b.to_ascii_lowercase()));
        }
    } else {
        for c in w.chars().flat_map(char::to_lowercase) {
            h.push(u64::from(c));
        }
    }
    h.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stops_found_by_search_are_the_stops_byte_by_byte() {
        let texts = [
            "A. B! C? D.\nE.\n\n.F U.S. Feb. 4 . ! ?\n",
            "\n\n...!!!???\n. x",
            "é. ü!\nMr. X met on 5 p.m. the U.S. team.",
            "no stop at all",
            "",
        ];
        for text in texts {
            let b = text.as_bytes();
            let naive: Vec<usize> = (0..b.len())
                .filter(|&i| matches!(b[i], b'\n' | b'.' | b'!' | b'?') && stop_at(b, i))
                .collect();
            assert_eq!(Sentences::new(text).stops, naive, "{text:?}");
        }
    }

    #[test]
    fn sentences_found_once_answer_as_sentence_does() {
        let texts = [
            "He left the U.S. on Feb. 4 for talks. Next one!\nA line\n\nwhy? Mr. X met A. Smith at 5 p.m. on Jan. 3, 2024... Done.Über café’s — no stop here",
            "Talks were held on Oct. 5, 2016 in Geneva. A vote is due! Is it? Yes.\nNew line here",
            "No end at all, on March 3 and on March 4 and J. Smith said so",
            "é. ü! Mr. X met on 5 p.m. the U.S. team.  Then\n\nmore. x.",
            "",
            ".",
            "Ends with a period.",
        ];
        for text in texts {
            let index = Sentences::new(text);
            let bounds: Vec<usize> = (0..=text.len()).filter(|&i| text.is_char_boundary(i)).collect();
            for (k, &s) in bounds.iter().enumerate() {
                for &e in &bounds[k..] {
                    assert_eq!(index.at(s..e), sentence(text, s..e), "{text:?} {s}..{e}");
                }
            }
        }
    }
}
