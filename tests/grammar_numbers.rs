//! The named bounds of the tag rules and the resolver, each at its bound:
//! the text right at it reads one way, one step past it the other. Changing
//! any of them makes a case here fail (see the constant for its reason).

use chrono::NaiveDate;
use chronology::resolve::{resolve_all, AnchorRef};
use chronology::tag::tag;

/// The values tagged in `text`, with the text each covers, anchored on `anchor`.
fn values_at(text: &str, anchor: &str) -> Vec<(String, String)> {
    let a = NaiveDate::parse_from_str(anchor, "%Y-%m-%d").expect("anchor");
    let m = tag(text, 0..text.len());
    resolve_all(text, &m, Some(&AnchorRef::Day(a)))
        .into_iter()
        .map(|r| (r.text, r.timex.value))
        .collect()
}

fn values(text: &str) -> Vec<(String, String)> {
    values_at(text, "2025-02-10")
}

fn pair(t: &str, v: &str) -> Vec<(String, String)> {
    vec![(t.to_string(), v.to_string())]
}

#[test]
fn two_digit_years_pivot_at_50() {
    // tag::rules::dates TWO_DIGIT_PIVOT
    assert_eq!(values("Filed 02/04/49 here."), pair("02/04/49", "2049-02-04"));
    assert_eq!(values("Filed 02/04/50 here."), pair("02/04/50", "1950-02-04"));
}

#[test]
fn a_bare_month_name_has_five_letters() {
    // tag::rules::dates MIN_BARE_MONTH_LEN: "April" alone is the month, "Sept" is not
    assert_eq!(values("It opened in April."), pair("April", "2024-04"));
    assert_eq!(values("It opened in Sept and closed."), vec![]);
}

#[test]
fn a_short_range_spans_thirty_years() {
    // tag::rules::ranges MAX_SHORT_RANGE_YEARS
    let v = values("The survey of 1990-20 found it.");
    assert!(v.iter().any(|(_, x)| x == "2020"), "{v:?}");
    let v = values("The survey of 1990-21 found it.");
    assert!(!v.iter().any(|(_, x)| x == "2021"), "{v:?}");
}

#[test]
fn centuries_end_with_the_22nd() {
    // tag::rules::years LAST_CENTURY
    assert_eq!(values("Plans for the 22nd century."), pair("the 22nd century", "21"));
    assert_eq!(values("Plans for the 23rd century."), vec![]);
}

#[test]
fn years_said_in_words() {
    // tag::rules::years SPOKEN_CENTURIES and SPOKEN_YEARS
    assert_eq!(values("It began in twenty ten."), pair("twenty ten", "2010"));
    assert_eq!(values("It began in eleven fifty."), pair("eleven fifty", "1150"));
    assert_eq!(values("It began in ten fifty."), vec![]);
    assert_eq!(values("It began in twenty-one fifty."), vec![]);
    assert_eq!(values("It began in nineteen nine."), vec![]);
}

#[test]
fn decades_of_the_written_years() {
    // tag::rules::years decade: the 1000s to the 2190s
    assert_eq!(values("Fashion of the 2190s."), pair("the 2190s", "219"));
    assert_eq!(values("Fashion of the 1000s."), pair("the 1000s", "100"));
}

#[test]
fn a_rate_needs_a_plural_of_four_letters() {
    // tag::rules::amounts MIN_PLURAL_LEN: "bars a day" is a rate, "ads a day" an amount
    let kind = |text: &str| {
        let m = tag(text, 0..text.len());
        let a = NaiveDate::from_ymd_opt(2025, 2, 10).expect("date");
        resolve_all(text, &m, Some(&AnchorRef::Day(a)))
            .iter()
            .map(|r| r.timex.kind.as_str().to_string())
            .collect::<Vec<_>>()
    };
    assert_eq!(kind("It pumps 5,000 bars a day."), ["SET"]);
    assert_eq!(kind("It was one ads a day."), ["DURATION"]);
}

/// The value of the mention covering `what` in `text`.
fn value_of(text: &str, anchor: &str, what: &str) -> String {
    let v = values_at(text, anchor);
    v.iter()
        .find(|(t, _)| t.contains(what))
        .map(|(_, x)| x.clone())
        .unwrap_or_else(|| panic!("{what:?} not tagged in {text:?}: {v:?}"))
}

#[test]
fn weekday_year_bounds() {
    // resolve::document WEEKDAY_YEAR_SLACK: "will play on Saturday, Jan. 3"
    // told up to a week after it is still that Saturday, not the next Jan. 3
    let t = "The team will play on Saturday, Jan. 3 in Boston.";
    assert_eq!(value_of(t, "2026-01-10", "Jan. 3"), "2026-01-03");
    assert_eq!(value_of(t, "2026-01-11", "Jan. 3"), "2027-01-03");
    // WEEKDAY_YEAR_ANY: with no tense, a year either side
    let t = "Saturday, Jan. 3: the team and the fans in Boston.";
    assert_eq!(value_of(t, "2025-01-03", "Jan. 3"), "2026-01-03");
    assert_eq!(value_of(t, "2025-01-02", "Jan. 3"), "2025-01-03");
}

#[test]
fn year_ago_period_bounds() {
    // resolve::eval REPORT_PERIOD_AGE_DAYS: the period under report ended at
    // most half a year before the anchor
    let t = "It lost $158,666 in the fourth quarter of 2023, compared with a year-earlier loss of $26,956.";
    assert_eq!(value_of(t, "2024-07-01", "year-earlier"), "2022-Q4");
    assert_eq!(value_of(t, "2024-07-02", "year-earlier"), "2023-Q4");
}

#[test]
fn a_clock_time_is_on_the_day_mentioned_within_a_week() {
    // resolve::eval CLOCK_DAY_REACH
    let t = |d: &str| format!("The plant closed on {d}. Workers left at 10:35 a.m. in the rain.");
    assert_eq!(value_of(&t("Feb. 3"), "2025-02-10", "10:35"), "2025-02-03T10:35");
    assert_eq!(value_of(&t("Feb. 2"), "2025-02-10", "10:35"), "2025-02-10T10:35");
}
