// What one provider is, as data: the single place its names, addresses, credential locations and
// words live. Everything outside the provider's folder reads these instead of naming the provider.

/** Longer than any real API key: anything longer is refused before it is looked at. */
export const MAX_KEY_LENGTH = 512;

/** Where a provider's credential comes from, in the order Quotabar looks. */
export interface CredentialSources {
  /** An environment variable holding the secret itself; it wins over the keychain when set. */
  envKey?: string;
  /**
   * An API key Quotabar stores itself (keychain service 'quotabar', this account), managed with
   * `quotabar key set|remove <cli name>` and in Settings. At most one provider per key kind.
   */
  keychainAccount?: string;
  /** The vendor tool's own folder, read only: its override variable and its name under the home folder. */
  dir?: { env: string; defaultName: string; description: string };
  /** The vendor tool's own keychain item (macOS), read only. */
  vendorKeychainService?: string;
  /**
   * Reading the vendor tool's sign-in is opt-in (off by default): `env` set to 1 turns it on for the
   * CLI, the settings' `credentialOptIn` list for the app. `label` names the checkbox, `note` says why
   * it is off (the vendor's terms) and what only it provides.
   */
  optIn?: { env: string; label: string; note: string };
  /**
   * A second, wider key that lists every key of the account (a team view), for the implicit account:
   * its environment variable (wins when set) and the keychain account Quotabar stores it under.
   */
  managementKey?: { envKey: string; keychainAccount: string };
}

/** The provider's own words; every other sentence about errors is shared (core/present.ts). */
export interface ProviderWords {
  /** How to set it up from the app, e.g. 'Sign in with `tool login`.' */
  setup: string;
  /** The same for the terminal, when it differs. */
  setupCli?: string;
  /** What to do when the provider refuses the sign-in or key. */
  signInAgain: string;
  /** The same for the terminal, when it differs. */
  signInAgainCli?: string;
  /** Why the provider refused the credential. */
  rejected: string;
  /** Settings' hint when no credential is found. */
  missing: string;
  /** Why the provider no longer serves this account or client at all (a `forbidden` error with reason `ineligible`). */
  ineligible?: string;
  /** What the user can do about that, if anything. */
  ineligibleAction?: string;
  /** The tool a sign-in is made with, as in "sign in with <tool>" (providers without a stored key). */
  signInWith?: string;
  /** The key form's texts, for providers whose key Quotabar stores. */
  key?: { placeholderHint: string; keysUrl: string; keysLinkText: string };
  /**
   * The management key's row in Settings (providers with `credentials.managementKey`): what it is for,
   * and where it is sent (the only host and endpoint it ever reaches).
   */
  managementKey?: { purpose: string; sentTo: string };
}

/** Everything the rest of Quotabar may know about one provider. */
export interface ProviderDescriptor {
  /** Stable id used in settings, snapshots, JSON output and the CLI. */
  readonly id: string;
  readonly displayName: string;
  /** Reports rolling windows that reset (5-hour, weekly), so the pace warning applies; a credit balance alone does not. */
  readonly resettingWindows?: boolean;
  readonly defaultBaseUrl: string;
  /** The variable that overrides the base URL (proxies, tests): QUOTABAR_<ID>_URL. */
  readonly baseUrlEnv: string;
  readonly credentials: CredentialSources;
  readonly words: ProviderWords;
  /** Why a candidate key is refused before it leaves the machine, or null when its shape is fine. */
  readonly keyFormatProblem?: (key: string) => string | null;
  /** Source ids in the order they are tried (recorded as a snapshot's `source`). */
  readonly sources: readonly string[];
  /**
   * The name the CLI accepts for it (`--provider`, `key set`), and other spellings it also accepts.
   * Providers with a `credentials.dir` name the option that gives an extra account's folder in
   * `quotabar account add <name> --label L <accountDirOption> DIR`.
   */
  readonly cli: { readonly name: string; readonly aliases: readonly string[]; readonly accountDirOption?: string };
  /** Where the demo server answers for it: the base URL's path under the demo origin, and its endpoints. */
  readonly demo: { readonly basePath: string; readonly paths: readonly string[] };
}
