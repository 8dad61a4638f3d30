//! Words of report sentences: content words and names as small integer ids
//! of one vocabulary, their rarity in the collection (IDF), and the
//! sentence cleaning that makes a report readable (datelines, bylines and
//! bracket tokens out).

use std::collections::HashMap;
use std::ops::Range;

use super::lexicon::Lexicon;

/// A vocabulary: word → id, built in the order words are first seen.
#[derive(Debug, Default)]
pub struct Vocab {
    ids: HashMap<String, u32>,
    words: Vec<String>,
}

impl Vocab {
    /// The id of a word, adding it if new.
    pub fn id(&mut self, w: &str) -> u32 {
        if let Some(&i) = self.ids.get(w) {
            return i;
        }
        let i = self.words.len() as u32;
        self.ids.insert(w.to_string(), i);
        self.words.push(w.to_string());
        i
    }

    /// The word of an id.
    pub fn word(&self, i: u32) -> &str {
        self.words.get(i as usize).map_or("", String::as_str)
    }

    /// How many words it holds.
    pub fn len(&self) -> usize {
        self.words.len()
    }

    /// Whether it holds none.
    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }
}

/// The terms of a sentence outside one span, in text order: each content
/// word, lowercase, and whether it is written as a name there. A content
/// word is of three characters or more (or a number), not a stop word; a
/// name is a content word written with a capital, not the sentence's first
/// word. Pure, so the sentences of a corpus are read in parallel and
/// [`intern`]ed in order.
pub fn sentence_terms(text: &str, sentence: Range<usize>, skip: Range<usize>, lex: &Lexicon) -> Vec<(String, bool)> {
    let mut out = Vec::new();
    let Some(s) = text.get(sentence.clone()) else {
        return out;
    };
    let mut first = true;
    for (at, w) in tokens(s) {
        let abs = sentence.start + at;
        let opener = first;
        first = false;
        if abs < skip.end && abs + w.len() > skip.start {
            continue;
        }
        let lower: String = w.chars().flat_map(char::to_lowercase).collect();
        let numeric = lower.chars().all(|c| c.is_ascii_digit());
        if (lower.chars().count() < 3 && !numeric) || lex.stop.contains(lower.as_str()) {
            continue;
        }
        let name = !opener && w.chars().next().is_some_and(char::is_uppercase);
        out.push((lower, name));
    }
    out
}

/// The ids of a sentence's terms ([`sentence_terms`]): (content words,
/// names), each sorted and without repeats; new words get ids in text order.
pub fn intern(terms: &[(String, bool)], vocab: &mut Vocab) -> (Vec<u32>, Vec<u32>) {
    let mut words = Vec::with_capacity(terms.len());
    let mut names = Vec::new();
    for (w, name) in terms {
        let id = vocab.id(w);
        words.push(id);
        if *name {
            names.push(id);
        }
    }
    words.sort_unstable();
    words.dedup();
    names.sort_unstable();
    names.dedup();
    (words, names)
}

/// The word tokens of a text: runs of letters, digits and inner apostrophes
/// or hyphens, with their byte offsets.
pub fn tokens(s: &str) -> impl Iterator<Item = (usize, &str)> {
    let mut at = 0;
    std::iter::from_fn(move || {
        let rest = s.get(at..)?;
        let start = at + rest.find(|c: char| c.is_alphanumeric())?;
        let tail = &s[start..];
        let len = tail
            .char_indices()
            .find(|&(i, c)| {
                !(c.is_alphanumeric()
                    || ((c == '-' || c == '\'') && tail[i + c.len_utf8()..].starts_with(char::is_alphanumeric)))
            })
            .map_or(tail.len(), |(i, _)| i);
        at = start + len;
        Some((start, &s[start..start + len]))
    })
}

/// Inverse document frequency of each word id: `ln(N / df)`, where `df`
/// counts the documents whose reports hold the word.
pub fn idf(docs: usize, per_doc: &[Vec<u32>], vocab: usize) -> Vec<f64> {
    let mut df = vec![0u32; vocab];
    for words in per_doc {
        for &w in words {
            if let Some(d) = df.get_mut(w as usize) {
                *d += 1;
            }
        }
    }
    let n = docs.max(1) as f64;
    df.into_iter()
        .map(|d| (n / f64::from(d.max(1))).ln().max(0.0))
        .collect()
}

/// IDF-weighted cosine of two sorted word lists, and the shared words.
pub fn cosine(a: &[u32], b: &[u32], idf: &[f64]) -> (f64, Vec<u32>) {
    let w = |x: u32| idf.get(x as usize).copied().unwrap_or(0.0);
    let norm = |v: &[u32]| v.iter().map(|&x| w(x) * w(x)).sum::<f64>().sqrt();
    let (mut i, mut j, mut dot) = (0, 0, 0.0);
    let mut shared = Vec::new();
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                dot += w(a[i]) * w(a[i]);
                shared.push(a[i]);
                i += 1;
                j += 1;
            }
        }
    }
    let d = norm(a) * norm(b);
    (if d > 0.0 { dot / d } else { 0.0 }, shared)
}

