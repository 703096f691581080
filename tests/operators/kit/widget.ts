import type { KubeObject, ResourceType } from '../../../operators/kit/resource.js';
import type { KubeObject as FakeObject } from '../../support/fake-api-server/index.js';

/** A minimal namespaced custom resource with a status subresource, for exercising the kit on its own. */
export const WIDGET: ResourceType = {
  group: 'kit.test.suoke.life',
  version: 'v1',
  kind: 'Widget',
  plural: 'widgets',
};

export const WIDGET_CRD: FakeObject = {
  apiVersion: 'apiextensions.k8s.io/v1',
  kind: 'CustomResourceDefinition',
  metadata: { name: 'widgets.kit.test.suoke.life' },
  spec: {
    group: 'kit.test.suoke.life',
    names: { kind: 'Widget', plural: 'widgets', singular: 'widget', listKind: 'WidgetList' },
    scope: 'Namespaced',
    versions: [
      {
        name: 'v1',
        served: true,
        storage: true,
        subresources: { status: {} },
        schema: {
          openAPIV3Schema: {
            type: 'object',
            properties: {
              spec: { type: 'object', properties: { size: { type: 'integer' } } },
              status: {
                type: 'object',
                properties: {
                  observedSize: { type: 'integer' },
                  observedGeneration: { type: 'integer' },
                  conditions: {
                    type: 'array',
                    items: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true },
                  },
                },
              },
            },
          },
        },
      },
    ],
  },
};

/** Both the kit's and the fake's object shape (they differ only in how precisely managedFields is typed). */
export type Widget = KubeObject &
  FakeObject & {
    spec?: { size?: number };
    status?: { observedSize?: number; observedGeneration?: number; conditions?: unknown[] };
  };

export function widget(
  namespace: string,
  name: string,
  size = 1,
  labels: Record<string, string> = {},
): Widget {
  return {
    apiVersion: 'kit.test.suoke.life/v1',
    kind: 'Widget',
    metadata: { namespace, name, labels },
    spec: { size },
  };
}
