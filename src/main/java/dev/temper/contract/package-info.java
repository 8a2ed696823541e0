/**
 * The contract between the server and its workers: how they reach each other ({@link
 * dev.temper.contract.WorkerProtocol}), the job spec (with the engine's strategy records), the reports a
 * worker sends, and the canonical file format of a dataset version.
 */
package dev.temper.contract;
