//! The characters a PDF page shows, each where it stands: the page's content
//! operators interpreted for their text alone (text state and matrices, the
//! graphics state's transform, form XObjects), each code decoded by its
//! font's encoding and ToUnicode CMap and advanced by its width.

use super::fonts::Font;
use super::ruling::Path;
pub use super::ruling::Rule;
use hayro_syntax::content::ops::TypedInstruction as Op;
use hayro_syntax::content::TypedIter;
use hayro_syntax::object::ObjectIdentifier;
use hayro_syntax::object::{Array, Dict, Name, Object, Stream};
use hayro_syntax::page::{Page, Resources};
use std::collections::HashMap;
use std::rc::Rc;

/// A character shown on a page: its text (a ligature may be several chars),
/// its origin and advance in page space (points, y up), its font size there.
#[derive(Clone, Debug)]
pub struct Glyph {
    pub text: String,
    pub x: f64,
    pub y: f64,
    pub width: f64,
    pub size: f64,
}

/// What the fonts could tell of the codes shown: characters given, and codes
/// no text is known for (a font without a ToUnicode CMap).
#[derive(Clone, Copy, Debug, Default)]
pub struct Tally {
    pub shown: usize,
    pub unknown: usize,
}

/// Forms inside forms followed at most this deep; deeper ones are skipped.
const MAX_FORM_DEPTH: usize = 8;

/// A 2D affine transform `[a b c d e f]`, as PDF writes them.
#[derive(Clone, Copy, Debug)]
struct Matrix([f64; 6]);

impl Matrix {
    const IDENTITY: Matrix = Matrix([1.0, 0.0, 0.0, 1.0, 0.0, 0.0]);

    /// `self` then `then`: a point is mapped by `self` first.
    fn then(self, then: Matrix) -> Matrix {
        let [a, b, c, d, e, f] = self.0;
        let [a2, b2, c2, d2, e2, f2] = then.0;
        Matrix([
            a * a2 + b * c2,
            a * b2 + b * d2,
            c * a2 + d * c2,
            c * b2 + d * d2,
            e * a2 + f * c2 + e2,
            e * b2 + f * d2 + f2,
        ])
    }

    fn translate(x: f64, y: f64) -> Matrix {
        Matrix([1.0, 0.0, 0.0, 1.0, x, y])
    }
}

/// The text state (PDF 32000-1, 9.3) and the matrices.
#[derive(Clone)]
struct State {
    ctm: Matrix,
    /// The font's name in the resources (unescaped).
    font: Option<Vec<u8>>,
    size: f64,
    char_spacing: f64,
    word_spacing: f64,
    scale: f64,
    leading: f64,
    rise: f64,
}

/// What one PDF may still ask for (a bound on the work a hostile file can
/// ask for), and the fonts read so far, by object.
pub struct Work {
    /// Content operators, and 64-byte pieces of content run.
    ops: usize,
    /// Bytes its streams may still decode to (`streams::decode`).
    decoded: usize,
    /// Characters shown that may still be kept.
    glyphs: usize,
    fonts: HashMap<ObjectIdentifier, Option<Rc<Font>>>,
}

impl Work {
    pub fn new(ops: usize, decoded: usize) -> Work {
        Work { ops, decoded, glyphs: crate::text::limits::MAX_INPUT_BYTES, fonts: HashMap::new() }
    }

    pub fn spent(&self) -> bool {
        self.ops == 0 || self.glyphs == 0
    }

    fn charge(&mut self, bytes: usize) {
        self.ops = self.ops.saturating_sub(bytes / 64 + 1);
    }
}

/// Interprets the page's content; the glyphs are appended to `out`, the rules to `rules`.
pub fn page_glyphs(page: &Page, out: &mut Vec<Glyph>, rules: &mut Vec<Rule>, work: &mut Work, tally: &mut Tally) {
    let state = State {
        ctm: Matrix::IDENTITY,
        font: None,
        size: 0.0,
        char_spacing: 0.0,
        word_spacing: 0.0,
        scale: 1.0,
        leading: 0.0,
        rise: 0.0,
    };
    // The page's content streams, decoded within the bound, one after another.
    let contents = b"Contents".as_slice();
    let streams: Vec<Stream> = match page.raw().get::<Stream>(contents) {
        Some(stream) => vec![stream],
        None => page.raw().get::<Array>(contents).map(|a| a.iter::<Stream>().collect()).unwrap_or_default(),
    };
    let mut data = Vec::new();
    for stream in streams {
        let Some(bytes) = super::streams::decode(&stream, &mut work.decoded) else { break };
        data.extend_from_slice(&bytes);
        data.push(b' ');
    }
    let before = out.len();
    let mut unknown = 0;
    run(&data, page.resources(), state, &mut Sink { out, rules, unknown: &mut unknown }, work, 0);
    tally.shown += out.len() - before;
    tally.unknown += unknown;
}

