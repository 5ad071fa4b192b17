// The hostile-provider matrix: every row is one world (provider, server replies, trouble) and what
// a user must see afterwards. The rows live in one file per provider; this is the whole table.
import { CLAUDE_SCENARIOS } from './scenarios-claude';
import { CODEX_SCENARIOS } from './scenarios-codex';
import { DEEPSEEK_SCENARIOS } from './scenarios-deepseek';
import { MOONSHOT_SCENARIOS } from './scenarios-moonshot';
import { COPILOT_SCENARIOS } from './scenarios-copilot';
import { ENVIRONMENT_SCENARIOS } from './scenarios-environment';
import { GEMINI_SCENARIOS } from './scenarios-gemini';
import { OPENROUTER_SCENARIOS } from './scenarios-openrouter';
import type { Scenario } from './scenario-kit';
import { MINIMAX_SCENARIOS } from './scenarios-minimax';
import { ZAI_SCENARIOS } from './scenarios-zai';

export type { Scenario } from './scenario-kit';

export const SCENARIOS: Scenario[] = [...OPENROUTER_SCENARIOS, ...CODEX_SCENARIOS, ...CLAUDE_SCENARIOS, ...ZAI_SCENARIOS, ...MINIMAX_SCENARIOS, ...MOONSHOT_SCENARIOS, ...DEEPSEEK_SCENARIOS, ...COPILOT_SCENARIOS, ...GEMINI_SCENARIOS, ...ENVIRONMENT_SCENARIOS];
