//! The words a story is told in: a collection's document frequencies
//! ([`Idf`]) and each article's most characteristic words as a unit-length
//! tf-idf vector ([`Profile`]).
//!
//! Words are runs of letters (inner hyphens kept: "oil-soaked"), folded to
//! lower case and keyed by their FNV-1a hash ([`crate::text::Fnv1a`]), so no
//! string is built per word and the keys are the same on every run.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::OnceLock;

use rayon::prelude::*;

use super::Params;
use crate::ingest::Document;

/// Keys are hashes already: a map over them needs no second hash.
#[derive(Default)]
pub(super) struct KeyHasher(u64);

impl Hasher for KeyHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 << 8) ^ u64::from(b);
        }
    }
    fn write_u64(&mut self, k: u64) {
        self.0 = k;
    }
}

/// A map keyed by word keys.
pub(super) type KeyMap<V> = HashMap<u64, V, BuildHasherDefault<KeyHasher>>;

pub use crate::text::word_key;

/// The words of a text: runs of letters with inner hyphens, as written.
pub(super) fn words(s: &str) -> impl Iterator<Item = &str> {
    s.split(|c: char| !c.is_alphabetic() && c != '-')
        .map(|w| w.trim_matches('-'))
        .filter(|w| !w.is_empty())
}

/// Words too common to tell one story from another: `grammar/stopwords.txt`
/// and the function words of English that it leaves out (it was written for
/// four-letter words and more; stories also count "oil", "flu", "BP"), plus
/// the bracket tokens of tokenised corpora (`-LRB-`).
const SHORT_STOPWORDS: &str = "the and for was were with that this are has had not but its his her \
    they their them you which who what when will would can said says say into than then there \
    these those also our out over more most some such only other new one two all any may just \
    like been from have him she how why where lrb rrb lsb rsb lcb rcb per via yet nor";

fn stop_keys() -> &'static KeyMap<()> {
    static KEYS: OnceLock<KeyMap<()>> = OnceLock::new();
    KEYS.get_or_init(|| {
        let listed = include_str!("../../grammar/stopwords.txt")
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'));
        listed
            .chain(SHORT_STOPWORDS.split_whitespace())
            .map(|w| (word_key(w), ()))
            .collect()
    })
}

/// Document frequencies over a collection: in how many documents each word
/// occurs (every word, stop words included, case folded).
///
/// [`Idf::weight`] is `ln((N + 1) / df)` for a word in `df` of `N` documents,
/// so a word in every document weighs little (`ln(1 + 1/N)`: next to nothing
/// in a large collection, but not nothing in a collection of two articles,
/// whose shared words are all it has to tell that they are one story) and
/// one in a single document `ln(N + 1)`. A
/// word the collection never uses weighs as one used once; a term of several
/// words ("World Health Organization") weighs as its rarest word.
///
/// ```
/// use chronology::ingest::Document;
/// use chronology::stories::Idf;
/// let docs = [
///     Document::from_text("a", "The well was capped."),
///     Document::from_text("b", "The vaccine was late."),
/// ];
/// let idf = Idf::new(&docs);
/// assert!((idf.weight("the") - 1.5f64.ln()).abs() < 1e-12);
/// assert!((idf.weight("Vaccine") - 3f64.ln()).abs() < 1e-12);
/// assert!(idf.weight("well vaccine") > 0.0);
/// ```
#[derive(Debug, Clone, Default)]
pub struct Idf {
    /// Number of documents.
    n: usize,
    /// word key → number of documents using it
    df: KeyMap<u32>,
}

impl Idf {
    /// Count the words of every document's body.
    pub fn new(docs: &[Document]) -> Idf {
        let docs: Vec<&Document> = docs.iter().collect();
        let counts: Vec<KeyMap<u32>> = doc_counts(&docs, usize::MAX).into_iter().map(|c| c.0).collect();
        Idf::from_counts(&counts)
    }

    /// From each document's word counts.
    pub(super) fn from_counts(counts: &[KeyMap<u32>]) -> Idf {
        let mut df: KeyMap<u32> = KeyMap::default();
        for m in counts {
            for k in m.keys() {
                *df.entry(*k).or_default() += 1;
            }
        }
        Idf { n: counts.len(), df }
    }

    /// Number of documents counted.
    pub fn documents(&self) -> usize {
        self.n
    }

