//! Reading and writing TIMEX3 values, day numbers.

use chrono::{NaiveDate, Weekday};

use super::*;

/// One or two values of every form the resolver writes (taken from its
/// output on TimeBank+AQUAINT, T17, WikiWars, the seeds and generated news),
/// and the forms of the grammar it writes rarely.
const VALUES: &[&str] = &[
    "-479-04",
    "-479-09",
    "-480-FA",
    "-478-SP",
    "-480-SU",
    "-478-WI",
    "02",
    "20",
    "100",
    "208",
    "1000",
    "2109",
    "1775-07",
    "2026-01",
    "1775-06-17",
    "2099-01-01",
    "2024-02-30",
    "1918-08-25/1918-08-31",
    "2010-08-01/2010-08-07",
    "2023-09/2023-11",
    "XXXX-02-04/XXXX-02-05",
    "1918-11-11T10:57",
    "2025-12-28T15:00",
    "2025-12-28T15",
    "2025-12-28T15:00:30",
    "1998-02-22TAF",
    "2010-11-17TAF",
    "1960-01-29TEV",
    "2010-09-21TEV",
    "1775-04-19TMO",
    "2011-01-10TMO",
    "1775-04-18TNI",
    "2025-12-28TNI",
    "1789-FA",
    "2010-FA",
    "1989-H1",
    "2010-H2",
    "1984-Q3",
    "2025-Q3",
    "1776-SP",
    "2023-SP",
    "1778-SU",
    "2011-SU",
    "1918-W40",
    "2025-W51",
    "1989-W43-WE",
    "2026-W01-WE",
    "2026-W01-3",
    "1776-WI",
    "2025-WI",
    "BC0146",
    "BC0513",
    "BC0481-SU",
    "BC0480-04",
    "BC0490-09-12",
    "BC0480-W30",
    "BC0480-Q3",
    "FUTURE_REF",
    "PAST_REF",
    "PRESENT_REF",
    "P2920D",
    "P1000Y",
    "P5000Y",
    "P100D",
    "P977D",
    "P270W",
    "P100Y",
    "P800Y",
    "P10D",
    "P97D",
    "P10M",
    "P96M",
    "P10W",
    "P52W",
    "P10Y",
    "P90Y",
    "P1D",
    "P9D",
    "P1.5Y",
    "P0.5D",
    "P1DT12H",
    "P6DT12H",
    "P1M",
    "P9M",
    "P1M15D",
    "P9M15D",
    "P1Q",
    "P4Q",
    "P1W",
    "P8W",
    "P1WE",
    "P2WE",
    "P2DE",
    "P1CE",
    "P1Y",
    "P9Y",
    "P1Y6M",
    "P3Y6M",
    "PT1000H",
    "PT8700H",
    "PT100H",
    "PT10H",
    "PT96H",
    "PT10M",
    "PT90M",
    "PT10S",
    "PT60S",
    "PT1H",
    "PT9H",
    "PT1H30M",
    "PT7H30M",
    "PT1M",
    "PT8M",
    "PT1S",
    "PT9S",
    "PTXH",
    "PTXM",
    "PTXS",
    "PXD",
    "PXM",
    "PXQ",
    "PXW",
    "PXY",
    "XXXX",
    "XXXX-WXX",
    "XXXX-WXX-1",
    "XXXX-WXX-7",
    "XXXX-XX",
    "XXXX-XX-XX",
    "XXXX-02-04",
    "XXXX-05",
    "XXXX-SU",
    "XXXX-Q2",
    "XXXX-QX",
    "XXXX-H1",
    "XXXX-02-04TNI",
    "XXXX-WXX-5TMO",
    "XXXX-WXX-4T10:00",
    "XXXX-WXX-WETNI",
    "2026-W06-3TEV",
];

#[test]
fn every_value_form_reads_and_writes_back() {
    for v in VALUES {
        let t = TimeValue::parse(v).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(t.to_string(), *v, "{t:?}");
    }
}

#[test]
fn not_values_are_errors() {
    for v in [
        "",
        "P",
        "PT",
        "2024-13x",
        "20245",
        "2024-W6",
        "2024-Q5",
        "XXXX-WXX-8",
        "2024-W06TNI",
        "P3",
        "PT3D",
        "P3H",
        "abc",
        "2024/",
    ] {
        assert!(TimeValue::parse(v).is_err(), "{v}");
    }
}

