package dev.reverie.stream;

/**
 * One event of a streamed model answer.
 *
 * <p>The protocol, the same for every provider: an optional {@link StreamStart} first; text and
 * reasoning framed by start/delta/end with an id; a tool call framed by {@link ToolInputStart} (id
 * = tool-call id), deltas and {@link ToolInputEnd}, then one {@link ToolCall} with the full input;
 * exactly one terminal {@link Finish} or {@link Error}.
 */
public sealed interface StreamPart
    permits StreamStart,
        TextStart,
        TextDelta,
        TextEnd,
        ReasoningStart,
        ReasoningDelta,
        ReasoningEnd,
        ToolInputStart,
        ToolInputDelta,
        ToolInputEnd,
        ToolCall,
        ToolResult,
        Source,
        Finish,
        Error,
        StepStart,
        StepFinish {}