/// Where shown characters go, and the count of codes without a known text.
struct Sink<'s> {
    out: &'s mut Vec<Glyph>,
    rules: &'s mut Vec<Rule>,
    unknown: &'s mut usize,
}

/// Fonts by name as read from one resources dictionary (names are local to it).
type Fonts = HashMap<Vec<u8>, Option<Rc<Font>>>;

fn run(data: &[u8], resources: &Resources, mut state: State, out: &mut Sink, work: &mut Work, depth: usize) {
    work.charge(data.len());
    // A content stream's fonts by name; read once per PDF (by object).
    let fonts = &mut Fonts::new();
    let mut saved: Vec<State> = Vec::new();
    let mut tm = Matrix::IDENTITY;
    let mut line = Matrix::IDENTITY;
    let mut ops = TypedIter::new(data);
    let mut path = Path::default();
    let point = |state: &State, x: f64, y: f64| {
        let [a, b, c, d, e, f] = state.ctm.0;
        (a * x + c * y + e, b * x + d * y + f)
    };
    while let Some(op) = ops.next() {
        if work.spent() {
            return;
        }
        work.ops -= 1;
        match op {
            Op::SaveState(_) => saved.push(state.clone()),
            Op::RestoreState(_) => {
                if let Some(s) = saved.pop() {
                    state = s;
                }
            }
            Op::Transform(t) => {
                let m = [t.0, t.1, t.2, t.3, t.4, t.5].map(|n| n.as_f64());
                state.ctm = Matrix(m).then(state.ctm);
            }
            Op::BeginText(_) => {
                tm = Matrix::IDENTITY;
                line = Matrix::IDENTITY;
            }
            Op::SetTextMatrix(t) => {
                tm = Matrix([t.0, t.1, t.2, t.3, t.4, t.5].map(|n| n.as_f64()));
                line = tm;
            }
            Op::NextLine(t) => {
                line = Matrix::translate(t.0.as_f64(), t.1.as_f64()).then(line);
                tm = line;
            }
            Op::NextLineAndSetLeading(t) => {
                state.leading = -t.1.as_f64();
                line = Matrix::translate(t.0.as_f64(), t.1.as_f64()).then(line);
                tm = line;
            }
            Op::NextLineUsingLeading(_) => tm = next_line(&mut line, state.leading),
            Op::TextFont(f) => {
                state.font = Some(f.0.as_ref().to_vec());
                state.size = f.1.as_f64();
            }
            Op::CharacterSpacing(n) => state.char_spacing = n.0.as_f64(),
            Op::WordSpacing(n) => state.word_spacing = n.0.as_f64(),
            Op::HorizontalScaling(n) => state.scale = n.0.as_f64() / 100.0,
            Op::TextLeading(n) => state.leading = n.0.as_f64(),
            Op::TextRise(n) => state.rise = n.0.as_f64(),
            Op::ShowText(s) => show_with_font(s.0.as_bytes(), &state, &mut tm, (fonts, resources), work, out),
            Op::NextLineAndShowText(s) => {
                tm = next_line(&mut line, state.leading);
                show_with_font(s.0.as_bytes(), &state, &mut tm, (fonts, resources), work, out);
            }
            Op::ShowTextWithParameters(p) => {
                state.word_spacing = p.0.as_f64();
                state.char_spacing = p.1.as_f64();
                tm = next_line(&mut line, state.leading);
                show_with_font(p.2.as_bytes(), &state, &mut tm, (fonts, resources), work, out);
            }
            Op::ShowTexts(a) => {
                let font = font(fonts, resources, &state, work);
                show_array(a.0, &state, &mut tm, font.as_deref(), out, &mut work.glyphs)
            }
            Op::MoveTo(m) => path.0.push(vec![point(&state, m.0.as_f64(), m.1.as_f64())]),
            Op::LineTo(l) => {
                let p = point(&state, l.0.as_f64(), l.1.as_f64());
                match path.0.last_mut() {
                    Some(sub) => sub.push(p),
                    None => path.0.push(vec![p]),
                }
            }
            Op::RectPath(r) => {
                let [x, y, w, h] = [r.0, r.1, r.2, r.3].map(|n| n.as_f64());
                let corners = [(x, y), (x + w, y), (x + w, y + h), (x, y + h), (x, y)];
                path.0.push(corners.iter().map(|&(x, y)| point(&state, x, y)).collect());
            }
            Op::ClosePath(_) => {
                if let Some(sub) = path.0.last_mut() {
                    if let Some(&first) = sub.first() {
                        sub.push(first);
                    }
                }
            }
            // A curve is no rule: its subpath is dropped.
            Op::CubicTo(_) | Op::CubicStartTo(_) | Op::CubicEndTo(_) => {
                path.0.pop();
            }
            Op::StrokePath(_) | Op::CloseAndStrokePath(_) => path.stroke(out.rules),
            Op::FillPathNonZero(_) | Op::FillPathNonZeroCompatibility(_) | Op::FillPathEvenOdd(_) => {
                path.fill(out.rules)
            }
            Op::FillAndStrokeNonZero(_)
            | Op::FillAndStrokeEvenOdd(_)
            | Op::CloseFillAndStrokeNonZero(_)
            | Op::CloseFillAndStrokeEvenOdd(_) => path.stroke(out.rules),
            Op::EndPath(_) => path.0.clear(),
            Op::XObject(name) if depth < MAX_FORM_DEPTH => {
                if let Some(form) = resources.get_x_object(name.0) {
                    run_form(&form, resources, &state, out, work, depth);
                }
            }
            _ => {}
        }
    }
}

