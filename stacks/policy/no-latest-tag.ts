import type { ResourceValidationPolicy } from '@pulumi/policy';
import { allContainers, podSpecOf } from './pod-spec.js';

/**
 * Why: a `:latest` (or untagged) image changes under a running Deployment, so a rollback restores
 * different code and two replicas of one version can run different builds.
 */
export const noLatestTag: ResourceValidationPolicy = {
  name: 'no-latest-image-tag',
  description: 'Container images are pinned to a version tag or digest; never ":latest" or untagged.',
  enforcementLevel: 'mandatory',
  validateResource: (args, reportViolation) => {
    const spec = podSpecOf(args.type, args.props);
    if (spec === undefined) return;
    for (const { field, container } of allContainers(spec)) {
      const problem = imageProblem(container.image);
      if (problem !== undefined)
        reportViolation(`${field}: ${problem}; pin a version such as repo:1.2.3 or repo@sha256:…`);
    }
  },
};

/** Why an image reference is not pinned, or undefined when it is. */
export function imageProblem(image: string | undefined): string | undefined {
  if (image === undefined || image === '') return 'has no image';
  if (image.includes('@sha256:')) return undefined;
  const lastSegment = image.slice(image.lastIndexOf('/') + 1);
  const colon = lastSegment.lastIndexOf(':');
  if (colon < 0) return `image '${image}' has no tag (Kubernetes pulls :latest)`;
  if (lastSegment.slice(colon + 1) === 'latest') return `image '${image}' uses the moving tag :latest`;
  return undefined;
}
