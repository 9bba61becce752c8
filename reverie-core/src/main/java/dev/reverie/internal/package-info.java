/** Shared wire utilities for providers, one class per job. Not API: may change without notice. */
package dev.reverie.internal;
