import { afterAll, afterEach } from 'vitest';
import { removeTestDataDir, resetTestEnv } from './env';

// Runs in every test file before its imports are evaluated.
resetTestEnv();

afterEach(() => resetTestEnv());
afterAll(() => removeTestDataDir());