/// A sentence made readable: the dataset's bracket tokens (`-LRB-`),
/// a dateline or wire credit at its head ("WASHINGTON -LRB- Reuters -RRB- -"),
/// a byline ("By Tom Bergin"), spaces before punctuation, quotes as written.
pub fn clean(s: &str) -> String {
    let mut t = s.to_string();
    for (from, to) in [
        ("-LRB-", "("),
        ("-RRB-", ")"),
        ("-LSB-", "["),
        ("-RSB-", "]"),
        ("-LCB-", "{"),
        ("-RCB-", "}"),
        ("``", "\""),
        ("''", "\""),
        // A wire credit in brackets: "(Reuters)", "(AP)".
        ("(Reuters)", " "),
        ("( Reuters )", " "),
        ("(AP)", " "),
        ("( AP )", " "),
        ("(AFP)", " "),
        ("( AFP )", " "),
        ("(CNN)", " "),
        ("( CNN )", " "),
    ] {
        // most sentences hold none: no copy then
        if t.contains(from) {
            t = t.replace(from, to);
        }
    }
    let mut out = String::with_capacity(t.len());
    for w in t.split_whitespace() {
        let glue = matches!(w, "," | "." | ";" | ":" | "?" | "!" | ")" | "]" | "'s" | "n't" | "%")
            || w.starts_with('\'') && w.len() <= 3;
        if !out.is_empty() && !glue && !out.ends_with(['(', '[']) {
            out.push(' ');
        }
        out.push_str(w);
    }
    strip_head(&out).to_string()
}

/// Time zones a page stamp ends its clock time with.
const ZONES: [&str; 10] = [
    " EDT ", " EST ", " BST ", " GMT ", " JST ", " CET ", " CEST ", " UTC ", " PDT ", " PST ",
];

/// Where the text after a page stamp near the head of a sentence starts: a
/// clock time and zone in the first 160 bytes ("2:25 pm EDT"), then the
/// first dash within 80 bytes after it.
fn stamp_end(s: &str) -> Option<usize> {
    let head = &s[..crate::text::floor_boundary(s, 160)];
    let zone = ZONES.iter().filter_map(|z| head.find(z).map(|i| (i, z.len()))).min()?;
    let before = &head[crate::text::floor_boundary(head, zone.0.saturating_sub(12))..zone.0];
    if !before.contains(':') {
        return None;
    }
    let after = zone.0 + zone.1 - 1;
    let window = &s[after..crate::text::floor_boundary(s, after + 80)];
    let dash = [" - ", " -- ", " — "]
        .iter()
        .filter_map(|d| window.find(d).map(|i| i + d.len()))
        .min()?;
    Some(after + dash)
}

/// A dateline ("WASHINGTON -", "NEW ORLEANS, May 3 -", "LONDON |") or a
/// byline ("By Tom Bergin") at the head of a sentence, cut.
fn strip_head(s: &str) -> &str {
    let mut rest = s.trim();
    // A stamp of a flattened page, maybe after its headline and place:
    // "… WILMINGTON, Delaware | Mon Sep 27, 2010 4:58 pm EDT WILMINGTON, Delaware - …"
    if let Some(cut) = stamp_end(rest) {
        rest = rest[cut..].trim_start();
    }
    // "By A B" then a capital or dash
    if let Some(r) = rest.strip_prefix("By ") {
        let names: Vec<&str> = r
            .split_whitespace()
            .take_while(|w| w.starts_with(char::is_uppercase))
            .collect();
        if (1..=3).contains(&names.len()) && r.contains(" - ") {
            if let Some(i) = r.find(" - ") {
                rest = r[i + 3..].trim_start();
            }
        }
    }
    // an upper-case place, maybe a date, then a dash or a bar
    let head: String = rest.chars().take(60).collect();
    for sep in [" -- ", " - ", " | ", " — ", " – "] {
        if let Some(i) = head.find(sep) {
            let before = &head[..i];
            let caps = before
                .split_whitespace()
                .next()
                .is_some_and(|w| w.len() >= 2 && w.chars().all(|c| c.is_uppercase() || !c.is_alphabetic()));
            if caps && before.split_whitespace().count() <= 6 {
                return rest[i + sep.len()..].trim_start();
            }
        }
    }
    rest
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn datelines_credits_and_brackets_go() {
        assert_eq!(
            clean("WASHINGTON -LRB- Reuters -RRB- - BP capped the well on July 15 , officials said ."),
            "BP capped the well on July 15, officials said."
        );
        assert_eq!(clean("LONDON | The WHO 's chief spoke ."), "The WHO's chief spoke.");
        assert_eq!(
            clean("Thu Jun 11 , 2009 3:31 pm BST STOCKHOLM - Sweden said so ."),
            "Sweden said so."
        );
        assert_eq!(
            clean("Suit filed WILMINGTON , Delaware | Mon Sep 27 , 2010 4:58 pm EDT WILMINGTON , Delaware - A judge ruled ."),
            "A judge ruled."
        );
        assert_eq!(
            clean("Shares rose 2 % by 1336 GMT on Monday ."),
            "Shares rose 2% by 1336 GMT on Monday."
        );
        assert_eq!(clean("`` It is over , '' he said ."), "\" It is over, \" he said.");
    }

    #[test]
    fn tokens_keep_inner_hyphens_and_offsets() {
        let t: Vec<_> = tokens("H1N1 swine-flu, 'quoted'").collect();
        assert_eq!(t, vec![(0, "H1N1"), (5, "swine-flu"), (17, "quoted")]);
    }
}
