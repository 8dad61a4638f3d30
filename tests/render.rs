//! The timeline outputs (issue 5): the SVG is valid XML, renders to a picture
//! that is not blank, shows every event with its id, breaks the axis over long
//! empty stretches, keeps labels apart and is deterministic; the TimelineJS
//! JSON has one slide per event with a valid date.
//!
//! Set `RENDER_PNG_DIR=/some/dir` to also write the rasterised pictures there
//! (shapes only: resvg is built without text support here).

use std::collections::BTreeSet;
use std::path::Path;
use std::process::Command;

use chrono::{Datelike, NaiveDate};
use chronology::emit::{svg, timelinejs};
use chronology::schema::{AnchorSummary, Chronology, Conflict, Event, Statement};
use chronology::timex::{TimexMod, TimexType};
use pretty_assertions::assert_eq;
use resvg::{tiny_skia, usvg};

fn fixture(name: &str) -> Chronology {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/render")
        .join(name);
    let text = std::fs::read_to_string(&path).unwrap();
    serde_yaml::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

const FIXTURES: [&str; 3] = ["seeds.yaml", "bridge.yaml", "week.yaml"];

fn day(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

/// Rasterise with resvg; returns (width, height, RGBA pixels).
fn rasterise(svg_text: &str, png_name: &str) -> (u32, u32, Vec<u8>) {
    let tree = usvg::Tree::from_str(svg_text, &usvg::Options::default()).expect("usvg parses the SVG");
    let size = tree.size().to_int_size();
    let mut pixmap = tiny_skia::Pixmap::new(size.width(), size.height()).unwrap();
    resvg::render(&tree, tiny_skia::Transform::default(), &mut pixmap.as_mut());
    if let Ok(dir) = std::env::var("RENDER_PNG_DIR") {
        pixmap.save_png(Path::new(&dir).join(png_name)).unwrap();
    }
    (size.width(), size.height(), pixmap.data().to_vec())
}

fn attr_values<'a>(doc: &'a usvg::roxmltree::Document, attr: &str) -> Vec<&'a str> {
    doc.descendants().filter_map(|n| n.attribute(attr)).collect()
}

#[test]
fn svg_is_valid_xml_with_title_desc_and_role() {
    for name in FIXTURES {
        let text = svg::render(&fixture(name));
        let doc = usvg::roxmltree::Document::parse(&text).unwrap_or_else(|e| panic!("{name}: {e}"));
        let root = doc.root_element();
        assert_eq!(root.tag_name().name(), "svg");
        assert_eq!(root.attribute("role"), Some("img"));
        let kids: Vec<&str> = root
            .children()
            .filter(|n| n.is_element())
            .map(|n| n.tag_name().name())
            .collect();
        assert_eq!(&kids[..2], &["title", "desc"], "{name}");
        let desc = root
            .children()
            .find(|n| n.has_tag_name("desc"))
            .and_then(|n| n.text())
            .unwrap_or("");
        assert!(desc.contains("events from"), "{name}: {desc}");
    }
}

#[test]
fn every_event_carries_its_id() {
    for name in FIXTURES {
        let c = fixture(name);
        let text = svg::render(&c);
        let doc = usvg::roxmltree::Document::parse(&text).unwrap();
        let tagged: Vec<&str> = attr_values(&doc, "data-event");
        let want: Vec<&str> = c.events.iter().map(|e| e.id.as_str()).collect();
        let got: BTreeSet<&str> = tagged.iter().copied().collect();
        assert_eq!(got, want.iter().copied().collect::<BTreeSet<_>>(), "{name}");
        // One element per report: a merged event is drawn in each of its articles' lanes.
        let reports: usize = c.events.iter().map(|e| e.sources.len().max(1)).sum();
        assert_eq!(tagged.len(), reports, "{name}: one element per report");
        // Each event group holds its tooltip and a mark.
        for g in doc.descendants().filter(|n| n.attribute("data-event").is_some()) {
            let kids: Vec<&str> = g
                .children()
                .filter(|n| n.is_element())
                .map(|n| n.tag_name().name())
                .collect();
            assert_eq!(kids[0], "title");
            assert!(kids.iter().any(|k| *k == "circle" || *k == "rect"), "{name}: {kids:?}");
        }
    }
}

