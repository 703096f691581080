/**
 * Validation of built-in kinds: the OpenAPI schema of the kind (through kubernetes-models) plus the
 * semantic rules of the real server that clients most often trip over: a workload's selector must
 * select its pod template and is immutable, containers need a unique name and an image, a Service
 * needs ports. Failures are 422 Invalid with one cause per field, like the real server.
 */
import { Deployment } from 'kubernetes-models/apps/v1/Deployment';
import { ReplicaSet } from 'kubernetes-models/apps/v1/ReplicaSet';
import { StatefulSet } from 'kubernetes-models/apps/v1/StatefulSet';
import { HorizontalPodAutoscaler } from 'kubernetes-models/autoscaling/v2/HorizontalPodAutoscaler';
import { Job } from 'kubernetes-models/batch/v1/Job';
import { Lease } from 'kubernetes-models/coordination.k8s.io/v1/Lease';
import { Event as EventV1 } from 'kubernetes-models/events.k8s.io/v1/Event';
import { NetworkPolicy } from 'kubernetes-models/networking.k8s.io/v1/NetworkPolicy';
import { PodDisruptionBudget } from 'kubernetes-models/policy/v1/PodDisruptionBudget';
import { ClusterRole } from 'kubernetes-models/rbac.authorization.k8s.io/v1/ClusterRole';
import { ClusterRoleBinding } from 'kubernetes-models/rbac.authorization.k8s.io/v1/ClusterRoleBinding';
import { Role } from 'kubernetes-models/rbac.authorization.k8s.io/v1/Role';
import { RoleBinding } from 'kubernetes-models/rbac.authorization.k8s.io/v1/RoleBinding';
import { ConfigMap } from 'kubernetes-models/v1/ConfigMap';
import { Pod } from 'kubernetes-models/v1/Pod';
import { Secret } from 'kubernetes-models/v1/Secret';
import { Service } from 'kubernetes-models/v1/Service';
import { ServiceAccount } from 'kubernetes-models/v1/ServiceAccount';
import {
  JOB_CONTROLLER_UID_LABEL,
  JOB_NAME_LABEL,
  LEGACY_JOB_CONTROLLER_UID_LABEL,
  LEGACY_JOB_NAME_LABEL,
} from './builtin-defaults.js';
import { invalid, type StatusCause } from './errors.js';
import type { ResourceType } from './resource-registry.js';
import { deepEqual, isPlainObject, type KubeObject } from './types.js';

interface Validatable {
  validate(): void;
}
type ModelClass = new (data: any) => Validatable;

const MODELS: Readonly<Record<string, ModelClass>> = {
  'apps/Deployment': Deployment,
  'apps/ReplicaSet': ReplicaSet,
  'apps/StatefulSet': StatefulSet,
  'autoscaling/HorizontalPodAutoscaler': HorizontalPodAutoscaler,
  'batch/Job': Job,
  'coordination.k8s.io/Lease': Lease,
  'events.k8s.io/Event': EventV1,
  'networking.k8s.io/NetworkPolicy': NetworkPolicy,
  'policy/PodDisruptionBudget': PodDisruptionBudget,
  'rbac.authorization.k8s.io/ClusterRole': ClusterRole,
  'rbac.authorization.k8s.io/ClusterRoleBinding': ClusterRoleBinding,
  'rbac.authorization.k8s.io/Role': Role,
  'rbac.authorization.k8s.io/RoleBinding': RoleBinding,
  '/ConfigMap': ConfigMap,
  '/Pod': Pod,
  '/Secret': Secret,
  '/Service': Service,
  '/ServiceAccount': ServiceAccount,
};

interface AjvError {
  readonly instancePath: string;
  readonly keyword: string;
  readonly message?: string;
  readonly params: Record<string, unknown>;
}

function dotted(pointer: string): string {
  return pointer
    .split('/')
    .filter((s) => s !== '')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce((out, s) => (/^\d+$/.test(s) ? `${out}[${s}]` : out === '' ? s : `${out}.${s}`), '');
}

function valueAt(root: unknown, pointer: string): unknown {
  let node = root;
  for (const s of pointer.split('/').filter((p) => p !== '')) {
    node = isPlainObject(node) ? node[s] : Array.isArray(node) ? node[Number(s)] : undefined;
  }
  return node;
}

