//! The density strip: reports per day, and under them articles published
//! per day, as bars along the axis, so the reader sees when the story was hot.
//!
//! Each piece of the axis gets bars of the smallest calendar unit (a day, a
//! week, a month, a quarter, a year, a decade, a century) at least
//! [`MIN_BAR_PX`] wide there; a bar's height is the mean per day over its
//! unit, so bars of different pieces compare. A report spanning up to
//! [`DENSITY_MAX_SPAN`] days counts 1, spread over its days.

use std::fmt::Write as _;

use super::*;

/// Height of the whole strip.
pub(super) const HEIGHT: f64 = 96.0;
const REPORTS_H: f64 = 52.0;
const PUBLISHED_H: f64 = 18.0;
/// Bars are at least this wide.
pub const MIN_BAR_PX: f64 = 3.0;
/// A bar that is not empty is at least this tall.
const MIN_BAR_H: f64 = 1.5;

/// A calendar unit of bars.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Unit {
    Day,
    Week,
    Month,
    Quarter,
    Year,
    Years(i32),
}

impl Unit {
    const ALL: [Unit; 8] = [
        Unit::Day,
        Unit::Week,
        Unit::Month,
        Unit::Quarter,
        Unit::Year,
        Unit::Years(10),
        Unit::Years(100),
        Unit::Years(1000),
    ];

    fn approx_days(self) -> f64 {
        match self {
            Unit::Day => 1.0,
            Unit::Week => 7.0,
            Unit::Month => 30.44,
            Unit::Quarter => 91.3,
            Unit::Year => 365.25,
            Unit::Years(k) => 365.25 * f64::from(k),
        }
    }

    fn words(self) -> &'static str {
        match self {
            Unit::Day => "day",
            Unit::Week => "week",
            Unit::Month => "month",
            Unit::Quarter => "quarter",
            Unit::Year => "year",
            Unit::Years(_) => "period",
        }
    }

    /// The unit holding day `d`: `[start, end)` in day numbers.
    fn bin(self, d: i64) -> (i64, i64) {
        let Some(date) = date_of(d) else {
            return (d, d + 1);
        };
        let ymd = |y: i32, m: u32| NaiveDate::from_ymd_opt(y, m, 1).map(day_number);
        let years = |k: i32| {
            let y0 = date.year().div_euclid(k) * k;
            match (ymd(y0, 1), ymd(y0.saturating_add(k), 1)) {
                (Some(a), Some(b)) => (a, b),
                (Some(a), None) => (a, d + 1),
                _ => (d, d + 1),
            }
        };
        let months = |k: u32| {
            let m0 = date.month0() / k * k;
            let (ny, nm) = if m0 + k >= 12 {
                (date.year().saturating_add(1), m0 + k - 12)
            } else {
                (date.year(), m0 + k)
            };
            match (ymd(date.year(), m0 + 1), ymd(ny, nm + 1)) {
                (Some(a), Some(b)) => (a, b),
                (Some(a), None) => (a, d + 1),
                _ => (d, d + 1),
            }
        };
        match self {
            Unit::Day => (d, d + 1),
            // Day 1 (0001-01-01) is a Monday: weeks run Monday to Sunday.
            Unit::Week => {
                let a = d - (d - 1).rem_euclid(7);
                (a, a + 7)
            }
            Unit::Month => months(1),
            Unit::Quarter => months(3),
            Unit::Year => years(1),
            Unit::Years(k) => years(k),
        }
    }
}

/// One bar: days `[from, to)`, clipped to its piece, and its total.
struct Bar {
    from: i64,
    to: i64,
    total: f64,
}

/// The bars of the strip.
pub(super) struct Density {
    reports: Vec<Bar>,
    published: Vec<Bar>,
    /// The unit of the widest piece, for the header.
    unit: &'static str,
    peak: Option<(f64, i64, i64)>,
    reports_total: usize,
    published_total: usize,
}

/// Sum `w` into the units of each piece.
fn bars(w: &BTreeMap<i64, f64>, scale: &Scale, unit_of: &[Unit]) -> Vec<Bar> {
    let mut out: Vec<Bar> = Vec::new();
    for (seg, &unit) in scale.segments.iter().zip(unit_of) {
        let mut cur: Option<Bar> = None;
        for (&d, &x) in w.range(seg.from..seg.to) {
            let (a, b) = unit.bin(d);
            let (a, b) = (a.max(seg.from), b.min(seg.to));
            match &mut cur {
                Some(bar) if bar.from == a => bar.total += x,
                _ => {
                    if let Some(bar) = cur.take() {
                        out.push(bar);
                    }
                    cur = Some(Bar {
                        from: a,
                        to: b.max(a + 1),
                        total: x,
                    });
                }
            }
        }
        if let Some(bar) = cur {
            out.push(bar);
        }
    }
    out
}

