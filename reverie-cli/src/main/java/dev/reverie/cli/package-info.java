/** The {@code reverie} command line: demo, object, chat and conformance. */
package dev.reverie.cli;
