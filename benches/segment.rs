//! Bench placeholder for the segment stage (replaced by the real criterion bench).
fn main() {}