/// Pixels of exactly the conflict colour in rows `y0..` (below the legend,
/// which shows a red dot whenever there are conflicts).
fn conflict_pixels_below(px: &[u8], width: u32, y0: usize) -> usize {
    px.chunks_exact(4)
        .enumerate()
        .filter(|(i, p)| i / width as usize >= y0 && p[0] == 0xd6 && p[1] == 0x27 && p[2] == 0x28)
        .count()
}

#[test]
fn seeds_render_not_blank_with_conflict_colour() {
    let text = svg::render(&fixture("seeds.yaml"));
    let (w, h, px) = rasterise(&text, "seeds.png");
    let total = (w * h) as usize;
    let inked = px
        .chunks_exact(4)
        .filter(|p| p[0] < 235 || p[1] < 235 || p[2] < 235)
        .count();
    // Lane bands, bars, dots, grid: a blank picture would have none.
    assert!(inked * 30 > total, "only {inked} of {total} pixels are inked");
    let red = conflict_pixels_below(&px, w, 140);
    assert!(red >= 30, "conflict colour on {red} pixels");
}

#[test]
fn conflict_colour_is_only_used_for_conflicts() {
    // week.yaml has no conflict: not one pixel of the conflict red.
    let (w, _, px) = rasterise(&svg::render(&fixture("week.yaml")), "week.png");
    assert_eq!(conflict_pixels_below(&px, w, 0), 0);
    let (w, _, px) = rasterise(&svg::render(&fixture("bridge.yaml")), "bridge.png");
    let red = conflict_pixels_below(&px, w, 140);
    assert!(red >= 30, "conflict colour on {red} pixels");
}

#[test]
fn conflicts_are_marked_and_explained() {
    let c = fixture("seeds.yaml");
    let text = svg::render(&c);
    let doc = usvg::roxmltree::Document::parse(&text).unwrap();
    // 004's copyright_vs_body has no events: it is marked on 004's publication date.
    let publication = doc
        .descendants()
        .find(|n| {
            n.attribute("class") == Some("publication") && n.attribute("data-doc") == Some("004_9036e0b901c7c344")
        })
        .expect("publication of 004");
    assert!(publication
        .descendants()
        .any(|n| n.attribute("class") == Some("conflict-marker")));
    let tip = publication
        .children()
        .find(|n| n.has_tag_name("title"))
        .and_then(|n| n.text())
        .unwrap_or("");
    assert!(tip.contains("© 2024"), "{tip}");
    // And listed with its explanation.
    let note = doc
        .descendants()
        .find(|n| n.attribute("data-conflict") == Some("c-4a17e2d0"))
        .expect("conflict note");
    assert!(note
        .descendants()
        .any(|n| n.text().is_some_and(|t| t.contains("copyright_vs_body"))));

    // Events in a conflict are red, with the explanation in their tooltip.
    let c = fixture("bridge.yaml");
    let text = svg::render(&c);
    let doc = usvg::roxmltree::Document::parse(&text).unwrap();
    let g = doc
        .descendants()
        .find(|n| n.attribute("data-event") == Some("e-b0000005"))
        .unwrap();
    assert_eq!(g.attribute("class"), Some("event conflict"));
    let tip = g
        .children()
        .find(|n| n.has_tag_name("title"))
        .and_then(|n| n.text())
        .unwrap();
    assert!(
        tip.contains("CONFLICT (duration_arithmetic): Thirty years after"),
        "{tip}"
    );
    assert!(g
        .descendants()
        .any(|n| n.attribute("fill") == Some(svg::CONFLICT_COLOUR)));
    let calm = doc
        .descendants()
        .find(|n| n.attribute("data-event") == Some("e-b0000003"))
        .unwrap();
    assert_eq!(calm.attribute("class"), Some("event"));
}

