//! The timeline picture: `out/timeline.svg`, drawn from a [`Chronology`] alone.
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
//! time axis      ticks adapt per segment (days, weeks, months, quarters, years … millennia);
//!                long empty stretches are cut out and drawn as an axis break "//"
//! lanes          one per story (events merged across articles) then one per article;
//!                an article with no event, no known date and no conflict gets no
//!                lane: it is named in a "Not drawn" line under the picture;
//!                the header gives title, id and publication date; in the plot the
//!                publication date is a dashed line (pinned) or a band (interval)
//! events         a dot (one day) or a bar (a period), a fainter wider band for
//!                earliest..latest, a label under the mark ("last week · Zelensky
//!                met …", on a white halo); conflicts in red; a merged event is
//!                drawn in its story lane and echoed (hollow) in each article's lane
//! time axis      repeated under the lanes when they are tall
//! conflicts      listed under the lanes with their explanations
//! ```
//!
//! Layout rules: the time scale is piecewise linear over the occupied clusters
//! of dates (see [`Scale`]); labels go into rows by greedy first fit on an
//! estimated text width ([`text_width`]), so they never overlap; numbers are
//! printed with one decimal and nothing is iterated from a hash map, so the
//! same chronology always gives the same bytes.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;

use chrono::{Datelike, NaiveDate};

use crate::emit::lanes::{self as grouping, Lane, LaneKind};
use crate::schema::{AnchorSummary, Chronology, Conflict, Event};

/// Writes into a `String`; `fmt::Write` for `String` never fails, so the
/// result is dropped on purpose.
macro_rules! out {
    ($s:expr, $($arg:tt)*) => {{
        let _ = write!($s, $($arg)*);
    }};
}

mod labels;
mod lanes;
mod legend;
mod scale;
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
/// At most this many label rows per lane; later events keep their mark (and
/// tooltip) but lose the printed label.
pub const MAX_ROWS: usize = 14;
const LABEL_SIZE: f64 = 11.0;
const LABEL_MAX_W: f64 = 270.0;
/// Between the date wording and the event phrase in a label.
const LABEL_SEP: &str = " · ";
/// Horizontal room kept free after a label before the next item in its row.
const LABEL_GAP: f64 = 10.0;
/// A gap between occupied dates becomes an axis break when it is at least
/// this many days long …
const MIN_BREAK_DAYS: i64 = 180;
/// … and at least this share of the whole span.
const BREAK_SHARE: f64 = 0.18;
const MAX_BREAKS: usize = 6;
/// Every cluster of dates gets at least this share of the plot width.
const MIN_SEGMENT_SHARE: f64 = 0.12;
/// Lanes taller than this get the axis repeated under them.
const TALL: f64 = 700.0;
/// Minimum distance between two labelled ticks.
const MIN_TICK_PX: f64 = 42.0;

/// The colour of conflicts (and of nothing else).
pub const CONFLICT_COLOUR: &str = "#d62728";
const CONFLICT_DARK: &str = "#8b0000";
const STORY_COLOUR: &str = "#3d3d3d";
/// Lane colours; none of them is close to the conflict red.
const PALETTE: [&str; 8] = [
    "#1f6fb2", "#2a9d58", "#8e44ad", "#b8860b", "#17868a", "#5b5ea6", "#6b8e23", "#a0527a",
];
const FONT: &str = "Helvetica, Arial, 'DejaVu Sans', sans-serif";

/// Render the chronology as a standalone SVG document.
pub fn render(c: &Chronology) -> String {
    draw(c).1
}

/// The computed geometry, for tests and for callers that want to check the picture.
pub fn layout(c: &Chronology) -> Layout {
    draw(c).0
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
    /// Every printed event label.
    pub labels: Vec<LabelBox>,
    /// Events whose label was left out because their lane ran out of rows.
    pub hidden_labels: Vec<String>,
    /// Number of lanes.
    pub lanes: usize,
}

