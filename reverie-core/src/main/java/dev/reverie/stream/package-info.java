/** Stream parts: one record per event of a streamed model answer, and the single-use stream. */
package dev.reverie.stream;
