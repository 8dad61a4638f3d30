//! How far a vague amount reaches: "nearly three weeks" as bounds. One model
//! for every stage that measures (#6, #11, #15): a vague word turns an amount
//! N of some unit into the range of amounts it allows, and a part word
//! ("early", "the end of") into the part of a period it names.
//!
//! ```text
//! exact N             [N − 1, N + 1]          ("30 years": 29 to 31)
//! about / around N    [N − r, N + r], r = max(½, N/4)   ("about a month": ½ to 1½)
//! nearly / almost N   [N − min(½, N/4), N]    ("nearly three years": 2½ to 3)
//! less than / under N [0, N]
//! at most N           [0, N]
//! at least N          [N, ∞)
//! more than / over N  [N, ∞)
//! early / start of    the first third of the period
//! mid / middle of     the middle third
//! late / end of       the last third
//! ```

use crate::timex::TimexMod;

/// How far short of N "nearly N" / "almost N" falls, at most, in units:
/// half a unit, or a quarter of N when N is small ("nearly a year": 9 to 12
/// months). From T17 dev: "nearly/almost N weeks/months" counted from the
/// Deepwater Horizon explosion (2010-04-20) to the article's date falls
/// short of N by 0 to 0.37 units in 13 of 14 tellings (the 14th, "almost
/// three weeks since the slick began" on May 4, by about 1.2).
pub const NEARLY_SHORTFALL_UNITS: f64 = 0.5;

/// How far short of N "nearly N" falls for a small N, as a share of N (a
/// quarter: "nearly a year" is 9 to 12 months; the same T17 tellings).
pub const NEARLY_SHORTFALL_SHARE: f64 = 0.25;

/// How far "about N" reaches either side, as a share of N (a quarter:
/// "about 20 years" is 15 to 25), and at least [`ABOUT_MIN_UNITS`].
pub const ABOUT_SHARE: f64 = 0.25;

/// The least reach of "about N", in units (half a unit: "about a week" is 3.5 to 10.5 days).
pub const ABOUT_MIN_UNITS: f64 = 0.5;

/// "early", "mid", "late" each name a third of a period.
const PARTS: f64 = 3.0;

/// The amounts in units "nearly N" allows: `N − min(½, N/4)` to `N`.
pub fn nearly(n: f64) -> (f64, f64) {
    (n - (NEARLY_SHORTFALL_SHARE * n).min(NEARLY_SHORTFALL_UNITS), n)
}

/// What a word before an amount says of it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Vague {
    /// No word: the amount as written, give or take a unit.
    Exact,
    /// "about", "around", "some", "roughly" (TIMEX3 `APPROX`).
    About,
    /// "nearly", "almost" (TIMEX3 `LESS_THAN` as the tagger writes it).
    Nearly,
    /// "less than", "under", "at most", "up to" (TIMEX3 `EQUAL_OR_LESS`).
    AtMost,
    /// "more than", "over", "at least" (TIMEX3 `MORE_THAN`, `EQUAL_OR_MORE`).
    AtLeast,
}

impl Vague {
    /// The vague word a TIMEX3 mod stands for; `None` for a mod that is no
    /// amount's (`BEFORE`, `AFTER`, …). A part mod (`START`, `MID`, `END`) on
    /// an amount ("the early 30 years") is read as "about".
    pub fn of_mod(m: Option<TimexMod>) -> Option<Vague> {
        Some(match m {
            None => Vague::Exact,
            Some(TimexMod::Approx) | Some(TimexMod::Start) | Some(TimexMod::Mid) | Some(TimexMod::End) => Vague::About,
            Some(TimexMod::LessThan) => Vague::Nearly,
            Some(TimexMod::EqualOrLess) => Vague::AtMost,
            Some(TimexMod::MoreThan) | Some(TimexMod::EqualOrMore) => Vague::AtLeast,
            Some(_) => return None,
        })
    }
}

/// The amounts, in units, that `n` units told with `vague` allow: least
/// and greatest (`None`: no upper bound).
pub fn bounds(n: f64, vague: Vague) -> (f64, Option<f64>) {
    match vague {
        Vague::Exact => ((n - 1.0).max(0.0), Some(n + 1.0)),
        Vague::About => {
            let r = (ABOUT_SHARE * n).max(ABOUT_MIN_UNITS);
            ((n - r).max(0.0), Some(n + r))
        }
        Vague::Nearly => {
            let (lo, hi) = nearly(n);
            (lo, Some(hi))
        }
        Vague::AtMost => (0.0, Some(n)),
        Vague::AtLeast => (n, None),
    }
}

/// The part of a period a part word names, as fractions of its length:
/// "early March" the first third, "mid-March" the middle one, "late March"
/// the last (`START`, `MID`, `END`); `None` for any other mod.
pub fn part(m: TimexMod) -> Option<(f64, f64)> {
    match m {
        TimexMod::Start => Some((0.0, 1.0 / PARTS)),
        TimexMod::Mid => Some((1.0 / PARTS, 2.0 / PARTS)),
        TimexMod::End => Some((2.0 / PARTS, 1.0)),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nearly_falls_short_by_half_a_unit_at_most() {
        assert_eq!(nearly(3.0), (2.5, 3.0));
        assert_eq!(nearly(1.0), (0.75, 1.0));
    }

    #[test]
    fn vague_words_are_bounds() {
        // "about a month ago" allows 26 days (0.85 of a month)
        let (lo, hi) = bounds(1.0, Vague::About);
        assert!(lo <= 26.0 / 30.44 && hi.is_some_and(|h| h >= 1.0));
        // "nearly three years" allows 2 years 10 months
        let (lo, hi) = bounds(3.0, Vague::Nearly);
        assert!(lo <= 2.0 + 10.0 / 12.0 && hi == Some(3.0));
        // "more than 30 years": no upper bound
        // "about": a quarter either side, at least half a unit
        assert_eq!(bounds(20.0, Vague::About), (15.0, Some(25.0)));
        assert_eq!(bounds(1.0, Vague::About), (0.5, Some(1.5)));
        assert_eq!(bounds(30.0, Vague::AtLeast), (30.0, None));
        assert_eq!(bounds(30.0, Vague::Exact), (29.0, Some(31.0)));
        assert_eq!(bounds(2.0, Vague::AtMost), (0.0, Some(2.0)));
        assert_eq!(Vague::of_mod(Some(TimexMod::LessThan)), Some(Vague::Nearly));
        assert_eq!(Vague::of_mod(Some(TimexMod::Before)), None);
    }

    #[test]
    fn part_words_name_thirds() {
        assert_eq!(part(TimexMod::Start), Some((0.0, 1.0 / 3.0)));
        assert_eq!(part(TimexMod::End).map(|p| p.1), Some(1.0));
        assert_eq!(part(TimexMod::Approx), None);
    }
}
