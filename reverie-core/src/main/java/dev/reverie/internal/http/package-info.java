/** Posting JSON to providers and mapping their error answers to typed exceptions. */
package dev.reverie.internal.http;
