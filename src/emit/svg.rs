//! The timeline picture: `out/timeline.svg`, drawn from a [`Chronology`] alone.
//!
//! ```
//! use chronology::chronology::Chronology;
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

use super::lanes::{self, Lane, LaneKind};
use crate::chronology::{AnchorSummary, Chronology, Conflict, Event};

/// Writes into a `String`; `fmt::Write` for `String` never fails, so the
/// result is dropped on purpose.
macro_rules! out {
    ($s:expr, $($arg:tt)*) => {{
        let _ = write!($s, $($arg)*);
    }};
}

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

/// One linear piece of the time scale: days `from..to` (day numbers counted
/// from 0001-01-01 = 1, `to` exclusive) drawn between `x0` and `x1`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Segment {
    /// First day (day number, see [`day_number`]).
    pub from: i64,
    /// One past the last day.
    pub to: i64,
    /// Left pixel.
    pub x0: f64,
    /// Right pixel.
    pub x1: f64,
}

/// A piecewise-linear time scale: the occupied clusters of dates, with an axis
/// break between consecutive segments.
#[derive(Debug, Clone, PartialEq)]
pub struct Scale {
    /// The segments, left to right, not overlapping.
    pub segments: Vec<Segment>,
}

/// Day number of a date (0001-01-01 is 1), wide enough that `+ 1` never overflows.
pub fn day_number(d: NaiveDate) -> i64 {
    i64::from(d.num_days_from_ce())
}

fn date_of(n: i64) -> Option<NaiveDate> {
    i32::try_from(n).ok().and_then(NaiveDate::from_num_days_from_ce_opt)
}

impl Scale {
    /// Build the scale for the given day numbers, drawn between `left` and `right`.
    ///
    /// Gaps between consecutive dates of at least 180 days and 18 % of the
    /// whole span (the largest six of them) are cut out. Each remaining
    /// cluster is padded by 2.5 % of the occupied time and gets width in
    /// proportion to its length, but never less than 12 % of the plot.
    pub fn fit(days: &[i64], left: f64, right: f64) -> Scale {
        let mut pts: Vec<i64> = days.to_vec();
        pts.sort_unstable();
        pts.dedup();
        let (Some(&lo), Some(&hi)) = (pts.first(), pts.last()) else {
            return Scale { segments: Vec::new() };
        };
        let total = (hi - lo).max(1) as f64;
        let threshold = (MIN_BREAK_DAYS as f64).max(total * BREAK_SHARE);
        let mut gaps: Vec<(i64, usize)> = pts
            .windows(2)
            .enumerate()
            .map(|(i, w)| (w[1] - w[0], i))
            .filter(|(g, _)| *g as f64 >= threshold)
            .collect();
        // Largest first; equal gaps keep their left-to-right order.
        gaps.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
        gaps.truncate(MAX_BREAKS);
        let mut cuts: Vec<usize> = gaps.into_iter().map(|(_, i)| i).collect();
        cuts.sort_unstable();
        let mut clusters: Vec<(i64, i64)> = Vec::with_capacity(cuts.len() + 1);
        let mut start = 0usize;
        for &i in &cuts {
            clusters.push((pts[start], pts[i]));
            start = i + 1;
        }
        clusters.push((pts[start], hi));
        let occupied: i64 = clusters.iter().map(|(a, b)| b - a).sum();
        let pad = (0.025 * occupied.max(1) as f64).ceil().max(1.0) as i64;
        let spans: Vec<(i64, i64)> = clusters.iter().map(|&(a, b)| (a - pad, b + pad)).collect();
        let lens: Vec<f64> = spans.iter().map(|(a, b)| (b - a) as f64).collect();
        let sum: f64 = lens.iter().sum();
        let weights: Vec<f64> = lens.iter().map(|l| l.max(MIN_SEGMENT_SHARE * sum)).collect();
        let wsum: f64 = weights.iter().sum();
        let avail = (right - left - BREAK_W * cuts.len() as f64).max(1.0);
        let mut x = left;
        let segments = spans
            .iter()
            .zip(&weights)
            .map(|(&(from, to), w)| {
                let x0 = x;
                let x1 = x0 + avail * w / wsum;
                x = x1 + BREAK_W;
                Segment { from, to, x0, x1 }
            })
            .collect();
        Scale { segments }
    }

    /// Pixel of a (fractional) day number. Days before the first segment or
    /// after the last are clamped; days inside a break are spread over the break.
    pub fn x(&self, day: f64) -> f64 {
        let segs = &self.segments;
        let (Some(first), Some(last)) = (segs.first(), segs.last()) else {
            return PLOT_LEFT;
        };
        if day <= first.from as f64 {
            return first.x0;
        }
        if day >= last.to as f64 {
            return last.x1;
        }
        // First segment whose end is past `day`.
        let i = segs.partition_point(|s| (s.to as f64) <= day);
        let s = segs[i.min(segs.len() - 1)];
        if day >= s.from as f64 {
            s.x0 + (day - s.from as f64) / ((s.to - s.from).max(1) as f64) * (s.x1 - s.x0)
        } else {
            // Inside the break before segment i (i ≥ 1 because day > first.from).
            let p = segs[i.saturating_sub(1)];
            let frac = (day - p.to as f64) / ((s.from - p.to).max(1) as f64);
            p.x1 + frac * (s.x0 - p.x1)
        }
    }

    /// The breaks: (last day before, first day after, left pixel, right pixel).
    pub fn breaks(&self) -> Vec<(i64, i64, f64, f64)> {
        self.segments
            .windows(2)
            .map(|w| (w[0].to, w[1].from, w[0].x1, w[1].x0))
            .collect()
    }
}

/// Estimated width in pixels of `s` set in a sans-serif face at `size` px.
/// Deliberately generous (about DejaVu Sans, the widest common fallback), so
/// labels placed apart stay apart in narrower faces.
pub fn text_width(s: &str, size: f64) -> f64 {
    let em: f64 = s
        .chars()
        .map(|c| match c {
            'i' | 'j' | 'l' | '.' | ',' | ':' | ';' | '\'' | '|' | '!' | '’' | '‘' => 0.32,
            ' ' | 'f' | 't' | 'r' | 'I' | '(' | ')' | '[' | ']' | '-' | '/' => 0.42,
            'm' | 'w' | '…' => 0.92,
            'M' | 'W' | '⚠' => 1.0,
            '0'..='9' => 0.64,
            'A'..='Z' => 0.72,
            'a'..='z' => 0.61,
            c if (c as u32) >= 0x2E80 => 1.0,
            _ => 0.72,
        })
        .sum();
    em * size
}

