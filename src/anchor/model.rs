//! The model of a publication date (issue 13): every statement is a soft
//! constraint on the unknown day, with a likelihood learned for its kind of
//! cue (`grammar/cues.txt`), and the constraints are combined as a product
//! of likelihoods in which each may be wrong.
//!
//! ```text
//! span cue  (a day, month or year the text states, with its kind)
//!     likelihood of the publication day d, by where d falls from the span:
//!     >10y before | 5-10y | 1-5y | 31d-1y | 8-30d | 2-7d | 1d | inside
//!     | 1d | 2-7d | 8-30d | 31d-1y | 1-5y | 5-10y | >10y after
//!     (15 bins; a learned share of the gold days in each, spread over its width)
//! set cue   (an interval or a yearly window): share r inside, 1 - r outside
//! weekday   (a relative weekday "on Tuesday"): a learned share per gap 0..6
//! ```
//!
//! Every likelihood is constant on day ranges, so the posterior is found
//! exactly by one sweep over the sorted breakpoints (no loop over days, no
//! pair of statements compared): `best` is the day of highest density, and
//! `[earliest, latest]` the hull of the densest ranges that hold
//! `confidence` of the mass.

use chrono::{Datelike, Weekday};

use super::days::{date, date_day, Allowed, Day};

/// The number of bins of a span cue.
pub const BINS: usize = 15;

/// Days before the span's first day where bins 1..=6 start, and after its
/// last day where bins 8..=14 start.
const BEFORE: [i64; 6] = [3650, 1825, 365, 30, 7, 1];
const AFTER: [i64; 7] = [1, 2, 8, 31, 366, 1826, 3651];
/// The bin of the span itself.
const INSIDE: usize = BEFORE.len() + 1;

/// The kinds of cue, each with its own learned likelihood.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Kind {
    /// A day stated with its year, told in the past, in the body.
    PastDay,
    /// A month or season with its year, told in the past.
    PastSpan,
    /// A bare year told as the time of something ("in 2009, …").
    YearPast,
    /// A stated date still ahead, with a scheduling cue.
    FuturePlan,
    /// A stated date whose clause gives no usable tense.
    Told,
    /// A year in passing ("1990 earnings", "the 2012 Olympics").
    YearPassing,
    /// A bare year told as still ahead ("until 2015", "by 2020", "will be
    /// handed over in 2016"; `grammar/year_ahead.txt`).
    YearAhead,
    /// A day stated at the head of the article.
    Dateline,
    /// A page stamp ("amended on", "Page last updated at", a reader's comment).
    Stamp,
    /// A date in a sidebar, teaser, related story or comment.
    Sidebar,
    /// A copyright year.
    Copyright,
    /// A year-less day another article of the story dates.
    Linked,
    /// A relative weekday or day word whose event another article of the
    /// story dates ("cut the pipe on Thursday" ↔ "on June 3, 2010 … cut the pipe").
    Guess,
    /// A year-less day read in the year the story's articles date days near it.
    StoryYear,
    /// A neighbour's day: an article of the same story, naming the same
    /// people, close in wording (similarity at least `close_similarity`,
    /// grammar/weights.txt).
    Neighbour,
    /// A neighbour less close in wording.
    NeighbourFar,
    /// The latest year the body tells of, not ahead (a bare year that is
    /// the latest is this cue only, not also its own kind).
    LatestYear,
    /// The year the article mentions most often.
    TopYear,
    /// An office holder named with the title: the term of office.
    Office,
    /// A relative weekday ("on Tuesday", "yesterday" is not one).
    Weekday,
    /// A year-less day with its tense: a window every year.
    Yearless,
    /// A duration from an event some article dates.
    Duration,
    /// The retrieval date given by the user.
    Retrieved,
    /// A relative page stamp read against the retrieval date.
    RelativeStamp,
}

