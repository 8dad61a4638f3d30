//! The time scale: piecewise linear, spending its width where the reports are.
//!
//! How the axis is chosen, from the data alone:
//!
//! 1. **Weight.** Every report adds weight 1, spread evenly over its days
//!    when it spans at most [`DENSITY_MAX_SPAN`] days (a day, a week, a
//!    month, a season; a year or a decade says nothing about *when* the
//!    story was hot); every article's publication date adds 1.
//! 2. **Domain.** With at least [`TRIM_MIN_POINTS`] weighted days, the first
//!    and last [`TRIM_SHARE`] of the weight are left off the axis (stray
//!    dates: "from 297 to 1051", a founding year), and counted in a note;
//!    the story timeline's days and, when lanes are drawn, every drawn date
//!    are always inside.
//! 3. **Breaks.** A stretch with no weight and no drawn date becomes an axis
//!    break when it is at least [`BREAK_MIN_DAYS`] days long and at least
//!    [`BREAK_SHARE`] of the core (the days of the middle [`CORE_SHARE`] of
//!    the weight, so stray years do not stretch the rule); the
//!    [`MAX_BREAKS`] longest are cut.
//! 4. **Context.** Without article lanes, or with more than
//!    [`LANE_LIMIT`] of them, the clusters wholly before the core merge into
//!    one compressed piece (no breaks inside), and so do those wholly after
//!    it: old dates stay visible without taking the story's width. In a
//!    small collection every drawn date keeps its own cluster. With lanes a
//!    drawn report longer than [`DENSITY_MAX_SPAN`] weighs ½ at each end.
//! 5. **Quiet stretches.** A cluster whose weight per day is under
//!    [`QUIET_SHARE`] of the mean of all clusters is quiet as a whole. Inside a cluster with at least
//!    [`QUIET_MIN_REPORTS`] of weight, a run of at least [`QUIET_MIN_BINS`]
//!    bins (a week, or longer for long clusters) each holding less than
//!    [`QUIET_SHARE`] of the cluster's mean weight per bin is a piece of its
//!    own: it stays on the axis, compressed, hatched; a short blip between
//!    two quiet stretches joins them.
//! 6. **Width.** Each piece gets width in proportion to
//!    [`TIME_MIX`] × its share of the days (quiet pieces: none) + (1 −
//!    [`TIME_MIX`]) × its share of the weight, and at least [`MIN_PIECE_PX`].

use super::*;

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
    /// A quiet stretch or the old context: compressed, hatched.
    pub quiet: bool,
}

/// A piecewise-linear time scale: the pieces, left to right; an axis break
/// lies between two pieces that do not touch.
#[derive(Debug, Clone, PartialEq)]
pub struct Scale {
    /// The segments, left to right, not overlapping.
    pub segments: Vec<Segment>,
}

/// Reports spanning more days than this add no weight (see the module documentation).
pub const DENSITY_MAX_SPAN: i64 = 92;
/// Trimming needs at least this many weighted days.
pub const TRIM_MIN_POINTS: usize = 200;
/// Share of the weight left off at each end of the axis.
pub const TRIM_SHARE: f64 = 0.005;
/// An empty stretch is a break when at least this many days long …
pub const BREAK_MIN_DAYS: i64 = 60;
/// … and at least this share of the core: the days holding the middle
/// [`CORE_SHARE`] of the weight.
pub const BREAK_SHARE: f64 = 0.15;
/// The share of the weight whose days make the core.
pub const CORE_SHARE: f64 = 0.95;
/// At most this many breaks.
pub const MAX_BREAKS: usize = 6;
/// Quiet stretches are sought only in clusters with this much weight.
pub const QUIET_MIN_REPORTS: f64 = 50.0;
/// A quiet bin holds less than this share of the cluster's mean weight per bin.
pub const QUIET_SHARE: f64 = 0.25;
/// A quiet stretch is at least this many bins long.
pub const QUIET_MIN_BINS: usize = 6;
/// A cluster is cut into at most this many bins (a bin is a week or longer).
const QUIET_MAX_BINS: i64 = 300;
/// Weight of time (against weight of reports) in a piece's width.
pub const TIME_MIX: f64 = 0.4;
/// Every piece is at least this wide …
pub const MIN_PIECE_PX: f64 = 56.0;
/// … and a compressed one at least this.
pub const MIN_QUIET_PX: f64 = 44.0;

