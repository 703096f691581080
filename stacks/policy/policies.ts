/** The policies of the pack, importable without starting the policy server (tests use this). */
import type { Policies } from '@pulumi/policy';
import { deploymentPdb } from './deployment-pdb.js';
import { gpuWorkloads } from './gpu-workloads.js';
import { noLatestTag } from './no-latest-tag.js';
import { restrictedPodSecurity } from './restricted-pod-security.js';

export const POLICY_PACK_NAME = 'suoke-kubernetes';

export const policies: Policies = [gpuWorkloads, restrictedPodSecurity, noLatestTag, deploymentPdb];
