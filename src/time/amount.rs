//! How far a vague amount reaches: "nearly three weeks" as bounds.

/// How far short of N "nearly N" / "almost N" falls, at most, in units:
/// half a unit, or a quarter of N when N is small ("nearly a year": 9 to 12
/// months). From T17 dev: "nearly/almost N weeks/months" counted from the
/// Deepwater Horizon explosion (2010-04-20) to the article's date falls
/// short of N by 0 to 0.37 units in 13 of 14 tellings (the 14th, "almost
/// three weeks since the slick began" on May 4, by about 1.2).
pub const NEARLY_SHORTFALL_UNITS: f64 = 0.5;

/// The amounts in units "nearly N" allows: `N − min(½, N/4)` to `N`.
pub fn nearly(n: f64) -> (f64, f64) {
    (n - (0.25 * n).min(NEARLY_SHORTFALL_UNITS), n)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nearly_falls_short_by_half_a_unit_at_most() {
        assert_eq!(nearly(3.0), (2.5, 3.0));
        assert_eq!(nearly(1.0), (0.75, 1.0));
    }
}
