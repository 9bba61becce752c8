package dev.reverie.stream;

/** More of the input (JSON text) of the tool call {@code id}. */
public record ToolInputDelta(String id, String delta) implements StreamPart {}
