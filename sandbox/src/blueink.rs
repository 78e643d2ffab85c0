//! `blueinkdigital_token`: the live service fetches the lead's phone number from Blue Ink
//! Digital with it. The sandbox stands in for that service with a number derived from the
//! token, so the same token always "fetches" the same valid number.

/// A valid North American number for a token (FNV-1a of the token seeds the digits).
pub fn phone_for(token: &str) -> String {
    let hash = token.bytes().fold(0xcbf2_9ce4_8422_2325_u64, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x100_0000_01b3)
    });
    let mut rng = fastrand::Rng::with_seed(hash);
    format!(
        "{}{:02}{}{:04}",
        rng.u8(2..=9),
        rng.u8(..100),
        rng.u16(200..=999),
        rng.u16(..10_000)
    )
}

#[cfg(test)]
mod tests {
    #[test]
    fn same_token_same_valid_number() {
        let a = super::phone_for("tok-1");
        assert_eq!(a, super::phone_for("tok-1"));
        assert_ne!(a, super::phone_for("tok-2"));
        assert!(crate::validate::phone(&a, "1").is_some());
    }
}