/// `s` shortened at a word boundary (with "…") to fit `max_w` pixels.
pub fn fit_text(s: &str, max_w: f64, size: f64) -> String {
    let s: String = s.split_whitespace().collect::<Vec<_>>().join(" ");
    if text_width(&s, size) <= max_w {
        return s;
    }
    let budget = max_w - text_width("…", size);
    let mut used = 0.0;
    let mut cut = 0;
    let mut last_space = None;
    for (i, c) in s.char_indices() {
        let w = text_width(c.encode_utf8(&mut [0u8; 4]), size);
        if used + w > budget {
            break;
        }
        used += w;
        cut = i + c.len_utf8();
        if c == ' ' {
            last_space = Some(i);
        }
    }
    // Prefer a word boundary unless it throws away more than a third.
    let end = match last_space {
        Some(sp) if sp * 3 >= cut * 2 => sp,
        _ => cut,
    };
    format!("{}…", s[..end].trim_end_matches([' ', ',', ';', ':']))
}

/// Escape text for XML content and attribute values, dropping characters XML 1.0 forbids.
pub fn esc(s: &str) -> String {
    let mut o = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => o.push_str("&amp;"),
            '<' => o.push_str("&lt;"),
            '>' => o.push_str("&gt;"),
            '"' => o.push_str("&quot;"),
            '\'' => o.push_str("&apos;"),
            '\t' | '\n' | '\r' => o.push(c),
            c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => {}
            c => o.push(c),
        }
    }
    o
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

const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

fn month_abbr(d: NaiveDate) -> &'static str {
    MONTHS[d.month0() as usize % 12]
}

/// "14 Feb 2026".
pub fn human_day(d: NaiveDate) -> String {
    format!("{} {} {}", d.day(), month_abbr(d), d.year())
}

/// A date range in words at its natural precision: "2024", "Sep – Nov 2024", "4 – 5 Feb 2026".
pub fn human_range(a: NaiveDate, b: NaiveDate) -> String {
    let (a, b) = if b < a { (b, a) } else { (a, b) };
    let month_start = a.day() == 1;
    let month_end = b.succ_opt().is_none_or(|n| n.day() == 1);
    if a == b {
        human_day(a)
    } else if month_start && a.month() == 1 && month_end && b.month() == 12 {
        if a.year() == b.year() {
            a.year().to_string()
        } else {
            format!("{} – {}", a.year(), b.year())
        }
    } else if month_start && month_end {
        if a.year() == b.year() && a.month() == b.month() {
            format!("{} {}", month_abbr(a), a.year())
        } else if a.year() == b.year() {
            format!("{} – {} {}", month_abbr(a), month_abbr(b), a.year())
        } else {
            format!("{} {} – {} {}", month_abbr(a), a.year(), month_abbr(b), b.year())
        }
    } else if a.year() == b.year() && a.month() == b.month() {
        format!("{} – {} {} {}", a.day(), b.day(), month_abbr(a), a.year())
    } else {
        format!("{} – {}", human_day(a), human_day(b))
    }
}

/// A gap length in words: "8 years", "7 months", "40 days".
fn human_gap(days: i64) -> String {
    if days >= 548 {
        format!("{} yrs", (days as f64 / 365.25).round())
    } else if days >= 60 {
        format!("{} mo", (days as f64 / 30.44).round())
    } else {
        format!("{days} d")
    }
}

/// Tick units, smallest first.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Unit {
    /// Every n-th day (1, 2: every day; 7: 1, 8, 15, 22; 14: 1, 15).
    Days(u32),
    Months(u32),
    Years(i64),
}

impl Unit {
    fn approx_days(self) -> f64 {
        match self {
            Unit::Days(k) => f64::from(k),
            Unit::Months(k) => 30.44 * f64::from(k),
            Unit::Years(k) => 365.25 * k as f64,
        }
    }
}

const UNITS: [Unit; 20] = [
    Unit::Days(1),
    Unit::Days(2),
    Unit::Days(7),
    Unit::Days(14),
    Unit::Months(1),
    Unit::Months(3),
    Unit::Months(6),
    Unit::Years(1),
    Unit::Years(2),
    Unit::Years(5),
    Unit::Years(10),
    Unit::Years(20),
    Unit::Years(50),
    Unit::Years(100),
    Unit::Years(200),
    Unit::Years(500),
    Unit::Years(1000),
    Unit::Years(5000),
    Unit::Years(10000),
    Unit::Years(100000),
];

/// A tick: its day, its label, and the context label (month or year) when it starts one.
struct Tick {
    day: i64,
    /// Where the label goes: the middle of the day, month or year when the
    /// unit is one of those (the label names the period), else the tick.
    label_at: f64,
    label: String,
    context: Option<String>,
}

/// The ticks of one segment at the smallest unit that leaves [`MIN_TICK_PX`] between them.
fn ticks(seg: &Segment) -> Vec<Tick> {
    let px_per_day = (seg.x1 - seg.x0) / ((seg.to - seg.from).max(1) as f64);
    let unit = UNITS
        .iter()
        .copied()
        .find(|u| u.approx_days() * px_per_day >= MIN_TICK_PX)
        .unwrap_or(Unit::Years(100000));
    let (Some(first), Some(last)) = (date_of(seg.from), date_of(seg.to - 1)) else {
        return Vec::new();
    };
    let mut out: Vec<Tick> = Vec::new();
    // Bounded: at most one tick per MIN_TICK_PX of the segment, plus slack.
    let cap = ((seg.x1 - seg.x0) / MIN_TICK_PX) as usize + 4;
    match unit {
        Unit::Days(k) => {
            let mut d = first;
            let mut prev_month: Option<(i32, u32)> = None;
            while d <= last && out.len() < cap * 2 {
                let keep = match k {
                    1 => true,
                    2 => d.day() % 2 == 1 && d.day() < 31,
                    7 => matches!(d.day(), 1 | 8 | 15 | 22),
                    _ => matches!(d.day(), 1 | 15),
                };
                if keep {
                    let ym = (d.year(), d.month());
                    let context = (prev_month != Some(ym)).then(|| format!("{} {}", month_abbr(d), d.year()));
                    prev_month = Some(ym);
                    let dn = day_number(d);
                    out.push(Tick {
                        day: dn,
                        label_at: if k == 1 { dn as f64 + 0.5 } else { dn as f64 },
                        label: d.day().to_string(),
                        context,
                    });
                }
                match d.succ_opt() {
                    Some(s) => d = s,
                    None => break,
                }
            }
        }
        Unit::Months(k) => {
            let (mut y, mut m0) = (first.year(), first.month0());
            if first.day() != 1 {
                m0 += 1;
            }
            let mut prev_year: Option<i32> = None;
            while out.len() < cap {
                if m0 >= 12 {
                    y += 1;
                    m0 -= 12;
                }
                let Some(d) = NaiveDate::from_ymd_opt(y, m0 + 1, 1) else {
                    break;
                };
                if d > last {
                    break;
                }
                if m0 % k == 0 {
                    let context = (prev_year != Some(y)).then(|| y.to_string());
                    prev_year = Some(y);
                    let dn = day_number(d);
                    out.push(Tick {
                        day: dn,
                        label_at: if k == 1 { dn as f64 + 15.2 } else { dn as f64 },
                        label: MONTHS[m0 as usize].to_string(),
                        context,
                    });
                }
                m0 += 1;
            }
        }
        Unit::Years(k) => {
            let fy = i64::from(first.year());
            let mut y = if first.month() == 1 && first.day() == 1 {
                fy
            } else {
                fy + 1
            };
            y = y.div_euclid(k) * k + if y.rem_euclid(k) == 0 { 0 } else { k };
            while out.len() < cap {
                let Some(d) = i32::try_from(y).ok().and_then(|yy| NaiveDate::from_ymd_opt(yy, 1, 1)) else {
                    break;
                };
                if d > last {
                    break;
                }
                let dn = day_number(d);
                out.push(Tick {
                    day: dn,
                    label_at: if k == 1 { dn as f64 + 182.6 } else { dn as f64 },
                    label: y.to_string(),
                    context: None,
                });
                y += k;
            }
        }
    }
    out
}