impl Kind {
    /// Every kind, in the order of `grammar/cues.txt`.
    pub const ALL: [Kind; 24] = [
        Kind::PastDay,
        Kind::PastSpan,
        Kind::YearPast,
        Kind::FuturePlan,
        Kind::Told,
        Kind::YearPassing,
        Kind::YearAhead,
        Kind::Dateline,
        Kind::Stamp,
        Kind::Sidebar,
        Kind::Copyright,
        Kind::Linked,
        Kind::Guess,
        Kind::StoryYear,
        Kind::Neighbour,
        Kind::NeighbourFar,
        Kind::LatestYear,
        Kind::TopYear,
        Kind::Office,
        Kind::Weekday,
        Kind::Yearless,
        Kind::Duration,
        Kind::Retrieved,
        Kind::RelativeStamp,
    ];

    /// The name used in `grammar/cues.txt` and in the evidence.
    pub fn name(self) -> &'static str {
        match self {
            Kind::PastDay => "past_day",
            Kind::PastSpan => "past_span",
            Kind::YearPast => "year_past",
            Kind::FuturePlan => "future_plan",
            Kind::Told => "told",
            Kind::YearPassing => "year_passing",
            Kind::YearAhead => "year_ahead",
            Kind::Dateline => "dateline",
            Kind::Stamp => "stamp",
            Kind::Sidebar => "sidebar",
            Kind::Copyright => "copyright",
            Kind::Linked => "linked",
            Kind::Guess => "guess",
            Kind::StoryYear => "story_year",
            Kind::Neighbour => "neighbour",
            Kind::NeighbourFar => "neighbour_far",
            Kind::LatestYear => "latest_year",
            Kind::TopYear => "top_year",
            Kind::Office => "office",
            Kind::Weekday => "weekday",
            Kind::Yearless => "yearless",
            Kind::Duration => "duration",
            Kind::Retrieved => "retrieved",
            Kind::RelativeStamp => "relative_stamp",
        }
    }

    /// The kind named `s`.
    pub fn from_name(s: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.name() == s)
    }

    pub(super) fn index(self) -> usize {
        Kind::ALL.iter().position(|k| *k == self).unwrap_or(0)
    }
}

/// What a cue says of the day.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Shape {
    /// A stated span of days, first and last.
    Span(Day, Day),
    /// A set of days (an interval, or a window every year).
    Set(SetShape),
    /// A relative weekday the text tells of (Monday = 0).
    Weekday(u32),
}

/// A set of days a set cue allows.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct SetShape(pub(super) Allowed);

/// One cue of one document.
#[derive(Debug, Clone, PartialEq)]
pub struct Cue {
    /// What kind of cue.
    pub kind: Kind,
    /// What it says.
    pub shape: Shape,
    /// The evidence entry it came from.
    pub evidence: usize,
}

/// The bin of day `d` relative to the span `from..=to`.
pub fn bin_of(d: Day, from: Day, to: Day) -> usize {
    if d < from {
        let g = from - d;
        BEFORE.iter().take_while(|b| g <= **b).count()
    } else if d <= to {
        INSIDE
    } else {
        let g = d - to;
        INSIDE + AFTER.iter().take_while(|a| g >= **a).count()
    }
}

/// The weekday gap of day `d` after a told weekday `wd` (0 = the same day).
pub fn weekday_gap(d: Day, wd: u32) -> usize {
    let w = date(d).map_or(0, |x| x.weekday().num_days_from_monday());
    ((w + 7 - wd % 7) % 7) as usize
}

/// Whether day `d` lies in a set cue's days.
pub fn set_contains(s: &SetShape, d: Day) -> bool {
    match s.0 {
        Allowed::Interval(lo, hi) => lo.is_none_or(|l| d >= l) && hi.is_none_or(|h| d <= h),
        _ => {
            let y = date(d).map_or(2000, |x| x.year());
            s.0.to_set((y - 1, y + 1)).contains(d)
        }
    }
}

/// The learned likelihoods of every kind.
#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    /// Per kind: the share of gold days in each bin of a span cue.
    pub span: Vec<[f64; BINS]>,
    /// Per kind: the share of gold days inside a set cue.
    pub set: Vec<f64>,
    /// Per kind: the share of gold days at each weekday gap.
    pub weekday: Vec<[f64; 7]>,
    /// Each cue's log-likelihood is divided by this (cues of one article
    /// are not independent; fitted so the stated confidence holds).
    pub temper: f64,
    /// The temper of the posterior the best day is read from: fitted for
    /// the most best guesses within a day, apart from the interval's (a
    /// flatter posterior states an honest interval, but moves the most
    /// likely year and day).
    pub guess_temper: f64,
    /// Cues of one kind in one article count as `n^-damping` each.
    pub damping: f64,
    /// The probability the interval is stated at.
    pub confidence: f64,
    /// Per kind: how many cues it was fitted from (`None`: assumed known,
    /// as in a table built by hand); a kind fitted from none says nothing.
    pub counted: Vec<Option<usize>>,
}

