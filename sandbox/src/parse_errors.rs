//! JSON bodies for the answers hyper writes on its own.
//!
//! A request hyper cannot parse (a request line over 65,534 bytes, a head over its buffer, a
//! malformed line) never reaches the router: hyper answers 414, 431 or 400 itself, with an
//! empty body, and closes the connection. The sandbox promises JSON with a `code` for every
//! error, so the connection's writer watches for those heads and replaces them with the same
//! status and a JSON body in the server's style.
//!
//! Telling hyper's heads from the router's: the service marks each response the router
//! produced (`Routed::mark`) before hyper writes it; a head written while no mark is pending,
//! with one of hyper's statuses and an empty body, is hyper's own.

use std::io;
use std::pin::Pin;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::task::{Context, Poll};

use axum::http::StatusCode;
use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};

use crate::error::ApiError;
use crate::render;
use crate::style::Style;

/// How hyper's own error answers are rewritten on this server.
#[derive(Clone, Debug)]
pub struct ParseErrorReply {
    pub style: Style,
    /// `--cors-origin` not given: any origin may read the answer, as with routed answers.
    pub any_origin: bool,
}

impl ParseErrorReply {
    fn rewrite(&self, status: StatusCode, head: &[u8]) -> Vec<u8> {
        let message = match status {
            StatusCode::URI_TOO_LONG => "URI Too Long: the request line is over 65534 bytes",
            StatusCode::REQUEST_HEADER_FIELDS_TOO_LARGE => {
                "Request Header Fields Too Large: the request head is over the server's limit"
            }
            _ => "Bad Request: the request is not valid HTTP/1.1",
        };
        let body = render::error_body(self.style, &ApiError::http(status, message)).to_string();
        let mut out = Vec::with_capacity(head.len() + body.len() + 128);
        // Keep hyper's status line and headers (date, connection) except its empty length.
        let text = String::from_utf8_lossy(head);
        for line in text.split("\r\n").filter(|l| !l.is_empty()) {
            if !line.to_ascii_lowercase().starts_with("content-length:") {
                out.extend_from_slice(line.as_bytes());
                out.extend_from_slice(b"\r\n");
            }
        }
        out.extend_from_slice(b"content-type: application/json\r\n");
        if self.any_origin {
            out.extend_from_slice(b"access-control-allow-origin: *\r\n");
        }
        out.extend_from_slice(format!("content-length: {}\r\n\r\n", body.len()).as_bytes());
        out.extend_from_slice(body.as_bytes());
        out
    }
}

/// Set by the service when the router has produced a response, cleared by the writer when
/// that response's head goes out.
#[derive(Clone, Debug, Default)]
pub struct Routed(Arc<AtomicBool>);

impl Routed {
    pub fn mark(&self) {
        self.0.store(true, Ordering::Release);
    }
}

/// The connection's IO, rewriting hyper's own error heads (see the module doc).
pub struct JsonParseErrors<T> {
    inner: T,
    routed: Routed,
    reply: Arc<ParseErrorReply>,
    /// A rewritten answer not yet fully written, and how much of it is.
    pending: Vec<u8>,
    written: usize,
}

impl<T> JsonParseErrors<T> {
    pub fn new(inner: T, routed: Routed, reply: Arc<ParseErrorReply>) -> Self {
        JsonParseErrors {
            inner,
            routed,
            reply,
            pending: Vec::new(),
            written: 0,
        }
    }
}

/// The status of a head hyper writes for a request it could not parse: exactly a status line
/// and headers ending the write, 400/414/431, with `content-length: 0`.
fn hyper_error_status(buf: &[u8]) -> Option<StatusCode> {
    let rest = buf.strip_prefix(b"HTTP/1.1 ")?;
    if !buf.ends_with(b"\r\n\r\n") {
        return None;
    }
    let status = match rest.get(..4)? {
        b"400 " => StatusCode::BAD_REQUEST,
        b"414 " => StatusCode::URI_TOO_LONG,
        b"431 " => StatusCode::REQUEST_HEADER_FIELDS_TOO_LARGE,
        _ => return None,
    };
    let head = String::from_utf8_lossy(buf).to_ascii_lowercase();
    // One head only (no body after it), and an empty one.
    (head.matches("\r\n\r\n").count() == 1 && head.contains("\r\ncontent-length: 0\r\n"))
        .then_some(status)
}

