/** Root schemas of the three kinds (the `openAPIV3Schema` of each CRD) and their TypeScript types. */
import { Type, type Static, type TSchema } from '@sinclair/typebox';
import type { IObjectMeta } from '@kubernetes-models/apimachinery/apis/meta/v1/ObjectMeta';
import { AIModelSpecSchema, AIModelStatusSchema } from './aimodel.js';
import { ConditionSchema } from './condition.js';
import { API_VERSION, type KindName } from './constants.js';
import { ModelRegistrySpecSchema, ModelRegistryStatusSchema } from './model-registry.js';
import { ModelVersionSpecSchema, ModelVersionStatusSchema } from './model-version.js';
import { obj, str } from './schema.js';

/**
 * `metadata` may only restrict name and generateName in a structural schema. AIModel names become
 * Service names (DNS labels) and prefixes of `<model>-<version>` object names, hence 40 characters.
 */
const metadataSchema = (nameMaxLength?: number) =>
  nameMaxLength === undefined
    ? Type.Unsafe<IObjectMeta>({ type: 'object' })
    : Type.Unsafe<IObjectMeta>({
        type: 'object',
        properties: {
          name: { type: 'string', maxLength: nameMaxLength, pattern: '^[a-z0-9]([-a-z0-9]*[a-z0-9])?$' },
        },
      });

const root = <S extends TSchema, T extends TSchema>(
  description: string,
  spec: S,
  status: T,
  nameMaxLength?: number,
) =>
  obj(
    {
      apiVersion: Type.Optional(
        str({ description: 'Versioned schema of this representation of an object.' }),
      ),
      kind: Type.Optional(str({ description: 'REST resource this object represents.' })),
      metadata: Type.Optional(metadataSchema(nameMaxLength)),
      spec,
      status: Type.Optional(status),
    },
    { description },
  );

export const AIModelSchema = root(
  'AIModel is one served model behind one agent API; its ModelVersions are canaried and promoted behind it.',
  AIModelSpecSchema,
  AIModelStatusSchema,
  40,
);
export const ModelVersionSchema = root(
  'ModelVersion is one version of one AIModel; creating it starts a canary rollout.',
  ModelVersionSpecSchema,
  ModelVersionStatusSchema,
);
export const ModelRegistrySchema = root(
  'ModelRegistry is where model artifacts and version metadata live.',
  ModelRegistrySpecSchema,
  ModelRegistryStatusSchema,
);

/** Root schema per kind. */
export const ROOT_SCHEMAS: Readonly<Record<KindName, TSchema>> = {
  AIModel: AIModelSchema,
  ModelVersion: ModelVersionSchema,
  ModelRegistry: ModelRegistrySchema,
};

type Resource<K extends string, S, T> = {
  apiVersion: typeof API_VERSION | string;
  kind: K;
  metadata: IObjectMeta;
  spec: S;
  status?: T;
};

export type AIModelSpec = Static<typeof AIModelSpecSchema>;
export type AIModelStatus = Static<typeof AIModelStatusSchema>;
export type ModelVersionSpec = Static<typeof ModelVersionSpecSchema>;
export type ModelVersionStatus = Static<typeof ModelVersionStatusSchema>;
export type ModelRegistrySpec = Static<typeof ModelRegistrySpecSchema>;
export type ModelRegistryStatus = Static<typeof ModelRegistryStatusSchema>;
export type Condition = Static<typeof ConditionSchema>;

export type AIModel = Resource<'AIModel', AIModelSpec, AIModelStatus>;
export type ModelVersion = Resource<'ModelVersion', ModelVersionSpec, ModelVersionStatus>;
export type ModelRegistry = Resource<'ModelRegistry', ModelRegistrySpec, ModelRegistryStatus>;
