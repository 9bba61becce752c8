/** The types and recordings behind {@code reverie demo}. */
package dev.reverie.cli.demo;
