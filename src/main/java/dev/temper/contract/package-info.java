/**
 * The contract between the server and its workers: the job spec (with the engine's strategy records),
 * the reports a worker sends, and the canonical file format of a dataset version.
 */
package dev.temper.contract;
