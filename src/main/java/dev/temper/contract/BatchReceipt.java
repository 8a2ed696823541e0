package dev.temper.contract;

/** The server's answer to a batch: how many items were new and how many it already had. */
public record BatchReceipt(int accepted, int duplicates) {
}
