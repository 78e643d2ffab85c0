//! Shared helpers: start a sandbox in-process on an ephemeral loopback port and talk to it
//! over real HTTP.
#![allow(dead_code)] // each test binary uses a different subset

use convoso_sandbox::{serve, Config, Running};
use serde_json::Value;

pub const TOKEN: &str = "dev-token";

pub struct Sandbox {
    pub running: Running,
    pub client: reqwest::Client,
}

impl Sandbox {
    pub async fn start() -> Sandbox {
        Self::with(Config::default()).await
    }

    pub async fn with(config: Config) -> Sandbox {
        let running = serve(config).await.expect("sandbox starts");
        Sandbox {
            running,
            client: reqwest::Client::new(),
        }
    }

    pub fn url(&self, endpoint: &str) -> String {
        format!("{}/leads/{endpoint}", self.running.base_url())
    }

    pub fn admin_url(&self, path: &str) -> String {
        format!("{}/__sandbox/{path}", self.running.origin())
    }

    /// POSTs a form with the token added; returns status and JSON body.
    pub async fn call(&self, endpoint: &str, params: &[(&str, &str)]) -> (u16, Value) {
        self.call_as(None, endpoint, params).await
    }

    /// Same, with `X-Sandbox-Style` set.
    pub async fn call_as(
        &self,
        style: Option<&str>,
        endpoint: &str,
        params: &[(&str, &str)],
    ) -> (u16, Value) {
        let mut form: Vec<(&str, &str)> = vec![("auth_token", TOKEN)];
        form.extend_from_slice(params);
        let mut request = self.client.post(self.url(endpoint)).form(&form);
        if let Some(style) = style {
            request = request.header("X-Sandbox-Style", style);
        }
        json_of(request.send().await.expect("request is answered")).await
    }

    /// `call` that must succeed: the body of a documented-style success.
    pub async fn ok(&self, endpoint: &str, params: &[(&str, &str)]) -> Value {
        let (status, body) = self.call(endpoint, params).await;
        assert_eq!(status, 200, "{endpoint} {params:?} -> {body}");
        assert_ne!(body["success"], false, "{endpoint} {params:?} -> {body}");
        body
    }

    /// Inserts a lead and returns its id.
    pub async fn insert(&self, params: &[(&str, &str)]) -> String {
        let body = self.ok("insert", params).await;
        body["id"]
            .as_str()
            .expect("insert returns an id")
            .to_string()
    }

    /// Search in documented style; returns the ids found.
    pub async fn search_ids(&self, params: &[(&str, &str)]) -> Vec<String> {
        let body = self.ok("search", params).await;
        body["results"]
            .as_array()
            .expect("results array")
            .iter()
            .map(|lead| lead["id"].as_str().expect("string id").to_string())
            .collect()
    }

    /// The documented error code of a failing call, with its status.
    pub async fn error(&self, endpoint: &str, params: &[(&str, &str)]) -> (u16, i64) {
        let (status, body) = self.call(endpoint, params).await;
        assert_eq!(body["success"], false, "{endpoint} {params:?} -> {body}");
        let code = body["code"]
            .as_i64()
            .unwrap_or_else(|| panic!("no code in {body}"));
        (status, code)
    }

    pub async fn admin_get(&self, path: &str) -> (u16, Value) {
        json_of(
            self.client
                .get(self.admin_url(path))
                .send()
                .await
                .expect("admin answers"),
        )
        .await
    }

    pub async fn admin_post(&self, path: &str, body: Value) -> (u16, Value) {
        let request = self.client.post(self.admin_url(path)).json(&body);
        json_of(request.send().await.expect("admin answers")).await
    }

    pub async fn fault(&self, body: Value) {
        let (status, answer) = self.admin_post("faults", body).await;
        assert_eq!(status, 200, "{answer}");
    }

    pub async fn stats(&self) -> Value {
        self.admin_get("stats").await.1
    }

    /// Every stored column of a lead (admin view).
    pub async fn lead(&self, id: &str) -> Value {
        let (status, body) = self.admin_get(&format!("leads/{id}")).await;
        assert_eq!(status, 200, "lead {id}: {body}");
        body["lead"].clone()
    }
}

pub async fn json_of(response: reqwest::Response) -> (u16, Value) {
    let status = response.status().as_u16();
    let text = response.text().await.expect("body is read");
    let body = serde_json::from_str(&text).unwrap_or_else(|e| panic!("not JSON ({e}): {text}"));
    (status, body)
}