#[test]
fn uncertainty_bands_are_drawn_for_uncertain_events_only() {
    let c = fixture("seeds.yaml");
    let text = svg::render(&c);
    let doc = usvg::roxmltree::Document::parse(&text).unwrap();
    for e in &c.events {
        let g = doc
            .descendants()
            .find(|n| n.attribute("data-event") == Some(e.id.as_str()))
            .unwrap();
        let band = g.children().any(|n| n.attribute("class") == Some("uncertainty"));
        let wider = e.earliest.is_some_and(|d| d < e.start) || e.latest.is_some_and(|d| d > e.end);
        assert_eq!(band, wider, "{} ({})", e.id, e.expression);
    }
}

#[test]
fn axis_breaks_over_long_gaps_only() {
    // Seeds: 2014 … 2022 is empty and cut out, and so are the seven empty
    // months before the dense week of February 2026; Feb 2022 … mid-2025 stays whole.
    let seeds = fixture("seeds.yaml");
    let l = svg::layout(&seeds);
    let breaks = l.scale.breaks();
    assert_eq!(breaks.len(), 2, "{breaks:?}");
    assert!(breaks[1].0 > svg::day_number(day("2025-05-01")) && breaks[1].1 < svg::day_number(day("2026-02-05")));
    let (from, to, x0, x1) = breaks[0];
    assert!(from < svg::day_number(day("2015-01-01")) && to > svg::day_number(day("2021-06-01")));
    assert!((x1 - x0 - svg::BREAK_W).abs() < 1e-9);
    let text = svg::render(&seeds);
    let doc = usvg::roxmltree::Document::parse(&text).unwrap();
    let brk = doc
        .descendants()
        .find(|n| n.attribute("class") == Some("axis-break"))
        .expect("axis break drawn");
    assert!(brk.attribute("data-break-from").is_some_and(|d| d.starts_with("2014")));
    // The dense years get most of the width.
    let dense =
        l.scale.x(svg::day_number(day("2026-02-05")) as f64) - l.scale.x(svg::day_number(day("2022-02-01")) as f64);
    assert!(
        dense > 0.7 * (l.scale.segments.last().unwrap().x1 - l.scale.segments[0].x0),
        "{dense}"
    );

    // Bridge: two long gaps (1999 … 2010, 2011 … 2018).
    assert_eq!(svg::layout(&fixture("bridge.yaml")).scale.breaks().len(), 2);
    // One week: no break.
    let week = svg::render(&fixture("week.yaml"));
    assert!(!week.contains("axis-break"));
}

#[test]
fn scale_is_monotone_across_breaks() {
    let l = svg::layout(&fixture("bridge.yaml"));
    let first = l.scale.segments[0].from;
    let last = l.scale.segments.last().unwrap().to;
    let mut prev = f64::NEG_INFINITY;
    for d in (first - 10..last + 10).step_by(7) {
        let x = l.scale.x(d as f64);
        assert!(x >= prev, "x({d}) = {x} < {prev}");
        prev = x;
    }
}

fn axis_texts(text: &str) -> Vec<String> {
    let doc = usvg::roxmltree::Document::parse(text).unwrap();
    let axis = doc
        .descendants()
        .find(|n| n.attribute("class") == Some("axis"))
        .unwrap();
    axis.descendants()
        .filter(|n| n.has_tag_name("text"))
        .filter_map(|n| n.text().map(str::to_string))
        .collect()
}

#[test]
fn ticks_adapt_to_the_span() {
    // A week: day numbers under a month label.
    let week = axis_texts(&svg::render(&fixture("week.yaml")));
    assert!(week.contains(&"Feb 2026".to_string()), "{week:?}");
    for d in ["1", "2", "3", "4", "5", "6", "7", "8"] {
        assert!(week.contains(&d.to_string()), "{d} in {week:?}");
    }
    // Four dense years: months (quarters) under year labels; then the days of February 2026.
    let seeds = axis_texts(&svg::render(&fixture("seeds.yaml")));
    for t in ["2022", "2023", "2024", "2025", "Feb 2026", "Jan", "Jul"] {
        assert!(seeds.contains(&t.to_string()), "{t} in {seeds:?}");
    }
    // Two thousand years, one event a century: round centuries only, no months.
    let mut c = crowded(21);
    for (i, e) in c.events.iter_mut().enumerate() {
        e.start = NaiveDate::from_ymd_opt(100 + 100 * i as i32, 6, 1).unwrap();
        e.end = e.start;
    }
    let long = axis_texts(&svg::render(&c));
    let years: Vec<i64> = long.iter().filter_map(|t| t.parse().ok()).collect();
    assert!(years.len() >= 5, "{long:?}");
    assert!(years.iter().all(|y| y % 100 == 0), "{years:?}");
    assert!(!long.iter().any(|t| t == "Jan"), "{long:?}");
}

