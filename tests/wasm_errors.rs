#![cfg(target_arch = "wasm32")]
//! The error paths of the wasm client against the sandbox: service errors (401, 6xxx), HTML
//! pages, truncated JSON, dropped connections, timeouts, aborts and validation, each as its
//! own `ConvosoError` subclass with its fields, and never with the token in it.

mod wasm_support;

use convoso_leads::wasm::errors::{
    ConvosoAbortError, ConvosoApiError, ConvosoDecodeError, ConvosoHttpError, ConvosoNetworkError,
    ConvosoTimeoutError, ConvosoValidationError,
};
use wasm_bindgen_test::wasm_bindgen_test;
use wasm_support::*;

#[wasm_bindgen_test]
async fn a_wrong_token_is_an_api_error_with_status_401() {
    for sandbox in sandboxes() {
        let client = sandbox.client_with(&format!(
            r#"{{"authToken":"wrong-token","baseUrl":"{}"}}"#,
            sandbox.base_url
        ));
        let error = rejection(client.search_leads(js("{}"), None), "wrong token").await;
        assert_error::<ConvosoApiError>(&error, "api", "ConvosoApiError");
        assert_eq!(
            number(&error, "status"),
            401.0,
            "{}: {}",
            sandbox.style,
            describe(&error)
        );
        assert_eq!(string(&error, "endpoint"), "/leads/search");
        assert!(
            !describe(&error).contains("wrong-token"),
            "{}",
            describe(&error)
        );
        assert_eq!(number(&error, "code"), 5001.0);
    }
}

