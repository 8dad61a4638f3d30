//! Best guesses from the articles most like one in wording.
//!
//! Articles of one story published on one day tell the same events in the
//! same words ("static kill", "cement", "three-quarters of the oil"). An
//! article that dates nothing itself is most likely published on the day the
//! articles closest to it in wording were. Only articles whose own date is
//! sure serve as references: a pinned one, or one whose best guess sits on
//! the date at its head (a dateline). The result is a guess for `best`, never
//! a bound, and it must lie inside the article's own interval.

use crate::text::word_key;
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::OnceLock;

use chrono::NaiveDate;
use rayon::prelude::*;

use super::cues::{body_mentions, deadline_before, stopwords};
use super::weights::Weights;
use super::{Anchor, Evidence, Status, Strength};
use crate::ingest::Document;
use crate::page::furniture::PageFurniture;
use crate::page::Page;
use crate::resolve::{Resolved, Tense};
use crate::timex::TimexType;

/// A day and the references (with their similarity) that give it.
type Guess = (NaiveDate, Vec<(usize, f64)>);

/// An article's words as a unit-length tf-idf vector, sorted by word id.
type Vector = Vec<(u32, f64)>;

/// Keys are hashes already: a map over them needs no second hash.
#[derive(Default)]
struct KeyHasher(u64);

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

type KeyMap<V> = HashMap<u64, V, BuildHasherDefault<KeyHasher>>;
type KeySet = HashSet<u64, BuildHasherDefault<KeyHasher>>;

fn stop_keys() -> &'static KeySet {
    static KEYS: OnceLock<KeySet> = OnceLock::new();
    KEYS.get_or_init(|| stopwords().iter().map(|w| word_key(w)).collect())
}

/// The keys of a text's words: letters (and inner hyphens), `min_chars`
/// letters at least, not a stop word, case folded.
fn word_keys(s: &str, min_chars: usize) -> impl Iterator<Item = u64> + '_ {
    let sw = stop_keys();
    s.split(|c: char| !c.is_alphabetic() && c != '-')
        .map(|w| w.trim_matches('-'))
        .filter(move |w| w.chars().nth(min_chars.saturating_sub(1)).is_some())
        .map(word_key)
        .filter(move |k| !sw.contains(k))
}

fn vectors(docs: &[Document], k: &Weights) -> Vec<Vector> {
    let counts: Vec<KeyMap<u32>> = docs
        .par_iter()
        .map(|d| {
            let mut m: KeyMap<u32> = KeyMap::default();
            for w in word_keys(d.body_text(), k.min_word_chars) {
                *m.entry(w).or_default() += 1;
            }
            m
        })
        .collect();
    // word → (id, number of articles using it)
    let mut df: KeyMap<(u32, u32)> = KeyMap::default();
    for m in &counts {
        for k in m.keys() {
            let next = df.len() as u32;
            df.entry(*k).or_insert((next, 0)).1 += 1;
        }
    }
    let n = docs.len() as f64;
    let min_count = k.min_doc_count as f64;
    counts
        .par_iter()
        .map(|m| {
            let mut v: Vector = m
                .iter()
                .filter_map(|(w, &c)| {
                    let &(id, f) = df.get(w)?;
                    let f = f64::from(f);
                    if f < min_count || f >= n || f > (k.max_doc_share * n).max(min_count) {
                        return None;
                    }
                    Some((id, (1.0 + f64::from(c).ln()) * (n / f).ln()))
                })
                .collect();
            let norm = v.iter().map(|x| x.1 * x.1).sum::<f64>().sqrt();
            if norm > 0.0 {
                v.iter_mut().for_each(|x| x.1 /= norm);
            }
            v.sort_unstable_by_key(|x| x.0);
            v
        })
        .collect()
}

/// The sure date of an article that can serve as a reference: pinned, or its
/// best guess on (or the day after) a date told at its head, not a deadline
/// ("due March 1, 2011").
fn reference_day(doc: &Document, res: &[Resolved], furn: &PageFurniture, a: &Anchor, head: usize) -> Option<NaiveDate> {
    if a.status == Status::Pinned {
        return a.best;
    }
    let best = a.best?;
    let headed = body_mentions(doc, res, furn).into_iter().any(|r| {
        let t = &r.timex;
        r.start - doc.body.start < head
            && r.tense != Tense::Future
            && !deadline_before(&doc.text, r.start)
            && matches!(t.kind, TimexType::Date | TimexType::Time)
            && !t.has_unknown()
            && t.from.is_some()
            && t.from == t.to
            && t.from.is_some_and(|f| (0..=1).contains(&(best - f).num_days()))
    });
    headed.then_some(best)
}

