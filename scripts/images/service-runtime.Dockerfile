# The build stage every service image starts from (not an image that runs):
# the pinned Debian 12 base made by scripts/images.sh with the runtime
# packages of the service binaries and scripts/images/collect-runtime.sh,
# which copies a binary and its libraries into a root for `FROM scratch`.
# The package list is what `ldd build/bin/svc-*` resolves to on Debian 12
# (`dpkg -S`); collect-runtime.sh fails the build when it has drifted.
ARG DEBIAN_BASE
FROM ${DEBIAN_BASE}
RUN apt-get update \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
      libabsl20220623 libb64-0d libc-ares2 libcivetweb1 libgrpc++1.51 libgrpc29 \
      libjansson4 libjwt0 libmariadb3 libmysqlcppconn7v5 libprometheus-cpp-core1.0 \
      libprometheus-cpp-pull1.0 libprotobuf32 libre2-9 libssl3 libstdc++6 zlib1g \
      tzdata ca-certificates \
 && rm -rf /var/lib/apt/lists/*
COPY scripts/images/collect-runtime.sh /usr/local/sbin/collect-runtime.sh
