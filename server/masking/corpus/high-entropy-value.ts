import type { DetectorCorpus } from './corpus-types';

/**
 * Long random values under key names no other rule knows (session keys, HMAC keys, salts);
 * look-alikes: hashes and ids under their own key names, hex, identifiers and paths.
 */
export const corpus: DetectorCorpus = {
  ruleId: 'high-entropy-value',
  enable: ['high-entropy-value'],
  positives: [
    { text: 'SESSION_KEY=jsE1L3sxF1mSO2WgaAEhspaoapVIQPQT', secret: 'jsE1L3sxF1mSO2WgaAEhspaoapVIQPQT' },
    { text: '"encryption_key": "MUaaKoV9b5URtgPQdPUttfSx8sOhEeJmdwZDinHRx1E="', secret: 'MUaaKoV9b5URtgPQdPUttfSx8sOhEeJmdwZDinHRx1E=' },
    { text: '  signing_key: a9FlUXJHCNILUvTI7qDGFWXy6IScjpVRHRRT7Rbg', secret: 'a9FlUXJHCNILUvTI7qDGFWXy6IScjpVRHRRT7Rbg' },
    { text: "HMAC_KEY='o7F2aEr7FGM765AatVFBuwSGZn18'", secret: 'o7F2aEr7FGM765AatVFBuwSGZn18' },
    { text: '{"credential":"SkpLvfiabQV-z_9RLHMKKTx1jFb6jI5wSxK4Td7Q","expires":3600}', secret: 'SkpLvfiabQV-z_9RLHMKKTx1jFb6jI5wSxK4Td7Q' },
    { text: 'cookie_salt = "iHPKpvLBOYje4/G2fC79bg42qvw5b9ZAMSXF56eNM5iVxCrl"', secret: 'iHPKpvLBOYje4/G2fC79bg42qvw5b9ZAMSXF56eNM5iVxCrl' },
    { text: 'Set-Cookie: session=0t7N2frz8uIh5dB9lScRn6mOkKjqAI0H; Path=/; HttpOnly; Secure', secret: '0t7N2frz8uIh5dB9lScRn6mOkKjqAI0H' },
    { text: "'master_key' => 'n8tAW7VNzOjxmNV2cC1ezMh5TiihSea1LtwGhf7146IV4FrP',", secret: 'n8tAW7VNzOjxmNV2cC1ezMh5TiihSea1LtwGhf7146IV4FrP' },
    {
      text: '  tls.key: Dcj8Ke6G33QNBtgHBXMicwAP16zlt1eLbx1qeePzZnx/sYoJqlPvmHfPvrN3ZWBm',
      secret: 'Dcj8Ke6G33QNBtgHBXMicwAP16zlt1eLbx1qeePzZnx/sYoJqlPvmHfPvrN3ZWBm',
    },
    { text: 'export COOKIE_KEY=570sxGBdg4r4ropF9VmRkspR', secret: '570sxGBdg4r4ropF9VmRkspR' },
    {
      text: 'WEBHOOK_SIGNATURE := py6bV4yRSRF8HkCinBhUllTdgTLdm4PaW2R4vq6fGLULck1JJa9vRyqdRzq1YGBd',
      secret: 'py6bV4yRSRF8HkCinBhUllTdgTLdm4PaW2R4vq6fGLULck1JJa9vRyqdRzq1YGBd',
    },
    { text: '{\\"dsn_key\\": \\"DXEq1LEBUUoNOHsGjJIHlnEjJyfeLm7h\\"}', secret: 'DXEq1LEBUUoNOHsGjJIHlnEjJyfeLm7h' },
  ],
  negatives: [
    '"integrity": "sha512-9eiyBWP2oNfb6dd4x/CQmWJbZM3LN3cPQ1cuOP0khVAlKvxtgLbgYCROS6yKIaveuOHStk7D39GkHno2doqxPg=="',
    'sha256: 4d1f2e2cb6bfd90c3bfdb60f0122f9ffaaa114d715b4079ebfcd63157a28bc84',
    '{"id":"f3236528-ec96-496d-b56e-e1f764879f91","requestId":"6OLe39jAAB4XNkCCLOg8Jh5CqbNR5UYq"}',
    'commit=558a9c1f36905f31fcd4404f5b2ea42f16e52fa9',
    'clientId: "6gIDlDf1RMz887FLS3Cetbpolq9bK3Sd"',
    'golang.org/x/crypto v0.21.0 h1:3eLpjC2o+/BQ7kVAZPTQpiR93HHiNLBRctYirlOi9vg=',
    'Digest: sha256:55a65721f3e726a5f2f8b0743d15ab8176de651c3f7c7cf7c4c07693917e3bd2',
    'ED25519 key fingerprint is SHA256:HJOeVwb2QEbpfaYkboJY67RUpyuL4Rd+R1THwUoSPps.',
    'OLDPWD=/home/deploy/Projects/AcmeCorp/PortholeAgent2',
    'etag: W/"fa8b14f996872b7c4b1787f46ad775d674cd47f7bbb1e90b369c31b631766394"',
    'APP_SALT=1d7e42dab1c328fb90306f4c09e155fe917b063e22acad7ae76f40bf788ed41e',
    'serviceAccountName: porthole-gateway-ServiceAccount2',
  ],
};
