# syntax=docker/dockerfile:1
#
# MueJam Library: container image.
#
#   docker build -t muejam-library .
#   docker run --rm -p 8080:8080 --env-file config/production.env muejam-library
#
# The image always runs the `prod` profile: every part is external (PostgreSQL, Clerk,
# Resend, S3) and configured from the environment; see config/production.env.example.
# Needs BuildKit (the default builder of Docker 23+ and of docker/build-push-action).

# ---------------------------------------------------------------------------------------
# Build stage: a full JDK 25 and the project's own Maven Wrapper, so the image is built
# with exactly the Maven and Java versions that CI uses.
# ---------------------------------------------------------------------------------------
FROM eclipse-temurin:25-jdk AS build
WORKDIR /workspace

# Wrapper and POM first: this layer, and the dependency download below, are reused for as
# long as they are unchanged, whatever happens to the sources.
COPY mvnw ./
COPY .mvn/ .mvn/
COPY pom.xml ./
# The cache mount keeps ~/.m2 (Maven itself and every artifact) between builds without
# putting it in any layer. go-offline fetches most of what `package` needs up front.
RUN --mount=type=cache,target=/root/.m2 \
    chmod +x mvnw \
    && ./mvnw -B -ntp dependency:go-offline

COPY src/ src/
# Tests run in CI (`.ci/run`), not here: the image build stays fast and needs no database.
RUN --mount=type=cache,target=/root/.m2 \
    ./mvnw -B -ntp -DskipTests package \
    && cp target/muejam-library-*.jar app.jar

# Split the fat jar into layers that change at different rates (Spring Boot's "tools"
# jarmode): dependencies, the loader, snapshot dependencies, then our own classes. A code
# change then only rebuilds and ships the small last layer. --launcher keeps the loader so
# the exploded layout starts with JarLauncher (classpath order as in the jar).
RUN java -Djarmode=tools -jar app.jar extract --layers --launcher --destination extracted

# ---------------------------------------------------------------------------------------
# Runtime stage: only a JRE (no compiler, no Maven, no sources). Alpine keeps it small and
# ships busybox wget for the health check.
# ---------------------------------------------------------------------------------------
FROM eclipse-temurin:25-jre-alpine AS runtime

LABEL org.opencontainers.image.title="MueJam Library" \
      org.opencontainers.image.description="Backend of the MueJam Library reading-and-writing platform (REST API under /v1)"

# A fixed, non-root uid/gid: file ownership is predictable across hosts, and USER is numeric
# so Kubernetes' runAsNonRoot can verify it. No home directory, no login shell.
ARG APP_UID=10001
RUN addgroup -S -g "${APP_UID}" muejam \
    && adduser -S -D -H -u "${APP_UID}" -G muejam -s /sbin/nologin muejam \
    && mkdir -p /var/lib/muejam \
    && chown muejam:muejam /var/lib/muejam

WORKDIR /app
# Least-changing layer first. The files stay owned by root, so the process cannot modify
# its own code.
COPY --from=build /workspace/extracted/dependencies/ ./
COPY --from=build /workspace/extracted/spring-boot-loader/ ./
COPY --from=build /workspace/extracted/snapshot-dependencies/ ./
COPY --from=build /workspace/extracted/application/ ./

# prod: ProductionGuard refuses to start while anything local-only would be active.
# MaxRAMPercentage: size the heap from the container's memory limit, not the host's.
# InitialRAMPercentage, the same: the whole heap from the start. A heap left to grow from a
# small start stayed at a quarter of its limit under load, G1 marked it every few seconds,
# and the marking took the CPU the requests needed: p99 85 ms at 600 requests/s, 25 ms with
# the heap committed (docs/benchmarks.md, sixth pass).
# ExitOnOutOfMemoryError: a JVM in an unknown state exits, and the orchestrator restarts it.
# MUEJAM_DATA_DIR: the local data folder, writable by the app user (unused by prod itself,
# which keeps nothing locally; the root filesystem can be mounted read-only).
ENV SPRING_PROFILES_ACTIVE=prod \
    JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -XX:InitialRAMPercentage=75 -XX:+ExitOnOutOfMemoryError" \
    MUEJAM_DATA_DIR=/var/lib/muejam

USER ${APP_UID}:${APP_UID}

EXPOSE 8080

# Liveness only: a dead database makes the instance unready, not dead, so Docker does not
# restart it for that. 127.0.0.1 rather than localhost avoids ::1 where IPv6 is disabled.
# The start period covers Flyway migrations on the first start.
HEALTHCHECK --interval=15s --timeout=3s --start-period=90s --retries=3 \
    CMD wget -q -T 2 -O /dev/null "http://127.0.0.1:${PORT:-8080}/actuator/health/liveness" || exit 1

# SIGTERM starts Spring's graceful shutdown (server.shutdown=graceful, 20 s per phase):
# in-flight requests finish before the JVM exits. Give the container more than ~30 s to
# stop (compose: stop_grace_period: 40s; Kubernetes: terminationGracePeriodSeconds: 45).
STOPSIGNAL SIGTERM

# Exec form: java is PID 1 and receives SIGTERM directly (no shell in between).
ENTRYPOINT ["java", "org.springframework.boot.loader.launch.JarLauncher"]
