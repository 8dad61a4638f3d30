//! The time scale: piecewise linear over the occupied clusters of dates.

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
    crate::time::day_number(d)
}

pub(super) fn date_of(n: i64) -> Option<NaiveDate> {
    crate::time::day_date(n)
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

/// The time scale over every date that is drawn: events with their
/// uncertainty, publication dates and the text's bounds on them.
pub(super) fn fit_chronology(c: &Chronology) -> Scale {
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
    Scale::fit(&days, PLOT_LEFT, PLOT_RIGHT)
}
