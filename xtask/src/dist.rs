//! `cargo xtask dist`: the static site in dist/ — index.html, styles, page.js
//! (what works without the wasm) and the boot script, and the size-tuned wasm
//! with its JS glue under dist/pkg/.

use crate::run::{cmd, run, Result};
use crate::setup;
use std::io::Write;
use std::path::{Path, PathBuf};

pub fn dist_dir() -> PathBuf {
    crate::root().join("dist")
}

pub fn dist() -> Result {
    setup::wasm_target()?;
    setup::wasm_bindgen_cli()?;
    setup::npm_packages()?;
    build_site()?;
    single_file()?;
    report_sizes()
}

/// wasm-opt's passes for the first load, which must stay within its budget:
/// for size, with whole-program flow analysis between (measured on 4015b18,
/// gzip -9 as the e2e counts: -O3 348,943 B, `-Oz --gufa -Oz` 347,600 B; on
/// 1acd898, a second flow analysis saves 381 B more: 349,218 → 348,837 B).
const FIRST_LOAD_OPT: &[&str] = &["-Oz", "--gufa", "-Oz", "--gufa", "-Oz"];

/// wasm-opt's passes for the modules loaded later (a PDF's reading is the slow part there).
const LATER_OPT: &[&str] = &["-O3"];

/// Builds crate `package` (library `lib`) for the browser into `pkg`: wasm-bindgen's glue and the optimised wasm.
fn build_module(package: &str, lib: &str, pkg: &Path) -> Result {
    run(&mut cmd(
        "cargo",
        &["build", "--package", package, "--lib", "--target", setup::WASM_TARGET, "--profile", "wasm-release"],
    ))?;
    let wasm = crate::root().join("target").join(setup::WASM_TARGET).join("wasm-release").join(format!("{lib}.wasm"));
    run(cmd("wasm-bindgen", &["--target", "web", "--no-typescript", "--out-dir"]).arg(pkg).arg(&wasm))?;
    let bg = pkg.join(format!("{lib}_bg.wasm"));
    let wasm_opt = setup::www().join("node_modules").join("binaryen").join("bin").join("wasm-opt");
    let passes = if package == "nianbao-web" { FIRST_LOAD_OPT } else { LATER_OPT };
    run(cmd("node", &[]).arg(&wasm_opt).arg(&bg).args(passes).arg("-o").arg(&bg))
}

fn build_site() -> Result {
    let root = crate::root();
    let out = dist_dir();
    if out.exists() {
        std::fs::remove_dir_all(&out).map_err(|e| format!("{}: {e}", out.display()))?;
    }
    let pkg = out.join("pkg");
    build_module("nianbao-web", "nianbao_web", &pkg)?;
    // The second module, loaded only when a Word document is opened (www/src/files.js).
    build_module("nianbao-files", "nianbao_files", &pkg.join("files"))?;
    // The third, loaded only when many files are opened at once: the batch's summary (www/batch).
    build_module("nianbao-batch", "nianbao_batch", &pkg.join("batch"))?;
    copy(&root.join("index.html"), &out.join("index.html"))?;
    for entry in std::fs::read_dir(setup::www().join("static")).map_err(|e| format!("www/static: {e}"))? {
        let path = entry.map_err(|e| e.to_string())?.path();
        if let Some(name) = path.file_name() {
            copy(&path, &out.join(name))?;
        }
    }
    // The examples (载入示例), fetched when chosen: the first load does not carry them.
    for (name, text) in examples()? {
        let path = out.join("examples").join(name);
        std::fs::create_dir_all(out.join("examples")).map_err(|e| format!("examples: {e}"))?;
        std::fs::write(&path, text).map_err(|e| format!("{}: {e}", path.display()))?;
    }
    Ok(())
}

