import type { DetectorCorpus } from './corpus-types';

/** password=/"password": "…"/PASSWORD: … assignments and secret/token/api_key variants. */
export const corpus: DetectorCorpus = {
  ruleId: 'password-assignment',
  positives: [
    { text: 'password=ri%M7DfL.oom', secret: 'ri%M7DfL.oom' },
    { text: 'DB_PASSWORD=lwb%g56LBk', secret: 'lwb%g56LBk' },
    { text: '"password": "j1CYy-Q_4tSLOBQc"', secret: 'j1CYy-Q_4tSLOBQc' },
    { text: 'PASSWORD: UFy-rU%*xcYrnL-U', secret: 'UFy-rU%*xcYrnL-U' },
    { text: "  password: 's_G9HW_lJT'", secret: 's_G9HW_lJT' },
    { text: 'export MYSQL_PWD=MP.9zGE*0O4*qMkN', secret: 'MP.9zGE*0O4*qMkN' },
    { text: 'client_secret = "CRj2FeUjV2sOw"', secret: 'CRj2FeUjV2sOw' },
    { text: 'GITLAB_API_TOKEN=#X_Lx9-fXpnCUj6s7778', secret: '#X_Lx9-fXpnCUj6s7778' },
    { text: 'api_key: Eb3i7xy18is*NEhxy', secret: 'Eb3i7xy18is*NEhxy' },
    { text: "'passwd' => 'FQay5F_T#9nwOX7G4L'", secret: 'FQay5F_T#9nwOX7G4L' },
    { text: 'SECRET_KEY="E#oybAF83!09SfuL"', secret: 'E#oybAF83!09SfuL' },
    { text: '"passphrase": "correct horse battery staple"', secret: 'correct horse battery staple' },
  ],
  negatives: [
    'password: ********',
    'password=${DB_PASSWORD}',
    '"password": null',
    'password_min_length: 12',
    'Password: ',
    '[sudo] password for deploy: ',
    'max_tokens=100',
    'secretName: tls-wildcard',
    'password_file: /run/secrets/db_password',
    'token: <redacted>',
    // A prompt string, not a value: the rest of the command line is kept (#12).
    'read -s -p "Password: " pw; echo; echo got ${#pw} chars',
    'read -p \'Password: \' pw; echo "done"',
  ],
};
