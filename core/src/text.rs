//! Messages put together from static texts and numbers, without `core::fmt`: the formatting
//! machinery weighs kilobytes in a WebAssembly module, and every message the client builds
//! is a few pieces of text and whole numbers.
//!
//! `text!(a, b, c)` appends each piece ([`Piece`]: text or a whole number) to a new
//! `String`. [`find`] is the substring search the messages need, without `str::find`'s
//! two-way searcher.

use alloc::string::String;

/// Something a message is made of.
pub trait Piece {
    fn put(&self, out: &mut String);
}

impl Piece for str {
    fn put(&self, out: &mut String) {
        out.push_str(self);
    }
}

impl Piece for String {
    fn put(&self, out: &mut String) {
        out.push_str(self);
    }
}

impl<T: Piece + ?Sized> Piece for &T {
    fn put(&self, out: &mut String) {
        (**self).put(out);
    }
}

impl Piece for alloc::borrow::Cow<'_, str> {
    fn put(&self, out: &mut String) {
        out.push_str(self);
    }
}

macro_rules! unsigned {
    ($($t:ty),*) => {$(
        impl Piece for $t {
            fn put(&self, out: &mut String) {
                digits(u64::from(*self), out);
            }
        }
    )*};
}
unsigned!(u16, u32, u64);

impl Piece for i64 {
    fn put(&self, out: &mut String) {
        if *self < 0 {
            out.push('-');
        }
        digits(self.unsigned_abs(), out);
    }
}

impl Piece for usize {
    fn put(&self, out: &mut String) {
        digits(*self as u64, out);
    }
}

/// The decimal digits of `n`.
fn digits(n: u64, out: &mut String) {
    let mut buffer = [0u8; 20];
    let mut start = buffer.len();
    let mut rest = n;
    loop {
        start -= 1;
        if let Some(slot) = buffer.get_mut(start) {
            *slot = b'0' + (rest % 10) as u8;
        }
        rest /= 10;
        if rest == 0 {
            break;
        }
    }
    for &b in buffer.get(start..).unwrap_or_default() {
        out.push(char::from(b));
    }
}

/// A message of the given pieces, in order.
macro_rules! text {
    ($($piece:expr),* $(,)?) => {{
        let mut out = alloc::string::String::new();
        $($crate::text::Piece::put(&$piece, &mut out);)*
        out
    }};
}
pub(crate) use text;

/// Where `needle` first occurs in `haystack` (bytes; `None` for an empty needle).
pub fn find(haystack: &str, needle: &str) -> Option<usize> {
    let (hay, pin) = (haystack.as_bytes(), needle.as_bytes());
    if pin.is_empty() {
        return None;
    }
    (0..=hay.len().checked_sub(pin.len())?).find(|&at| hay.get(at..at + pin.len()) == Some(pin))
}

/// `haystack` with every occurrence of `needle` replaced by `with`.
pub fn replace(haystack: &str, needle: &str, with: &str) -> String {
    let mut out = String::with_capacity(haystack.len());
    let mut rest = haystack;
    while let Some(at) = find(rest, needle) {
        // `at` and `at + needle.len()` are on character boundaries: the needle is a whole str.
        out.push_str(rest.get(..at).unwrap_or_default());
        out.push_str(with);
        rest = rest.get(at + needle.len()..).unwrap_or_default();
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pieces_are_joined_in_order() {
        let s = text!(
            "HTTP ",
            503u16,
            " from ",
            String::from("/leads/search"),
            ": ",
            0u64,
            " ",
            u64::MAX
        );
        assert_eq!(s, format!("HTTP 503 from /leads/search: 0 {}", u64::MAX));
        assert_eq!(
            text!(-6009i64, " ", i64::MIN, " ", 7usize),
            format!("-6009 {} 7", i64::MIN)
        );
    }

    #[test]
    fn find_and_replace_agree_with_std() {
        for (hay, pin) in [
            ("a<title>x", "<title"),
            ("", "x"),
            ("aaa", "aa"),
            ("é tok é", "tok"),
            ("ab", "abc"),
        ] {
            assert_eq!(find(hay, pin), hay.find(pin), "{hay:?} {pin:?}");
            assert_eq!(
                replace(hay, pin, "[r]"),
                hay.replace(pin, "[r]"),
                "{hay:?} {pin:?}"
            );
        }
        assert_eq!(
            replace("tok tok", "tok", "[redacted]"),
            "[redacted] [redacted]"
        );
    }
}
