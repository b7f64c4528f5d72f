//! A pseudo-terminal at 120×40 for the whole-program benchmarks: spawn a program in it, wait
//! for the last bytes of a frame, send keys, and read the kernel's accounting of the process
//! (`/proc`). Waiting blocks in `poll`, never spins: on a 2-core machine a spinning harness
//! would take a core from the program it measures.

use std::fs::File;
use std::io::{Read, Write};
use std::os::fd::{AsRawFd, FromRawFd, OwnedFd};
use std::os::unix::process::CommandExt;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// The bytes every music-sef frame ends with: ratatui hides the cursor after each draw.
pub const FRAME_END: &[u8] = b"\x1b[?25l";
/// Row 40 is the footer, the last row a first frame draws.
pub const LAST_ROW: &[u8] = b"\x1b[40;";
/// ncurses (dialog) ends each refresh by resetting the attributes.
pub const CURSES_END: &[u8] = b"\x1b(B\x1b[m";

pub struct Pty {
    master: File,
    child: Child,
    buf: Vec<u8>,
    /// Bytes of `buf` already matched: needles are looked for after this.
    seen: usize,
}

fn open_pty() -> std::io::Result<(OwnedFd, OwnedFd)> {
    let (mut master, mut slave) = (0, 0);
    let size = libc::winsize {
        ws_row: 40,
        ws_col: 120,
        ws_xpixel: 0,
        ws_ypixel: 0,
    };
    // SAFETY: openpty writes two new descriptors into the ints; the null pointers mean
    // "no name wanted" and "default terminal settings".
    let rc = unsafe {
        libc::openpty(
            &raw mut master,
            &raw mut slave,
            std::ptr::null_mut(),
            std::ptr::null(),
            &raw const size,
        )
    };
    if rc != 0 {
        return Err(std::io::Error::last_os_error());
    }
    // SAFETY: both descriptors were just opened and are owned by nobody else.
    Ok(unsafe { (OwnedFd::from_raw_fd(master), OwnedFd::from_raw_fd(slave)) })
}

impl Pty {
    /// Start `cmd` with the pseudo-terminal as its controlling terminal and its three streams.
    pub fn spawn(mut cmd: Command) -> std::io::Result<Self> {
        let (master, slave) = open_pty()?;
        cmd.stdin(Stdio::from(slave.try_clone()?))
            .stdout(Stdio::from(slave.try_clone()?))
            .stderr(Stdio::from(slave));
        // SAFETY: only async-signal-safe calls between fork and exec.
        unsafe {
            cmd.pre_exec(|| {
                if libc::setsid() < 0 || libc::ioctl(0, libc::TIOCSCTTY, 0) < 0 {
                    return Err(std::io::Error::last_os_error());
                }
                Ok(())
            });
        }
        let child = cmd.spawn()?;
        Ok(Self {
            master: File::from(master),
            child,
            buf: Vec::with_capacity(1 << 16),
            seen: 0,
        })
    }

    pub fn pid(&self) -> u32 {
        self.child.id()
    }

    /// Read what is there, waiting at most `wait`. False at end of output.
    fn fill(&mut self, wait: Duration) -> bool {
        let mut fds = libc::pollfd {
            fd: self.master.as_raw_fd(),
            events: libc::POLLIN,
            revents: 0,
        };
        let ms = i32::try_from(wait.as_millis()).unwrap_or(i32::MAX);
        // SAFETY: one valid pollfd.
        let ready = unsafe { libc::poll(&raw mut fds, 1, ms) };
        if ready <= 0 {
            return ready == 0;
        }
        let mut chunk = [0u8; 1 << 16];
        match self.master.read(&mut chunk) {
            Ok(0) | Err(_) => false,
            Ok(n) => {
                self.buf.extend_from_slice(&chunk[..n]);
                true
            }
        }
    }

    /// Wait until each of `needles` has arrived, in order, after what was matched before;
    /// the time it completed, or None on timeout or end of output.
    pub fn wait_for(&mut self, needles: &[&[u8]], timeout: Duration) -> Option<Instant> {
        let deadline = Instant::now() + timeout;
        let mut at = self.seen;
        for needle in needles {
            loop {
                if let Some(i) = find(&self.buf[at..], needle) {
                    at += i + needle.len();
                    break;
                }
                let left = deadline.checked_duration_since(Instant::now())?;
                if !self.fill(left) {
                    return None;
                }
            }
        }
        self.seen = at;
        self.compact();
        Some(Instant::now())
    }

    /// Keep the buffer small: what was matched is not needed again.
    fn compact(&mut self) {
        if self.seen > 1 << 20 {
            self.buf.drain(..self.seen);
            self.seen = 0;
        }
    }

    /// Read until nothing arrives for `quiet`, and forget it.
    pub fn drain(&mut self, quiet: Duration) {
        loop {
            let n = self.buf.len();
            if !self.fill(quiet) || self.buf.len() == n {
                break;
            }
        }
        self.seen = self.buf.len();
        self.compact();
    }

