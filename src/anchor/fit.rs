//! Learning the likelihood of each kind of cue from articles whose
//! publication day is known (issue 13): count where the gold day falls
//! relative to each cue, then choose the temper that makes the stated
//! confidence hold on the articles fitted. The fitting program
//! (`examples/fit_cues.rs`) runs it on the dev corpora and writes
//! `grammar/cues.txt`.

use super::model::{bin_of, estimate, set_contains, weekday_gap, Cue, Kind, Shape, Table, BINS};
use super::table::Counts;

/// Pseudo-count added to every bin: no bin is impossible.
const PRIOR_COUNT: f64 = 0.5;

/// Below `MIN_FIT` fitting examples a set cue's share inside is not
/// estimated from its few examples alone: it is shrunk toward
/// `PRIOR_RELIABILITY` with the weight of `MIN_FIT` examples.
use super::model::MIN_FIT;

/// The share inside assumed of a set cue seen too rarely to learn it: a
/// statement the text makes of the day, right most of the time.
pub const PRIOR_RELIABILITY: f64 = 0.9;

/// Count the cues of the articles with a gold day (`gold[i]` of `cues[i]`)
/// into a table (temper, damping and confidence left as in `base`).
pub fn count(cues: &[Vec<Cue>], gold: &[Option<i64>], base: &Table) -> (Table, Counts) {
    let n = Kind::ALL.len();
    let mut span = vec![[0.0f64; BINS]; n];
    let mut set = vec![(0.0f64, 0.0f64); n];
    let mut weekday = vec![[0.0f64; 7]; n];
    let mut counts = Counts {
        span: vec![0; n],
        set: vec![0; n],
        weekday: vec![0; n],
    };
    for (cs, g) in cues.iter().zip(gold) {
        let Some(g) = *g else { continue };
        for c in cs {
            let k = c.kind.index();
            match &c.shape {
                Shape::Span(a, b) => {
                    span[k][bin_of(g, *a.min(b), *a.max(b))] += 1.0;
                    counts.span[k] += 1;
                }
                Shape::Set(s) => {
                    set[k].0 += f64::from(u8::from(set_contains(s, g)));
                    set[k].1 += 1.0;
                    counts.set[k] += 1;
                }
                Shape::Weekday(wd) => {
                    weekday[k][weekday_gap(g, *wd)] += 1.0;
                    counts.weekday[k] += 1;
                }
            }
        }
    }
    let mut t = base.clone();
    for k in 0..n {
        let seen = counts.span[k] + counts.set[k] + counts.weekday[k];
        if !matches!(Kind::ALL[k], Kind::Retrieved | Kind::RelativeStamp) {
            t.counted[k] = Some(seen);
        }
        if seen == 0 {
            continue; // nothing to learn from: the base's values stand
        }
        let total: f64 = span[k].iter().sum::<f64>() + PRIOR_COUNT * BINS as f64;
        for (slot, c) in t.span[k].iter_mut().zip(&span[k]) {
            *slot = (c + PRIOR_COUNT) / total;
        }
        t.set[k] = if counts.set[k] < MIN_FIT {
            let a = MIN_FIT as f64;
            (set[k].0 + a * PRIOR_RELIABILITY) / (set[k].1 + a)
        } else {
            (set[k].0 + 1.0) / (set[k].1 + 2.0)
        };
        let total: f64 = weekday[k].iter().sum::<f64>() + PRIOR_COUNT * 7.0;
        for (slot, c) in t.weekday[k].iter_mut().zip(&weekday[k]) {
            *slot = (c + PRIOR_COUNT) / total;
        }
    }
    (t, counts)
}

/// What a table gives on articles with a gold day.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Score {
    /// Articles with a gold day.
    pub n: usize,
    /// Intervals bounded on at least one side.
    pub bounded: usize,
    /// Of those, intervals holding the gold day.
    pub contained: usize,
    /// Articles with a best guess within 1, 7, 30 days, and in the right year.
    pub within: [usize; 4],
    /// Intervals holding the gold day, an open side holding everything.
    pub held: usize,
    /// Sum over the articles of ln(1 + width in days), an open side counting
    /// as the days reasoned over.
    pub log_width: f64,
}

