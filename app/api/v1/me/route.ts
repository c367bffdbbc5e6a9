import { withApi } from '@/server/api/with-api';
import { findUserById } from '@/server/users/find-user';
import { toUserView } from '@/server/users/user-view';
import { AppError } from '@/server/errors/app-error';

export const GET = withApi(async ({ actor }) => {
  const user = await findUserById(actor.id);
  if (!user) throw new AppError('UNAUTHORIZED');
  return toUserView(user);
});