/// The printed label: the wording of the date, then what happened
/// ("last week · Zelensky met UK and EU leaders"), within [`LABEL_MAX_W`]. The
/// wording gets at most 45 % of the room, so a long one ("the same period in
/// the previous year") leaves some of the event phrase visible.
fn event_label(ev: &Event, conflict: bool) -> String {
    let mut label = if conflict { "⚠ ".to_string() } else { String::new() };
    let (expr, text) = (ev.expression.trim(), ev.text.trim());
    if expr.is_empty() || text.is_empty() {
        label.push_str(expr);
        label.push_str(text);
        return fit_text(&label, LABEL_MAX_W, LABEL_SIZE);
    }
    label.push_str(&fit_text(expr, 0.45 * LABEL_MAX_W, LABEL_SIZE));
    label.push_str(LABEL_SEP);
    let room = LABEL_MAX_W - text_width(&label, LABEL_SIZE);
    label.push_str(&fit_text(text, room, LABEL_SIZE));
    label
}

/// What each event looks like once placed.
struct Item<'a> {
    ev: &'a Event,
    /// Mark extent (a dot when `point`).
    mx0: f64,
    mx1: f64,
    point: bool,
    /// Uncertainty band, when wider than the mark.
    band: Option<(f64, f64)>,
    label: String,
    lx: f64,
    lw: f64,
    conflict: bool,
    row: usize,
    show_label: bool,
}

fn lane_colour(i: usize, lane: &Lane) -> &'static str {
    match lane.kind {
        LaneKind::Story { .. } | LaneKind::Unattributed => STORY_COLOUR,
        _ => PALETTE[i % PALETTE.len()],
    }
}

/// The publication date of an anchor in words, and its status with the best guess.
fn pub_words(a: &AnchorSummary) -> (String, String) {
    let date = match (a.earliest, a.latest) {
        (Some(e), Some(l)) if e == l => format!("published {}", human_day(e)),
        (Some(e), Some(l)) => format!("published {} – {}", human_day(e), human_day(l)),
        (Some(e), None) => format!("published after {}", human_day(e)),
        (None, Some(l)) => format!("published before {}", human_day(l)),
        (None, None) => "publication date unknown".to_string(),
    };
    let mut status = a.status.replace('-', " ");
    if let Some(b) = a.best {
        if a.earliest != a.latest || a.earliest.is_none() {
            out!(status, " · best guess {}", human_day(b));
        }
    }
    match (a.text_earliest, a.text_latest) {
        (Some(e), Some(l)) => out!(status, " · text alone: {} – {}", human_day(e), human_day(l)),
        (Some(e), None) => out!(status, " · text alone: after {}", human_day(e)),
        (None, Some(l)) => out!(status, " · text alone: before {}", human_day(l)),
        (None, None) => {}
    }
    (date, status)
}

/// The event tooltip: what, when, from where, how sure, what conflicts.
fn event_tooltip(ev: &Event, conflicts: &[&Conflict]) -> String {
    let mut t = format!("{}\n\"{}\" = {}", ev.text.trim(), ev.expression, ev.value);
    out!(t, "\n{}", human_range(ev.start, ev.end));
    if ev.earliest.is_some() || ev.latest.is_some() {
        let e = ev.earliest.map_or_else(|| "?".to_string(), human_day);
        let l = ev.latest.map_or_else(|| "?".to_string(), human_day);
        out!(t, "\nuncertain: between {e} and {l}");
    }
    let docs = lanes::event_docs(ev);
    if !docs.is_empty() {
        out!(t, "\nfrom {}", docs.join(", "));
    }
    for s in &ev.sources {
        out!(t, "\n· {}: {}", s.doc, s.text.trim());
    }
    for c in conflicts {
        out!(t, "\nCONFLICT ({}): {}", c.kind, c.explanation);
    }
    out!(t, "\n[{}]", ev.id);
    t
}

/// Lines of at most `max_w` pixels, broken at spaces.
fn wrap(s: &str, max_w: f64, size: f64) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut cur = String::new();
    for w in s.split_whitespace() {
        let trial = if cur.is_empty() {
            w.to_string()
        } else {
            format!("{cur} {w}")
        };
        if text_width(&trial, size) > max_w && !cur.is_empty() {
            lines.push(std::mem::take(&mut cur));
            cur = w.to_string();
        } else {
            cur = trial;
        }
    }
    if !cur.is_empty() {
        lines.push(cur);
    }
    lines
}

/// Valid XML name characters for an `id` (a conservative ASCII subset).
fn is_xml_id(s: &str) -> bool {
    let mut cs = s.chars();
    matches!(cs.next(), Some(c) if c.is_ascii_alphabetic() || c == '_')
        && cs.all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'))
}

/// An article lane with nothing to draw: no event, no known publication
/// date, no conflict. Such lanes are listed under the picture, not drawn.
fn is_blank(lane: &lanes::Lane, c: &Chronology) -> bool {
    let LaneKind::Article { doc, anchor } = &lane.kind else {
        return false;
    };
    let dated = anchor.as_ref().is_some_and(|a| {
        [a.earliest, a.latest, a.best, a.text_earliest, a.text_latest]
            .iter()
            .any(Option::is_some)
    });
    lane.events.is_empty() && !dated && !c.conflicts.iter().any(|k| k.docs.contains(doc))
}