#[test]
fn labels_do_not_overlap() {
    for name in FIXTURES {
        let l = svg::layout(&fixture(name));
        assert!(!l.labels.is_empty());
        for (i, a) in l.labels.iter().enumerate() {
            for b in &l.labels[i + 1..] {
                assert!(!a.overlaps(b), "{name}: {a:?} overlaps {b:?}");
            }
            assert!(a.x >= 0.0 && a.x + a.w <= l.width, "{name}: {a:?} outside the picture");
        }
    }
}

/// Many events in few lanes, all in one month: rows fill up, some labels are
/// dropped, and the printed ones still never overlap.
fn crowded(n: usize) -> Chronology {
    let base = day("2024-03-01");
    let events = (0..n)
        .map(|i| {
            let start = base + chrono::Duration::days((i % 28) as i64);
            Event {
                id: format!("e-{i:05}"),
                doc: Some(format!("doc-{}", i % 3)),
                docs: Vec::new(),
                expression: "that day".to_string(),
                value: start.to_string(),
                kind: TimexType::Date,
                modifier: None,
                start,
                end: start + chrono::Duration::days((i % 4) as i64),
                earliest: None,
                latest: None,
                span: [i, i + 8],
                text: format!("event number {i} with a fairly long description"),
                sources: Vec::new(),
                conflicts: Vec::new(),
            }
        })
        .collect();
    Chronology {
        version: 1,
        anchors: Vec::new(),
        events,
        conflicts: Vec::new(),
    }
}

#[test]
fn crowded_lanes_keep_labels_apart() {
    let c = crowded(300);
    let l = svg::layout(&c);
    assert_eq!(l.labels.len() + l.hidden_labels.len(), 300);
    assert!(
        !l.hidden_labels.is_empty(),
        "300 events in 3 lanes over a month cannot all be labelled"
    );
    for (i, a) in l.labels.iter().enumerate() {
        for b in &l.labels[i + 1..] {
            assert!(!a.overlaps(b), "{a:?} overlaps {b:?}");
        }
    }
    // Every event still has its element and tooltip.
    let text = svg::render(&c);
    let doc = usvg::roxmltree::Document::parse(&text).unwrap();
    assert_eq!(attr_values(&doc, "data-event").len(), 300);
    // And the lane headers say how many labels were left out.
    let said: usize = doc
        .descendants()
        .filter(|n| n.has_tag_name("text"))
        .filter_map(|n| n.text())
        .filter_map(|t| {
            t.split(", ")
                .nth(1)?
                .strip_suffix(" labels hidden")?
                .parse::<usize>()
                .ok()
        })
        .sum();
    assert_eq!(said, l.hidden_labels.len());
}

#[test]
fn output_is_deterministic() {
    for name in FIXTURES {
        let c = fixture(name);
        assert_eq!(svg::render(&c), svg::render(&c.clone()), "{name}");
        assert_eq!(
            serde_json::to_string(&timelinejs::export(&c)).unwrap(),
            serde_json::to_string(&timelinejs::export(&c.clone())).unwrap()
        );
    }
}

#[test]
fn hostile_text_is_escaped() {
    let mut c = fixture("week.yaml");
    c.events[0].text = "a <b>bold</b> & \"quoted\" 'claim'\u{1} with a control char".to_string();
    c.events[1].id = "e with spaces & <angles>".to_string();
    c.anchors[0].title = Some("Title ]]> <!-- not a comment -->".to_string());
    c.conflicts.push(Conflict {
        id: "c-x".to_string(),
        kind: "event_dates".to_string(),
        docs: vec!["020_wire_a".to_string()],
        statements: vec![Statement {
            doc: "020_wire_a".to_string(),
            span: [0, 1],
            text: "<&>".to_string(),
        }],
        explanation: "x < y && y > z".to_string(),
        events: vec![c.events[1].id.clone()],
    });
    let text = svg::render(&c);
    let doc = usvg::roxmltree::Document::parse(&text).unwrap_or_else(|e| panic!("{e}\n{text}"));
    assert!(attr_values(&doc, "data-event").contains(&"e with spaces & <angles>"));
    rasterise(&text, "hostile.png");
    let json = serde_json::to_string(&timelinejs::export(&c)).unwrap();
    assert!(json.contains("a &lt;b&gt;bold&lt;/b&gt; &amp;"), "{json}");
}

