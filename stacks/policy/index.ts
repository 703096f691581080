/**
 * CrossGuard policy pack for the platform's Kubernetes resources:
 *
 *     pulumi preview --policy-pack stacks/policy
 *
 * Constructing the PolicyPack starts the policy server the Pulumi engine talks to, so this module
 * does nothing else; the policies themselves live in policies.ts.
 */
import { PolicyPack } from '@pulumi/policy';
import { POLICY_PACK_NAME, policies } from './policies.js';

new PolicyPack(POLICY_PACK_NAME, {
  description: 'Suoke ModelOps: GPU scheduling, restricted pod security, pinned images, disruption budgets.',
  policies,
});