/// A form XObject: its content with its own resources, under its matrix.
fn run_form(form: &Stream, parent: &Resources, state: &State, out: &mut Sink, work: &mut Work, depth: usize) {
    let dict = form.dict();
    if dict.get::<Name>(b"Subtype".as_slice()).is_none_or(|s| s.as_str() != "Form") {
        return;
    }
    let Some(data) = super::streams::decode(form, &mut work.decoded) else { return };
    let own = dict.get::<Dict>(b"Resources".as_slice()).unwrap_or_default();
    let resources = Resources::from_parent(own, parent.clone());
    let mut inner = state.clone();
    if let Some(m) = dict.get::<Array>(b"Matrix".as_slice()) {
        let m = super::fonts::numbers(&m);
        if let [a, b, c, d, e, f] = m[..] {
            inner.ctm = Matrix([a, b, c, d, e, f]).then(inner.ctm);
        }
    }
    run(&data, &resources, inner, out, work, depth + 1);
}

fn font(fonts: &mut Fonts, resources: &Resources, state: &State, work: &mut Work) -> Option<Rc<Font>> {
    let name = state.font.as_ref()?;
    let read = |work: &mut Work| {
        let dict = resources.get_font(&Name::new_unescaped(name))?;
        let Some(id) = dict.obj_id() else { return Some(Rc::new(Font::read(&dict, &mut work.decoded))) };
        if let Some(known) = work.fonts.get(&id) {
            return known.clone();
        }
        let font = Some(Rc::new(Font::read(&dict, &mut work.decoded)));
        work.fonts.insert(id, font.clone());
        font
    };
    if let Some(known) = fonts.get(name) {
        return known.clone();
    }
    let font = read(work);
    fonts.insert(name.clone(), font.clone());
    font
}

/// The start of the next line, `leading` below the current one's (`T*`, `'`, `"`).
fn next_line(line: &mut Matrix, leading: f64) -> Matrix {
    *line = Matrix::translate(0.0, -leading).then(*line);
    *line
}

/// Shows `bytes` with the state's font, looked up in `resources` (and read once).
fn show_with_font(
    bytes: &[u8],
    state: &State,
    tm: &mut Matrix,
    (fonts, resources): (&mut Fonts, &Resources),
    work: &mut Work,
    out: &mut Sink,
) {
    let font = font(fonts, resources, state, work);
    show(bytes, state, tm, font.as_deref(), out, &mut work.glyphs);
}

fn show_array(items: &Array, state: &State, tm: &mut Matrix, font: Option<&Font>, out: &mut Sink, left: &mut usize) {
    for item in items.iter::<Object>() {
        match item {
            Object::String(s) => show(s.as_bytes(), state, tm, font, out, left),
            Object::Number(n) => {
                // A number moves the next glyph back by thousandths of the font size.
                let tx = -n.as_f64() / 1000.0 * state.size * state.scale;
                *tm = Matrix::translate(tx, 0.0).then(*tm);
            }
            _ => {}
        }
    }
}

/// Shows `bytes` with `font`, keeping at most `left` more glyphs.
fn show(bytes: &[u8], state: &State, tm: &mut Matrix, font: Option<&Font>, out: &mut Sink, left: &mut usize) {
    let Some(font) = font else { return };
    for (code, len) in font.codes(bytes) {
        if *left == 0 {
            return;
        }
        *left -= 1;
        let width = font.width(code);
        let space = len == 1 && code == 32;
        let tx = (width * state.size + state.char_spacing + if space { state.word_spacing } else { 0.0 }) * state.scale;
        let params = Matrix([state.size * state.scale, 0.0, 0.0, state.size, 0.0, state.rise]);
        let at = params.then(*tm).then(state.ctm);
        let [_, _, _, d, e, f] = at.0;
        let advance = Matrix::translate(tx, 0.0).then(*tm).then(state.ctm).0[4] - tm.then(state.ctm).0[4];
        match font.text(code) {
            Some(text) => {
                out.out.push(Glyph { text, x: e, y: f, width: advance.abs(), size: d.abs().max(at.0[1].abs()) })
            }
            None => *out.unknown += 1,
        }
        *tm = Matrix::translate(tx, 0.0).then(*tm);
    }
}
