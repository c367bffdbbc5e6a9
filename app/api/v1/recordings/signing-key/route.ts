import { errorResponse } from '@/server/api/with-api';
import { listSigningKeys } from '@/server/recording/signing/list-signing-keys';

export const dynamic = 'force-dynamic';

// Public keys are public: no sign-in, so anyone holding a bundle can fetch the key to pin.
export async function GET() {
  try {
    return Response.json(await listSigningKeys(), { headers: { 'cache-control': 'public, max-age=300' } });
  } catch (error) {
    return errorResponse(error);
  }
}
