/**
 * Which credentials a command uses (the pure core of credentials): --profile
 * wins over AccessKeys in the environment and never falls through; without it
 * the SDK's chain; what --verbose names, and what a failure says.
 */
import {
  chooseCredentials,
  describeSource,
  noCredentialsMessage,
  profileFilePaths,
  scrubSdkText,
  type CredentialSource,
  type ProfileFile,
} from '../src/directory/credential-choice.js';
import { EXIT, ExitError } from '../src/errors.js';

const HOME = '/home/ops';
const KEYS_IN_ENV = { ALIBABA_CLOUD_ACCESS_KEY_ID: 'test-wrong-key-id', ALIBABA_CLOUD_ACCESS_KEY_SECRET: 'wrong-secret' };
const cli = (profiles: string[], current?: string): ProfileFile => ({ kind: 'cli', path: `${HOME}/.aliyun/config.json`, profiles, ...(current ? { current } : {}) });
const ini = (profiles: string[]): ProfileFile => ({ kind: 'ini', path: `${HOME}/.alibabacloud/credentials`, profiles });
const absentIni: ProfileFile = { kind: 'ini', path: `${HOME}/.alibabacloud/credentials`, problem: 'no such file' };

function stopOf(run: () => unknown): ExitError {
  try {
    run();
  } catch (error) {
    if (error instanceof ExitError) return error;
    throw error;
  }
  throw new Error('it did not stop');
}

describe('which files a profile is looked for in', () => {
  it('config.json, then the INI file, both under HOME', () => {
    expect(profileFilePaths({}, HOME)).toEqual([
      { kind: 'cli', path: `${HOME}/.aliyun/config.json` },
      { kind: 'ini', path: `${HOME}/.alibabacloud/credentials` },
    ]);
  });

  it('ALIBABA_CLOUD_CREDENTIALS_FILE moves the INI file; ALIBABA_CLOUD_CLI_PROFILE_DISABLED drops config.json, as the SDK does', () => {
    expect(profileFilePaths({ ALIBABA_CLOUD_CREDENTIALS_FILE: '/etc/rd/creds', ALIBABA_CLOUD_CLI_PROFILE_DISABLED: 'TRUE' }, HOME)).toEqual([{ kind: 'ini', path: '/etc/rd/creds' }]);
  });
});

describe('--profile NAME', () => {
  it('is that profile even when AccessKeys are in the environment', () => {
    expect(chooseCredentials('prod', KEYS_IN_ENV, [cli(['dev', 'prod'], 'dev'), absentIni], HOME)).toEqual({
      kind: 'profile',
      profile: 'prod',
      file: 'cli',
      path: `${HOME}/.aliyun/config.json`,
    });
  });

  it('is found in the INI file when config.json does not have it; config.json first when both do', () => {
    expect(chooseCredentials('ci', {}, [cli(['dev']), ini(['default', 'ci'])], HOME)).toMatchObject({ kind: 'profile', file: 'ini' });
    expect(chooseCredentials('ci', {}, [cli(['ci']), ini(['ci'])], HOME)).toMatchObject({ kind: 'profile', file: 'cli' });
  });

  it('names are exact: another case is another profile', () => {
    const stop = stopOf(() => chooseCredentials('Prod', {}, [cli(['prod']), absentIni], HOME));
    expect(stop.exitCode).toBe(EXIT.directory);
  });

  it('a profile in neither file is exit 3, one line naming it, the files looked in and what they hold', () => {
    const stop = stopOf(() => chooseCredentials('prd', KEYS_IN_ENV, [cli(['dev', 'prod'], 'dev'), absentIni], HOME));
    expect(stop.exitCode).toBe(EXIT.directory);
    expect(stop.message).toBe('no credentials profile "prd": looked in ~/.aliyun/config.json (profiles "dev", "prod"), ~/.alibabacloud/credentials (no such file); nothing was sent');
  });

  it('says when a file could not be read, and lists at most five names', () => {
    const broken: ProfileFile = { kind: 'cli', path: `${HOME}/.aliyun/config.json`, problem: 'not valid JSON' };
    const many = ini(['a', 'b', 'c', 'd', 'e', 'f', 'g']);
    const { message } = stopOf(() => chooseCredentials('x', {}, [broken, many], HOME));
    expect(message).toContain('~/.aliyun/config.json (not valid JSON)');
    expect(message).toContain('(profiles "a", "b", "c", "d", "e" and 2 more)');
    expect(stopOf(() => chooseCredentials('x', {}, [cli([]), absentIni], HOME)).message).toContain('(no profiles)');
  });
});

