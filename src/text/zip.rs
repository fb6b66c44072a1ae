//! The few bytes of the ZIP format a .docx (and a reviewer's archive of
//! reports) needs: the central directory, and a member's data, stored or
//! deflated (inflate: `miniz_oxide`). Every
//! length is checked against the file before use and an inflated member is
//! bounded (`MAX_MEMBER`), so a damaged file ends in an error and a zip bomb
//! in an error or at most that much, never a panic or an unbounded allocation.

/// The largest member inflated: a report's document.xml is 0.1–2 MB.
pub const MAX_MEMBER: usize = 16 << 20;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ZipError {
    /// No end-of-central-directory record, or a record pointing outside the file.
    NotZip,
    /// The member is not in the archive.
    Missing,
    /// A compression method other than stored or deflate, or ZIP64.
    Unsupported,
    /// The member inflates past `MAX_MEMBER`.
    TooLarge,
    /// The member's data is damaged.
    Damaged,
}

fn u16_at(b: &[u8], at: usize) -> Option<usize> {
    Some(u16::from_le_bytes(b.get(at..at + 2)?.try_into().ok()?) as usize)
}

fn u32_at(b: &[u8], at: usize) -> Option<usize> {
    Some(u32::from_le_bytes(b.get(at..at + 4)?.try_into().ok()?) as usize)
}

/// A member as the central directory lists it.
struct Entry<'a> {
    name: &'a [u8],
    flags: usize,
    method: usize,
    compressed: usize,
    size: usize,
    local: usize,
}

/// The central directory's entries, lazily; `Err` when there is none.
fn entries(b: &[u8]) -> Result<impl Iterator<Item = Entry<'_>>, ZipError> {
    // The end record is in the last 22 + 65,535 bytes (its comment is at most that long).
    let from = b.len().saturating_sub(22 + 0xFFFF);
    let end = (from..b.len().saturating_sub(21)).rev().find(|&i| b[i..].starts_with(b"PK\x05\x06"));
    let end = end.ok_or(ZipError::NotZip)?;
    let count = u16_at(b, end + 10).ok_or(ZipError::NotZip)?;
    let mut at = u32_at(b, end + 16).ok_or(ZipError::NotZip)?;
    if at >= b.len() {
        return Err(ZipError::NotZip);
    }
    Ok((0..count).map_while(move |_| {
        if !b.get(at..)?.starts_with(b"PK\x01\x02") {
            return None;
        }
        let (name_len, extra, comment) = (u16_at(b, at + 28)?, u16_at(b, at + 30)?, u16_at(b, at + 32)?);
        let entry = Entry {
            flags: u16_at(b, at + 8)?,
            method: u16_at(b, at + 10)?,
            compressed: u32_at(b, at + 20)?,
            size: u32_at(b, at + 24)?,
            local: u32_at(b, at + 42)?,
            name: b.get(at + 46..at + 46 + name_len)?,
        };
        at += 46 + name_len + extra + comment;
        Some(entry)
    }))
}

/// The inflated data of member `name`, at most [`MAX_MEMBER`] bytes.
pub fn member(b: &[u8], name: &str) -> Result<Vec<u8>, ZipError> {
    member_within(b, name, MAX_MEMBER)
}

/// The inflated data of member `name`, at most `limit` bytes.
pub fn member_within(b: &[u8], name: &str, limit: usize) -> Result<Vec<u8>, ZipError> {
    let entry = entries(b)?.find(|e| e.name == name.as_bytes()).ok_or(ZipError::Missing)?;
    inflate(b, &entry, limit)
}

/// A member of an archive that is a file (not a folder): its name as stored
/// (UTF-8 when `utf8`, else in the writer's code page: GBK from Chinese
/// Windows), its data not yet inflated ([`Budget::inflate`]).
pub struct Member<'a> {
    pub name: &'a [u8],
    pub utf8: bool,
    entry: Entry<'a>,
}