impl Default for Table {
    /// Uninformed: flat bins, sets right half the time, a temper of 1;
    /// what the user gives (a retrieval date, a page stamp read against it)
    /// right but for a slip in a thousand.
    fn default() -> Table {
        let n = Kind::ALL.len();
        let mut set = vec![0.5; n];
        set[Kind::Retrieved.index()] = 0.999;
        set[Kind::RelativeStamp.index()] = 0.999;
        Table {
            span: vec![[1.0 / BINS as f64; BINS]; n],
            set,
            weekday: vec![[1.0 / 7.0; 7]; n],
            temper: 1.0,
            guess_temper: 1.0,
            damping: 0.0,
            confidence: 0.97,
            counted: vec![None; n],
        }
    }
}

/// The days the model reasons over (a prior flat on them).
pub const DOMAIN: (i32, i32) = (1800, 2030);

fn domain() -> (Day, Day) {
    (
        date_day(DOMAIN.0, 1, 1).unwrap_or(-62_000),
        date_day(DOMAIN.1, 12, 31).unwrap_or(47_000),
    )
}

/// The bins' first days for a span (bins 1..=12).
fn edges(from: Day, to: Day) -> [Day; BINS - 1] {
    let mut e = [0; BINS - 1];
    for (i, b) in BEFORE.iter().enumerate() {
        e[i] = from - b;
    }
    e[INSIDE - 1] = from;
    for (i, a) in AFTER.iter().enumerate() {
        e[INSIDE + i] = to + a;
    }
    e
}

/// One range of days on which the posterior's density is constant.
#[derive(Debug, Clone, PartialEq)]
pub struct Piece {
    /// First day.
    pub from: Day,
    /// Last day.
    pub to: Day,
    /// Log density (up to a constant) on every day, before the weekday factors.
    pub log: f64,
}

/// A document's posterior: constant pieces covering the domain, and the
/// weekday factors.
#[derive(Debug, Clone)]
pub struct Posterior {
    /// The pieces, in day order.
    pub pieces: Vec<Piece>,
    /// Log factor per weekday (Monday = 0).
    pub weekday: [f64; 7],
    /// Whether any cue informs the day.
    pub informed: bool,
    /// Whether a span cue (a day, month or year the text states) informs it.
    pub spanned: bool,
}

/// Below this many fitting examples a kind's reliability is not learned
/// from its few examples alone (a prior reliability stands in for it, see
/// `fit::count`), and no temper is fitted for it: it counts untempered.
pub const MIN_FIT: usize = 20;

/// The weight of each cue: tempered, and damped by how many of its kind the
/// document has (the text's statements are not independent); a kind seen
/// fewer than `MIN_FIT` times when fitting is not tempered (the temper was
/// fitted on the kinds seen often, and says nothing of it); a kind no
/// fitting example was seen of says nothing; the user's retrieval date and
/// what is read against it are taken as given.
fn weights(cues: &[Cue], t: &Table) -> Vec<f64> {
    let mut count = vec![0usize; Kind::ALL.len()];
    for c in cues {
        count[c.kind.index()] += 1;
    }
    cues.iter()
        .map(|c| {
            let k = c.kind.index();
            let damped = (count[k].max(1) as f64).powf(-t.damping);
            match (c.kind, t.counted.get(k).copied().flatten()) {
                // what the user gives is no statement of the text: never tempered
                (Kind::Retrieved | Kind::RelativeStamp, _) => 1.0,
                (_, Some(0)) => 0.0,
                (_, Some(n)) if n < MIN_FIT => damped,
                _ => damped / t.temper.max(1e-6),
            }
        })
        .collect()
}

