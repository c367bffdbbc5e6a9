import Link from 'next/link';

export default function NotFound() {
  return (
    <div className="flex min-h-[60vh] flex-col items-center justify-center gap-2 text-center">
      <p className="text-sm font-medium text-indigo-600 dark:text-indigo-400">404</p>
      <h1 className="text-xl font-semibold">Page not found</h1>
      <p className="text-sm text-zinc-500">It may have moved, or you may not have access to it.</p>
      <Link href="/resources" className="mt-2 text-sm text-indigo-600 underline dark:text-indigo-400">
        Back to resources
      </Link>
    </div>
  );
}
