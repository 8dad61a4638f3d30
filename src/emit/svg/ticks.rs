//! The time axis: ticks adapted per segment, and the breaks between segments.

use std::fmt::Write as _;

use super::*;

/// Tick units, smallest first.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Unit {
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

pub(super) const UNITS: [Unit; 20] = [
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
pub(super) struct Tick {
    pub(super) day: i64,
    /// Where the label goes: the middle of the day, month or year when the
    /// unit is one of those (the label names the period), else the tick.
    pub(super) label_at: f64,
    pub(super) label: String,
    pub(super) context: Option<String>,
}

/// The ticks of one segment at the smallest unit that leaves [`MIN_TICK_PX`] between them.
pub(super) fn ticks(seg: &Segment) -> Vec<Tick> {
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

/// The "//" sign of an axis break centred on (x, y).
pub(super) fn break_mark(s: &mut String, x: f64, y: f64, h: f64) {
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
pub(super) fn axis(s: &mut String, scale: &Scale, axis_y: f64, grid_bottom: Option<f64>) {
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
            "<line x1=\"{}\" y1=\"{y}\" x2=\"{}\" y2=\"{y}\" stroke=\"#333\" stroke-width=\"1.2\"{}/>",
            n(seg.x0),
            n(seg.x1),
            if seg.quiet { " stroke-dasharray=\"5 3\"" } else { "" },
            y = n(axis_y)
        );
        let mut labelled = false;
        // A narrow compressed piece is named by its years, not ticked.
        let named_only = seg.quiet && seg.x1 - seg.x0 < NAMED_ONLY_PX;
        for t in ticks(seg).into_iter().filter(|_| !named_only) {
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
                labelled = true;
            }
            if let Some(cx) = &t.context {
                let w = 1.12 * text_width(cx, 11.0);
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
        // A piece too narrow for any tick still says when it is.
        if !labelled {
            let words = piece_words(seg);
            let w = text_width(&words, 11.0);
            let mid = (seg.x0 + seg.x1) / 2.0;
            if mid - w / 2.0 > last_label_end + 3.0 {
                out!(
                    s,
                    "<text x=\"{}\" y=\"{}\" font-size=\"11\" text-anchor=\"middle\" fill=\"#333\">{}</text>",
                    n(mid),
                    n(label_y),
                    esc(&words)
                );
                last_label_end = mid + w / 2.0;
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

/// Compressed pieces narrower than this get their years, not ticks.
const NAMED_ONLY_PX: f64 = 120.0;

/// The years of a piece: "1989", "2002–08", "1995–03", "1900–2010".
fn piece_words(seg: &Segment) -> String {
    let pad = ((seg.to - seg.from) / 20).max(0);
    match (date_of(seg.from + pad), date_of(seg.to - 1 - pad)) {
        (Some(a), Some(b)) if a.year() == b.year() => a.year().to_string(),
        (Some(a), Some(b)) if b.year() - a.year() < 100 && a.year() >= 1000 => {
            format!("{}–{:02}", a.year(), b.year() % 100)
        }
        (Some(a), Some(b)) => format!("{}–{}", a.year(), b.year()),
        _ => String::new(),
    }
}
