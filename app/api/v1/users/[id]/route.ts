import { readJson, withApi } from '@/server/api/with-api';
import { AppError } from '@/server/errors/app-error';
import { findUserById } from '@/server/users/find-user';
import { updateUser } from '@/server/users/update-user';
import { updateUserInput } from '@/server/users/user-schemas';
import { toUserView } from '@/server/users/user-view';

export const GET = withApi(
  async ({ params }) => {
    const user = await findUserById(params.id ?? '');
    if (!user) throw new AppError('NOT_FOUND', { userMessage: 'No such user.' });
    return toUserView(user);
  },
  { roles: ['admin'] },
);
export const PATCH = withApi(
  async ({ req, actor, params }) => updateUser({ actor, userId: params.id ?? '', input: updateUserInput.parse(await readJson(req)) }),
  {
    roles: ['admin'],
  },
);