fn draw(c: &Chronology) -> (Layout, String) {
    let (lanes, blank): (Vec<lanes::Lane>, Vec<lanes::Lane>) =
        lanes::lanes(c).into_iter().partition(|l| !is_blank(l, c));
    let blank_docs: Vec<&str> = blank
        .iter()
        .filter_map(|l| match &l.kind {
            LaneKind::Article { doc, .. } => Some(doc.as_str()),
            _ => None,
        })
        .collect();
    let conflict_by_id: BTreeMap<&str, &Conflict> = c.conflicts.iter().map(|k| (k.id.as_str(), k)).collect();
    // Conflicts of each event: from the event's own list and from the conflict's.
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

    // The time scale over every date that is drawn.
    let mut days: Vec<i64> = Vec::with_capacity(c.events.len() * 2 + c.anchors.len() * 2);
    for e in &c.events {
        let (s, t) = (e.start.min(e.end), e.start.max(e.end));
        days.push(day_number(s));
        days.push(day_number(t) + 1);
        if let Some(d) = e.earliest {
            days.push(day_number(d));
        }
        if let Some(d) = e.latest {
            days.push(day_number(d) + 1);
        }
    }
    for a in &c.anchors {
        for d in [a.earliest, a.best, a.text_earliest].into_iter().flatten() {
            days.push(day_number(d));
        }
        for d in [a.latest, a.best, a.text_latest].into_iter().flatten() {
            days.push(day_number(d) + 1);
        }
    }
    let scale = Scale::fit(&days, PLOT_LEFT, PLOT_RIGHT);

    // Place every event in its lane.
    let mut lane_items: Vec<Vec<Item>> = Vec::with_capacity(lanes.len());
    let mut lane_rows: Vec<usize> = Vec::with_capacity(lanes.len());
    for lane in &lanes {
        let mut items: Vec<Item> = lane
            .events
            .iter()
            .map(|&i| {
                let ev = &c.events[i];
                let (s, t) = (ev.start.min(ev.end), ev.start.max(ev.end));
                let (xs, xe) = (scale.x(day_number(s) as f64), scale.x((day_number(t) + 1) as f64));
                let point = xe - xs < 4.0;
                let (mx0, mx1) = if point {
                    let cx = (xs + xe) / 2.0;
                    (cx - 4.5, cx + 4.5)
                } else {
                    (xs, xe)
                };
                let band = if ev.earliest.is_some() || ev.latest.is_some() {
                    let e = ev.earliest.map_or(s, |d| d.min(s));
                    let l = ev.latest.map_or(t, |d| d.max(t));
                    let (b0, b1) = (scale.x(day_number(e) as f64), scale.x((day_number(l) + 1) as f64));
                    (b0 < mx0 - 1.0 || b1 > mx1 + 1.0).then_some((b0.min(mx0), b1.max(mx1)))
                } else {
                    None
                };
                let conflict = conflicts_of.contains_key(ev.id.as_str());
                let label = event_label(ev, conflict);
                let lw = text_width(&label, LABEL_SIZE);
                // A label that would run off the right edge ends under its mark instead.
                let lx = if mx0 + lw > PLOT_RIGHT {
                    (mx1 - lw).clamp(PLOT_LEFT, PLOT_RIGHT - lw)
                } else {
                    mx0
                };
                Item {
                    ev,
                    mx0,
                    mx1,
                    point,
                    band,
                    label,
                    lx,
                    lw,
                    conflict,
                    row: 0,
                    show_label: true,
                }
            })
            .collect();
        // Greedy first fit, left to right (stable for equal left edges).
        let mut order: Vec<usize> = (0..items.len()).collect();
        let left = |it: &Item| it.mx0.min(it.band.map_or(it.mx0, |b| b.0)).min(it.lx);
        order.sort_by(|&a, &b| left(&items[a]).total_cmp(&left(&items[b])).then(a.cmp(&b)));
        let mut row_end: Vec<f64> = Vec::new();
        for &k in &order {
            let it = &items[k];
            let l = left(it) - 2.0;
            let r_mark = it.mx1.max(it.band.map_or(it.mx1, |b| b.1)) + 3.0;
            let r = r_mark.max(it.lx + it.lw + LABEL_GAP);
            let (row, end, show) = match row_end.iter().position(|&e| e <= l) {
                Some(p) => (p, r, true),
                None if row_end.len() < MAX_ROWS => (row_end.len(), r, true),
                None => {
                    // Out of rows: keep the mark in the row that frees up first, drop the label.
                    let (p, _) =
                        row_end.iter().enumerate().fold(
                            (0usize, f64::INFINITY),
                            |acc, (i, &e)| if e < acc.1 { (i, e) } else { acc },
                        );
                    (p, row_end[p].max(r_mark), false)
                }
            };
            if row == row_end.len() {
                row_end.push(end);
            } else {
                row_end[row] = end;
            }
            items[k].row = row;
            items[k].show_label = show;
        }
        lane_rows.push(row_end.len());
        lane_items.push(items);
    }

    // A merged event is drawn once, in its story lane; each article that tells
    // it gets a small hollow echo at the foot of its own lane, so the article's
    // lane still shows everything the article says.
    let lane_of_doc: BTreeMap<&str, usize> = lanes
        .iter()
        .enumerate()
        .filter_map(|(i, l)| match &l.kind {
            LaneKind::Article { doc, .. } => Some((doc.as_str(), i)),
            _ => None,
        })
        .collect();
    let echo_lanes: BTreeSet<usize> = lanes
        .iter()
        .filter(|l| matches!(l.kind, LaneKind::Story { .. }))
        .flat_map(|l| l.events.iter())
        .flat_map(|&i| lanes::event_docs(&c.events[i]))
        .filter_map(|d| lane_of_doc.get(d).copied())
        .collect();

    // Vertical layout.
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
        let lines = header_lines(lane, lane_colour(li, lane), hidden, &conflicts_of_doc);
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

    // Summary for the title and <desc>.
    let first = c.events.iter().map(|e| e.start.min(e.end)).min();
    let last = c.events.iter().map(|e| e.end.max(e.start)).max();
    let span_words = match (first, last) {
        (Some(a), Some(b)) if a.year() == b.year() => a.year().to_string(),
        (Some(a), Some(b)) => format!("{} – {}", a.year(), b.year()),
        _ => "no dated events".to_string(),
    };
    let articles = lanes
        .iter()
        .filter(|l| matches!(l.kind, LaneKind::Article { .. }))
        .count()
        + blank_docs.len();
    let summary = format!(
        "{} events from {} article{}, {}; {} conflict{}",
        c.events.len(),
        articles,
        if articles == 1 { "" } else { "s" },
        span_words,
        c.conflicts.len(),
        if c.conflicts.len() == 1 { "" } else { "s" }
    );
    let mut desc = format!("Timeline of {summary}. One lane per article (stories merged across articles first).");
    for (from, to, _, _) in scale.breaks() {
        if let (Some(a), Some(b)) = (date_of(from), date_of(to)) {
            out!(
                desc,
                " The axis skips the empty stretch {} – {}.",
                human_day(a),
                human_day(b)
            );
        }
    }
    for k in &c.conflicts {
        out!(desc, " Conflict ({}): {}", k.kind, k.explanation);
    }
    if !blank_docs.is_empty() {
        out!(
            desc,
            " Not drawn, having no dated event and no known publication date: {}.",
            blank_docs.join(", ")
        );
    }

    let mut s = String::with_capacity(4096 + c.events.len() * 900);
    out!(
        s,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{w}\" height=\"{h}\" viewBox=\"0 0 {w} {h}\" \
         role=\"img\" aria-labelledby=\"tl-title tl-desc\" font-family=\"{FONT}\">\n",
        w = n(WIDTH),
        h = n(height)
    );
    out!(s, "<title id=\"tl-title\">Chronology: {}</title>\n", esc(&summary));
    out!(s, "<desc id=\"tl-desc\">{}</desc>\n", esc(&desc));
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
        esc(&summary)
    );
    let uncertain = lane_items.iter().flatten().any(|it| it.band.is_some());
    let pinned = c.anchors.iter().any(|a| a.earliest.is_some() && a.earliest == a.latest);
    let interval = c.anchors.iter().any(|a| a.earliest != a.latest);
    let shown = Shown {
        uncertain,
        pinned,
        interval,
        conflict: !c.conflicts.is_empty() || !conflicts_of.is_empty(),
        breaks: scale.segments.len() > 1,
    };
    legend(&mut s, legend_y, &shown);

    // Lane backgrounds first, so grid lines and marks sit on top.
    for (li, lane) in lanes.iter().enumerate() {
        let top = lane_tops[li];
        let bottom = lane_tops.get(li + 1).copied().unwrap_or(lanes_bottom);
        let fill = if li % 2 == 0 { "#f7f7f5" } else { "#ffffff" };
        out!(
            s,
            "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"{fill}\"/>\n",
            n(MARGIN),
            n(top),
            n(WIDTH - 2.0 * MARGIN),
            n(bottom - top)
        );
        let colour = lane_colour(li, lane);
        out!(
            s,
            "<rect x=\"{}\" y=\"{}\" width=\"4\" height=\"{}\" fill=\"{colour}\"/>\n",
            n(MARGIN),
            n(top),
            n(bottom - top)
        );
    }
    axis(&mut s, &scale, axis_y, Some(lanes_bottom));
    if bottom_axis {
        axis(&mut s, &scale, lanes_bottom + 2.0, None);
    }

    for (li, lane) in lanes.iter().enumerate() {
        let top = lane_tops[li];
        let bottom = lane_tops.get(li + 1).copied().unwrap_or(lanes_bottom);
        let colour = lane_colour(li, lane);
        lane_header(&mut s, lane, top, &lane_headers[li], &conflicts_of_doc);
        if let LaneKind::Article { doc, anchor: Some(a) } = &lane.kind {
            // Conflicts that name events are drawn on the events; the others
            // (a page date against the body, say) belong to the publication date.
            let own: Vec<&Conflict> = conflicts_of_doc
                .get(doc.as_str())
                .map_or(&[][..], Vec::as_slice)
                .iter()
                .copied()
                .filter(|k| k.events.is_empty())
                .collect();
            publication(&mut s, &scale, a, top, bottom, colour, &own);
        }
    }

    for (li, lane) in lanes.iter().enumerate() {
        if !matches!(lane.kind, LaneKind::Story { .. }) {
            continue;
        }
        for it in &lane_items[li] {
            for d in lanes::event_docs(it.ev) {
                let Some(&target) = lane_of_doc.get(d) else { continue };
                let bottom = lane_tops.get(target + 1).copied().unwrap_or(lanes_bottom);
                let w = (it.mx1 - it.mx0).max(6.0);
                out!(
                    s,
                    "<g class=\"echo\" data-echo=\"{}\"><title>{}</title><rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"6\" \
                     rx=\"2\" fill=\"none\" stroke=\"{}\" stroke-width=\"1.2\"/></g>\n",
                    esc(&it.ev.id),
                    esc(&format!("Also told here (drawn in the story lane): {}", it.label)),
                    n(it.mx0 + (it.mx1 - it.mx0 - w) / 2.0),
                    n(bottom - 9.0),
                    n(w),
                    if it.conflict { CONFLICT_COLOUR } else { lane_colour(target, &lanes[target]) }
                );
            }
        }
    }

    // Conflicts between several events: a dashed red line joins their marks,
    // under the marks, so the reader sees which dates contradict each other.
    // Each mark as (left, right, centre y).
    let mut mark_at: BTreeMap<&str, (f64, f64, f64)> = BTreeMap::new();
    for (li, items) in lane_items.iter().enumerate() {
        for it in items {
            let cy = lane_tops[li] + LANE_PAD + it.row as f64 * ROW_H + 9.0;
            mark_at.entry(it.ev.id.as_str()).or_insert((it.mx0, it.mx1, cy));
        }
    }
    for k in &c.conflicts {
        let mut marks: Vec<(f64, f64, f64)> = k
            .events
            .iter()
            .filter_map(|id| mark_at.get(id.as_str()).copied())
            .collect();
        if marks.len() < 2 {
            continue;
        }
        marks.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.2.total_cmp(&b.2)));
        // Join each mark's right end to the next one's left end (centres when they overlap),
        // so the line does not run along a bar and over its label.
        let mut d = String::new();
        for w in marks.windows(2) {
            let (a, b) = (w[0], w[1]);
            let (xa, xb) = if a.1 <= b.0 {
                (a.1, b.0)
            } else {
                ((a.0 + a.1) / 2.0, (b.0 + b.1) / 2.0)
            };
            out!(
                d,
                "{}M{} {} L{} {}",
                if d.is_empty() { "" } else { " " },
                n(xa),
                n(a.2),
                n(xb),
                n(b.2)
            );
        }
        out!(
            s,
            "<path class=\"conflict-link\" data-conflict=\"{}\" d=\"{d}\" fill=\"none\" stroke=\"{CONFLICT_COLOUR}\" \
             stroke-width=\"1.5\" stroke-opacity=\"0.7\" stroke-dasharray=\"6 4\"><title>{}</title></path>\n",
            esc(&k.id),
            esc(&format!("{}: {}", k.kind, k.explanation))
        );
    }

    let mut labels: Vec<LabelBox> = Vec::new();
    let mut hidden: Vec<String> = Vec::new();
    let mut seen_ids: BTreeSet<&str> = BTreeSet::new();
    for (li, items) in lane_items.iter().enumerate() {
        let colour = lane_colour(li, &lanes[li]);
        let top = lane_tops[li] + LANE_PAD;
        for it in items {
            let row_top = top + it.row as f64 * ROW_H;
            let cy = row_top + 9.0;
            let ev = it.ev;
            let ks: &[&Conflict] = conflicts_of.get(ev.id.as_str()).map_or(&[], Vec::as_slice);
            let id_attr = if is_xml_id(&ev.id) && seen_ids.insert(ev.id.as_str()) {
                format!(" id=\"{}\"", esc(&ev.id))
            } else {
                String::new()
            };
            out!(
                s,
                "<g{id_attr} data-event=\"{}\" class=\"event{}\">",
                esc(&ev.id),
                if it.conflict { " conflict" } else { "" }
            );
            out!(s, "<title>{}</title>", esc(&event_tooltip(ev, ks)));
            let (fill, stroke) = if it.conflict {
                (CONFLICT_COLOUR, CONFLICT_DARK)
            } else {
                (colour, colour)
            };
            if let Some((b0, b1)) = it.band {
                out!(
                    s,
                    "<rect class=\"uncertainty\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"14\" rx=\"3\" fill=\"{fill}\" \
                     fill-opacity=\"0.18\" stroke=\"{fill}\" stroke-opacity=\"0.45\" stroke-dasharray=\"3 2\"/>",
                    n(b0),
                    n(cy - 7.0),
                    n((b1 - b0).max(1.0))
                );
            }
            if it.point {
                let cx = (it.mx0 + it.mx1) / 2.0;
                out!(
                    s,
                    "<circle cx=\"{}\" cy=\"{}\" r=\"{}\" fill=\"{fill}\" stroke=\"{}\" stroke-width=\"{}\"/>",
                    n(cx),
                    n(cy),
                    if it.conflict { "5.5" } else { "4.5" },
                    if it.conflict { CONFLICT_DARK } else { "#ffffff" },
                    if it.conflict { "1.5" } else { "1" }
                );
            } else {
                out!(
                    s,
                    "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"8\" rx=\"2\" fill=\"{fill}\" stroke=\"{stroke}\"/>",
                    n(it.mx0),
                    n(cy - 4.0),
                    n(it.mx1 - it.mx0)
                );
            }
            if it.show_label {
                let ly = row_top + 27.0;
                // The date wording is set in grey, the event phrase in black (dark red for a conflict).
                let body = match it.label.split_once(LABEL_SEP) {
                    Some((words, what)) => {
                        // No-break spaces: renderers drop a plain space at the end of a tspan.
                        format!("<tspan fill=\"#666\">{}\u{a0}·</tspan>\u{a0}{}", esc(words), esc(what))
                    }
                    None => esc(&it.label),
                };
                out!(
                    s,
                    // A white halo keeps the label legible over grid lines and bands.
                    "<text x=\"{}\" y=\"{}\" font-size=\"{}\" fill=\"{}\" stroke=\"#ffffff\" stroke-opacity=\"0.8\" \
                     stroke-width=\"3\" stroke-linejoin=\"round\" paint-order=\"stroke\">{body}</text>",
                    n(it.lx),
                    n(ly),
                    n(LABEL_SIZE),
                    if it.conflict { CONFLICT_DARK } else { "#222" },
                );
                labels.push(LabelBox {
                    event: ev.id.clone(),
                    text: it.label.clone(),
                    x: it.lx,
                    y: ly - LABEL_SIZE,
                    w: it.lw,
                    h: LABEL_SIZE + 3.0,
                });
            } else {
                hidden.push(ev.id.clone());
            }
            s.push_str("</g>\n");
        }
    }

    if !conflict_lines.is_empty() {
        out!(
            s,
            "<text x=\"{}\" y=\"{}\" font-size=\"14\" font-weight=\"bold\" fill=\"{CONFLICT_DARK}\">Conflicts</text>\n",
            n(MARGIN),
            n(conflicts_top)
        );
        let mut y = conflicts_top + 20.0;
        for (k, lines) in &conflict_lines {
            out!(s, "<g class=\"conflict-note\" data-conflict=\"{}\">", esc(&k.id));
            let mut tip = k.explanation.clone();
            for st in &k.statements {
                out!(tip, "\n· {}: \"{}\"", st.doc, st.text.trim());
            }
            out!(s, "<title>{}</title>", esc(&tip));
            for line in lines {
                out!(
                    s,
                    "<text x=\"{}\" y=\"{}\" font-size=\"12\" fill=\"{CONFLICT_DARK}\">{}</text>",
                    n(MARGIN + 4.0),
                    n(y),
                    esc(line)
                );
                y += 16.0;
            }
            y += 4.0;
            s.push_str("</g>\n");
        }
    }
    if !blank_lines.is_empty() {
        s.push_str("<g class=\"not-drawn\">");
        for (i, line) in blank_lines.iter().enumerate() {
            out!(
                s,
                "<text x=\"{}\" y=\"{}\" font-size=\"12\" fill=\"#555\">{}</text>",
                n(MARGIN),
                n(blank_top + 12.0 + i as f64 * 16.0),
                esc(line)
            );
        }
        s.push_str("</g>\n");
    }
    s.push_str("</svg>\n");
    let layout = Layout {
        width: WIDTH,
        height,
        scale,
        labels,
        hidden_labels: hidden,
        lanes: lanes.len(),
    };
    (layout, s)
}

