package dev.reverie.cli.demo;

import dev.reverie.schema.Description;

/** The author of a {@link Book}, as the demo asks the model for it. */
public record Author(
    @Description("Author's name") String name,
    @Description("Author's nationality") String nationality) {}
