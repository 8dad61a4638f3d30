//! The chronology in TimelineJS3 JSON (`out/timeline.json`), for newsrooms.
//!
//! ```
//! use chronology::schema::Chronology;
//! let yaml = "version: 1\nanchors: []\nevents:\n  - {id: e-1, doc: d, expression: May 2024, value: 2024-05, \
//!             type: DATE, start: 2024-05-01, end: 2024-05-31, span: [0, 8], text: talks}\n";
//! let c: Chronology = serde_yaml::from_str(yaml)?;
//! let tl = chronology::emit::timelinejs::timeline(&c);
//! assert_eq!(tl.events[0].start_date.month, Some(5));
//! assert_eq!(tl.events[0].start_date.day, None);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! One slide per chronology event (version 2, or version 1 upgraded by
//! [`crate::emit::upgrade`]), in chronology order:
//!
//! ```text
//! {title: {text: {headline, text}},
//!  events: [{unique_id, start_date: {year, month?, day?}, end_date?, display_date?,
//!            text: {headline, text}, group}]}
//! ```
//!
//! Dates carry the precision of the event: a whole year gives `{year}`, whole
//! months give `{year, month}`, anything else `{year, month, day}`; `end_date`
//! only when the event spans more than that one unit. TimelineJS has no notion
//! of uncertainty, so an uncertain date (a TIMEX3 mod, or earliest/latest
//! bounds) gets a `display_date` in words ("c. February 2026", "before 2011")
//! and its bounds in the slide text. `group` is the article's name (its
//! title, as the SVG lanes) for an event one article reports, or "Reported
//! by several articles" for a merged one; the slide lists every report.
//! Headlines and texts are HTML in TimelineJS, so they are escaped.

use std::collections::BTreeMap;

use chrono::{Datelike, NaiveDate};
use serde::Serialize;

use super::lanes;
use super::svg::{human_day, human_range};
use super::upgrade::AsV2;
use crate::schema::v2::{Chronology, Event};
use crate::timex::{TimexMod, TimexType};

/// A TimelineJS3 timeline.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Timeline {
    /// The title slide.
    pub title: TitleSlide,
    /// One slide per event.
    pub events: Vec<Slide>,
}

/// The title slide.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TitleSlide {
    /// Headline and text.
    pub text: SlideText,
}

/// One event slide.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Slide {
    /// The chronology event id.
    pub unique_id: String,
    /// First day.
    pub start_date: SlideDate,
    /// Last day, when the event spans more than one unit of its precision.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub end_date: Option<SlideDate>,
    /// The date in words, when it is uncertain.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub display_date: Option<String>,
    /// Headline and text (HTML).
    pub text: SlideText,
    /// The article or story.
    pub group: String,
}

/// A TimelineJS date: year, and month and day when known.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct SlideDate {
    /// Year (astronomical: 0 is 1 BC).
    pub year: i32,
    /// Month 1–12.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub month: Option<u32>,
    /// Day 1–31.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub day: Option<u32>,
}

/// Headline and body of a slide (HTML).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SlideText {
    /// Headline.
    pub headline: String,
    /// Body.
    pub text: String,
}

/// Escape text for HTML.
fn html(s: &str) -> String {
    let mut o = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => o.push_str("&amp;"),
            '<' => o.push_str("&lt;"),
            '>' => o.push_str("&gt;"),
            '"' => o.push_str("&quot;"),
            '\'' => o.push_str("&#39;"),
            c => o.push(c),
        }
    }
    o
}

/// How precisely a day range is known.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Precision {
    Year,
    Month,
    Day,
}

fn is_month_end(d: NaiveDate) -> bool {
    d.succ_opt().is_none_or(|n| n.day() == 1)
}

fn precision(a: NaiveDate, b: NaiveDate) -> Precision {
    if a.day() == 1 && is_month_end(b) {
        if a.month() == 1 && b.month() == 12 {
            Precision::Year
        } else {
            Precision::Month
        }
    } else {
        Precision::Day
    }
}