/// Which symbols the picture uses (the legend explains only those).
struct Shown {
    uncertain: bool,
    pinned: bool,
    interval: bool,
    conflict: bool,
    breaks: bool,
}

/// The key to the symbols in use.
fn legend(s: &mut String, y: f64, shown: &Shown) {
    let mut x = MARGIN;
    let text = |s: &mut String, x: f64, t: &str| {
        out!(
            s,
            "<text x=\"{}\" y=\"{}\" font-size=\"11\" fill=\"#444\">{}</text>",
            n(x),
            n(y + 4.0),
            esc(t)
        );
        x + text_width(t, 11.0) + 22.0
    };
    s.push_str("<g class=\"legend\">");
    out!(
        s,
        "<circle cx=\"{}\" cy=\"{}\" r=\"4.5\" fill=\"#555\"/>",
        n(x + 5.0),
        n(y)
    );
    x = text(s, x + 14.0, "one day");
    out!(
        s,
        "<rect x=\"{}\" y=\"{}\" width=\"26\" height=\"8\" rx=\"2\" fill=\"#555\"/>",
        n(x),
        n(y - 4.0)
    );
    x = text(s, x + 32.0, "a period");
    if shown.uncertain {
        out!(
            s,
            "<rect x=\"{}\" y=\"{}\" width=\"40\" height=\"14\" rx=\"3\" fill=\"#555\" fill-opacity=\"0.18\" stroke=\"#555\" \
             stroke-opacity=\"0.45\" stroke-dasharray=\"3 2\"/><circle cx=\"{}\" cy=\"{}\" r=\"4.5\" fill=\"#555\"/>",
            n(x),
            n(y - 7.0),
            n(x + 28.0),
            n(y)
        );
        x = text(s, x + 46.0, "uncertain: could be anywhere in the faint band");
    }
    if shown.pinned {
        out!(
            s,
            "<line x1=\"{x1}\" y1=\"{}\" x2=\"{x1}\" y2=\"{}\" stroke=\"#555\" stroke-width=\"1.5\" stroke-dasharray=\"4 3\"/>",
            n(y - 8.0),
            n(y + 8.0),
            x1 = n(x + 3.0)
        );
        x = text(s, x + 10.0, "publication date");
    }
    if shown.interval {
        out!(
            s,
            "<rect x=\"{}\" y=\"{}\" width=\"26\" height=\"16\" fill=\"#555\" fill-opacity=\"0.12\"/>",
            n(x),
            n(y - 8.0)
        );
        x = text(s, x + 32.0, "publication date, inferred interval");
    }
    if shown.conflict {
        out!(
            s,
            "<circle cx=\"{}\" cy=\"{}\" r=\"5.5\" fill=\"{CONFLICT_COLOUR}\" stroke=\"{CONFLICT_DARK}\" stroke-width=\"1.5\"/>",
            n(x + 5.0),
            n(y)
        );
        x = text(s, x + 14.0, "conflict (explained below)");
    }
    if shown.breaks {
        break_mark(s, x + 6.0, y, 8.0);
        text(s, x + 18.0, "empty stretch left out");
    }
    s.push_str("</g>\n");
}