/// Day number of a date (0001-01-01 is 1), wide enough that `+ 1` never overflows.
pub fn day_number(d: NaiveDate) -> i64 {
    crate::time::day_number(d)
}

pub(super) fn date_of(n: i64) -> Option<NaiveDate> {
    crate::time::day_date(n)
}

impl Scale {
    /// The scale for the given day numbers (each of weight 1), drawn between
    /// `left` and `right`, without trimming.
    pub fn fit(days: &[i64], left: f64, right: f64) -> Scale {
        let mut w: BTreeMap<i64, f64> = BTreeMap::new();
        for &d in days {
            *w.entry(d).or_insert(0.0) += 1.0;
        }
        fit_weighted(&w, &[], left, right, false, false).0
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
            .filter(|w| w[0].to < w[1].from)
            .map(|w| (w[0].to, w[1].from, w[0].x1, w[1].x0))
            .collect()
    }

    /// First and last day on the axis.
    pub fn domain(&self) -> Option<(i64, i64)> {
        Some((self.segments.first()?.from, self.segments.last()?.to))
    }
}

/// The scale and what was left off it.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Fit {
    pub(super) scale: Scale,
    /// Reports dated before the axis, and the earliest of them.
    pub(super) before: (usize, Option<NaiveDate>),
    /// Reports dated after the axis, and the latest of them.
    pub(super) after: (usize, Option<NaiveDate>),
}

/// A report's days (ordered), from its own dates or its event's.
pub(super) fn report_days(e: &Event, r: &Report) -> (NaiveDate, NaiveDate) {
    let s = r.start.unwrap_or(e.when.start);
    let t = r.end.unwrap_or(e.when.end);
    (s.min(t), s.max(t))
}

/// Spread weight 1 over the report's days, when it is short enough.
pub(super) fn add_report(w: &mut BTreeMap<i64, f64>, s: NaiveDate, t: NaiveDate) {
    let (a, b) = (day_number(s), day_number(t));
    let len = b - a + 1;
    if len <= DENSITY_MAX_SPAN {
        for d in a..=b {
            *w.entry(d).or_insert(0.0) += 1.0 / len as f64;
        }
    }
}

/// The time scale of a chronology (see the module documentation).
pub(super) fn fit_chronology(c: &Chronology, with_lanes: bool, merge_context: bool) -> Fit {
    let mut w: BTreeMap<i64, f64> = BTreeMap::new();
    let mut must: Vec<i64> = Vec::new();
    for e in &c.events {
        for r in &e.reports {
            let (s, t) = report_days(e, r);
            add_report(&mut w, s, t);
            if with_lanes {
                must.push(day_number(s));
                must.push(day_number(t) + 1);
                // A drawn long report weighs on the axis at its ends.
                if day_number(t) - day_number(s) + 1 > DENSITY_MAX_SPAN {
                    *w.entry(day_number(s)).or_insert(0.0) += 0.5;
                    *w.entry(day_number(t)).or_insert(0.0) += 0.5;
                }
            }
        }
        if with_lanes {
            for d in [e.when.earliest, e.when.latest].into_iter().flatten() {
                must.push(day_number(d));
            }
        }
    }
    for a in &c.anchors {
        if let Some(b) = a.best {
            *w.entry(day_number(b)).or_insert(0.0) += 1.0;
        }
        if with_lanes {
            for d in [a.earliest, a.latest, a.text_earliest, a.text_latest]
                .into_iter()
                .flatten()
            {
                must.push(day_number(d));
            }
        }
    }
    must.extend(c.timeline.iter().map(|t| day_number(t.date)));
    let (scale, (lo, hi)) = fit_weighted(&w, &must, PLOT_LEFT, PLOT_RIGHT, true, merge_context);
    let mut before = (0usize, None::<NaiveDate>);
    let mut after = (0usize, None::<NaiveDate>);
    for e in &c.events {
        for r in &e.reports {
            let (s, t) = report_days(e, r);
            if day_number(t) < lo {
                before.0 += 1;
                before.1 = Some(before.1.map_or(s, |x| x.min(s)));
            } else if day_number(s) >= hi {
                after.0 += 1;
                after.1 = Some(after.1.map_or(t, |x| x.max(t)));
            }
        }
    }
    Fit { scale, before, after }
}