/// Log of a span cue's density in each bin, for the span `from..=to`.
fn span_logs(p: &[f64; BINS], from: Day, to: Day) -> [f64; BINS] {
    let (d0, d1) = domain();
    let e = edges(from, to);
    let mut out = [0.0; BINS];
    for (i, slot) in out.iter_mut().enumerate() {
        let lo = if i == 0 { d0 } else { e[i - 1] };
        let hi = if i == BINS - 1 { d1 + 1 } else { e[i] };
        let width = (hi - lo).max(1) as f64;
        *slot = (p[i].max(1e-9) / width).ln();
    }
    // the day just before or after a stated span is no likelier than a day
    // of it (the bins are shared by spans of a day and of a month: a month
    // told must not make the first day of the next the likeliest)
    for i in [INSIDE - 1, INSIDE + 1] {
        out[i] = out[i].min(out[INSIDE]);
    }
    out
}

/// Breakpoints of one set: (first day, one past the last day) of each range.
fn set_ranges(s: &SetShape, years: (i32, i32)) -> Vec<(Day, Day)> {
    let (d0, d1) = domain();
    match s.0 {
        Allowed::Interval(lo, hi) => vec![(lo.unwrap_or(d0).max(d0), hi.unwrap_or(d1).min(d1) + 1)],
        _ => {
            s.0.to_set(years)
                .0
                .iter()
                .map(|&(a, b)| (a.max(d0), b.min(d1) + 1))
                .collect()
        }
    }
}

/// Log densities inside and outside a set cue's days (`ranges`, each
/// first day and one past the last): a share `r` of the mass spread over
/// the days inside, the rest over the days outside. None for a set that is
/// empty or the whole domain (it says nothing).
fn set_logs(r: f64, ranges: &[(Day, Day)]) -> Option<(f64, f64)> {
    let (d0, d1) = domain();
    let all = (d1 - d0 + 1) as f64;
    let inside: i64 = ranges.iter().map(|(a, b)| (b - a).max(0)).sum();
    if inside <= 0 || inside as f64 >= all {
        return None;
    }
    let r = r.clamp(1e-6, 1.0 - 1e-6);
    Some(((r / inside as f64).ln(), ((1.0 - r) / (all - inside as f64)).ln()))
}

/// A window every year (`ranges`, expanded over `years`) as log densities
/// against the flat prior: the first and one past the last day of those
/// years, and the levels inside and outside the windows there. A share `r`
/// of each year's mass falls in its windows; beyond those years the cue
/// says nothing (it tells the time of year, not which year). None for
/// windows that are empty or fill the years.
fn periodic_logs(r: f64, ranges: &[(Day, Day)], years: (i32, i32)) -> Option<(Day, Day, f64, f64)> {
    let (d0, d1) = domain();
    let lo = date_day(years.0, 1, 1)?.max(d0);
    let hi = (date_day(years.1, 12, 31)? + 1).min(d1 + 1);
    let inside: i64 = ranges.iter().map(|&(a, b)| (b.min(hi) - a.max(lo)).max(0)).sum();
    let f = inside as f64 / (hi - lo).max(1) as f64;
    if inside <= 0 || f >= 1.0 {
        return None;
    }
    let r = r.clamp(1e-6, 1.0 - 1e-6);
    Some((lo, hi, (r / f).ln(), ((1.0 - r) / (1.0 - f)).ln()))
}

/// The years periodic windows are expanded over: those the span cues reach,
/// a year either side; none when that is more than `MAX_YEARS` (a window
/// every year says nothing of which year).
const MAX_YEARS: i32 = 60;

fn periodic_years(cues: &[Cue]) -> Option<(i32, i32)> {
    let mut lo = i32::MAX;
    let mut hi = i32::MIN;
    for c in cues {
        if let Shape::Span(a, b) = c.shape {
            if let (Some(a), Some(b)) = (date(a), date(b)) {
                lo = lo.min(a.year());
                hi = hi.max(b.year());
            }
        }
        if let Shape::Set(SetShape(Allowed::Interval(lo_d, hi_d))) = c.shape {
            for d in [lo_d, hi_d].into_iter().flatten().filter_map(date) {
                lo = lo.min(d.year());
                hi = hi.max(d.year());
            }
        }
    }
    (lo <= hi && hi - lo <= MAX_YEARS).then_some((lo - 1, hi + 1))
}

