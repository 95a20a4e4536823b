//! A pseudo-terminal whose master side the test owns outright, so that it can *close* it the way
//! a terminal window or an SSH connection goes away, and then wait for the process with a
//! timeout. (expectrl kills its child when the session is dropped, which hides exactly what these
//! tests look at.) Screen contents are kept by vt100; every wait is on a condition with a
//! timeout, never a fixed sleep.
#![allow(dead_code)]
#![cfg(target_os = "linux")]

use std::fs::File;
use std::io::{ErrorKind, Read, Write};
use std::os::fd::{FromRawFd, OwnedFd};
use std::os::unix::fs::OpenOptionsExt;
use std::os::unix::process::CommandExt;
use std::process::{Child, Command, ExitStatus, Stdio};
use std::time::{Duration, Instant};

/// Generous: a loaded 2-core machine can take seconds to start a process.
pub const TIMEOUT: Duration = Duration::from_secs(60);

pub struct Pty {
    master: Option<File>,
    pub child: Child,
    pub screen: vt100::Parser,
    /// Everything the process wrote.
    pub raw: Vec<u8>,
}

impl Pty {
    /// Starts `cmd` as the leader of a new session with the pseudo-terminal as its controlling
    /// terminal (as a terminal emulator does), 80×24.
    pub fn spawn(mut cmd: Command) -> Pty {
        // Both ends are opened close-on-exec, so that no other child (tests run in parallel)
        // inherits them: a terminal is gone only when every copy of its master is closed.
        // SAFETY: plain libc calls on a descriptor this function owns; ptsname_r gets a buffer
        // of the length it is told.
        let (master, slave) = unsafe {
            let master = libc::posix_openpt(libc::O_RDWR | libc::O_NOCTTY | libc::O_CLOEXEC);
            assert!(master >= 0, "posix_openpt: {}", std::io::Error::last_os_error());
            let master = OwnedFd::from_raw_fd(master);
            let fd = std::os::fd::AsRawFd::as_raw_fd(&master);
            assert_eq!(libc::grantpt(fd), 0);
            assert_eq!(libc::unlockpt(fd), 0);
            let mut name = [0 as libc::c_char; 128];
            assert_eq!(libc::ptsname_r(fd, name.as_mut_ptr(), name.len()), 0);
            let name = std::ffi::CStr::from_ptr(name.as_ptr()).to_str().unwrap().to_owned();
            let size = libc::winsize { ws_row: 24, ws_col: 80, ws_xpixel: 0, ws_ypixel: 0 };
            libc::ioctl(fd, libc::TIOCSWINSZ as _, &size);
            let slave = std::fs::OpenOptions::new()
                .read(true)
                .write(true)
                .custom_flags(libc::O_NOCTTY)
                .open(name)
                .expect("open the terminal side");
            (master, OwnedFd::from(slave))
        };
        let io = |fd: &OwnedFd| Stdio::from(fd.try_clone().unwrap());
        cmd.stdin(io(&slave)).stdout(io(&slave)).stderr(io(&slave));
        cmd.env("TERM", "xterm-256color").env_remove("NO_COLOR");
        // SAFETY: only async-signal-safe calls between fork and exec.
        unsafe {
            cmd.pre_exec(|| {
                if libc::setsid() < 0 || libc::ioctl(0, libc::TIOCSCTTY as _, 0) < 0 {
                    return Err(std::io::Error::last_os_error());
                }
                Ok(())
            });
        }
        let child = cmd.spawn().expect("spawn");
        drop(slave);
        let master = File::from(master);
        // SAFETY: a valid descriptor; only its status flags change.
        unsafe {
            let fd = std::os::fd::AsRawFd::as_raw_fd(&master);
            let flags = libc::fcntl(fd, libc::F_GETFL);
            libc::fcntl(fd, libc::F_SETFL, flags | libc::O_NONBLOCK);
        }
        let rows = std::num::NonZeroU16::new(24).unwrap();
        let cols = std::num::NonZeroU16::new(80).unwrap();
        Pty {
            master: Some(master),
            child,
            screen: vt100::Parser::new(rows, cols, 0),
            raw: Vec::new(),
        }
    }

    /// meetcheck with `--lang en --saves-dir SAVES` and `args`.
    pub fn meetcheck(saves: &std::path::Path, args: &[&str]) -> Pty {
        Pty::spawn(meetcheck_command(saves, args))
    }