/// Each member that is a file, in the directory's order; none is inflated,
/// so listing costs the directory only.
pub fn members(b: &[u8]) -> Result<impl Iterator<Item = Member<'_>>, ZipError> {
    let files = entries(b)?.filter(|e| !e.name.ends_with(b"/"));
    Ok(files.map(|entry| Member { name: entry.name, utf8: entry.flags & 0x800 != 0, entry }))
}

/// The work an archive's members may cost: at most `each` bytes inflated a
/// member and `total` in all, counting what a member that failed (too large,
/// damaged) had inflated before it stopped; past `total` every member is
/// `TooLarge` at no cost. So a zip bomb, even one listing one huge member
/// 65,535 times, costs at most `total` bytes of work.
pub struct Budget {
    each: usize,
    left: usize,
}

impl Budget {
    pub fn new(each: usize, total: usize) -> Self {
        Budget { each, left: total }
    }

    /// Whether the total is spent: every member from now on is `TooLarge`.
    pub fn spent(&self) -> bool {
        self.left == 0
    }

    /// The member's data, within the budget, which it then charges.
    pub fn inflate(&mut self, b: &[u8], member: &Member) -> Result<Vec<u8>, ZipError> {
        if self.left == 0 {
            return Err(ZipError::TooLarge);
        }
        let (data, work) = inflate_counted(b, &member.entry, self.each.min(self.left));
        self.left -= work.min(self.left);
        data
    }
}

fn inflate(b: &[u8], entry: &Entry, limit: usize) -> Result<Vec<u8>, ZipError> {
    inflate_counted(b, entry, limit).0
}

/// The member's data, at most `limit` bytes, and the bytes it produced, which
/// are the work done (also when it failed part way).
fn inflate_counted(b: &[u8], entry: &Entry, limit: usize) -> (Result<Vec<u8>, ZipError>, usize) {
    match stored_or_deflated(b, entry) {
        Err(e) => (Err(e), 0),
        Ok((0, data)) if data.len() > limit => (Err(ZipError::TooLarge), 0),
        Ok((0, data)) => (Ok(data.to_vec()), data.len()),
        Ok((_, data)) => match miniz_oxide::inflate::decompress_to_vec_with_limit(data, limit) {
            Ok(out) => {
                let n = out.len();
                (Ok(out), n)
            }
            Err(e) if e.status == miniz_oxide::inflate::TINFLStatus::HasMoreOutput => (Err(ZipError::TooLarge), limit),
            Err(e) => (Err(ZipError::Damaged), e.output.len()),
        },
    }
}

/// The member's method (0 stored, 8 deflate) and its data as stored.
fn stored_or_deflated<'a>(b: &'a [u8], entry: &Entry) -> Result<(usize, &'a [u8]), ZipError> {
    if entry.size == 0xFFFF_FFFF || entry.compressed == 0xFFFF_FFFF {
        return Err(ZipError::Unsupported);
    }
    if entry.flags & 1 != 0 {
        // Encrypted: its data is not deflate.
        return Err(ZipError::Unsupported);
    }
    let local = entry.local;
    if !b.get(local..).is_some_and(|l| l.starts_with(b"PK\x03\x04")) {
        return Err(ZipError::Damaged);
    }
    let name_len = u16_at(b, local + 26).ok_or(ZipError::Damaged)?;
    let extra = u16_at(b, local + 28).ok_or(ZipError::Damaged)?;
    let start = local + 30 + name_len + extra;
    let data = b.get(start..start.saturating_add(entry.compressed)).ok_or(ZipError::Damaged)?;
    match entry.method {
        0 | 8 => Ok((entry.method, data)),
        _ => Err(ZipError::Unsupported),
    }
}

/// Whether `b` is a ZIP archive holding member `name`.
pub fn has(b: &[u8], name: &str) -> bool {
    entries(b).is_ok_and(|mut e| e.any(|e| e.name == name.as_bytes()))
}
