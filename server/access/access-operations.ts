import { z } from 'zod';
import { auditPageView, auditQuery } from '../audit/audit-schemas';
import {
  approveResultView,
  createRequestInput,
  decisionInput,
  grantListQuery,
  grantStatusView,
  grantView,
  policyInput,
  policyView,
  requestDetailView,
  requestListQuery,
  requestStatusView,
  requestView,
  revokeGrantInput,
} from './access-schemas';

type AccessOperation = {
  method: 'get' | 'post' | 'put';
  path: string;
  summary: string;
  tag: string;
  roles?: string;
  query?: z.ZodType;
  body?: z.ZodType;
  response?: z.ZodType;
  status?: number;
  /** Its total across pages is in `X-Total-Count` (server/api/paged-response.ts). */
  isPaged?: boolean;
};

/** Just-in-time access and audit operations, spread into the OpenAPI list (server/api/openapi.ts). */
export const accessOperations: AccessOperation[] = [
  {
    method: 'get',
    path: '/requests',
    summary: "Access requests: mine, my approvals inbox (scope=inbox), or everyone's (scope=all, admins and auditors)",
    tag: 'Access',
    query: requestListQuery,
    response: z.array(requestView),
    isPaged: true,
  },
  {
    method: 'post',
    path: '/requests',
    summary: 'Request time-boxed access to an approval-mode resource',
    tag: 'Access',
    body: createRequestInput,
    response: requestView,
    status: 201,
  },
  {
    method: 'get',
    path: '/requests/{id}',
    summary: 'Get a request (requester, its approvers, admins, auditors) with what I may do with it',
    tag: 'Access',
    response: requestDetailView,
  },
  { method: 'post', path: '/requests/{id}/cancel', summary: 'Cancel my pending request', tag: 'Access', response: requestStatusView },
  {
    method: 'post',
    path: '/requests/{id}/approve',
    summary: "Approve a pending request (the resource's approver group); the grant starts at the N-th distinct approval",
    tag: 'Access',
    roles: 'approver',
    body: decisionInput,
    response: approveResultView,
  },
  {
    method: 'post',
    path: '/requests/{id}/deny',
    summary: "Deny a pending request (the resource's approver group); any deny ends it",
    tag: 'Access',
    roles: 'approver',
    body: decisionInput,
    response: requestStatusView,
  },
  {
    method: 'get',
    path: '/grants',
    summary: 'Grants, newest first: mine, those on resources I approve for, or all (admins and auditors); `limit` per page, `page` from 1 for older ones',
    tag: 'Access',
    query: grantListQuery,
    response: z.array(grantView),
    isPaged: true,
  },
  {
    method: 'post',
    path: '/grants/{id}/revoke',
    summary: "End an active grant now (admins, the resource's approvers, or the grantee); its live sessions end with reason grant_revoked",
    tag: 'Access',
    body: revokeGrantInput,
    response: grantStatusView,
  },
  {
    method: 'get',
    path: '/resources/{id}/policy',
    summary: "The resource's access policy: who approves, how many approvals, the longest grant (defaults when isCustom is false)",
    tag: 'Access',
    roles: 'admin',
    response: policyView,
  },
  {
    method: 'put',
    path: '/resources/{id}/policy',
    summary: "Set the resource's access policy (the whole policy: omitted fields take their defaults)",
    tag: 'Access',
    roles: 'admin',
    body: policyInput,
    response: policyView,
  },
  {
    method: 'get',
    path: '/audit',
    summary: 'The audit log, newest first, filtered and paged',
    tag: 'Audit',
    roles: 'admin, auditor',
    query: auditQuery,
    response: auditPageView,
  },
  {
    method: 'get',
    path: '/audit/export',
    summary: 'The filtered audit log as JSON Lines (application/x-ndjson)',
    tag: 'Audit',
    roles: 'admin, auditor',
    query: auditQuery.omit({ cursor: true, limit: true }),
  },
  {
    method: 'get',
    path: '/events',
    summary: 'Server-sent events (text/event-stream): `inbox` {count} and `request` {requestId, status} for my requests',
    tag: 'Access',
  },
];
