//! Bench placeholder for the tag stage (replaced by the real criterion bench).
fn main() {}
