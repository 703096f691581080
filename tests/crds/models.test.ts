import { AIModel, ModelRegistry, ModelVersion } from '../../crds/models/ai.suoke.life/v1alpha1/index.js';
import { invalidExamples, validExamples } from './examples.js';

const classes = { AIModel, ModelVersion, ModelRegistry } as const;
type KindName = keyof typeof classes;

const construct = (object: { kind: string }) => new classes[object.kind as KindName](object as never);

describe('typed models (@kubernetes-models/base) from crds/models', () => {
  test.each(validExamples().map((e) => [e.file, e.object] as const))(
    '%s: validate() accepts it',
    (_file, object) => {
      const model = construct(object);
      expect(() => model.validate()).not.toThrow();
      expect(model.toJSON()).toMatchObject({
        apiVersion: 'ai.suoke.life/v1alpha1',
        kind: object.kind,
        spec: object.spec,
      });
    },
  );

  test.each([
    ['invalid/aimodel-unknown-framework.yaml', /framework/],
    ['invalid/aimodel-missing-engine.yaml', /engine/],
    ['invalid/modelversion-bad-version.yaml', /version/],
    ['invalid/modelregistry-unknown-type.yaml', /type/],
  ])('%s: validate() refuses it, naming the field', (file, field) => {
    const example = invalidExamples().find((e) => e.file === file)!;
    expect(() => construct(example.object).validate()).toThrow(field);
  });

  test('constructing sets apiVersion and kind', () => {
    const model = new ModelVersion({
      metadata: { name: 'xiaoai-v3' },
      spec: { modelRef: { name: 'xiaoai' }, version: 'v3', artifact: { uri: 'hf://suoke-life/xiaoai@v3' } },
    });
    expect(model.apiVersion).toBe('ai.suoke.life/v1alpha1');
    expect(model.kind).toBe('ModelVersion');
  });
});
