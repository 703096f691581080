/**
 * The defaults the real API server fills into built-in kinds on every create and update (the
 * `SetDefaults_*` functions of k8s.io/kubernetes/pkg/apis/*), abridged to the kinds and fields our
 * workloads use. They matter to clients: code that compares what it wants with what it reads must
 * cope with them, so the fake shows them exactly as a real cluster does (including the famous
 * `creationTimestamp: null` in pod templates).
 */
import { isPlainObject, type KubeObject } from './types.js';

type Obj = Record<string, unknown>;

function obj(parent: Obj, key: string): Obj {
  if (!isPlainObject(parent[key])) parent[key] = {};
  return parent[key] as Obj;
}

function setDefault(target: Obj, key: string, value: unknown): void {
  if (target[key] === undefined || target[key] === null) target[key] = value;
}

function defaultProbe(probe: unknown): void {
  if (!isPlainObject(probe)) return;
  setDefault(probe, 'timeoutSeconds', 1);
  setDefault(probe, 'periodSeconds', 10);
  setDefault(probe, 'successThreshold', 1);
  setDefault(probe, 'failureThreshold', 3);
  if (isPlainObject(probe['httpGet'])) setDefault(probe['httpGet'], 'scheme', 'HTTP');
}

function defaultContainer(c: unknown, pod: boolean): void {
  if (!isPlainObject(c)) return;
  setDefault(c, 'terminationMessagePath', '/dev/termination-log');
  setDefault(c, 'terminationMessagePolicy', 'File');
  if (c['imagePullPolicy'] === undefined) {
    const image = String(c['image'] ?? '');
    const tag = image.includes('@') ? 'digest' : /:[^/:]+$/.exec(image)?.[0].slice(1);
    c['imagePullPolicy'] = tag === undefined || tag === 'latest' ? 'Always' : 'IfNotPresent';
  }
  for (const port of Array.isArray(c['ports']) ? c['ports'] : [])
    if (isPlainObject(port)) setDefault(port, 'protocol', 'TCP');
  for (const probe of ['livenessProbe', 'readinessProbe', 'startupProbe']) defaultProbe(c[probe]);
  const resources = c['resources'];
  if (pod && isPlainObject(resources) && isPlainObject(resources['limits'])) {
    // Requests default to limits for resources that have a limit but no request: on Pods only, never
    // on pod templates (SetDefaults_Pod: "we only want this defaulting semantic to take place on a
    // v1.Pod and not a v1.PodTemplate"), so a Deployment keeps exactly the requests it was given.
    const requests = obj(resources, 'requests');
    for (const [name, value] of Object.entries(resources['limits'])) setDefault(requests, name, value);
  }
  for (const env of Array.isArray(c['env']) ? c['env'] : []) {
    const fieldRef =
      isPlainObject(env) && isPlainObject(env['valueFrom']) ? env['valueFrom']['fieldRef'] : undefined;
    if (isPlainObject(fieldRef)) setDefault(fieldRef, 'apiVersion', 'v1');
  }
}

function defaultPodSpec(spec: Obj, pod: boolean): void {
  setDefault(spec, 'restartPolicy', 'Always');
  setDefault(spec, 'terminationGracePeriodSeconds', 30);
  setDefault(spec, 'dnsPolicy', 'ClusterFirst');
  setDefault(spec, 'securityContext', {});
  setDefault(spec, 'schedulerName', 'default-scheduler');
  for (const key of ['containers', 'initContainers']) {
    for (const c of Array.isArray(spec[key]) ? spec[key] : []) defaultContainer(c, pod);
  }
  for (const volume of Array.isArray(spec['volumes']) ? spec['volumes'] : []) {
    if (!isPlainObject(volume)) continue;
    for (const source of ['secret', 'configMap', 'downwardAPI', 'projected']) {
      if (isPlainObject(volume[source])) setDefault(volume[source], 'defaultMode', 420);
    }
  }
}

function defaultPodTemplate(template: unknown): void {
  if (!isPlainObject(template)) return;
  // The real server serialises the template's zero creationTimestamp as null.
  const metadata = obj(template, 'metadata');
  if (!('creationTimestamp' in metadata)) metadata['creationTimestamp'] = null;
  defaultPodSpec(obj(template, 'spec'), false);
}

