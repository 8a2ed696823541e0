package dev.temper.audit;

/**
 * The outcome of recomputing the chain: intact, or the first entry found wrong and why.
 *
 * @param entries     entries read
 * @param anchorId    the anchor the chain was checked against, null when there is none yet
 * @param badEntryId  id of the first bad entry; null when intact, or when the bad entry is missing altogether
 * @param badSeq      sequence number of the first bad (or missing) entry; null when intact
 * @param problem     what is wrong; null when intact
 * @param detail      a sentence for people
 */
public record ChainVerification(boolean intact, long entries, Long anchorId, Long badEntryId, Long badSeq,
        Problem problem, String detail) {

    /** What verification found wrong with the first bad entry. */
    public enum Problem {
        /** The entry's fields no longer give its stored hash: it was changed. */
        HASH_MISMATCH,
        /** The entry does not name the previous entry's hash: an entry before it was removed, changed or added. */
        BROKEN_LINK,
        /** The entry's sequence number is not the one after its predecessor's: entries were removed or added. */
        SEQUENCE_GAP,
        /** The chain ends before the latest anchor's head: its newest entries were removed. */
        MISSING_ANCHORED_ENTRIES,
        /** The entry at the anchor's head has another hash than the anchor recorded: the chain was rewritten. */
        ANCHOR_MISMATCH,
        /** The latest anchor's artifact is missing from the store or disagrees with its row. */
        ANCHOR_MISSING
    }

    static ChainVerification intact(long entries, Long anchorId) {
        return new ChainVerification(true, entries, anchorId, null, null, null,
                "intact: " + entries + " entries" + (anchorId == null ? ", no anchor yet" : ", anchor " + anchorId
                        + " matches"));
    }

    static ChainVerification broken(long entries, Long anchorId, Long id, Long seq, Problem problem, String detail) {
        return new ChainVerification(false, entries, anchorId, id, seq, problem, detail);
    }
}