function schemaCauses(object: KubeObject, model: ModelClass): StatusCause[] {
  try {
    new model(object).validate();
    return [];
  } catch (error) {
    const errors = (error as { errors?: AjvError[] }).errors;
    if (!Array.isArray(errors)) throw error;
    return errors
      .filter((e) => e.keyword !== 'anyOf' && e.keyword !== 'oneOf')
      .map((e) => {
        if (e.keyword === 'required') {
          const field = dotted(`${e.instancePath}/${String(e.params['missingProperty'])}`);
          return { reason: 'FieldValueRequired', field, message: 'Required value' };
        }
        const field = dotted(e.instancePath);
        const value = JSON.stringify(valueAt(object, e.instancePath));
        return {
          reason: 'FieldValueInvalid',
          field,
          message: `Invalid value: ${value}: ${field} in body ${e.message ?? 'is invalid'}`,
        };
      });
  }
}

function selects(selector: unknown, labels: Record<string, string>): boolean {
  if (!isPlainObject(selector)) return false;
  const matchLabels = isPlainObject(selector['matchLabels'])
    ? (selector['matchLabels'] as Record<string, string>)
    : {};
  const expressions = Array.isArray(selector['matchExpressions'])
    ? (selector['matchExpressions'] as Record<string, unknown>[])
    : [];
  if (Object.keys(matchLabels).length === 0 && expressions.length === 0) return false;
  return (
    Object.entries(matchLabels).every(([k, v]) => labels[k] === v) &&
    expressions.every((e) => {
      const key = String(e['key']);
      const values = Array.isArray(e['values']) ? (e['values'] as string[]) : [];
      switch (e['operator']) {
        case 'In':
          return values.includes(labels[key]!);
        case 'NotIn':
          return !values.includes(labels[key]!);
        case 'Exists':
          return key in labels;
        case 'DoesNotExist':
          return !(key in labels);
        default:
          return false;
      }
    })
  );
}

function podSpecCauses(spec: unknown, path: string): StatusCause[] {
  if (!isPlainObject(spec)) return [];
  const causes: StatusCause[] = [];
  const seen = new Set<string>();
  for (const key of ['initContainers', 'containers']) {
    const list = Array.isArray(spec[key]) ? (spec[key] as unknown[]) : [];
    list.forEach((c, i) => {
      if (!isPlainObject(c)) return;
      const at = `${path}.${key}[${i}]`;
      const name = c['name'];
      if (typeof name !== 'string' || name === '')
        causes.push({ reason: 'FieldValueRequired', field: `${at}.name`, message: 'Required value' });
      else if (seen.has(name))
        causes.push({
          reason: 'FieldValueDuplicate',
          field: `${at}.name`,
          message: `Duplicate value: ${JSON.stringify(name)}`,
        });
      else seen.add(name);
      if (typeof c['image'] !== 'string' || c['image'] === '') {
        causes.push({ reason: 'FieldValueRequired', field: `${at}.image`, message: 'Required value' });
      }
    });
  }
  if (!Array.isArray(spec['containers']) || spec['containers'].length === 0) {
    causes.push({ reason: 'FieldValueRequired', field: `${path}.containers`, message: 'Required value' });
  }
  return causes;
}

function templateLabels(spec: Record<string, unknown>): Record<string, string> {
  const template = isPlainObject(spec['template']) ? spec['template'] : {};
  return (
    isPlainObject(template['metadata']) && isPlainObject(template['metadata']['labels'])
      ? template['metadata']['labels']
      : {}
  ) as Record<string, string>;
}

/** Fields of a Job that no update may change (ValidateJobSpecUpdate, Kubernetes 1.32). */
const IMMUTABLE_JOB_FIELDS = [
  'selector',
  'completionMode',
  'podFailurePolicy',
  'backoffLimitPerIndex',
  'managedBy',
  'successPolicy',
] as const;
/** What an update may change in the pod template of a Job that is suspended and never started. */
const SCHEDULING_DIRECTIVES = ['nodeSelector', 'tolerations', 'schedulingGates'] as const;

/**
 * The rules of ValidateJob and ValidateJobSpecUpdate (Kubernetes 1.32) that clients trip over: the pod
 * template restarts `Never` or `OnFailure`; a generated selector's labels are on the template with the
 * Job's name and uid; the selector selects the template; counts and deadlines are not negative; and on
 * update the selector, the template (but the scheduling directives of a suspended Job that never started),
 * completions and the modes are immutable.
 */