/// The votes of each article's neighbours (issue 13): the day the articles
/// closest to it in wording were published, as evidence to add as a cue of
/// kind `neighbour`. A neighbour votes only when it is of the same story
/// (`story_of`), its own date is sure (pinned, determined, or its best on the
/// date at its head), and the two share named participants (at least
/// `names_shared` proper nouns), not only common words. An article whose own
/// date is sure takes no vote.
pub fn neighbour_votes(
    docs: &[Document],
    resolved: &[Vec<Resolved>],
    pages: &[Page],
    anchors: &[Anchor],
    (story_of, nouns): (&[usize], &[BTreeSet<String>]),
    k: &Weights,
) -> Vec<Option<Evidence>> {
    let none = || vec![None; docs.len()];
    if docs.len() < 2 || anchors.len() != docs.len() || pages.len() != docs.len() {
        return none();
    }
    let empty = Vec::new();
    let refs: Vec<Option<NaiveDate>> = (0..docs.len())
        .map(|i| {
            let a = &anchors[i];
            if a.status == Status::Determined {
                return a.best;
            }
            reference_day(
                &docs[i],
                resolved.get(i).unwrap_or(&empty),
                &pages[i].furniture,
                a,
                k.head_bytes,
            )
        })
        .collect();
    if refs.iter().all(Option::is_none) {
        return none();
    }
    let vecs = vectors(docs, k);
    // word id → (reference article, weight)
    let n_words = vecs
        .iter()
        .flat_map(|v| v.iter().map(|x| x.0 as usize + 1))
        .max()
        .unwrap_or(0);
    let story = |i: usize| story_of.get(i).copied().unwrap_or(0);
    // each word's references sorted by story (then article): an article
    // reads only its own story's part of a list, so the work grows with the
    // story, not with the collection
    let mut postings: Vec<Vec<(usize, usize, f64)>> = vec![Vec::new(); n_words];
    for (i, v) in vecs.iter().enumerate() {
        if refs[i].is_some() {
            for &(w, x) in v {
                if let Some(p) = postings.get_mut(w as usize) {
                    p.push((story(i), i, x));
                }
            }
        }
    }
    postings.par_iter_mut().for_each(|p| p.sort_by_key(|&(s, j, _)| (s, j)));
    let of_story = |w: u32, s: usize| -> &[(usize, usize, f64)] {
        let p = postings.get(w as usize).map(Vec::as_slice).unwrap_or(&[]);
        let lo = p.partition_point(|x| x.0 < s);
        let hi = lo + p[lo..].partition_point(|x| x.0 == s);
        &p[lo..hi]
    };
    let named = |i: usize, j: usize| match (nouns.get(i), nouns.get(j)) {
        (Some(a), Some(b)) => a.intersection(b).take(k.names_shared).count() >= k.names_shared,
        _ => false,
    };
    let guesses: Vec<Option<Guess>> = (0..docs.len())
        .into_par_iter()
        // one accumulator per worker, cleared through the references it touched:
        // the work grows with the shared words, not with the corpus squared
        .map_init(
            || (vec![0.0f64; docs.len()], Vec::new()),
            |(sim, touched): &mut (Vec<f64>, Vec<usize>), i| {
                if refs[i].is_some() || anchors[i].status == Status::Pinned {
                    return None;
                }
                let si = story(i);
                for &(w, x) in &vecs[i] {
                    for &(_, j, y) in of_story(w, si) {
                        if sim[j] == 0.0 {
                            touched.push(j);
                        }
                        sim[j] += x * y;
                    }
                }
                let mut top: Vec<(f64, usize)> = touched
                    .iter()
                    .map(|&j| (sim[j], j))
                    .filter(|&(s, j)| j != i && s >= k.min_similarity)
                    .collect();
                for j in touched.drain(..) {
                    sim[j] = 0.0;
                }
                top.retain(|&(_, j)| named(i, j));
                top.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
                top.truncate(k.neighbours);
                let mut votes: BTreeMap<NaiveDate, f64> = BTreeMap::new();
                for &(s, j) in &top {
                    if let Some(d) = refs[j] {
                        *votes.entry(d).or_default() += s;
                    }
                }
                let (d, _) = votes
                    .into_iter()
                    .max_by(|a, b| a.1.total_cmp(&b.1).then(b.0.cmp(&a.0)))?;
                let from: Vec<(usize, f64)> = top
                    .iter()
                    .filter(|(_, j)| refs[*j] == Some(d))
                    .map(|&(s, j)| (j, s))
                    .collect();
                Some((d, from))
            },
        )
        .collect();
    guesses
        .into_iter()
        .map(|g| {
            let (d, from) = g?;
            let top = from.iter().map(|x| x.1).fold(0.0f64, f64::max);
            let close = if top >= k.close_similarity { CLOSE_MARK } else { "" };
            let names: Vec<String> = from
                .iter()
                .map(|&(j, s)| format!("{}, similarity {s:.2}", docs[j].id))
                .collect();
            Some(Evidence {
                text: String::new(),
                span: [0, 0],
                implies: format!(
                    "near {d}: the articles of its story closest to this one in wording, naming the same people ({}), were published on {d}{close}",
                    names.join("; ")
                ),
                strength: Strength::Weak,
                earliest: Some(d),
                latest: Some(d),
                kind: None,
                moved: None,
            })
        })
        .collect()
}

