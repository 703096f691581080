/** The platform's image rule: pinned to a version tag or a digest, never `latest` or untagged. */
import {
  assertPinnedImage,
  imageProblem,
  splitImage,
  unpinnedReason,
} from '../../charts-ts/constructs/image-rule.js';

const DIGEST = `sha256:${'a'.repeat(64)}`;

describe('unpinnedReason', () => {
  it.each([
    ['a version tag', 'ghcr.io/suoke-life/agent-runtime:0.1.0', undefined],
    ['a registry port and a version tag', 'localhost:5000/agent-runtime:0.1.0', undefined],
    ['a digest', `ghcr.io/suoke-life/agent-runtime@${DIGEST}`, undefined],
    ['a digest beside latest (the runtime pulls by digest)', `redis:latest@${DIGEST}`, undefined],
    ['no image', '', 'no-image'],
    ['no tag', 'ghcr.io/suoke-life/agent-runtime', 'no-tag'],
    ['a registry port but no tag', 'localhost:5000/agent-runtime', 'no-tag'],
    ['an empty tag', 'redis:', 'no-tag'],
    ['latest', 'redis:latest', 'moving-tag'],
    ['a short digest', 'redis@sha256:abc', 'bad-digest'],
  ])('%s', (_name, image, reason) => {
    expect(unpinnedReason(image)).toBe(reason);
  });

  it('words the problem quoting the image', () => {
    expect(imageProblem('redis')).toBe("image 'redis' has no tag (Kubernetes pulls :latest)");
    expect(imageProblem(undefined)).toBe('has no image');
    expect(imageProblem('redis:7.2')).toBeUndefined();
  });
});

describe('splitImage', () => {
  it('splits at the tag, not at a registry port', () => {
    expect(splitImage('localhost:5000/runtime:0.1.0')).toEqual({
      repository: 'localhost:5000/runtime',
      tag: '0.1.0',
    });
  });

  it.each(['localhost:5000/runtime', 'redis', `redis@${DIGEST}`])('refuses %s', (image) => {
    expect(() => splitImage(image)).toThrow(`image '${image}' is not repository:tag`);
  });
});

describe('assertPinnedImage', () => {
  it('accepts pinned images and refuses the rest', () => {
    expect(() => assertPinnedImage('image', 'registry:5000/team/app:1.2.3')).not.toThrow();
    expect(() => assertPinnedImage('image', `ghcr.io/app@sha256:${'a'.repeat(64)}`)).not.toThrow();
    expect(() => assertPinnedImage('image', 'registry:5000/team/app')).toThrow(/has no tag/);
  });
});
