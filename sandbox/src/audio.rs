//! The recordings' audio: a short generated WAV tone per recording id, so a browser page can
//! play a recording URL offline.

use axum::extract::{Path, State};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};

use crate::app::SharedApp;
use crate::store::recordings;

const SAMPLE_RATE: u32 = 8_000;
const SECONDS: f32 = 1.5;

pub async fn serve(State(app): State<SharedApp>, Path(file): Path<String>) -> Response {
    let Some(id) = file.strip_suffix(".wav").map(str::to_owned) else {
        return StatusCode::NOT_FOUND.into_response();
    };
    let lookup = id.clone();
    match app
        .db(move |conn| Ok(recordings::exists(conn, &lookup)?))
        .await
    {
        Ok(true) => {}
        Ok(false) => return StatusCode::NOT_FOUND.into_response(),
        Err(_) => return StatusCode::INTERNAL_SERVER_ERROR.into_response(),
    }
    match tone(&id) {
        Ok(wav) => (
            [
                (header::CONTENT_TYPE, "audio/wav"),
                (header::CACHE_CONTROL, "public, max-age=3600"),
            ],
            wav,
        )
            .into_response(),
        Err(_) => StatusCode::INTERNAL_SERVER_ERROR.into_response(),
    }
}

/// 16-bit mono PCM; the pitch depends on the id so different recordings sound different.
pub fn tone(id: &str) -> Result<Vec<u8>, hound::Error> {
    let spec = hound::WavSpec {
        channels: 1,
        sample_rate: SAMPLE_RATE,
        bits_per_sample: 16,
        sample_format: hound::SampleFormat::Int,
    };
    let step = id
        .bytes()
        .fold(0u32, |h, b| h.wrapping_mul(31).wrapping_add(u32::from(b)))
        % 8;
    let frequency = 330.0 + 55.0 * step as f32;
    let total = (SAMPLE_RATE as f32 * SECONDS) as u32;
    let fade = SAMPLE_RATE / 20;
    let mut bytes = std::io::Cursor::new(Vec::new());
    {
        let mut writer = hound::WavWriter::new(&mut bytes, spec)?;
        for n in 0..total {
            // Short fades at both ends avoid clicks.
            let envelope = (n.min(total - n) as f32 / fade as f32).min(1.0);
            let t = n as f32 / SAMPLE_RATE as f32;
            let sample = (t * frequency * std::f32::consts::TAU).sin() * envelope * 0.4;
            writer.write_sample((sample * f32::from(i16::MAX)) as i16)?;
        }
        writer.finalize()?;
    }
    Ok(bytes.into_inner())
}

#[cfg(test)]
mod tests {
    #[test]
    fn tones_are_valid_wav_files() {
        let wav = super::tone("rec123").unwrap();
        let reader = hound::WavReader::new(std::io::Cursor::new(&wav)).unwrap();
        assert_eq!(reader.spec().sample_rate, super::SAMPLE_RATE);
        assert_eq!(reader.len(), 12_000);
        assert_ne!(super::tone("rec124").unwrap(), wav);
    }
}