/// The "//" sign of an axis break centred on (x, y).
fn break_mark(s: &mut String, x: f64, y: f64, h: f64) {
    for dx in [-3.0, 3.0] {
        out!(
            s,
            "<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"#333\" stroke-width=\"1.6\"/>",
            n(x + dx - 3.0),
            n(y + h / 2.0),
            n(x + dx + 3.0),
            n(y - h / 2.0)
        );
    }
}

/// The axis line with its ticks, tick labels and breaks. The top axis
/// (`grid_bottom` given) has its labels above it and draws the grid lines and
/// the break bands down to `grid_bottom`; the bottom axis, repeated under tall
/// pictures, has its labels below.
fn axis(s: &mut String, scale: &Scale, axis_y: f64, grid_bottom: Option<f64>) {
    let above = grid_bottom.is_some();
    let dir = if above { -1.0 } else { 1.0 };
    let label_y = if above { axis_y - 9.0 } else { axis_y + 16.0 };
    let context_y = if above { axis_y - 26.0 } else { axis_y + 31.0 };
    out!(s, "<g class=\"{}\">", if above { "axis" } else { "axis-bottom" });
    let mut last_label_end = f64::NEG_INFINITY;
    let mut last_context_end = f64::NEG_INFINITY;
    for seg in &scale.segments {
        out!(
            s,
            "<line x1=\"{}\" y1=\"{y}\" x2=\"{}\" y2=\"{y}\" stroke=\"#333\" stroke-width=\"1.2\"/>",
            n(seg.x0),
            n(seg.x1),
            y = n(axis_y)
        );
        for t in ticks(seg) {
            let x = scale.x(t.day as f64);
            if let Some(bottom) = grid_bottom {
                out!(
                    s,
                    "<line x1=\"{x}\" y1=\"{}\" x2=\"{x}\" y2=\"{}\" stroke=\"#e2e2e2\"/>",
                    n(axis_y),
                    n(bottom),
                    x = n(x)
                );
            }
            out!(
                s,
                "<line x1=\"{x}\" y1=\"{}\" x2=\"{x}\" y2=\"{}\" stroke=\"#333\"/>",
                n(axis_y + 5.0 * dir),
                n(axis_y),
                x = n(x)
            );
            let w = text_width(&t.label, 11.0);
            let lx = scale.x(t.label_at);
            let inside = t.label_at <= seg.to as f64 && lx + w / 2.0 <= seg.x1 + 14.0;
            if inside && lx - w / 2.0 > last_label_end + 3.0 {
                out!(
                    s,
                    "<text x=\"{}\" y=\"{}\" font-size=\"11\" text-anchor=\"middle\" fill=\"#333\">{}</text>",
                    n(lx),
                    n(label_y),
                    esc(&t.label)
                );
                last_label_end = lx + w / 2.0;
            }
            if let Some(cx) = &t.context {
                let w = text_width(cx, 11.0);
                if x > last_context_end + 6.0 {
                    out!(
                        s,
                        "<text x=\"{}\" y=\"{}\" font-size=\"11\" font-weight=\"bold\" fill=\"#222\">{}</text>",
                        n(x - 2.0),
                        n(context_y),
                        esc(cx)
                    );
                    last_context_end = x - 2.0 + w;
                }
            }
        }
    }
    for (from, to, x0, x1) in scale.breaks() {
        let mid = (x0 + x1) / 2.0;
        let Some(bottom) = grid_bottom else {
            break_mark(s, mid, axis_y, 12.0);
            continue;
        };
        out!(
            s,
            "<g class=\"axis-break\" data-break-from=\"{}\" data-break-to=\"{}\">",
            date_of(from).map_or_else(String::new, |d| d.to_string()),
            date_of(to).map_or_else(String::new, |d| d.to_string())
        );
        out!(
            s,
            "<title>Axis break: nothing happens between {} and {}</title>",
            date_of(from).map_or_else(|| "?".to_string(), human_day),
            date_of(to).map_or_else(|| "?".to_string(), human_day)
        );
        out!(
            s,
            "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"#eeeeee\" fill-opacity=\"0.85\"/>",
            n(x0 + 6.0),
            n(axis_y),
            n(x1 - x0 - 12.0),
            n(bottom - axis_y)
        );
        break_mark(s, mid, axis_y, 12.0);
        out!(
            s,
            "<text x=\"{}\" y=\"{}\" font-size=\"10\" text-anchor=\"middle\" font-style=\"italic\" fill=\"#555\">{}</text>",
            n(mid),
            n(label_y),
            esc(&human_gap(to - from))
        );
        s.push_str("</g>");
    }
    s.push_str("</g>\n");
}

