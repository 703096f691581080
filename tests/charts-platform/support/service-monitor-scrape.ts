/**
 * The Prometheus scrape configuration the Prometheus Operator generates from a rendered
 * ServiceMonitor, for pods the test runs on loopback ports: the same target labels (`namespace`,
 * `service`, `pod`, `container`, `endpoint`, and `job` from the Service name) and the same
 * `honor_labels`, so a series lands in Prometheus with the labels it has in a cluster. Conflicts
 * matter: without `honorLabels`, a scraped `namespace` label is renamed `exported_namespace`.
 * The scheme is plain HTTP whatever the ServiceMonitor says (no Istio certificates here) and the
 * interval the test's own.
 */
import type { K8sObject } from './validate.js';

/** A pod behind the ServiceMonitor's Service, with the loopback address of each named port. */
export interface ScrapedPod {
  readonly namespace: string;
  readonly service: string;
  readonly pod: string;
  readonly container: string;
  /** `host:port` by port name (the ServiceMonitor endpoint's `port`). */
  readonly ports: Readonly<Record<string, string>>;
}

interface Endpoint {
  readonly port: string;
  readonly path?: string;
  readonly honorLabels?: boolean;
}

export function scrapeConfigsOf(
  serviceMonitor: K8sObject,
  pods: readonly ScrapedPod[],
  intervalSeconds: number,
): Record<string, unknown>[] {
  const name = `${serviceMonitor.metadata.namespace}/${serviceMonitor.metadata.name}`;
  const namespaces = (serviceMonitor.spec.namespaceSelector?.matchNames ?? []) as string[];
  for (const p of pods) {
    if (!namespaces.includes(p.namespace)) {
      throw new Error(
        `ServiceMonitor ${name} selects namespaces ${namespaces.join(', ')}, not ${p.namespace} of pod ${p.pod}`,
      );
    }
  }
  const interval = `${intervalSeconds}s`;
  return (serviceMonitor.spec.endpoints as Endpoint[]).map((endpoint, index) => ({
    job_name: `serviceMonitor/${name}/${index}`,
    scrape_interval: interval,
    scrape_timeout: interval,
    honor_labels: endpoint.honorLabels ?? false,
    metrics_path: endpoint.path ?? '/metrics',
    scheme: 'http',
    static_configs: pods.map((p) => {
      const address = p.ports[endpoint.port];
      if (address === undefined)
        throw new Error(`pod ${p.pod} has no port '${endpoint.port}' that ServiceMonitor ${name} scrapes`);
      return {
        targets: [address],
        labels: {
          namespace: p.namespace,
          service: p.service,
          pod: p.pod,
          container: p.container,
          endpoint: endpoint.port,
          job: p.service,
        },
      };
    }),
  }));
}
