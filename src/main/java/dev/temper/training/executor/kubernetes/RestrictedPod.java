package dev.temper.training.executor.kubernetes;

import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSecurityContextBuilder;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.SecurityContextBuilder;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeBuilder;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.VolumeMountBuilder;

/**
 * What the "restricted" Pod Security Standard asks of every pod Temper creates (the namespace in k8s/ enforces
 * it, so a pod without it is refused): a non-root user, the runtime's default seccomp profile, no privilege
 * escalation, no capabilities. The root filesystem is read-only too; {@code /tmp}, where the worker keeps its
 * checkpoints and DJL its cache, is an emptyDir.
 */
public final class RestrictedPod {

    /** The image's non-root user and group (see the Dockerfile). */
    public static final long APP_USER = 10001;
    static final String TMP = "tmp";
    static final String TMP_PATH = "/tmp";

    private RestrictedPod() {
    }

    public static PodSecurityContext podSecurityContext() {
        return new PodSecurityContextBuilder()
                .withRunAsNonRoot(true).withRunAsUser(APP_USER).withRunAsGroup(APP_USER)
                .withNewSeccompProfile().withType("RuntimeDefault").endSeccompProfile()
                .build();
    }

    public static SecurityContext containerSecurityContext() {
        return new SecurityContextBuilder()
                .withAllowPrivilegeEscalation(false)
                .withReadOnlyRootFilesystem(true)
                .withNewCapabilities().withDrop("ALL").endCapabilities()
                .build();
    }

    public static Volume tmpVolume() {
        return new VolumeBuilder().withName(TMP).withNewEmptyDir().endEmptyDir().build();
    }

    public static VolumeMount tmpMount() {
        return new VolumeMountBuilder().withName(TMP).withMountPath(TMP_PATH).build();
    }
}
