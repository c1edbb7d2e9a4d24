//! Checks a scenario against the documented ranges before the engine runs it.
