import type { MaskRule } from '../types';

/**
 * GitHub, GitLab and npm tokens. A token is found by its prefix wherever it is (`xghp_…`: a
 * character glued before it is one anyone can strip) and ends where its own characters end,
 * not at a word boundary: `ghp_…_` or `ghp_…x` typed and erased again is still masked.
 */
export const codeHostingRules: MaskRule[] = [
  {
    id: 'github-token',
    name: 'GitHub token (classic)',
    label: '[MASKED:github-token]',
    strategy: 'label',
    pattern: String.raw`gh[po]_[A-Za-z0-9]{36,251}`,
    maxLength: 255,
    enabledByDefault: true,
    description: 'ghp_ personal and gho_ OAuth tokens.',
  },
  {
    id: 'github-app-token',
    name: 'GitHub app token',
    label: '[MASKED:github-token]',
    strategy: 'label',
    pattern: String.raw`gh[usr]_[A-Za-z0-9]{36,251}`,
    maxLength: 255,
    enabledByDefault: true,
    description: 'ghs_ installation, ghu_ user-to-server and ghr_ refresh tokens.',
  },
  {
    id: 'github-fine-grained-token',
    name: 'GitHub fine-grained token',
    label: '[MASKED:github-token]',
    strategy: 'label',
    pattern: String.raw`github_pat_[A-Za-z0-9_]{60,240}`,
    maxLength: 251,
    enabledByDefault: true,
    description: 'github_pat_ fine-grained personal access tokens.',
  },
  {
    id: 'gitlab-token',
    name: 'GitLab token',
    label: '[MASKED:gitlab-token]',
    strategy: 'label',
    pattern: String.raw`gl(?:pat|dt|rt|ptt|cbt|oas|ft|imt|soat|agent)-[A-Za-z0-9_.-]{20,80}`,
    maxLength: 90,
    enabledByDefault: true,
    description: 'glpat- personal, gldt- deploy, glrt- runner and other GitLab tokens.',
  },
  {
    id: 'npm-token',
    name: 'npm token',
    label: '[MASKED:npm-token]',
    strategy: 'label',
    pattern: String.raw`npm_[A-Za-z0-9]{36,96}`,
    maxLength: 100,
    enabledByDefault: true,
    description: 'npm_ access tokens.',
  },
];
