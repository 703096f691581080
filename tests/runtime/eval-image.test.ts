import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { imageFolder, removeFolder } from '../support/dockerfile.js';
import { decodeResult } from '../../runtime/eval/result.js';

/**
 * The evaluation Job runs `node build/runtime/eval/main.js` in the runtime image: compiled as the
 * image compiles it, with only the packages of runtime/package-lock.json, it must load every module
 * it imports and answer a Job without configuration with exit 2 and a result naming the variable.
 */
describe('evaluation program in the runtime image layout', () => {
  it('starts under plain node with only the image packages and names what is missing', async () => {
    const out = await imageFolder('runtime', ['runtime/main.ts', 'runtime/eval/main.ts']);
    try {
      expect(existsSync(join(out, 'build/runtime/eval/main.js'))).toBe(true);
      const resultFile = join(out, 'termination-log');
      const exit = await promisify(execFile)(process.execPath, ['build/runtime/eval/main.js'], {
        cwd: out,
        env: { PATH: process.env.PATH, EVAL_RESULT_FILE: resultFile },
      }).then(
        () => 0,
        (error: { code: number; stderr: string }) => ({ code: error.code, stderr: error.stderr }),
      );
      expect(exit).toEqual({ code: 2, stderr: '' });
      const result = decodeResult(readFileSync(resultFile, 'utf8'));
      expect(result).toMatchObject({ format: 1, error: { field: 'EVAL_RUN_ID' } });
      if (!('invalid' in result)) {
        for (const variable of [
          'EVAL_RUN_ID',
          'EVAL_MODEL',
          'EVAL_TARGET_URL',
          'EVAL_TARGET_VERSION',
          'EVAL_DATASET_FILE',
        ])
          expect(result.error?.message).toContain(variable);
      }
    } finally {
      removeFolder(out);
    }
  }, 120_000);
});
