/**
 * JSON schemas for structured output: generated from Java types ({@link
 * dev.reverie.schema.SchemaGenerator}), adapted to what a provider accepts ({@link
 * dev.reverie.schema.StrictSchemas}) and checked against model output, whole or while it streams
 * ({@link dev.reverie.schema.SchemaValidator}).
 */
package dev.reverie.schema;
