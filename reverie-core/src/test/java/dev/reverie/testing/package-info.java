/** Hand-written fakes for tests, named for their behaviour. */
package dev.reverie.testing;
