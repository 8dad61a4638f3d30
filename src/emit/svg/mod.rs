//! The story picture: `out/timeline.svg`, drawn from a chronology alone
//! (version 2, or version 1 upgraded by [`crate::emit::upgrade`]).
//!
//! ```
//! use chronology::schema::Chronology;
//! let yaml = "version: 1\nanchors: []\nevents:\n  - {id: e-1, doc: d, expression: May 2024, value: 2024-05, \
//!             type: DATE, start: 2024-05-01, end: 2024-05-31, span: [0, 8], text: talks}\n";
//! let c: Chronology = serde_yaml::from_str(yaml)?;
//! let svg = chronology::emit::svg::render(&c);
//! assert!(svg.contains("data-event=\"e-1\""));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! What a reader sees, top to bottom:
//!
//! ```text
//! title, summary line, legend
//! time axis      piecewise linear (see [`Scale`]): ticks adapt per piece (days …
//!                millennia); empty stretches are cut out behind a break "//",
//!                quiet stretches are compressed (hatched)
//! density        reports per day as bars, so the reader sees when the story
//!                was hot; under them, articles published per day
//! story timeline the timeline's days: a dot sized by the number of articles
//!                and the day's headline, in rows that never overlap
//! article lanes  only for small collections (up to LANE_LIMIT articles) or on
//!                request (`render --lanes`): one lane per article, named by its
//!                title, its publication date as a dashed line (pinned) or a
//!                band (interval), its reports as dots (a day) or bars (a
//!                period) with labels; conflicts in red
//! time axis      repeated under the lanes when they are tall
//! notes          conflicts with their explanations, what is not drawn and why
//! ```
//!
//! Limits: both sides stay within [`MAX_SIDE`] pixels and the file within
//! [`MAX_BYTES`] bytes, whatever the input: rows, lanes and notes that would
//! pass them are left out and counted in a note. Numbers are printed with one
//! decimal and nothing is iterated from a hash map, so the same chronology
//! always gives the same bytes.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;

use chrono::{Datelike, NaiveDate};

use crate::emit::lanes::{self as grouping, Lane, LaneKind, ReportRef};
use crate::emit::upgrade::AsV2;
use crate::schema::v2::{AnchorSummary, Chronology, Event, Report, TimelineEntry};
use crate::schema::Conflict;

/// Writes into a `String`; `fmt::Write` for `String` never fails, so the
/// result is dropped on purpose.
macro_rules! out {
    ($s:expr, $($arg:tt)*) => {{
        let _ = write!($s, $($arg)*);
    }};
}

mod density;
mod labels;
mod lanes;
mod legend;
mod scale;
mod story;
mod ticks;

use labels::*;
pub use labels::{esc, fit_text, human_day, human_range, text_width};
use lanes::*;
use legend::*;
use scale::*;
pub use scale::{day_number, Scale, Segment};
use ticks::*;

/// Total width of the picture in pixels.
pub const WIDTH: f64 = 1480.0;
/// Neither side of the picture is longer than this (pixels).
pub const MAX_SIDE: f64 = 16_000.0;
/// The file is never larger than this (bytes).
pub const MAX_BYTES: usize = 3_000_000;
/// Collections of at most this many articles get one lane per article by default.
pub const LANE_LIMIT: usize = 12;
const MARGIN: f64 = 16.0;
/// Width of the lane header column.
const HEADER_W: f64 = 270.0;
const PLOT_LEFT: f64 = MARGIN + HEADER_W + 14.0;
const PLOT_RIGHT: f64 = WIDTH - MARGIN - 10.0;
/// Width of the gap drawn for one axis break.
pub const BREAK_W: f64 = 42.0;
/// Height of one row of events (mark above, label below).
const ROW_H: f64 = 32.0;
const LANE_PAD: f64 = 6.0;
const HEADER_MIN_H: f64 = 64.0;
/// At most this many label rows per article lane; later reports keep their
/// mark (and tooltip) but lose the printed label.
pub const MAX_ROWS: usize = 14;
/// At most this many rows in the story timeline.
pub const MAX_STORY_ROWS: usize = 240;
const LABEL_SIZE: f64 = 11.0;
const LABEL_MAX_W: f64 = 270.0;
/// Between the date wording and the event phrase in a label.
const LABEL_SEP: &str = " · ";
/// Horizontal room kept free after a label before the next item in its row.
const LABEL_GAP: f64 = 10.0;
/// Lanes taller than this get the axis repeated under them.
const TALL: f64 = 700.0;
/// Minimum distance between two labelled ticks.
const MIN_TICK_PX: f64 = 42.0;
/// At most this many conflicts are explained under the picture.
pub const MAX_CONFLICT_NOTES: usize = 30;
/// Room kept under the lanes for the notes when lanes are cut for size.
const FOOT_RESERVE: f64 = 900.0;
/// Bytes kept for everything after the lanes when lanes are cut for size.
const BYTES_RESERVE: usize = 250_000;