#[wasm_bindgen_test]
async fn business_errors_carry_the_service_code() {
    for sandbox in sandboxes() {
        let client = sandbox.client();
        // Validation off, so the service judges the bad phone number itself.
        let error = rejection(
            client.insert_lead(
                js(r#"{"list_id":"333","phone_number":"12"}"#),
                Some(js(r#"{"validate":false}"#)),
            ),
            "bad phone",
        )
        .await;
        assert_error::<ConvosoApiError>(&error, "api", "ConvosoApiError");
        assert_eq!(
            number(&error, "status"),
            sandbox.business_status(),
            "{}",
            describe(&error)
        );
        assert_eq!(number(&error, "code"), 6008.0);

        let missing = rejection(
            client.update_lead(js(r#"{"lead_id":"99999999","status":"X"}"#), None),
            "unknown lead",
        )
        .await;
        assert_error::<ConvosoApiError>(&missing, "api", "ConvosoApiError");
        assert_eq!(number(&missing, "code"), 6071.0);
    }
}

#[wasm_bindgen_test]
async fn validation_rejects_before_sending() {
    for sandbox in sandboxes() {
        let before = sandbox.requests("insert").await;
        let error = rejection(
            sandbox.client().insert_lead(
                js(r#"{"list_id":"333","phone_number":"201-155-0123","email":"a@b"}"#),
                None,
            ),
            "invalid lead",
        )
        .await;
        assert_error::<ConvosoValidationError>(&error, "validation", "ConvosoValidationError");
        let errors = items(&error, "errors");
        let fields: Vec<String> = errors.iter().map(|e| string(e, "field")).collect();
        assert_eq!(fields, ["phone_number", "email"], "{}", describe(&error));
        assert_eq!(number(&errors[0], "code"), 6008.0);
        assert_eq!(number(&errors[1], "code"), 6079.0);
        assert_eq!(
            sandbox.requests("insert").await,
            before,
            "nothing may be sent"
        );
    }
}

#[wasm_bindgen_test]
async fn validation_can_be_turned_off_per_client() {
    for sandbox in sandboxes() {
        let client = sandbox.client_with(&format!(
            r#"{{"authToken":"{TOKEN}","baseUrl":"{}","validate":false}}"#,
            sandbox.base_url
        ));
        let before = sandbox.requests("search").await;
        let error = rejection(
            client.search_leads(js(r#"{"limit":5000}"#), None),
            "limit too big",
        )
        .await;
        assert_error::<ConvosoApiError>(&error, "api", "ConvosoApiError");
        assert_eq!(
            sandbox.requests("search").await,
            before + 1.0,
            "sent to the service"
        );
        assert_eq!(number(&error, "code"), 7258.0);
    }
}

#[wasm_bindgen_test]
async fn malformed_params_name_the_property() {
    let sandbox = sandboxes()[0];
    let client = sandbox.client();
    let error = rejection(
        client.search_leads(js(r#"{"phone_numbr":"2015550123"}"#), None),
        "typo",
    )
    .await;
    assert_error::<ConvosoValidationError>(&error, "validation", "ConvosoValidationError");
    let errors = items(&error, "errors");
    assert_eq!(string(&errors[0], "field"), "phone_numbr");
    assert_eq!(number(&errors[0], "code"), 9000.0);

    let error = rejection(
        client.search_leads(js(r#"{"list_id":{"id":1}}"#), None),
        "object value",
    )
    .await;
    assert_eq!(string(&items(&error, "errors")[0], "field"), "list_id");

    let error = rejection(client.search_leads(js("[1,2]"), None), "array params").await;
    assert_eq!(string(&items(&error, "errors")[0], "field"), "params");

    let error = rejection(
        client.search_leads(js("{}"), Some(js(r#"{"timeout":5}"#))),
        "bad option",
    )
    .await;
    assert_eq!(
        string(&items(&error, "errors")[0], "field"),
        "options.timeout"
    );
}

#[wasm_bindgen_test]
async fn an_html_error_page_is_an_http_error() {
    for sandbox in sandboxes() {
        sandbox
            .fault("search", r#"{"kind":"html","status":502}"#)
            .await;
        let error = rejection(sandbox.client().search_leads(js("{}"), None), "html").await;
        assert_error::<ConvosoHttpError>(&error, "http", "ConvosoHttpError");
        assert_eq!(number(&error, "status"), 502.0);
        assert!(
            string(&error, "bodySnippet").contains("502"),
            "{}",
            describe(&error)
        );
        assert!(
            !string(&error, "bodySnippet").contains('<'),
            "{}",
            describe(&error)
        );
    }
}

#[wasm_bindgen_test]
async fn a_server_error_status_is_reported_with_it() {
    for sandbox in sandboxes() {
        sandbox
            .fault(
                "get-recordings",
                r#"{"kind":"status","status":503,"body":"Service Unavailable"}"#,
            )
            .await;
        let error = rejection(
            sandbox
                .client()
                .get_recordings(js(r#"{"lead_id":"12345"}"#), None),
            "503",
        )
        .await;
        assert_error::<ConvosoHttpError>(&error, "http", "ConvosoHttpError");
        assert_eq!(number(&error, "status"), 503.0);
        assert_eq!(string(&error, "endpoint"), "/leads/get-recordings");
        assert_eq!(string(&error, "bodySnippet"), "Service Unavailable");
    }
}

#[wasm_bindgen_test]
async fn truncated_json_is_a_decode_error() {
    for sandbox in sandboxes() {
        sandbox
            .fault("insert", r#"{"kind":"truncated_json"}"#)
            .await;
        let params = format!(
            r#"{{"list_id":"333","phone_number":"{}"}}"#,
            sandbox.fresh_phone()
        );
        let error = rejection(sandbox.client().insert_lead(js(&params), None), "truncated").await;
        assert_error::<ConvosoDecodeError>(&error, "decode", "ConvosoDecodeError");
        assert_eq!(number(&error, "status"), 200.0);
        assert!(
            string(&error, "message").contains("truncated"),
            "{}",
            describe(&error)
        );
    }
}

#[wasm_bindgen_test]
async fn a_dropped_connection_is_a_network_error() {
    for sandbox in sandboxes() {
        // Browsers silently resend a request whose reused connection was closed unanswered, so
        // every attempt must be dropped.
        sandbox.faults("update", 3, r#"{"kind":"drop"}"#).await;
        let error = rejection(
            sandbox
                .client()
                .update_lead(js(r#"{"lead_id":"12345"}"#), None),
            "drop",
        )
        .await;
        assert_error::<ConvosoNetworkError>(&error, "network", "ConvosoNetworkError");
        assert_eq!(string(&error, "endpoint"), "/leads/update");
        // Node does not resend: leave no drop behind for later tests.
        sandbox.clear_faults().await;
    }
}

#[wasm_bindgen_test]
async fn an_unreachable_server_is_a_network_error() {
    let client = sandboxes()[0].client_with(&format!(
        r#"{{"authToken":"{TOKEN}","baseUrl":"http://127.0.0.1:9/v1"}}"#
    ));
    let error = rejection(
        client.delete_lead(js(r#"{"lead_id":"1"}"#), None),
        "unreachable",
    )
    .await;
    assert_error::<ConvosoNetworkError>(&error, "network", "ConvosoNetworkError");
}

#[wasm_bindgen_test]
async fn a_slow_answer_times_out() {
    for sandbox in sandboxes() {
        sandbox
            .fault("search", r#"{"kind":"delay","ms":2000}"#)
            .await;
        let error = rejection(
            sandbox
                .client()
                .search_leads(js("{}"), Some(js(r#"{"timeoutMs":150}"#))),
            "timeout",
        )
        .await;
        assert_error::<ConvosoTimeoutError>(&error, "timeout", "ConvosoTimeoutError");
        assert_eq!(number(&error, "timeoutMs"), 150.0);
    }
}

#[wasm_bindgen_test]
async fn the_client_timeout_applies_to_every_call() {
    let sandbox = sandboxes()[0];
    sandbox
        .fault("delete", r#"{"kind":"delay","ms":2000}"#)
        .await;
    let client = sandbox.client_with(&format!(
        r#"{{"authToken":"{TOKEN}","baseUrl":"{}","timeoutMs":150}}"#,
        sandbox.base_url
    ));
    let error = rejection(
        client.delete_lead(js(r#"{"lead_id":"12345"}"#), None),
        "client timeout",
    )
    .await;
    assert_error::<ConvosoTimeoutError>(&error, "timeout", "ConvosoTimeoutError");
}

#[wasm_bindgen_test]
async fn an_abort_signal_cancels_the_call() {
    for sandbox in sandboxes() {
        sandbox
            .fault("search", r#"{"kind":"delay","ms":2000}"#)
            .await;
        let controller = web_sys::AbortController::new().expect("AbortController");
        let options = js_sys::Object::new();
        js_sys::Reflect::set(&options, &"signal".into(), &controller.signal()).expect("set signal");
        let pending = sandbox
            .client()
            .search_leads(js("{}"), Some(options.into()));
        // Abort while the request is in flight (the sandbox holds the answer for 2 s).
        sleep(200).await;
        controller.abort();
        let error = rejection(pending, "abort").await;
        assert_error::<ConvosoAbortError>(&error, "abort", "ConvosoAbortError");
    }
}
