//! What the command line tells a person on stderr: warnings (not with
//! `--quiet`), notes of what a run read (with `--verbose`) and a progress bar, shown when stderr is a terminal and the run
//! takes over a second, or always with `--progress`; never in a pipe otherwise.

use std::fmt::Display;
use std::io::{IsTerminal, Write};
use std::sync::{Mutex, OnceLock};
use std::time::Duration;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle, TermLike};

use super::UiArgs;

struct Ui {
    quiet: bool,
    verbose: bool,
    force: bool,
    /// The bar on screen, if any: messages are printed above it.
    bar: Mutex<Option<ProgressBar>>,
}

static UI: OnceLock<Ui> = OnceLock::new();

/// Set up from the command line (once, before any message).
pub(super) fn init(args: &UiArgs) {
    let _ = UI.set(Ui {
        quiet: args.quiet,
        verbose: args.verbose && !args.quiet,
        force: args.progress && !args.quiet,
        bar: Mutex::new(None),
    });
}

fn print(line: &str) {
    let bar = UI.get().and_then(|ui| ui.bar.lock().ok().and_then(|b| b.clone()));
    match bar {
        Some(b) => b.suspend(|| eprintln!("{line}")),
        None => eprintln!("{line}"),
    }
}

fn quiet() -> bool {
    UI.get().is_some_and(|ui| ui.quiet)
}

/// A warning (`warning: …`), unless `--quiet`.
pub(super) fn warn(msg: impl Display) {
    if !quiet() {
        print(&format!("warning: {msg}"));
    }
}

/// A note such as `wrote FILE`, unless `--quiet`.
pub(super) fn note(msg: impl Display) {
    if !quiet() {
        print(&msg.to_string());
    }
}

/// Whether `--verbose` was given.
pub(super) fn is_verbose() -> bool {
    UI.get().is_some_and(|ui| ui.verbose)
}

/// A note only `--verbose` prints (what a run read and passed over).
pub(super) fn verbose(msg: impl Display) {
    if is_verbose() {
        print(&msg.to_string());
    }
}

/// An error line, always.
pub(super) fn error(msg: impl Display) {
    print(&format!("error: {msg}"));
}

/// stderr written to whatever it is (`--progress` in a pipe): indicatif's own
/// stderr target draws nothing when stderr is not a terminal.
#[derive(Debug)]
struct Stderr;

impl Stderr {
    fn out(&self, s: &str) -> std::io::Result<()> {
        std::io::stderr().write_all(s.as_bytes())
    }
}

impl TermLike for Stderr {
    fn width(&self) -> u16 {
        80
    }
    fn move_cursor_up(&self, n: usize) -> std::io::Result<()> {
        if n > 0 {
            self.out(&format!("\x1b[{n}A"))?;
        }
        Ok(())
    }
    fn move_cursor_down(&self, n: usize) -> std::io::Result<()> {
        if n > 0 {
            self.out(&format!("\x1b[{n}B"))?;
        }
        Ok(())
    }
    fn move_cursor_right(&self, n: usize) -> std::io::Result<()> {
        if n > 0 {
            self.out(&format!("\x1b[{n}C"))?;
        }
        Ok(())
    }
    fn move_cursor_left(&self, n: usize) -> std::io::Result<()> {
        if n > 0 {
            self.out(&format!("\x1b[{n}D"))?;
        }
        Ok(())
    }
    fn write_line(&self, s: &str) -> std::io::Result<()> {
        self.out(&format!("{s}\n"))
    }
    fn write_str(&self, s: &str) -> std::io::Result<()> {
        self.out(s)
    }
    fn clear_line(&self) -> std::io::Result<()> {
        self.out("\r\x1b[2K")
    }
    fn flush(&self) -> std::io::Result<()> {
        std::io::stderr().flush()
    }
}

/// A progress bar over `len` documents (a spinner when unknown), labelled
/// `what`; hidden until a second has passed (at once with `--progress`), and
/// cleared when dropped.
pub(super) struct Progress(Option<ProgressBar>);

/// Start showing progress.
pub(super) fn progress(len: Option<u64>, what: &str) -> Progress {
    let Some(ui) = UI.get() else { return Progress(None) };
    let auto = !ui.quiet && !ui.force && std::io::stderr().is_terminal();
    if !ui.force && !auto {
        return Progress(None);
    }
    let style = match len {
        Some(_) => ProgressStyle::with_template("{msg} [{bar:30}] {pos}/{len} documents ({elapsed})"),
        None => ProgressStyle::with_template("{spinner} {msg}: {pos} documents ({elapsed})"),
    };
    let bar = ProgressBar::with_draw_target(len, ProgressDrawTarget::hidden());
    if let Ok(s) = style {
        bar.set_style(s.progress_chars("=> "));
    }
    bar.set_message(what.to_string());
    let show = |b: &ProgressBar, force: bool| {
        if b.is_finished() {
            return;
        }
        b.set_draw_target(if force {
            ProgressDrawTarget::term_like(Box::new(Stderr))
        } else {
            ProgressDrawTarget::stderr()
        });
        b.enable_steady_tick(Duration::from_millis(120));
    };
    if ui.force {
        show(&bar, true);
    } else {
        let b = bar.clone();
        std::thread::spawn(move || {
            std::thread::sleep(Duration::from_secs(1));
            show(&b, false);
        });
    }
    if let Ok(mut slot) = ui.bar.lock() {
        *slot = Some(bar.clone());
    }
    Progress(Some(bar))
}

impl Progress {
    /// `n` more documents done.
    pub(super) fn inc(&self, n: u64) {
        if let Some(b) = &self.0 {
            b.inc(n);
        }
    }

    /// A new label (the stage of the run).
    pub(super) fn stage(&self, what: &str) {
        if let Some(b) = &self.0 {
            b.set_message(what.to_string());
        }
    }
}

impl Drop for Progress {
    fn drop(&mut self) {
        if let Some(b) = self.0.take() {
            b.finish_and_clear();
            if let Some(Ok(mut slot)) = UI.get().map(|ui| ui.bar.lock()) {
                *slot = None;
            }
        }
    }
}