/// One line of a lane header.
struct HeaderLine {
    text: String,
    size: f64,
    bold: bool,
    colour: String,
}

/// The lane header, line by line: name (up to two lines), id, publication
/// date, status and best guess, conflict badge.
fn header_lines(
    lane: &Lane,
    colour: &str,
    hidden: usize,
    conflicts_of_doc: &BTreeMap<&str, Vec<&Conflict>>,
) -> Vec<HeaderLine> {
    let w = HEADER_W - 14.0;
    let line = |text: String, size: f64, bold: bool, colour: &str| HeaderLine {
        text: fit_text(&text, w, size),
        size,
        bold,
        colour: colour.to_string(),
    };
    let mut out: Vec<HeaderLine> = Vec::new();
    let name = match &lane.kind {
        LaneKind::Story { docs } => format!("Story across {} articles", docs.len()),
        _ => lane.name(),
    };
    let mut name_lines = wrap(&name, w, 12.0);
    if name_lines.len() > 2 {
        let rest = name_lines[1..].join(" ");
        name_lines.truncate(1);
        name_lines.push(rest);
    }
    for l in name_lines {
        out.push(line(l, 12.0, true, colour));
    }
    match &lane.kind {
        LaneKind::Story { docs } => {
            // At most two lines of ids; the tooltip has them all.
            let mut ids = wrap(&docs.join(", "), w, 10.0);
            if ids.len() > 2 {
                let rest = ids[1..].join(" ");
                ids.truncate(1);
                ids.push(rest);
            }
            for l in ids {
                out.push(line(l, 10.0, false, "#777"));
            }
            out.push(line(
                format!("{} told by several articles", count_words(lane, hidden)),
                10.5,
                false,
                "#333",
            ));
        }
        LaneKind::Article { doc, anchor } => {
            if lane.name() != *doc {
                out.push(line(
                    format!("{doc} · {}", count_words(lane, hidden)),
                    10.0,
                    false,
                    "#777",
                ));
            } else {
                out.push(line(count_words(lane, hidden), 10.0, false, "#777"));
            }
            match anchor {
                Some(a) => {
                    let (date, status) = pub_words(a);
                    out.push(line(date, 10.5, false, "#333"));
                    out.push(line(status, 10.5, false, "#666"));
                }
                None => out.push(line("publication date unknown".to_string(), 10.5, false, "#333")),
            }
            if let Some(ks) = conflicts_of_doc.get(doc.as_str()) {
                let kinds: BTreeSet<&str> = ks.iter().map(|k| k.kind.as_str()).collect();
                let badge = format!(
                    "⚠ {} conflict{}: {}",
                    ks.len(),
                    if ks.len() == 1 { "" } else { "s" },
                    kinds.into_iter().collect::<Vec<_>>().join(", ")
                );
                out.push(line(badge, 10.5, true, CONFLICT_COLOUR));
            }
        }
        LaneKind::Unattributed => out.push(line(count_words(lane, hidden), 10.5, false, "#333")),
    }
    out
}

