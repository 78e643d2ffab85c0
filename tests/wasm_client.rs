#![cfg(target_arch = "wasm32")]
//! Every endpoint of the wasm client against the sandbox, in both response styles: the
//! results come back in the one normalised shape whichever style answered.

mod wasm_support;

use wasm_bindgen_test::wasm_bindgen_test;
use wasm_support::*;

#[wasm_bindgen_test]
async fn search_returns_a_normalised_page() {
    for sandbox in sandboxes() {
        let client = sandbox.client();
        let page =
            settle(client.search_leads(js(r#"{"list_id":"333","offset":"0","limit":5}"#), None))
                .await
                .unwrap_or_else(|e| panic!("{}: {}", sandbox.style, describe(&e)));
        assert_eq!(number(&page, "offset"), 0.0, "{}", sandbox.style);
        assert_eq!(number(&page, "limit"), 5.0, "{}", sandbox.style);
        let leads = items(&page, "results");
        assert!(
            !leads.is_empty() && leads.len() <= 5,
            "{}: {}",
            sandbox.style,
            stringify(&page)
        );
        for lead in &leads {
            assert!(!string(lead, "id").is_empty());
            assert_eq!(string(lead, "list_id"), "333");
            let phone = get(lead, "phone_number");
            assert!(phone.is_string() || phone.is_null(), "{}", stringify(lead));
        }
        let total = get(&page, "total");
        assert!(
            total.is_undefined() || total.as_f64().is_some(),
            "{}",
            stringify(&page)
        );
    }
}

#[wasm_bindgen_test]
async fn search_by_id_finds_the_example_lead() {
    for sandbox in sandboxes() {
        let page = settle(
            sandbox
                .client()
                .search_leads(js(r#"{"lead_id":"12345"}"#), None),
        )
        .await
        .unwrap_or_else(|e| panic!("{}: {}", sandbox.style, describe(&e)));
        let leads = items(&page, "results");
        assert_eq!(leads.len(), 1, "{}", stringify(&page));
        assert_eq!(string(&leads[0], "id"), "12345");
        assert_eq!(string(&leads[0], "first_name"), "John");
        // Without offset/limit in the request the page reports the API's defaults or the answer's.
        assert!(number(&page, "limit") >= 1.0);
    }
}

#[wasm_bindgen_test]
async fn recordings_are_listed_with_numeric_durations() {
    for sandbox in sandboxes() {
        let recs = settle(
            sandbox
                .client()
                .get_recordings(js(r#"{"lead_id":"12345","limit":10}"#), None),
        )
        .await
        .unwrap_or_else(|e| panic!("{}: {}", sandbox.style, describe(&e)));
        let entries = items(&recs, "entries");
        assert!(
            !entries.is_empty(),
            "{}: {}",
            sandbox.style,
            stringify(&recs)
        );
        for entry in &entries {
            assert!(!string(entry, "recording_id").is_empty());
            let seconds = get(entry, "seconds");
            assert!(
                seconds.as_f64().is_some() || seconds.is_null(),
                "{}",
                stringify(entry)
            );
            let lead = get(entry, "lead_id");
            assert!(lead.is_undefined() || lead.as_string().as_deref() == Some("12345"));
        }
        assert_eq!(number(&recs, "offset"), 0.0);
    }
}

#[wasm_bindgen_test]
async fn insert_update_delete_round_trip() {
    for sandbox in sandboxes() {
        let client = sandbox.client();
        let phone = sandbox.fresh_phone();
        let params = format!(
            r#"{{"list_id":"333","phone_number":"{phone}","first_name":"Wasm","check_dup":0,"hopper":false,"monthly_revenue":"1200.50"}}"#
        );
        let inserted = settle(client.insert_lead(js(&params), None))
            .await
            .unwrap_or_else(|e| panic!("{}: insert: {}", sandbox.style, describe(&e)));
        let lead_id = string(&inserted, "lead_id");
        assert!(lead_id.bytes().all(|b| b.is_ascii_digit()), "{lead_id}");

        let found =
            settle(client.search_leads(js(&format!(r#"{{"phone_number":"{phone}"}}"#)), None))
                .await
                .unwrap_or_else(|e| panic!("{}: search: {}", sandbox.style, describe(&e)));
        let leads = items(&found, "results");
        assert_eq!(leads.len(), 1, "{}", stringify(&found));
        assert_eq!(string(&leads[0], "id"), lead_id);
        assert_eq!(string(&leads[0], "first_name"), "Wasm");

        let update =
            format!(r#"{{"lead_id":"{lead_id}","status":"COMPLETED","first_name":"Updated"}}"#);
        let updated = settle(client.update_lead(js(&update), None))
            .await
            .unwrap_or_else(|e| panic!("{}: update: {}", sandbox.style, describe(&e)));
        assert_eq!(string(&updated, "lead_id"), lead_id);

        let delete = format!(r#"{{"lead_id":"{lead_id}"}}"#);
        let deleted = settle(client.delete_lead(js(&delete), None))
            .await
            .unwrap_or_else(|e| panic!("{}: delete: {}", sandbox.style, describe(&e)));
        assert_eq!(get(&deleted, "success").as_bool(), Some(true));

        // Gone: a second delete is the service's 6001 (live) or its documented message.
        let again = rejection(client.delete_lead(js(&delete), None), "second delete").await;
        assert_error::<convoso_leads::wasm::errors::ConvosoApiError>(
            &again,
            "api",
            "ConvosoApiError",
        );
        assert_eq!(number(&again, "status"), sandbox.business_status());
        assert_eq!(number(&again, "code"), 6001.0);
        assert!(
            string(&again, "message").contains("No such Lead"),
            "{}",
            describe(&again)
        );
    }
}

#[wasm_bindgen_test]
async fn numbers_given_as_numbers_reach_the_service() {
    for sandbox in sandboxes() {
        let page = settle(
            sandbox
                .client()
                .search_leads(js(r#"{"lead_id":12345,"limit":"1","offset":0}"#), None),
        )
        .await
        .unwrap_or_else(|e| panic!("{}: {}", sandbox.style, describe(&e)));
        assert_eq!(items(&page, "results").len(), 1);
        assert_eq!(number(&page, "limit"), 1.0);
    }
}

#[wasm_bindgen_test]
async fn a_client_without_token_is_refused_by_the_service() {
    for sandbox in sandboxes() {
        let client = sandbox.client_with(&format!(r#"{{"baseUrl":"{}"}}"#, sandbox.base_url));
        let error = rejection(client.search_leads(js("{}"), None), "no token").await;
        assert_error::<convoso_leads::wasm::errors::ConvosoApiError>(
            &error,
            "api",
            "ConvosoApiError",
        );
    }
}
