//! A file's bytes as text in the browser, shared by the page's modules (the
//! first load and the files module each include this file): the core tells
//! the encoding (BOM, UTF-8, else GB18030) as the CLI does, the browser's
//! TextDecoder decodes it (its tables are the browser's, not in the wasm).

pub fn decode(bytes: &[u8]) -> String {
    let (encoding, bom) = nianbao::text::decode::sniff(bytes);
    let body = &bytes[bom..];
    // The BOM is gone already: another after it stays text, as the CLI keeps it.
    // (web-sys's TextDecoderOptions has no setter for ignoreBOM: set on the object.)
    let options = web_sys::TextDecoderOptions::new();
    let _ = js_sys::Reflect::set(&options, &"ignoreBOM".into(), &true.into());
    web_sys::TextDecoder::new_with_label_and_options(encoding.name(), &options)
        .and_then(|d| d.decode_with_u8_array(body))
        .unwrap_or_else(|_| String::from_utf8_lossy(body).into_owned())
}
