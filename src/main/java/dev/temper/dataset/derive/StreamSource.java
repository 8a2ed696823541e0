package dev.temper.dataset.derive;

import java.io.IOException;
import java.io.InputStream;

/** Opens a fresh stream over a parent dataset file; derivations may read the parent more than once. */
@FunctionalInterface
public interface StreamSource {

    InputStream open() throws IOException;
}
