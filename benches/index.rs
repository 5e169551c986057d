//! Bench placeholder for the index stage (replaced by the real criterion bench).
fn main() {}
