package dev.temper.modelcard;

import dev.temper.approval.VersionApproved;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/** Freezes an approved version's card inside the approval's transaction: no approval commits without its card. */
@ApplicationScoped
class CardFreezing {

    private final ModelCardService cards;

    CardFreezing(ModelCardService cards) {
        this.cards = cards;
    }

    void onApproved(@Observes VersionApproved approved) {
        cards.freeze(approved.request());
    }
}
