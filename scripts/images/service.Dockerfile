# huinong/svc-@SERVICE@: one service binary and its runtime libraries on an
# empty root (k8s/README.md#images) — the one Dockerfile of the four service
# images. scripts/images.sh writes @SERVICE@ (org, tickets, loans, audit)
# before building, because an exec-form ENTRYPOINT takes no build argument
# and the image must start its binary without a shell. The build context
# holds bin/ (the built binaries) and lib/ (the project's shared libraries);
# SERVICE_RUNTIME is the pinned build stage service-runtime.Dockerfile.
# The root holds nothing to write: run it with a read-only root filesystem
# and /tmp mounted (k8s/base/service/deployment.yaml).
ARG SERVICE_RUNTIME
FROM ${SERVICE_RUNTIME} AS collect
COPY lib/ /usr/lib/x86_64-linux-gnu/
COPY bin/svc-@SERVICE@ /usr/local/bin/svc-@SERVICE@
RUN /usr/local/sbin/collect-runtime.sh /usr/local/bin/svc-@SERVICE@ /image

FROM scratch
COPY --from=collect /image/ /
USER 10001:10001
EXPOSE 50051 9101
ENTRYPOINT ["/usr/local/bin/svc-@SERVICE@"]
