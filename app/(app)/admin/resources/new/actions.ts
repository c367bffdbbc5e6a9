'use server';

import { z } from 'zod';
import { actionArg, defineAction } from '@/server/api/define-action';
import { createResource } from '@/server/resources/create-resource';
import { RESOURCE_FIELDS, RESOURCE_FIELD_RENAMES, createInputFromForm } from '../resource-form-data';

export const createResourceAction = defineAction({
  roles: ['admin'],
  input: z.tuple([actionArg.previous, actionArg.form]),
  run: ({ actor, input: [, form] }) => createResource({ actor, input: createInputFromForm(form) }),
  fields: { shown: RESOURCE_FIELDS, rename: RESOURCE_FIELD_RENAMES },
  revalidate: ['/admin/resources', '/resources'],
  // An SSH host is not usable until its host key is pinned, and a cluster's page shows what its token may do: send the admin there first.
  redirect: (_input, created) =>
    created.type === 'ssh' || created.type === 'kubernetes' ? `/admin/resources/${created.id}?created=1` : `/admin/resources?created=${created.id}`,
});
