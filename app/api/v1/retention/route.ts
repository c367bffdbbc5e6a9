import { readJson, withApi } from '@/server/api/with-api';
import { getRetentionSettings, updateRetentionSettings } from '@/server/retention-policy/retention-settings';

export const GET = withApi(() => getRetentionSettings(), { roles: ['admin', 'auditor'] });
export const PUT = withApi(async ({ req, actor }) => updateRetentionSettings({ actor, input: await readJson(req) }), { roles: ['admin'] });