/// Combine the cues into the posterior, by one sweep over breakpoints.
pub fn posterior(cues: &[Cue], t: &Table) -> Posterior {
    let (d0, d1) = domain();
    let w = weights(cues, t);
    let years = periodic_years(cues);
    let mut base = 0.0;
    let mut steps: Vec<(Day, f64)> = Vec::with_capacity(cues.len() * (BINS - 1));
    let mut weekday = [0.0; 7];
    let mut informed = false;
    let mut spanned = false;
    for (c, &wc) in cues.iter().zip(&w) {
        let k = c.kind.index();
        match &c.shape {
            Shape::Span(from, to) => {
                let (from, to) = (*from.min(to), *to.max(from));
                if to + 1826 < d0 && from - 1825 > d1 {
                    continue;
                }
                informed = true;
                spanned |= wc > 0.0;
                let logs = span_logs(&t.span[k], from, to);
                base += wc * logs[0];
                for (i, e) in edges(from, to).iter().enumerate() {
                    steps.push((*e, wc * (logs[i + 1] - logs[i])));
                }
            }
            Shape::Set(s) if !matches!(s.0, Allowed::Interval(..)) => {
                let Some(ys) = years else {
                    continue;
                };
                let ranges = set_ranges(s, ys);
                let Some((lo, hi, inside, outside)) = periodic_logs(t.set[k], &ranges, ys) else {
                    continue;
                };
                informed = true;
                steps.push((lo, wc * outside));
                steps.push((hi, -wc * outside));
                for (a, b) in ranges {
                    let (a, b) = (a.max(lo), b.min(hi));
                    if a < b {
                        steps.push((a, wc * (inside - outside)));
                        steps.push((b, wc * (outside - inside)));
                    }
                }
            }
            Shape::Set(s) => {
                let ranges = set_ranges(s, DOMAIN);
                let Some((inside, outside)) = set_logs(t.set[k], &ranges) else {
                    continue;
                };
                informed = true;
                base += wc * outside;
                for (a, b) in ranges {
                    if a < b {
                        steps.push((a, wc * (inside - outside)));
                        steps.push((b, wc * (outside - inside)));
                    }
                }
            }
            Shape::Weekday(wd) => {
                informed = true;
                for g in 0..7 {
                    // the day of the week `g` days after the told weekday
                    let day_of_week = (*wd as usize + g) % 7;
                    let p = t.weekday[k][g].max(1e-9) * 7.0;
                    weekday[day_of_week] += wc * p.ln();
                }
            }
        }
    }
    steps.retain(|s| s.0 > d0 && s.0 <= d1);
    steps.sort_unstable_by_key(|s| s.0);
    let mut pieces = Vec::with_capacity(steps.len() + 1);
    let mut at = d0;
    let mut level = base;
    let mut i = 0;
    while i < steps.len() {
        let day = steps[i].0;
        if day > at {
            pieces.push(Piece {
                from: at,
                to: day - 1,
                log: level,
            });
            at = day;
        }
        while i < steps.len() && steps[i].0 == day {
            level += steps[i].1;
            i += 1;
        }
    }
    pieces.push(Piece {
        from: at,
        to: d1,
        log: level,
    });
    Posterior {
        pieces,
        weekday,
        informed,
        spanned,
    }
}

/// How many days of each weekday (Monday = 0) lie in `from..=to`.
fn weekday_counts(from: Day, to: Day) -> [i64; 7] {
    let n = to - from + 1;
    let mut c = [n / 7; 7];
    let first = date(from).map_or(0, |d| d.weekday().num_days_from_monday() as usize);
    for k in 0..(n % 7) as usize {
        c[(first + k) % 7] += 1;
    }
    c
}

/// What the posterior says: the best day, the interval at the table's
/// confidence (None: it reaches the end of the days reasoned over), and
/// the posterior mass of any range.
#[derive(Debug, Clone)]
pub struct Summary {
    /// The day of highest density.
    pub best: Option<Day>,
    /// The interval holding `confidence` of the mass.
    pub earliest: Option<Day>,
    /// Its last day.
    pub latest: Option<Day>,
    /// The hull before open sides were cut (first, last day).
    pub hull: (Day, Day),
    /// Prefix masses of the pieces (normalised to 1 at the end).
    cumulative: Vec<f64>,
    starts: Vec<Day>,
    ends: Vec<Day>,
    /// Mass density per piece (normalised), for partial pieces.
    density: Vec<f64>,
}

