import { describe, expect, it } from 'vitest';
import { folderCycleProblems, folderCycles, folderEdges, serverPart } from './folder-cycles.mjs';

/** dependency-cruiser's `output.modules`, from `file: [imports]`. */
const modules = (graph: Record<string, string[]>) =>
  Object.entries(graph).map(([source, imports]) => ({ source, dependencies: imports.map((resolved) => ({ resolved })) }));

describe('folder cycles among the parts of server/', () => {
  it('collapses files to their top-level folder and keeps one file → file import per arrow', () => {
    const edges = folderEdges(
      modules({
        'server/access/enforce-grants.ts': ['server/sessions/terminate-sessions.ts', 'server/access/policy.ts', 'lib/format/plural.ts'],
        'server/access/policy.ts': ['server/env.ts'],
        'app/api/x/route.ts': ['server/access/policy.ts'],
      }),
    );
    expect([...edges.entries()]).toEqual([
      ['server/access → server/sessions', ['server/access/enforce-grants.ts → server/sessions/terminate-sessions.ts']],
      ['server/access → server/env.ts', ['server/access/policy.ts → server/env.ts']],
    ]);
    expect(serverPart('server/index.ts')).toBe('server/index.ts');
    expect(serverPart('lib/format/plural.ts')).toBeNull();
  });

  it('reports a cycle between folders that no file-level cycle shows, and each cycle once', () => {
    // No file imports itself back, yet access → sessions → access.
    const edges = folderEdges(
      modules({
        'server/access/enforce-grants.ts': ['server/sessions/terminate-sessions.ts'],
        'server/sessions/check-resource-access.ts': ['server/access/can-connect.ts'],
        'server/sessions/create-session.ts': ['server/audit/record-audit-event.ts'],
      }),
    );
    expect(folderCycles(edges)).toEqual([
      [
        ['server/access', 'server/sessions'],
        ['server/sessions', 'server/access'],
      ],
    ]);
  });

  it('finds a cycle through three folders', () => {
    const edges = folderEdges(
      modules({
        'server/events/live-stream.ts': ['server/sql/reviews/list-sql-reviews.ts'],
        'server/sql/reviews/create-sql-review.ts': ['server/recording/format.ts'],
        'server/recording/recorder.ts': ['server/events/event-bus.ts'],
      }),
    );
    expect(folderCycles(edges).map((cycle) => cycle.map(([from]) => from))).toEqual([['server/events', 'server/sql', 'server/recording']]);
  });

  it('fails check-deps on any folder cycle, naming one file → file import per arrow; none is tolerated', () => {
    const acyclic = modules({
      'server/users/update-user.ts': ['server/events/access-changes.ts'],
      'server/access/follow-access-changes.ts': ['server/events/access-changes.ts', 'server/users/find-user.ts'],
    });
    expect(folderCycleProblems(folderEdges(acyclic))).toEqual([]);
    // users/ calling into access/ again closes users → access → users.
    const cyclic = modules({
      'server/users/update-user.ts': ['server/access/revoke-user-grants.ts'],
      'server/access/create-request.ts': ['server/users/find-user.ts'],
    });
    expect(folderCycleProblems(folderEdges(cyclic))).toEqual([
      [
        'no-folder-cycles: server/users → server/access → server/users',
        '    server/users → server/access   (server/users/update-user.ts → server/access/revoke-user-grants.ts)',
        '    server/access → server/users   (server/access/create-request.ts → server/users/find-user.ts)',
      ].join('\n'),
    ]);
  });

  it('leaves tests and test harnesses out: they drive the whole server from any folder', () => {
    const edges = folderEdges(
      modules({
        'server/log/log-secrets.test.ts': ['server/auth/authenticate-password.ts'],
        'server/recording/testing/gateway-child.ts': ['server/gateway/start-gateway.ts'],
        'server/auth/authenticate-password.ts': ['server/log/logger.ts'],
      }),
    );
    expect([...edges.keys()]).toEqual(['server/auth → server/log']);
    expect(folderCycles(edges)).toEqual([]);
  });
});
