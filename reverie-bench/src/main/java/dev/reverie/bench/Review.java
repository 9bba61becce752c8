package dev.reverie.bench;

/** A reader's review of a book in the benchmark document. */
public record Review(String reviewer, Integer stars, String text, Boolean verified) {}
