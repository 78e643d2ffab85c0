//! The command-line binary: its first line, `--exit-with-stdin` and the default that ignores
//! stdin, flags passed through, and bad flags.

use std::io::{BufRead, BufReader, Write};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

const BIN: &str = env!("CARGO_BIN_EXE_convoso-sandbox");

/// Starts the binary with `stdin` and returns it with its base URL (from the first line).
fn start(args: &[&str], stdin: Stdio) -> (Child, String) {
    let mut child = Command::new(BIN)
        .args(["--port", "0"])
        .args(args)
        .stdin(stdin)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("binary starts");
    let mut line = String::new();
    let stdout = child.stdout.take().expect("piped stdout");
    BufReader::new(stdout).read_line(&mut line).unwrap();
    let url = line
        .trim()
        .strip_prefix("convoso-sandbox listening on ")
        .unwrap_or_else(|| panic!("first line {line:?}"))
        .to_string();
    (child, url)
}

/// Waits up to `limit` for the child to exit.
fn exited_within(child: &mut Child, limit: Duration) -> bool {
    let started = Instant::now();
    while started.elapsed() < limit {
        if child.try_wait().unwrap().is_some() {
            return true;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    false
}

fn health(url: &str) -> bool {
    let origin = url.trim_end_matches("/v1");
    let addr = origin.trim_start_matches("http://");
    std::net::TcpStream::connect(addr)
        .and_then(|mut s| {
            s.write_all(b"GET /__sandbox/health HTTP/1.1\r\nhost: x\r\nconnection: close\r\n\r\n")?;
            let mut answer = String::new();
            std::io::Read::read_to_string(&mut s, &mut answer)?;
            Ok(answer.starts_with("HTTP/1.1 200") && answer.ends_with("{\"ok\":true}"))
        })
        .unwrap_or(false)
}

#[test]
fn with_exit_with_stdin_the_end_of_stdin_stops_it() {
    let (mut child, url) = start(&["--exit-with-stdin"], Stdio::piped());
    assert!(health(&url));
    drop(child.stdin.take());
    assert!(
        exited_within(&mut child, Duration::from_secs(5)),
        "exits once stdin closes"
    );
    assert!(child.wait().unwrap().success());
}

#[test]
fn by_default_a_closed_stdin_changes_nothing() {
    for stdin in [Stdio::null(), Stdio::piped()] {
        let (mut child, url) = start(&[], stdin);
        drop(child.stdin.take());
        assert!(!exited_within(&mut child, Duration::from_millis(700)));
        assert!(health(&url), "still serving");
        child.kill().unwrap();
        child.wait().unwrap();
    }
}

#[test]
fn flags_are_passed_through_and_bad_ones_refused() {
    let (mut child, url) = start(
        &[
            "--style",
            "live",
            "--token",
            "t-1",
            "--business-error-status",
            "400",
        ],
        Stdio::null(),
    );
    assert!(
        url.starts_with("http://127.0.0.1:") && url.ends_with("/v1"),
        "{url}"
    );
    child.kill().unwrap();
    child.wait().unwrap();
    for bad in [
        &["--style", "fancy"][..],
        &["--business-error-status", "700"],
        &["--no-such-flag"],
    ] {
        let out = Command::new(BIN)
            .args(bad)
            .stdin(Stdio::null())
            .output()
            .unwrap();
        assert!(!out.status.success(), "{bad:?}");
        assert!(out.stdout.is_empty(), "{bad:?}");
        assert!(!out.stderr.is_empty(), "{bad:?}");
    }
}