    /// In how many documents the word with this key occurs.
    pub(super) fn df_of(&self, key: u64) -> u32 {
        self.df.get(&key).copied().unwrap_or(0)
    }

    /// The weight of a word key: `ln((N + 1) / max(df, 1))`, 0 without documents.
    pub(super) fn weight_of(&self, key: u64) -> f64 {
        if self.n == 0 {
            return 0.0;
        }
        let df = f64::from(self.df_of(key).max(1));
        ((self.n as f64 + 1.0) / df).ln().max(0.0)
    }

    /// How rare `term` is in the collection (see the type's documentation).
    pub fn weight(&self, term: &str) -> f64 {
        term.split(|c: char| !c.is_alphanumeric() && c != '-')
            .filter(|w| !w.is_empty())
            .map(|w| self.weight_of(word_key(w)))
            .fold(0.0, f64::max)
    }
}

/// Every document's word counts in one pass: every word (stop words
/// included: [`Idf`] counts them), and the content words of `min_chars`
/// letters or more that are not stop words.
fn doc_counts(docs: &[&Document], min_chars: usize) -> Vec<(KeyMap<u32>, KeyMap<u32>)> {
    let sw = stop_keys();
    docs.par_iter()
        .map(|d| {
            let mut all: KeyMap<u32> = KeyMap::default();
            let mut content: KeyMap<u32> = KeyMap::default();
            for w in words(d.body_text()) {
                let k = word_key(w);
                *all.entry(k).or_default() += 1;
                let long = if w.is_ascii() {
                    w.len() >= min_chars
                } else {
                    w.chars().nth(min_chars.saturating_sub(1)).is_some()
                };
                if long && !sw.contains_key(&k) {
                    *content.entry(k).or_default() += 1;
                }
            }
            (all, content)
        })
        .collect()
}

/// One article's most characteristic words: `(word key, weight)` sorted by
/// key, unit length; `top` holds the keys of its [`Params::probe_terms`]
/// heaviest, heaviest first (what the inverted index is built over).
#[derive(Debug, Clone, Default)]
pub(super) struct Profile {
    pub(super) terms: Vec<(u64, f64)>,
    pub(super) top: Vec<(u64, f64)>,
}

/// Sort `(key, weight)` heaviest first, the key breaking ties.
pub(super) fn by_weight(v: &mut [(u64, f64)]) {
    v.sort_unstable_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
}

/// Every document's profile and the collection's [`Idf`]: tf-idf with a
/// sublinear term frequency (`1 + ln tf`), over content words used by at
/// least [`Params::min_df`] documents, the [`Params::profile_terms`]
/// heaviest kept.
pub(super) fn profiles(docs: &[&Document], p: &Params) -> (Vec<Profile>, Idf) {
    let counts = doc_counts(docs, p.min_word_chars);
    let (all, content): (Vec<KeyMap<u32>>, Vec<KeyMap<u32>>) = counts.into_iter().unzip();
    let idf = Idf::from_counts(&all);
    drop(all);
    let min_df = p.min_df;
    let out = content
        .par_iter()
        .map(|m| {
            let mut v: Vec<(u64, f64)> = m
                .iter()
                .filter(|(k, _)| idf.df_of(**k) >= min_df)
                .map(|(k, &c)| (*k, (1.0 + f64::from(c).ln()) * idf.weight_of(*k)))
                .filter(|x| x.1 > 0.0)
                .collect();
            by_weight(&mut v);
            v.truncate(p.profile_terms);
            let norm = v.iter().map(|x| x.1 * x.1).sum::<f64>().sqrt();
            if norm > 0.0 {
                v.iter_mut().for_each(|x| x.1 /= norm);
            }
            let top: Vec<(u64, f64)> = v.iter().take(p.probe_terms).copied().collect();
            v.sort_unstable_by_key(|x| x.0);
            Profile { terms: v, top }
        })
        .collect();
    (out, idf)
}

/// How a text writes a word: in lower case if it ever does, else as
/// first written ("BP", "Gulf"); `None` if it does not use it.
fn surface_form(text: &str, key: u64) -> Option<String> {
    let mut first: Option<&str> = None;
    for w in words(text) {
        if word_key(w) != key {
            continue;
        }
        if !w.chars().any(char::is_uppercase) {
            return Some(w.to_string());
        }
        first = first.or(Some(w));
    }
    first.map(str::to_string)
}

