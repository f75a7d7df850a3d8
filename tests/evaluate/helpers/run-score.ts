/** Test helper: runs `report-extract score` in process and collects its exit code and output. */
import { scoreCommand } from '../../../src/evaluate/score-command.js';

export async function runScore(argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await scoreCommand(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
  return { code, stdout, stderr };
}
