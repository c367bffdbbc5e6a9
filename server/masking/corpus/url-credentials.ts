import type { DetectorCorpus } from './corpus-types';

/** Passwords inside URLs: scheme://user:password@host. */
export const corpus: DetectorCorpus = {
  ruleId: 'url-credentials',
  positives: [
    { text: 'postgres://app:2jrXSZ5kYLRUe0Os7f@db.internal:5432/appdb', secret: '2jrXSZ5kYLRUe0Os7f' },
    { text: 'postgresql://report:iVaSzb5lF_S0nDDnm@10.0.3.17/analytics?sslmode=require', secret: 'iVaSzb5lF_S0nDDnm' },
    { text: 'mysql://root:6UJCu-swWxsLm9XiZMZ@localhost:3306/mysql', secret: '6UJCu-swWxsLm9XiZMZ' },
    { text: 'redis://:sIlEuPSmp9E!*f5dT7SX0kN@cache.internal:6379/0', secret: 'sIlEuPSmp9E!*f5dT7SX0kN' },
    { text: 'mongodb+srv://svc:H~vw!2yiC@cluster0.ab1cd.mongodb.net/prod', secret: 'H~vw!2yiC' },
    { text: 'amqp://guest:MffOvZ*im5mQ@rabbitmq:5672/%2F', secret: 'MffOvZ*im5mQ' },
    { text: 'https://deploy:MTAZyZMqfpb*mv5yJA@git.example.com/acme/api.git', secret: 'MTAZyZMqfpb*mv5yJA' },
    { text: 'ftp://backup:7EBwQ1cH3@ftp.example.org/incoming/', secret: '7EBwQ1cH3' },
    { text: 'smtp://mailer:dZn1Mn.PALGm*YQlr@smtp.example.com:587', secret: 'dZn1Mn.PALGm*YQlr' },
    { text: 'http://admin:WRlaOqBmf.07ht7Y2k6J@192.168.1.1/cgi-bin/status', secret: 'WRlaOqBmf.07ht7Y2k6J' },
    { text: 'sftp://ci-bot:AuADJqg968zT3AvQ@files.example.net:2222/upload', secret: 'AuADJqg968zT3AvQ' },
  ],
  negatives: [
    'https://git.example.com/acme/api.git',
    'ssh://git@github.com:22/acme/api.git',
    'postgres://app@db.internal:5432/appdb',
    'http://[::1]:8080/health',
    'https://example.com/path@v2:latest',
    'mailto:ops@example.com',
  ],
};
