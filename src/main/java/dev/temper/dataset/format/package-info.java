/**
 * Turns uploaded files (CSV, an IDX pair, a ZIP of images) into a validated, staged dataset: labels and
 * sample hashes in memory, sample values spooled to a private file, every refusal a sentence that says
 * what is wrong and where.
 */
package dev.temper.dataset.format;
