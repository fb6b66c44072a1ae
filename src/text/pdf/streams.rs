//! A PDF stream's bytes decoded within a bound: one PDF decodes at most
//! `MAX_DECODED` bytes in all (content streams, forms, CMaps), so a small file
//! that inflates to gigabytes stops at the bound. Flate, the filter every
//! producer uses for these streams, is inflated here with the bound; a stream
//! with another filter (or predictors) is decoded by hayro and counted after.

use hayro_syntax::object::Stream;
use hayro_syntax::Filter;

/// Decoded bytes one PDF may ask for in all.
pub const MAX_DECODED: usize = 64 << 20;

/// The stream's decoded bytes, counted against `left`; `None` past the bound
/// or when it does not decode.
pub fn decode(stream: &Stream, left: &mut usize) -> Option<Vec<u8>> {
    let filters = stream.filters();
    let parms = stream.dict().contains_key(b"DecodeParms".as_slice());
    let data = match filters.as_slice() {
        [] => stream.raw_data().into_owned(),
        [Filter::FlateDecode] if !parms => {
            let raw = stream.raw_data();
            miniz_oxide::inflate::decompress_to_vec_zlib_with_limit(&raw, *left)
                .or_else(|_| miniz_oxide::inflate::decompress_to_vec_with_limit(&raw, *left))
                .ok()?
        }
        _ => stream.decoded().ok()?.into_owned(),
    };
    *left = left.checked_sub(data.len())?;
    Some(data)
}
