import { ApiObject } from 'cdk8s';
import type { Construct } from 'constructs';
import { SERVICE_PORT } from './agent-service.js';
import { RUNTIME_PORT } from './runtime-contract.js';
import { versionLabels, versionSelector, versionedName, type AgentIdentity } from './workload-names.js';

export interface VersionServiceProps extends AgentIdentity {
  /**
   * Namespace of the Service.
   * @default - none: the namespace of whoever applies the manifests
   */
  readonly namespace?: string;
  /** `ModelVersion.spec.version` of the pods it selects. */
  readonly version: string;
  /**
   * Port of the runtime containers behind it (their `http` port).
   * @default RUNTIME_PORT
   */
  readonly targetPort?: number;
}

/**
 * The Service of one version, `<model>-<version>`, selecting only that version's pods: what a Gateway API
 * HTTPRoute splits traffic between, and what an evaluation Job calls to reach exactly the candidate (or the
 * stable) whatever the traffic split. The API port only: the ServiceMonitor scrapes through the model's
 * Service, and a second Service with the metrics port would scrape every pod twice.
 */
export class VersionService extends ApiObject {
  public constructor(scope: Construct, id: string, props: VersionServiceProps) {
    super(scope, id, {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: {
        name: versionedName(props.model, props.version),
        namespace: props.namespace,
        labels: versionLabels(props, props.version),
      },
      spec: {
        type: 'ClusterIP',
        selector: versionSelector(props.model, props.version),
        ports: [{ name: 'http', port: SERVICE_PORT, targetPort: props.targetPort ?? RUNTIME_PORT }],
      },
    });
  }
}
