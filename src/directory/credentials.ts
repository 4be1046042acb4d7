/**
 * The shell around credential-choice.ts: reads which profiles the two profile
 * files hold, and makes the SDK's credential for the chosen source, wrapped so
 * that the first success names its source (for --verbose) and a failure is one
 * line of our own words, the SDK's text going to the debug log only.
 */
import { readFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import credentials from '@alicloud/credentials';
import { say } from '../i18n/text.js';
import {
  chooseCredentials,
  describeSource,
  noCredentialsMessage,
  profileFilePaths,
  scrubSdkText,
  type CredentialSource,
  type Env,
  type ProfileFile,
  type ProfileFileKind,
} from './credential-choice.js';

// CommonJS package: its default import is module.exports, the classes sit on it.
const {
  default: Credential,
  DefaultCredentialsProvider,
  CLIProfileCredentialsProvider,
  ProfileCredentialsProvider,
  StaticAKCredentialsProvider,
  StaticSTSCredentialsProvider,
  URICredentialsProvider,
} = credentials;

type SdkProvider = ConstructorParameters<typeof Credential>[1] & credentials.CredentialsProvider;
type SdkCredentials = Awaited<ReturnType<credentials.CredentialsProvider['getCredentials']>>;

/** The credentials for `--profile` (or the chain without it), from the files as they are now. */
export async function credentialSource(profile: string | undefined, env: Env = process.env): Promise<CredentialSource> {
  // The SDK finds both files from os.homedir() (HOME), so this looks in the same place.
  const home = homedir();
  const files = await Promise.all(profileFilePaths(env, home).map(({ kind, path }) => readProfileFile(kind, path)));
  return chooseCredentials(profile || undefined, env, files, home);
}

async function readProfileFile(kind: ProfileFileKind, path: string): Promise<ProfileFile> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return { kind, path, problem: code === 'ENOENT' ? say('directory.credentials.noSuchFile') : say('directory.credentials.unreadable', { code: code ?? 'error' }) };
  }
  return kind === 'cli' ? cliProfiles(path, text) : { kind, path, profiles: iniSections(text) };
}

/** The aliyun CLI's file: `{"current": NAME, "profiles": [{"name": NAME, "mode": …}]}`. */
function cliProfiles(path: string, text: string): ProfileFile {
  let config: { current?: unknown; profiles?: { name?: unknown }[] };
  try {
    config = JSON.parse(text) as typeof config;
  } catch {
    return { kind: 'cli', path, problem: say('directory.credentials.notJson') };
  }
  const profiles = (Array.isArray(config?.profiles) ? config.profiles : []).map((p) => p?.name).filter((name): name is string => typeof name === 'string');
  return { kind: 'cli', path, profiles, ...(typeof config?.current === 'string' ? { current: config.current } : {}) };
}

/** The `[section]` names of an INI file, as the SDK's `ini` parser sees the lines (comments start with ; or #). */
function iniSections(text: string): string[] {
  return [...text.matchAll(/^\s*\[([^\]\r\n]+)\]\s*$/gm)].map((match) => match[1]!.trim());
}

/** What to tell about the credentials: the source that gave them, or the SDK's reason it gave none. */
export type CredentialsNote = (line: string) => void;

/** The SDK credential for a source, telling `note` which source gave the credentials or why none did. */
export function credentialFor(source: CredentialSource, note?: CredentialsNote): InstanceType<typeof Credential> {
  return new Credential(null, new ToldProvider(sdkProvider(source), source, note));
}

function sdkProvider(source: CredentialSource): SdkProvider {
  if (source.kind === 'keys') {
    const { accessKeyId, accessKeySecret, securityToken } = source;
    if (securityToken) return StaticSTSCredentialsProvider.builder().withAccessKeyId(accessKeyId).withAccessKeySecret(accessKeySecret).withSecurityToken(securityToken).build();
    return StaticAKCredentialsProvider.builder().withAccessKeyId(accessKeyId).withAccessKeySecret(accessKeySecret).build();
  }
  if (source.kind === 'chain') return withoutUnsetUri(DefaultCredentialsProvider.builder().build());
  // That profile of that file only: the environment's keys and the rest of the chain are never asked.
  if (source.file === 'cli') return CLIProfileCredentialsProvider.builder().withProfileName(source.profile).build();
  return ProfileCredentialsProvider.builder().withProfileName(source.profile).build();
}

/**
 * The SDK adds its ALIBABA_CLOUD_CREDENTIALS_URI step even when the variable is
 * unset, and that step then asks https://undefined/ (a DNS look-up of
 * "undefined", a request to any host of that name): drop it unless set. The
 * chain is private to the SDK; should its shape change, nothing is dropped.
 */
function withoutUnsetUri(chain: InstanceType<typeof DefaultCredentialsProvider>): SdkProvider {
  const steps = (chain as unknown as { providers?: unknown }).providers;
  if (!process.env.ALIBABA_CLOUD_CREDENTIALS_URI && Array.isArray(steps)) {
    const kept = steps.filter((step) => !(step instanceof URICredentialsProvider));
    steps.splice(0, steps.length, ...kept);
  }
  return chain;
}

/** An SDK provider that names its source once, and fails in our words (code InvalidCredentials: refused, never retried). */
class ToldProvider {
  private told = false;

  constructor(
    private readonly inner: SdkProvider,
    private readonly source: CredentialSource,
    private readonly note: CredentialsNote | undefined,
  ) {}

  async getCredentials(): Promise<SdkCredentials> {
    const home = homedir();
    let got: SdkCredentials;
    try {
      got = await this.inner.getCredentials();
    } catch (error) {
      this.note?.(say('directory.credentials.sdkSaid', { text: scrubSdkText(String((error as Error)?.message ?? error)) }));
      throw Object.assign(new Error(noCredentialsMessage(this.source, home)), { code: 'InvalidCredentials' });
    }
    if (!this.told) {
      this.told = true;
      this.note?.(describeSource(this.source, got.providerName, home));
    }
    return got;
  }

  getProviderName(): string {
    return this.inner.getProviderName();
  }
}
