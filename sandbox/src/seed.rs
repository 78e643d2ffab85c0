//! Deterministic demo data: leads-api.md's example lead 12345 (with its recording rec123),
//! then generated leads 12346, 12347, … Lead 12345 + i depends only on i, so `--seed 10` is a
//! prefix of `--seed 1000`.

use chrono::{Duration, NaiveDate, NaiveDateTime};
use rusqlite::Connection;

use crate::carrier;
use crate::catalog::Catalog;
use crate::store::leads::{self, Custom, Values};
use crate::store::{recordings, Recording};
use crate::validate::TIMESTAMP_FORMAT;

pub const EXAMPLE_LEAD_ID: i64 = 12345;

pub fn fill(conn: &Connection, extra: u32, catalog: &Catalog) -> rusqlite::Result<()> {
    let (values, recs) = example_lead();
    store(conn, EXAMPLE_LEAD_ID, &values, &Custom::new(), &recs)?;
    for i in 1..=i64::from(extra) {
        let generated = Generated::new(i, catalog);
        store(
            conn,
            EXAMPLE_LEAD_ID + i,
            &generated.values,
            &generated.custom,
            &generated.recordings,
        )?;
    }
    Ok(())
}

fn store(
    conn: &Connection,
    id: i64,
    values: &Values,
    custom: &Custom,
    recs: &[Recording],
) -> rusqlite::Result<()> {
    leads::insert(conn, Some(id), values, custom)?;
    recs.iter()
        .try_for_each(|rec| recordings::insert(conn, rec))
}