/// The domain `lo..hi` (day numbers, `hi` exclusive) after trimming.
fn domain(w: &BTreeMap<i64, f64>, must: &[i64], trim: bool) -> Option<(i64, i64)> {
    let total: f64 = w.values().sum();
    let (mut lo, mut hi) = match (w.keys().next(), w.keys().next_back()) {
        (Some(&a), Some(&b)) => (a, b + 1),
        _ => (i64::MAX, i64::MIN),
    };
    if trim && w.len() >= TRIM_MIN_POINTS && total > 0.0 {
        let cut = TRIM_SHARE * total;
        let mut acc = 0.0;
        for (&d, &x) in w {
            acc += x;
            if acc >= cut {
                lo = d;
                break;
            }
        }
        acc = 0.0;
        for (&d, &x) in w.iter().rev() {
            acc += x;
            if acc >= cut {
                hi = d + 1;
                break;
            }
        }
    }
    for &m in must {
        lo = lo.min(m);
        hi = hi.max(m + 1);
    }
    (lo < hi).then_some((lo, hi))
}

/// Build the scale (see the module documentation); also returns the domain.
pub(super) fn fit_weighted(
    w: &BTreeMap<i64, f64>,
    must: &[i64],
    left: f64,
    right: f64,
    trim: bool,
    merge_context: bool,
) -> (Scale, (i64, i64)) {
    let Some((lo, hi)) = domain(w, must, trim) else {
        return (Scale { segments: Vec::new() }, (0, 0));
    };
    let mut pts: Vec<i64> = w.range(lo..hi).map(|(&d, _)| d).collect();
    pts.extend(must.iter().copied().filter(|d| (lo..hi).contains(d)));
    pts.sort_unstable();
    pts.dedup();
    let (c0, c1) = core(w, &pts);
    let clusters = clusters(&pts, lo, hi, (c1 - c0 + 1) as f64);
    let clusters = if merge_context {
        context(clusters, c0, c1)
    } else {
        clusters.into_iter().map(|(a, b)| (a, b, false)).collect()
    };
    // A whole cluster far sparser than the rest is quiet too.
    let weight_of = |a: i64, b: i64| w.range(a..b).map(|(_, x)| x).sum::<f64>();
    let (cw, cd) = clusters.iter().filter(|c| !c.2).fold((0.0, 0.0), |(x, d), &(a, b, _)| {
        (x + weight_of(a, b), d + (b - a) as f64)
    });
    let mean = if cd > 0.0 { cw / cd } else { 0.0 };
    let pieces: Vec<(i64, i64, bool)> = clusters
        .iter()
        .flat_map(|&(a, b, ctx)| {
            let sparse = weight_of(a, b) / ((b - a).max(1) as f64) < QUIET_SHARE * mean;
            if ctx || (sparse && clusters.len() > 1) {
                vec![(a, b, true)]
            } else {
                quiet_pieces(w, a, b)
            }
        })
        .collect();
    let gaps = clusters.len().saturating_sub(1);
    let avail = (right - left - BREAK_W * gaps as f64).max(1.0);
    let widths = piece_widths(w, &pieces, avail);
    let mut x = left;
    let mut segments: Vec<Segment> = Vec::with_capacity(pieces.len());
    for (&(from, to, quiet), wd) in pieces.iter().zip(widths) {
        if segments.last().is_some_and(|p: &Segment| p.to < from) {
            x += BREAK_W;
        }
        segments.push(Segment {
            from,
            to,
            x0: x,
            x1: x + wd,
            quiet,
        });
        x += wd;
    }
    (Scale { segments }, (lo, hi))
}

