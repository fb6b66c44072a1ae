//! `cargo xtask dist`: the static site in dist/ — index.html, styles, the boot
//! script, and the size-tuned wasm with its JS glue under dist/pkg/.

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
    report_sizes()
}

fn build_site() -> Result {
    let root = crate::root();
    let out = dist_dir();
    run(&mut cmd(
        "cargo",
        &["build", "--package", "nianbao-web", "--lib", "--target", setup::WASM_TARGET, "--profile", "wasm-release"],
    ))?;
    if out.exists() {
        std::fs::remove_dir_all(&out).map_err(|e| format!("{}: {e}", out.display()))?;
    }
    let wasm = root.join("target").join(setup::WASM_TARGET).join("wasm-release").join("nianbao_web.wasm");
    let pkg = out.join("pkg");
    run(cmd("wasm-bindgen", &["--target", "web", "--no-typescript", "--out-dir"]).arg(&pkg).arg(&wasm))?;
    let bg = pkg.join("nianbao_web_bg.wasm");
    let wasm_opt = setup::www().join("node_modules").join("binaryen").join("bin").join("wasm-opt");
    run(cmd("node", &[]).arg(&wasm_opt).arg(&bg).arg("-O3").arg("-o").arg(&bg))?;
    copy(&root.join("index.html"), &out.join("index.html"))?;
    for entry in std::fs::read_dir(setup::www().join("static")).map_err(|e| format!("www/static: {e}"))? {
        let path = entry.map_err(|e| e.to_string())?.path();
        if let Some(name) = path.file_name() {
            copy(&path, &out.join(name))?;
        }
    }
    Ok(())
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
    println!("dist/ is ready: copy the folder to any static web server.");
    Ok(())
}
