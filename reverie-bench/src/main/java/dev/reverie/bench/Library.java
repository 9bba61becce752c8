package dev.reverie.bench;

import java.util.List;

/**
 * The benchmark document's root: a library with its catalogue, shaped like an object a model might
 * be asked to write (strings, nested objects, arrays of strings and objects, integers, decimals,
 * booleans). Boxed types so a partial can leave any field null.
 */
public record Library(
    String name,
    String description,
    Address address,
    Boolean open,
    Integer foundedYear,
    List<String> languages,
    List<Book> books) {}