function jobCauses(object: KubeObject, old: KubeObject | undefined): StatusCause[] {
  const spec = isPlainObject(object['spec']) ? object['spec'] : {};
  const causes: StatusCause[] = [];
  const invalidField = (field: string, value: unknown, message: string) =>
    causes.push({
      reason: 'FieldValueInvalid',
      field,
      message: `Invalid value: ${JSON.stringify(value)}: ${message}`,
    });
  for (const field of [
    'parallelism',
    'completions',
    'activeDeadlineSeconds',
    'backoffLimit',
    'ttlSecondsAfterFinished',
  ]) {
    const value = spec[field];
    if (typeof value === 'number' && value < 0)
      invalidField(`spec.${field}`, value, 'must be greater than or equal to 0');
  }
  const completionMode = spec['completionMode'];
  if (completionMode !== undefined && completionMode !== 'NonIndexed' && completionMode !== 'Indexed') {
    causes.push({
      reason: 'FieldValueNotSupported',
      field: 'spec.completionMode',
      message: `Unsupported value: ${JSON.stringify(completionMode)}: supported values: "NonIndexed", "Indexed"`,
    });
  }
  const replacement = spec['podReplacementPolicy'];
  if (replacement !== undefined && replacement !== 'Failed' && replacement !== 'TerminatingOrFailed') {
    causes.push({
      reason: 'FieldValueNotSupported',
      field: 'spec.podReplacementPolicy',
      message: `Unsupported value: ${JSON.stringify(replacement)}: supported values: "Failed", "TerminatingOrFailed"`,
    });
  }
  const template = isPlainObject(spec['template']) ? spec['template'] : {};
  const podSpec = isPlainObject(template['spec']) ? template['spec'] : {};
  const restartPolicy = podSpec['restartPolicy'];
  if (restartPolicy === 'Always' || restartPolicy === undefined || restartPolicy === '') {
    causes.push({
      reason: 'FieldValueRequired',
      field: 'spec.template.spec.restartPolicy',
      message: 'Required value: valid values: "OnFailure", "Never"',
    });
  } else if (restartPolicy !== 'OnFailure' && restartPolicy !== 'Never') {
    causes.push({
      reason: 'FieldValueNotSupported',
      field: 'spec.template.spec.restartPolicy',
      message: `Unsupported value: ${JSON.stringify(restartPolicy)}: supported values: "OnFailure", "Never"`,
    });
  } else if (spec['podFailurePolicy'] !== undefined && restartPolicy !== 'Never') {
    invalidField(
      'spec.template.spec.restartPolicy',
      restartPolicy,
      'only "Never" is supported when podFailurePolicy is specified',
    );
  }
  causes.push(...podSpecCauses(podSpec, 'spec.template.spec'));
  const labels = templateLabels(spec);
  if (spec['manualSelector'] !== true && isPlainObject(spec['selector'])) {
    // Labels the registry generated (see builtin-defaults' generateJobSelector), checked as validateGeneratedSelector does.
    const oldLabels = old && isPlainObject(old['spec']) ? templateLabels(old['spec']) : undefined;
    const prefixed =
      oldLabels === undefined || (JOB_NAME_LABEL in oldLabels && JOB_CONTROLLER_UID_LABEL in oldLabels);
    const expected: Record<string, string> = {
      [LEGACY_JOB_CONTROLLER_UID_LABEL]: object.metadata.uid ?? '',
      [LEGACY_JOB_NAME_LABEL]: object.metadata.name ?? '',
      ...(prefixed
        ? {
            [JOB_CONTROLLER_UID_LABEL]: object.metadata.uid ?? '',
            [JOB_NAME_LABEL]: object.metadata.name ?? '',
          }
        : {}),
    };
    for (const [key, value] of Object.entries(expected)) {
      const field = `spec.template.metadata.labels[${key}]`;
      if (!(key in labels))
        causes.push({ reason: 'FieldValueRequired', field, message: `Required value: ${value}` });
      else if (labels[key] !== value) invalidField(field, labels, `must be '${value}'`);
    }
    if (!selects(spec['selector'], expected)) {
      invalidField('spec.selector', spec['selector'], '`selector` not auto-generated');
    }
  }
  if (!isPlainObject(spec['selector'])) {
    causes.push({ reason: 'FieldValueRequired', field: 'spec.selector', message: 'Required value' });
  } else if (!selects(spec['selector'], labels)) {
    invalidField('spec.template.metadata.labels', labels, '`selector` does not match template `labels`');
  }
  const oldSpec = old && isPlainObject(old['spec']) ? old['spec'] : undefined;
  if (oldSpec !== undefined) {
    for (const field of IMMUTABLE_JOB_FIELDS) {
      if (!deepEqual(oldSpec[field], spec[field]))
        invalidField(`spec.${field}`, spec[field], 'field is immutable');
    }
    if (!deepEqual(oldSpec['completions'], spec['completions'])) {
      invalidField('spec.completions', spec['completions'], 'field is immutable');
    }
    const oldStatus = old && isPlainObject(old['status']) ? old['status'] : {};
    const mutableScheduling = oldSpec['suspend'] === true && oldStatus['startTime'] === undefined;
    const comparable = (t: unknown): unknown => {
      if (!mutableScheduling || !isPlainObject(t)) return t;
      const { metadata: _metadata, ...rest } = t;
      const podSpec = isPlainObject(rest['spec']) ? { ...rest['spec'] } : {};
      for (const field of SCHEDULING_DIRECTIVES) delete podSpec[field];
      const affinity = isPlainObject(podSpec['affinity']) ? { ...podSpec['affinity'] } : undefined;
      if (affinity !== undefined) {
        delete affinity['nodeAffinity'];
        if (Object.keys(affinity).length === 0) delete podSpec['affinity'];
        else podSpec['affinity'] = affinity;
      }
      return { ...rest, spec: podSpec };
    };
    if (!deepEqual(comparable(oldSpec['template']), comparable(spec['template']))) {
      invalidField('spec.template', spec['template'], 'field is immutable');
    }
  }
  return causes;
}

