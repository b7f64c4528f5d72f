//! A pseudo-terminal with the real binary in it, driven byte by byte: output is read as it
//! comes (so the program never waits on a full terminal) while input is written, and the
//! program can be killed at any moment. (expectrl's session hides the file descriptors
//! these tests need, so this is done here with `openpty`.)

use std::fs::File;
use std::io::{Read, Write};
use std::os::fd::{FromRawFd, OwnedFd};
use std::os::unix::process::CommandExt;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

pub struct Pty {
    pub child: Child,
    master: File,
    /// The output so far (the tail, enough to find what a screen shows).
    pub seen: Vec<u8>,
}

const KEEP: usize = 256 * 1024;

impl Pty {
    /// Start `cmd` on a new `cols`×`rows` terminal.
    pub fn spawn(mut cmd: Command, cols: u16, rows: u16) -> Self {
        let (mut master, mut slave) = (-1, -1);
        let size = libc::winsize {
            ws_row: rows,
            ws_col: cols,
            ws_xpixel: 0,
            ws_ypixel: 0,
        };
        // SAFETY: valid out-pointers for the two descriptors and the window size.
        let rc = unsafe {
            libc::openpty(
                &raw mut master,
                &raw mut slave,
                std::ptr::null_mut(),
                std::ptr::null(),
                &raw const size,
            )
        };
        assert_eq!(rc, 0, "openpty");
        // SAFETY: openpty returned two new descriptors that nothing else owns.
        let (master, slave) = unsafe { (File::from_raw_fd(master), OwnedFd::from_raw_fd(slave)) };
        let slave = File::from(slave);
        cmd.stdin(Stdio::from(slave.try_clone().expect("dup")))
            .stdout(Stdio::from(slave.try_clone().expect("dup")))
            .stderr(Stdio::from(slave));
        // SAFETY: only async-signal-safe calls between fork and exec.
        unsafe {
            cmd.pre_exec(|| {
                libc::setsid();
                libc::ioctl(0, libc::TIOCSCTTY, 0);
                Ok(())
            });
        }
        let child = cmd.spawn().expect("spawn in a pty");
        set_nonblocking(&master);
        Self {
            child,
            master,
            seen: Vec::new(),
        }
    }

    /// Read whatever output is waiting.
    pub fn drain(&mut self) {
        let mut buf = [0u8; 16 * 1024];
        while let Ok(n) = self.master.read(&mut buf) {
            if n == 0 {
                break;
            }
            self.seen.extend_from_slice(&buf[..n]);
        }
        if self.seen.len() > KEEP {
            let cut = self.seen.len() - KEEP / 2;
            self.seen.drain(..cut);
        }
    }

    /// Read output until it contains `needle`; false after `timeout`.
    pub fn wait_for(&mut self, needle: &str, timeout: Duration) -> bool {
        let start = Instant::now();
        while start.elapsed() < timeout {
            self.drain();
            if contains(&self.seen, needle.as_bytes()) {
                self.seen.clear();
                return true;
            }
            std::thread::sleep(Duration::from_millis(5));
        }
        false
    }

    /// Write all of `bytes`, reading output meanwhile so the program is never stuck.
    pub fn write(&mut self, bytes: &[u8]) {
        let mut rest = bytes;
        while !rest.is_empty() {
            match self.master.write(rest) {
                Ok(n) => rest = &rest[n..],
                Err(e) if e.kind() == std::io::ErrorKind::WouldBlock => {
                    self.drain();
                    std::thread::sleep(Duration::from_millis(1));
                }
                Err(e) => panic!("writing to the terminal: {e}"),
            }
        }
    }

    /// Make the terminal `cols`×`rows` (the program is sent SIGWINCH).
    pub fn resize(&mut self, cols: u16, rows: u16) {
        use std::os::fd::AsRawFd;
        let size = libc::winsize {
            ws_row: rows,
            ws_col: cols,
            ws_xpixel: 0,
            ws_ypixel: 0,
        };
        // SAFETY: a valid winsize for the call on a descriptor this process owns.
        let rc = unsafe { libc::ioctl(self.master.as_raw_fd(), libc::TIOCSWINSZ, &raw const size) };
        assert_eq!(rc, 0, "resize");
    }

    /// True once the program has ended.
    pub fn exited(&mut self) -> bool {
        self.drain();
        self.child.try_wait().ok().flatten().is_some()
    }

    /// Wait up to `timeout` for the program to end; how long it took.
    pub fn wait_exit(&mut self, timeout: Duration) -> Option<Duration> {
        let start = Instant::now();
        while start.elapsed() < timeout {
            if self.exited() {
                return Some(start.elapsed());
            }
            std::thread::sleep(Duration::from_millis(2));
        }
        None
    }

    /// kill -9, and wait for it to be gone.
    pub fn kill(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn set_nonblocking(f: &File) {
    use std::os::fd::AsRawFd;
    // SAFETY: F_GETFL / F_SETFL on a descriptor this process owns.
    unsafe {
        let flags = libc::fcntl(f.as_raw_fd(), libc::F_GETFL);
        libc::fcntl(f.as_raw_fd(), libc::F_SETFL, flags | libc::O_NONBLOCK);
    }
}

fn contains(hay: &[u8], needle: &[u8]) -> bool {
    hay.windows(needle.len()).any(|w| w == needle)
}

/// The real binary on `data` (a data folder), `args` given.
pub fn music_sef(data: &std::path::Path, args: &[&str]) -> Command {
    let mut cmd = Command::new(assert_cmd::cargo::cargo_bin("music-sef"));
    cmd.args(args)
        .env("MUSIC_SEF_DATA_DIR", data)
        .env("TERM", "xterm-256color")
        .env("NO_COLOR", "1");
    cmd
}

impl Drop for Pty {
    fn drop(&mut self) {
        if self.child.try_wait().ok().flatten().is_none() {
            self.kill();
        }
    }
}
