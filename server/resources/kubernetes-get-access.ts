import { z } from 'zod';
import type { Actor } from '../actor/actor';
import { requireRole } from '../actor/require-role';
import { AppError } from '../errors/app-error';
import { requireResource } from './find-resource';
import { kubernetesEndpointFor } from './kubernetes-endpoint-for';
import { kubernetesAppError, kubernetesSettingsOf } from './kubernetes-resource-for';
import { reviewKubernetesAccess, type KubernetesAccessSummary } from './kubernetes-review-access';

export const kubernetesAccessView = z.object({
  checkedAt: z.string(),
  namespaces: z.array(z.object({ name: z.string(), canList: z.boolean(), canExec: z.boolean() })),
  rules: z.array(z.object({ verbs: z.array(z.string()), resources: z.array(z.string()) })),
});

/** What the stored token may do in the scope, asked of the cluster now (admins: it lists the token's rules). */
export async function getKubernetesAccess({ actor, resourceId }: { actor: Actor; resourceId: string }): Promise<KubernetesAccessSummary> {
  requireRole(actor, 'admin');
  const resource = await requireResource(resourceId);
  const settings = kubernetesSettingsOf(resource);
  try {
    return await reviewKubernetesAccess(kubernetesEndpointFor(resource), settings.namespaces);
  } catch (error) {
    // A review that fails now (token revoked since the save) is shown as the cluster's answer.
    if (error instanceof AppError) throw new AppError('UNAVAILABLE', { userMessage: error.userMessage });
    throw kubernetesAppError(error);
  }
}
