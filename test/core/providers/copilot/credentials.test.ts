import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { maskGitHubToken, parseCopilotApps, parseGhHosts } from '../../../../core/providers/copilot/credentials';
import { fixtureText } from '../load-fixture';

describe("the editor plugins' apps.json and hosts.json", () => {
  it('takes the github.com entry and skips another GitHub host listed first', () => {
    expect(parseCopilotApps(fixtureText('copilot', 'apps-github-and-enterprise'))).toEqual({ token: 'ghu_GITHUBtoken0000000000000000000000000', user: 'alice' });
  });

  it('reads the older hosts.json keyed by the bare host', () => {
    expect(parseCopilotApps('{"github.com":{"user":"bob","oauth_token":"gho_bobtoken000000"}}')).toEqual({ token: 'gho_bobtoken000000', user: 'bob' });
  });

  it('finds nothing in a file with only another host, a missing token, or garbage', () => {
    for (const text of ['{"acme.ghe.com:Iv1.x":{"oauth_token":"ghu_x0000000000"}}', '{"github.com:Iv1.x":{"user":"a"}}', '{"github.com":{"oauth_token":"two words"}}', 'not json', '[]', '']) {
      expect(parseCopilotApps(text), text).toBeNull();
    }
  });
});

describe("gh's hosts.yml", () => {
  it('reads the token in the github.com block (older gh, or --insecure-storage)', () => {
    const yml = ['github.com:', '    user: alice', '    oauth_token: gho_ALICE000000000000', '    git_protocol: https', ''].join('\n');
    expect(parseGhHosts(yml)).toEqual({ token: 'gho_ALICE000000000000', user: 'alice' });
  });

  it("reads the active user's token from the users map (gh 2.40+)", () => {
    const yml = [
      'acme.ghe.com:',
      '    oauth_token: gho_ENTERPRISE0000000',
      'github.com:',
      '    users:',
      '        bob:',
      '            oauth_token: "gho_BOB000000000000"',
      '        alice:',
      "            oauth_token: 'gho_ALICE00000000000'",
      '    git_protocol: ssh # chosen at login',
      '    user: alice',
    ].join('\n');
    expect(parseGhHosts(yml)).toEqual({ token: 'gho_ALICE00000000000', user: 'alice' });
  });

  it('finds nothing when gh keeps the token in the system keyring, or only another host is signed in', () => {
    expect(parseGhHosts('github.com:\n    users:\n        alice:\n    git_protocol: https\n    user: alice\n')).toBeNull();
    expect(parseGhHosts('acme.ghe.com:\n    oauth_token: gho_ENTERPRISE0000000\n    user: a\n')).toBeNull();
    // A nested key named like the host is not the host's block.
    expect(parseGhHosts('other.example:\n    github.com:\n        oauth_token: gho_NESTED0000000000\n')).toBeNull();
  });

  it('tolerates CRLF line ends, a BOM and comment lines', () => {
    expect(parseGhHosts('\uFEFF# gh hosts\r\ngithub.com:\r\n  # note\r\n  oauth_token: gho_CRLF00000000000\r\n  user: c\r\n')).toEqual({ token: 'gho_CRLF00000000000', user: 'c' });
  });

  it('never throws, whatever the text', () => {
    fc.assert(fc.property(fc.string(), (t) => void parseGhHosts(t)));
    fc.assert(fc.property(fc.array(fc.constantFrom('github.com:', '  users:', '    a:', '      oauth_token: x1', '  user: a', '  oauth_token:', '#', ': :', '\t')), (ls) => void parseGhHosts(ls.join('\n'))));
    fc.assert(fc.property(fc.string(), (t) => void parseCopilotApps(t)));
  });
});

describe('maskGitHubToken', () => {
  it('keeps the kind prefix and the last four characters only', () => {
    expect(maskGitHubToken('gho_ALICE00000000000abcd')).toBe('gho_…abcd');
    expect(maskGitHubToken('0123456789abcdef0123')).toBe('…0123');
    expect(maskGitHubToken('short')).toBe('…');
  });
});