impl Summary {
    /// The posterior probability of `lo..=hi`.
    pub fn mass(&self, lo: Option<Day>, hi: Option<Day>) -> f64 {
        let upto = |d: Day| -> f64 {
            // mass of days <= d
            let i = self.starts.partition_point(|s| *s <= d);
            if i == 0 {
                return 0.0;
            }
            let before = if i >= 2 { self.cumulative[i - 2] } else { 0.0 };
            let k = i - 1;
            let inside = (d.min(self.ends[k]) - self.starts[k] + 1) as f64 * self.density[k];
            before + inside
        };
        let top = hi.map_or(1.0, upto);
        let bottom = lo.map_or(0.0, |l| upto(l - 1));
        (top - bottom).clamp(0.0, 1.0)
    }
}

/// A side of the interval is open when the density at the end of the days
/// reasoned over is at least this share of the density at the side.
const OPEN_RATIO: f64 = 0.5;

/// The summary of a document's cues at `confidence`: the interval from the
/// posterior tempered by `t.temper`, the best day from the one tempered by
/// `t.guess_temper`.
pub fn estimate(cues: &[Cue], t: &Table, confidence: f64) -> Summary {
    let mut s = summarise(&posterior(cues, t), confidence);
    if (t.guess_temper - t.temper).abs() > 1e-9 {
        let g = Table {
            temper: t.guess_temper,
            ..t.clone()
        };
        let p = posterior(cues, &g);
        s.best = if p.informed { best_day(&p, &masses(&p)) } else { None };
    }
    s
}

/// Each piece's mass (up to a constant), weekday factors included.
fn masses(p: &Posterior) -> Vec<f64> {
    let wmax = p.weekday.iter().cloned().fold(f64::MIN, f64::max);
    let lmax = p.pieces.iter().map(|x| x.log).fold(f64::MIN, f64::max);
    let wf: Vec<f64> = p.weekday.iter().map(|w| (w - wmax).exp()).collect();
    p.pieces
        .iter()
        .map(|x| {
            let c = weekday_counts(x.from, x.to);
            (0..7).map(|k| c[k] as f64 * wf[k]).sum::<f64>() * (x.log - lmax).exp()
        })
        .collect()
}

/// Summarise a posterior at `confidence`: the best day and the interval.
/// A side within a year of the end of the days reasoned over is open.
pub fn summarise(p: &Posterior, confidence: f64) -> Summary {
    let (d0, d1) = domain();
    let mass = masses(p);
    let total: f64 = mass.iter().sum::<f64>().max(f64::MIN_POSITIVE);
    let mut cumulative = Vec::with_capacity(mass.len());
    let mut acc = 0.0;
    for m in &mass {
        acc += m / total;
        cumulative.push(acc);
    }
    let density: Vec<f64> = p
        .pieces
        .iter()
        .zip(&mass)
        .map(|(x, m)| m / total / (x.to - x.from + 1) as f64)
        .collect();
    let best = if p.informed { best_day(p, &mass) } else { None };
    let share: Vec<f64> = mass.iter().map(|m| m / total).collect();
    let (lo, hi) = shortest(p, &share, &density, confidence).unwrap_or((d0, d1));
    // a side is open when the days reasoned over end it, not the evidence:
    // within a year of their end, or where the density has not fallen from
    // the side to the end of the days (the tail is cut by the domain only)
    let at = |d: Day| {
        let i = p
            .pieces
            .partition_point(|x| x.to < d)
            .min(density.len().saturating_sub(1));
        density.get(i).copied().unwrap_or(0.0)
    };
    let flat_to = |edge: f64, side: f64| edge >= OPEN_RATIO * side;
    let first = density.first().copied().unwrap_or(0.0);
    let last = density.last().copied().unwrap_or(0.0);
    let open_lo = !p.informed || lo <= d0 + 366 || flat_to(first, at(lo));
    let open_hi = !p.informed || hi >= d1 - 366 || flat_to(last, at(hi));
    Summary {
        best,
        earliest: (!open_lo).then_some(lo),
        latest: (!open_hi).then_some(hi),
        hull: (lo, hi),
        cumulative,
        starts: p.pieces.iter().map(|x| x.from).collect(),
        ends: p.pieces.iter().map(|x| x.to).collect(),
        density,
    }
}

