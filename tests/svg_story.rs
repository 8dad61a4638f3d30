//! The story picture (issue 12): a 1,500-article story stays within 16,000 px
//! and 3 MB, version 1 and version 2 chronologies both render, the output is
//! deterministic, small collections get article lanes and large ones do not,
//! articles are named by title, and the axis breaks where the reports leave a gap.

use std::path::Path;
use std::process::Command;

use chrono::NaiveDate;
use chronology::emit::svg::{self, ArticleLanes, Options};
use chronology::emit::upgrade;
use chronology::schema::v2::Chronology;
use resvg::usvg;

#[allow(dead_code)]
#[path = "../examples/gen_story.rs"]
mod gen_story;

fn day(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("a date")
}

fn fixture_text(name: &str) -> String {
    let p = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/render")
        .join(name);
    std::fs::read_to_string(p).expect("fixture")
}

fn parse(text: &str) -> usvg::roxmltree::Document<'_> {
    usvg::roxmltree::Document::parse(text).expect("valid XML")
}

fn always() -> Options {
    Options {
        lanes: ArticleLanes::Always,
    }
}

#[test]
fn a_story_of_1500_articles_stays_within_the_limits() {
    let c = gen_story::story(1500, 17);
    for o in [Options::default(), always()] {
        let text = svg::render_with(&c, &o);
        let l = svg::layout_with(&c, &o);
        assert!(
            l.width <= svg::MAX_SIDE && l.height <= svg::MAX_SIDE,
            "{o:?}: {} × {}",
            l.width,
            l.height
        );
        assert!(text.len() <= svg::MAX_BYTES, "{o:?}: {} bytes", text.len());
        let doc = parse(&text);
        let root = doc.root_element();
        let h: f64 = root.attribute("height").and_then(|h| h.parse().ok()).expect("height");
        assert!(h <= svg::MAX_SIDE);
        // The density strip and the story timeline are there, every day of the timeline drawn.
        assert!(doc.descendants().any(|n| n.attribute("class") == Some("density")));
        let entries = doc
            .descendants()
            .filter(|n| n.attribute("class").is_some_and(|c| c.starts_with("entry")))
            .count();
        assert_eq!(entries, c.timeline.len());
        assert!(c.timeline.len() >= 100, "{}", c.timeline.len());
    }
    // With lanes on request, those that do not fit are left out and said so.
    let l = svg::layout_with(&c, &always());
    assert!(
        l.lanes > 12 && l.lanes_cut > 0,
        "{} drawn, {} cut",
        l.lanes,
        l.lanes_cut
    );
    assert!(svg::render_with(&c, &always()).contains("class=\"lanes-cut\""));
}

#[test]
fn story_labels_never_overlap_and_all_fit() {
    let c = gen_story::story(1500, 17);
    let l = svg::layout(&c);
    assert_eq!(l.story_labels.len() + l.story_hidden.len(), c.timeline.len());
    assert!(l.story_hidden.is_empty(), "{:?}", l.story_hidden);
    for (i, a) in l.story_labels.iter().enumerate() {
        assert!(a.x >= 0.0 && a.x + a.w <= l.width, "{a:?} outside the picture");
        for b in &l.story_labels[i + 1..] {
            assert!(!a.overlaps(b), "{a:?} overlaps {b:?}");
        }
    }
    // Read top to bottom, left to right, the days are in date order.
    let mut seen: Vec<(i64, i64, String)> = l
        .story_labels
        .iter()
        .map(|b| ((b.y * 10.0) as i64, (b.x * 10.0) as i64, b.event.clone()))
        .collect();
    seen.sort();
    let days: Vec<&str> = seen.iter().map(|s| s.2.as_str()).collect();
    let mut sorted = days.clone();
    sorted.sort_unstable();
    assert_eq!(days, sorted);
}

