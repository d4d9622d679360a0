/** Jest setup (jest.config.cjs, setupFilesAfterEnv): every test that arms a fault must see it fire. */
import { afterEach } from '@jest/globals';
import { assertFaultsFired } from './faults';

afterEach(assertFaultsFired);
