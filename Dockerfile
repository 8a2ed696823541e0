# syntax=docker/dockerfile:1
# Temper server image; the same image runs the training worker (the Job template overrides the command).
#   docker build -t temper:latest .

# Vaadin 24.9 needs Node >= 20 and npm >= 9.6, newer than the distribution packages of the JDK image,
# so Node and npm come from the official Node image (its binaries need only glibc >= 2.28).
FROM node:20-bookworm-slim AS node

FROM eclipse-temurin:17-jdk-noble AS build
# linux-x86_64 (CPU, the default) or linux-x86_64-gpu: TensorFlow's CUDA build, for GPU worker nodes.
# The GPU build loads CUDA lazily and runs on the CPU where no GPU (or no CUDA runtime) is present.
ARG TF_NATIVE=linux-x86_64
COPY --from=node /usr/local/bin/node /usr/local/bin/node
COPY --from=node /usr/local/lib/node_modules/npm /usr/local/lib/node_modules/npm
RUN ln -s /usr/local/lib/node_modules/npm/bin/npm-cli.js /usr/local/bin/npm \
 && ln -s /usr/local/lib/node_modules/npm/bin/npx-cli.js /usr/local/bin/npx \
 && node --version && npm --version
WORKDIR /build
COPY . .
# The package phase also unpacks the TensorFlow natives into target/tensorflow-native and builds the
# Vaadin production bundle. The cache mounts keep Maven and npm downloads between builds.
RUN --mount=type=cache,target=/root/.m2 \
    --mount=type=cache,target=/root/.npm \
    ./mvnw -B package -DskipTests -Dtensorflow.native.classifier=${TF_NATIVE}

FROM eclipse-temurin:17-jre-noble
ARG TF_NATIVE=linux-x86_64
RUN groupadd --system --gid 10001 temper \
 && useradd --system --uid 10001 --gid 10001 --create-home --home-dir /home/temper temper \
 && mkdir -p /var/lib/temper/artifacts \
 && chown 10001:10001 /var/lib/temper/artifacts
# Quarkus fast-jar layout (quarkus-run.jar, app/, lib/boot, lib/main, quarkus/), read-only for the app user.
COPY --from=build /build/target/quarkus-app/ /app/
COPY --from=build /build/target/tensorflow-native/org/tensorflow/internal/c_api/${TF_NATIVE}/ /opt/tensorflow/
ENV TENSORFLOW_LIBRARY_PATH=/opt/tensorflow \
    DJL_CACHE_DIR=/tmp/djl \
    JAVA_OPTS="-Dai.djl.offline=true -Dquarkus.http.host=0.0.0.0 -Djava.util.logging.manager=org.jboss.logmanager.LogManager -XX:MaxRAMPercentage=75"
WORKDIR /app
USER 10001
EXPOSE 8080
ENTRYPOINT ["sh", "-c", "exec java $JAVA_OPTS -jar /app/quarkus-run.jar"]
