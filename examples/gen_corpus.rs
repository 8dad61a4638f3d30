//! Write a generated news corpus as JSONL (`{"doc","text","dct"}` a line), for
//! peak-RSS measurements of `chronology tag`:
//!
//! ```text
//! cargo run --release --example gen_corpus -- big.jsonl 200
//! /usr/bin/time -v target/release/chronology tag big.jsonl > /dev/null
//! ```
//! Arguments: output file, size in MB (default 20).

#[allow(dead_code)] // the dated sentences are for gen_timeline
#[path = "../benches/common/gen_news.rs"]
mod gen_news;

use std::io::{BufWriter, Write};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let path = args.next().ok_or("usage: gen_corpus OUT.jsonl [MB]")?;
    let mb: usize = args.next().map(|s| s.parse()).transpose()?.unwrap_or(20);
    let mut out = BufWriter::new(std::fs::File::create(&path)?);
    // generate in slices of 8 MB so memory stays flat however large the file
    let mut written = 0;
    let mut seed = 1;
    while written < mb * 1024 * 1024 {
        for (doc, text, dct) in gen_news::corpus(seed, 8 * 1024 * 1024) {
            written += text.len();
            serde_json::to_writer(
                &mut out,
                &serde_json::json!({"doc": format!("{seed}-{doc}"), "text": text, "dct": dct}),
            )?;
            out.write_all(b"\n")?;
        }
        seed += 1;
    }
    out.flush()?;
    eprintln!("wrote {path}: {} MB of text", written / (1024 * 1024));
    Ok(())
}
