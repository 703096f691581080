/**
 * The platform's one rule for container images: every image is pinned to a version tag or a digest.
 *
 * Why: `:latest`, or no tag (which Kubernetes pulls as `:latest`), changes under a running
 * Deployment, so a rollback restores different code and two replicas of one version can run
 * different builds. The charts (at construction), the stack config and the policy pack all judge
 * images by this module; it imports nothing, so any other part of the repository can use it too.
 */

/** The tag that moves with every push. */
export const MOVING_TAG = 'latest';

/** How an image reference fails to be pinned. */
export type UnpinnedReason = 'no-image' | 'no-tag' | 'moving-tag' | 'bad-digest';

/** What a pinned reference looks like, for messages. */
export const PINNED_EXAMPLE = 'repo:1.2.3 or repo@sha256:…';

const DIGEST = /^sha256:[a-f0-9]{64}$/;

/**
 * Why `image` is not pinned, or `undefined` when it is.
 *
 * A digest pins the image whatever tag stands beside it (the runtime pulls by digest). Otherwise the
 * tag is what follows the last `:` of the last path segment, so a registry port
 * (`localhost:5000/runtime`) is not mistaken for a tag.
 *
 * @example unpinnedReason('ghcr.io/suoke-life/agent-runtime:0.1.0') // undefined
 * @example unpinnedReason('localhost:5000/agent-runtime') // 'no-tag'
 * @example unpinnedReason('redis:latest') // 'moving-tag'
 */
export function unpinnedReason(image: string | undefined): UnpinnedReason | undefined {
  if (image === undefined || image === '') return 'no-image';
  const at = image.indexOf('@');
  if (at >= 0) return DIGEST.test(image.slice(at + 1)) ? undefined : 'bad-digest';
  const lastSegment = image.slice(image.lastIndexOf('/') + 1);
  const colon = lastSegment.lastIndexOf(':');
  const tag = colon < 0 ? '' : lastSegment.slice(colon + 1);
  if (tag === '') return 'no-tag';
  return tag === MOVING_TAG ? 'moving-tag' : undefined;
}

/** Why `image` is not pinned, in words that quote it, or `undefined` when it is. */
export function imageProblem(image: string | undefined): string | undefined {
  switch (unpinnedReason(image)) {
    case undefined:
      return undefined;
    case 'no-image':
      return 'has no image';
    case 'no-tag':
      return `image '${image}' has no tag (Kubernetes pulls :${MOVING_TAG})`;
    case 'moving-tag':
      return `image '${image}' uses the moving tag :${MOVING_TAG}`;
    case 'bad-digest':
      return `image '${image}' has a malformed digest (want @sha256: and 64 hex digits)`;
  }
}

/**
 * Throws unless `image` is pinned ({@link unpinnedReason}); `field` names the prop it came from.
 *
 * @example assertPinnedImage('Redis redis.image', 'redis:latest')
 * // throws "Redis redis.image 'redis:latest' uses ':latest'; it must pin a version (repo:1.2.3 or repo@sha256:…) …"
 */
export function assertPinnedImage(field: string, image: string): void {
  const reason = unpinnedReason(image);
  if (reason === undefined) return;
  const problem =
    reason === 'moving-tag'
      ? `uses ':${MOVING_TAG}'`
      : reason === 'bad-digest'
        ? 'has a malformed digest (want @sha256: and 64 hex digits)'
        : 'has no tag';
  throw new Error(
    `${field} '${image}' ${problem}; it must pin a version (${PINNED_EXAMPLE}) so every pod runs the same build`,
  );
}

/**
 * Splits `repository:tag` at the tag's colon (not a registry port's).
 *
 * @example splitImage('localhost:5000/runtime:0.1.0') // { repository: 'localhost:5000/runtime', tag: '0.1.0' }
 */
export function splitImage(image: string): { readonly repository: string; readonly tag: string } {
  const colon = image.lastIndexOf(':');
  if (colon < 0 || colon < image.lastIndexOf('/') || image.includes('@')) {
    throw new Error(`image '${image}' is not repository:tag`);
  }
  return { repository: image.slice(0, colon), tag: image.slice(colon + 1) };
}