#[test]
fn version_1_and_version_2_both_render() {
    let v1_text = fixture_text("seeds.yaml");
    let v1: chronology::schema::Chronology = serde_yaml::from_str(&v1_text).expect("v1");
    let up = upgrade::read(&v1_text).expect("reads v1");
    assert_eq!(up.version, 2);
    assert_eq!(up.events.len(), v1.events.len());
    // The picture of a v1 document is that of its upgrade, and of the upgrade written out and read back.
    let a = svg::render(&v1);
    assert_eq!(a, svg::render(&up));
    let v2_text = serde_yaml::to_string(&up).expect("yaml");
    let back = upgrade::read(&v2_text).expect("reads v2");
    assert_eq!(svg::render(&back), a);
    parse(&a);
    // And from the command line, a v2 file.
    let dir = std::env::temp_dir().join(format!("chronology-svg-story-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("dir");
    let input = dir.join("story.yaml");
    std::fs::write(&input, serde_yaml::to_string(&gen_story::story(40, 3)).expect("yaml")).expect("write");
    let out = Command::new(env!("CARGO_BIN_EXE_chronology"))
        .args(["render", "--no-json", "-o"])
        .arg(dir.join("story.svg"))
        .arg(&input)
        .output()
        .expect("runs");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let text = std::fs::read_to_string(dir.join("story.svg")).expect("svg");
    assert!(text.contains("class=\"story-lane\""));
    // --lanes gives the 40 articles their lanes.
    let out = Command::new(env!("CARGO_BIN_EXE_chronology"))
        .args(["render", "--no-json", "--lanes", "-o", "-"])
        .arg(&input)
        .output()
        .expect("runs");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let text = String::from_utf8_lossy(&out.stdout);
    assert_eq!(text.matches("class=\"lane-header\"").count(), 40);
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn output_is_byte_identical_for_the_same_input() {
    let a = svg::render(&gen_story::story(1500, 17));
    let b = svg::render(&gen_story::story(1500, 17));
    assert!(a == b, "two renders of the same story differ");
    let c = gen_story::story(300, 5);
    assert_eq!(svg::render_with(&c, &always()), svg::render_with(&c.clone(), &always()));
}

#[test]
fn small_collections_get_lanes_and_large_ones_do_not() {
    let lanes = |c: &Chronology, o: &Options| svg::layout_with(c, o).lanes;
    let small = gen_story::story(svg::LANE_LIMIT, 1);
    assert_eq!(lanes(&small, &Options::default()), svg::LANE_LIMIT);
    let never = Options {
        lanes: ArticleLanes::Never,
    };
    assert_eq!(lanes(&small, &never), 0);
    let large = gen_story::story(svg::LANE_LIMIT + 1, 1);
    assert_eq!(lanes(&large, &Options::default()), 0);
    assert_eq!(lanes(&large, &always()), svg::LANE_LIMIT + 1);
    let text = svg::render(&large);
    assert!(text.contains("--lanes"), "the note says how to get the lanes");
}

#[test]
fn articles_are_named_by_title_not_by_hash() {
    let mut c = gen_story::story(3, 2);
    let text = svg::render(&c);
    let doc = parse(&text);
    let headers: Vec<String> = doc
        .descendants()
        .filter(|n| n.attribute("class") == Some("lane-header"))
        .filter_map(|g| g.children().find(|k| k.has_tag_name("text")).and_then(|t| t.text()))
        .map(str::to_string)
        .collect();
    let titles: Vec<String> = c.anchors.iter().filter_map(|a| a.title.clone()).collect();
    assert_eq!(headers.len(), 3);
    for h in &headers {
        assert!(
            titles.iter().any(|t| t.starts_with(h.trim_end_matches('…'))),
            "{h} not a title"
        );
    }
    // Without titles: the first line the chronology holds, the earliest sentence, not the id.
    for a in &mut c.anchors {
        a.title = None;
    }
    let l = chronology::emit::lanes::lanes(&c);
    for lane in &l {
        assert_ne!(Some(lane.name.as_str()), lane.doc(), "{}", lane.name);
    }
    // A version-1 document without titles neither shows a bare hash-like id.
    let v1 = upgrade::read(&fixture_text("seeds.yaml")).expect("v1");
    for lane in chronology::emit::lanes::lanes(&v1) {
        assert!(!lane.name.contains("9036e0b901c7c344"), "{}", lane.name);
    }
}

#[test]
fn the_axis_breaks_where_the_reports_leave_a_gap() {
    let c = gen_story::story(1500, 17);
    let l = svg::layout(&c);
    let breaks = l.scale.breaks();
    // The empty winter of the synthetic story is cut out …
    let jan = svg::day_number(day("2011-01-15"));
    let winter = breaks.iter().find(|b| b.0 <= jan && jan < b.1);
    assert!(winter.is_some(), "no break over January 2011: {breaks:?}");
    // … and no report falls into any break.
    for e in &c.events {
        for r in &e.reports {
            let d = svg::day_number(r.start.unwrap_or(e.when.start));
            for b in &breaks {
                assert!(!(b.0 <= d && d < b.1), "report of {} in the break {b:?}", e.id);
            }
        }
    }
    // The burst gets more width than the whole quiet background.
    let x = |s: &str| l.scale.x(svg::day_number(day(s)) as f64);
    assert!(x("2010-07-15") - x("2010-04-20") > 0.25 * (svg::WIDTH - 300.0));
    let text = svg::render(&c);
    assert!(text.contains("class=\"axis-break\""));
}

#[test]
fn a_hostile_chronology_stays_within_the_limits() {
    // Six thousand timeline days and five thousand conflicts, by hand.
    let mut c = gen_story::story(200, 9);
    let base = day("2010-01-01");
    c.timeline = (0..6_000)
        .map(|i| chronology::schema::v2::TimelineEntry {
            date: base + chrono::Duration::days(i % 700),
            sentences: vec![format!("a long sentence number {i} that says what happened on the day")],
            salience: 0.5,
            events: vec![format!("ev-{i}")],
            docs: vec!["syn-00001".to_string()],
            sources: 1 + (i as usize % 30),
            features: None,
        })
        .collect();
    let ids: Vec<String> = c.events.iter().map(|e| e.id.clone()).collect();
    c.conflicts = (0..5_000)
        .map(|i| chronology::schema::Conflict {
            id: format!("c-{i}"),
            kind: "event_dates".to_string(),
            docs: vec!["syn-00001".to_string(), "syn-00002".to_string()],
            statements: Vec::new(),
            explanation: "they disagree on the date, at some length, to fill the note".to_string(),
            events: vec![ids[i % ids.len()].clone(), ids[(i + 1) % ids.len()].clone()],
        })
        .collect();
    for o in [Options::default(), always()] {
        let text = svg::render_with(&c, &o);
        let l = svg::layout_with(&c, &o);
        assert!(text.len() <= svg::MAX_BYTES, "{o:?}: {} bytes", text.len());
        assert!(l.height <= svg::MAX_SIDE, "{o:?}: {} px", l.height);
        parse(&text);
    }
}
