'use client';

export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  // Never show the error itself: it may carry server details. The digest is in the server log.
  return (
    <div className="flex min-h-[60vh] flex-col items-center justify-center gap-2 text-center">
      <h1 className="text-xl font-semibold">Something went wrong</h1>
      <p className="text-sm text-zinc-500">The error was logged on the server. Try again in a moment.</p>
      <button type="button" onClick={reset} className="mt-2 rounded-md border border-zinc-300 px-3 py-1.5 text-sm dark:border-zinc-700">
        Try again
      </button>
    </div>
  );
}
