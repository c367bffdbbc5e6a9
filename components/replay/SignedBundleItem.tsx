/**
 * The export menu's signed bundle: a download once the recording is sealed and signed,
 * otherwise a line saying why there is none (a failed download would save an error as a file).
 */
export function SignedBundleItem({ href, status, signature }: { href: string; status: string; signature: { keyId: string } | null }) {
  if (signature) {
    return (
      <a href={href} download className="block rounded border-t border-zinc-100 px-2 py-1.5 hover:bg-zinc-100 dark:border-zinc-800 dark:hover:bg-zinc-800">
        Signed bundle (.tar)
        <span className="block text-xs text-zinc-500 dark:text-zinc-400">
          Verify offline: npx porthole-verify · key <span className="font-mono">{signature.keyId}</span>
        </span>
      </a>
    );
  }
  return (
    <p className="border-t border-zinc-100 px-2 py-1.5 text-zinc-500 dark:border-zinc-800 dark:text-zinc-400">
      Signed bundle
      <span className="block text-xs">
        {status === 'recording' ? 'Available once the session has ended.' : 'Not available: this recording was sealed without a signature.'}
      </span>
    </p>
  );
}
