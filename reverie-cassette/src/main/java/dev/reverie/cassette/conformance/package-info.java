/**
 * The conformance runner: replays recorded provider traffic (go-vcr cassettes) through Reverie's
 * own provider code, runs the scenario each recording was made for, and reports a verdict per
 * cassette plus whether each request Reverie sent equals the recorded one.
 *
 * <p>{@link dev.reverie.cassette.conformance.ConformanceRunner} is the entry point; the provider of
 * a cassette comes from its first request ({@link
 * dev.reverie.cassette.conformance.ProviderDetector}), the scenario from its file name ({@link
 * dev.reverie.cassette.conformance.Scenario}), suite-level settings from its folder ({@link
 * dev.reverie.cassette.conformance.SuiteSettings}). Adding a provider is one registration in {@link
 * dev.reverie.cassette.conformance.ProviderRegistry} (opened by id through {@link
 * dev.reverie.Providers}).
 */
package dev.reverie.cassette.conformance;
