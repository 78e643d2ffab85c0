//! A stand-in for the carrier lookup the live service does on every number. It is keyed on
//! the last digit so that tests (and people) can pick a number of a given type on purpose.

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CarrierType {
    Wireless,
    Landline,
    Voip,
}

impl CarrierType {
    /// The value stored and shown in `carrier_type`.
    pub fn as_str(self) -> &'static str {
        match self {
            CarrierType::Wireless => "wireless",
            CarrierType::Landline => "landline",
            CarrierType::Voip => "voip",
        }
    }

    /// The spelling `reject_by_carrier_type` uses (MOBILE, LANDLINE, VOIP).
    pub fn from_reject_name(name: &str) -> Option<CarrierType> {
        match name.trim().to_ascii_uppercase().as_str() {
            "MOBILE" => Some(CarrierType::Wireless),
            "LANDLINE" => Some(CarrierType::Landline),
            "VOIP" => Some(CarrierType::Voip),
            _ => None,
        }
    }
}

const BY_LAST_DIGIT: [(&str, CarrierType); 10] = [
    ("AT&T Wireless", CarrierType::Wireless),
    ("T-Mobile", CarrierType::Wireless),
    ("Verizon", CarrierType::Wireless),
    ("AT&T Wireless", CarrierType::Wireless),
    ("Lumen", CarrierType::Landline),
    ("T-Mobile", CarrierType::Wireless),
    ("Frontier", CarrierType::Landline),
    ("Verizon", CarrierType::Wireless),
    ("Twilio", CarrierType::Voip),
    ("Bandwidth", CarrierType::Voip),
];

/// Carrier name and type of a digits-only number.
pub fn lookup(digits: &str) -> (&'static str, CarrierType) {
    let last = digits
        .bytes()
        .last()
        .and_then(|b| char::from(b).to_digit(10))
        .unwrap_or(0);
    BY_LAST_DIGIT
        .get(last as usize)
        .copied()
        .unwrap_or(("Verizon", CarrierType::Wireless))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_spec_example_number_is_verizon_wireless() {
        assert_eq!(lookup("5551234567"), ("Verizon", CarrierType::Wireless));
        assert_eq!(lookup("5551234564").1, CarrierType::Landline);
        assert_eq!(lookup("5551234568").1, CarrierType::Voip);
    }
}