/// Score `t` at `confidence` on the articles with a gold day.
pub fn score(t: &Table, cues: &[Vec<Cue>], gold: &[Option<i64>], confidence: f64) -> Score {
    let mut s = Score::default();
    for (cs, g) in cues.iter().zip(gold) {
        let Some(g) = *g else { continue };
        s.n += 1;
        let sum = estimate(cs, t, confidence);
        let holds = sum.earliest.is_none_or(|e| e <= g) && sum.latest.is_none_or(|l| g <= l);
        s.held += usize::from(holds);
        let (lo, hi) = sum.hull;
        s.log_width += ((hi - lo).max(0) as f64 + 1.0).ln();
        if sum.earliest.is_some() || sum.latest.is_some() {
            s.bounded += 1;
            if sum.earliest.is_none_or(|e| e <= g) && sum.latest.is_none_or(|l| g <= l) {
                s.contained += 1;
            }
        }
        if let Some(b) = sum.best {
            let e = (b - g).abs();
            for (i, lim) in [1, 7, 30].iter().enumerate() {
                s.within[i] += usize::from(e <= *lim);
            }
            let year = |d: i64| super::days::date(d).map(|x| chrono::Datelike::year(&x));
            s.within[3] += usize::from(year(b) == year(g));
        }
    }
    s
}

/// The tempers and dampings tried.
const TEMPERS: [f64; 12] = [1.0, 1.1, 1.25, 1.5, 2.0, 2.5, 3.0, 4.0, 5.0, 6.0, 8.0, 12.0];
const DAMPINGS: [f64; 3] = [0.0, 0.25, 0.5];

/// How well `c` holds its confidence in its worst group (`group[i]` of
/// article `i`): the least, over the groups, of the share of intervals
/// holding the gold day (an open side holding everything) and of the share
/// of bounded intervals holding it (a group with fewer than `MIN_FIT`
/// bounded intervals is judged on the first share alone).
fn worst_group(c: &Table, cues: &[Vec<Cue>], gold: &[Option<i64>], group: &[usize]) -> f64 {
    let groups = group.iter().copied().max().map_or(1, |m| m + 1);
    let mut per = vec![Score::default(); groups];
    for ((cs, g), k) in cues.iter().zip(gold).zip(group) {
        let Some(g) = *g else { continue };
        let s = score(c, std::slice::from_ref(cs), &[Some(g)], c.confidence);
        let p = &mut per[*k];
        p.n += s.n;
        p.held += s.held;
        p.bounded += s.bounded;
        p.contained += s.contained;
    }
    per.iter()
        .filter(|p| p.n > 0)
        .map(|p| {
            let held = p.held as f64 / p.n as f64;
            if p.bounded >= MIN_FIT {
                held.min(p.contained as f64 / p.bounded as f64)
            } else {
                held
            }
        })
        .fold(1.0f64, f64::min)
}

/// Choose the tempers and the damping on the articles fitted. First the
/// damping and the guess temper with the most best guesses within a day
/// (then in the right year). Then the interval's temper: of those whose
/// intervals hold the gold day at least as often as the confidence says in
/// every group fitted on (`group[i]` of article `i`, a corpus: old wire
/// news must not pay for the calibration of recent web news; counted over
/// all intervals and over the bounded ones), the narrowest; if none does,
/// the one whose worst group holds it most often.
pub fn calibrate(t: &Table, cues: &[Vec<Cue>], gold: &[Option<i64>], group: &[usize]) -> Table {
    let mut guess: Option<((usize, usize), Table)> = None;
    for &damping in &DAMPINGS {
        for &temper in &TEMPERS {
            let mut c = t.clone();
            (c.temper, c.guess_temper, c.damping) = (temper, temper, damping);
            let s = score(&c, cues, gold, c.confidence);
            let key = (s.within[0], s.within[3]);
            if guess.as_ref().is_none_or(|(b, _)| key > *b) {
                guess = Some((key, c));
            }
        }
    }
    let Some((_, g)) = guess else {
        return t.clone();
    };
    let mut best: Option<((bool, f64), Table)> = None;
    for &temper in &TEMPERS {
        let mut c = g.clone();
        c.temper = temper;
        let s = score(&c, cues, gold, c.confidence);
        let worst = worst_group(&c, cues, gold, group);
        let key = if worst >= c.confidence {
            (true, -s.log_width)
        } else {
            (false, worst)
        };
        if best.as_ref().is_none_or(|(b, _)| key > *b) {
            best = Some((key, c));
        }
    }
    best.map(|b| b.1).unwrap_or(g)
}
