/**
 * What the runtime image and the manifests around it agree on: ports, the user the pods run as and
 * where mounted files live. The Service, the ServiceMonitor and the Istio rules name these too.
 */

/** Image of the thin inference runtime (the API's default, see crds/api/constants.ts). */
export { DEFAULT_RUNTIME_IMAGE } from '../../crds/api/constants.js';
/** Default port the runtime serves its API on (named `http`). */
export const RUNTIME_PORT = 8000;
/**
 * Port of the runtime's `/healthz`, `/readyz` and `/metrics` (`MANAGEMENT_PORT`), named
 * {@link MANAGEMENT_PORT_NAME}: kept off the API port so that only Prometheus can read the metrics
 * (NetworkPolicy and AuthorizationPolicy let no one else reach it). Fixed, as the Service, the
 * ServiceMonitor and the Istio rules name it.
 */
export const MANAGEMENT_PORT = 9090;
/** Name of the management port on the runtime container and the Service; `http-` tells Istio it is HTTP. */
export const MANAGEMENT_PORT_NAME = 'http-metrics';
/** Port of the engine sidecar; only the runtime talks to it, over localhost. */
export const DEFAULT_ENGINE_PORT = 8001;
/** UID/GID the pods run as: the distroless `nonroot` user, numeric so the kubelet can verify runAsNonRoot. */
export const POD_USER = 65532;
/** Where files from Secrets and ConfigMaps are mounted; the runtime reads them through `*_FILE` variables. */
export const FILES_ROOT = '/etc/agent';