describe('without --profile: the SDK chain', () => {
  it('is the chain, whatever the environment and files hold', () => {
    expect(chooseCredentials(undefined, KEYS_IN_ENV, [cli(['dev'], 'dev'), ini(['default'])], HOME)).toMatchObject({ kind: 'chain' });
  });

  it('knows which profile its file steps read: ALIBABA_CLOUD_PROFILE, else the current one, else "default"', () => {
    const files = [cli(['dev', 'prod'], 'dev'), ini(['default'])];
    const plain = chooseCredentials(undefined, {}, files, HOME) as Extract<CredentialSource, { kind: 'chain' }>;
    expect(plain.profiles.map((p) => p.profile)).toEqual(['dev', 'default']);
    const named = chooseCredentials(undefined, { ALIBABA_CLOUD_PROFILE: 'prod' }, files, HOME) as Extract<CredentialSource, { kind: 'chain' }>;
    expect(named.profiles.map((p) => p.profile)).toEqual(['prod', 'prod']);
  });

  it('its failure names the steps it tried: the ECS role unless disabled, the URI only when set', () => {
    const withEcs = chooseCredentials(undefined, { ALIBABA_CLOUD_CREDENTIALS_URI: 'http://127.0.0.1:1/creds' }, [cli([]), absentIni], HOME);
    expect(noCredentialsMessage(withEcs, HOME)).toBe(
      'no credentials in the environment, OIDC, ~/.aliyun/config.json, ~/.alibabacloud/credentials, the ECS instance role or ALIBABA_CLOUD_CREDENTIALS_URI (--verbose says why)',
    );
    const without = chooseCredentials(undefined, { ALIBABA_CLOUD_ECS_METADATA_DISABLED: 'true' }, [absentIni], HOME);
    expect(noCredentialsMessage(without, HOME)).toBe('no credentials in the environment, OIDC or ~/.alibabacloud/credentials (--verbose says why)');
  });
});

describe('what --verbose names', () => {
  const chain = chooseCredentials(undefined, {}, [cli(['dev'], 'dev'), ini(['default'])], HOME);
  const named: CredentialSource = { kind: 'profile', profile: 'prod', file: 'cli', path: `${HOME}/.aliyun/config.json` };

  it.each([
    ['default/env', chain, 'credentials: environment variables ALIBABA_CLOUD_ACCESS_KEY_ID/_SECRET'],
    ['default/oidc_role_arn', chain, 'credentials: OIDC role (RRSA)'],
    ['default/cli_profile', chain, 'credentials: profile "dev" of ~/.aliyun/config.json'],
    ['default/profile', chain, 'credentials: profile "default" of ~/.alibabacloud/credentials'],
    ['default/ecs_ram_role', chain, 'credentials: ECS instance RAM role'],
    ['default/credential_uri', chain, 'credentials: ALIBABA_CLOUD_CREDENTIALS_URI'],
    ['cli_profile/static_ak', named, 'credentials: profile "prod" of ~/.aliyun/config.json (AccessKey)'],
    ['cli_profile/ram_role_arn/static_ak', named, 'credentials: profile "prod" of ~/.aliyun/config.json (RAM role via AccessKey)'],
  ])('%s', (providerName, source, line) => {
    expect(describeSource(source, providerName, HOME)).toBe(line);
  });

  it('a named profile that fails says so in one line of our words', () => {
    expect(noCredentialsMessage(named, HOME)).toBe('profile "prod" of ~/.aliyun/config.json gave no credentials (--verbose says why)');
  });
});

describe("the SDK's own text, for the debug log", () => {
  it('never quotes config.json, which the SDK prints whole when it is not valid JSON', () => {
    const text = `unable to get credentials from any of the providers in the chain: parse aliyun cli config from '/h/.aliyun/config.json' failed: {"profiles":[{"access_key_secret":"s3cr3t",}]}, ENOENT`;
    const scrubbed = scrubSdkText(text);
    expect(scrubbed).not.toContain('s3cr3t');
    expect(scrubbed).toContain("parse aliyun cli config from '/h/.aliyun/config.json' failed (the file is not shown)");
  });

  it('hides fields that look like secrets, tokens or key ids in a quoted answer, on one line', () => {
    const text = 'get sts token failed: {"AccessKeyId":"STS.abc","AccessKeySecret":"xyz","SecurityToken":"tok"}\nsecurity_token = t2';
    const scrubbed = scrubSdkText(text);
    for (const value of ['STS.abc', 'xyz', '"tok"', 't2']) expect(scrubbed).not.toContain(value);
    expect(scrubbed).not.toContain('\n');
    expect(scrubbed).toContain('get sts token failed');
  });
});
