//! How validators keep their problems: a one-byte enum whose messages are the lines of one
//! text, turned into an [`Invalid`] only where a caller gets it.
//!
//! A table of `Invalid`s holds a pointer, a length and a code per message, which gzip
//! compresses poorly; the text alone compresses well, and passing a problem back is one byte.

use super::report::Invalid;

/// Declares a problem enum and its messages, in order, one a line of `Self::MESSAGES`, and
/// `invalid()`, which makes a problem the [`Invalid`] callers get. The module gives each
/// problem its code with `const fn code(self) -> u32`, and says which problems are merely
/// unfinished input with `const fn incomplete(self) -> bool`.
///
/// ```ignore
/// problems! {
///     /// What is wrong with a thing.
///     enum Problem;
///     Empty: "Enter a thing",
///     TooLong: "Too long",
/// }
/// ```
macro_rules! problems {
    ($(#[$attr:meta])* enum $enum:ident; $($messages:tt)*) => {
        $crate::validate::problems::problems!(@messages [$(#[$attr])*] [] $enum; $($messages)*);

        impl $enum {
            /// This problem with its code and message, as callers get it.
            const fn invalid(self) -> $crate::validate::report::Invalid {
                $crate::validate::problems::invalid(Self::MESSAGES, self as usize, self.code(), self.incomplete())
            }
        }
    };

    // Messages without codes of their own: `with(code)` gives the code of the check that
    // reports one. (`texts` instead of `enum`.)
    ($(#[$attr:meta])* texts $enum:ident; $($messages:tt)*) => {
        $crate::validate::problems::problems!(@messages [$(#[$attr])*] [pub] $enum; $($messages)*);

        impl $enum {
            /// This message with `code`, as callers get it.
            pub const fn with(self, code: u32) -> $crate::validate::report::Invalid {
                $crate::validate::problems::invalid(Self::MESSAGES, self as usize, code, false)
            }
        }
    };

    // Both: the enum and its messages.
    (@messages [$(#[$attr:meta])*] [$($vis:tt)*] $enum:ident; $($name:ident: $message:literal,)*) => {
        $(#[$attr])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        $($vis)* enum $enum {
            $($name,)*
        }

        impl $enum {
            /// The messages, in the enum's order, each ended by a newline.
            const MESSAGES: &'static str = concat!($($message, "\n",)*);
        }
    };
}
pub(crate) use problems;

/// `code` with line `n` of `messages` as its message. Not inlined: one copy serves every
/// module's problems, and the callers pass four words.
#[inline(never)]
pub(crate) const fn invalid(
    messages: &'static str,
    n: usize,
    code: u32,
    incomplete: bool,
) -> Invalid {
    Invalid {
        code: code as u16,
        message: line(messages, n),
        incomplete,
    }
}

/// Line `n` of `text`, whose lines all end with a newline (past the last: `""`). A plain loop:
/// `str::split` would bring `memchr` into the wasm. `const` so that constants can be built
/// from a problem.
// Inlined into `invalid`, its one caller in the wasm.
#[inline(always)]
const fn line(text: &'static str, mut n: usize) -> &'static str {
    let mut start = text.as_bytes();
    let mut rest = start;
    let mut len = 0;
    while let [c, tail @ ..] = rest {
        if *c == b'\n' {
            if n == 0 {
                break;
            }
            n -= 1;
            start = tail;
            len = 0;
        } else {
            len += 1;
        }
        rest = tail;
    }
    match start.split_at_checked(len) {
        // SAFETY: `text` is UTF-8 and the cuts fall at newlines (ASCII) or at its ends, so
        // the line is UTF-8. (`str::from_utf8` would bring its validator into the wasm.)
        Some((line, _)) => unsafe { core::str::from_utf8_unchecked(line) },
        None => "",
    }
}

#[cfg(test)]
mod tests {
    use super::line;

    #[test]
    fn reads_each_line_and_nothing_past_the_last() {
        let text = "one\ntwo\n\nfour\n";
        assert_eq!(line(text, 0), "one");
        assert_eq!(line(text, 1), "two");
        assert_eq!(line(text, 2), "");
        assert_eq!(line(text, 3), "four");
        assert_eq!(line(text, 4), "");
        assert_eq!(line(text, 99), "");
        assert_eq!(line("", 0), "");
    }
}