function semanticCauses(type: ResourceType, object: KubeObject, old: KubeObject | undefined): StatusCause[] {
  const spec = isPlainObject(object['spec']) ? object['spec'] : {};
  const causes: StatusCause[] = [];
  if (type.group === 'apps') {
    const template = isPlainObject(spec['template']) ? spec['template'] : {};
    const labels = (
      isPlainObject(template['metadata']) && isPlainObject(template['metadata']['labels'])
        ? template['metadata']['labels']
        : {}
    ) as Record<string, string>;
    if (!selects(spec['selector'], labels)) {
      causes.push({
        reason: 'FieldValueInvalid',
        field: 'spec.template.metadata.labels',
        message: `Invalid value: ${JSON.stringify(labels)}: \`selector\` does not match template \`labels\``,
      });
    }
    const oldSpec = old && isPlainObject(old['spec']) ? old['spec'] : undefined;
    if (oldSpec && !deepEqual(oldSpec['selector'], spec['selector'])) {
      causes.push({
        reason: 'FieldValueInvalid',
        field: 'spec.selector',
        message: `Invalid value: ${JSON.stringify(spec['selector'])}: field is immutable`,
      });
    }
    causes.push(...podSpecCauses(template['spec'], 'spec.template.spec'));
  }
  if (type.group === 'batch' && type.kind === 'Job') causes.push(...jobCauses(object, old));
  if (type.group === '' && type.kind === 'Pod') causes.push(...podSpecCauses(spec, 'spec'));
  if (type.group === '' && type.kind === 'Service') {
    const headless = spec['clusterIP'] === 'None' || spec['type'] === 'ExternalName';
    if (!headless && (!Array.isArray(spec['ports']) || spec['ports'].length === 0)) {
      causes.push({ reason: 'FieldValueRequired', field: 'spec.ports', message: 'Required value' });
    }
  }
  return causes;
}

/** Validates a built-in object (already defaulted); throws 422 Invalid listing every bad field. */
export function validateBuiltin(type: ResourceType, object: KubeObject, old: KubeObject | undefined): void {
  const model = MODELS[`${type.group}/${type.kind}`];
  const causes = [...(model ? schemaCauses(object, model) : []), ...semanticCauses(type, object, old)];
  const unique = causes.filter(
    (c, i) => causes.findIndex((d) => d.field === c.field && d.message === c.message) === i,
  );
  if (unique.length > 0) throw invalid(type.group, type.kind, object.metadata.name ?? '', unique);
}