function defaultWorkload(kind: string, spec: Obj): void {
  setDefault(spec, 'replicas', 1);
  setDefault(spec, 'revisionHistoryLimit', 10);
  if (kind === 'Deployment') {
    setDefault(spec, 'progressDeadlineSeconds', 600);
    const strategy = obj(spec, 'strategy');
    setDefault(strategy, 'type', 'RollingUpdate');
    if (strategy['type'] === 'RollingUpdate') {
      const rolling = obj(strategy, 'rollingUpdate');
      setDefault(rolling, 'maxUnavailable', '25%');
      setDefault(rolling, 'maxSurge', '25%');
    }
  }
  if (kind === 'StatefulSet') {
    setDefault(spec, 'podManagementPolicy', 'OrderedReady');
    const strategy = obj(spec, 'updateStrategy');
    setDefault(strategy, 'type', 'RollingUpdate');
    if (strategy['type'] === 'RollingUpdate') setDefault(obj(strategy, 'rollingUpdate'), 'partition', 0);
    setDefault(spec, 'persistentVolumeClaimRetentionPolicy', { whenDeleted: 'Retain', whenScaled: 'Retain' });
  }
  defaultPodTemplate(spec['template']);
}

/** The batch/v1 labels (and their legacy, unprefixed twins) the API server puts on a Job's pod template. */
export const JOB_NAME_LABEL = 'batch.kubernetes.io/job-name';
export const JOB_CONTROLLER_UID_LABEL = 'batch.kubernetes.io/controller-uid';
export const LEGACY_JOB_NAME_LABEL = 'job-name';
export const LEGACY_JOB_CONTROLLER_UID_LABEL = 'controller-uid';

/**
 * SetDefaults_Job (Kubernetes 1.32, pkg/apis/batch/v1): one completion at a time unless told otherwise,
 * six retries, NonIndexed, not suspended, pods replaced once terminating or failed (once failed with a
 * podFailurePolicy), `manualSelector: false`; the Job takes its pod template's labels when it has none of
 * its own. On create the registry then generates the selector (jobStrategy.PrepareForCreate,
 * generateSelector): the template gets `job-name` and `controller-uid` labels in both the legacy and the
 * `batch.kubernetes.io/` forms (unless it has them), and the selector matches
 * `batch.kubernetes.io/controller-uid` alone.
 */
function defaultJob(object: KubeObject, spec: Obj, old: KubeObject | undefined): void {
  if (spec['completions'] === undefined && spec['parallelism'] === undefined) {
    spec['completions'] = 1;
    spec['parallelism'] = 1;
  }
  setDefault(spec, 'parallelism', 1);
  setDefault(spec, 'backoffLimit', spec['backoffLimitPerIndex'] !== undefined ? 2147483647 : 6);
  const template = isPlainObject(spec['template']) ? spec['template'] : undefined;
  const templateLabels =
    template && isPlainObject(template['metadata']) && isPlainObject(template['metadata']['labels'])
      ? (template['metadata']['labels'] as Record<string, string>)
      : undefined;
  if (templateLabels !== undefined && Object.keys(object.metadata.labels ?? {}).length === 0) {
    object.metadata.labels = { ...templateLabels };
  }
  setDefault(spec, 'completionMode', 'NonIndexed');
  setDefault(spec, 'suspend', false);
  const failurePolicy = spec['podFailurePolicy'];
  if (isPlainObject(failurePolicy) && Array.isArray(failurePolicy['rules'])) {
    for (const rule of failurePolicy['rules']) {
      const patterns =
        isPlainObject(rule) && Array.isArray(rule['onPodConditions']) ? rule['onPodConditions'] : [];
      for (const pattern of patterns) if (isPlainObject(pattern)) setDefault(pattern, 'status', 'True');
    }
  }
  setDefault(spec, 'podReplacementPolicy', failurePolicy !== undefined ? 'Failed' : 'TerminatingOrFailed');
  setDefault(spec, 'manualSelector', false);
  defaultPodTemplate(spec['template']);
  if (old === undefined && spec['manualSelector'] !== true) generateJobSelector(object, spec);
}

function generateJobSelector(object: KubeObject, spec: Obj): void {
  const metadata = obj(obj(spec, 'template'), 'metadata');
  const labels = obj(metadata, 'labels') as Record<string, string>;
  const name = object.metadata.name ?? '';
  const uid = object.metadata.uid ?? '';
  // A label the client set itself is kept; validation refuses it when it is wrong.
  for (const key of [LEGACY_JOB_NAME_LABEL, JOB_NAME_LABEL]) setDefault(labels, key, name);
  for (const key of [LEGACY_JOB_CONTROLLER_UID_LABEL, JOB_CONTROLLER_UID_LABEL]) setDefault(labels, key, uid);
  const matchLabels = obj(obj(spec, 'selector'), 'matchLabels') as Record<string, string>;
  setDefault(matchLabels, JOB_CONTROLLER_UID_LABEL, uid);
}