    /// Read for `span`, whatever arrives; how many frame ends went by.
    pub fn watch(&mut self, span: Duration, end: &[u8]) -> usize {
        let deadline = Instant::now() + span;
        while let Some(left) = deadline.checked_duration_since(Instant::now()) {
            if !self.fill(left) {
                break;
            }
        }
        let frames = count(&self.buf[self.seen..], end);
        self.seen = self.buf.len();
        frames
    }

    pub fn send(&mut self, bytes: &[u8]) {
        let _ = self.master.write_all(bytes);
    }

    /// Send `quit`, give the program a moment to leave by itself, then make sure it is gone.
    pub fn finish(mut self, quit: &[u8]) {
        self.send(quit);
        let deadline = Instant::now() + Duration::from_secs(3);
        while Instant::now() < deadline {
            if matches!(self.child.try_wait(), Ok(Some(_))) {
                return;
            }
            if !self.fill(Duration::from_millis(20)) {
                std::thread::sleep(Duration::from_millis(5));
            }
        }
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

pub fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

fn count(hay: &[u8], needle: &[u8]) -> usize {
    let mut n = 0;
    let mut at = 0;
    while let Some(i) = find(&hay[at..], needle) {
        n += 1;
        at += i + needle.len();
    }
    n
}

/// Peak resident memory of a running process (VmHWM), in kB.
pub fn peak_kb(pid: u32) -> Option<u64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
}

/// Times the process's threads were switched in, and CPU ticks used, summed over threads.
pub fn wakeups(pid: u32) -> Option<(u64, u64)> {
    let mut switches = 0;
    let mut ticks = 0;
    for task in std::fs::read_dir(format!("/proc/{pid}/task"))
        .ok()?
        .flatten()
    {
        let dir = task.path();
        let status = std::fs::read_to_string(dir.join("status")).unwrap_or_default();
        switches += status
            .lines()
            .filter(|l| l.contains("ctxt_switches:"))
            .filter_map(|l| l.split(':').nth(1)?.trim().parse::<u64>().ok())
            .sum::<u64>();
        let stat = std::fs::read_to_string(dir.join("stat")).unwrap_or_default();
        // Fields after the command name (which may hold spaces): utime and stime are the
        // 12th and 13th of them.
        let rest = stat.rsplit_once(')').map_or("", |(_, r)| r);
        let f: Vec<u64> = rest
            .split_whitespace()
            .filter_map(|x| x.parse().ok())
            .collect();
        ticks += f.get(11).copied().unwrap_or(0) + f.get(12).copied().unwrap_or(0);
    }
    Some((switches, ticks))
}

/// `wrapper` (a measuring tool) running `cmd`: its program, arguments and environment.
pub fn wrapping(mut wrapper: Command, cmd: &Command) -> Command {
    wrapper.arg(cmd.get_program()).args(cmd.get_args());
    for (k, v) in cmd.get_envs() {
        match v {
            Some(v) => wrapper.env(k, v),
            None => wrapper.env_remove(k),
        };
    }
    wrapper
}

/// The peak memory (kB) of a command run to its end, measured by GNU time when it is
/// installed. Not wait4's `ru_maxrss`: Linux carries the old high-water mark over `exec`,
/// and a child spawned from this harness starts from the harness's own (tens of MB of
/// fixtures), so that figure would be the harness's, not the command's. GNU time forks
/// from its own small process.
pub fn peak_of(cmd: &Command) -> Option<u64> {
    let time = std::path::Path::new("/usr/bin/time");
    if !time.is_file() {
        return None;
    }
    let out = std::env::temp_dir().join(format!("music-sef-bench-{}.rss", std::process::id()));
    let mut t = Command::new(time);
    t.arg("-f").arg("%M").arg("-o").arg(&out);
    run_to_end(wrapping(t, cmd))?;
    let text = std::fs::read_to_string(&out).ok()?;
    let _ = std::fs::remove_file(&out);
    text.lines().last()?.trim().parse().ok()
}

/// Run a command to its end (no terminal); its wall time, and the peak memory wait4 gives
/// (see `peak_of` for why that is not the command's own).
pub fn run_to_end(mut cmd: Command) -> Option<(Duration, u64)> {
    cmd.stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null());
    let start = Instant::now();
    let child = cmd.spawn().ok()?;
    let pid = i32::try_from(child.id()).ok()?;
    let mut status = 0;
    // SAFETY: a zeroed rusage is a valid value for wait4 to fill in.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    // SAFETY: waits for our own child; both out-pointers are valid.
    let rc = unsafe { libc::wait4(pid, &raw mut status, 0, &raw mut usage) };
    let took = start.elapsed();
    (rc == pid).then(|| (took, u64::try_from(usage.ru_maxrss).unwrap_or(0)))
}
