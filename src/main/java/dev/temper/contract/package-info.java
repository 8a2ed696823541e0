/**
 * The contract between the server and its workers: the job spec, the reports a worker sends, and
 * the canonical file format of a dataset version. Plain Java, shared by both sides.
 */
package dev.temper.contract;
