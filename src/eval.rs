//! Scoring the tagger against labelled passages (the gold JSON Lines format).
