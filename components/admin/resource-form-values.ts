import type { Role } from './roles';

import type { ResourceType } from '@/lib/resources/resource-types';

export type { ResourceType };
export type TlsMode = 'disable' | 'require' | 'verify-full';

/** What the edit form starts from: a resource's settings, never its stored credentials. */
export type ResourceFormValues = {
  type: ResourceType;
  name: string;
  description: string;
  tags: string[];
  host: string;
  port: number;
  username: string;
  database: string | null;
  tlsMode: TlsMode | null;
  /** The CA certificate for verify-full: public, not a credential. */
  ca: string;
  accessMode: 'open' | 'approval';
  allowedRoles: Role[];
  /** Null follows the installation's default. */
  retentionDays: number | null;
  /** Off: sessions are relayed and masked, never recorded. */
  recording: 'on' | 'off';
  /** Minutes without input before a session ends; null follows the installation's default, 0 never. */
  inputIdleMinutes: number | null;
  hasPassword: boolean;
  hasPrivateKey: boolean;
  /** A Kubernetes resource's stored service-account token (never the token itself). */
  hasToken?: boolean;
  /** A Kubernetes resource's cluster and scope. */
  kubernetes?: { apiUrl: string; namespaces: string[]; labelSelector: string };
  /** An HTTP API's stored credential (never the credential itself). */
  hasCredential?: boolean;
  /** An HTTP API's base URL and how its credential is injected (never the credential). */
  http?: { baseUrl: string; auth: { kind: 'bearer' } | { kind: 'basic'; username: string } | { kind: 'header'; name: string } | { kind: 'none' } };
};

export const DEFAULT_PORTS: Record<ResourceType, number> = { ssh: 22, postgres: 5432, mysql: 3306, kubernetes: 6443, http: 443 };