#[test]
fn degenerate_chronologies_render() {
    // Nothing at all.
    let empty = Chronology {
        version: 1,
        anchors: Vec::new(),
        events: Vec::new(),
        conflicts: Vec::new(),
    };
    let text = svg::render(&empty);
    usvg::roxmltree::Document::parse(&text).unwrap();
    rasterise(&text, "empty.png");
    assert_eq!(timelinejs::timeline(&empty).events.len(), 0);
    // Anchors only, one open-ended.
    let mut anchors_only = empty.clone();
    anchors_only.anchors.push(AnchorSummary {
        doc: "d".to_string(),
        title: None,
        earliest: Some(day("2020-01-01")),
        latest: None,
        best: None,
        status: "bounded".to_string(),
        text_earliest: None,
        text_latest: None,
    });
    usvg::roxmltree::Document::parse(&svg::render(&anchors_only)).unwrap();
    // One event at the ends of the calendar, an inverted range, and dates far apart.
    let mut c = crowded(3);
    c.events[0].start = NaiveDate::MIN;
    c.events[0].end = NaiveDate::MIN;
    c.events[1].start = day("2020-05-01");
    c.events[1].end = day("2020-04-01");
    c.events[2].start = NaiveDate::MAX;
    c.events[2].end = NaiveDate::MAX;
    c.events[2].latest = Some(NaiveDate::MAX);
    let text = svg::render(&c);
    usvg::roxmltree::Document::parse(&text).unwrap();
    rasterise(&text, "extremes.png");
    let years: Vec<i32> = timelinejs::timeline(&c)
        .events
        .iter()
        .map(|s| s.start_date.year)
        .collect();
    assert_eq!(years, vec![NaiveDate::MIN.year(), 2020, NaiveDate::MAX.year()]);
}

fn slide_day(d: &timelinejs::SlideDate, end: bool) -> NaiveDate {
    let month = d.month.unwrap_or(if end { 12 } else { 1 });
    let first = NaiveDate::from_ymd_opt(d.year, month, d.day.unwrap_or(1)).expect("valid TimelineJS date");
    if end && d.day.is_none() {
        // Last day of the month.
        let next = if month == 12 {
            NaiveDate::from_ymd_opt(d.year + 1, 1, 1)
        } else {
            NaiveDate::from_ymd_opt(d.year, month + 1, 1)
        };
        next.and_then(|n| n.pred_opt()).unwrap()
    } else {
        first
    }
}

#[test]
fn timelinejs_has_one_valid_slide_per_event() {
    for name in FIXTURES {
        let c = fixture(name);
        let tl = timelinejs::timeline(&c);
        assert_eq!(tl.events.len(), c.events.len(), "{name}");
        for (s, e) in tl.events.iter().zip(&c.events) {
            assert_eq!(s.unique_id, e.id);
            let start = slide_day(&s.start_date, false);
            let end = slide_day(s.end_date.as_ref().unwrap_or(&s.start_date), true);
            assert!(start <= end, "{name} {}: {start} > {end}", e.id);
            // The slide covers exactly the event's days.
            assert_eq!(
                (start, end),
                (e.start.min(e.end), e.end.max(e.start)),
                "{name} {}",
                e.id
            );
            assert!(!s.text.headline.is_empty() && !s.group.is_empty());
        }
        // The JSON form has the TimelineJS field names.
        let v = timelinejs::export(&c);
        let first = &v["events"][0];
        assert!(first["start_date"]["year"].is_i64(), "{first}");
        assert!(first["text"]["headline"].is_string());
        assert!(v["title"]["text"]["headline"].is_string());
    }
}

