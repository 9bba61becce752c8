package dev.reverie.stream;

/** The input of the tool call {@code id} is complete. */
public record ToolInputEnd(String id) implements StreamPart {}
