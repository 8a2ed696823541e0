package dev.temper.dataset;

import dev.temper.base.http.BodyAllowance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.regex.Pattern;

/** Dataset uploads are the bodies Temper is built to take large; they check their own size as they stream. */
class UploadBodies {

    @Produces
    @Singleton
    BodyAllowance multipartUpload() {
        return new BodyAllowance("POST", Pattern.compile("/api/datasets"), BodyAllowance.STREAMED, "a dataset upload");
    }

    @Produces
    @Singleton
    BodyAllowance streamedUpload() {
        return new BodyAllowance("POST", Pattern.compile("/api/datasets/stream"), BodyAllowance.STREAMED,
                "a dataset upload");
    }
}
