//! The one pipeline: every command that reads articles (`tag`, `anchors`,
//! `build`, `check`) makes one call here, on a [`Pipeline`] whose grammar has
//! been loaded and checked once.
//!
//! ```text
//! Pipeline::new ── every grammar file loaded and checked (file:line on error)
//!
//! docs ─tag─▶ mentions ─resolve(text alone)─▶ textual
//!      ─page::analyse_all─▶ pages (furniture: once per document, for anchor and order)
//!      ─stories::group─▶ stories (each article's story: no vote or link crosses one)
//!      ─anchor::infer_with_pages(textual, pages, pins, retrieval)─▶ anchors
//!      ─resolve(each doc's anchor)─▶ resolved ─order::order(pages)─▶ Ordered (Chronology v1)
//!      ─story::tell(stories)─▶ events with reports, unplaced, timeline ─▶ v2::Chronology
//! ```
//!
//! [`Pipeline::anchors`] stops after the anchors; [`Pipeline::tag_batch`]
//! dates each document on its own (a given date, else a pin, else its own
//! text) so `tag` can stream a corpus in batches.

use chrono::NaiveDate;
use rayon::prelude::*;

use crate::anchor::{self, Anchor, Pins};
use crate::grammar::{self, lexicon::LexiconError};
use crate::ingest::Document;
use crate::order::{self, DocInput};
use crate::page;
use crate::resolve::{self, AnchorRef, Resolved};
use crate::schema::{v2, Chronology};
use crate::stories::{self, Stories};
use crate::story;
use crate::tag::out_of_range::{out_of_range, OutOfRange};
use crate::tag::{self, Mention};

/// What a build produces.
#[derive(Debug, Clone, PartialEq)]
pub struct Built {
    /// The chronology of dated mentions (schema version 1).
    pub chronology: Chronology,
    /// The story chronology (`out/chronology.yaml`, schema version 2):
    /// events with their reports, unplaced events, the timeline.
    pub story: v2::Chronology,
    /// Every document's anchor with its evidence (`out/anchors.yaml`), in input order.
    pub anchors: Vec<Anchor>,
    /// Expressions left untagged because their values are out of range: the
    /// document's index and where (for warnings).
    pub untagged: Vec<(usize, OutOfRange)>,
    /// The articles grouped into stories ([`stories::group`]), in input order.
    pub stories: Stories,
}

/// One document as `tag` writes it.
#[derive(Debug, Clone, PartialEq)]
pub struct Tagged {
    /// Its mentions, resolved against its date, in text order.
    pub resolved: Vec<Resolved>,
    /// Expressions left untagged because their values are out of range.
    pub untagged: Vec<OutOfRange>,
}

/// Load and check every grammar file, once: the word lists of the tagger
/// ([`grammar::check`]), the furniture lexicon, the anchor's event lexicon
/// and the order's event lexicon. The first broken file is an error naming
/// it and its line.
pub fn check_grammar() -> Result<(), LexiconError> {
    grammar::check().map_err(Clone::clone)?;
    page::furniture::check_lexicon()?;
    anchor::check_event_lexicon()?;
    order::lexicon::check()?;
    story::lexicon::check()?;
    Ok(())
}

/// The engine, its grammar loaded and checked: the only way to run it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Pipeline {
    /// Proof that [`check_grammar`] passed (the stages read the lexicons it loaded).
    _checked: (),
}

impl Pipeline {
    /// Load and check every grammar file ([`check_grammar`]); a program calls
    /// this first, before reading any input.
    pub fn new() -> Result<Pipeline, LexiconError> {
        check_grammar()?;
        Ok(Pipeline { _checked: () })
    }

    /// Every stage over a corpus (`build`, `check`). Per-document stages run
    /// in parallel; the anchors and the order look across documents.
    pub fn build(&self, docs: &[Document], pins: &Pins, retrieved: Option<NaiveDate>) -> Built {
        self.build_with(docs, pins, retrieved, &story::Options::default())
    }

    /// [`Pipeline::build`] with the story timeline's options (`timeline`).
    pub fn build_with(
        &self,
        docs: &[Document],
        pins: &Pins,
        retrieved: Option<NaiveDate>,
        opts: &story::Options,
    ) -> Built {
        let FirstStages {
            mentions,
            textual,
            pages,
            stories,
        } = first_stages(docs);
        let anchors = anchor::infer_with_pages(docs, &textual, &pages, &stories.of_doc, pins, retrieved);
        let resolved: Vec<Vec<Resolved>> = docs
            .par_iter()
            .zip(mentions.par_iter())
            .zip(anchors.par_iter())
            .map(|((d, m), a)| resolve::resolve_all(&d.text, m, a.anchor_ref().as_ref()))
            .collect();
        let inputs: Vec<DocInput<'_>> = docs
            .iter()
            .zip(anchors.iter().zip(&resolved).zip(&pages))
            .map(|(doc, ((anchor, resolved), page))| DocInput {
                doc,
                anchor,
                resolved,
                furniture: page.furniture_spans(),
            })
            .collect();
        let ordered = order::order(&inputs);
        let groups = story::Stories::from_groups(&stories, docs);
        let told = story::tell(&inputs, &mentions, &ordered, &groups, opts);
        let mut story = story::chronology(&ordered, told, &groups);
        name_articles(&mut story, docs, &pages);
        let chronology = ordered.chronology;
        // Each document's on its own, in parallel, joined in input order.
        let untagged: Vec<(usize, OutOfRange)> = docs
            .par_iter()
            .zip(mentions.par_iter().zip(&resolved))
            .enumerate()
            .flat_map_iter(|(i, (d, (m, r)))| {
                out_of_range(&d.text, d.body.clone(), m, r)
                    .into_iter()
                    .map(move |o| (i, o))
            })
            .collect();
        drop(inputs);
        free_later((mentions, textual, pages, resolved, ordered.tellings, ordered.event_of));
        Built {
            chronology,
            story,
            anchors,
            untagged,
            stories,
        }
    }