fn slide_date(d: NaiveDate, p: Precision) -> SlideDate {
    match p {
        Precision::Year => SlideDate {
            year: d.year(),
            month: None,
            day: None,
        },
        Precision::Month => SlideDate {
            year: d.year(),
            month: Some(d.month()),
            day: None,
        },
        Precision::Day => SlideDate {
            year: d.year(),
            month: Some(d.month()),
            day: Some(d.day()),
        },
    }
}

const MONTH_NAMES: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// A day range in words at its precision, with full month names: "February 2026", "2024", "4 February 2026".
fn words(a: NaiveDate, b: NaiveDate) -> String {
    let month = |d: NaiveDate| MONTH_NAMES[d.month0() as usize % 12];
    match precision(a, b) {
        Precision::Year if a.year() == b.year() => a.year().to_string(),
        Precision::Year => format!("{}–{}", a.year(), b.year()),
        Precision::Month if (a.year(), a.month()) == (b.year(), b.month()) => format!("{} {}", month(a), a.year()),
        Precision::Month if a.year() == b.year() => format!("{}–{} {}", month(a), month(b), a.year()),
        Precision::Month => format!("{} {} – {} {}", month(a), a.year(), month(b), b.year()),
        Precision::Day if a == b => format!("{} {} {}", a.day(), month(a), a.year()),
        Precision::Day if (a.year(), a.month()) == (b.year(), b.month()) => {
            format!("{}–{} {} {}", a.day(), b.day(), month(a), a.year())
        }
        Precision::Day if a.year() == b.year() => {
            format!("{} {} – {} {} {}", a.day(), month(a), b.day(), month(b), a.year())
        }
        Precision::Day => format!(
            "{} {} {} – {} {} {}",
            a.day(),
            month(a),
            a.year(),
            b.day(),
            month(b),
            b.year()
        ),
    }
}

/// The date in words when it is uncertain, else None.
fn display_date(e: &Event, a: NaiveDate, b: NaiveDate) -> Option<String> {
    let w = words(a, b);
    let uncertain = e.when.earliest.is_some_and(|x| x < a) || e.when.latest.is_some_and(|x| x > b);
    // A duration's mod qualifies the amount ("nearly three years"), not the date;
    // a mod counts only when every report states it.
    let first = e.reports.first().and_then(|r| r.modifier);
    let modifier = if e.kind == TimexType::Duration || !e.reports.iter().all(|r| r.modifier == first) {
        None
    } else {
        first
    };
    match modifier {
        Some(TimexMod::Before | TimexMod::LessThan) => Some(format!("before {w}")),
        Some(TimexMod::OnOrBefore | TimexMod::EqualOrLess) => Some(format!("by {w}")),
        Some(TimexMod::After | TimexMod::MoreThan) => Some(format!("after {w}")),
        Some(TimexMod::OnOrAfter | TimexMod::EqualOrMore) => Some(format!("from {w}")),
        Some(TimexMod::Start) => Some(format!("early {w}")),
        Some(TimexMod::Mid) => Some(format!("mid {w}")),
        Some(TimexMod::End) => Some(format!("late {w}")),
        Some(TimexMod::Approx) => Some(format!("c. {w}")),
        None if uncertain => Some(format!("c. {w}")),
        None => None,
    }
}

/// The chronology as a typed TimelineJS3 timeline.
pub fn timeline<C: AsV2 + ?Sized>(c: &C) -> Timeline {
    timeline_v2(&c.as_v2())
}

