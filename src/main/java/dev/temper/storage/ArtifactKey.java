package dev.temper.storage;

/** The one rule for artifact keys, shared by every store so a key cannot mean a different place in each. */
final class ArtifactKey {

    private ArtifactKey() {
    }

    /** Returns the key if it is a relative, slash-separated name that stays inside the store. */
    static String check(String key) {
        if (key == null || key.isEmpty()) {
            throw new IllegalArgumentException("An artifact key must not be empty");
        }
        if (key.startsWith("/") || key.contains("\\")) {
            throw new IllegalArgumentException(
                    "Artifact key " + key + " must be a relative name with forward slashes only");
        }
        for (String segment : key.split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
                throw new IllegalArgumentException("Artifact key " + key
                        + " has an empty, '.' or '..' segment: keys must not escape the store or name a folder");
            }
        }
        return key;
    }
}
