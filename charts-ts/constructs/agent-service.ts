import { ApiObject, JsonPatch, type ApiObjectMetadata } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { Construct } from 'constructs';
import { MANAGEMENT_PORT, MANAGEMENT_PORT_NAME, RUNTIME_PORT } from './runtime-contract.js';
import { assertDnsLabel, modelLabels, modelSelector, type AgentIdentity } from './workload-names.js';

/** Port of the per-model Service (plain HTTP inside the mesh; the sidecars add mTLS). */
export const SERVICE_PORT = 80;

export interface AgentServiceProps extends AgentIdentity {
  /**
   * Namespace of the Service.
   * @default - none: the namespace of whoever applies the manifests
   */
  readonly namespace?: string;
  /**
   * Port of the runtime containers behind it (their `http` port).
   * @default 8000
   */
  readonly targetPort?: number;
}

/**
 * The one Service of an agent's model, selecting the pods of every version by `app`. Splitting traffic between
 * versions is Istio's job (DestinationRule subsets on the `version` label), so canaries need no Service of their
 * own. The API port is named `http` so Istio treats the traffic as HTTP without guessing; the management port
 * (`http-metrics`, /metrics) is listed for the ServiceMonitor to scrape, and declared HTTP for the same reason:
 * the AuthorizationPolicy's path rule for Prometheus needs Istio to see HTTP there. Only Prometheus may reach it
 * (NetworkPolicy, AuthorizationPolicy).
 */
export class AgentService extends Construct {
  /** The Service name (the AIModel name). */
  public readonly name: string;
  /** The Service's in-cluster host: `<name>.<namespace>.svc.cluster.local`, or just `<name>` without a namespace. */
  public readonly host: string;
  public readonly service: kplus.Service;

  public constructor(scope: Construct, id: string, props: AgentServiceProps) {
    super(scope, id);
    assertDnsLabel('model (AIModel name)', props.model);
    this.name = props.model;
    this.host =
      props.namespace === undefined ? this.name : `${this.name}.${props.namespace}.svc.cluster.local`;
    const metadata: ApiObjectMetadata = {
      name: this.name,
      namespace: props.namespace,
      labels: modelLabels(props),
    };
    this.service = new kplus.Service(this, 'Service', {
      metadata,
      type: kplus.ServiceType.CLUSTER_IP,
      ports: [
        { name: 'http', port: SERVICE_PORT, targetPort: props.targetPort ?? RUNTIME_PORT },
        { name: MANAGEMENT_PORT_NAME, port: MANAGEMENT_PORT, targetPort: MANAGEMENT_PORT },
      ],
    });
    for (const [key, value] of Object.entries(modelSelector(props.model)))
      this.service.selectLabel(key, value);
    // cdk8s-plus always writes an empty externalIPs list; leave the field to the API server's default.
    ApiObject.of(this.service).addJsonPatch(JsonPatch.remove('/spec/externalIPs'));
  }
}
