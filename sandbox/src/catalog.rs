//! The account's fixed reference data: users, campaigns, lists, the do-not-call list and the
//! accepted phone country codes. Built-in defaults (including leads-api.md's example ids) plus
//! whatever a `--config` JSON file adds.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use serde::Deserialize;

#[derive(Clone, Debug, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct User {
    pub id: String,
    pub name: String,
}

#[derive(Clone, Debug, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct Campaign {
    pub id: String,
    pub name: String,
}

#[derive(Clone, Debug, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct List {
    pub id: String,
    pub name: String,
    pub campaign_id: String,
    /// Insert parameters this list insists on (error 6023 when one is missing).
    #[serde(default)]
    pub required_fields: Vec<String>,
}

/// The `--config` file: every key optional, entries are added to (or replace by id) the defaults.
#[derive(Clone, Debug, Default, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct CatalogFile {
    #[serde(default)]
    pub users: Vec<User>,
    #[serde(default)]
    pub campaigns: Vec<Campaign>,
    #[serde(default)]
    pub lists: Vec<List>,
    /// Extra do-not-call numbers (10 digits).
    #[serde(default)]
    pub dnc: Vec<String>,
    /// Replaces the accepted phone codes for `filter_phone_code` (default `["1"]`).
    #[serde(default)]
    pub phone_codes: Option<Vec<String>>,
}

impl CatalogFile {
    pub fn load(path: &Path) -> Result<CatalogFile, String> {
        let text = std::fs::read_to_string(path)
            .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
        serde_json::from_str(&text).map_err(|e| format!("bad config {}: {e}", path.display()))
    }
}

#[derive(Clone, Debug)]
pub struct Catalog {
    pub users: BTreeMap<String, User>,
    pub campaigns: BTreeMap<String, Campaign>,
    pub lists: BTreeMap<String, List>,
    pub dnc: BTreeSet<String>,
    pub phone_codes: BTreeSet<String>,
}

impl Catalog {
    /// Defaults plus `extra`; every list must belong to a known campaign.
    pub fn new(extra: &CatalogFile) -> Result<Catalog, String> {
        let defaults = defaults();
        let users = defaults.users.iter().chain(&extra.users);
        let campaigns = defaults.campaigns.iter().chain(&extra.campaigns);
        let lists = defaults.lists.iter().chain(&extra.lists);
        let catalog = Catalog {
            users: users.map(|u| (u.id.clone(), u.clone())).collect(),
            campaigns: campaigns.map(|c| (c.id.clone(), c.clone())).collect(),
            lists: lists.map(|l| (l.id.clone(), l.clone())).collect(),
            dnc: defaults.dnc.iter().chain(&extra.dnc).cloned().collect(),
            phone_codes: extra
                .phone_codes
                .clone()
                .or(defaults.phone_codes)
                .unwrap_or_default()
                .into_iter()
                .collect(),
        };
        match catalog
            .lists
            .values()
            .find(|l| !catalog.campaigns.contains_key(&l.campaign_id))
        {
            Some(list) => Err(format!(
                "list {} names campaign {}, which is not configured",
                list.id, list.campaign_id
            )),
            None => Ok(catalog),
        }
    }

    /// Ids of the lists that belong to a campaign.
    pub fn lists_of_campaign(&self, campaign_id: &str) -> Vec<String> {
        self.lists
            .values()
            .filter(|l| l.campaign_id == campaign_id)
            .map(|l| l.id.clone())
            .collect()
    }

    pub fn user_ids(&self) -> Vec<String> {
        self.users.keys().cloned().collect()
    }

    pub fn list_ids(&self) -> Vec<String> {
        self.lists.keys().cloned().collect()
    }
}

fn user(id: &str, name: &str) -> User {
    User {
        id: id.into(),
        name: name.into(),
    }
}

fn list(id: &str, name: &str, campaign_id: &str, required: &[&str]) -> List {
    List {
        id: id.into(),
        name: name.into(),
        campaign_id: campaign_id.into(),
        required_fields: required.iter().map(|f| f.to_string()).collect(),
    }
}

/// List 333 and user 22222 are leads-api.md's example ids; list 17257 is its PHP example's.
fn defaults() -> CatalogFile {
    CatalogFile {
        users: vec![
            user("22222", "Alex Morgan"),
            user("22223", "Sam Rivera"),
            user("22224", "Jordan Patel"),
            user("22225", "Casey Nguyen"),
        ],
        campaigns: vec![
            Campaign {
                id: "1001".into(),
                name: "Outbound Sales".into(),
            },
            Campaign {
                id: "1002".into(),
                name: "Inbound Web".into(),
            },
        ],
        lists: vec![
            list("333", "Default Leads", "1001", &[]),
            list("334", "Callbacks", "1001", &[]),
            list("17257", "Web Signups", "1002", &[]),
            list(
                "335",
                "Verified Web Leads",
                "1002",
                &["first_name", "last_name", "email"],
            ),
        ],
        dnc: vec!["8005550199".into()],
        phone_codes: Some(vec!["1".into()]),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn config_file_adds_and_replaces_entries() {
        let extra: CatalogFile = serde_json::from_str(
            r#"{"lists":[{"id":"333","name":"Renamed","campaign_id":"1002"},
                          {"id":"900","name":"New","campaign_id":"1001","required_fields":["email"]}],
                "users":[{"id":"30000","name":"Extra User"}],
                "phone_codes":["1","44"]}"#,
        )
        .unwrap();
        let catalog = Catalog::new(&extra).unwrap();
        assert_eq!(catalog.lists["333"].name, "Renamed");
        assert_eq!(catalog.lists["900"].required_fields, vec!["email"]);
        assert!(catalog.users.contains_key("22222") && catalog.users.contains_key("30000"));
        assert!(catalog.phone_codes.contains("44"));
        assert_eq!(catalog.lists_of_campaign("1001"), vec!["334", "900"]);
    }

    #[test]
    fn lists_must_belong_to_a_configured_campaign() {
        let extra: CatalogFile =
            serde_json::from_str(r#"{"lists":[{"id":"9","name":"Orphan","campaign_id":"404"}]}"#)
                .unwrap();
        assert!(Catalog::new(&extra).unwrap_err().contains("campaign 404"));
    }

    #[test]
    fn unknown_keys_in_the_config_file_are_rejected() {
        assert!(serde_json::from_str::<CatalogFile>(r#"{"listz":[]}"#).is_err());
    }
}