fn timeline_v2(c: &Chronology) -> Timeline {
    let name_of: BTreeMap<String, String> = lanes::lanes(c)
        .into_iter()
        .filter_map(|l| Some((l.doc()?.to_string(), l.name)))
        .collect();
    let mut conflicts_of: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for (k, conflict) in c.conflicts.iter().enumerate() {
        for id in &conflict.events {
            conflicts_of.entry(id.as_str()).or_default().push(k);
        }
    }
    for e in &c.events {
        for id in &e.conflicts {
            if let Some(k) = c.conflicts.iter().position(|x| &x.id == id) {
                let v = conflicts_of.entry(e.id.as_str()).or_default();
                if !v.contains(&k) {
                    v.push(k);
                }
            }
        }
    }
    let events = c
        .events
        .iter()
        .map(|e| {
            let (a, b) = (e.when.start.min(e.when.end), e.when.start.max(e.when.end));
            let p = precision(a, b);
            let single = match p {
                Precision::Year => a.year() == b.year(),
                Precision::Month => (a.year(), a.month()) == (b.year(), b.month()),
                Precision::Day => a == b,
            };
            let mut text = format!("<p>{}</p>", html(e.what.trim()));
            let expression = e.reports.first().map_or("", |r| r.expression.as_str());
            text.push_str(&format!(
                "<p><i>“{}”</i> ({}, {})</p>",
                html(expression),
                html(&e.value),
                html(&human_range(a, b))
            ));
            if e.when.earliest.is_some() || e.when.latest.is_some() {
                let lo = e.when.earliest.map_or_else(|| "?".to_string(), human_day);
                let hi = e.when.latest.map_or_else(|| "?".to_string(), human_day);
                text.push_str(&format!("<p>Uncertain: between {lo} and {hi}.</p>"));
            }
            let docs = lanes::event_docs(e);
            if e.reports.len() > 1 {
                text.push_str("<ul>");
                for r in &e.reports {
                    text.push_str(&format!("<li>{}: {}</li>", html(&r.doc), html(r.sentence.text.trim())));
                }
                text.push_str("</ul>");
            } else if !docs.is_empty() {
                text.push_str(&format!("<p>Source: {}</p>", html(&docs.join(", "))));
            }
            for &k in conflicts_of.get(e.id.as_str()).map_or(&[][..], Vec::as_slice) {
                let cf = &c.conflicts[k];
                text.push_str(&format!(
                    "<p><b>Conflict ({}):</b> {}</p>",
                    html(&cf.kind),
                    html(&cf.explanation)
                ));
            }
            let group = match docs.as_slice() {
                [] => "Reports without a document".to_string(),
                [d] => name_of.get(*d).cloned().unwrap_or_else(|| (*d).to_string()),
                _ => "Reported by several articles".to_string(),
            };
            Slide {
                unique_id: e.id.clone(),
                start_date: slide_date(a, p),
                end_date: (!single).then(|| slide_date(b, p)),
                display_date: display_date(e, a, b),
                text: SlideText {
                    headline: html(&headline(e)),
                    text,
                },
                group,
            }
        })
        .collect();
    let mut intro = format!(
        "<p>{} events from {} articles; {} conflict{}.</p>",
        c.events.len(),
        c.anchors.len(),
        c.conflicts.len(),
        if c.conflicts.len() == 1 { "" } else { "s" }
    );
    for k in &c.conflicts {
        intro.push_str(&format!(
            "<p><b>{}</b> ({}): {}</p>",
            html(&k.kind),
            html(&k.docs.join(", ")),
            html(&k.explanation)
        ));
    }
    Timeline {
        title: TitleSlide {
            text: SlideText {
                headline: "Chronology".to_string(),
                text: intro,
            },
        },
        events,
    }
}

/// A short headline: the event's headline cut at a word boundary.
fn headline(e: &Event) -> String {
    let t = if e.what.trim().is_empty() {
        e.reports.first().map_or("", |r| r.expression.as_str())
    } else {
        e.what.as_str()
    };
    let words: Vec<&str> = t.split_whitespace().collect();
    if words.len() <= 12 {
        return words.join(" ");
    }
    format!("{}…", words[..12].join(" "))
}

/// The chronology as TimelineJS3 JSON.
pub fn export<C: AsV2 + ?Sized>(c: &C) -> serde_json::Value {
    // Serialising plain structs of strings and integers into a Value cannot fail;
    // Null is unreachable and kept only to avoid a panic path.
    serde_json::to_value(timeline(c)).unwrap_or(serde_json::Value::Null)
}
