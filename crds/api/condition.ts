/** The metav1.Condition shape, with the same validation Kubernetes puts on its own types. */
import { Type } from '@sinclair/typebox';
import { int, mapList, obj, str, strEnum } from './schema.js';

export const ConditionSchema = obj(
  {
    type: str({
      description: 'Type of condition in CamelCase, e.g. Ready.',
      maxLength: 316,
      pattern:
        '^([a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*/)?(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])$',
    }),
    status: strEnum(['True', 'False', 'Unknown'] as const, { description: 'Status of the condition.' }),
    observedGeneration: Type.Optional(
      int({
        description: 'The .metadata.generation the condition was set from.',
        minimum: 0,
        format: 'int64',
      }),
    ),
    lastTransitionTime: str({
      description: 'Last time the condition changed from one status to another (RFC 3339).',
      format: 'date-time',
    }),
    reason: str({
      description: 'Programmatic identifier of the last transition, in CamelCase.',
      minLength: 1,
      maxLength: 1024,
      pattern: '^[A-Za-z]([A-Za-z0-9_,:]*[A-Za-z0-9_])?$',
    }),
    message: str({ description: 'Human-readable details of the last transition.', maxLength: 32768 }),
  },
  { description: 'One aspect of the current state of this object.' },
);

/** `status.conditions`: a list keyed by type, as every Kubernetes API has it. */
export const conditionsSchema = (description: string) =>
  Type.Optional(mapList(ConditionSchema, ['type'], { description, maxItems: 16 }));

export const observedGenerationSchema = () =>
  Type.Optional(
    int({
      description: 'The .metadata.generation the controller last acted on.',
      minimum: 0,
      format: 'int64',
    }),
  );
