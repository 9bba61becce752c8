package dev.reverie.bench;

/** A postal address in the benchmark document. */
public record Address(String street, String city, String country, String postalCode) {}
