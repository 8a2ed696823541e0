package dev.temper.modelcard;

import dev.temper.security.TeamOwnedRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

@ApplicationScoped
public class FrozenCardRepository implements TeamOwnedRepository<FrozenCard> {

    @Override
    public String listOrder() {
        return "id desc";
    }

    Optional<FrozenCard> forVersion(long modelVersionId) {
        return find("modelVersionId", modelVersionId).firstResultOptional();
    }
}
