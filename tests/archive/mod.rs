//! ZIP archives made for tests (tests/docx.rs, tests/cli.rs).

/// A ZIP archive of `members` (name, data, deflated or stored), as a test
/// needs one: no CRC (the reader checks none), no UTF-8 flag.
pub fn archive<N: AsRef<[u8]>>(members: &[(N, &[u8], bool)]) -> Vec<u8> {
    let (mut out, mut central) = (Vec::new(), Vec::new());
    for (name, data, deflate) in members {
        let (name, data, deflate) = (name.as_ref(), *data, *deflate);
        let packed = if deflate { miniz_oxide::deflate::compress_to_vec(data, 6) } else { data.to_vec() };
        let offset = out.len() as u32;
        let method: u16 = if deflate { 8 } else { 0 };
        let fixed = |sig: &[u8], v: &mut Vec<u8>| {
            v.extend_from_slice(sig);
            v.extend_from_slice(&[20, 0, 0, 0]); // version, flags
            v.extend_from_slice(&method.to_le_bytes());
            v.extend_from_slice(&[0; 8]); // time, date, crc (not checked)
            v.extend_from_slice(&(packed.len() as u32).to_le_bytes());
            v.extend_from_slice(&(data.len() as u32).to_le_bytes());
            v.extend_from_slice(&(name.len() as u16).to_le_bytes());
            v.extend_from_slice(&[0, 0]); // extra length
        };
        fixed(b"PK\x03\x04", &mut out);
        out.extend_from_slice(name);
        out.extend_from_slice(&packed);
        central.extend_from_slice(b"PK\x01\x02\x14\x00");
        fixed(&[], &mut central);
        central.extend_from_slice(&[0; 10]); // comment, disk, attributes
        central.extend_from_slice(&offset.to_le_bytes());
        central.extend_from_slice(name);
    }
    let at = out.len() as u32;
    out.extend_from_slice(&central);
    out.extend_from_slice(b"PK\x05\x06\x00\x00\x00\x00");
    let n = (members.len() as u16).to_le_bytes();
    out.extend_from_slice(&[n[0], n[1], n[0], n[1]]);
    out.extend_from_slice(&(central.len() as u32).to_le_bytes());
    out.extend_from_slice(&at.to_le_bytes());
    out.extend_from_slice(&[0, 0]);
    out
}
