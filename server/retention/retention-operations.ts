import { z } from 'zod';
import { holdView, liftHoldInput, placeHoldInput } from './hold-schemas';
import { retentionSettingsInput } from '../retention-policy/retention-settings';

type RetentionOperation = {
  method: 'get' | 'post' | 'put' | 'delete';
  path: string;
  summary: string;
  tag: string;
  roles?: string;
  body?: z.ZodType;
  response?: z.ZodType;
  status?: number;
};

const tag = 'Retention';

/** Retention, legal holds and deleting a recording, spread into the OpenAPI list (server/api/openapi.ts). */
export const retentionOperations: RetentionOperation[] = [
  {
    method: 'get',
    path: '/retention',
    summary: 'Default retention in days (0 = forever) and whether owners may delete their recordings',
    tag,
    roles: 'admin, auditor',
    response: retentionSettingsInput,
  },
  {
    method: 'put',
    path: '/retention',
    summary: 'Change the default retention and owner deletion (audited)',
    tag,
    roles: 'admin',
    body: retentionSettingsInput,
    response: retentionSettingsInput,
  },
  { method: 'get', path: '/legal-holds', summary: 'Legal holds, active first', tag, roles: 'admin, auditor', response: z.array(holdView) },
  {
    method: 'post',
    path: '/legal-holds',
    summary: 'Hold a recording, or every recording of a user or resource: never purged or deleted while held (audited)',
    tag,
    roles: 'admin, auditor',
    body: placeHoldInput,
    response: z.object({ id: z.uuid() }),
    status: 201,
  },
  {
    method: 'post',
    path: '/legal-holds/{id}/lift',
    summary: 'Lift a legal hold, with a reason (audited)',
    tag,
    roles: 'admin, auditor',
    body: liftHoldInput,
    status: 204,
  },
  {
    method: 'delete',
    path: '/recordings/{id}',
    summary: 'Delete my own recording, when the installation allows it and no legal hold covers it (audited; a tombstone remains)',
    tag,
    status: 204,
  },
];
