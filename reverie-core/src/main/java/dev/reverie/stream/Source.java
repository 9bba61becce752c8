package dev.reverie.stream;

import dev.reverie.message.SourcePart;

/** A source the model cited. */
public record Source(SourcePart source) implements StreamPart {}
