//! `multipart/form-data` bodies, read as PHP reads them into `$_POST`: every named part
//! without a file name is a parameter; file parts (PHP's `$_FILES`) and nameless parts are
//! ignored. The body is already bounded by `--max-body-bytes` when it gets here.

use std::convert::Infallible;

use axum::body::Bytes;
use axum::http::StatusCode;

use crate::error::ApiError;

pub const MULTIPART_TYPE: &str = "multipart/form-data";

/// The text parts of a multipart body, in order. Any malformation is a 400 with a fixed
/// message: multer's own messages can quote field names, which are the caller's text.
pub async fn text_fields(
    content_type: &str,
    body: Bytes,
) -> Result<Vec<(String, String)>, ApiError> {
    let malformed = |what: &'static str| {
        ApiError::http(
            StatusCode::BAD_REQUEST,
            format!("Malformed request body: {what}"),
        )
    };
    let boundary = multer::parse_boundary(content_type)
        .map_err(|_| malformed("multipart/form-data without a boundary"))?;
    let stream = futures_util::stream::once(std::future::ready(Ok::<_, Infallible>(body)));
    let mut multipart = multer::Multipart::new(stream, boundary);
    let mut fields = Vec::new();
    loop {
        let field = match multipart.next_field().await {
            Ok(Some(field)) => field,
            Ok(None) => break,
            Err(_) => return Err(malformed("not valid multipart/form-data")),
        };
        let name = field.name().map(str::to_owned);
        let is_file = field.file_name().is_some();
        let bytes = field
            .bytes()
            .await
            .map_err(|_| malformed("not valid multipart/form-data"))?;
        let Some(name) = name.filter(|n| !n.is_empty() && !is_file) else {
            continue;
        };
        // Parts carry raw bytes (no percent escapes); they must still be UTF-8 text.
        let value = String::from_utf8(bytes.to_vec()).map_err(|_| malformed("not valid UTF-8"))?;
        fields.push((name, value));
    }
    Ok(fields)
}

#[cfg(test)]
mod tests {
    use super::*;

    const TYPE: &str = "multipart/form-data; boundary=XyZ";

    async fn fields(body: &str) -> Result<Vec<(String, String)>, ApiError> {
        text_fields(TYPE, Bytes::from(body.replace('\n', "\r\n"))).await
    }

    #[tokio::test]
    async fn text_parts_are_read_and_file_parts_skipped() {
        let body = "--XyZ\nContent-Disposition: form-data; name=\"a\"\n\nx y&z=1\n\
                    --XyZ\nContent-Disposition: form-data; name=\"up\"; filename=\"f.txt\"\n\
                    Content-Type: text/plain\n\nfile body\n\
                    --XyZ\nContent-Disposition: form-data; name=\"b\"\n\n\n--XyZ--\n";
        let got = fields(body).await.unwrap();
        assert_eq!(
            got,
            vec![("a".into(), "x y&z=1".into()), ("b".into(), String::new())]
        );
    }

    #[tokio::test]
    async fn hostile_bodies_are_400_not_panics() {
        for body in [
            "",
            "--XyZ",
            "--XyZ\n",
            "--XyZ\nContent-Disposition: form-data; name=\"a\"\n\nunterminated",
            "garbage before\n--nope--\n",
            "--XyZ\nContent-Disposition: form-data; name=\"a\"\n\n\u{0}\n--XyZ",
        ] {
            let err = fields(body).await.unwrap_err();
            assert_eq!(err.code, 400, "{body:?}");
        }
        let err = text_fields("multipart/form-data", Bytes::new())
            .await
            .unwrap_err();
        assert!(err.live_text.contains("boundary"), "{}", err.live_text);
        let bad_utf8 =
            b"--B\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n\xff\r\n--B--\r\n";
        let err = text_fields(
            "multipart/form-data; boundary=B",
            Bytes::from_static(bad_utf8),
        )
        .await
        .unwrap_err();
        assert!(err.live_text.contains("UTF-8"), "{}", err.live_text);
    }
}
