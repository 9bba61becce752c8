package dev.reverie.stream;

import dev.reverie.message.ToolCallPart;

/** A complete tool call. */
public record ToolCall(ToolCallPart call) implements StreamPart {}