/// The colour of conflicts (and of nothing else).
pub const CONFLICT_COLOUR: &str = "#d62728";
const CONFLICT_DARK: &str = "#8b0000";
const STORY_COLOUR: &str = "#1f4e79";
const DENSITY_COLOUR: &str = "#4a7fb5";
const PUBLISHED_COLOUR: &str = "#8a8a8a";
/// Lane colours; none of them is close to the conflict red.
const PALETTE: [&str; 8] = [
    "#1f6fb2", "#2a9d58", "#8e44ad", "#b8860b", "#17868a", "#5b5ea6", "#6b8e23", "#a0527a",
];
const FONT: &str = "Helvetica, Arial, 'DejaVu Sans', sans-serif";

/// When to draw one lane per article.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ArticleLanes {
    /// For collections of at most [`LANE_LIMIT`] articles.
    #[default]
    Auto,
    /// Always (as many as fit in [`MAX_SIDE`] and [`MAX_BYTES`]).
    Always,
    /// Never.
    Never,
}

/// How to draw the picture.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Options {
    /// When to draw one lane per article.
    pub lanes: ArticleLanes,
}

/// Render the chronology as a standalone SVG document.
pub fn render<C: AsV2 + ?Sized>(c: &C) -> String {
    render_with(c, &Options::default())
}

/// Render with options.
pub fn render_with<C: AsV2 + ?Sized>(c: &C, o: &Options) -> String {
    draw(&c.as_v2(), o).1
}

/// The computed geometry, for tests and for callers that want to check the picture.
pub fn layout<C: AsV2 + ?Sized>(c: &C) -> Layout {
    layout_with(c, &Options::default())
}

/// The computed geometry, with options.
pub fn layout_with<C: AsV2 + ?Sized>(c: &C, o: &Options) -> Layout {
    draw(&c.as_v2(), o).0
}

/// Geometry of a rendered timeline.
#[derive(Debug, Clone, PartialEq)]
pub struct Layout {
    /// Picture width in pixels.
    pub width: f64,
    /// Picture height in pixels.
    pub height: f64,
    /// The time scale.
    pub scale: Scale,
    /// Every label printed in the article lanes.
    pub labels: Vec<LabelBox>,
    /// Events whose label was left out of an article lane for want of rows.
    pub hidden_labels: Vec<String>,
    /// Every label printed in the story timeline (`event` is the day).
    pub story_labels: Vec<LabelBox>,
    /// Timeline days left unlabelled for want of rows.
    pub story_hidden: Vec<String>,
    /// Number of article lanes drawn.
    pub lanes: usize,
    /// Number of story timeline entries drawn.
    pub entries: usize,
    /// Articles whose lane was left out to keep within the size limits.
    pub lanes_cut: usize,
}

/// Where a label was printed.
#[derive(Debug, Clone, PartialEq)]
pub struct LabelBox {
    /// The event id (or the timeline day).
    pub event: String,
    /// The printed text.
    pub text: String,
    /// Left edge.
    pub x: f64,
    /// Top edge.
    pub y: f64,
    /// Estimated width.
    pub w: f64,
    /// Height.
    pub h: f64,
}

impl LabelBox {
    /// True when the two boxes share any area.
    pub fn overlaps(&self, o: &LabelBox) -> bool {
        self.x < o.x + o.w && o.x < self.x + self.w && self.y < o.y + o.h && o.y < self.y + self.h
    }
}

/// A pixel value with one decimal, no trailing ".0", never "-0".
fn n(v: f64) -> String {
    let r = if v.is_finite() { (v * 10.0).round() / 10.0 } else { 0.0 };
    if r == 0.0 {
        return "0".to_string();
    }
    let s = format!("{r:.1}");
    match s.strip_suffix(".0") {
        Some(t) => t.to_string(),
        None => s,
    }
}

