//! Installs what the build and the tests need, only when it is missing:
//! the wasm32 target, wasm-bindgen-cli at Cargo.lock's version, the npm
//! packages of www/package-lock.json, and Chromium with a CJK font.

use crate::run::{cmd, output_line, run, Result};
use std::path::{Path, PathBuf};

pub const WASM_TARGET: &str = "wasm32-unknown-unknown";

pub fn wasm_target() -> Result {
    let installed = std::process::Command::new("rustup")
        .args(["target", "list", "--installed"])
        .output()
        .is_ok_and(|o| String::from_utf8_lossy(&o.stdout).contains(WASM_TARGET));
    if installed {
        return Ok(());
    }
    run(&mut cmd("rustup", &["target", "add", WASM_TARGET]))
}

/// The version of `name` recorded in Cargo.lock.
pub fn locked_version(name: &str) -> Result<String> {
    let lock = std::fs::read_to_string(crate::root().join("Cargo.lock")).map_err(|e| format!("Cargo.lock: {e}"))?;
    let needle = format!("name = \"{name}\"\nversion = \"");
    let at = lock.find(&needle).ok_or_else(|| format!("{name} is not in Cargo.lock"))? + needle.len();
    let end = lock[at..].find('"').ok_or("Cargo.lock is malformed")?;
    Ok(lock[at..at + end].to_owned())
}

/// wasm-bindgen-cli at exactly the version of the wasm-bindgen crate in Cargo.lock.
pub fn wasm_bindgen_cli() -> Result {
    let want = locked_version("wasm-bindgen")?;
    let have = output_line("wasm-bindgen", &["--version"]);
    if have.as_deref() == Some(&format!("wasm-bindgen {want}")) {
        return Ok(());
    }
    println!("wasm-bindgen-cli {want} is needed (found: {})", have.as_deref().unwrap_or("none"));
    // No `--locked`: one of the CLI's locked dependencies is no longer served.
    run(&mut cmd("cargo", &["install", "wasm-bindgen-cli", "--version", &want]))
}

pub fn www() -> PathBuf {
    crate::root().join("www")
}

/// `npm ci` in www/ unless node_modules already matches package-lock.json.
pub fn npm_packages() -> Result {
    let lock = std::fs::read(www().join("package-lock.json")).map_err(|e| format!("www/package-lock.json: {e}"))?;
    let stamp = www().join("node_modules").join(".nianbao-lock");
    if std::fs::read(&stamp).ok().as_deref() == Some(&lock[..]) {
        return Ok(());
    }
    let npm = if cfg!(windows) { "npm.cmd" } else { "npm" };
    run(cmd(npm, &["ci", "--no-audit", "--no-fund"]).current_dir(www()))?;
    std::fs::write(&stamp, &lock).map_err(|e| format!("{}: {e}", stamp.display()))
}

/// The browser and driver used by the tests.
pub struct Browser {
    pub chromium: PathBuf,
    pub chromedriver: PathBuf,
}

const FONT: &str = "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc";

fn from_env_or(var: &str, default: &str) -> PathBuf {
    std::env::var_os(var).map_or_else(|| PathBuf::from(default), PathBuf::from)
}

/// Chromium, ChromeDriver, a CJK font and pdftotext; installed through apt when running as root.
pub fn browser() -> Result<Browser> {
    let b = Browser {
        chromium: from_env_or("CHROMIUM", "/usr/bin/chromium"),
        chromedriver: from_env_or("CHROMEDRIVER", "/usr/bin/chromedriver"),
    };
    let font_ok = !cfg!(target_os = "linux") || Path::new(FONT).exists();
    // pdftotext (poppler-utils), run from PATH: the e2e reads the page's printed PDF back as text.
    let pdftotext_ok = std::process::Command::new("pdftotext").arg("-v").output().is_ok();
    if b.chromium.exists() && b.chromedriver.exists() && font_ok && pdftotext_ok {
        return Ok(b);
    }
    let root = output_line("id", &["-u"]).as_deref() == Some("0");
    if !(cfg!(target_os = "linux") && root && Path::new("/usr/bin/apt-get").exists()) {
        return Err(format!(
            "the browser tests need Chromium, ChromeDriver, a CJK font and pdftotext.\n\
             On Debian/Ubuntu run as root: apt-get install -y chromium chromium-driver fonts-wqy-zenhei poppler-utils\n\
             Elsewhere set CHROMIUM and CHROMEDRIVER to their paths (looked for {} and {}), and put pdftotext on PATH.",
            b.chromium.display(),
            b.chromedriver.display()
        ));
    }
    run(cmd("apt-get", &["update", "-qq"]).env("DEBIAN_FRONTEND", "noninteractive"))?;
    run(cmd(
        "apt-get",
        &[
            "install",
            "-y",
            "-qq",
            "--no-install-recommends",
            "chromium",
            "chromium-driver",
            "fonts-wqy-zenhei",
            "poppler-utils",
        ],
    )
    .env("DEBIAN_FRONTEND", "noninteractive"))?;
    Ok(b)
}
