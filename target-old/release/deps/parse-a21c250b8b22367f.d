/work/main/target-old/release/deps/parse-a21c250b8b22367f.d: benches/parse.rs

/work/main/target-old/release/deps/parse-a21c250b8b22367f: benches/parse.rs

benches/parse.rs:

# env-dep:CARGO_MANIFEST_DIR=/tmp/old