/// The core: the first and last day of the middle [`CORE_SHARE`] of the
/// weight (the ends of `pts` when there is no weight).
fn core(w: &BTreeMap<i64, f64>, pts: &[i64]) -> (i64, i64) {
    let whole = (pts.first().copied().unwrap_or(0), pts.last().copied().unwrap_or(0));
    let total: f64 = w.values().sum();
    if total <= 0.0 {
        return whole;
    }
    let edge = (1.0 - CORE_SHARE) / 2.0 * total;
    let mut acc = 0.0;
    let mut lo = None;
    let mut hi = None;
    for (&d, &x) in w {
        acc += x;
        if lo.is_none() && acc > edge {
            lo = Some(d);
        }
        if hi.is_none() && acc >= total - edge {
            hi = Some(d);
        }
    }
    match (lo, hi) {
        (Some(a), Some(b)) if a <= b => (a, b),
        _ => whole,
    }
}

/// Clusters wholly before the core merge into one context piece, and so do
/// those wholly after it: compressed, with no breaks inside. Returns
/// `(from, to, context)`.
fn context(clusters: Vec<(i64, i64)>, c0: i64, c1: i64) -> Vec<(i64, i64, bool)> {
    let mut out: Vec<(i64, i64, bool)> = Vec::with_capacity(clusters.len());
    for (a, b) in clusters {
        let ctx = b <= c0 || a > c1;
        match out.last_mut() {
            Some(last) if ctx && last.2 && (last.1 <= c0) == (b <= c0) => last.1 = b,
            _ => out.push((a, b, ctx)),
        }
    }
    out
}

/// The clusters of days `[from, to)` between the breaks, padded.
fn clusters(pts: &[i64], lo: i64, hi: i64, core: f64) -> Vec<(i64, i64)> {
    let (Some(_), Some(&last)) = (pts.first(), pts.last()) else {
        return vec![(lo, hi.max(lo + 1))];
    };
    let threshold = (BREAK_MIN_DAYS as f64).max(core * BREAK_SHARE);
    // A gap between two occupied days d0 < d1 is the empty days d0+1 .. d1.
    let mut gaps: Vec<(i64, usize)> = pts
        .windows(2)
        .enumerate()
        .map(|(i, p)| (p[1] - p[0] - 1, i))
        .filter(|(g, _)| *g as f64 >= threshold)
        .collect();
    // Longest first; equal gaps keep their left-to-right order.
    gaps.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    gaps.truncate(MAX_BREAKS);
    let mut cuts: Vec<usize> = gaps.into_iter().map(|(_, i)| i).collect();
    cuts.sort_unstable();
    let mut out: Vec<(i64, i64)> = Vec::with_capacity(cuts.len() + 1);
    let mut start = 0usize;
    for &i in &cuts {
        out.push((pts[start], pts[i] + 1));
        start = i + 1;
    }
    out.push((pts[start], last + 1));
    // Pad each cluster by 2 % of its length (at least a day), never into the next.
    let padded: Vec<(i64, i64)> = out
        .iter()
        .enumerate()
        .map(|(i, &(a, b))| {
            let pad = ((b - a) as f64 * 0.02).ceil().max(1.0) as i64;
            let lo_lim = if i == 0 { i64::MIN } else { out[i - 1].1 + 1 };
            let hi_lim = out.get(i + 1).map_or(i64::MAX, |n| n.0 - 1);
            ((a.saturating_sub(pad)).max(lo_lim), (b.saturating_add(pad)).min(hi_lim))
        })
        .collect();
    padded
}