/// "1,461".
fn thousands(k: usize) -> String {
    let s = k.to_string();
    let mut o = String::new();
    for (i, ch) in s.chars().enumerate() {
        if i > 0 && (s.len() - i) % 3 == 0 {
            o.push(',');
        }
        o.push(ch);
    }
    o
}

/// "1 event", "3 events".
fn count(k: usize, one: &str, many: &str) -> String {
    format!("{} {}", thousands(k), if k == 1 { one } else { many })
}

/// Whether the article lanes are drawn.
fn lanes_on(o: &Options, articles: usize) -> bool {
    match o.lanes {
        ArticleLanes::Auto => articles <= LANE_LIMIT,
        ArticleLanes::Always => true,
        ArticleLanes::Never => false,
    }
}

fn draw(c: &Chronology, o: &Options) -> (Layout, String) {
    let (lanes, blank): (Vec<Lane>, Vec<Lane>) = grouping::lanes(c).into_iter().partition(|l| !is_blank(l, c));
    let blank_docs: Vec<&str> = blank.iter().filter_map(Lane::doc).collect();
    let articles = lanes.iter().filter(|l| l.doc().is_some()).count() + blank_docs.len();
    let with_lanes = lanes_on(o, articles);
    let ix = ConflictIndex::new(c);
    let fit = scale::fit_chronology(c, with_lanes, !with_lanes || articles > LANE_LIMIT);
    let scale = fit.scale.clone();
    let (summary, desc) = labels::summary(c, articles, &scale, &fit);

    // Top to bottom: head, legend, axis, density, story timeline, lanes, foot.
    let axis_y = 142.0;
    let density_top = axis_y + 8.0;
    let dens = density::Density::new(c, &scale);
    let story_top = density_top + density::HEIGHT + 8.0;
    let story = story::place(c, &scale, &ix.of_event);
    let story_h = story::height(&story);
    let lanes_top = story_top + story_h;

    let mut bg = String::new();
    let mut fg = String::new();
    let mut story_labels: Vec<LabelBox> = Vec::new();
    let mut story_hidden: Vec<String> = Vec::new();
    story::draw(&mut fg, &story, story_top, &mut story_labels, &mut story_hidden);
    let mut labels_out: Vec<LabelBox> = Vec::new();
    let mut hidden: Vec<String> = Vec::new();
    let mut mark_at: BTreeMap<String, (f64, f64, f64)> = BTreeMap::new();
    let mut y = lanes_top;
    let mut drawn = 0usize;
    let mut cut = 0usize;
    if with_lanes {
        for (li, lane) in lanes.iter().enumerate() {
            let (items, rows) = lanes::place(c, lane, &scale, &ix.of_event);
            let hidden_here = items.iter().filter(|it| !it.show_label).count();
            let lines = header_lines(lane, lane_colour(li), hidden_here, &ix.of_doc);
            let h = (rows as f64 * ROW_H + 2.0 * LANE_PAD).max(HEADER_MIN_H.max(header_height(&lines)));
            let mut b = String::new();
            let mut f = String::new();
            let (lab, hid) = lanes::draw_lane(&mut b, &mut f, lane, li, &items, &lines, (y, y + h), &scale, &ix);
            let too_tall = y + h > MAX_SIDE - FOOT_RESERVE;
            let too_big = bg.len() + fg.len() + b.len() + f.len() > MAX_BYTES - BYTES_RESERVE;
            if too_tall || too_big {
                cut = lanes.len() - li;
                break;
            }
            for it in &items {
                let cy = y + LANE_PAD + it.row as f64 * ROW_H + 9.0;
                mark_at.entry(it.ev.id.clone()).or_insert((it.mx0, it.mx1, cy));
            }
            bg.push_str(&b);
            fg.push_str(&f);
            labels_out.extend(lab);
            hidden.extend(hid);
            y += h;
            drawn += 1;
        }
    }
    let lanes_bottom = y;
    let mut links = String::new();
    lanes::conflict_links(&mut links, c, &mark_at);
    let foot = labels::Foot::new(c, &fit, &blank_docs, articles, with_lanes, cut);
    let bottom_axis = lanes_bottom - lanes_top > TALL;
    let foot_top = lanes_bottom + if bottom_axis { 70.0 } else { 28.0 };
    let height = (foot_top + foot.height() + 10.0).ceil().min(MAX_SIDE);

    let mut s = String::with_capacity(bg.len() + fg.len() + 65_536);
    head(&mut s, height, 30.0, &summary, &desc);
    let shown = Shown {
        uncertain: fg.contains("class=\"uncertainty\""),
        pinned: with_lanes && c.anchors.iter().any(|a| a.earliest.is_some() && a.earliest == a.latest),
        interval: with_lanes && c.anchors.iter().any(|a| a.earliest != a.latest),
        conflict: !c.conflicts.is_empty() || !ix.of_event.is_empty(),
        breaks: !scale.breaks().is_empty(),
        quiet: scale.segments.iter().any(|g| g.quiet),
    };
    if shown.quiet {
        s.push_str(
            "<defs><pattern id=\"quiet-hatch\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\" \
             patternTransform=\"rotate(45)\"><rect width=\"6\" height=\"6\" fill=\"#f0f0f0\"/>\
             <line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"6\" stroke=\"#c8c8c8\" stroke-width=\"2\"/></pattern></defs>\n",
        );
    }
    legend(&mut s, 76.0, &shown);
    s.push_str(&bg);
    axis(&mut s, &scale, axis_y, Some(lanes_bottom));
    s.push_str(&links);
    dens.draw(&mut s, &scale, density_top);
    if bottom_axis {
        axis(&mut s, &scale, lanes_bottom + 2.0, None);
    }
    s.push_str(&fg);
    foot.draw(&mut s, foot_top);
    s.push_str("</svg>\n");
    let layout = Layout {
        width: WIDTH,
        height,
        scale,
        labels: labels_out,
        hidden_labels: hidden,
        story_labels,
        story_hidden,
        lanes: drawn,
        entries: story.items.len(),
        lanes_cut: cut,
    };
    (layout, s)
}

