//! Print the stories of a collection, one JSON line per article:
//! `{"doc": …, "story": "s-…", "label": …}`, in input order (what
//! `eval/stories.py` scores). Settings of `stories::Params` can be changed
//! for measuring them:
//!
//! ```text
//! cargo run --release --example stories -- articles.jsonl [--set max_conductance=0.06] > stories.jsonl
//! ```
//! The time taken and the story sizes go to stderr.

use std::path::PathBuf;
use std::time::Instant;

use chronology::stories::{group_with, Params};

fn set(p: &mut Params, kv: &str) -> Result<(), String> {
    let (k, v) = kv.split_once('=').ok_or(format!("expected NAME=VALUE, got {kv:?}"))?;
    let int = || v.parse::<usize>().map_err(|e| format!("{k}: {e}"));
    let float = || v.parse::<f64>().map_err(|e| format!("{k}: {e}"));
    match k {
        "min_word_chars" => p.min_word_chars = int()?,
        "min_df" => p.min_df = int()? as u32,
        "profile_terms" => p.profile_terms = int()?,
        "probe_terms" => p.probe_terms = int()?,
        "posting_cap" => p.posting_cap = int()?,
        "candidates" => p.candidates = int()?,
        "neighbours" => p.neighbours = int()?,
        "min_sim" => p.min_sim = float()?,
        "max_conductance" => p.max_conductance = float()?,
        "min_story" => p.min_story = int()?,
        "iterations" => p.iterations = int()?,
        "label_terms" => p.label_terms = int()?,
        _ => return Err(format!("unknown setting {k:?}")),
    }
    Ok(())
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut inputs = Vec::new();
    let mut p = Params::default();
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        if a == "--set" {
            set(&mut p, &args.next().unwrap_or_default())?;
        } else {
            inputs.push(PathBuf::from(a));
        }
    }
    let (docs, errs) = chronology::ingest::read_all(&inputs)?;
    for e in errs {
        eprintln!("{e}");
    }
    let t = Instant::now();
    let s = group_with(&docs, &p);
    let took = t.elapsed();
    for (d, &k) in docs.iter().zip(&s.of_doc) {
        let story = &s.stories[k];
        let line = serde_json::json!({"doc": d.id, "story": story.id, "label": story.label});
        println!("{line}");
    }
    let sizes: Vec<String> = s
        .stories
        .iter()
        .take(12)
        .map(|x| format!("{} ({})", x.docs.len(), x.label))
        .collect();
    eprintln!(
        "{} articles, {} stories in {:.3} s; largest: {}",
        docs.len(),
        s.stories.len(),
        took.as_secs_f64(),
        sizes.join(", ")
    );
    Ok(())
}