/// The shortest interval holding `confidence` of the mass (`share`: each
/// piece's share of it, `density`: per day): over the runs of consecutive
/// pieces holding it (two pointers, one pass), each with its excess mass
/// trimmed off its less dense end piece.
fn shortest(p: &Posterior, share: &[f64], density: &[f64], confidence: f64) -> Option<(Day, Day)> {
    let n = p.pieces.len();
    let len = |k: usize| p.pieces[k].to - p.pieces[k].from + 1;
    let days = |m: f64, k: usize| -> i64 {
        let d = m / density[k].max(f64::MIN_POSITIVE);
        if d.is_finite() {
            (d.floor() as i64).clamp(0, len(k) - 1)
        } else {
            len(k) - 1
        }
    };
    let mut best: Option<(i64, Day, Day)> = None;
    let (mut j, mut held) = (0, 0.0);
    for i in 0..n {
        while j < n && held < confidence {
            held += share[j];
            j += 1;
        }
        if held < confidence - 1e-9 {
            break;
        }
        let b = j - 1;
        let excess = (held - confidence).max(0.0);
        let (mut lo, mut hi) = (p.pieces[i].from, p.pieces[b].to);
        if i == b {
            let cut = days(excess, i);
            lo += cut / 2;
            hi -= cut - cut / 2;
        } else if density[i] <= density[b] {
            lo += days(excess, i);
        } else {
            hi -= days(excess, b);
        }
        if best.is_none_or(|(w, _, _)| hi - lo < w) {
            best = Some((hi - lo, lo, hi));
        }
        held -= share[i];
    }
    best.map(|(_, lo, hi)| (lo, hi))
}

/// The most likely day within the most likely year: the year holding the
/// most mass, then the densest day of it (a narrow peak in a year that
/// holds little must not win over a year the evidence agrees on).
fn best_day(p: &Posterior, mass: &[f64]) -> Option<Day> {
    let mut years: Vec<(i32, f64)> = Vec::new();
    for (x, m) in p.pieces.iter().zip(mass) {
        let (Some(a), Some(b)) = (date(x.from), date(x.to)) else {
            continue;
        };
        let per_day = m / (x.to - x.from + 1) as f64;
        for y in a.year()..=b.year() {
            let lo = date_day(y, 1, 1).unwrap_or(x.from).max(x.from);
            let hi = date_day(y, 12, 31).unwrap_or(x.to).min(x.to);
            let share = per_day * (hi - lo + 1) as f64;
            match years.last_mut() {
                Some(last) if last.0 == y => last.1 += share,
                _ => years.push((y, share)),
            }
        }
    }
    let (year, top) = *years.iter().max_by(|a, b| a.1.total_cmp(&b.1).then(b.0.cmp(&a.0)))?;
    // no year stands out and no day, month or year is stated (a weekday
    // alone, a window every year): no best day; with a stated one the most
    // likely year is the guess, however weakly it leads (the interval says
    // how sure it is)
    let mean = years.iter().map(|y| y.1).sum::<f64>() / years.len().max(1) as f64;
    if !p.spanned && top < 2.0 * mean {
        return None;
    }
    let (lo, hi) = (date_day(year, 1, 1)?, date_day(year, 12, 31)?);
    let mut best: Option<(f64, Day)> = None;
    for x in p.pieces.iter().filter(|x| x.to >= lo && x.from <= hi) {
        let part = Piece {
            from: x.from.max(lo),
            to: x.to.min(hi),
            log: x.log,
        };
        let mid = part.from + (part.to - part.from) / 2;
        let (score, d) = best_in_piece(&part, mid, &p.weekday);
        if best.is_none_or(|(s, _)| score > s + 1e-9) {
            best = Some((score, d));
        }
    }
    best.map(|b| b.1)
}

