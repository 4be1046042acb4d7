/**
 * Which credentials a command uses (pure: no files read, no SDK; see
 * credentials.ts for the shell). `--profile NAME` means that profile and
 * nothing else, as in the aliyun CLI: AccessKeys in the environment do not
 * beat it, and a profile that is in neither file stops the run before any
 * call, instead of falling through the chain to the ECS instance role.
 * Without it, the SDK's standard chain decides, as @alicloud/credentials does.
 */
import { join } from 'node:path';
import { EXIT, ExitError } from '../errors.js';
import { say, type PlainKey } from '../i18n/text.js';

/** The aliyun CLI's `~/.aliyun/config.json` (JSON), or the SDK's `~/.alibabacloud/credentials` (INI). */
export type ProfileFileKind = 'cli' | 'ini';

/** Where a profile may be, and what is in it (read by credentials.ts). */
export interface ProfileFile {
  kind: ProfileFileKind;
  path: string;
  /** The profile names it holds; absent when it could not be read. */
  profiles?: string[];
  /** Why it could not be read: "no such file", "not valid JSON"… */
  problem?: string;
  /** config.json's current profile. */
  current?: string;
}

export type Env = Record<string, string | undefined>;

/** Where a command's credentials come from. */
export type CredentialSource =
  /** A key pair given in code: the demo, tests. */
  | { kind: 'keys'; accessKeyId: string; accessKeySecret: string; securityToken?: string }
  /** `--profile`: this profile of this file, and nothing else. */
  | { kind: 'profile'; profile: string; file: ProfileFileKind; path: string }
  /** The SDK's default chain; `profiles` says which profile its file steps read, `tried` names its steps. */
  | { kind: 'chain'; profiles: { file: ProfileFileKind; path: string; profile?: string }[]; tried: string[] };

const isTrue = (value: string | undefined) => value?.toLowerCase() === 'true';

/**
 * The files a profile may be in, in the order the SDK reads them. The SDK reads
 * config.json from the home folder only (it has no variable for another file),
 * and skips it with ALIBABA_CLOUD_CLI_PROFILE_DISABLED=true.
 */
export function profileFilePaths(env: Env, home: string): { kind: ProfileFileKind; path: string }[] {
  const ini = { kind: 'ini' as const, path: env.ALIBABA_CLOUD_CREDENTIALS_FILE || join(home, '.alibabacloud', 'credentials') };
  if (isTrue(env.ALIBABA_CLOUD_CLI_PROFILE_DISABLED)) return [ini];
  return [{ kind: 'cli', path: join(home, '.aliyun', 'config.json') }, ini];
}

/** The source for a command: the named profile (or exit 3 naming the files looked in), else the chain. */
export function chooseCredentials(profile: string | undefined, env: Env, files: ProfileFile[], home: string): CredentialSource {
  if (profile !== undefined) {
    const holder = files.find((file) => file.profiles?.includes(profile));
    if (holder) return { kind: 'profile', profile, file: holder.kind, path: holder.path };
    const looked = files.map((file) => say('directory.credentials.fileLooked', { file: tilde(file.path, home), what: file.problem ?? profilesIn(file) }));
    throw new ExitError(EXIT.directory, say('directory.credentials.noProfile', { profile, looked: looked.join(say('run.list.separator')) }));
  }
  // The chain's file steps read ALIBABA_CLOUD_PROFILE, else config.json's current profile, else the INI's "default".
  const named = env.ALIBABA_CLOUD_PROFILE || undefined;
  const profiles = files.map((file) => ({ file: file.kind, path: file.path, profile: named ?? (file.kind === 'cli' ? file.current : 'default') }));
  return { kind: 'chain', profiles, tried: chainSteps(env, files, home) };
}

function profilesIn(file: ProfileFile): string {
  const names = file.profiles ?? [];
  if (names.length === 0) return say('directory.credentials.noProfiles');
  const shown = names.slice(0, 5).map((name) => `"${name}"`).join(', ');
  return names.length > 5 ? say('directory.credentials.profilesMore', { names: shown, more: names.length - 5 }) : say('directory.credentials.profiles', { names: shown });
}