/// A story's label: the `n` words heaviest over its articles' index words,
/// as the articles write them (the form of the first article, in `docs`'
/// order, that has it).
pub(super) fn label(part: &[usize], profiles: &[Profile], docs: &[&Document], n: usize) -> String {
    let mut sum: KeyMap<f64> = KeyMap::default();
    for &k in part {
        for &(key, w) in &profiles[k].top {
            *sum.entry(key).or_default() += w;
        }
    }
    let mut v: Vec<(u64, f64)> = sum.into_iter().collect();
    if v.is_empty() {
        return plain_label(part.first().map_or("", |&k| docs[k].body_text()), n);
    }
    by_weight(&mut v);
    v.iter()
        .take(n)
        .filter_map(|(key, _)| {
            part.iter()
                .filter(|&&k| profiles[k].top.iter().any(|x| x.0 == *key))
                .find_map(|&k| surface_form(docs[k].body_text(), *key))
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// The label of a story whose words link nothing (an article of its own,
/// every word its alone): its `n` most frequent content words, the first
/// written first on a tie, from its first 2,000 words.
fn plain_label(text: &str, n: usize) -> String {
    let sw = stop_keys();
    let mut seen: Vec<(u64, usize, &str)> = Vec::new();
    let mut at: KeyMap<usize> = KeyMap::default();
    for w in words(text).take(2000).filter(|w| w.chars().nth(2).is_some()) {
        let k = word_key(w);
        if sw.contains_key(&k) {
            continue;
        }
        match at.get(&k) {
            Some(&i) => seen[i].1 += 1,
            None => {
                at.insert(k, seen.len());
                seen.push((k, 1, w));
            }
        }
    }
    // stable: equal counts keep their first-written order
    seen.sort_by_key(|x| std::cmp::Reverse(x.1));
    seen.iter().take(n).map(|x| x.2).collect::<Vec<_>>().join(" ")
}

/// The dot product of two key-sorted vectors, summed in key order (what
/// `graph::dot_with` computes; kept as its reference).
#[cfg(test)]
pub(super) fn dot(a: &[(u64, f64)], b: &[(u64, f64)]) -> f64 {
    let (mut i, mut j, mut s) = (0, 0, 0.0);
    while i < a.len() && j < b.len() {
        match a[i].0.cmp(&b[j].0) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                s += a[i].1 * b[j].1;
                i += 1;
                j += 1;
            }
        }
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_keep_inner_hyphens_and_fold_case() {
        let w: Vec<&str> = words("Oil-soaked -LRB- BP 's well,-- at 5pm").collect();
        assert_eq!(w, ["Oil-soaked", "LRB", "BP", "s", "well", "at", "pm"]);
        assert_eq!(word_key("BP"), word_key("bp"));
        let d = Document::from_text("a", "The -LRB- oil and the flu, the Über");
        let (all, content) = doc_counts(&[&d], 3).remove(0);
        assert_eq!(all.get(&word_key("the")), Some(&3));
        let mut k: Vec<u64> = content.keys().copied().collect();
        k.sort_unstable();
        let mut want = vec![word_key("oil"), word_key("flu"), word_key("über")];
        want.sort_unstable();
        assert_eq!(k, want);
    }

    #[test]
    fn idf_of_nothing_is_zero_and_never_negative() {
        let idf = Idf::new(&[]);
        assert_eq!(idf.weight("anything"), 0.0);
        assert_eq!(idf.documents(), 0);
        let docs = [Document::from_text("a", "oil oil oil")];
        let idf = Idf::new(&docs);
        // ln((N + 1) / df): never negative, the one article's words weigh ln 2
        assert!((idf.weight("oil") - 2f64.ln()).abs() < 1e-12);
        assert!((idf.weight("vaccine") - 2f64.ln()).abs() < 1e-12);
        assert_eq!(idf.weight(""), 0.0);
    }

    #[test]
    fn an_article_of_its_own_is_labelled_by_its_frequent_words() {
        assert_eq!(
            plain_label("The quartet played; the quartet bowed. Applause.", 2),
            "quartet played"
        );
        assert_eq!(plain_label("", 3), "");
    }

    #[test]
    fn dot_of_sorted_vectors() {
        let a = [(1, 0.6), (3, 0.8)];
        let b = [(2, 1.0), (3, 0.5)];
        assert!((dot(&a, &b) - 0.4).abs() < 1e-12);
        assert_eq!(dot(&a, &[]), 0.0);
    }
}
