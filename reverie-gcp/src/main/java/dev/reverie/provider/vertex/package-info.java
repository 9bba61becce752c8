/**
 * Vertex AI ({@link dev.reverie.provider.vertex.Vertex}): Gemini models through the shared Gemini
 * codec and Claude models through the shared Anthropic codec, at a project and location, signed in
 * with Google Application Default Credentials (Google's own auth library) or a bearer token.
 *
 * <p>This module keeps Google's jars out of {@code reverie-core}; its provider is found by {@link
 * java.util.ServiceLoader} ({@code vertex:gemini-2.5-flash}) once it is on the class path.
 */
package dev.reverie.provider.vertex;
