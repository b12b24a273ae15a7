# KITT: server and agent in one image (docs/deployment.md).
#   ./mvnw -B package && docker build -t kitt .
#   docker run -d -p 8080:8080 -v kitt-home:/var/lib/kitt kitt server
#   docker run -d --user 0:0 --network host -v /var/run/docker.sock:/var/run/docker.sock \
#     -e KITT_SERVER_URL=https://kitt.example:8080 -e KITT_ENROLL_TOKEN=... kitt agent
# DockerfileStructureTest checks this file against the build and the server's routes.

# The docker CLI only: the agent starts engine containers as siblings through the host's socket.
FROM docker:27-cli AS docker-cli

FROM eclipse-temurin:17-jre

RUN apt-get update \
    && apt-get install -y --no-install-recommends curl \
    && rm -rf /var/lib/apt/lists/*
COPY --from=docker-cli /usr/local/bin/docker /usr/local/bin/docker

RUN groupadd --system --gid 10001 kitt \
    && useradd --system --uid 10001 --gid kitt --home-dir /var/lib/kitt --shell /usr/sbin/nologin kitt \
    && mkdir -p /var/lib/kitt \
    && chown kitt:kitt /var/lib/kitt

ENV KITT_HOME=/var/lib/kitt \
    KITT_JAR=/opt/kitt/kitt.jar

COPY target/kitt.jar /opt/kitt/kitt.jar
COPY docker/entrypoint.sh /usr/local/bin/kitt-entrypoint

USER kitt
VOLUME ["/var/lib/kitt"]
EXPOSE 8080

# TLS is on unless --insecure, with KITT's own CA: -k is enough to ask a local process if it is up.
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
    CMD curl -fsSk "https://127.0.0.1:${KITT_PORT:-8080}/api/v1/health" \
        || curl -fsS "http://127.0.0.1:${KITT_PORT:-8080}/api/v1/health" \
        || exit 1

ENTRYPOINT ["kitt-entrypoint"]
CMD ["server"]
