//! A pseudo-terminal harness for the end-to-end tests: the real binary under expectrl, its screen
//! kept by vt100. Every wait is on a screen condition with a timeout, never a fixed sleep.
#![allow(dead_code)]

use std::io::{ErrorKind, Read, Write};
use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use expectrl::Session;

// Generous: a loaded 2-core machine can take seconds to start a process.
pub const TIMEOUT: Duration = Duration::from_secs(60);

pub struct Tui {
    pub session: expectrl::session::OsSession,
    pub screen: vt100::Parser,
    /// Everything written after the wizard closed (the exit line).
    raw: Vec<u8>,
}

impl Tui {
    pub fn start(saves: &Path, args: &[&str]) -> Tui {
        Tui::start_in(saves, Path::new("."), args)
    }

    /// Like [`Tui::start`], with `cwd` as the current directory (where exports go).
    pub fn start_in(saves: &Path, cwd: &Path, args: &[&str]) -> Tui {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_meetcheck"));
        cmd.args(["--lang", "en", "--saves-dir"]).arg(saves).args(args).current_dir(cwd);
        cmd.env("TERM", "xterm-256color").env_remove("NO_COLOR");
        let mut session = Session::spawn(cmd).expect("spawn meetcheck");
        session.get_process_mut().set_window_size(80, 24).unwrap();
        let rows = std::num::NonZeroU16::new(24).unwrap();
        let cols = std::num::NonZeroU16::new(80).unwrap();
        Tui { session, screen: vt100::Parser::new(rows, cols, 0), raw: Vec::new() }
    }

    /// Reads what is there; false once the process has closed the terminal.
    pub fn pump(&mut self) -> bool {
        let mut buf = [0u8; 8192];
        match self.session.try_read(&mut buf) {
            Ok(0) => false,
            Ok(n) => {
                self.screen.process(&buf[..n]);
                self.raw.extend_from_slice(&buf[..n]);
                true
            }
            Err(e) if e.kind() == ErrorKind::WouldBlock => {
                std::thread::sleep(Duration::from_millis(10));
                true
            }
            Err(_) => false,
        }
    }

    pub fn contents(&self) -> String {
        self.screen.screen().contents()
    }

    pub fn wait_for(&mut self, what: &str) {
        let start = Instant::now();
        while !self.contents().contains(what) {
            assert!(
                self.pump(),
                "meetcheck ended while waiting for {what:?}:\n{}",
                self.contents()
            );
            assert!(
                start.elapsed() < TIMEOUT,
                "timed out waiting for {what:?}:\n{}",
                self.contents()
            );
        }
    }

    pub fn send(&mut self, keys: &str) {
        self.session.write_all(keys.as_bytes()).unwrap();
        self.session.flush().unwrap();
    }

    /// Waits until the process ends; returns everything it wrote.
    pub fn wait_exit(mut self) -> String {
        let start = Instant::now();
        while self.pump() {
            assert!(
                start.elapsed() < TIMEOUT,
                "meetcheck did not exit:\n{}\n{:?}",
                self.contents(),
                String::from_utf8_lossy(&self.raw[self.raw.len().saturating_sub(300)..])
            );
            if !self.session.get_process().is_alive().unwrap_or(false) {
                while self.pump() && !self.session.is_empty().unwrap_or(true) {}
                break;
            }
        }
        let mut rest = Vec::new();
        let _ = self.session.read_to_end(&mut rest);
        self.raw.extend(rest);
        String::from_utf8_lossy(&self.raw).into_owned()
    }
}

pub const DOWN: &str = "\x1b[B";
pub const ENTER: &str = "\r";
pub const ESC: &str = "\x1b";
pub const CTRL_N: &str = "\x0e";
