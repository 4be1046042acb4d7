/**
 * Credentials end to end: the built CLI against the emulator, with a temp HOME
 * holding the aliyun CLI's ~/.aliyun/config.json. --profile (or
 * CONTACT_IMPORT_PROFILE) beats a wrong AccessKey pair in the environment; a
 * mistyped profile stops before any request; --verbose names the source and
 * never a key.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEMO_CREDENTIALS } from '../src/emulator/server.js';
import { expectOneErrorLine } from './helpers/cli.js';
import { contactsCsv } from './helpers/generate.js';
import { statuses, useImportRuns } from './helpers/import-run.js';

const { tmp, emulator, sheet, importSheet } = useImportRuns('contact-import-credentials-');

const WRONG = { ALIBABA_CLOUD_ACCESS_KEY_ID: 'test-wrong-key-id-in-env', ALIBABA_CLOUD_ACCESS_KEY_SECRET: 'wrong-secret-in-env' };
let homes = 0;

/** A fresh HOME whose ~/.aliyun/config.json has a "rehearsal" profile with the emulator's keys, and a current profile with other keys. */
function homeWithCliProfiles(): string {
  const home = join(tmp(), `home-${++homes}`);
  mkdirSync(join(home, '.aliyun'), { recursive: true });
  const profile = (name: string, id: string, secret: string) => ({ name, mode: 'AK', access_key_id: id, access_key_secret: secret, region_id: 'cn-hangzhou' });
  const config = {
    current: 'someone-else',
    profiles: [profile('someone-else', 'test-someone-else-key-id', 'not-the-secret'), profile('rehearsal', DEMO_CREDENTIALS.accessKeyId, DEMO_CREDENTIALS.accessKeySecret)],
  };
  writeFileSync(join(home, '.aliyun', 'config.json'), JSON.stringify(config, null, 2), { mode: 0o600 });
  return home;
}

describe('credentials: --profile', () => {
  it('a profile of ~/.aliyun/config.json is used although the environment holds another AccessKey pair', async () => {
    const e = await emulator();
    const env = { HOME: homeWithCliProfiles(), ...WRONG };
    const file = sheet(contactsCsv(1));
    // The environment's pair is what the chain would use, and the emulator refuses it.
    const chain = await importSheet(e, file, [], env);
    expect(chain.code).toBe(3);
    expect(chain.stderr).toMatch(/InvalidAccessKeyId\.NotFound/);

    const viaFlag = await importSheet(e, file, ['--profile', 'rehearsal'], env);
    expect(viaFlag.code).toBe(0);
    expect(statuses(viaFlag.rows)).toEqual(['created']);
    const viaEnv = await importSheet(e, file, [], { ...env, CONTACT_IMPORT_PROFILE: 'rehearsal' });
    expect(viaEnv.code).toBe(0);
    expect(statuses(viaEnv.rows)).toEqual(['exists']);
  });

  it('a mistyped profile is exit 3, one line naming it and the files looked in; no request, no report', async () => {
    const e = await emulator();
    const run = await importSheet(e, sheet(contactsCsv(1)), ['--profile', 'rehersal'], { HOME: homeWithCliProfiles(), ...WRONG });
    expect(run.code).toBe(3);
    expectOneErrorLine(run, /^error: no credentials profile "rehersal": looked in ~\/\.aliyun\/config\.json \(profiles "someone-else", "rehearsal"\), ~\/\.alibabacloud\/credentials \(no such file\); nothing was sent$/m);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(e.requests).toEqual([]);
    expect(run.rows).toEqual([]);
  });

  it('--verbose names the source, and no key id or secret appears on stdout, stderr or in log.jsonl', async () => {
    const e = await emulator();
    const run = await importSheet(e, sheet(contactsCsv(2)), ['--profile', 'rehearsal', '--verbose', '--json'], { HOME: homeWithCliProfiles(), ...WRONG });
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/^credentials: profile "rehearsal" of ~\/\.aliyun\/config\.json \(AccessKey\)$/m);
    const log = readFileSync(join(run.reportDir, 'log.jsonl'), 'utf8');
    expect(log).toContain('credentials: profile \\"rehearsal\\" of ~/.aliyun/config.json (AccessKey)');
    const keys = [DEMO_CREDENTIALS.accessKeyId, DEMO_CREDENTIALS.accessKeySecret, WRONG.ALIBABA_CLOUD_ACCESS_KEY_ID, WRONG.ALIBABA_CLOUD_ACCESS_KEY_SECRET];
    for (const output of [run.stdout, run.stderr, log]) {
      for (const key of keys) expect(output).not.toContain(key);
    }
  });
});

describe('credentials: the chain without --profile', () => {
  it('--verbose names the environment when it gave the keys', async () => {
    const e = await emulator();
    const env = { HOME: homeWithCliProfiles(), ALIBABA_CLOUD_ACCESS_KEY_ID: DEMO_CREDENTIALS.accessKeyId, ALIBABA_CLOUD_ACCESS_KEY_SECRET: DEMO_CREDENTIALS.accessKeySecret };
    const run = await importSheet(e, sheet(contactsCsv(1)), ['--verbose'], env);
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/^credentials: environment variables ALIBABA_CLOUD_ACCESS_KEY_ID\/_SECRET$/m);
    expect(run.stderr).not.toContain(DEMO_CREDENTIALS.accessKeySecret);
  });

  it("no credentials anywhere: one line of our words naming what was tried; the SDK's text only with --verbose", async () => {
    const e = await emulator();
    const env = { HOME: join(tmp(), 'empty-home') };
    const file = sheet(contactsCsv(1));
    const plain = await importSheet(e, file, [], env);
    expect(plain.code).toBe(3);
    expectOneErrorLine(plain, /no credentials in the environment, OIDC, ~\/\.aliyun\/config\.json or ~\/\.alibabacloud\/credentials \(--verbose says why\)/);
    expect(plain.stderr).not.toMatch(/unable to get credentials|…/);
    expect(statuses(plain.rows)).toEqual(['not_attempted']);

    const verbose = await importSheet(e, file, ['--verbose'], env);
    expect(verbose.code).toBe(3);
    expect(verbose.stderr).toMatch(/^credentials: the SDK said: unable to get credentials from any of the providers in the chain: /m);
    // The SDK's URI step, left in the chain with ALIBABA_CLOUD_CREDENTIALS_URI unset, would ask https://undefined/.
    expect(verbose.stderr).not.toMatch(/undefined/);
    expect(e.requests).toEqual([]);
  });
});