/** The chain's steps, in its order, as a person would name them. */
function chainSteps(env: Env, files: ProfileFile[], home: string): string[] {
  return [
    say('directory.credentials.stepEnvironment'),
    'OIDC',
    ...files.map((file) => tilde(file.path, home)),
    ...(isTrue(env.ALIBABA_CLOUD_ECS_METADATA_DISABLED) ? [] : [say('directory.credentials.stepEcs')]),
    ...(env.ALIBABA_CLOUD_CREDENTIALS_URI ? ['ALIBABA_CLOUD_CREDENTIALS_URI'] : []),
  ];
}

/** The SDK's provider names (`default/cli_profile/static_ak`) in words. */
const PROVIDER_WORDS: Record<string, PlainKey> = {
  env: 'directory.provider.env',
  oidc_role_arn: 'directory.provider.oidc',
  ecs_ram_role: 'directory.provider.ecs',
  credential_uri: 'directory.provider.uri',
  static_ak: 'directory.provider.accessKey',
  static_sts: 'directory.provider.sts',
  ram_role_arn: 'directory.provider.ramRole',
  cloud_sso: 'directory.provider.sso',
  oauth: 'directory.provider.oauth',
  external: 'directory.provider.external',
};

/** The provider steps in words, outermost first; a step we do not know by its SDK name. */
function providerSteps(steps: string[]): string {
  return steps.map((step) => (Object.hasOwn(PROVIDER_WORDS, step) ? say(PROVIDER_WORDS[step]!) : step)).join(say('directory.credentials.via'));
}

/**
 * The source that gave the credentials, for `--verbose`: its type and profile,
 * never a key. `providerName` is what the SDK says it used.
 */
export function describeSource(source: CredentialSource, providerName: string | undefined, home: string): string {
  if (source.kind === 'keys') return say('directory.credentials.keyPairGiven');
  const steps = (providerName ?? '').split('/').filter((step) => step !== '' && step !== 'default');
  const [first, ...inner] = steps;
  const fileKind = first === 'cli_profile' ? 'cli' : first === 'profile' ? 'ini' : undefined;
  if (fileKind === undefined) return steps.length > 0 ? say('directory.credentials.source', { source: providerSteps(steps) }) : say('directory.credentials.sourceUnknown');
  const entry = source.kind === 'profile' ? source : source.profiles.find((p) => p.file === fileKind);
  const where = entry
    ? say('directory.credentials.profileOf', { profile: entry.profile ?? '?', file: tilde(entry.path, home) })
    : say('directory.credentials.someProfile', { step: first! });
  return inner.length > 0 ? say('directory.credentials.sourceKind', { source: where, kind: providerSteps(inner) }) : say('directory.credentials.source', { source: where });
}

/** One line of our own words when the source gave no credentials; the SDK's reasons go to the debug log. */
export function noCredentialsMessage(source: CredentialSource, home: string): string {
  if (source.kind === 'profile') return say('directory.credentials.profileGaveNone', { profile: source.profile, file: tilde(source.path, home) });
  if (source.kind === 'keys') return say('directory.credentials.keyPairRefused');
  const tried = source.tried;
  return say('directory.credentials.noneInChain', { steps: tried.slice(0, -1).join(say('run.list.separator')), last: tried.at(-1)! });
}

/**
 * The SDK's own text about a credentials failure, safe to log: it quotes
 * config.json whole when the file is not valid JSON, and some server answers
 * whole, so file contents and any secret-looking field are cut out.
 */
export function scrubSdkText(text: string): string {
  return text
    // not for people: the client's own English words, which --verbose shows as they are
    .replace(/(parse aliyun cli config from '[^']*' failed):[\s\S]*/, '$1 (the file is not shown)')
    .replace(/("?[\w-]*(?:secret|token|access_?key_?id|password)[\w-]*"?\s*[:=]\s*)("[^"]*"|[^\s,;}&]+)/gi, '$1***')
    .replace(/\s+/g, ' ')
    .trim();
}

/** A path under the home folder as `~/…`: shorter, and the same on every machine. */
export function tilde(path: string, home: string): string {
  return home && path.startsWith(`${home}/`) ? `~${path.slice(home.length)}` : path;
}
