package dev.temper.modelcard;

import java.time.Instant;

/**
 * A model card as served: the Markdown (with its model-index front matter) and the SHA-256 of its UTF-8 bytes.
 *
 * @param frozenAt when the card was frozen at approval, or null for a card rendered live from today's records
 */
public record ModelCard(long modelVersionId, String fileName, String markdown, String sha256, Instant frozenAt) {

    public boolean frozen() {
        return frozenAt != null;
    }

    /** The YAML between the leading {@code ---} lines: the Hugging Face metadata. */
    public String frontMatter() {
        int start = markdown.indexOf("---\n");
        int end = markdown.indexOf("\n---\n", start + 4);
        if (start != 0 || end < 0) {
            throw new IllegalStateException("The card of model version " + modelVersionId + " has no front matter");
        }
        return markdown.substring(start + 4, end + 1);
    }
}
