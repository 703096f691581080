import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { parseAllDocuments } from 'yaml';
import { evaluateRules } from '../../../crds/validation/cel.js';
import { REFERENCE_CRDS_DIR } from '../../support/reference-crds.js';

/** A rendered Kubernetes object. */
export interface K8sObject {
  apiVersion: string;
  kind: string;
  metadata: {
    name: string;
    namespace?: string;
    labels?: Record<string, string>;
    annotations?: Record<string, string>;
  };
  [key: string]: any;
}

const referenceDir = REFERENCE_CRDS_DIR;

/**
 * Upstream CRD schemas made strict: where a schema lists `properties` and does not preserve unknown
 * fields, anything else is an error. The API server would silently prune such a field, so a typo
 * would otherwise pass validation and then do nothing.
 */
function strict(schema: any): any {
  if (schema === null || typeof schema !== 'object') return schema;
  if (Array.isArray(schema)) return schema.map(strict);
  const out: any = {};
  for (const [key, value] of Object.entries(schema)) out[key] = strict(value);
  if (
    out.type === 'object' &&
    out.properties !== undefined &&
    out.additionalProperties === undefined &&
    out['x-kubernetes-preserve-unknown-fields'] !== true
  ) {
    out.additionalProperties = false;
  }
  return out;
}

let validators: Map<string, ValidateFunction> | undefined;
/** The upstream schemas as published, for their CEL rules (`x-kubernetes-validations`). */
const celSchemas = new Map<string, any>();

function customValidators(): Map<string, ValidateFunction> {
  if (validators) return validators;
  const ajv = new Ajv({
    strict: false,
    allErrors: true,
    // Upstream patterns are Go RE2; the only construct JavaScript lacks is the (?i) flag group.
    code: {
      regExp: ((pattern: string, flags: string) =>
        pattern.includes('(?i)')
          ? new RegExp(pattern.replaceAll('(?i)', ''), `${flags}i`)
          : new RegExp(pattern, flags)) as never,
    },
  });
  (addFormats as unknown as (a: Ajv) => void)(ajv);
  validators = new Map();
  for (const file of readdirSync(referenceDir).filter((f) => f.endsWith('.yaml'))) {
    for (const doc of parseAllDocuments(readFileSync(join(referenceDir, file), 'utf8'))) {
      const crd = doc.toJS() as any;
      if (crd?.kind !== 'CustomResourceDefinition') continue;
      for (const version of crd.spec.versions) {
        celSchemas.set(
          `${crd.spec.group}/${version.name}/${crd.spec.names.kind}`,
          version.schema.openAPIV3Schema,
        );
        const schema = strict(version.schema.openAPIV3Schema);
        // The type meta is implied by every CRD; ObjectMeta is validated by the API server itself.
        schema.properties = {
          ...schema.properties,
          apiVersion: { type: 'string' },
          kind: { type: 'string' },
          metadata: { type: 'object' },
        };
        validators.set(`${crd.spec.group}/${version.name}/${crd.spec.names.kind}`, ajv.compile(schema));
      }
    }
  }
  return validators;
}

/**
 * Validates an object of an upstream custom kind (Istio, VPA, prometheus-operator, Argo CD): its
 * OpenAPI schema, then the CEL rules the API server would run.
 */
export function validateCustom(obj: K8sObject): string[] {
  const key = `${obj.apiVersion}/${obj.kind}`;
  const validate = customValidators().get(key);
  if (!validate) return [`no upstream CRD schema for ${obj.apiVersion} ${obj.kind}`];
  const where = `${obj.kind}/${obj.metadata.name}`;
  if (validate(obj)) return evaluateRules(celSchemas.get(key), obj).map((e) => `${where}: ${e.text}`);
  return (validate.errors ?? []).map(
    (e) => `${where}${e.instancePath} ${e.message} ${JSON.stringify(e.params)}`,
  );
}

/** Whether an upstream schema exists for this apiVersion and kind. */
export function hasCustomSchema(obj: K8sObject): boolean {
  return customValidators().has(`${obj.apiVersion}/${obj.kind}`);
}

/** Validates a core Kubernetes object with kubernetes-models (its OpenAPI schema). */
export async function validateCore(obj: K8sObject): Promise<string[]> {
  const modulePath = `kubernetes-models/${obj.apiVersion}/${obj.kind}`;
  let Model: new (data: unknown) => { validate(): void };
  try {
    Model = ((await import(modulePath)) as Record<string, any>)[obj.kind];
  } catch (error) {
    return [`no kubernetes-models class for ${obj.apiVersion} ${obj.kind}: ${String(error)}`];
  }
  try {
    new Model(obj).validate();
    return [];
  } catch (error) {
    return [`${obj.kind}/${obj.metadata.name}: ${String(error)}`];
  }
}

/** Validates any rendered object: upstream CRD schema for custom kinds, kubernetes-models otherwise. */
export async function validateObject(obj: K8sObject): Promise<string[]> {
  return hasCustomSchema(obj) ? validateCustom(obj) : validateCore(obj);
}
