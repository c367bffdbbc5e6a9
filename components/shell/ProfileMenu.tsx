'use client';

import Link from 'next/link';
import { signOut } from 'next-auth/react';
import { ThemeToggle } from './ThemeToggle';

export function ProfileMenu({ name, email }: { name: string; email: string }) {
  return (
    <div className="space-y-1">
      <Link href="/profile" className="block rounded-md px-2 py-1.5 hover:bg-zinc-50 dark:hover:bg-zinc-800/60">
        <span className="block truncate text-sm font-medium">{name}</span>
        <span className="block truncate text-xs text-zinc-500 dark:text-zinc-400">{email}</span>
      </Link>
      <div className="flex items-center justify-between px-1">
        <ThemeToggle />
        <button
          type="button"
          onClick={() => void signOut({ callbackUrl: '/login' })}
          className="shrink-0 rounded-md px-2 py-1 text-xs whitespace-nowrap text-zinc-600 hover:bg-zinc-100 dark:text-zinc-400 dark:hover:bg-zinc-800"
        >
          Sign out
        </button>
      </div>
    </div>
  );
}
