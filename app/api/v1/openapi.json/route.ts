import { openApiDocument } from '@/server/api/openapi';
import { env } from '@/server/env';

export const dynamic = 'force-dynamic';

export function GET() {
  return Response.json(openApiDocument(env().publicUrl));
}
