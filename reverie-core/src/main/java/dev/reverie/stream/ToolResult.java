package dev.reverie.stream;

import dev.reverie.message.ToolResultPart;

/** The result of a tool call (provider-executed ones inside a model stream; any in an agent's). */
public record ToolResult(ToolResultPart result) implements StreamPart {}
