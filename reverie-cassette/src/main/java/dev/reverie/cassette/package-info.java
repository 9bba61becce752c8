/**
 * Record and replay of HTTP traffic in the go-vcr version 2 YAML cassette format: loading and
 * writing cassettes, the request matching rules of the reference recorder, a replaying and a
 * recording {@link dev.reverie.transport.Transport} (which keeps credentials out of the file), and
 * a JUnit 5 extension that hands a test the transport for its cassette, replaying it or recording
 * it from the real network.
 */
package dev.reverie.cassette;