/// "3 events", "120 events, 40 labels hidden".
fn count_words(lane: &Lane, hidden: usize) -> String {
    let k = lane.events.len();
    let mut t = format!("{k} event{}", if k == 1 { "" } else { "s" });
    if hidden > 0 {
        out!(t, ", {hidden} label{} hidden", if hidden == 1 { "" } else { "s" });
    }
    t
}

/// Height of the header text block.
fn header_height(lines: &[HeaderLine]) -> f64 {
    lines.iter().map(|l| l.size + 4.0).sum::<f64>() + 12.0
}

/// Draw the lane header; its tooltip holds everything in full.
fn lane_header(
    s: &mut String,
    lane: &Lane,
    top: f64,
    lines: &[HeaderLine],
    conflicts_of_doc: &BTreeMap<&str, Vec<&Conflict>>,
) {
    let x = MARGIN + 12.0;
    let mut tip = lane.name();
    match &lane.kind {
        LaneKind::Article { doc, anchor } => {
            out!(tip, "\n{doc}");
            if let Some(a) = anchor {
                let (date, status) = pub_words(a);
                out!(tip, "\n{date}\n{status}");
            }
            for k in conflicts_of_doc.get(doc.as_str()).into_iter().flatten() {
                out!(tip, "\nCONFLICT ({}): {}", k.kind, k.explanation);
            }
        }
        LaneKind::Story { docs } => out!(tip, "\n{}", docs.join("\n")),
        LaneKind::Unattributed => {}
    }
    out!(s, "<g class=\"lane-header\"><title>{}</title>", esc(&tip));
    let mut y = top + 4.0;
    for l in lines {
        y += l.size + 4.0;
        out!(
            s,
            "<text x=\"{}\" y=\"{}\" font-size=\"{}\"{} fill=\"{}\">{}</text>",
            n(x),
            n(y),
            n(l.size),
            if l.bold { " font-weight=\"bold\"" } else { "" },
            l.colour,
            esc(&l.text)
        );
    }
    s.push_str("</g>\n");
}

/// The article's publication date inside its lane: a dashed line for a single
/// day, a band for an interval (open sides run to the plot edge).
fn publication(
    s: &mut String,
    scale: &Scale,
    a: &AnchorSummary,
    top: f64,
    bottom: f64,
    colour: &str,
    conflicts: &[&Conflict],
) {
    let conflicted = !conflicts.is_empty();
    let edge = if conflicted { CONFLICT_COLOUR } else { colour };
    let (date, status) = pub_words(a);
    let mut tip = format!("{date} ({status})");
    for k in conflicts {
        out!(tip, "\nCONFLICT ({}): {}", k.kind, k.explanation);
    }
    out!(
        s,
        "<g class=\"publication\" data-doc=\"{}\"><title>{}</title>",
        esc(&a.doc),
        esc(&tip)
    );
    let line = |s: &mut String, x: f64, dash: &str, width: f64| {
        out!(
            s,
            "<line x1=\"{x}\" y1=\"{}\" x2=\"{x}\" y2=\"{}\" stroke=\"{edge}\" stroke-width=\"{}\" stroke-dasharray=\"{dash}\"/>",
            n(top + 2.0),
            n(bottom - 2.0),
            n(width),
            x = n(x)
        );
    };
    let marker_x = match (a.earliest, a.latest) {
        (Some(e), Some(l)) if e == l => {
            // A pinned date over the faint band of what the text alone allows.
            if a.text_earliest.is_some() || a.text_latest.is_some() {
                let x0 = a.text_earliest.map_or(PLOT_LEFT, |d| scale.x(day_number(d) as f64));
                let x1 = a
                    .text_latest
                    .map_or(PLOT_RIGHT, |d| scale.x((day_number(d) + 1) as f64));
                out!(
                    s,
                    "<rect class=\"text-interval\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"{colour}\" fill-opacity=\"0.07\"/>",
                    n(x0),
                    n(top + 1.0),
                    n((x1 - x0).max(1.0)),
                    n(bottom - top - 2.0)
                );
            }
            let x = scale.x(day_number(e) as f64 + 0.5);
            line(s, x, "5 3", 1.6);
            Some(x)
        }
        (None, None) => a.best.map(|b| {
            let x = scale.x(day_number(b) as f64 + 0.5);
            line(s, x, "2 3", 1.2);
            x
        }),
        (e, l) => {
            let x0 = e.map_or(PLOT_LEFT, |d| scale.x(day_number(d) as f64));
            let x1 = l.map_or(PLOT_RIGHT, |d| scale.x((day_number(d) + 1) as f64));
            out!(
                s,
                "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"{colour}\" fill-opacity=\"0.12\"/>",
                n(x0),
                n(top + 1.0),
                n((x1 - x0).max(1.0)),
                n(bottom - top - 2.0)
            );
            if e.is_some() {
                line(s, x0, "2 2", 1.2);
            }
            if l.is_some() {
                line(s, x1, "2 2", 1.2);
            }
            let best = a.best.map(|b| scale.x(day_number(b) as f64 + 0.5));
            if let Some(bx) = best {
                line(s, bx, "5 3", 1.0);
            }
            // The flag goes to the best guess, else to a bounded end, else the middle.
            Some(best.unwrap_or(match (e, l) {
                (Some(_), None) => x0,
                (None, Some(_)) => x1,
                _ => (x0 + x1) / 2.0,
            }))
        }
    };
    // A flag at the top of the line; a bigger red one when the date is in conflict.
    if let Some(x) = marker_x {
        if conflicted {
            out!(
                s,
                "<path class=\"conflict-marker\" d=\"M{} {} l7 -9 l-14 0 z\" fill=\"{CONFLICT_COLOUR}\" stroke=\"{CONFLICT_DARK}\"/>",
                n(x),
                n(top + 11.0)
            );
        } else {
            out!(
                s,
                "<path d=\"M{} {} l5 -6 l-10 0 z\" fill=\"{edge}\"/>",
                n(x),
                n(top + 8.0)
            );
        }
    }
    s.push_str("</g>\n");
}
