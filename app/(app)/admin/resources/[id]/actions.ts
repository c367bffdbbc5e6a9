'use server';

import { z } from 'zod';
import { actionArg, defineAction } from '@/server/api/define-action';
import { AppError } from '@/server/errors/app-error';
import { deleteResource } from '@/server/resources/delete-resource';
import { updateResource } from '@/server/resources/update-resource';
import { RESOURCE_FIELDS, RESOURCE_FIELD_RENAMES, updateInputFromForm } from '../resource-form-data';

const resourcePages = (resourceId: string) => ['/admin/resources', `/admin/resources/${resourceId}`, '/resources', `/resources/${resourceId}`];

export const updateResourceAction = defineAction({
  roles: ['admin'],
  input: z.tuple([actionArg.id, actionArg.previous, actionArg.form]),
  run: async ({ actor, input: [resourceId, , form] }) => {
    const input = updateInputFromForm(form);
    // The update schema has no message of its own for an emptied database name.
    if (input.database === '')
      throw new AppError('VALIDATION', { userMessage: 'Check the highlighted fields.', fields: { database: ['Enter a database name'] } });
    const saved = await updateResource({ actor, resourceId, input });
    // A changed connection clears the stored secret: say so, or the next console just fails to sign in.
    const hasSecret = saved.hasPassword || saved.hasPrivateKey || saved.hasToken;
    return { ok: true, message: hasSecret ? 'Changes saved.' : 'Changes saved. No password or key is stored now: enter one before connecting.' };
  },
  fields: { shown: RESOURCE_FIELDS, rename: RESOURCE_FIELD_RENAMES },
  revalidate: ([resourceId]) => resourcePages(resourceId),
});

export const deleteResourceAction = defineAction({
  roles: ['admin'],
  input: z.tuple([actionArg.id]),
  run: ({ actor, input: [resourceId] }) => deleteResource({ actor, resourceId }),
  fields: { shown: [] },
  revalidate: ([resourceId]) => resourcePages(resourceId),
  redirect: () => '/admin/resources?deleted=1',
});
