import type { DetectorCorpus } from './corpus-types';
import { corpus as authorizationHeader } from './authorization-header';
import { corpus as awsAccessKeyId } from './aws-access-key-id';
import { corpus as awsCredentialPair } from './aws-credential-pair';
import { corpus as awsSecretAccessKey } from './aws-secret-access-key';
import { corpus as cardNumber } from './card-number';
import { corpus as email } from './email';
import { corpus as githubAppToken } from './github-app-token';
import { corpus as githubFineGrainedToken } from './github-fine-grained-token';
import { corpus as githubToken } from './github-token';
import { corpus as gitlabToken } from './gitlab-token';
import { corpus as googleApiKey } from './google-api-key';
import { corpus as highEntropyValue } from './high-entropy-value';
import { corpus as iban } from './iban';
import { corpus as jwt } from './jwt';
import { corpus as keyMaterial } from './key-material';
import { corpus as npmToken } from './npm-token';
import { corpus as passwordAssignment } from './password-assignment';
import { corpus as privateKey } from './private-key';
import { corpus as slackToken } from './slack-token';
import { corpus as slackWebhook } from './slack-webhook';
import { corpus as stripeKey } from './stripe-key';
import { corpus as urlCredentials } from './url-credentials';
import { corpus as usSsn } from './us-ssn';

/** Every detector corpus, one per built-in rule. */
export const DETECTOR_CORPORA: DetectorCorpus[] = [
  authorizationHeader,
  awsAccessKeyId,
  awsCredentialPair,
  awsSecretAccessKey,
  cardNumber,
  email,
  githubAppToken,
  githubFineGrainedToken,
  githubToken,
  gitlabToken,
  googleApiKey,
  highEntropyValue,
  iban,
  jwt,
  keyMaterial,
  npmToken,
  passwordAssignment,
  privateKey,
  slackToken,
  slackWebhook,
  stripeKey,
  urlCredentials,
  usSsn,
];
