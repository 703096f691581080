/** ModelRegistry: where artifacts and version metadata live. */
import { Type, type Static } from '@sinclair/typebox';
import { conditionsSchema, observedGenerationSchema } from './condition.js';
import { REGISTRY_TYPES } from './constants.js';
import { bool, duration, int, list, localRef, num, obj, str, strEnum } from './schema.js';

export const TrackedModelSchema = obj(
  {
    name: str({
      description: 'Repository (oci), registered model (mlflow) or path (http) in the registry.',
      minLength: 1,
      maxLength: 512,
    }),
    modelRef: Type.Optional(localRef('AIModel that discovered versions belong to.')),
    tags: Type.Optional(
      list(str({ description: 'A tag or version to track.', maxLength: 128 }), {
        description: 'Tags (oci) or versions to track; all when empty.',
        maxItems: 64,
      }),
    ),
    aliases: Type.Optional(
      list(str({ description: 'An alias or stage, e.g. champion.', maxLength: 128 }), {
        description: 'Aliases or stages to track (mlflow).',
        maxItems: 16,
      }),
    ),
  },
  { description: 'A model whose versions are tracked.' },
);

export const ModelRegistrySpecSchema = obj(
  {
    type: strEnum(REGISTRY_TYPES, {
      description:
        'Protocol: oci (OCI distribution registry), mlflow (MLflow tracking server), http (plain HTTP index).',
    }),
    url: str({
      description: 'Base URL of the registry, e.g. https://registry.example.com or http://mlflow.mlops:5000.',
      minLength: 1,
      maxLength: 2048,
      pattern: '^https?://[^\\s/]+(/[^\\s]*)?$',
    }),
    auth: Type.Optional(
      obj(
        {
          secretRef: localRef(
            'Secret with username and password, or token (keys: username, password, token).',
          ),
        },
        { description: 'Credentials, only from a Secret.' },
      ),
    ),
    tls: Type.Optional(
      obj(
        {
          caBundle: Type.Optional(
            str({ description: 'PEM CA certificates to trust for this registry.', maxLength: 65536 }),
          ),
          insecure: Type.Optional(
            bool({
              description: 'Skip certificate verification. Only for tests; never in production.',
              default: false,
            }),
          ),
        },
        {
          description: 'TLS settings.',
          rules: [
            {
              rule: '!(has(self.caBundle) && self.insecure)',
              message: 'tls.caBundle and tls.insecure contradict each other; set one',
            },
          ],
        },
      ),
    ),
    sync: Type.Optional(
      obj(
        {
          interval: Type.Optional(
            duration({ description: 'Time between syncs. Defaults to 5m.', default: '5m' }),
          ),
          models: Type.Optional(list(TrackedModelSchema, { description: 'Models to track.', maxItems: 64 })),
          autoCreateVersions: Type.Optional(
            bool({
              description:
                'Create a ModelVersion (which starts a rollout) for each new version found. Defaults to false.',
              default: false,
            }),
          ),
        },
        {
          description: 'What to discover in the registry, and how often.',
          rules: [
            {
              rule: '!self.autoCreateVersions || (has(self.models) && size(self.models) > 0 && self.models.all(m, has(m.modelRef)))',
              message:
                'autoCreateVersions needs models, each with a modelRef naming the AIModel to create versions for',
              fieldPath: '.autoCreateVersions',
            },
          ],
        },
      ),
    ),
    retry: Type.Optional(
      obj(
        {
          initialBackoff: Type.Optional(
            duration({ description: 'First wait after a failure. Defaults to 1s.', default: '1s' }),
          ),
          maxBackoff: Type.Optional(
            duration({ description: 'Longest wait between attempts. Defaults to 5m.', default: '5m' }),
          ),
          factor: Type.Optional(
            num({ description: 'Backoff multiplier. Defaults to 2.', default: 2, minimum: 1, maximum: 10 }),
          ),
        },
        {
          description: 'Backoff between failed probes and syncs.',
          rules: [
            {
              rule: 'duration(self.initialBackoff) <= duration(self.maxBackoff)',
              message: 'retry.initialBackoff must be less than or equal to retry.maxBackoff',
              fieldPath: '.initialBackoff',
            },
          ],
        },
      ),
    ),
    timeout: Type.Optional(
      duration({ description: 'Timeout of one request to the registry. Defaults to 10s.', default: '10s' }),
    ),
  },
  { description: 'Desired state of the ModelRegistry.' },
);

export const DiscoveredVersionSchema = obj(
  {
    model: str({ description: 'Tracked model name.', maxLength: 512 }),
    version: str({ description: 'Version found.', maxLength: 128 }),
    uri: str({ description: 'Artifact URI of that version.', maxLength: 2048 }),
    digest: Type.Optional(str({ description: 'Its digest, when known.', maxLength: 128 })),
    discoveredAt: str({ description: 'When it was first seen (RFC 3339).', format: 'date-time' }),
  },
  { description: 'A version found in the registry.' },
);

export const ModelRegistryStatusSchema = obj(
  {
    observedGeneration: observedGenerationSchema(),
    lastProbeTime: Type.Optional(
      str({ description: 'When the registry was last probed (RFC 3339).', format: 'date-time' }),
    ),
    lastSyncTime: Type.Optional(
      str({ description: 'When the last sync finished (RFC 3339).', format: 'date-time' }),
    ),
    latencyMs: Type.Optional(int({ description: 'Latency of the last probe, in milliseconds.', minimum: 0 })),
    lastError: Type.Optional(str({ description: 'Last error, without credentials.', maxLength: 4096 })),
    consecutiveFailures: Type.Optional(int({ description: 'Failed probes in a row.', minimum: 0 })),
    discoveredVersions: Type.Optional(
      list(DiscoveredVersionSchema, { description: 'Versions found, newest first.', maxItems: 200 }),
    ),
    conditions: conditionsSchema('Connected and Synced.'),
  },
  { description: 'Observed state of the registry.' },
);

export type TrackedModel = Static<typeof TrackedModelSchema>;
export type DiscoveredVersion = Static<typeof DiscoveredVersionSchema>;