/// A cluster cut at its quiet stretches: `(from, to, quiet)`.
fn quiet_pieces(w: &BTreeMap<i64, f64>, a: i64, b: i64) -> Vec<(i64, i64, bool)> {
    let whole = vec![(a, b, false)];
    let total: f64 = w.range(a..b).map(|(_, x)| x).sum();
    let bin = 7i64.max((b - a + QUIET_MAX_BINS - 1) / QUIET_MAX_BINS);
    let nbins = ((b - a + bin - 1) / bin) as usize;
    if total < QUIET_MIN_REPORTS || nbins < 3 * QUIET_MIN_BINS {
        return whole;
    }
    let mut bins = vec![0.0f64; nbins];
    for (&d, &x) in w.range(a..b) {
        let k = ((d - a) / bin) as usize;
        if let Some(v) = bins.get_mut(k) {
            *v += x;
        }
    }
    let limit = QUIET_SHARE * total / nbins as f64;
    let mut out: Vec<(i64, i64, bool)> = Vec::new();
    let mut k = 0usize;
    let mut piece_start = a;
    while k < nbins {
        if bins[k] >= limit {
            k += 1;
            continue;
        }
        let run_start = k;
        while k < nbins && bins[k] < limit {
            k += 1;
        }
        if k - run_start >= QUIET_MIN_BINS {
            let qa = a + run_start as i64 * bin;
            let qb = (a + k as i64 * bin).min(b);
            if qa > piece_start {
                out.push((piece_start, qa, false));
            }
            out.push((qa, qb, true));
            piece_start = qb;
        }
    }
    if piece_start < b {
        out.push((piece_start, b, false));
    }
    // A short blip between two quiet stretches (or a quiet one and the end)
    // joins them: fewer than QUIET_MIN_BINS bins and under BLIP_SHARE of the weight.
    let mut merged: Vec<(i64, i64, bool)> = Vec::with_capacity(out.len());
    for (i, &(pa, pb, q)) in out.iter().enumerate() {
        let next_quiet = out.get(i + 1).is_none_or(|p| p.2);
        let prev_quiet = merged.last().is_none_or(|p: &(i64, i64, bool)| p.2);
        let blip = !q
            && prev_quiet
            && next_quiet
            && out.len() > 1
            && (pb - pa) < QUIET_MIN_BINS as i64 * bin
            && w.range(pa..pb).map(|(_, x)| x).sum::<f64>() < BLIP_SHARE * total;
        let quiet = q || blip;
        match merged.last_mut() {
            Some(last) if last.2 && quiet => last.1 = pb,
            _ => merged.push((pa, pb, quiet)),
        }
    }
    merged
}

/// A blip holds less than this share of its cluster's weight.
const BLIP_SHARE: f64 = 0.02;

/// Each piece's width (see the module documentation).
fn piece_widths(w: &BTreeMap<i64, f64>, pieces: &[(i64, i64, bool)], avail: f64) -> Vec<f64> {
    let lens: Vec<f64> = pieces.iter().map(|&(a, b, _)| (b - a).max(1) as f64).collect();
    let weights: Vec<f64> = pieces
        .iter()
        .map(|&(a, b, _)| w.range(a..b).map(|(_, x)| x).sum())
        .collect();
    // Quiet pieces get no share for their time, only for their weight.
    let ls: f64 = lens
        .iter()
        .zip(pieces)
        .filter(|(_, p)| !p.2)
        .map(|(l, _)| l)
        .sum::<f64>()
        .max(1.0);
    let ws: f64 = weights.iter().sum();
    let share: Vec<f64> = lens
        .iter()
        .zip(&weights)
        .zip(pieces)
        .map(|((l, x), p)| {
            let time = if p.2 { 0.0 } else { l / ls };
            if ws > 0.0 {
                TIME_MIX * time + (1.0 - TIME_MIX) * x / ws
            } else {
                time
            }
        })
        .collect();
    let min: Vec<f64> = pieces
        .iter()
        .map(|p| if p.2 { MIN_QUIET_PX } else { MIN_PIECE_PX })
        .collect();
    let small: Vec<bool> = share.iter().zip(&min).map(|(s, m)| s * avail < *m).collect();
    let fixed: f64 = min.iter().zip(&small).filter(|(_, s)| **s).map(|(m, _)| m).sum();
    let rest: f64 = share.iter().zip(&small).filter(|(_, s)| !**s).map(|(x, _)| x).sum();
    if fixed >= avail || rest <= 0.0 {
        return share.iter().map(|s| s * avail).collect();
    }
    share
        .iter()
        .zip(&small)
        .zip(&min)
        .map(|((s, sm), m)| if *sm { *m } else { (avail - fixed) * s / rest })
        .collect()
}
