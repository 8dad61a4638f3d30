//! The seeds' expressions (tests/fixtures/seeds.yaml, a copy of the shared gold):
//! every `required` expression right with the seed's `dct` as anchor (value,
//! and `mod` where given, with the checker's equivalences), and none of the
//! `not_temporal` strings tagged. Mirrors `eval/check_seeds.py`.

use std::fs;
use std::path::Path;

use chrono::NaiveDate;
use chronology::resolve::{resolve_all, AnchorRef, Resolved};
use chronology::tag::tag;
use serde::Deserialize;

#[derive(Debug, Deserialize)]
struct Seed {
    doc: String,
    dct: NaiveDate,
    #[serde(default)]
    expressions: Vec<Expected>,
    #[serde(default)]
    not_temporal: Vec<String>,
}

#[derive(Debug, Deserialize)]
struct Expected {
    text: String,
    value: serde_yaml::Value,
    #[serde(rename = "mod", default)]
    modifier: Option<String>,
    #[serde(default)]
    nth: Option<usize>,
    #[serde(rename = "in", default)]
    within: Option<String>,
    #[serde(default = "yes")]
    required: bool,
}

fn yes() -> bool {
    true
}

fn value_string(v: &serde_yaml::Value) -> String {
    match v {
        serde_yaml::Value::String(s) => s.clone(),
        serde_yaml::Value::Number(n) => n.to_string(),
        other => format!("{other:?}"),
    }
}

// the byte span of the nth occurrence, or of `needle` inside the first `within`
fn byte_span(text: &str, needle: &str, nth: usize, within: Option<&str>) -> Option<(usize, usize)> {
    if let Some(w) = within {
        let base = text.find(w)?;
        let at = base + w.find(needle)?;
        return Some((at, at + needle.len()));
    }
    let mut from = 0;
    let mut at = None;
    for _ in 0..nth.max(1) {
        let k = from + text[from..].find(needle)?;
        at = Some(k);
        from = k + 1;
        while !text.is_char_boundary(from) {
            from += 1;
        }
    }
    at.map(|a| (a, a + needle.len()))
}

fn mod_ok(want: &str, got: Option<&str>) -> bool {
    let ok: &[&str] = match want {
        "LESS_THAN" => &["LESS_THAN", "APPROX", "EQUAL_OR_LESS"],
        "EQUAL_OR_MORE" => &["EQUAL_OR_MORE", "MORE_THAN"],
        "MORE_THAN" => &["MORE_THAN", "EQUAL_OR_MORE"],
        w => return got == Some(w),
    };
    got.is_some_and(|g| ok.contains(&g))
}

#[test]
fn seeds_required_expressions_and_no_false_positives() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let gold: Vec<Seed> =
        serde_yaml::from_str(&fs::read_to_string(root.join("tests/fixtures/seeds.yaml")).expect("fixture"))
            .expect("fixture parses");
    assert_eq!(gold.len(), 5);
    let mut problems = Vec::new();
    let mut required = 0;
    for seed in &gold {
        let text = fs::read_to_string(root.join(format!("seeds/{}.txt", seed.doc))).expect("seed text");
        let mentions = tag(&text, 0..text.len());
        let res: Vec<Resolved> = resolve_all(&text, &mentions, Some(&AnchorRef::Day(seed.dct)));
        for e in seed.expressions.iter().filter(|e| e.required) {
            required += 1;
            let span = byte_span(&text, &e.text, e.nth.unwrap_or(1), e.within.as_deref())
                .unwrap_or_else(|| panic!("{}: {:?} not in the text", seed.doc, e.text));
            let hits: Vec<&Resolved> = res.iter().filter(|r| r.start < span.1 && span.0 < r.end).collect();
            let want = value_string(&e.value);
            let mut ok = hits.iter().any(|h| {
                h.timex.value == want
                    && e.modifier
                        .as_deref()
                        .is_none_or(|m| mod_ok(m, h.timex.modifier.map(|x| x.as_str())))
            });
            if !ok && hits.len() >= 2 {
                if let Some((a, b)) = want.split_once('/') {
                    ok = hits.iter().any(|h| h.timex.value == a) && hits.iter().any(|h| h.timex.value == b);
                }
            }
            if !ok {
                problems.push(format!(
                    "{}: {:?} want {want} {:?}, got {:?}",
                    seed.doc,
                    e.text,
                    e.modifier,
                    hits.iter()
                        .map(|h| (&h.text, &h.timex.value, h.timex.modifier))
                        .collect::<Vec<_>>()
                ));
            }
        }
        for s in &seed.not_temporal {
            let span = byte_span(&text, s, 1, None).unwrap_or_else(|| panic!("{}: {s:?} not in the text", seed.doc));
            let bad: Vec<&Resolved> = res.iter().filter(|r| r.start < span.1 && span.0 < r.end).collect();
            if !bad.is_empty() {
                problems.push(format!("{}: false positive in {s:?}: {:?}", seed.doc, bad[0].text));
            }
        }
    }
    assert!(required >= 20);
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
