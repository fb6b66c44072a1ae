//! Prints the outline of the model read from a file: `cargo run --example outline FILE`.
fn main() {
    for f in std::env::args().skip(1) {
        let bytes = std::fs::read(&f).unwrap_or_default();
        let text = nianbao::text::decode::decode(&bytes).text;
        print!("{}", nianbao::views::outline::outline(&nianbao::parse(&text)));
    }
}
