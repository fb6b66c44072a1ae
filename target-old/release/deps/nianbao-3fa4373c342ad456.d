/work/main/target-old/release/deps/nianbao-3fa4373c342ad456.d: src/bin/nianbao/main.rs src/bin/nianbao/batch.rs

/work/main/target-old/release/deps/nianbao-3fa4373c342ad456: src/bin/nianbao/main.rs src/bin/nianbao/batch.rs

src/bin/nianbao/main.rs:
src/bin/nianbao/batch.rs:
