import type { DetectorCorpus } from './corpus-types';

/** Google API keys: AIza + 35 characters. */
export const corpus: DetectorCorpus = {
  ruleId: 'google-api-key',
  positives: [
    { text: 'AIzaOnescuteGu982W5gpK_Zxzs0bdDVwKMX4mo_', secret: 'AIzaOnescuteGu982W5gpK_Zxzs0bdDVwKMX4mo' },
    { text: 'AIzaOnescuteGu982W5gpK_Zxzs0bdDVwKMX4mo', secret: 'AIzaOnescuteGu982W5gpK_Zxzs0bdDVwKMX4mo' },
    { text: 'AIzaX9BdoW57pr3w4QdcakYTObawjrWuSNo6MAn', secret: 'AIzaX9BdoW57pr3w4QdcakYTObawjrWuSNo6MAn' },
    { text: 'AIzaCM0OpL5QjUmTLZ4GKjR-cQG688O_zsU7-s5', secret: 'AIzaCM0OpL5QjUmTLZ4GKjR-cQG688O_zsU7-s5' },
    { text: 'AIzanVyHiitaXMgw2GhsGIPTwjTVg9caVgC4-EO', secret: 'AIzanVyHiitaXMgw2GhsGIPTwjTVg9caVgC4-EO' },
    { text: 'AIzaPrmlpviLOg8vpKCe6Im39jIBS1656AeJ80h', secret: 'AIzaPrmlpviLOg8vpKCe6Im39jIBS1656AeJ80h' },
    { text: 'AIzaW-1GyxiTsjxScJv7f0V4hLvEXnFsxqXuBdk', secret: 'AIzaW-1GyxiTsjxScJv7f0V4hLvEXnFsxqXuBdk' },
    { text: 'AIzaveR91Z3tL0L5JBgX0coGXV76fhb8zbEiwl6', secret: 'AIzaveR91Z3tL0L5JBgX0coGXV76fhb8zbEiwl6' },
    { text: 'AIzaPfiIU-KyeQxOS2kJ0XQt6wEXZ1xPi4CZd2B', secret: 'AIzaPfiIU-KyeQxOS2kJ0XQt6wEXZ1xPi4CZd2B' },
    { text: 'AIza2lQcwPbjt6rbKlp412w63cWgaZ-Odw39Zx4', secret: 'AIza2lQcwPbjt6rbKlp412w63cWgaZ-Odw39Zx4' },
    { text: 'AIza3ufmS7tNYMdQNsepxTDd8cmyzm77v6lWK1O', secret: 'AIza3ufmS7tNYMdQNsepxTDd8cmyzm77v6lWK1O' },
    { text: 'AIzaHaQHRlgaCjJvLWgS-VGzGum_tLG_aWxrN_Z', secret: 'AIzaHaQHRlgaCjJvLWgS-VGzGum_tLG_aWxrN_Z' },
    // Found by its prefix, wherever it is: a character glued before or after it hides nothing (#12).
    { text: 'xAIzaOnescuteGu982W5gpK_Zxzs0bdDVwKMX4mo', secret: 'AIzaOnescuteGu982W5gpK_Zxzs0bdDVwKMX4mo' },
    { text: 'AIzaOnescuteGu982W5gpK_Zxzs0bdDVwKMX4moQ', secret: 'AIzaOnescuteGu982W5gpK_Zxzs0bdDVwKMX4mo' },
    { text: 'xAIzaOnescuteGu982W5gpK_Zxzs0bdDVwKMX4moQ', secret: 'AIzaOnescuteGu982W5gpK_Zxzs0bdDVwKMX4mo' },
    { text: '_AIzaOnescuteGu982W5gpK_Zxzs0bdDVwKMX4mo_\b \b', secret: 'AIzaOnescuteGu982W5gpK_Zxzs0bdDVwKMX4mo' },
  ],
  negatives: [
    'AIzaHRmxaYSliXspkQo1ixtPeemtc1E4nN7FB6',
    'AIzaSy',
    'aizaQLmO2fG72uhXTTqNS9bKVxv9MeiN5dJyLRH',
    'AIZASysZ7SV9O8weqz2aCFLMN4diKU5WdIE2wi2',
    'AIza is the prefix of a Google key',
  ],
};
