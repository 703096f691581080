import type { ResourceValidationPolicy } from '@pulumi/policy';
import { imageProblem, PINNED_EXAMPLE } from '../../charts-ts/constructs/image-rule.js';
import { allContainers, podSpecOf } from './pod-spec.js';

/**
 * Why: a `:latest` (or untagged) image changes under a running Deployment, so a rollback restores
 * different code and two replicas of one version can run different builds. The rule itself is
 * the stack config's too (charts-ts/constructs/image-rule.ts).
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
        reportViolation(`${field}: ${problem}; pin a version such as ${PINNED_EXAMPLE}`);
    }
  },
};
