//! A small progress bar for `mentorat demo --scale`, `backup` and `restore` on stderr: redrawn in place on a
//! terminal, one line per finished phase otherwise (logs and CI keep a readable trace).

use mentorat_app::demo::Progress;
use std::io::{IsTerminal, Write};
use std::time::Instant;

pub struct Bar {
    terminal: bool,
    name: String,
    total: usize,
    done: usize,
    started: Instant,
    drawn: Instant,
}

impl Bar {
    pub fn new() -> Bar {
        Bar {
            terminal: std::io::stderr().is_terminal(),
            name: String::new(),
            total: 0,
            done: 0,
            started: Instant::now(),
            drawn: Instant::now(),
        }
    }

    fn draw(&self) {
        const WIDTH: usize = 30;
        let filled = (self.done * WIDTH).checked_div(self.total).unwrap_or(WIDTH);
        eprint!(
            "\r{:<12} [{}{}] {}/{} ",
            self.name,
            "#".repeat(filled),
            " ".repeat(WIDTH - filled),
            self.done,
            self.total
        );
        let _ = std::io::stderr().flush();
    }
}

impl Progress for Bar {
    fn phase(&mut self, name: &str, total: usize) {
        self.name = name.to_owned();
        self.total = total;
        self.done = 0;
        self.started = Instant::now();
        if self.terminal {
            self.draw();
        }
    }

    fn advance(&mut self, done: usize) {
        self.done += done;
        // Redrawing at most ten times a second keeps a slow terminal out of the way.
        if self.terminal && self.drawn.elapsed().as_millis() >= 100 {
            self.drawn = Instant::now();
            self.draw();
        }
    }

    fn finish(&mut self) {
        if self.terminal {
            self.draw();
            eprintln!("{:.1} s", self.started.elapsed().as_secs_f64());
        } else {
            eprintln!(
                "{}: {} written in {:.1} s",
                self.name,
                self.total,
                self.started.elapsed().as_secs_f64()
            );
        }
    }
}
