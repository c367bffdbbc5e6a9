import { withApi } from '@/server/api/with-api';
import { listMaskingRules } from '@/server/masking/rules-store/masking-rules';

export const GET = withApi(({ actor }) => listMaskingRules({ actor }), { roles: ['admin'] });
