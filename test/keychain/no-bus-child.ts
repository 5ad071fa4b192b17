// Child process for the "no D-Bus" case: prints the store's answers as JSON (never throws).
import { KeyringSecretStore } from '../../adapters/keyring-secret-store';

const [service = 'quotabar-test', secret = 'x'] = process.argv.slice(2);
const store = new KeyringSecretStore({ service, store: 'secret-service' });
const results = [await store.set('openrouter', secret), await store.get('openrouter'), await store.remove('openrouter')];
process.stdout.write(JSON.stringify(results));
