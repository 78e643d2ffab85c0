//! A client reduced to what every call needs from the required crates: gloo-net builds a form
//! POST, `fetch` sends it through wasm-bindgen-futures, gloo-net reads the body, js-sys hands
//! back an object. Its size is the floor under the package's client module.

use gloo_net::http::{Method, RequestBuilder, Response};
use wasm_bindgen::prelude::*;

#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_name = fetch)]
    fn fetch(request: &web_sys::Request) -> js_sys::Promise;
}

#[wasm_bindgen]
pub struct Client {
    base: String,
    token: String,
}

#[wasm_bindgen]
impl Client {
    #[wasm_bindgen(constructor)]
    pub fn new(base: String, token: String) -> Client {
        Client { base, token }
    }

    pub fn send(&self, path: String, body: String) -> js_sys::Promise {
        let mut url = self.base.clone();
        url.push_str(&path);
        let mut form = String::from("auth_token=");
        form.push_str(&self.token);
        form.push('&');
        form.push_str(&body);
        wasm_bindgen_futures::future_to_promise(async move {
            let request: web_sys::Request = RequestBuilder::new(&url)
                .method(Method::POST)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .body(form)
                .map_err(|_| JsValue::from_str("request"))?
                .into();
            let answer = wasm_bindgen_futures::JsFuture::from(fetch(&request)).await?;
            let answer = Response::from(answer.unchecked_into::<web_sys::Response>());
            let text = answer.text().await.map_err(|_| JsValue::from_str("body"))?;
            let result = js_sys::Object::new();
            js_sys::Reflect::set(&result, &"status".into(), &JsValue::from(answer.status()))?;
            js_sys::Reflect::set(&result, &"data".into(), &js_sys::JSON::parse(&text)?)?;
            Ok(result.into())
        })
    }
}
