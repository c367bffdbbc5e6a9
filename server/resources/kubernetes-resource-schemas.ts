import { z } from 'zod';
import { LabelSelectorError, parseLabelSelector } from '../connectors/kubernetes/label-selector';
import { isRefusedLiteral } from '../net/checked-lookup';
import { resourceAddressCheck } from '../net/outbound-checks';

/** A namespace name is a DNS-1123 label: it goes into API paths, so nothing else is let through. */
export const namespaceName = z
  .string()
  .trim()
  .min(1, 'Enter a namespace')
  .max(63, 'A namespace has at most 63 characters')
  .regex(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/, 'Use a namespace name: lowercase letters, digits and -');

/** Pod and container names: DNS-1123 subdomains (pods) and labels (containers), read the same here. */
export const podName = z
  .string()
  .trim()
  .min(1)
  .max(253)
  .regex(/^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/, 'Not a pod name');

function urlProblem(value: string): string | undefined {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return 'Enter the API server URL, e.g. https://10.0.0.1:6443';
  }
  if (url.protocol !== 'https:') return 'The API server URL must use https://';
  if (url.username || url.password || url.search || url.hash) return 'Give the URL without credentials, query or fragment';
  const check = resourceAddressCheck();
  if (check && isRefusedLiteral(url.hostname, check)) return 'Porthole does not connect to link-local (cloud metadata) addresses';
  return undefined;
}

export const kubernetesApiUrl = z
  .string()
  .trim()
  .min(1, 'Enter the API server URL')
  .max(2048)
  .superRefine((value, ctx) => {
    const problem = urlProblem(value);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  })
  .transform((value) => value.replace(/\/+$/, ''));

export const labelSelector = z
  .string()
  .trim()
  .max(1024)
  .superRefine((value, ctx) => {
    try {
      parseLabelSelector(value);
    } catch (error) {
      if (!(error instanceof LabelSelectorError)) throw error;
      ctx.addIssue({ code: 'custom', message: `Not a label selector: ${error.message}` });
    }
  });

export const namespaces = z
  .array(namespaceName)
  .max(100, 'At most 100 namespaces')
  .transform((list) => [...new Set(list)]);

/** A service-account token (a JWT): printable, no spaces, sent only as `Authorization: Bearer`. */
export const kubernetesToken = z
  .string()
  .trim()
  .min(1, 'Paste the service-account token')
  .max(16_384)
  .regex(/^[\x21-\x7e]+$/, 'A token has no spaces or line breaks');

const caPem = z
  .string()
  .max(65_536)
  .refine((v) => v.trim() === '' || /-----BEGIN CERTIFICATE-----/.test(v), 'Paste the cluster CA certificate (PEM)');

/** The API server is always verified: its CA, or the system's when none is given. A token never goes to an unverified server. */
export const kubernetesTls = z
  .object({ mode: z.enum(['disable', 'require', 'verify-full']).optional(), ca: caPem.optional() })
  .transform((tls) => ({ mode: 'verify-full' as const, ...(tls.ca?.trim() ? { ca: tls.ca } : {}) }));

/** Host and port columns, from the URL (the columns every resource has: lists, address checks). */
export function hostAndPort(apiUrl: string): { host: string; port: number } {
  const url = new URL(apiUrl);
  return { host: url.hostname, port: url.port ? Number(url.port) : 443 };
}

/** The kubernetes branch of the resource input (common fields are added by resource-schemas). */
export const kubernetesFields = {
  type: z.literal('kubernetes'),
  apiUrl: kubernetesApiUrl,
  tls: kubernetesTls.default({ mode: 'verify-full' }),
  namespaces: namespaces.default([]),
  labelSelector: labelSelector.default(''),
  token: kubernetesToken,
  /** The service account's name, for the lists (optional: the token says who it is). */
  username: z.string().trim().max(253).default(''),
};

/** The fields an update may change on a kubernetes resource; an absent token keeps the stored one. */
export const kubernetesUpdateFields = {
  apiUrl: kubernetesApiUrl.optional(),
  namespaces: namespaces.optional(),
  labelSelector: labelSelector.optional(),
  token: kubernetesToken.optional(),
};
