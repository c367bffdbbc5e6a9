import type { Actor } from '../actor/actor';
import type { ResourceView } from './resource-schemas';
import { requireResource } from './find-resource';
import { toResourceView } from './resource-view';

/** Any signed-in user may see a resource's catalogue entry (never its credentials). */
export async function getResource({ actor: _actor, resourceId }: { actor: Actor; resourceId: string }): Promise<ResourceView> {
  return toResourceView(await requireResource(resourceId));
}
