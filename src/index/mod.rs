//! The tantivy index: schema, writer (incremental, locked, atomic commits) and reader.
pub mod schema;