impl Density {
    pub(super) fn new(c: &Chronology, scale: &Scale) -> Density {
        let mut rw: BTreeMap<i64, f64> = BTreeMap::new();
        let mut reports_total = 0usize;
        for e in &c.events {
            for r in &e.reports {
                let (s, t) = report_days(e, r);
                add_report(&mut rw, s, t);
                reports_total += 1;
            }
        }
        let mut pw: BTreeMap<i64, f64> = BTreeMap::new();
        for b in c.anchors.iter().filter_map(|a| a.best) {
            *pw.entry(day_number(b)).or_insert(0.0) += 1.0;
        }
        let unit_of: Vec<Unit> = scale
            .segments
            .iter()
            .map(|g| {
                let px_per_day = (g.x1 - g.x0) / ((g.to - g.from).max(1) as f64);
                Unit::ALL
                    .iter()
                    .copied()
                    .find(|u| u.approx_days() * px_per_day >= MIN_BAR_PX)
                    .unwrap_or(Unit::Years(1000))
            })
            .collect();
        let unit = scale
            .segments
            .iter()
            .zip(&unit_of)
            .max_by(|a, b| (a.0.x1 - a.0.x0).total_cmp(&(b.0.x1 - b.0.x0)))
            .map_or("day", |(_, u)| u.words());
        let reports = bars(&rw, scale, &unit_of);
        let peak = reports
            .iter()
            .map(|b| (b.total / (b.to - b.from) as f64, b.from, b.to))
            .fold(None, |acc: Option<(f64, i64, i64)>, x| match acc {
                Some(a) if a.0 >= x.0 => Some(a),
                _ => Some(x),
            });
        Density {
            reports,
            published: bars(&pw, scale, &unit_of),
            unit,
            peak,
            reports_total,
            published_total: c.anchors.iter().filter(|a| a.best.is_some()).count(),
        }
    }

    /// Draw the strip from `top` down ([`HEIGHT`]).
    pub(super) fn draw(&self, s: &mut String, scale: &Scale, top: f64) {
        s.push_str("<g class=\"density\">");
        out!(
            s,
            "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"#f4f7fa\"/>",
            n(MARGIN),
            n(top),
            n(WIDTH - 2.0 * MARGIN),
            n(HEIGHT)
        );
        for g in scale.segments.iter().filter(|g| g.quiet) {
            out!(
                s,
                "<rect class=\"quiet\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"url(#quiet-hatch)\"/>",
                n(g.x0),
                n(top),
                n(g.x1 - g.x0),
                n(HEIGHT)
            );
        }
        let base = top + 8.0 + REPORTS_H;
        let peak_words = match self.peak {
            Some((v, a, b)) => {
                let when = match (date_of(a), date_of(b - 1)) {
                    (Some(x), Some(y)) => human_range(x, y),
                    _ => "?".to_string(),
                };
                format!("peak {} a day ({when})", per_day(v))
            }
            None => "no dated reports".to_string(),
        };
        let head = [
            (top + 17.0, 12.0, true, "#222", "When it was reported".to_string()),
            (
                top + 32.0,
                10.5,
                false,
                "#333",
                format!("{} reports, per {}", thousands(self.reports_total), self.unit),
            ),
            (top + 46.0, 10.5, false, "#555", peak_words),
            (
                base + 8.0 + PUBLISHED_H - 4.0,
                10.5,
                false,
                "#555",
                format!("{} articles published", thousands(self.published_total)),
            ),
        ];
        for (y, size, bold, fill, text) in head {
            out!(
                s,
                "<text x=\"{}\" y=\"{}\" font-size=\"{}\"{} fill=\"{fill}\">{}</text>",
                n(MARGIN + 12.0),
                n(y),
                n(size),
                if bold { " font-weight=\"bold\"" } else { "" },
                esc(&fit_text(&text, HEADER_W - 14.0, size))
            );
        }
        let peak = self.peak.map_or(1.0, |p| p.0).max(f64::MIN_POSITIVE);
        bar_path(
            s,
            &self.reports,
            scale,
            base,
            REPORTS_H,
            peak,
            DENSITY_COLOUR,
            "reports",
        );
        let pub_peak = self
            .published
            .iter()
            .map(|b| b.total / (b.to - b.from) as f64)
            .fold(0.0, f64::max)
            .max(f64::MIN_POSITIVE);
        bar_path(
            s,
            &self.published,
            scale,
            base + 8.0 + PUBLISHED_H,
            PUBLISHED_H,
            pub_peak,
            PUBLISHED_COLOUR,
            "published",
        );
        s.push_str("</g>\n");
    }
}

/// "312", "4.5", "0.03".
fn per_day(v: f64) -> String {
    if v >= 10.0 {
        format!("{v:.0}")
    } else if v >= 1.0 {
        format!("{v:.1}")
    } else {
        format!("{v:.2}")
    }
}

/// One path of bars standing on `base`.
#[allow(clippy::too_many_arguments)]
fn bar_path(s: &mut String, bars: &[Bar], scale: &Scale, base: f64, h: f64, peak: f64, fill: &str, class: &str) {
    if bars.is_empty() {
        return;
    }
    let mut d = String::new();
    for b in bars {
        let x0 = scale.x(b.from as f64);
        let x1 = scale.x(b.to as f64);
        let v = b.total / (b.to - b.from) as f64;
        let bh = (v / peak * h).max(MIN_BAR_H);
        out!(
            d,
            "M{} {}h{}v{}h{}z",
            n(x0),
            n(base),
            n((x1 - x0 - 0.6).max(0.8)),
            n(-bh),
            n(-(x1 - x0 - 0.6).max(0.8))
        );
    }
    out!(s, "<path class=\"{class}\" d=\"{d}\" fill=\"{fill}\"/>");
}