/// Conflicts looked up by event and by article.
struct ConflictIndex<'a> {
    /// Conflicts of each event: from the event's own list and from the conflict's.
    of_event: BTreeMap<&'a str, Vec<&'a Conflict>>,
    /// Conflicts naming each article.
    of_doc: BTreeMap<&'a str, Vec<&'a Conflict>>,
}

impl<'a> ConflictIndex<'a> {
    fn new(c: &'a Chronology) -> ConflictIndex<'a> {
        let conflict_by_id: BTreeMap<&str, &Conflict> = c.conflicts.iter().map(|k| (k.id.as_str(), k)).collect();
        let mut of_event: BTreeMap<&str, Vec<&Conflict>> = BTreeMap::new();
        for e in &c.events {
            for id in &e.conflicts {
                if let Some(k) = conflict_by_id.get(id.as_str()) {
                    of_event.entry(e.id.as_str()).or_default().push(k);
                }
            }
        }
        for k in &c.conflicts {
            for id in &k.events {
                let v = of_event.entry(id.as_str()).or_default();
                if !v.iter().any(|x| x.id == k.id) {
                    v.push(k);
                }
            }
        }
        let mut of_doc: BTreeMap<&str, Vec<&Conflict>> = BTreeMap::new();
        for k in &c.conflicts {
            for d in &k.docs {
                of_doc.entry(d.as_str()).or_default().push(k);
            }
        }
        ConflictIndex { of_event, of_doc }
    }
}

/// The document's head: the root element, title, description, background,
/// and the title and summary lines.
fn head(s: &mut String, height: f64, title_y: f64, summary: &str, desc: &str) {
    out!(
        s,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{w}\" height=\"{h}\" viewBox=\"0 0 {w} {h}\" \
         role=\"img\" aria-labelledby=\"tl-title tl-desc\" font-family=\"{FONT}\">\n",
        w = n(WIDTH),
        h = n(height)
    );
    out!(s, "<title id=\"tl-title\">Chronology: {}</title>\n", esc(summary));
    out!(s, "<desc id=\"tl-desc\">{}</desc>\n", esc(desc));
    out!(
        s,
        "<rect width=\"{}\" height=\"{}\" fill=\"#ffffff\"/>\n",
        n(WIDTH),
        n(height)
    );
    out!(
        s,
        "<text x=\"{}\" y=\"{}\" font-size=\"19\" font-weight=\"bold\" fill=\"#222\">Chronology</text>\n",
        n(MARGIN),
        n(title_y)
    );
    out!(
        s,
        "<text x=\"{}\" y=\"{}\" font-size=\"13\" fill=\"#444\">{}</text>\n",
        n(MARGIN),
        n(title_y + 20.0),
        esc(summary)
    );
}