    /// The same, started by a shell that ignores SIGHUP and stays the session leader: when the
    /// terminal goes away, meetcheck gets no signal at all, only a terminal that is gone. The
    /// shell's exit status is meetcheck's.
    pub fn meetcheck_without_hangup_signal(saves: &std::path::Path, args: &[&str]) -> Pty {
        let inner = meetcheck_command(saves, args);
        let mut cmd = Command::new("sh");
        cmd.arg("-c").arg("trap '' HUP; \"$0\" \"$@\"; exit $?");
        cmd.arg(inner.get_program()).args(inner.get_args());
        Pty::spawn(cmd)
    }

    /// Reads what is there; false once the terminal is closed or the process has closed it.
    pub fn pump(&mut self) -> bool {
        let Some(master) = &mut self.master else { return false };
        let mut buf = [0u8; 16384];
        match master.read(&mut buf) {
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
            Err(e) if e.kind() == ErrorKind::Interrupted => true,
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

    /// Like [`Pty::wait_for`], for a message that may be wrapped over several lines: runs of
    /// blanks and line ends count as one space.
    pub fn wait_for_wrapped(&mut self, what: &str) {
        let squeeze = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
        let what = squeeze(what);
        let start = Instant::now();
        while !squeeze(&self.contents()).contains(&what) {
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
        let master = self.master.as_mut().expect("the terminal is open");
        master.write_all(keys.as_bytes()).unwrap();
        master.flush().unwrap();
    }

    /// Sends a lot of input at once, reading the screen while the terminal's buffer is full.
    pub fn send_flood(&mut self, keys: &[u8]) {
        let start = Instant::now();
        let mut rest = keys;
        while !rest.is_empty() {
            let master = self.master.as_mut().expect("the terminal is open");
            match master.write(rest) {
                Ok(n) => rest = &rest[n..],
                Err(e) if e.kind() == ErrorKind::WouldBlock => {
                    assert!(self.pump(), "meetcheck ended during the flood");
                }
                Err(e) if e.kind() == ErrorKind::Interrupted => {}
                Err(e) => panic!("writing to the terminal: {e}"),
            }
            assert!(start.elapsed() < TIMEOUT, "meetcheck stopped reading its input");
        }
    }

    /// Changes the window size (the process gets SIGWINCH).
    pub fn resize(&mut self, cols: u16, rows: u16) {
        let size = libc::winsize { ws_row: rows, ws_col: cols, ws_xpixel: 0, ws_ypixel: 0 };
        let master = self.master.as_ref().expect("the terminal is open");
        // SAFETY: a valid descriptor and winsize.
        let done = unsafe {
            libc::ioctl(std::os::fd::AsRawFd::as_raw_fd(master), libc::TIOCSWINSZ as _, &size)
        };
        assert_eq!(done, 0);
        self.screen.set_size(
            std::num::NonZeroU16::new(rows).unwrap(),
            std::num::NonZeroU16::new(cols).unwrap(),
        );
    }

    /// Closes the terminal as a closed window or a dropped connection does.
    pub fn close(&mut self) {
        self.master = None;
    }

    /// Waits for the process to end within `TIMEOUT` (killing it and failing otherwise).
    pub fn wait(&mut self) -> ExitStatus {
        let start = Instant::now();
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                return status;
            }
            if start.elapsed() > TIMEOUT {
                let _ = self.child.kill();
                let _ = self.child.wait();
                panic!("the process did not end after the terminal closed:\n{}", self.contents());
            }
            self.pump();
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    /// Waits for the process to end by itself, reading everything it writes meanwhile.
    pub fn wait_exit(&mut self) -> ExitStatus {
        let start = Instant::now();
        while self.pump() && start.elapsed() < TIMEOUT {}
        self.wait()
    }

    /// Everything written so far, as text.
    pub fn output(&self) -> String {
        String::from_utf8_lossy(&self.raw).into_owned()
    }
}

impl Drop for Pty {
    fn drop(&mut self) {
        // Never leave a process behind, whatever the test did.
        if let Ok(None) = self.child.try_wait() {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}

fn meetcheck_command(saves: &std::path::Path, args: &[&str]) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_meetcheck"));
    cmd.args(["--lang", "en", "--saves-dir"]).arg(saves).args(args);
    cmd.env("TZ", "UTC").env_remove("MEETCHECK_SAVES_DIR").env_remove("MEETCHECK_CATALOG");
    cmd
}

pub const DOWN: &str = "\x1b[B";
pub const ENTER: &str = "\r";
pub const ESC: &str = "\x1b";
pub const CTRL_C: &str = "\x03";
pub const CTRL_K: &str = "\x0b";
