package dev.reverie.message;

/** Who speaks in a message. */
public enum Role {
  SYSTEM,
  USER,
  ASSISTANT,
  TOOL
}