impl<T: AsyncWrite + Unpin> JsonParseErrors<T> {
    fn drain(&mut self, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        while let Some(rest) = self.pending.get(self.written..).filter(|r| !r.is_empty()) {
            match Pin::new(&mut self.inner).poll_write(cx, rest) {
                Poll::Ready(Ok(0)) => return Poll::Ready(Err(io::ErrorKind::WriteZero.into())),
                Poll::Ready(Ok(n)) => self.written += n,
                Poll::Ready(Err(err)) => return Poll::Ready(Err(err)),
                Poll::Pending => return Poll::Pending,
            }
        }
        self.pending.clear();
        self.written = 0;
        Poll::Ready(Ok(()))
    }
}

impl<T: AsyncRead + Unpin> AsyncRead for JsonParseErrors<T> {
    fn poll_read(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<io::Result<()>> {
        Pin::new(&mut self.inner).poll_read(cx, buf)
    }
}

impl<T: AsyncWrite + Unpin> AsyncWrite for JsonParseErrors<T> {
    fn poll_write(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &[u8],
    ) -> Poll<io::Result<usize>> {
        let this = &mut *self;
        if this.drain(cx)?.is_pending() {
            return Poll::Pending;
        }
        if buf.starts_with(b"HTTP/1.1 ") && this.routed.0.load(Ordering::Acquire) {
            // The router's answer: passed through, its mark used up once it starts going out.
            let poll = Pin::new(&mut this.inner).poll_write(cx, buf);
            if matches!(poll, Poll::Ready(Ok(n)) if n > 0) {
                this.routed.0.store(false, Ordering::Release);
            }
            return poll;
        }
        if let Some(status) = hyper_error_status(buf) {
            this.pending = this.reply.rewrite(status, buf);
            // The whole of hyper's head is taken; the rewrite goes out now or on flush.
            let _ = this.drain(cx)?;
            return Poll::Ready(Ok(buf.len()));
        }
        Pin::new(&mut this.inner).poll_write(cx, buf)
    }

    fn poll_flush(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        if self.drain(cx)?.is_pending() {
            return Poll::Pending;
        }
        Pin::new(&mut self.inner).poll_flush(cx)
    }

    fn poll_shutdown(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        if self.drain(cx)?.is_pending() {
            return Poll::Pending;
        }
        Pin::new(&mut self.inner).poll_shutdown(cx)
    }

    // Not vectored, so hyper flattens each answer's head into one buffer: a head is always at
    // the start of a write, where `poll_write` can see it.
    fn is_write_vectored(&self) -> bool {
        false
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_hyper_shaped_heads_are_recognised() {
        let head = b"HTTP/1.1 414 URI Too Long\r\ncontent-length: 0\r\ndate: x\r\n\r\n";
        assert_eq!(hyper_error_status(head), Some(StatusCode::URI_TOO_LONG));
        for other in [
            &b"HTTP/1.1 414 URI Too Long\r\ncontent-length: 0\r\n\r\n{}"[..],
            b"HTTP/1.1 404 Not Found\r\ncontent-length: 0\r\n\r\n",
            b"HTTP/1.1 400 Bad Request\r\ncontent-length: 12\r\n\r\n",
            b"HTTP/1.1 400 Bad Request\r\ncontent-length: 0\r\n",
            b"{\"success\":false}",
            b"",
        ] {
            assert_eq!(hyper_error_status(other), None, "{other:?}");
        }
    }

    #[test]
    fn the_rewrite_is_json_in_the_style_with_its_length() {
        let head = b"HTTP/1.1 431 Request Header Fields Too Large\r\ncontent-length: 0\r\n\r\n";
        for (style, key) in [(Style::Live, "text"), (Style::Documented, "error")] {
            let reply = ParseErrorReply {
                style,
                any_origin: false,
            };
            let out =
                String::from_utf8(reply.rewrite(StatusCode::from_u16(431).unwrap(), head)).unwrap();
            let (head, body) = out.split_once("\r\n\r\n").unwrap();
            assert!(head.starts_with("HTTP/1.1 431 "));
            assert!(head.contains(&format!("content-length: {}", body.len())));
            assert!(!head.contains("content-length: 0"));
            let json: serde_json::Value = serde_json::from_str(body).unwrap();
            assert_eq!(json["code"], 431);
            assert!(json[key].is_string(), "{json}");
        }
    }
}