/// What the evidence of a close neighbour says.
pub(super) const CLOSE_MARK: &str = " (close in wording)";

#[cfg(test)]
mod tests {
    use crate::anchor::{resolve_textual, Pins};
    use crate::ingest::Document;
    use chrono::NaiveDate;

    fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).expect("valid test date")
    }

    const OBAMA: &str = "WASHINGTON , Tue Jun 8 , 2010 -- President Obama said he would fire BP chief executive \
                         Tony Hayward over his remarks about the Gulf spill .";
    const FLU: &str = "LONDON , Thu Oct 1 , 2009 -- Britain began swine flu vaccinations for pregnant women \
                       and health workers in clinics .";

    /// The anchors of `texts` (ids d0, d1, …), each document in the story `story_of` gives.
    fn anchors_of(texts: &[&str], story_of: &[usize]) -> Vec<crate::anchor::Anchor> {
        let docs: Vec<Document> = texts
            .iter()
            .enumerate()
            .map(|(i, t)| Document::from_text(&format!("d{i}"), t))
            .collect();
        let textual: Vec<_> = docs
            .iter()
            .map(|d| resolve_textual(&d.text, &crate::tag::tag(&d.text, d.body.clone())))
            .collect();
        let pages = crate::page::analyse_all(&docs);
        crate::anchor::infer_with_pages(&docs, &textual, &pages, story_of, &Pins::default(), None)
    }

    fn corpus(extra: &str) -> Vec<crate::anchor::Anchor> {
        let texts = [
            OBAMA,
            FLU,
            "The orchestra played Mozart to a full hall in Vienna .",
            extra,
        ];
        anchors_of(&texts, &[0; 4])
    }

    /// The two dated articles and `extra`, each in the story `story_of` gives.
    fn corpus_in_stories(extra: &str, story_of: &[usize]) -> Vec<crate::anchor::Anchor> {
        anchors_of(&[OBAMA, FLU, extra], story_of)
    }

    /// A neighbour of another story never votes, however alike the words.
    #[test]
    fn a_neighbour_from_another_story_does_not_vote() {
        for extra in [
            "Obama said he would have fired Tony Hayward , the BP chief executive , over his remarks on the spill .",
            "Tony Hayward , BP's chief executive , could have been fired by Obama for his remarks about the spill .",
        ] {
            let same = corpus_in_stories(extra, &[0, 1, 0]);
            assert_eq!(same[2].best, Some(ymd(2010, 6, 8)), "{extra}");
            let apart = corpus_in_stories(extra, &[0, 1, 2]);
            assert_ne!(apart[2].best, Some(ymd(2010, 6, 8)), "{extra}");
        }
    }

    #[test]
    fn an_undated_article_takes_the_day_of_the_article_closest_in_wording() {
        let out = corpus(
            "Obama said he would have fired Tony Hayward , the BP chief executive , over his remarks on the spill .",
        );
        let d = &out[3];
        assert!(out[0].best.is_some_and(|b| (b - ymd(2010, 6, 8)).num_days().abs() <= 1));
        assert!(
            d.best.is_some_and(|b| (b - ymd(2010, 6, 8)).num_days().abs() <= 7),
            "{d:#?}"
        );
        assert!(
            d.evidence
                .iter()
                .any(|e| e.implies.contains("closest to this one in wording")),
            "{:?}",
            d.evidence
        );
        // nothing in common with any dated article: no guess
        assert_eq!(out[2].best, None);
    }

    #[test]
    fn an_ascii_word_keys_as_its_lower_cased_characters() {
        let by_chars = |w: &str| {
            let mut h = crate::text::Fnv1a::new();
            for c in w.chars().flat_map(char::to_lowercase) {
                h.push(u64::from(c));
            }
            h.finish()
        };
        for w in ["Hayward", "BP", "spill", "Ki-moon", "Schröder"] {
            assert_eq!(super::word_key(w), by_chars(w), "{w}");
        }
    }
}