    /// Every document's anchor (`anchors`): tag, resolve by the text alone,
    /// infer across the corpus.
    pub fn anchors(&self, docs: &[Document], pins: &Pins, retrieved: Option<NaiveDate>) -> Vec<Anchor> {
        let f = first_stages(docs);
        anchor::infer_with_pages(docs, &f.textual, &f.pages, &f.stories.of_doc, pins, retrieved)
    }

    /// One batch of `tag`, in parallel, in input order: each document tagged
    /// and resolved against `dct`, else its own date, else a pin, else the
    /// anchor inferred from its own text (an ambiguous anchor gives flagged
    /// hulls, never a silent guess).
    pub fn tag_batch(&self, docs: &[Document], dct: Option<NaiveDate>, pins: &Pins) -> Vec<Tagged> {
        docs.par_iter().map(|d| tag_one(d, dct, pins)).collect()
    }
}

/// Every article without a front-matter title is named by its page's
/// headline (the picture and the timeline name articles by title, not id).
/// Each headline reads its page's top lines (a flattened page is one long
/// line), so the articles are named in parallel.
fn name_articles(c: &mut v2::Chronology, docs: &[Document], pages: &[page::Page]) {
    let index: std::collections::HashMap<&str, usize> =
        docs.iter().enumerate().map(|(i, d)| (d.id.as_str(), i)).collect();
    c.anchors.par_iter_mut().filter(|a| a.title.is_none()).for_each(|a| {
        if let Some(&i) = index.get(a.doc.as_str()) {
            a.title = pages.get(i).and_then(|p| p.headline(&docs[i]));
        }
    });
}

/// Free a stage's large intermediate results on a thread of their own
/// (millions of small allocations: a tenth of a second on the critical
/// path for T17), or here when no thread can be started.
fn free_later<T: Send + 'static>(scratch: T) {
    let _ = std::thread::Builder::new().spawn(move || drop(scratch));
}

/// What the anchors need: every document's mentions and their textual
/// resolution, its page, and the stories.
struct FirstStages {
    mentions: Vec<Vec<Mention>>,
    textual: Vec<Vec<Resolved>>,
    pages: Vec<page::Page>,
    stories: Stories,
}

/// The independent first stages side by side: the grouping into stories
/// runs on one thread while tagging and the pages share the others.
fn first_stages(docs: &[Document]) -> FirstStages {
    let ((mentions, textual), (pages, stories)) = rayon::join(
        || {
            let m = tag_all(docs);
            let t = textual(docs, &m);
            (m, t)
        },
        || rayon::join(|| page::analyse_all(docs), || stories::group(docs)),
    );
    FirstStages {
        mentions,
        textual,
        pages,
        stories,
    }
}

/// Tag every document, in parallel, in input order.
fn tag_all(docs: &[Document]) -> Vec<Vec<Mention>> {
    docs.par_iter().map(|d| tag::tag(&d.text, d.body.clone())).collect()
}

/// Every document's mentions resolved by the text alone: what the anchors
/// reason with (no narrative years).
fn textual(docs: &[Document], mentions: &[Vec<Mention>]) -> Vec<Vec<Resolved>> {
    docs.par_iter()
        .zip(mentions.par_iter())
        .map(|(d, m)| anchor::resolve_textual(&d.text, m))
        .collect()
}

/// One document of [`Pipeline::tag_batch`].
fn tag_one(doc: &Document, dct: Option<NaiveDate>, pins: &Pins) -> Tagged {
    let mentions = tag::tag(&doc.text, doc.body.clone());
    let resolved = resolve_against_anchor(doc, dct, pins, &mentions);
    let untagged = out_of_range(&doc.text, doc.body.clone(), &mentions, &resolved);
    Tagged { resolved, untagged }
}

/// Resolve one document's mentions against its given date, else the anchor
/// its own text implies (tag, resolve, anchor, resolve again).
fn resolve_against_anchor(doc: &Document, dct: Option<NaiveDate>, pins: &Pins, mentions: &[Mention]) -> Vec<Resolved> {
    let pinned = dct
        .or(doc.meta.published)
        .or_else(|| pins.by_doc.get(&doc.id).and_then(|p| p.published));
    if let Some(d) = pinned {
        return resolve::resolve_all(&doc.text, mentions, Some(&AnchorRef::Day(d)));
    }
    let textual = anchor::resolve_textual(&doc.text, mentions);
    let inferred = anchor::infer_with_pages(
        std::slice::from_ref(doc),
        std::slice::from_ref(&textual),
        &[page::analyse(doc)],
        &[0],
        pins,
        None,
    );
    let a = inferred.first().and_then(Anchor::anchor_ref);
    resolve::resolve_all(&doc.text, mentions, a.as_ref())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_grammar_file_loads() {
        assert_eq!(check_grammar(), Ok(()));
        assert!(Pipeline::new().is_ok());
    }

    #[test]
    fn a_broken_copy_of_a_word_list_names_its_file_and_line() {
        // grammar/months.txt with an entry whose value is no month
        let text = include_str!("../grammar/months.txt").trim_end();
        let broken = format!("{text}\nsmarch | 13\n");
        let parse = |v: &str| v.parse::<u32>().ok().filter(|m| (1..=12).contains(m));
        let e = grammar::lexicon::load("months.txt", &broken, "a month number 1-12", parse).err();
        let e = e.expect("a broken file is an error, not an empty lexicon");
        assert_eq!(
            (e.file.as_str(), e.line),
            ("months.txt", Some(text.lines().count() + 1))
        );
    }
}
