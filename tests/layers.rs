//! The layers hold: every module of the library uses only itself and the
//! stages before it, and no two sub-modules of one stage import each other in
//! a cycle. The test reads the `crate::…` and `super::…` paths of every file
//! under `src/` (test modules aside), so a new import that reaches forward or
//! loops back fails here, with the file and line that made it.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

/// The library's top-level modules in pipeline order: a module may use the
/// ones before it. A new module must be placed here (the test says so).
const STAGES: &[&str] = &[
    "text", "timex", "time", "grammar", "schema", "ingest", "page", "tag", "resolve", "stories", "anchor", "order",
    "story", "emit", "pipeline",
];

/// One `crate::`/`super::` reference: which module path it names, and where.
struct Import {
    file: PathBuf,
    line: usize,
    target: Vec<String>,
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = fs::read_dir(dir) else { return };
    let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    for p in paths {
        if p.is_dir() {
            rust_files(&p, out);
        } else if p.extension().is_some_and(|e| e == "rs") {
            out.push(p);
        }
    }
}

/// `src/anchor/infer.rs` → `[anchor, infer]`; `src/anchor/mod.rs` → `[anchor]`.
fn module_path(src: &Path, file: &Path) -> Vec<String> {
    let rel = file.strip_prefix(src).unwrap_or(file);
    let mut parts: Vec<String> = rel.iter().map(|s| s.to_string_lossy().into_owned()).collect();
    if let Some(last) = parts.pop() {
        let stem = last.trim_end_matches(".rs").to_string();
        if stem != "mod" && stem != "lib" && stem != "main" {
            parts.push(stem);
        }
    }
    parts
}

fn ident_at(s: &str) -> Option<&str> {
    let end = s.find(|c: char| !(c.is_alphanumeric() || c == '_')).unwrap_or(s.len());
    (end > 0).then(|| &s[..end])
}

/// The module paths one line names after `crate::` (with `{a, b::c}` groups)
/// and `super::`, resolved against the file's own module path.
fn targets(line: &str, here: &[String]) -> Vec<Vec<String>> {
    let mut out = Vec::new();
    for (prefix, base) in [
        ("crate::", Vec::new()),
        ("super::", here[..here.len().saturating_sub(1)].to_vec()),
    ] {
        let mut rest = line;
        while let Some(i) = rest.find(prefix) {
            // `crate::` inside an identifier (e.g. `mycrate::`) is not ours.
            let before = rest[..i].chars().next_back();
            rest = &rest[i + prefix.len()..];
            if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
                continue;
            }
            if let Some(group) = rest.strip_prefix('{') {
                let body = &group[..group.find('}').unwrap_or(group.len())];
                for item in body.split(',') {
                    if let Some(id) = ident_at(item.trim()) {
                        let mut t = base.clone();
                        t.push(id.to_string());
                        t.truncate(2);
                        out.push(t);
                    }
                }
                continue;
            }
            let mut t = base.clone();
            let mut tail = rest;
            while let Some(id) = ident_at(tail) {
                t.push(id.to_string());
                match tail[id.len()..].strip_prefix("::") {
                    Some(next) if t.len() < 2 => tail = next,
                    _ => break,
                }
            }
            if t.len() > base.len() {
                t.truncate(2);
                out.push(t);
            }
        }
    }
    out
}

fn imports(src: &Path) -> Vec<(Vec<String>, Import)> {
    let mut files = Vec::new();
    rust_files(src, &mut files);
    let mut out = Vec::new();
    for file in files {
        let here = module_path(src, &file);
        if here.is_empty() {
            continue; // lib.rs / main.rs declare the modules
        }
        let text = fs::read_to_string(&file).unwrap_or_default();
        for (n, line) in text.lines().enumerate() {
            let code = line.trim_start();
            if code.starts_with("#[cfg(test)]") {
                break; // test modules sit at the end of a file and may reach anywhere
            }
            if code.starts_with("//") {
                continue;
            }
            for target in targets(code, &here) {
                out.push((
                    here.clone(),
                    Import {
                        file: file.clone(),
                        line: n + 1,
                        target,
                    },
                ));
            }
        }
    }
    out
}

fn rank(stage: &str) -> Option<usize> {
    STAGES.iter().position(|s| *s == stage)
}

fn src_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

/// The library's top-level modules, as `src/lib.rs` declares them.
fn declared_modules() -> Vec<String> {
    let lib = fs::read_to_string(src_dir().join("lib.rs")).unwrap_or_default();
    lib.lines()
        .filter_map(|l| {
            l.trim()
                .strip_prefix("pub mod ")
                .or_else(|| l.trim().strip_prefix("mod "))
        })
        .map(|l| l.trim_end_matches(';').trim().to_string())
        .collect()
}

