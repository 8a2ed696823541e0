package dev.temper.registry;

/** A team alias now points at another version; observers that serve aliases act after the move commits. */
public record AliasMoved(String team, String alias, long modelVersionId) {
}