/** A stable cluster IP for a Service name (the fake has no allocator; stable keeps updates no-ops). */
function clusterIpFor(namespace: string, name: string): string {
  let h = 0;
  for (const ch of `${namespace}/${name}`) h = (h * 31 + ch.charCodeAt(0)) >>> 0;
  return `10.96.${(h >>> 8) & 0xff}.${(h & 0xfd) + 2}`;
}

function defaultService(object: KubeObject, spec: Obj, old: KubeObject | undefined): void {
  setDefault(spec, 'type', 'ClusterIP');
  setDefault(spec, 'sessionAffinity', 'None');
  if (spec['type'] !== 'ExternalName') {
    const oldSpec = old && isPlainObject(old['spec']) ? old['spec'] : {};
    // The allocated IP is kept across updates, as on the real server.
    const ip =
      spec['clusterIP'] ??
      oldSpec['clusterIP'] ??
      clusterIpFor(object.metadata.namespace ?? '', object.metadata.name ?? '');
    spec['clusterIP'] = ip;
    setDefault(spec, 'clusterIPs', ip === 'None' ? ['None'] : [ip]);
    setDefault(spec, 'ipFamilies', ['IPv4']);
    setDefault(spec, 'ipFamilyPolicy', 'SingleStack');
    setDefault(spec, 'internalTrafficPolicy', 'Cluster');
  }
  for (const port of Array.isArray(spec['ports']) ? spec['ports'] : []) {
    if (!isPlainObject(port)) continue;
    setDefault(port, 'protocol', 'TCP');
    setDefault(port, 'targetPort', port['port']);
  }
  if (object['status'] === undefined) object['status'] = { loadBalancer: {} };
}

function defaultHpa(spec: Obj): void {
  setDefault(spec, 'minReplicas', 1);
  if (!Array.isArray(spec['metrics']) || spec['metrics'].length === 0) {
    spec['metrics'] = [
      {
        type: 'Resource',
        resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 80 } },
      },
    ];
  }
  const behavior = spec['behavior'];
  if (!isPlainObject(behavior)) return;
  const up = obj(behavior, 'scaleUp');
  setDefault(up, 'stabilizationWindowSeconds', 0);
  setDefault(up, 'selectPolicy', 'Max');
  setDefault(up, 'policies', [
    { type: 'Pods', value: 4, periodSeconds: 15 },
    { type: 'Percent', value: 100, periodSeconds: 15 },
  ]);
  const down = obj(behavior, 'scaleDown');
  setDefault(down, 'stabilizationWindowSeconds', 300);
  setDefault(down, 'selectPolicy', 'Max');
  setDefault(down, 'policies', [{ type: 'Percent', value: 100, periodSeconds: 15 }]);
}

function defaultNetworkPolicy(spec: Obj): void {
  if (!Array.isArray(spec['policyTypes']) || spec['policyTypes'].length === 0) {
    spec['policyTypes'] =
      Array.isArray(spec['egress']) && spec['egress'].length > 0 ? ['Ingress', 'Egress'] : ['Ingress'];
  }
  for (const rules of [spec['ingress'], spec['egress']]) {
    for (const rule of Array.isArray(rules) ? rules : []) {
      for (const port of isPlainObject(rule) && Array.isArray(rule['ports']) ? rule['ports'] : []) {
        if (isPlainObject(port)) setDefault(port, 'protocol', 'TCP');
      }
    }
  }
}

/** Fills the server-side defaults of a built-in kind into `object` (in place). */
export function applyBuiltinDefaults(
  group: string,
  kind: string,
  object: KubeObject,
  old: KubeObject | undefined,
): void {
  const spec = isPlainObject(object['spec']) ? object['spec'] : undefined;
  if (group === 'apps' && spec) defaultWorkload(kind, spec);
  else if (group === 'batch' && kind === 'Job' && spec) defaultJob(object, spec, old);
  else if (group === '' && kind === 'Pod' && spec) defaultPodSpec(spec, true);
  else if (group === '' && kind === 'Service' && spec) defaultService(object, spec, old);
  else if (group === '' && kind === 'Secret') setDefault(object, 'type', 'Opaque');
  else if (group === '' && kind === 'Namespace') {
    object.metadata.labels = {
      ...object.metadata.labels,
      'kubernetes.io/metadata.name': object.metadata.name!,
    };
    setDefault(obj(object, 'spec'), 'finalizers', ['kubernetes']);
  } else if (group === 'autoscaling' && kind === 'HorizontalPodAutoscaler' && spec) defaultHpa(spec);
  else if (group === 'networking.k8s.io' && kind === 'NetworkPolicy' && spec) defaultNetworkPolicy(spec);
}
