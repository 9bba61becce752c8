/**
 * Benchmarks of Reverie's incremental object stream: a deterministic document generator, the JMH
 * benchmarks comparing the incremental parser with Jackson and with re-parsing on every delta (what
 * peer libraries do), and an end-to-end bench against a bare HTTP client over a loopback server.
 *
 * <p>Not published; see {@code reverie-bench/README.md} for how to run it and the results.
 */
package dev.reverie.bench;