#[test]
fn timelinejs_dates_groups_and_display_dates() {
    let c = fixture("seeds.yaml");
    let tl = timelinejs::timeline(&c);
    let by_id = |id: &str| tl.events.iter().find(|s| s.unique_id == id).unwrap();
    // A month: {year, month}; a range of days: start and end days; a year: {year}.
    let feb = by_id("e-1d7f4a03");
    assert_eq!(
        (feb.start_date.year, feb.start_date.month, feb.start_date.day),
        (2022, Some(2), None)
    );
    assert!(feb.end_date.is_none());
    assert_eq!(feb.group, "Reported by several articles");
    let talks = by_id("e-84ab2d97");
    assert_eq!(talks.start_date.day, Some(4));
    assert_eq!(talks.end_date.map(|d| d.day), Some(Some(5)));
    assert_eq!(talks.display_date, None, "pinned article: certain");
    assert_eq!(
        talks.group,
        "Russia loses 170 soldiers for every kilometer gained, Zelensky says as peace talks intensify"
    );
    let year = by_id("e-f08b7d26");
    assert_eq!((year.start_date.month, year.end_date), (None, None));
    // Uncertain: bounds from the unpinned anchor.
    assert_eq!(by_id("e-a5d41e3f").display_date.as_deref(), Some("c. 9 February 2025"));
    assert_eq!(by_id("e-f08b7d26").display_date.as_deref(), Some("c. 2024"));
    assert_eq!(
        by_id("e-0a9d3b6e").display_date.as_deref(),
        Some("c. 6–12 February 2023")
    );
    assert_eq!(
        by_id("e-3c9e1a50").display_date.as_deref(),
        Some("c. September–November 2024")
    );
    assert!(by_id("e-a5d41e3f")
        .text
        .text
        .contains("Uncertain: between 18 Aug 2024 and 16 Feb 2025"));
    // Untitled article: grouped by its earliest sentence, not by its id.
    let g = &by_id("e-0a9d3b6e").group;
    assert!(!g.is_empty() && g != "004_9036e0b901c7c344", "{g}");

    let b = timelinejs::timeline(&fixture("bridge.yaml"));
    let by_id = |id: &str| b.events.iter().find(|s| s.unique_id == id).unwrap();
    assert_eq!(by_id("e-b0000001").display_date.as_deref(), Some("before 2010"));
    assert_eq!(by_id("e-b0000003").display_date.as_deref(), Some("c. 2019"));
    assert!(by_id("e-b0000005").text.text.contains("Conflict (duration_arithmetic)"));
    assert!(b.title.text.text.contains("inverted_range"));
}

#[test]
fn duration_mods_do_not_become_date_words() {
    let mut c = fixture("week.yaml");
    c.events[1].kind = TimexType::Duration;
    c.events[1].modifier = Some(TimexMod::LessThan);
    c.events[2].modifier = Some(TimexMod::Before);
    let tl = timelinejs::timeline(&c);
    assert_eq!(tl.events[1].display_date, None);
    assert_eq!(tl.events[2].display_date.as_deref(), Some("before 3 February 2026"));
}

