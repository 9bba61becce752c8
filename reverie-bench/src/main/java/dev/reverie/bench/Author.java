package dev.reverie.bench;

/** A book's author in the benchmark document. */
public record Author(String name, String nationality, Integer birthYear) {}
