//! The words of a clause as `tense_at` reads them: lower-cased on the stack,
//! cut at the sentence's end.

use crate::grammar::{WordSet, WordSets};

/// At most this many words of a clause are kept (a clause window of 123
/// bytes holds at most 62).
const MAX_WORDS: usize = 64;

/// A few items of a clause (its words, or the word sets of its words), kept
/// on the stack; more than [`MAX_WORDS`] are dropped from the end, never read past.
pub(super) struct Small<T> {
    items: [T; MAX_WORDS],
    n: usize,
}

/// The words of a clause.
pub(super) type WordList<'a> = Small<&'a str>;

impl<T: Copy + Default> FromIterator<T> for Small<T> {
    fn from_iter<I: IntoIterator<Item = T>>(it: I) -> Self {
        let mut l = Small {
            items: [T::default(); MAX_WORDS],
            n: 0,
        };
        for w in it.into_iter().take(MAX_WORDS) {
            l.items[l.n] = w;
            l.n += 1;
        }
        l
    }
}

impl<T> std::ops::Deref for Small<T> {
    type Target = [T];
    fn deref(&self) -> &[T] {
        &self.items[..self.n]
    }
}

/// How many bytes of text a [`Lowered`] holds: the clause window before a
/// date (`tense::CLAUSE_BYTES`, 120, plus up to 3 to reach a char boundary)
/// whole; offsets fit a `u8`.
const LOWERED_BYTES: usize = 128;

/// Up to 128 bytes of text lower-cased (ASCII), with the byte spans of its
/// words (runs of ASCII letters, digits, `'` and `-`), all on the stack:
/// `tense_at` reads one of these around every year-less date.
pub(super) struct Lowered {
    buf: [u8; LOWERED_BYTES],
    len: usize,
    spans: [(u8, u8); MAX_WORDS],
    n: usize,
}

impl Lowered {
    /// `s` lower-cased; a longer `s` is cut to its first 128 bytes (at a char boundary).
    pub(super) fn new(s: &str) -> Lowered {
        let len = crate::text::floor_boundary(s, LOWERED_BYTES);
        let mut l = Lowered {
            buf: [0; LOWERED_BYTES],
            len,
            spans: [(0, 0); MAX_WORDS],
            n: 0,
        };
        for (d, c) in l.buf.iter_mut().zip(s.as_bytes()[..len].iter()) {
            *d = c.to_ascii_lowercase();
        }
        let mut st = None;
        for k in 0..=len {
            let w = k < len && {
                let c = l.buf[k];
                c.is_ascii_alphanumeric() || c == b'\'' || c == b'-'
            };
            match (w, st) {
                (true, None) => st = Some(k),
                (false, Some(a)) => {
                    if l.n < l.spans.len() {
                        l.spans[l.n] = (a as u8, k as u8);
                        l.n += 1;
                    }
                    st = None;
                }
                _ => {}
            }
        }
        l
    }

    /// The lower-cased text (ASCII lower-casing keeps UTF-8 valid).
    pub(super) fn text(&self) -> &str {
        std::str::from_utf8(&self.buf[..self.len]).unwrap_or("")
    }

    /// The words' byte spans, in order.
    pub(super) fn spans(&self) -> impl Iterator<Item = (usize, usize)> + '_ {
        self.spans[..self.n]
            .iter()
            .map(|&(a, b)| (usize::from(a), usize::from(b)))
    }
}

/// Does the byte at `k` of `s` end a sentence? A full stop does not inside a
/// number ("$1.5 million"), after an initial ("Daniel P. Davison", "U.S.") or
/// after a title or an abbreviation ("Mr. Schwarz", "Corp.", "Feb. 1").
pub(super) fn sentence_end(s: &str, k: usize) -> bool {
    sentence_end_in(crate::grammar::lexicons().ok().map(|l| &l.word_sets), s, k)
}

/// [`sentence_end`] with the abbreviations of `ws` (none without a grammar).
pub(super) fn sentence_end_in(ws: Option<&WordSets>, s: &str, k: usize) -> bool {
    let b = s.as_bytes();
    match b[k] {
        b';' | b'\n' | b'?' | b'!' => true,
        b'.' => {
            if b.get(k + 1).is_some_and(u8::is_ascii_digit) {
                return false;
            }
            let w = s[..k].rsplit(|c: char| !c.is_ascii_alphabetic()).next().unwrap_or("");
            if w.len() == 1 && w.bytes().all(|c| c.is_ascii_uppercase()) {
                return false;
            }
            !(w.starts_with(|c: char| c.is_ascii_uppercase())
                && ws.is_some_and(|ws| ws.starts(WordSet::Abbreviation, w)))
        }
        _ => false,
    }
}
