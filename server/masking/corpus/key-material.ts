import type { DetectorCorpus } from './corpus-types';

/**
 * Private key bodies printed without their BEGIN line (keys made with ssh-keygen and openssl
 * for this file): `tail -n +2`, a few lines from the middle, the last line with END.
 */
export const corpus: DetectorCorpus = {
  ruleId: 'key-material',
  enable: ['key-material'],
  positives: [
    {
      text: '$ tail -n +2 server.key\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQDstTOVAItCpugE\nG5IL7r8eEqeHv2qr2V47RxMtwrAr3nSFHSjmgYNRSB2iaL/lHX+ZlMpSWwaBoApV\n37nRE7r0YkDrVJMg18xFYEFh4pevUmjH9laexT1hUDafceedq7kZxyPcu9fhnf+X\nUdZDbYC7LW6d9rfqrTjzy2R9WJQiMsPwhZWM3aZeuS2LhPos9rmIvneFq9EkkN0k\n37SrcR7A5xNl1CQcjH7VHBseAajYVyFKHMxx+3xI/88qw0DY6LGtlwNyOgZA4hXp\nYreblfk1fjJ/1r3P0PROyXl0yFa5WD9aZkrj/jmCShjKFPNQfHG13JWdPbf4uCqo\nM3JywJGLAgMBAAECggEAVV7q+ifmkgTpdCXPcC9MzZdTxcFTQyST+FQjhiML7958\n7s98A1qdlnCog309DHCtpyIDMF21BIZIg/07Ir13dZGEMXvgzn0WJsVW/2s+YtSZ\nhtkBF6UyhIjuEmZ97x9SlIn+lKtI6o3V82joGoyBW8DAfwdPALw16LOoDA8o6gXs\njjT+phP1Y0gxo4lS8VN6Zh4r3r2p4UWzNBK0jvnJNRqMTY87aTdiYkFqxtDsG/0Z\nVFya7Y/ekd1y1QIqXhkU3G9xrbNnSWzMS7NK9ojGPrLhPkYuO8toXokGBaFBFWcA\nNr8kXWimTm9q9nnJpPTbjQ0T7Ugi8Vj9pQ9FKGY7sQKBgQD6j0IEYY3ZPUS0nFkz\nCR3zRvIrXIC3hty39LoVjwpR91yjEIjsrOy2UoMuGVeKhQYV/xHXiiqoDDoJJAfZ\nHIIZC1fF5WEE798GHqttnEROqvX/9ZqKwCv02+XNt/9/Q9rE2MAZcWxSgSBsnarZ\n5boPhwwAI/yDhsTF2UL2mPsN8QKBgQDx2PK3p8LDooz6TJSx9uDn5s2XhvkF4hfk\nE4nkCoAFzoUniI4foXVdGx4Wy462UFBwhzanygGkQTwPGJuwV5bPP1fXVXVjzUsc\nToe2oZZmdajvEYRU9iRgQnoseZffqrulQgrBS4ZrYyl5KXoDgmAqSV1nrA+U4GGg\n+O5TfPsLOwKBgQD2Sv3E2rQZt/0iYJHZ9ftH2RRRhVNNlDbAaMLGUF3/plycObOu\nmmjw63jhRq3jjtElrB44tisqFyKxO4avZzOHNLwp3kkZFkUvedRfIX2PqsO3wBAS\nlcZfogxpxJVU3zlbyAhEulaVXzKlMfLwz72uZ7xnIvijvUUNinwldMlLsQKBgCmT\n9a5zTf2aPYhukAXEfsf/mwrY7oj/ZMIWRdeJopbc+XFhfaWceXPnTJX4qvFW/21J\nIbFY/k1B1dR2k5WOiWPZ7P0dORBOZAJa0eQpBZVZ1xA6v7hnlLtj0mNBCEYwsQ/p\nObYfiN1/b8rfwZVG3ceHU2KWZxteNAqboUWDMBmvAoGAXXujY6o6m7fFPdTROjBg\n/HMKdagSqQfladheGBx2tx8XEA1i6a4e/Wfw1MevUPbmamplHSvznrZbS6Woqwra\nnk48Z2wT7gNhkytdF+tWlUWGUuST0bLJOGrST64Tbw2ugkg0bV7o306BUXM06aba\nQZBSw6kjEVw+2vd+3KH7nMc=\n-----END PRIVATE KEY-----',
      secret: 'G5IL7r8eEqeHv2qr2V47RxMtwrAr3nSFHSjmgYNRSB2iaL/lHX+ZlMpSWwaBoApV',
    },
    {
      text: "$ sed '1d;$d' server.key\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQDstTOVAItCpugE\nG5IL7r8eEqeHv2qr2V47RxMtwrAr3nSFHSjmgYNRSB2iaL/lHX+ZlMpSWwaBoApV\n37nRE7r0YkDrVJMg18xFYEFh4pevUmjH9laexT1hUDafceedq7kZxyPcu9fhnf+X\nUdZDbYC7LW6d9rfqrTjzy2R9WJQiMsPwhZWM3aZeuS2LhPos9rmIvneFq9EkkN0k\n37SrcR7A5xNl1CQcjH7VHBseAajYVyFKHMxx+3xI/88qw0DY6LGtlwNyOgZA4hXp\nYreblfk1fjJ/1r3P0PROyXl0yFa5WD9aZkrj/jmCShjKFPNQfHG13JWdPbf4uCqo\nM3JywJGLAgMBAAECggEAVV7q+ifmkgTpdCXPcC9MzZdTxcFTQyST+FQjhiML7958\n7s98A1qdlnCog309DHCtpyIDMF21BIZIg/07Ir13dZGEMXvgzn0WJsVW/2s+YtSZ\nhtkBF6UyhIjuEmZ97x9SlIn+lKtI6o3V82joGoyBW8DAfwdPALw16LOoDA8o6gXs\njjT+phP1Y0gxo4lS8VN6Zh4r3r2p4UWzNBK0jvnJNRqMTY87aTdiYkFqxtDsG/0Z\nVFya7Y/ekd1y1QIqXhkU3G9xrbNnSWzMS7NK9ojGPrLhPkYuO8toXokGBaFBFWcA\nNr8kXWimTm9q9nnJpPTbjQ0T7Ugi8Vj9pQ9FKGY7sQKBgQD6j0IEYY3ZPUS0nFkz\nCR3zRvIrXIC3hty39LoVjwpR91yjEIjsrOy2UoMuGVeKhQYV/xHXiiqoDDoJJAfZ\nHIIZC1fF5WEE798GHqttnEROqvX/9ZqKwCv02+XNt/9/Q9rE2MAZcWxSgSBsnarZ\n5boPhwwAI/yDhsTF2UL2mPsN8QKBgQDx2PK3p8LDooz6TJSx9uDn5s2XhvkF4hfk\nE4nkCoAFzoUniI4foXVdGx4Wy462UFBwhzanygGkQTwPGJuwV5bPP1fXVXVjzUsc\nToe2oZZmdajvEYRU9iRgQnoseZffqrulQgrBS4ZrYyl5KXoDgmAqSV1nrA+U4GGg\n+O5TfPsLOwKBgQD2Sv3E2rQZt/0iYJHZ9ftH2RRRhVNNlDbAaMLGUF3/plycObOu\nmmjw63jhRq3jjtElrB44tisqFyKxO4avZzOHNLwp3kkZFkUvedRfIX2PqsO3wBAS\nlcZfogxpxJVU3zlbyAhEulaVXzKlMfLwz72uZ7xnIvijvUUNinwldMlLsQKBgCmT\n9a5zTf2aPYhukAXEfsf/mwrY7oj/ZMIWRdeJopbc+XFhfaWceXPnTJX4qvFW/21J\nIbFY/k1B1dR2k5WOiWPZ7P0dORBOZAJa0eQpBZVZ1xA6v7hnlLtj0mNBCEYwsQ/p\nObYfiN1/b8rfwZVG3ceHU2KWZxteNAqboUWDMBmvAoGAXXujY6o6m7fFPdTROjBg\n/HMKdagSqQfladheGBx2tx8XEA1i6a4e/Wfw1MevUPbmamplHSvznrZbS6Woqwra\nnk48Z2wT7gNhkytdF+tWlUWGUuST0bLJOGrST64Tbw2ugkg0bV7o306BUXM06aba\nQZBSw6kjEVw+2vd+3KH7nMc=",
      secret: 'G5IL7r8eEqeHv2qr2V47RxMtwrAr3nSFHSjmgYNRSB2iaL/lHX+ZlMpSWwaBoApV',
    },
    {
      text: '$ tail -n +2 ~/.ssh/id_ed25519\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW\nQyNTUxOQAAACBhy+GSLBF71mbdUV9xMxEPm42pTx3b0KtSmxvf8CVzrgAAAJCQ71c0kO9X\nNAAAAAtzc2gtZWQyNTUxOQAAACBhy+GSLBF71mbdUV9xMxEPm42pTx3b0KtSmxvf8CVzrg\nAAAECYrbdZ+EvISlAUu2CIS8+Fzndh/rgoWuIE5GNh+kc1O2HL4ZIsEXvWZt1RX3EzEQ+b\njalPHdvQq1KbG9/wJXOuAAAACGNpQGJ1aWxkAQIDBAU=\n-----END OPENSSH PRIVATE KEY-----',
      secret: 'QyNTUxOQAAACBhy+GSLBF71mbdUV9xMxEPm42pTx3b0KtSmxvf8CVzrgAAAJCQ71c0kO9X',
    },
    {
      text: "$ sed '1d;$d' ~/.ssh/id_ed25519\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW\nQyNTUxOQAAACBhy+GSLBF71mbdUV9xMxEPm42pTx3b0KtSmxvf8CVzrgAAAJCQ71c0kO9X\nNAAAAAtzc2gtZWQyNTUxOQAAACBhy+GSLBF71mbdUV9xMxEPm42pTx3b0KtSmxvf8CVzrg\nAAAECYrbdZ+EvISlAUu2CIS8+Fzndh/rgoWuIE5GNh+kc1O2HL4ZIsEXvWZt1RX3EzEQ+b\njalPHdvQq1KbG9/wJXOuAAAACGNpQGJ1aWxkAQIDBAU=",
      secret: 'QyNTUxOQAAACBhy+GSLBF71mbdUV9xMxEPm42pTx3b0KtSmxvf8CVzrgAAAJCQ71c0kO9X',
    },
    {
      text: '$ head -n 5 server.key | tail -n 3\nG5IL7r8eEqeHv2qr2V47RxMtwrAr3nSFHSjmgYNRSB2iaL/lHX+ZlMpSWwaBoApV\n37nRE7r0YkDrVJMg18xFYEFh4pevUmjH9laexT1hUDafceedq7kZxyPcu9fhnf+X\nUdZDbYC7LW6d9rfqrTjzy2R9WJQiMsPwhZWM3aZeuS2LhPos9rmIvneFq9EkkN0k',
      secret: '37nRE7r0YkDrVJMg18xFYEFh4pevUmjH9laexT1hUDafceedq7kZxyPcu9fhnf+X',
    },
    {
      text: "$ sed -n '8,9p' ~/.ssh/id_rsa\nuvEWFeHIpwAAA7hBh5v4QYeb+AAAAAdzc2gtcnNhAAABAQC/XH7Ds+CguGtKrlyRIuQQIF\nTlFzJ+f7IVLfXM3F9DeP4otFb4CR2Brfvxqg2vymqZ3kY40d1aVYBCpERszttwbS0lbRjn",
      secret: 'TlFzJ+f7IVLfXM3F9DeP4otFb4CR2Brfvxqg2vymqZ3kY40d1aVYBCpERszttwbS0lbRjn',
    },
    {
      text: '$ tail -n +2 ed25519.pem\nMC4CAQAwBQYDK2VwBCIEIMAQOFioGCAmS7/GsVCi1K+bH3ChcjLnNtArRiuhn46A\n-----END PRIVATE KEY-----',
      secret: '-----END PRIVATE KEY-----',
    },
    {
      text: '$ tail -n +2 ec.key\nMHcCAQEEIC4afdtaG1VQVZohV+bm6b5y4SYAzdszx3q1KEQCeuoAoAoGCCqGSM49\nAwEHoUQDQgAEaPPPAbCKX2B+2+zpCAs8JRQF/fOMA8zVHD3owln0lcsYo8pXq6C0\nY9LfIg9KIcqAAC0G8S6Pg+THCHlnksP31A==\n-----END EC PRIVATE KEY-----',
      secret: 'AwEHoUQDQgAEaPPPAbCKX2B+2+zpCAs8JRQF/fOMA8zVHD3owln0lcsYo8pXq6C0',
    },
    {
      text: '$ sudo tail -n +14 /etc/ssl/private/server.key\nCR3zRvIrXIC3hty39LoVjwpR91yjEIjsrOy2UoMuGVeKhQYV/xHXiiqoDDoJJAfZ\r\nHIIZC1fF5WEE798GHqttnEROqvX/9ZqKwCv02+XNt/9/Q9rE2MAZcWxSgSBsnarZ\r\n5boPhwwAI/yDhsTF2UL2mPsN8QKBgQDx2PK3p8LDooz6TJSx9uDn5s2XhvkF4hfk\r\nE4nkCoAFzoUniI4foXVdGx4Wy462UFBwhzanygGkQTwPGJuwV5bPP1fXVXVjzUsc\r\nToe2oZZmdajvEYRU9iRgQnoseZffqrulQgrBS4ZrYyl5KXoDgmAqSV1nrA+U4GGg\r\n+O5TfPsLOwKBgQD2Sv3E2rQZt/0iYJHZ9ftH2RRRhVNNlDbAaMLGUF3/plycObOu\r\nmmjw63jhRq3jjtElrB44tisqFyKxO4avZzOHNLwp3kkZFkUvedRfIX2PqsO3wBAS\r\nlcZfogxpxJVU3zlbyAhEulaVXzKlMfLwz72uZ7xnIvijvUUNinwldMlLsQKBgCmT\r\n9a5zTf2aPYhukAXEfsf/mwrY7oj/ZMIWRdeJopbc+XFhfaWceXPnTJX4qvFW/21J\r\nIbFY/k1B1dR2k5WOiWPZ7P0dORBOZAJa0eQpBZVZ1xA6v7hnlLtj0mNBCEYwsQ/p\r\nObYfiN1/b8rfwZVG3ceHU2KWZxteNAqboUWDMBmvAoGAXXujY6o6m7fFPdTROjBg\r\n/HMKdagSqQfladheGBx2tx8XEA1i6a4e/Wfw1MevUPbmamplHSvznrZbS6Woqwra\r\nnk48Z2wT7gNhkytdF+tWlUWGUuST0bLJOGrST64Tbw2ugkg0bV7o306BUXM06aba\r\nQZBSw6kjEVw+2vd+3KH7nMc=\r\n',
      secret: 'HIIZC1fF5WEE798GHqttnEROqvX/9ZqKwCv02+XNt/9/Q9rE2MAZcWxSgSBsnarZ',
    },
    {
      text: "$ sed '1d;$d' ~/.ssh/id_ecdsa\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAaAAAABNlY2RzYS\n1zaGEyLW5pc3RwMjU2AAAACG5pc3RwMjU2AAAAQQRJT+Un5xAXKNwUpsePxHEDthndxnFG\nNWB9Ti0D6ByGe7u4C9BHD06Ecv0ENHx0USXGNyx6f4lhMBDFU0Yla4wcAAAAoATUoaQE1K\nGkAAAAE2VjZHNhLXNoYTItbmlzdHAyNTYAAAAIbmlzdHAyNTYAAABBBElP5SfnEBco3BSm\nx4/EcQO2Gd3GcUY1YH1OLQPoHIZ7u7gL0EcPToRy/QQ0fHRRJcY3LHp/iWEwEMVTRiVrjB\nwAAAAhAPfoeVf/1gcT5UdvDRdPwqXFOHrPgIJ3tGcJLPK4hoKdAAAAAAECAwQFBgc=",
      secret: '1zaGEyLW5pc3RwMjU2AAAACG5pc3RwMjU2AAAAQQRJT+Un5xAXKNwUpsePxHEDthndxnFG',
    },
    {
      text: '$ base64 -w 64 /dev/urandom | head -n 2\n170tp7nErtyLHQklrPiVnJdhIxcSJqFo0vctYOIJTLH5NC4bzC7XgAxfYrNycoGL\nBw4HgRokZHQMkq/soQndv0X7lOPrXUemBW5zmFM1nviJWP2grW+qcTWkSO9yb7vn',
      secret: 'Bw4HgRokZHQMkq/soQndv0X7lOPrXUemBW5zmFM1nviJWP2grW+qcTWkSO9yb7vn',
    },
    {
      text: '$ jq -c .tls secrets.json\n{"key":"MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQDstTOVAItCpugE\\nG5IL7r8eEqeHv2qr2V47RxMtwrAr3nSFHSjmgYNRSB2iaL/lHX+ZlMpSWwaBoApV\\n37nRE7r0YkDrVJMg18xFYEFh4pevUmjH9laexT1hUDafceedq7kZxyPcu9fhnf+X\\nUdZDbYC7LW6d9rfqrTjzy2R9WJQiMsPwhZWM3aZeuS2LhPos9rmIvneFq9EkkN0k"}',
      secret: 'G5IL7r8eEqeHv2qr2V47RxMtwrAr3nSFHSjmgYNRSB2iaL/lHX+ZlMpSWwaBoApV',
    },
  ],
  negatives: [
    '$ tail -n +2 server.crt\nMIIDETCCAfmgAwIBAgIULLlfI6yj9x+HgYCmMHXOooRZJCowDQYJKoZIhvcNAQEL\nBQAwGDEWMBQGA1UEAwwNcG9ydGhvbGUudGVzdDAeFw0yNjEyMDQwODQyMTZaFw0y\nNjEyMDUwODQyMTZaMBgxFjAUBgNVBAMMDXBvcnRob2xlLnRlc3QwggEiMA0GCSqG\nSIb3DQEBAQUAA4IBDwAwggEKAoIBAQDic9KWkxMd6riOf6kRIxRZcQSm+Hco4sZL\n1QqEdWwCcFbjw0eolxJIiWvoZuqibDq7Hyuy3pqNVpfmeaE1jitxmwzlo0RaYEAR\nvvj0XlY30Odjv9s9ZhVFzRyAAsOjLgTgDspU65Hn4k2FKqLGE51sKmDe8sMfaeSk\nrDgd18S6knHZrAjG+Jczj5zc1ZNCmbyAOogICm1Z063ucsKZw1IGfRlm3oXU52zy\n5oPQy72znp3QAT3Dl8ewu2/a/gVBvV/1eQ90lP9IlWa5vLEmovoXsA9lDt1Vwvc2\nprHYecKRVwSFjz7+mn0tlIBAtwg3BzJy3vuy6OFKx7o0iw4HS/eVAgMBAAGjUzBR\nMB0GA1UdDgQWBBTGgfUveXYVQQJUyAEO/4otqphEyDAfBgNVHSMEGDAWgBTGgfUv\neXYVQQJUyAEO/4otqphEyDAPBgNVHRMBAf8EBTADAQH/MA0GCSqGSIb3DQEBCwUA\nA4IBAQAoK2V1lrifmDabSqVbuqA54g8zF1z48plmdE199ZIKRRbj5DXR6kO3CECX\noPglRepWOYsf3rCM1+AunthnYSM/GvqYenXhJPH9jwxCmhniLWWgdT+y7l42R9qr\nWnJAYW1C9wiY8ioShRALJMJg5ysjddbT46ASasDgAFsb8jk3BJtJilR1Rp2FMhGm\n4hiJ0RLNvE1x0015qJR9Mv117BwkNf1yPZHYlvYTZFaC6z8f92xzKg2gZbTxoP2K\ndCLZkOsTXxmVHNnmHdL2eDpAc1LGAtzUuln5T7h8fJE7+LkR5z1z9h6l6JCEwjDI\nRDCKVc9PBUbqWpf6PvekF9sYUIDO\n-----END CERTIFICATE-----',
    '$ tail -n +2 server.pub\nMIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA7LUzlQCLQqboBBuSC+6/\nHhKnh79qq9leO0cTLcKwK950hR0o5oGDUUgdomi/5R1/mZTKUlsGgaAKVd+50RO6\n9GJA61STINfMRWBBYeKXr1Jox/ZWnsU9YVA2n3Hnnau5Gccj3LvX4Z3/l1HWQ22A\nuy1unfa36q0488tkfViUIjLD8IWVjN2mXrkti4T6LPa5iL53havRJJDdJN+0q3Ee\nwOcTZdQkHIx+1RwbHgGo2FchShzMcft8SP/PKsNA2OixrZcDcjoGQOIV6WK3m5X5\nNX4yf9a9z9D0Tsl5dMhWuVg/WmZK4/45gkoYyhTzUHxxtdyVnT23+LgqqDNycsCR\niwIDAQAB\n-----END PUBLIC KEY-----',
    '$ sed -n 4p server.key\nUdZDbYC7LW6d9rfqrTjzy2R9WJQiMsPwhZWM3aZeuS2LhPos9rmIvneFq9EkkN0k\n$ ',
    'UG9ydGhvbGUgc3RhZ2luZyBiYXN0aW9uLiBBdXRob3Jpc2VkIHVzZSBvbmx5LiBB\nbGwgc2Vzc2lvbnMgYXJlIHJlY29yZGVkIGFuZCByZXZpZXdlZCBieSB0aGUgc2Vj\ndXJpdHkgdGVhbS4K',
    'K7d6q0YfamCmxGVCOY7J4SQIc0ZvN5D+29er5P2ZiYqPydV4mG0VPv2TYx6pFjRKEyrZFMyCU6FT\nCWH27+t/oDO1UAOiODoHPB+joBZhB6596nbIjQs1WSmosdbl18Uczgvd53HjsYYHWgQBgNcPdDOM\nWW8fgyZIAobceYKCahfIKQNWtTWoCBlhybgCGILCzePBJiXJdgFY8xVMVlkmNXbMheXnrXdBdeKO',
    'db2f2be8554547148b45b0271377029f5fc416788a8f95c9965b700aef73beec\nc11f14586fbb6981b9ba41b924aa39a0d578275ed3508a8585f02218a726d8be',
    '================================================================\n----------------------------------------------------------------',
  ],
};