/// Every value in a file (one a line) reads and writes back:
/// `TIMEX_VALUES=/tmp/values.txt cargo test --lib time:: -- --ignored`.
#[test]
#[ignore = "reads a file of values named by TIMEX_VALUES"]
fn values_of_a_file_read_and_write_back() {
    let Ok(path) = std::env::var("TIMEX_VALUES") else {
        return;
    };
    let text = std::fs::read_to_string(path).expect("TIMEX_VALUES names a readable file");
    let mut bad = Vec::new();
    let mut n = 0;
    for v in text.lines().filter(|l| !l.is_empty()) {
        n += 1;
        match TimeValue::parse(v) {
            Ok(t) if t.to_string() == v => {}
            Ok(t) => bad.push(format!("{v} -> {t}")),
            Err(e) => bad.push(e.to_string()),
        }
    }
    eprintln!("{n} values, {} not round-tripped", bad.len());
    assert!(bad.is_empty(), "{bad:#?}");
}

fn value(s: &str) -> TimeValue {
    TimeValue::parse(s).expect("a value")
}

#[test]
fn unknown_parts() {
    for v in [
        "XXXX-02-04",
        "XXXX-WXX-4",
        "PXY",
        "PTXM",
        "XXXX",
        "2024-XX",
        "XXXX-SU",
        "XXXX-02-04/XXXX-02-05",
        "XXXX-QX",
    ] {
        assert!(value(v).has_unknown(), "{v}");
    }
    for v in [
        "2024-02-04",
        "2024-W06-WE",
        "P3Y",
        "PRESENT_REF",
        "199",
        "BC0146",
        "BC0481-SU",
        "-479-04",
    ] {
        assert!(!value(v).has_unknown(), "{v}");
    }
}

#[test]
fn years_before_the_era_in_the_timex2_form() {
    let summer = TimeValue::Season {
        year: Some(481),
        season: Season::Summer,
    };
    assert_eq!(
        TimeValue::bc(summer.clone()).map(|v| v.to_string()).as_deref(),
        Some("BC0481-SU")
    );
    assert_eq!(value("BC0481-SU"), TimeValue::Bc(Box::new(summer)));
    let year = value("0146");
    assert_eq!(TimeValue::bc(year), Some(TimeValue::BcYear(146)));
    assert_eq!(TimeValue::bc(value("XXXX-05")), None);
    assert_eq!(TimeValue::bc(value("P3Y")), None);
    assert!(TimeValue::parse("BCXXXX-05").is_err());
    assert_eq!(value("BC0481-SU").yearless(), None);
    assert_eq!(value("BC0481-SU").day_span(), None);
}

#[test]
fn yearless_and_weekday_values() {
    assert_eq!(value("XXXX-02-04").yearless(), Some((2, Some(4))));
    assert_eq!(value("XXXX-02-04/XXXX-02-05").yearless(), Some((2, Some(4))));
    assert_eq!(value("XXXX-05").yearless(), Some((5, None)));
    assert_eq!(value("XXXX-13-01").yearless(), None);
    assert_eq!(value("XXXX-XX-XX").yearless(), None);
    assert_eq!(value("2025-02-04").yearless(), None);
    assert_eq!(value("XXXX-WXX-4").weekday(), Some(Weekday::Thu));
    assert_eq!(value("XXXX-WXX").weekday(), None);
    assert_eq!(value("2024-W06-4").weekday(), None);
    assert_eq!(value("XXXX-WXX-5TMO").weekday(), Some(Weekday::Fri));
    assert_eq!(value("XXXX-WXX-5T10:00").yearless(), None);
}

#[test]
fn plain_calendar_spans() {
    let d = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("a date");
    let span = |s: &str| value(s).day_span().map(|s| (s.from, s.to, s.gran));
    assert_eq!(span("2024"), Some((d("2024-01-01"), d("2024-12-31"), Gran::Year)));
    assert_eq!(span("2024-02"), Some((d("2024-02-01"), d("2024-02-29"), Gran::Month)));
    assert_eq!(span("2024-12"), Some((d("2024-12-01"), d("2024-12-31"), Gran::Month)));
    assert_eq!(span("2024-02-04"), Some((d("2024-02-04"), d("2024-02-04"), Gran::Day)));
    assert_eq!(span("2024-02-30"), None);
    assert_eq!(span("2024-W06"), None);
    assert_eq!(span("2024-02-04TNI"), None);
}

#[test]
fn day_numbers_go_both_ways() {
    let d = NaiveDate::from_ymd_opt(2026, 2, 4).expect("a date");
    assert_eq!(day_date(day_number(d)), Some(d));
    assert_eq!(day_number(NaiveDate::from_ymd_opt(1, 1, 1).expect("a date")), 1);
    assert_eq!(day_date(i64::MAX), None);
}
