import type { DetectorCorpus } from './corpus-types';

/** Credentials in Authorization headers (Bearer, Basic, Token, Bot). */
export const corpus: DetectorCorpus = {
  ruleId: 'authorization-header',
  positives: [
    { text: 'Authorization: Bearer mWZXTLbKf6PKAe7mtB.1roTI', secret: 'mWZXTLbKf6PKAe7mtB.1roTI' },
    { text: '> authorization: bearer ddRvsC0jlFCsZ.IMY2jaWOUP', secret: 'ddRvsC0jlFCsZ.IMY2jaWOUP' },
    { text: '"Authorization": "Bearer llxpCi.VAPDQ9UzACME40QGvJ1rhsLex"', secret: 'llxpCi.VAPDQ9UzACME40QGvJ1rhsLex' },
    { text: "-H 'Authorization: Token 7_OmusQ4qymvxXVNk.J2Lb40'", secret: '7_OmusQ4qymvxXVNk.J2Lb40' },
    { text: 'Authorization: Basic ZGVwbG95OlRyMHViNGRvciYz', secret: 'ZGVwbG95OlRyMHViNGRvciYz' },
    { text: 'Proxy-Authorization: Bearer KLmPKwPnR.a-2e4ietsZoTmZ', secret: 'KLmPKwPnR.a-2e4ietsZoTmZ' },
    { text: 'AUTHORIZATION: Bearer GFGtvQtGdvsG7HPCWaWAUf2utNp4-yQLOD42nhXj', secret: 'GFGtvQtGdvsG7HPCWaWAUf2utNp4-yQLOD42nhXj' },
    { text: 'authorization=dXj83v6t9GWg64cKGYyDtf4uDqanl3.cGv-jQ6cW', secret: 'dXj83v6t9GWg64cKGYyDtf4uDqanl3.cGv-jQ6cW' },
    { text: 'Authorization: Bot QdPjU3x_x_LNLK-P8xv5i8SznM.WK03p', secret: 'QdPjU3x_x_LNLK-P8xv5i8SznM.WK03p' },
    {
      text: '{"headers":{"Authorization":"Bearer dREhnqQ4jJQQuQhDjwhz5bKZnhXfzooYePhJZF16bCSW3Jr2.JPuzOQRkWOVdVLL"}}',
      secret: 'dREhnqQ4jJQQuQhDjwhz5bKZnhXfzooYePhJZF16bCSW3Jr2.JPuzOQRkWOVdVLL',
    },
    { text: 'Authorization: zmfBz8Kh5-yYClS0DogLjU5z', secret: 'zmfBz8Kh5-yYClS0DogLjU5z' },
  ],
  negatives: [
    'Authorization: Bearer',
    'Authorization: Bearer <token>',
    'authorization failed for user deploy',
    'Authorization header missing',
    'www-authenticate: Bearer realm="api"',
  ],
};