#[test]
fn render_command_writes_svg_and_json() {
    let dir = std::env::temp_dir().join(format!("chronology-render-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let input = dir.join("chronology.yaml");
    std::fs::copy(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/render/seeds.yaml"),
        &input,
    )
    .unwrap();
    let bin = env!("CARGO_BIN_EXE_chronology");
    // Default: next to the input.
    let st = Command::new(bin).arg("render").arg(&input).status().unwrap();
    assert!(st.success());
    let svg_text = std::fs::read_to_string(dir.join("timeline.svg")).unwrap();
    // the picture, after the line that says who generated it
    let (first, rest) = svg_text.split_once('\n').unwrap();
    assert!(first.starts_with("<!-- generated by chronology "), "{first}");
    assert_eq!(rest, svg::render(&fixture("seeds.yaml")));
    let json: serde_json::Value = serde_json::from_slice(&std::fs::read(dir.join("timeline.json")).unwrap()).unwrap();
    assert_eq!(json["events"].as_array().map(Vec::len), Some(20));
    // -o: the JSON follows the SVG's name.
    let out = dir.join("sub").join("picture.svg");
    let st = Command::new(bin)
        .arg("render")
        .arg(&input)
        .arg("-o")
        .arg(&out)
        .status()
        .unwrap();
    assert!(st.success());
    assert!(out.exists() && dir.join("sub").join("picture.json").exists());
    // A broken file: exit 2, the message names the file and the line.
    let bad = dir.join("bad.yaml");
    std::fs::write(
        &bad,
        "version: 1\nanchors: []\nevents:\n  - id: e-1\n    start: not-a-date\n",
    )
    .unwrap();
    let o = Command::new(bin)
        .arg("render")
        .arg(&bad)
        .arg("-o")
        .arg(dir.join("bad.svg"))
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("bad.yaml:5:12: events[0].start"), "{err}");
    assert!(!dir.join("bad.svg").exists());
    // A future schema version is refused.
    std::fs::write(&bad, "version: 3\nanchors: []\nevents: []\n").unwrap();
    let o = Command::new(bin).arg("render").arg(&bad).output().unwrap();
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("version 3 is not supported"));
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn merged_events_are_drawn_in_each_source_lane() {
    // The invasion (e-1d7f4a03) is told by 002 and 004: one mark in each article's lane.
    let text = svg::render(&fixture("seeds.yaml"));
    let doc = usvg::roxmltree::Document::parse(&text).unwrap();
    let docs: Vec<&str> = doc
        .descendants()
        .filter(|n| n.attribute("data-event") == Some("e-1d7f4a03"))
        .filter_map(|n| n.attribute("data-doc"))
        .collect();
    assert_eq!(docs, vec!["002_4ced0c1f17db292f", "004_9036e0b901c7c344"]);
}

#[test]
fn labels_give_the_date_wording_and_the_event() {
    let l = svg::layout(&fixture("week.yaml"));
    let label = |id: &str| l.labels.iter().find(|b| b.event == id).map(|b| b.text.clone()).unwrap();
    assert_eq!(label("e-w01"), "on Sunday · delegations arrived in Geneva");
    // A long wording is cut so the event phrase still shows.
    let l = svg::layout(&fixture("seeds.yaml"));
    let t = l
        .labels
        .iter()
        .find(|b| b.event == "e-2b8c0f77")
        .map(|b| b.text.clone())
        .unwrap();
    assert!(t.starts_with("the same period… · civilian"), "{t}");
}

#[test]
fn conflicts_between_events_are_joined() {
    let text = svg::render(&fixture("bridge.yaml"));
    let doc = usvg::roxmltree::Document::parse(&text).unwrap();
    let links: Vec<&str> = doc
        .descendants()
        .filter(|n| n.attribute("class") == Some("conflict-link"))
        .filter_map(|n| n.attribute("data-conflict"))
        .collect();
    // duration_arithmetic joins two events; inverted_range has one, nothing to join.
    assert_eq!(links, vec!["c-b0000001"]);
}

#[test]
fn articles_with_nothing_to_draw_are_listed_not_given_lanes() {
    let mut c = crowded(2);
    let blank = |doc: &str| AnchorSummary {
        doc: doc.to_string(),
        title: None,
        earliest: None,
        latest: None,
        best: None,
        status: "under-determined".to_string(),
        text_earliest: None,
        text_latest: None,
    };
    let lanes_before = svg::render(&c).matches("class=\"lane-header\"").count();
    c.anchors.push(blank("quiet-one"));
    c.anchors.push(blank("quiet-two"));
    // a dated article without events keeps its lane: its publication date is drawn
    let mut dated = blank("dated-empty");
    dated.earliest = Some(day("2020-01-01"));
    c.anchors.push(dated);
    let text = svg::render(&c);
    usvg::roxmltree::Document::parse(&text).unwrap();
    assert_eq!(text.matches("class=\"lane-header\"").count(), lanes_before + 1);
    assert!(
        text.contains("Not drawn: 2 articles with no dated event and no known publication date: quiet-one, quiet-two."),
        "{text}"
    );
    rasterise(&text, "blank-lanes.png");
}