#[test]
fn every_library_module_has_a_place_in_the_pipeline() {
    let unknown: Vec<String> = declared_modules().into_iter().filter(|m| rank(m).is_none()).collect();
    assert!(
        unknown.is_empty(),
        "modules missing from STAGES in tests/layers.rs: {unknown:?}"
    );
}

#[test]
fn no_stage_imports_a_later_stage() {
    let src = src_dir();
    let mut wrong = Vec::new();
    for (here, imp) in imports(&src) {
        let (Some(from), Some(to)) = (rank(&here[0]), imp.target.first().and_then(|t| rank(t))) else {
            continue; // the binary's own modules (cli) and non-module paths
        };
        if to > from {
            wrong.push(format!(
                "{}:{}: {} uses the later stage {}",
                imp.file.strip_prefix(&src).unwrap_or(&imp.file).display(),
                imp.line,
                here[0],
                imp.target[0]
            ));
        }
    }
    assert!(
        wrong.is_empty(),
        "imports against the pipeline order:\n{}",
        wrong.join("\n")
    );
}

/// Depth-first search for a cycle in `edges`; returns one cycle's nodes.
fn find_cycle(edges: &BTreeMap<String, BTreeSet<String>>) -> Option<Vec<String>> {
    fn visit(
        n: &str,
        edges: &BTreeMap<String, BTreeSet<String>>,
        state: &mut BTreeMap<String, u8>,
        stack: &mut Vec<String>,
    ) -> Option<Vec<String>> {
        state.insert(n.to_string(), 1);
        stack.push(n.to_string());
        for m in edges.get(n).into_iter().flatten() {
            match state.get(m.as_str()).copied().unwrap_or(0) {
                1 => {
                    let at = stack.iter().position(|s| s == m).unwrap_or(0);
                    let mut cycle = stack[at..].to_vec();
                    cycle.push(m.clone());
                    return Some(cycle);
                }
                0 => {
                    if let Some(c) = visit(m, edges, state, stack) {
                        return Some(c);
                    }
                }
                _ => {}
            }
        }
        stack.pop();
        state.insert(n.to_string(), 2);
        None
    }
    let mut state = BTreeMap::new();
    for n in edges.keys() {
        if state.get(n.as_str()).copied().unwrap_or(0) == 0 {
            let mut stack = Vec::new();
            if let Some(c) = visit(n, edges, &mut state, &mut stack) {
                return Some(c);
            }
        }
    }
    None
}

#[test]
fn no_cycle_among_modules_or_among_the_parts_of_one_stage() {
    let mut top: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    let mut inner: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    let declared: BTreeSet<String> = declared_modules().into_iter().collect();
    for (here, imp) in imports(&src_dir()) {
        let Some(to) = imp.target.first() else { continue };
        if !declared.contains(to) {
            continue;
        }
        if *to != here[0] {
            top.entry(here[0].clone()).or_default().insert(to.clone());
        } else if here.len() >= 2 && imp.target.len() >= 2 && here[1] != imp.target[1] {
            let a = format!("{}::{}", here[0], here[1]);
            let b = format!("{}::{}", to, imp.target[1]);
            inner.entry(a).or_default().insert(b);
        }
    }
    assert_eq!(find_cycle(&top), None, "a cycle among the top-level modules");
    assert_eq!(find_cycle(&inner), None, "a cycle among the parts of one stage");
}

#[test]
fn the_checker_itself_sees_forward_imports_and_cycles() {
    let here = vec!["tag".to_string(), "rules".to_string()];
    let t = targets("use crate::{resolve::zone_known, grammar};", &here);
    assert_eq!(t, vec![vec!["resolve".to_string()], vec!["grammar".to_string()]]);
    let t = targets("let x = crate::anchor::infer::solve(y);", &here);
    assert_eq!(t, vec![vec!["anchor".to_string(), "infer".to_string()]]);
    let t = targets("use super::furniture::Page;", &here);
    assert_eq!(t, vec![vec!["tag".to_string(), "furniture".to_string()]]);
    assert!(targets("use mycrate::x;", &here).is_empty());
    let mut edges: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    edges.entry("a".into()).or_default().insert("b".into());
    edges.entry("b".into()).or_default().insert("a".into());
    assert!(find_cycle(&edges).is_some());
    edges.remove("b");
    assert_eq!(find_cycle(&edges), None);
}
