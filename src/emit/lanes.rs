//! Lanes: which row of the timeline (SVG) or which group (TimelineJS) an event
//! belongs to.
//!
//! One lane per article; an event merged from several articles goes to the lane
//! of its *story*, the set of articles joined (transitively) by merged events.
//! Story lanes come first, then article lanes in the order of `anchors`; a
//! document named by an event but missing from `anchors` gets a lane at the end
//! (sorted by id), and events naming no document at all share a last lane.
//!
//! Rejected alternative: folding the articles of a story into one lane. The
//! seeds all tell the same war, so one merged event would have put every
//! article in one lane and hidden each article's publication date.

use std::collections::BTreeMap;

use crate::schema::{AnchorSummary, Chronology, Event};

/// What a lane stands for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LaneKind {
    /// Events told by more than one article.
    Story {
        /// The articles of the story, sorted.
        docs: Vec<String>,
    },
    /// The events of one article.
    Article {
        /// Document id.
        doc: String,
        /// Its anchor, when the chronology has one.
        anchor: Option<AnchorSummary>,
    },
    /// Events that name no document.
    Unattributed,
}

/// One lane and the events in it (indices into `Chronology::events`, in input order).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Lane {
    /// What the lane stands for.
    pub kind: LaneKind,
    /// Indices of its events.
    pub events: Vec<usize>,
}

impl Lane {
    /// A one-line name: the article's title (or id), or the story's articles.
    pub fn name(&self) -> String {
        match &self.kind {
            LaneKind::Story { docs } => format!("Story told by {}", docs.join(", ")),
            LaneKind::Article { doc, anchor } => match anchor.as_ref().and_then(|a| a.title.as_deref()) {
                Some(t) if !t.trim().is_empty() => t.trim().to_string(),
                _ => doc.clone(),
            },
            LaneKind::Unattributed => "Events without a document".to_string(),
        }
    }
}

/// The documents an event names (`docs`, else `doc`), without repeats, in order.
pub fn event_docs(e: &Event) -> Vec<&str> {
    let mut out: Vec<&str> = Vec::new();
    for d in e.docs.iter().map(String::as_str).chain(e.doc.as_deref()) {
        if !out.contains(&d) {
            out.push(d);
        }
    }
    out
}

/// Union-find root with path halving.
fn root(parent: &mut [usize], mut i: usize) -> usize {
    while parent[i] != i {
        parent[i] = parent[parent[i]];
        i = parent[i];
    }
    i
}

/// Assign every event of `c` to a lane.
pub fn lanes(c: &Chronology) -> Vec<Lane> {
    // Number every document: anchors first, then unknown ones by id.
    let mut index: BTreeMap<&str, usize> = BTreeMap::new();
    let mut names: Vec<&str> = Vec::new();
    for a in &c.anchors {
        if !index.contains_key(a.doc.as_str()) {
            index.insert(a.doc.as_str(), names.len());
            names.push(a.doc.as_str());
        }
    }
    let known = names.len();
    // The first anchor of each document (a repeated one is ignored, as above).
    let mut first_anchor: BTreeMap<&str, &AnchorSummary> = BTreeMap::new();
    for a in &c.anchors {
        first_anchor.entry(a.doc.as_str()).or_insert(a);
    }
    let mut extra: Vec<&str> = c
        .events
        .iter()
        .flat_map(event_docs)
        .filter(|d| !index.contains_key(d))
        .collect();
    extra.sort_unstable();
    extra.dedup();
    for d in extra {
        index.insert(d, names.len());
        names.push(d);
    }
    // Every document any event names is in `index` now, so the `index[..]`
    // lookups below cannot fail.
    // Stories: components of the "told together" relation.
    let mut parent: Vec<usize> = (0..names.len()).collect();
    for e in &c.events {
        let ds = event_docs(e);
        if ds.len() > 1 {
            for pair in ds.windows(2) {
                let (a, b) = (index[pair[0]], index[pair[1]]);
                let (ra, rb) = (root(&mut parent, a), root(&mut parent, b));
                if ra != rb {
                    parent[ra.max(rb)] = ra.min(rb);
                }
            }
        }
    }
    let mut story_of_root: BTreeMap<usize, usize> = BTreeMap::new();
    let mut stories: Vec<Lane> = Vec::new();
    let mut articles: Vec<Lane> = names
        .iter()
        .enumerate()
        .map(|(i, d)| Lane {
            kind: LaneKind::Article {
                doc: (*d).to_string(),
                anchor: if i < known {
                    first_anchor.get(d).map(|a| (*a).clone())
                } else {
                    None
                },
            },
            events: Vec::new(),
        })
        .collect();
    let mut unattributed = Lane {
        kind: LaneKind::Unattributed,
        events: Vec::new(),
    };
    for (i, e) in c.events.iter().enumerate() {
        let ds = event_docs(e);
        match ds.as_slice() {
            [] => unattributed.events.push(i),
            [d] => articles[index[d]].events.push(i),
            [d, ..] => {
                let r = root(&mut parent, index[d]);
                let s = *story_of_root.entry(r).or_insert_with(|| {
                    stories.push(Lane {
                        kind: LaneKind::Story { docs: Vec::new() },
                        events: Vec::new(),
                    });
                    stories.len() - 1
                });
                stories[s].events.push(i);
            }
        }
    }
    // Name each story by all of its documents, and order stories by their first document.
    for (i, name) in names.iter().enumerate() {
        let r = root(&mut parent, i);
        if let Some(&st) = story_of_root.get(&r) {
            if let LaneKind::Story { docs } = &mut stories[st].kind {
                docs.push((*name).to_string());
            }
        }
    }
    for st in &mut stories {
        if let LaneKind::Story { docs } = &mut st.kind {
            docs.sort();
        }
    }
    stories.sort_by(|a, b| match (&a.kind, &b.kind) {
        (LaneKind::Story { docs: x }, LaneKind::Story { docs: y }) => x.cmp(y),
        _ => std::cmp::Ordering::Equal,
    });
    let mut out = stories;
    // An article lane is kept when it has events or an anchor to show.
    out.extend(
        articles
            .into_iter()
            .enumerate()
            .filter(|(i, l)| *i < known || !l.events.is_empty())
            .map(|(_, l)| l),
    );
    if !unattributed.events.is_empty() {
        out.push(unattributed);
    }
    out
}
