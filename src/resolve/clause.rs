//! The words of a clause as `tense_at` reads them: lower-cased on the stack,
//! cut at the sentence's end.

/// An article, a possessive or a demonstrative: what stands before a noun
/// ("the Jan. 14 deadline", "a predicted spring offensive").
pub(super) fn determiner(w: &str) -> bool {
    crate::grammar::lexicons().is_ok_and(|l| l.word_sets.has(crate::grammar::WordSet::Determiner, w))
}

/// The words of a clause, kept on the stack (a clause window holds at most
/// 62 words of 123 bytes; more are dropped from the end, never read past).
pub(super) struct WordList<'a> {
    words: [&'a str; 64],
    n: usize,
}

impl<'a> FromIterator<&'a str> for WordList<'a> {
    fn from_iter<I: IntoIterator<Item = &'a str>>(it: I) -> Self {
        let mut l = WordList { words: [""; 64], n: 0 };
        for w in it.into_iter().take(64) {
            l.words[l.n] = w;
            l.n += 1;
        }
        l
    }
}

impl<'a> std::ops::Deref for WordList<'a> {
    type Target = [&'a str];
    fn deref(&self) -> &[&'a str] {
        &self.words[..self.n]
    }
}

/// Up to 128 bytes of text lower-cased (ASCII), with the byte spans of its
/// words (runs of ASCII letters, digits, `'` and `-`), all on the stack:
/// `tense_at` reads one of these around every year-less date.
pub(super) struct Lowered {
    buf: [u8; 128],
    len: usize,
    spans: [(u8, u8); 64],
    n: usize,
}

impl Lowered {
    /// `s` lower-cased; a longer `s` is cut to its first 128 bytes (at a char boundary).
    pub(super) fn new(s: &str) -> Lowered {
        let len = crate::text::floor_boundary(s, 128);
        let mut l = Lowered {
            buf: [0; 128],
            len,
            spans: [(0, 0); 64],
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

/// Titles and company suffixes written with a full stop that ends no sentence.
pub(super) const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "st", "jr", "sr", "gen", "sen", "rep", "gov", "lt", "col", "capt", "sgt", "prof", "rev",
    "inc", "corp", "co", "ltd", "bros", "no", "vs", "jan", "feb", "aug", "sept", "sep", "oct", "nov", "dec",
];

/// Does the byte at `k` of `s` end a sentence? A full stop does not inside a
/// number ("$1.5 million"), after an initial ("Daniel P. Davison", "U.S.") or
/// after a title or an abbreviation ("Mr. Schwarz", "Corp.", "Feb. 1").
pub(super) fn sentence_end(s: &str, k: usize) -> bool {
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
            !(w.len() <= 4
                && w.starts_with(|c: char| c.is_ascii_uppercase())
                && ABBREVIATIONS.iter().any(|a| a.eq_ignore_ascii_case(w)))
        }
        _ => false,
    }
}
