//! The chronology of the five seed articles against their reference answers
//! (tests/fixtures/seeds.yaml, a copy of ../shared/gold/seeds.yaml).

use std::path::PathBuf;

use chronology::anchor::{pins, Pins};
use chronology::schema::Chronology;
use serde_yaml::Value;

fn build(pins: &Pins) -> Chronology {
    let seeds = PathBuf::from("seeds");
    let (docs, errors) = chronology::ingest::read_all(std::slice::from_ref(&seeds)).expect("seeds");
    assert!(errors.is_empty());
    chronology::pipeline::Pipeline::new()
        .expect("the grammar loads")
        .build(&docs, pins, None)
        .chronology
}

fn gold() -> Vec<Value> {
    let text = std::fs::read_to_string("tests/fixtures/seeds.yaml").expect("fixture");
    serde_yaml::from_str(&text).expect("gold YAML")
}

fn s(v: &Value) -> String {
    match v {
        Value::String(x) => x.clone(),
        Value::Number(n) => n.to_string(),
        other => format!("{other:?}"),
    }
}

fn seed_text(doc: &str) -> String {
    std::fs::read_to_string(format!("seeds/{doc}.txt")).expect("seed")
}

#[test]
fn pinned_seeds_give_every_required_dated_expression_as_an_event() {
    let c = build(&pins::find_and_load(None, &[PathBuf::from("seeds")]).expect("seeds/anchors.yaml"));
    for g in gold() {
        let doc = s(&g["doc"]);
        let Some(exprs) = g["expressions"].as_sequence() else {
            continue;
        };
        for e in exprs {
            let (text, value, kind) = (s(&e["text"]), s(&e["value"]), s(&e["type"]));
            let required = e["required"].as_bool().unwrap_or(true);
            if !required || value.ends_with("_REF") || !(kind == "DATE" || kind == "TIME") {
                continue;
            }
            let found = c.events.iter().any(|ev| {
                (ev.doc.as_deref() == Some(doc.as_str()) || ev.docs.contains(&doc))
                    && (text.contains(&ev.expression) || ev.expression.contains(&text))
                    && ev.value == value
            });
            assert!(found, "{doc}: {text:?} = {value} is not an event of the chronology");
        }
    }
}

#[test]
fn no_event_comes_from_page_furniture() {
    let c = build(&pins::find_and_load(None, &[PathBuf::from("seeds")]).expect("seeds/anchors.yaml"));
    for g in gold() {
        let doc = s(&g["doc"]);
        let text = seed_text(&doc);
        for b in g["boilerplate"].as_sequence().into_iter().flatten() {
            let b = s(b);
            for (at, _) in text.match_indices(b.as_str()) {
                let end = at + b.len();
                for ev in c.events.iter().filter(|ev| ev.doc.as_deref() == Some(doc.as_str())) {
                    assert!(
                        ev.span[1] <= at || ev.span[0] >= end,
                        "{doc}: event {:?} inside furniture {b:?}",
                        ev.expression
                    );
                }
            }
        }
    }
}

#[test]
fn events_are_in_time_order() {
    let c = build(&pins::find_and_load(None, &[PathBuf::from("seeds")]).expect("seeds/anchors.yaml"));
    assert!(c.events.len() >= 15, "{}", c.events.len());
    assert!(c.events.windows(2).all(|w| w[0].start <= w[1].start));
}

#[test]
fn without_pins_only_the_copyright_footer_of_004_is_reported() {
    // issue 4: "the © 2024 footer of 004 reported against its body's dating;
    // no conflict involving 001 or 003".
    let c = build(&Pins::default());
    let found: Vec<(String, Vec<String>)> = c.conflicts.iter().map(|k| (k.kind.clone(), k.docs.clone())).collect();
    assert_eq!(
        found,
        vec![(
            "copyright_vs_body".to_string(),
            vec!["004_9036e0b901c7c344".to_string()]
        )]
    );
}
