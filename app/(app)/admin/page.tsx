import { redirect } from 'next/navigation';
import { requirePageActor } from '@/server/auth/require-page-actor';

export default async function AdminPage() {
  await requirePageActor('admin');
  redirect('/admin/users');
}
