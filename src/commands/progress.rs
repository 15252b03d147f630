//! A one-line progress display on stderr while a corpus loads and checks: shown only on a
//! terminal, overwritten in place, and cleared before anything else is printed.

use claimcheck::Stage;
use std::io::{IsTerminal, Write};
use std::path::Path;

pub struct Progress<'a> {
    root: &'a Path,
    on: bool,
    shown: bool,
}

impl<'a> Progress<'a> {
    pub fn new(root: &'a Path) -> Self {
        Progress { root, on: std::io::stderr().is_terminal(), shown: false }
    }

    pub fn show(&mut self, stage: Stage) {
        if !self.on {
            return;
        }
        let line = match stage {
            Stage::Loading => format!("loading {}…", self.root.display()),
            Stage::Linking { sources, claims } => format!("linking {claims} claims from {sources} sources…"),
            Stage::Checking { facts } => format!("checking {facts} facts…"),
            Stage::Covering { sources } => format!("measuring the coverage of {sources} sources…"),
        };
        // \r and "erase to the end of the line": each stage overwrites the last.
        let _ = write!(std::io::stderr(), "\r\x1b[K{line}");
        self.shown = true;
    }

    pub fn clear(&mut self) {
        if self.shown {
            let _ = write!(std::io::stderr(), "\r\x1b[K");
            self.shown = false;
        }
    }
}