fn values(pairs: &[(&'static str, &str)]) -> Values {
    pairs.iter().map(|(k, v)| (*k, v.to_string())).collect()
}

fn recording(id: &str, start: &str, end: &str, seconds: i64) -> Recording {
    Recording {
        recording_id: id.into(),
        lead_id: EXAMPLE_LEAD_ID,
        start_time: start.into(),
        end_time: Some(end.into()),
        seconds: Some(seconds),
    }
}

/// Exactly the lead of leads-api.md's search response example, plus the fields it implies.
fn example_lead() -> (Values, Vec<Recording>) {
    let lead = values(&[
        ("created_at", "2026-03-01 10:00:00"),
        ("modified_at", "2026-03-03 14:30:00"),
        ("changed_at", "2026-03-03 14:30:00"),
        ("last_called_at", "2026-03-03 14:30:00"),
        ("called_count", "3"),
        ("first_name", "John"),
        ("last_name", "Doe"),
        ("email", "john@example.com"),
        ("status", "ACTIVE"),
        ("owner_id", "22222"),
        ("user_id", "22222"),
        ("source_id", "1"),
        ("list_id", "333"),
        ("phone_code", "1"),
        ("phone_number", "5551234567"),
        ("alt_phone_1", "5559876543"),
        ("address1", "123 Main St"),
        ("city", "Anytown"),
        ("state", "CA"),
        ("postal_code", "90210"),
        ("country", "US"),
        ("carrier_name", "Verizon"),
        ("carrier_type", "wireless"),
    ]);
    let recs = vec![
        recording("rec122", "2026-02-27 16:00:00", "2026-02-27 16:01:05", 65),
        recording("rec124", "2026-03-02 09:15:00", "2026-03-02 09:17:30", 150),
        recording("rec123", "2026-03-03 14:30:00", "2026-03-03 14:35:00", 300),
    ];
    (lead, recs)
}

const FIRST_NAMES: &[&str] = &[
    "James",
    "Mary",
    "Robert",
    "Patricia",
    "Michael",
    "Jennifer",
    "William",
    "Linda",
    "David",
    "Elizabeth",
    "Richard",
    "Barbara",
    "Joseph",
    "Susan",
    "Thomas",
    "Jessica",
    "Carlos",
    "Sarah",
    "Daniel",
    "Karen",
    "Matthew",
    "Lisa",
    "Anthony",
    "Nancy",
    "Mark",
    "Sandra",
    "Luis",
    "Ashley",
    "Steven",
    "Emily",
    "Andrew",
    "Michelle",
    "Kevin",
    "Amanda",
    "Brian",
    "Melissa",
    "Wei",
    "Priya",
];
const LAST_NAMES: &[&str] = &[
    "Smith",
    "Johnson",
    "Williams",
    "Brown",
    "Jones",
    "Garcia",
    "Miller",
    "Davis",
    "Rodriguez",
    "Martinez",
    "Hernandez",
    "Lopez",
    "Gonzalez",
    "Wilson",
    "Anderson",
    "Thomas",
    "Taylor",
    "Moore",
    "Jackson",
    "Martin",
    "Lee",
    "Perez",
    "Thompson",
    "White",
    "Harris",
    "Sanchez",
    "Clark",
    "Ramirez",
    "Lewis",
    "Robinson",
    "Walker",
    "Young",
    "Allen",
    "King",
    "Chen",
    "Patel",
];
/// City, state, a ZIP code in it, and its area codes.
const CITIES: &[(&str, &str, &str, &[&str])] = &[
    ("Los Angeles", "CA", "90012", &["213", "323"]),
    ("San Diego", "CA", "92101", &["619", "858"]),
    ("San Francisco", "CA", "94103", &["415", "628"]),
    ("Houston", "TX", "77002", &["713", "832"]),
    ("Dallas", "TX", "75201", &["214", "469"]),
    ("Austin", "TX", "78701", &["512", "737"]),
    ("Phoenix", "AZ", "85004", &["602", "480"]),
    ("Chicago", "IL", "60601", &["312", "773"]),
    ("New York", "NY", "10001", &["212", "646"]),
    ("Brooklyn", "NY", "11201", &["718", "347"]),
    ("Miami", "FL", "33130", &["305", "786"]),
    ("Orlando", "FL", "32801", &["407", "689"]),
    ("Atlanta", "GA", "30303", &["404", "678"]),
    ("Seattle", "WA", "98101", &["206", "425"]),
    ("Denver", "CO", "80202", &["303", "720"]),
    ("Boston", "MA", "02108", &["617", "857"]),
    ("Philadelphia", "PA", "19103", &["215", "267"]),
    ("Columbus", "OH", "43215", &["614", "380"]),
    ("Charlotte", "NC", "28202", &["704", "980"]),
    ("Nashville", "TN", "37203", &["615", "629"]),
    ("Portland", "OR", "97204", &["503", "971"]),
    ("Las Vegas", "NV", "89101", &["702", "725"]),
];
const STREETS: &[&str] = &[
    "Main St",
    "Oak Ave",
    "Maple Dr",
    "Cedar Ln",
    "Pine St",
    "Elm St",
    "Washington Blvd",
    "Lake Rd",
    "Hillcrest Ave",
    "Sunset Blvd",
    "Park Ave",
    "2nd St",
    "Broadway",
    "Madison Ave",
];
const STATUSES: &[&str] = &[
    "NEW",
    "ACTIVE",
    "CALLBACK",
    "NO_ANSWER",
    "COMPLETED",
    "NOT_INTERESTED",
];
const COMPANIES: &[&str] = &[
    "Acme Roofing",
    "Bright Solar LLC",
    "Summit Insurance",
    "Blue Harbor Dental",
    "Northwind Auto",
    "Evergreen Realty",
    "Pioneer Plumbing",
    "Redwood Fitness",
];
const EMAIL_DOMAINS: &[&str] = &["example.com", "example.net", "example.org"];

struct Generated {
    values: Values,
    custom: Custom,
    recordings: Vec<Recording>,
}

impl Generated {
    fn new(i: i64, catalog: &Catalog) -> Generated {
        let id = EXAMPLE_LEAD_ID + i;
        let mut rng = fastrand::Rng::with_seed(0x5eed_0000_u64.wrapping_add(i.unsigned_abs()));
        let mut v = Values::new();
        let mut set = |k: &'static str, val: String| {
            v.insert(k, val);
        };

        let first = pick(&mut rng, FIRST_NAMES);
        let last = pick(&mut rng, LAST_NAMES);
        let (city, state, zip, area_codes) = pick(&mut rng, CITIES);
        let phone = format!(
            "{}{}{:04}",
            pick(&mut rng, area_codes),
            rng.u32(200..=999),
            (i * 7919) % 10_000
        );
        let (carrier_name, carrier_type) = carrier::lookup(&phone);
        set("first_name", first.to_string());
        set("last_name", last.to_string());
        set(
            "email",
            format!(
                "{}.{}{}@{}",
                first.to_lowercase(),
                last.to_lowercase(),
                i,
                pick(&mut rng, EMAIL_DOMAINS)
            ),
        );
        set("phone_code", "1".into());
        set("phone_number", phone);
        set("carrier_name", carrier_name.into());
        set("carrier_type", carrier_type.as_str().into());
        if rng.u8(..10) < 3 {
            let area = pick(&mut rng, area_codes);
            set(
                "alt_phone_1",
                format!("{area}{}{:04}", rng.u32(200..=999), rng.u32(..10_000)),
            );
        }
        set(
            "address1",
            format!("{} {}", rng.u32(100..=9899), pick(&mut rng, STREETS)),
        );
        if rng.u8(..10) < 3 {
            set("address2", format!("Apt {}", rng.u32(1..=40)));
        }
        set("city", city.to_string());
        set("state", state.to_string());
        set("postal_code", zip.to_string());
        set("country", "US".into());
        match rng.u8(..5) {
            0 | 1 => set("gender", "M".into()),
            2 | 3 => set("gender", "F".into()),
            _ => {}
        }
        if rng.bool() {
            let dob = day(rng.i64(0..18_000)) - Duration::days(365 * 56);
            set("date_of_birth", dob.date().format("%Y-%m-%d").to_string());
        }
        set("status", pick(&mut rng, STATUSES).to_string());
        let users = catalog.user_ids();
        let owner = pick(&mut rng, &users).clone();
        set("user_id", pick(&mut rng, &users).clone());
        set("owner_id", owner);
        set("list_id", pick(&mut rng, &catalog.list_ids()).clone());
        set("source_id", rng.u8(1..=5).to_string());
        set("created_by", "IMPORT".into());
        set("last_modified_by", "IMPORT".into());

        // Created over January and February 2026, modified up to ten days later.
        let created = day(rng.i64(0..59)) + Duration::seconds(rng.i64(8 * 3600..20 * 3600));
        let modified = created + Duration::seconds(rng.i64(0..10 * 86_400));
        let changed = created + (modified - created) / 2;
        set("created_at", stamp(created));
        set("modified_at", stamp(modified));
        set("changed_at", stamp(changed));
        let called = rng.u8(..10) < 7;
        if called {
            set("last_called_at", stamp(changed));
            set("called_count", rng.u8(1..=8).to_string());
        } else {
            set("called_count", "0".into());
        }
        if rng.u8(..10) < 3 {
            set("std_company_name", pick(&mut rng, COMPANIES).to_string());
            set(
                "std_account_number",
                format!("AC-{:06}", rng.u32(..1_000_000)),
            );
            set("notes", "Asked for a callback after 5pm".into());
            set("date_notes_last_updated", stamp(changed));
        }
        if i % 13 == 0 {
            set("archived_at", stamp(modified + Duration::days(1)));
        }
        let deleted = i % 17 == 0;
        if deleted {
            set("deleted_at", stamp(modified + Duration::days(2)));
        }

        let mut custom = Custom::new();
        custom.insert("field_1".into(), rng.u8(1..=100).to_string());

        let count = if called && !deleted {
            rng.usize(..=3)
        } else {
            0
        };
        let recordings = (0..count)
            .map(|k| {
                let start = created + Duration::seconds(rng.i64(3600..(k as i64 + 2) * 86_400));
                let seconds = rng.i64(15..600);
                // Every fifth recording has no logged end, like some on the live service.
                let complete = rng.u8(..5) != 0;
                Recording {
                    recording_id: format!("rec{id}-{}", k + 1),
                    lead_id: id,
                    start_time: stamp(start),
                    end_time: complete.then(|| stamp(start + Duration::seconds(seconds))),
                    seconds: complete.then_some(seconds),
                }
            })
            .collect();
        Generated {
            values: v,
            custom,
            recordings,
        }
    }
}

fn pick<'a, T>(rng: &mut fastrand::Rng, items: &'a [T]) -> &'a T {
    // The tables above are never empty; the catalog always has its default users and lists.
    let index = rng.usize(..items.len().max(1));
    items.get(index).unwrap_or_else(|| unreachable_empty())
}

#[cold]
fn unreachable_empty() -> ! {
    unreachable!("seed tables and the catalog are never empty")
}

fn day(offset: i64) -> NaiveDateTime {
    let start = NaiveDate::from_ymd_opt(2026, 1, 1)
        .and_then(|d| d.and_hms_opt(0, 0, 0))
        .unwrap_or_default();
    start + Duration::days(offset)
}

fn stamp(at: NaiveDateTime) -> String {
    at.format(TIMESTAMP_FORMAT).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::CatalogFile;

    #[test]
    fn generated_leads_are_deterministic_and_valid() {
        let catalog = Catalog::new(&CatalogFile::default()).unwrap();
        for i in 1..200 {
            let a = Generated::new(i, &catalog);
            let b = Generated::new(i, &catalog);
            assert_eq!(a.values, b.values);
            let phone = &a.values["phone_number"];
            assert_eq!(
                crate::validate::phone(phone, "1").as_deref(),
                Some(phone.as_str())
            );
            assert!(crate::validate::emails(&a.values["email"]));
            assert!(a.values["created_at"] <= a.values["modified_at"]);
        }
    }
}
