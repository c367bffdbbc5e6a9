import { readJson, withApi } from '@/server/api/with-api';
import { createUser } from '@/server/users/create-user';
import { listUsers } from '@/server/users/list-users';
import { createUserInput } from '@/server/users/user-schemas';

export const GET = withApi(({ actor }) => listUsers({ actor }), { roles: ['admin'] });
export const POST = withApi(async ({ req, actor }) => createUser({ actor, input: createUserInput.parse(await readJson(req)) }), {
  roles: ['admin'],
  status: 201,
});
