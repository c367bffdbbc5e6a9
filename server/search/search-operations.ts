import { searchQuery } from '@/lib/search/search-types';
import { recordingSearchQuery } from './search-recording';

/** The search endpoints, for server/api/openapi.ts. */
export const searchOperations = [
  {
    method: 'get',
    path: '/search',
    summary:
      'Search commands, output lines (as the screen showed them, masked), SQL statements, HTTP requests (kind `sql`, as statements are) and notes across the recordings I may see (all for auditors and admins), grouped by recording with each hit\'s moment (t, seconds) and a highlighted snippet; words, "a phrase", a prefix or any substring of 3+ characters',
    tag: 'Search',
    query: searchQuery,
  },
  {
    method: 'get',
    path: '/recordings/{id}/search',
    summary: "Every hit in one recording, by time (the replay's find bar); same access as the replay",
    tag: 'Search',
    query: recordingSearchQuery,
  },
] as const;