/// The best day of one piece: the day nearest its middle whose weekday
/// factor is highest, with its log density.
fn best_in_piece(x: &Piece, mid: Day, weekday: &[f64; 7]) -> (f64, Day) {
    let mut best = (f64::MIN, mid);
    for off in 0..7i64 {
        for d in [mid - off, mid + off] {
            if d < x.from || d > x.to {
                continue;
            }
            let w = date(d).map_or(0, |x| x.weekday().num_days_from_monday() as usize);
            let s = x.log + weekday[w];
            if s > best.0 + 1e-9 {
                best = (s, d);
            }
        }
    }
    best
}

/// A cue's log-likelihood at day `d` against an uninformative statement
/// (how much it pulls toward `d`, in nats; negative: `d` goes against it).
pub fn pull(c: &Cue, d: Day, t: &Table) -> f64 {
    let k = c.kind.index();
    match &c.shape {
        Shape::Span(from, to) => {
            let (from, to) = (*from.min(to), *to.max(from));
            let logs = span_logs(&t.span[k], from, to);
            let (d0, d1) = domain();
            logs[bin_of(d, from, to)] + ((d1 - d0 + 1) as f64).ln()
        }
        Shape::Set(s) if !matches!(s.0, Allowed::Interval(..)) => {
            let y = date(d).map_or(2000, |x| x.year());
            let ys = (y - 1, y + 1);
            match periodic_logs(t.set[k], &set_ranges(s, ys), ys) {
                Some((.., inside, outside)) => {
                    if set_contains(s, d) {
                        inside
                    } else {
                        outside
                    }
                }
                None => 0.0,
            }
        }
        Shape::Set(s) => {
            let ranges = set_ranges(s, DOMAIN);
            let Some((inside, outside)) = set_logs(t.set[k], &ranges) else {
                return 0.0;
            };
            let (d0, d1) = domain();
            let flat = ((d1 - d0 + 1) as f64).ln();
            flat + if set_contains(s, d) { inside } else { outside }
        }
        Shape::Weekday(wd) => (t.weekday[k][weekday_gap(d, *wd)].max(1e-9) * 7.0).ln(),
    }
}

/// The weekday number of a chrono weekday (Monday = 0).
pub fn weekday_number(w: Weekday) -> u32 {
    w.num_days_from_monday()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn span_table(p: [f64; BINS]) -> Table {
        Table {
            span: vec![p; Kind::ALL.len()],
            ..Table::default()
        }
    }

    #[test]
    fn bins_are_counted_from_both_ends_of_the_span() {
        assert_eq!(bin_of(100, 100, 100), INSIDE);
        assert_eq!(bin_of(101, 100, 100), INSIDE + 1);
        assert_eq!(bin_of(99, 100, 100), INSIDE - 1);
        assert_eq!(bin_of(100 + 3651, 100, 100), BINS - 1);
        assert_eq!(bin_of(100 - 3651, 100, 100), 0);
        for d in -6000..10000 {
            let b = bin_of(d, 2000, 2010);
            let e = edges(2000, 2010);
            let want = e.iter().filter(|x| **x <= d).count();
            assert_eq!(b, want, "day {d}");
        }
    }

    #[test]
    fn one_past_day_gives_its_day_and_an_interval_after_it() {
        let mut p = [0.001; BINS];
        p[INSIDE] = 0.5;
        p[INSIDE + 1] = 0.3;
        p[INSIDE + 2] = 0.1;
        p[INSIDE + 3] = 0.05;
        let t = span_table(p);
        let d = date_day(2010, 6, 1).expect("day");
        let cues = [Cue {
            kind: Kind::PastDay,
            shape: Shape::Span(d, d),
            evidence: 0,
        }];
        let s = summarise(&posterior(&cues, &t), 0.9);
        assert_eq!(s.best, Some(d));
        assert_eq!(s.earliest, Some(d));
        assert!(s.latest.is_some_and(|l| l > d + 1 && l <= d + 30), "{:?}", s.latest);
        assert!((s.mass(None, None) - 1.0).abs() < 1e-9);
        assert!(s.mass(Some(d), Some(d)) > 0.4);
    }

    #[test]
    fn no_cue_is_open_on_both_sides() {
        let s = summarise(&posterior(&[], &Table::default()), 0.97);
        assert_eq!((s.best, s.earliest, s.latest), (None, None, None));
    }
}
