import type { KubernetesSettings, Resource } from '@/db/schema';
import type { Actor } from '../actor/actor';
import { requireResource } from '../resources/find-resource';
import { kubernetesSettingsOf } from '../resources/kubernetes-resource-for';
import { checkResourceAccess } from './check-resource-access';

/** A kubernetes resource the actor may open a session on now: its lists follow the same rule as its sessions. */
export async function requireUsableKubernetesResource(actor: Actor, resourceId: string): Promise<{ resource: Resource; settings: KubernetesSettings }> {
  const resource = await requireResource(resourceId);
  const settings = kubernetesSettingsOf(resource);
  await checkResourceAccess(actor, resource);
  return { resource, settings };
}
