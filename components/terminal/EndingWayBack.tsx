import Link from 'next/link';
import { buttonClass } from '../ui/Button';
import type { SessionEnding } from './session-ending';

/**
 * Where an ended session's banner leads back, for the terminal and the consoles alike: a new
 * request when the grant is over (connecting again would be refused), else the resource, or the
 * catalogue when the resource is gone. `linkClass` fits the link to its banner.
 */
export function EndingWayBack({ ending, resource, linkClass }: { ending: SessionEnding; resource: { id: string | null; name: string }; linkClass: string }) {
  if (resource.id && ending.nextStep === 'request-access') {
    return (
      <Link href={`/resources/${resource.id}`} className={buttonClass('secondary')}>
        Request access again
      </Link>
    );
  }
  return resource.id && ending.nextStep !== 'none' ? (
    <Link href={`/resources/${resource.id}`} className={linkClass}>
      Back to {resource.name}
    </Link>
  ) : (
    <Link href="/resources" className={linkClass}>
      Back to resources
    </Link>
  );
}