/// The examples the page offers (www/src/samples.rs names them): each seed case's
/// input, as `examples/<case>.txt`.
fn examples() -> std::result::Result<Vec<(String, String)>, String> {
    let cases = crate::root().join("tests").join("cases");
    let mut found = Vec::new();
    for entry in std::fs::read_dir(&cases).map_err(|e| format!("tests/cases: {e}"))? {
        let path = entry.map_err(|e| e.to_string())?.path();
        let case = path.file_name().and_then(|n| n.to_str()).unwrap_or_default().to_owned();
        if case.starts_with("seed-") {
            let input = path.join("input.txt");
            let text = std::fs::read_to_string(&input).map_err(|e| format!("{}: {e}", input.display()))?;
            found.push((format!("{case}.txt"), text));
        }
    }
    found.sort();
    Ok(found)
}

/// `text` as a JSON string literal that can stand inside a `<script>`.
fn js_string(text: &str) -> String {
    let mut out = String::from("\"");
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '<' => out.push_str("\\u003c"),
            '\u{2028}' => out.push_str("\\u2028"),
            '\u{2029}' => out.push_str("\\u2029"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// dist/nianbao.html: the whole app in one file (styles, JS and the wasm as
/// base64 inlined) for offices without a web server: it works opened from disk.
/// Being one file, it carries inline script and style; the hosted site does not.
fn single_file() -> Result {
    let out = dist_dir();
    let read = |p: &Path| std::fs::read_to_string(p).map_err(|e| format!("{}: {e}", p.display()));
    let page = read(&out.join("index.html"))?;
    let css = read(&out.join("style.css"))?;
    let glue = inline_snippets(&read(&out.join("pkg").join("nianbao_web.js"))?, &out.join("pkg"))?;
    let wasm = std::fs::read(out.join("pkg").join("nianbao_web_bg.wasm")).map_err(|e| format!("wasm: {e}"))?;
    let icon = read(&out.join("favicon.svg"))?;
    let start = format!(
        "const nianbaoWasm = Uint8Array.from(atob(\"{}\"), (c) => c.charCodeAt(0));\n\
         __wbg_init({{ module_or_path: nianbaoWasm }}).then(() => {{\n\
         \x20 document.getElementById('nb-fallback')?.remove();\n\
         \x20 mount(document.getElementById('app'));\n\
         }}, (err) => {{ document.getElementById('nb-loading').textContent = '加载失败：' + err; }});\n",
        base64(&wasm)
    );
    let script = format!("<script type=\"module\">\n{}\n{start}</script>", glue.replace("</script", "<\\/script"));
    // The Word reader inline too, started when first asked for (www/src/files.js).
    let files = out.join("pkg").join("files");
    let files_glue = read(&files.join("nianbao_files.js"))?;
    let files_wasm = std::fs::read(files.join("nianbao_files_bg.wasm")).map_err(|e| format!("files wasm: {e}"))?;
    let files_start = format!(
        "globalThis.nianbaoFiles = async () => {{\n\
         \x20 await __wbg_init({{ module_or_path: Uint8Array.from(atob(\"{}\"), (c) => c.charCodeAt(0)) }});\n\
         \x20 return {{ readDocx, readPdf, Batch }};\n\
         }};\n",
        base64(&files_wasm)
    );
    // The batch's summary inline too, started when first asked for (www/src/files.js).
    let batch = out.join("pkg").join("batch");
    let batch_glue = read(&batch.join("nianbao_batch.js"))?;
    let batch_wasm = std::fs::read(batch.join("nianbao_batch_bg.wasm")).map_err(|e| format!("batch wasm: {e}"))?;
    let batch_start = format!(
        "globalThis.nianbaoBatch = async () => {{\n\
         \x20 await __wbg_init({{ module_or_path: Uint8Array.from(atob(\"{}\"), (c) => c.charCodeAt(0)) }});\n\
         \x20 return {{ mountSummary }};\n\
         }};\n",
        base64(&batch_wasm)
    );
    // The examples inline too, by the names files.js asks for.
    let examples: Vec<String> =
        examples()?.iter().map(|(name, text)| format!("{}: {}", js_string(name), js_string(text))).collect();
    let files_start = format!("{files_start}globalThis.nianbaoExamples = {{ {} }};\n", examples.join(", "));
    // The rules' documentation too (JSON is a JS literal), which files.js otherwise fetches.
    let rules = read(&setup::www().join("static").join("rules.json"))?;
    let files_start = format!("{files_start}globalThis.nianbaoRules = {};\n", rules.trim().replace("</", "<\\/"));
    let script = format!(
        "{script}\n<script type=\"module\">\n{}\n{files_start}</script>",
        files_glue.replace("</script", "<\\/script")
    );
    let script = format!(
        "{script}\n<script type=\"module\">\n{}\n{batch_start}</script>",
        batch_glue.replace("</script", "<\\/script")
    );
    let icon = format!("data:image/svg+xml;base64,{}", base64(icon.as_bytes()));
    // The crash banner and the iframe height, which need no wasm.
    let page_js = read(&out.join("page.js"))?;
    let replaced = page
        .replace("<link rel=\"stylesheet\" href=\"./style.css\">", &format!("<style>\n{css}</style>"))
        .replace(
            "<script type=\"module\" src=\"./page.js\"></script>",
            &format!("<script type=\"module\">\n{}</script>", page_js.replace("</script", "<\\/script")),
        )
        .replace("<script type=\"module\" src=\"./boot.js\"></script>", &script)
        .replace("./favicon.svg", &icon);
    if replaced.contains("./boot.js") || replaced.contains("./page.js") || replaced.contains("./style.css") {
        return Err("index.html changed: update xtask/src/dist.rs single_file()".to_owned());
    }
    std::fs::write(out.join("nianbao.html"), replaced).map_err(|e| format!("nianbao.html: {e}"))
}

/// The glue with each `import * as NAME from './snippets/…'` (or `import { a, b }
/// from …`) line replaced by the snippet's own code, wrapped so that NAME (or
/// a, b) holds its exports (one file has nowhere to import from).
fn inline_snippets(glue: &str, pkg: &Path) -> std::result::Result<String, String> {
    let mut out = String::with_capacity(glue.len());
    // Each snippet file inlined once (its state is one), as `__nianbao_snippet_N`.
    let mut inlined: Vec<(String, String)> = Vec::new();
    for line in glue.lines() {
        // `import * as NAME from 'P'` or `import { a, b } from 'P'`.
        let import = line.strip_prefix("import ").and_then(|l| l.split_once(" from "));
        let Some((what, from)) =
            import.map(|(n, f)| (n.trim(), f.trim().trim_end_matches(';').trim_matches(['"', '\''])))
        else {
            out.push_str(line);
            out.push('\n');
            continue;
        };
        if !from.starts_with("./snippets/") {
            return Err(format!("glue imports {from}: update xtask/src/dist.rs inline_snippets()"));
        }
        let module = match inlined.iter().find(|(f, _)| f == from) {
            Some((_, name)) => name.clone(),
            None => {
                let name = format!("__nianbao_snippet_{}", inlined.len());
                out.push_str(&format!("const {name} = {};\n", snippet(&pkg.join(from.trim_start_matches("./")))?));
                inlined.push((from.to_owned(), name.clone()));
                name
            }
        };
        match what.strip_prefix("* as ") {
            Some(alias) => out.push_str(&format!("const {} = {module};\n", alias.trim())),
            // `{ a as b }` would need rewriting to `{ a: b }`: said, not guessed.
            None if what.starts_with('{') && !what.contains(" as ") => {
                out.push_str(&format!("const {what} = {module};\n"))
            }
            None => return Err(format!("glue line {line}: update xtask/src/dist.rs inline_snippets()")),
        }
    }
    Ok(out)
}

/// A snippet's code as an expression whose value holds its exports.
fn snippet(path: &Path) -> std::result::Result<String, String> {
    let code = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let mut exports = Vec::new();
    let mut body = String::new();
    for l in code.lines() {
        let rest = l.strip_prefix("export ").unwrap_or(l);
        if l.starts_with("export ") {
            let decl = rest.strip_prefix("async ").unwrap_or(rest);
            let id = decl.strip_prefix("function ").or(decl.strip_prefix("const ")).unwrap_or("");
            exports.push(id.split(|c: char| !(c.is_alphanumeric() || c == '_' || c == '$')).next().unwrap_or(""));
        }
        body.push_str(rest);
        body.push('\n');
    }
    if exports.iter().any(|e| e.is_empty()) {
        return Err(format!("{}: an export inline_snippets() cannot read", path.display()));
    }
    Ok(format!("(() => {{\n{body}return {{ {} }};\n}})()", exports.join(", ")))
}

fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let n = chunk.iter().enumerate().fold(0u32, |acc, (i, &b)| acc | u32::from(b) << (16 - 8 * i));
        for k in 0..4 {
            if k <= chunk.len() {
                out.push(ALPHABET[(n >> (18 - 6 * k) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

fn copy(from: &Path, to: &Path) -> Result {
    std::fs::copy(from, to).map(|_| ()).map_err(|e| format!("copy {} → {}: {e}", from.display(), to.display()))
}

/// Size of `bytes` once gzipped (level 9, as static servers precompress).
pub fn gzip_len(bytes: &[u8]) -> usize {
    let mut z = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    let _ = z.write_all(bytes);
    z.finish().map_or(0, |v| v.len())
}

fn report_sizes() -> Result {
    let pkg = dist_dir().join("pkg");
    let mut total = (0, 0);
    for name in ["nianbao_web_bg.wasm", "nianbao_web.js"] {
        let bytes = std::fs::read(pkg.join(name)).map_err(|e| format!("{name}: {e}"))?;
        let gz = gzip_len(&bytes);
        println!("{name:<22} {:>8} bytes, {:>7} gzip", bytes.len(), gz);
        total = (total.0 + bytes.len(), total.1 + gz);
    }
    println!("{:<22} {:>8} bytes, {:>7} gzip", "wasm + JS", total.0, total.1);
    let mut files = (0, 0);
    for name in ["nianbao_files_bg.wasm", "nianbao_files.js"] {
        let bytes = std::fs::read(pkg.join("files").join(name)).map_err(|e| format!("{name}: {e}"))?;
        files = (files.0 + bytes.len(), files.1 + gzip_len(&bytes));
    }
    println!(
        "{:<22} {:>8} bytes, {:>7} gzip (loaded when a Word document or a PDF is opened)",
        "files module", files.0, files.1
    );
    let mut batch = (0, 0);
    for name in ["nianbao_batch_bg.wasm", "nianbao_batch.js"] {
        let bytes = std::fs::read(pkg.join("batch").join(name)).map_err(|e| format!("{name}: {e}"))?;
        batch = (batch.0 + bytes.len(), batch.1 + gzip_len(&bytes));
    }
    println!(
        "{:<22} {:>8} bytes, {:>7} gzip (loaded when many files are opened at once)",
        "batch module", batch.0, batch.1
    );
    println!("dist/ is ready: copy the folder to any static web server.");
    Ok(())
}

#[cfg(test)]
mod tests {
    #[test]
    fn js_string_is_json_and_never_ends_a_script() {
        assert_eq!(super::js_string("a\"b\\c\n</script>\u{2028}"), "\"a\\\"b\\\\c\\u000a\\u003c/script>\\u2028\"");
    }

    #[test]
    fn base64_pads_like_the_standard() {
        assert_eq!(super::base64(b"ab"), "YWI=");
        assert_eq!(super::base64(b"abc"), "YWJj");
        assert_eq!(super::base64(b"a"), "YQ==");
        assert_eq!(super::base64(b""), "");
    }
}
