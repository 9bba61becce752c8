package dev.reverie.stream;

import dev.reverie.error.ReverieException;

/** The stream failed; always the last part of a failed stream. */
public record Error(ReverieException error) implements StreamPart {}