/// Where an event label was printed.
#[derive(Debug, Clone, PartialEq)]
pub struct LabelBox {
    /// The event id.
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

fn draw(c: &Chronology) -> (Layout, String) {
    let (lanes, blank): (Vec<Lane>, Vec<Lane>) = grouping::lanes(c).into_iter().partition(|l| !is_blank(l, c));
    let blank_docs: Vec<&str> = blank
        .iter()
        .filter_map(|l| match &l.kind {
            LaneKind::Article { doc, .. } => Some(doc.as_str()),
            _ => None,
        })
        .collect();
    let ix = ConflictIndex::new(c);
    let scale = scale::fit_chronology(c);
    let (lane_items, lane_rows): (Vec<Vec<Item>>, Vec<usize>) = lanes
        .iter()
        .map(|lane| lanes::place(c, lane, &scale, &ix.of_event))
        .unzip();
    let (lane_of_doc, echo_lanes) = lanes::echo_lanes(c, &lanes);
    let v = vertical(c, &lanes, &lane_items, &lane_rows, &echo_lanes, &ix.of_doc, &blank_docs);
    let (summary, desc) = labels::summary(c, &lanes, &blank_docs, &scale);

    let mut s = String::with_capacity(4096 + c.events.len() * 900);
    head(&mut s, v.height, v.title_y, &summary, &desc);
    let uncertain = lane_items.iter().flatten().any(|it| it.band.is_some());
    let pinned = c.anchors.iter().any(|a| a.earliest.is_some() && a.earliest == a.latest);
    let interval = c.anchors.iter().any(|a| a.earliest != a.latest);
    let shown = Shown {
        uncertain,
        pinned,
        interval,
        conflict: !c.conflicts.is_empty() || !ix.of_event.is_empty(),
        breaks: scale.segments.len() > 1,
    };
    legend(&mut s, v.legend_y, &shown);

    // Lane backgrounds first, so grid lines and marks sit on top.
    lanes::backgrounds(&mut s, &lanes, &v.lane_tops, v.lanes_bottom);
    axis(&mut s, &scale, v.axis_y, Some(v.lanes_bottom));
    if v.bottom_axis {
        axis(&mut s, &scale, v.lanes_bottom + 2.0, None);
    }
    lanes::headers(&mut s, &lanes, &scale, &v, &ix.of_doc);
    lanes::echoes(&mut s, &lanes, &lane_items, &lane_of_doc, &v.lane_tops, v.lanes_bottom);
    lanes::conflict_links(&mut s, c, &lane_items, &v.lane_tops);
    let (labels, hidden) = lanes::marks(&mut s, &lanes, &lane_items, &v.lane_tops, &ix.of_event);
    labels::foot(&mut s, &v);
    s.push_str("</svg>\n");
    let layout = Layout {
        width: WIDTH,
        height: v.height,
        scale,
        labels,
        hidden_labels: hidden,
        lanes: lanes.len(),
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
        let mut conflicts_of: BTreeMap<&str, Vec<&Conflict>> = BTreeMap::new();
        for e in &c.events {
            for id in &e.conflicts {
                if let Some(k) = conflict_by_id.get(id.as_str()) {
                    conflicts_of.entry(e.id.as_str()).or_default().push(k);
                }
            }
        }
        for k in &c.conflicts {
            for id in &k.events {
                let v = conflicts_of.entry(id.as_str()).or_default();
                if !v.iter().any(|x| x.id == k.id) {
                    v.push(k);
                }
            }
        }
        let mut conflicts_of_doc: BTreeMap<&str, Vec<&Conflict>> = BTreeMap::new();
        for k in &c.conflicts {
            for d in &k.docs {
                conflicts_of_doc.entry(d.as_str()).or_default().push(k);
            }
        }
        ConflictIndex {
            of_event: conflicts_of,
            of_doc: conflicts_of_doc,
        }
    }
}

/// Where each part of the picture goes, top to bottom.
struct Vertical<'a> {
    title_y: f64,
    legend_y: f64,
    axis_y: f64,
    /// Top of each lane.
    lane_tops: Vec<f64>,
    /// Each lane's header, line by line.
    lane_headers: Vec<Vec<HeaderLine>>,
    lanes_bottom: f64,
    /// Each conflict with its explanation wrapped.
    conflict_lines: Vec<(&'a Conflict, Vec<String>)>,
    /// Tall pictures repeat the axis under the lanes.
    bottom_axis: bool,
    conflicts_top: f64,
    blank_top: f64,
    /// The "Not drawn" note, wrapped.
    blank_lines: Vec<String>,
    height: f64,
}

/// The vertical layout.
fn vertical<'a>(
    c: &'a Chronology,
    lanes: &[Lane],
    lane_items: &[Vec<Item>],
    lane_rows: &[usize],
    echo_lanes: &BTreeSet<usize>,
    conflicts_of_doc: &BTreeMap<&str, Vec<&Conflict>>,
    blank_docs: &[&str],
) -> Vertical<'a> {
    let title_y = 30.0;
    let legend_y = 76.0;
    let axis_top = 104.0;
    let axis_y = axis_top + 38.0;
    let lanes_top = axis_y + 10.0;
    let mut lane_tops: Vec<f64> = Vec::with_capacity(lanes.len());
    let mut lane_headers: Vec<Vec<HeaderLine>> = Vec::with_capacity(lanes.len());
    let mut y = lanes_top;
    for (li, lane) in lanes.iter().enumerate() {
        lane_tops.push(y);
        let hidden = lane_items[li].iter().filter(|it| !it.show_label).count();
        let lines = header_lines(lane, lane_colour(li, lane), hidden, conflicts_of_doc);
        // Room for the echoes of merged events under the last row.
        let echo = if echo_lanes.contains(&li) { 8.0 } else { 0.0 };
        let h = (lane_rows[li] as f64 * ROW_H + 2.0 * LANE_PAD + echo).max(HEADER_MIN_H.max(header_height(&lines)));
        lane_headers.push(lines);
        y += h;
    }
    let lanes_bottom = y;
    let conflict_lines: Vec<(&Conflict, Vec<String>)> = c
        .conflicts
        .iter()
        .map(|k| {
            let head = format!("⚠ {} ({}): {}", k.kind, k.docs.join(", "), k.explanation);
            (k, wrap(&head, WIDTH - 2.0 * MARGIN - 20.0, 12.0))
        })
        .collect();
    // Tall pictures repeat the axis under the lanes.
    let bottom_axis = lanes_bottom - lanes_top > TALL;
    let mut foot_y = lanes_bottom + if bottom_axis { 70.0 } else { 28.0 };
    let conflicts_top = foot_y;
    if !conflict_lines.is_empty() {
        foot_y += 20.0
            + conflict_lines
                .iter()
                .map(|(_, l)| l.len() as f64 * 16.0 + 4.0)
                .sum::<f64>();
    }
    let blank_top = foot_y;
    let blank_lines = if blank_docs.is_empty() {
        Vec::new()
    } else {
        let head = format!(
            "Not drawn: {} article{} with no dated event and no known publication date: {}.",
            blank_docs.len(),
            if blank_docs.len() == 1 { "" } else { "s" },
            blank_docs.join(", ")
        );
        wrap(&head, WIDTH - 2.0 * MARGIN, 12.0)
    };
    if !blank_lines.is_empty() {
        foot_y += blank_lines.len() as f64 * 16.0 + 8.0;
    }
    let height = (foot_y + 10.0).ceil();
    Vertical {
        title_y,
        legend_y,
        axis_y,
        lane_tops,
        lane_headers,
        lanes_bottom,
        conflict_lines,
        bottom_axis,
        conflicts_top,
        blank_top,
        blank_lines,
        height,
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
